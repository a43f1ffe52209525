//! The words: the language of an answer and its message catalogues (Project Fluent, one
//! `.ftl` file per language, embedded in the binary). Code passes message ids with typed
//! arguments ([`Msg`], [`Value`]); every sentence a user reads is a catalogue's.
//!
//! A catalogue is parsed lazily, a message at a time, the first time it is asked for: a
//! command that prints only ids and numbers (a CSV batch) parses none, and a single check the
//! few dozen it says, not all four hundred (parsing the whole catalogue was a sixth of a
//! check's instructions).

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::fmt;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

pub use crate::message::{Args, Msg, Value};

use crate::data::Incidents;
use crate::data::periods::{Confidence, Day};

/// A language the answers can be given in. Each has a catalogue of the code's messages
/// (`<code>.ftl`) and, but for English, the data's own, the translations of the data files'
/// English texts (`data.<code>.json`): a new language is those two files and its line here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// Every language, in the order `--lang` lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The language's code (`en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// Its catalogue of the code's messages.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::En => include_str!("en.ftl"),
            Lang::Ja => include_str!("ja.ftl"),
        }
    }

    /// Its translations of the data files' texts (JSON: English text to this language's).
    pub fn data_catalogue(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::Ja => Some(include_str!("data.ja.json")),
        }
    }

    /// The language a code names (`ja`, `JA`, `ja-JP`, `ja_JP.UTF-8`), if it is one of ours.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language of a run: `--lang`, else `MPN_SUPPORT_LANG`, else the locale (`LC_ALL`,
    /// `LC_MESSAGES`, `LANG`, the first that is set), else English. A language asked for by
    /// name that is not one of ours is an error; a locale of another language is English.
    pub fn choose(
        flag: Option<&str>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Lang, UnknownLang> {
        let asked = flag.map(|f| (f.to_owned(), "--lang")).or_else(|| {
            env("MPN_SUPPORT_LANG")
                .filter(|v| !v.is_empty())
                .map(|v| (v, "MPN_SUPPORT_LANG"))
        });
        if let Some((code, from)) = asked {
            return Lang::from_code(&code).ok_or(UnknownLang { code, from });
        }
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| env(name).filter(|v| !v.is_empty()));
        Ok(locale.and_then(|l| Lang::from_code(&l)).unwrap_or_default())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language asked for that the tool does not speak.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown language `{code}` (from {from}): valid: {}",
    Lang::ALL.iter().map(|l| format!("`{l}`")).collect::<Vec<_>>().join(", ")
)]
pub struct UnknownLang {
    /// What was asked for.
    pub code: String,
    /// Where: `--lang` or `MPN_SUPPORT_LANG`.
    pub from: &'static str,
}

/// The words of one language: its catalogue, each message parsed on first use.
pub struct Words {
    lang: Lang,
    /// Each message's source text in the catalogue, by id, found on first use.
    index: OnceCell<HashMap<&'static str, &'static str>>,
    /// The messages parsed so far.
    bundle: RefCell<FluentBundle<FluentResource>>,
    data: OnceCell<HashMap<String, String>>,
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Words").field("lang", &self.lang).finish()
    }
}

impl Default for Words {
    fn default() -> Self {
        Words::new(Lang::En)
    }
}

impl Words {
    /// The words of a language.
    pub fn new(lang: Lang) -> Self {
        Words {
            lang,
            index: OnceCell::new(),
            bundle: RefCell::new(bundle(lang)),
            data: OnceCell::new(),
        }
    }

    /// The language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Parses the message `id` (and the messages it refers to) into the bundle, once.
    fn load(&self, id: &str) {
        if self.bundle.borrow().has_message(id) {
            return;
        }
        let index = self.index.get_or_init(|| index(self.lang.catalogue()));
        let Some(&source) = index.get(id) else {
            return;
        };
        // A catalogue is compiled in and checked by the tests: a syntax error in one is
        // caught there, so whatever parses is used.
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        let _ = self.bundle.borrow_mut().add_resource(resource);
        for reference in references(source) {
            self.load(reference);
        }
    }

    /// A message with its arguments, in words. A message the catalogue lacks is shown as its
    /// id (a test keeps every catalogue complete).
    pub fn msg(&self, msg: &Msg<'_>) -> String {
        self.format(&msg.id, &msg.args)
    }

    /// A message without arguments.
    pub fn text(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// A message with arguments given as a slice.
    pub fn format(&self, id: &str, args: &[(&'static str, Value<'_>)]) -> String {
        self.load(id);
        // The arguments first: one may be a message of its own, loaded as it is formatted.
        let mut fluent = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent.set(*name, self.value(value));
        }
        let bundle = self.bundle.borrow();
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
        match self.lang {
            Lang::Ja => join_japanese(&text),
            Lang::En => text.into_owned(),
        }
    }

    /// Text from a data file, in this language: its translation when the language's data
    /// catalogue has one, else as the file has it (a data file of your own is shown as you
    /// wrote it).
    pub fn data<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let Some(catalogue) = self.lang.data_catalogue() else {
            return Cow::Borrowed(text);
        };
        let map = self
            .data
            .get_or_init(|| serde_json::from_str(catalogue).unwrap_or_default());
        match map.get(text) {
            Some(t) => Cow::Owned(t.clone()),
            None => Cow::Borrowed(text),
        }
    }

    /// Incidents in words: `20 incidents`, `unlimited incidents`, `not entitled`.
    pub fn incidents(&self, incidents: Incidents) -> String {
        let n = match incidents {
            Incidents::Count(n) => Value::Count(u64::from(n)),
            Incidents::Unlimited => Value::Word("unlimited"),
        };
        self.format("incidents", &[("n", n)])
    }

    /// How sure a fact is, in words.
    pub fn confidence(&self, c: Confidence) -> String {
        self.msg(&c.message())
    }

    /// A value as Fluent takes it, borrowing the text it already has.
    fn value<'v>(&self, value: &'v Value<'_>) -> FluentValue<'v> {
        let text = |s: String| FluentValue::String(s.into());
        match value {
            Value::Text(s) => FluentValue::String(Cow::Borrowed(s)),
            Value::Owned(s) => FluentValue::String(Cow::Borrowed(s)),
            Value::Data(s) => FluentValue::String(self.data(s)),
            Value::Word(w) => FluentValue::String(Cow::Borrowed(w)),
            Value::Day(d) => text(Day(*d).to_string()),
            Value::Count(n) => FluentValue::from(*n),
            Value::Incidents { count, unlimited } => text(self.incidents(if *unlimited {
                Incidents::Unlimited
            } else {
                Incidents::Count(*count)
            })),
            Value::AnyOf(list) => text(self.list(list, "list-or")),
            Value::AllOf(list) => text(self.list(list, "list-and")),
            Value::Each(list) => {
                let items: Vec<String> = list.iter().map(|v| self.plain(v)).collect();
                text(items.join(&self.text("list-each-separator")))
            }
            Value::Codes(list) => {
                let items: Vec<String> = list.iter().map(|v| self.plain(v)).collect();
                text(items.join(", "))
            }
            Value::Message(id, args) => text(self.format(id, args)),
        }
    }

    /// A value as text.
    fn plain(&self, value: &Value<'_>) -> String {
        match self.value(value) {
            FluentValue::String(s) => s.into_owned(),
            FluentValue::Number(n) => n.as_string().into_owned(),
            _ => String::new(),
        }
    }

    /// A list joined the language's way: `a`, `a or b`, `a, b or c`.
    fn list(&self, list: &[Value<'_>], last_join: &'static str) -> String {
        let items: Vec<String> = list.iter().map(|v| self.plain(v)).collect();
        match items.as_slice() {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => {
                let init = init.join(&self.text("list-separator"));
                self.format(
                    last_join,
                    &[("init", Value::Text(&init)), ("last", Value::Text(last))],
                )
            }
        }
    }
}

/// Japanese text with no space between a Japanese word and a particle. The catalogue spaces
/// every value off, as Microsoft's Japanese style wants around Latin letters and numbers
/// (`{ $tier } は` reads `Action Pack は`); a value that is Japanese itself (`Gold
/// コンピテンシー`) must then join its particle (`Gold コンピテンシーは`). So a space between a
/// Japanese character and a hiragana, on either side, goes; spaces between katakana words
/// (`パートナー センター`) and next to Latin letters, digits or brackets stay.
fn join_japanese(text: &str) -> String {
    fn japanese(c: char) -> bool {
        matches!(c, '\u{3005}' | '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}')
    }
    fn hiragana(c: char) -> bool {
        matches!(c, '\u{3040}'..='\u{309f}')
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' '
            && let Some(&before) = i.checked_sub(1).and_then(|j| chars.get(j))
            && let Some(&after) = chars.get(i + 1)
            && japanese(before)
            && japanese(after)
            && (hiragana(before) || hiragana(after))
        {
            continue;
        }
        out.push(c);
    }
    out
}

/// An empty bundle for a language: placeables not wrapped in Unicode isolation marks
/// (terminals and CSV cells show them as noise).
fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(false);
    bundle
}

/// Each message's source in a catalogue, by id: from the line that starts it (`id = ...`) to
/// the next line that starts another. A message's other lines are indented, or a select's
/// closing `}`; a comment before a message travels with the one above, where it parses as a
/// comment.
fn index(catalogue: &'static str) -> HashMap<&'static str, &'static str> {
    let starts = catalogue
        .match_indices('\n')
        .map(|(at, _)| at + 1)
        .chain(std::iter::once(0))
        .filter(|&at| {
            catalogue[at..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
        });
    let mut starts: Vec<usize> = starts.collect();
    starts.sort_unstable();
    let mut index = HashMap::with_capacity(starts.len());
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).copied().unwrap_or(catalogue.len());
        let source = &catalogue[start..end];
        if let Some((id, _)) = source.split_once(" =") {
            index.insert(id.trim_end(), source);
        }
    }
    index
}

/// The messages a message's source refers to (`{ import-summary }`): a placeable that is an
/// identifier alone, not a variable (`$`), a term (`-`) or a literal.
fn references(source: &str) -> impl Iterator<Item = &str> {
    source.split('{').skip(1).filter_map(|rest| {
        let inside = rest.split('}').next()?.trim();
        let plain = inside
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        (plain && inside.starts_with(|c: char| c.is_ascii_alphabetic())).then_some(inside)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every catalogue parses without an error and defines no message twice.
    #[test]
    fn catalogues_parse() {
        for lang in Lang::ALL {
            let parsed = FluentResource::try_new(lang.catalogue().to_owned());
            assert!(parsed.is_ok(), "{lang}: {:?}", parsed.err().map(|e| e.1));
            let mut bundle: FluentBundle<FluentResource> = FluentBundle::new(vec![]);
            let added = bundle.add_resource(parsed.unwrap_or_else(|(r, _)| r));
            assert!(added.is_ok(), "{lang}: {added:?}");
        }
    }

    /// A message parsed alone, as `Words` loads it, is the message the whole catalogue gives:
    /// Fluent's own parse of the file is the reference. Every id of both catalogues, with
    /// arguments for the variables the catalogue uses most.
    #[test]
    fn a_message_parsed_alone_is_the_catalogues() {
        for lang in Lang::ALL {
            let whole =
                FluentResource::try_new(lang.catalogue().to_owned()).unwrap_or_else(|(r, _)| r);
            let mut reference = bundle(lang);
            assert!(reference.add_resource(whole).is_ok());
            let ids: Vec<String> = lang
                .catalogue()
                .lines()
                .filter_map(|l| l.split_once(" = ").map(|(id, _)| id))
                .filter(|id| id.starts_with(|c: char| c.is_ascii_alphabetic()))
                .map(str::to_owned)
                .collect();
            assert!(ids.len() > 300, "{lang}: {} ids", ids.len());
            let words = Words::new(lang);
            let mut args = FluentArgs::new();
            for name in [
                "count",
                "days",
                "n",
                "qualifying_count",
                "separator",
                "found",
            ] {
                args.set(name, FluentValue::from(2));
            }
            for id in &ids {
                let pattern = reference.get_message(id).and_then(|m| m.value());
                assert!(pattern.is_some(), "{lang}: {id} has no value");
                let expected = pattern
                    .map(|p| {
                        reference
                            .format_pattern(p, Some(&args), &mut Vec::new())
                            .into_owned()
                    })
                    .unwrap_or_default();
                words.load(id);
                let loaded = words.bundle.borrow();
                let got = loaded.get_message(id).and_then(|m| m.value()).map(|p| {
                    loaded
                        .format_pattern(p, Some(&args), &mut Vec::new())
                        .into_owned()
                });
                assert_eq!(got.as_deref(), Some(expected.as_str()), "{lang}: {id}");
            }
        }
    }

    /// Lists read as a person writes them.
    #[test]
    fn lists_join_naturally() {
        let w = Words::default();
        let list = |n: usize| -> Vec<Value<'static>> {
            ["a", "b", "c"][..n]
                .iter()
                .map(|s| Value::Text(s))
                .collect()
        };
        assert_eq!(w.list(&list(1), "list-or"), "a");
        assert_eq!(w.list(&list(2), "list-or"), "a or b");
        assert_eq!(w.list(&list(3), "list-and"), "a, b and c");
    }

    /// A Japanese value joins its particle; Latin letters, numbers and katakana words keep
    /// their spaces.
    #[test]
    fn japanese_values_join_their_particles() {
        assert_eq!(
            join_japanese("Gold コンピテンシー は"),
            "Gold コンピテンシーは"
        );
        assert_eq!(join_japanese("Action Pack は"), "Action Pack は");
        assert_eq!(
            join_japanese("[ユーザー管理] で グローバル管理者 を"),
            "[ユーザー管理] でグローバル管理者を"
        );
        assert_eq!(join_japanese("パートナー センター"), "パートナー センター");
        assert_eq!(join_japanese("20 インシデント が"), "20 インシデントが");
        assert_eq!(join_japanese(" は"), " は");
    }

    /// Incidents read with their number and plural.
    #[test]
    fn incidents_in_words() {
        let w = Words::default();
        assert_eq!(w.incidents(Incidents::Count(0)), "not entitled");
        assert_eq!(w.incidents(Incidents::Count(1)), "1 incident");
        assert_eq!(w.incidents(Incidents::Count(20)), "20 incidents");
        assert_eq!(w.incidents(Incidents::Unlimited), "unlimited incidents");
    }
}
