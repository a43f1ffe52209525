//! The columns of a batch: which ones a command reads, and what a header (a CSV header cell, a
//! JSON key) that is none of them is. A header that plainly means a known column (misspelt,
//! its words reordered, a common other name for it, or the column's name inside a longer one
//! while the column itself is absent) is refused with a "did you mean", so that a row is never
//! decided without a fact the inventory holds; any other is the inventory's own column, carried
//! through. Headers are read once per file (CSV) or once per distinct key (JSON, see
//! [`KeyCache`]), never per row.

use super::error::InputError;

/// The columns a request row may have: the request, then the account facts (as the flags
/// `check` takes), then what `verify` expects.
pub const COLUMNS: [&str; 15] = [
    "tier",
    "product",
    "version",
    "competency",
    "as_of",
    "activated",
    "ids_associated",
    "incidents_remaining",
    "contract_end",
    "csp",
    "for_customer",
    "role",
    "expect",
    "incidents",
    "channel",
];

/// How many of [`COLUMNS`] a request reads (the rest are `verify`'s).
const REQUEST_COLUMNS: usize = 12;

/// The columns a header without them is refused for (the others are optional).
pub const REQUIRED: [&str; 2] = ["tier", "product"];

/// Other names people give the known columns, written down in one place: each is refused
/// with "did you mean" its column while that column is absent. Japanese names too, as a
/// Japanese inventory writes them.
const SYNONYMS: &[(&str, &str)] = &[
    ("membership", "tier"),
    ("membership_tier", "tier"),
    ("partner_tier", "tier"),
    ("offer", "tier"),
    ("level", "tier"),
    ("date", "as_of"),
    ("day", "as_of"),
    ("asof", "as_of"),
    ("when", "as_of"),
    ("ver", "version"),
    ("release", "version"),
    ("product_version", "version"),
    ("expiry", "contract_end"),
    ("expires", "contract_end"),
    ("expiry_date", "contract_end"),
    ("expiration", "contract_end"),
    ("expiration_date", "contract_end"),
    ("contract_expiry", "contract_end"),
    ("end_date", "contract_end"),
    ("valid_until", "contract_end"),
    ("valid_to", "contract_end"),
    ("activation", "activated"),
    ("incidents_left", "incidents_remaining"),
    ("remaining", "incidents_remaining"),
    ("class", "competency"),
    ("competency_class", "competency"),
    ("メンバーシップ", "tier"),
    ("メンバーシップ_プラン", "tier"),
    ("ティア", "tier"),
    ("製品", "product"),
    ("製品名", "product"),
    ("バージョン", "version"),
    ("コンピテンシー", "competency"),
    ("基準日", "as_of"),
    ("日付", "as_of"),
    ("契約終了日", "contract_end"),
    ("契約終了", "contract_end"),
    ("有効期限", "contract_end"),
    ("残りインシデント", "incidents_remaining"),
    ("残りインシデント数", "incidents_remaining"),
    ("ロール", "role"),
];

/// Words that, beside others in a header, name a known column's fact whatever else the header
/// says (`contract_expiry_date`, `incidents_available`, `asof_date`): each a word the header
/// must hold, the words of which one more must be there (none: the word alone is enough), and
/// the column. Counted while that column is absent.
const KEY_WORDS: &[(&str, &[&str], &str)] = &[
    ("version", &[], "version"),
    ("ver", &[], "version"),
    ("asof", &[], "as_of"),
    ("expiry", &[], "contract_end"),
    ("expires", &[], "contract_end"),
    ("expiration", &[], "contract_end"),
    ("expire", &[], "contract_end"),
    (
        "contract",
        &["end", "ends", "until", "date", "valid", "to"],
        "contract_end",
    ),
    ("valid", &["until", "to", "through"], "contract_end"),
    (
        "incidents",
        &[
            "remaining",
            "left",
            "available",
            "count",
            "balance",
            "remain",
        ],
        "incidents_remaining",
    ),
    (
        "incident",
        &[
            "remaining",
            "left",
            "available",
            "count",
            "balance",
            "remain",
        ],
        "incidents_remaining",
    ),
    (
        "date",
        &["as", "of", "check", "effective", "decision", "asof"],
        "as_of",
    ),
    ("activated", &[], "activated"),
    ("activation", &[], "activated"),
];

/// Which columns a batch reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// `check --batch`: the request and the account facts; `expect`, `incidents` and
    /// `channel` are the inventory's own there.
    Requests,
    /// `verify`: those, and what each row expects.
    Expectations,
}

impl Purpose {
    /// The columns this batch reads.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Purpose::Requests => &COLUMNS[..REQUEST_COLUMNS],
            Purpose::Expectations => &COLUMNS,
        }
    }

    /// The position in [`COLUMNS`] of a column this batch reads, by its folded name.
    pub fn known(self, folded: &str) -> Option<usize> {
        self.columns().iter().position(|c| *c == folded)
    }
}

/// A column name as the tool reads it: any case, `-` or a space for `_`, full-width letters
/// (as a Japanese input method types them) as ASCII, and camelCase as words (`asOf`,
/// `productVersion`, `SQLVersion`).
pub fn fold_column(name: &str) -> String {
    let chars: Vec<char> = name
        .trim()
        .chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        let boundary = c.is_ascii_uppercase()
            && before.is_some_and(|b| {
                b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || (b.is_ascii_uppercase() && after.is_some_and(|a| a.is_ascii_lowercase()))
            });
        if boundary {
            out.push('_');
        }
        match c {
            '-' | ' ' | '\u{30fb}' => out.push('_'),
            c => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// What a header names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// A known column: its position in [`COLUMNS`].
    Known(usize),
    /// Nothing: the header is blank.
    Blank,
    /// None of the known columns. It may still mean one: the candidates, best first, each
    /// with whether it counts only while that column is absent from the header. With none
    /// that counts, the column is the inventory's own.
    Other(Vec<(usize, bool)>),
}

/// What a header names, for a batch of this purpose.
pub fn read(name: &str, purpose: Purpose) -> Reading {
    if name.trim().is_empty() {
        return Reading::Blank;
    }
    let folded = fold_column(name);
    if let Some(known) = purpose.known(&folded) {
        return Reading::Known(known);
    }
    Reading::Other(meanings(&folded, purpose))
}

/// The known columns an unknown folded header may mean, best first: a synonym and the same
/// words in another order (while the column is absent), a near miss by edit distance (always:
/// a typo), then a longer name that contains an optional column's words (while it is absent).
fn meanings(folded: &str, purpose: Purpose) -> Vec<(usize, bool)> {
    let columns = purpose.columns();
    let words: Vec<&str> = folded.split('_').filter(|w| !w.is_empty()).collect();
    let joined = words.join("_");
    let mut out = Vec::new();
    let mut add = |column: &str, if_absent: bool| {
        let Some(i) = columns.iter().position(|c| *c == column) else {
            return;
        };
        match out.iter_mut().find(|(seen, _)| *seen == i) {
            // A typo counts always, even where another reading counted only while absent.
            Some(seen) => seen.1 &= if_absent,
            None => out.push((i, if_absent)),
        }
    };
    for (synonym, column) in SYNONYMS {
        if *synonym == joined {
            add(column, true);
        }
    }
    let mut sorted = words.clone();
    sorted.sort_unstable();
    for column in columns {
        let mut theirs: Vec<&str> = column.split('_').collect();
        theirs.sort_unstable();
        if theirs.len() > 1 && theirs == sorted {
            add(column, true);
        }
    }
    // A typo: a letter or two wrong, missing, extra or swapped (one per seven letters of the
    // column, at least one), not a different word that shares a prefix (`contract_id`).
    let near = columns
        .iter()
        .map(|c| (strsim::osa_distance(c, folded), *c))
        .filter(|(distance, c)| *distance <= (c.len() / 7).max(1))
        .min_by_key(|(distance, _)| *distance);
    if let Some((_, column)) = near {
        add(column, false);
    }
    for column in columns.iter().filter(|c| !REQUIRED.contains(c)) {
        let theirs: Vec<&str> = column.split('_').collect();
        if words.len() > theirs.len() && words.windows(theirs.len()).any(|w| w == theirs) {
            add(column, true);
        }
    }
    for (word, with, column) in KEY_WORDS {
        if words.contains(word) && (with.is_empty() || with.iter().any(|w| words.contains(w))) {
            add(column, true);
        }
    }
    out
}

/// The column a header that reads as `candidates` means, given which known columns the
/// header has (`present`, a bit per position in [`COLUMNS`]).
pub fn meant(candidates: &[(usize, bool)], present: u32) -> Option<&'static str> {
    candidates
        .iter()
        .find(|(i, if_absent)| !if_absent || present & (1 << i) == 0)
        .and_then(|(i, _)| COLUMNS.get(*i).copied())
}

/// The error for a header that means a known column.
pub fn unknown(name: &str, meant: &'static str, purpose: Purpose) -> InputError {
    InputError::UnknownColumn {
        name: name.trim().to_owned(),
        meant,
        known: purpose.columns(),
    }
}

/// The readings of the JSON keys seen so far, so that a key is read once per input, not once
/// per row; bounded, so that keys that differ on every row cost no memory.
#[derive(Debug)]
pub struct KeyCache {
    purpose: Purpose,
    seen: Vec<(String, Reading)>,
}

impl KeyCache {
    /// The most keys remembered: far more than a real inventory has columns.
    const MOST: usize = 64;

    /// An empty cache for a batch of this purpose.
    pub fn new(purpose: Purpose) -> Self {
        KeyCache {
            purpose,
            seen: Vec::new(),
        }
    }

    /// The purpose of the batch.
    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// What a key names.
    pub fn read(&mut self, key: &str) -> Reading {
        // Most keys are a column's own name: no folding, no lookup.
        if let Some(i) = self.purpose.columns().iter().position(|c| *c == key) {
            return Reading::Known(i);
        }
        if let Some((_, reading)) = self.seen.iter().find(|(k, _)| k == key) {
            return reading.clone();
        }
        let reading = read(key, self.purpose);
        if self.seen.len() < Self::MOST {
            self.seen.push((key.to_owned(), reading.clone()));
        }
        reading
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meaning(header: &str, purpose: Purpose, present: &[&str]) -> Option<&'static str> {
        let mask = present
            .iter()
            .filter_map(|p| COLUMNS.iter().position(|c| c == p))
            .fold(0, |m, i| m | 1 << i);
        match read(header, purpose) {
            Reading::Other(candidates) => meant(&candidates, mask),
            other => panic!("{header}: {other:?}"),
        }
    }

    /// Each way a header plainly means a known column; genuinely different columns are the
    /// inventory's own.
    #[test]
    fn headers_that_mean_a_known_column() {
        let base = ["tier", "product"];
        let request = Purpose::Requests;
        for (header, column) in [
            ("verison", "version"),
            ("remaining_incidents", "incidents_remaining"),
            ("end_contract", "contract_end"),
            ("Remaining Incidents", "incidents_remaining"),
            ("date", "as_of"),
            ("day", "as_of"),
            ("asof", "as_of"),
            ("ver", "version"),
            ("release", "version"),
            ("product_version", "version"),
            ("Product Version", "version"),
            ("sql_version", "version"),
            ("expiry", "contract_end"),
            ("expires", "contract_end"),
            ("contract_expiry", "contract_end"),
            ("end_date", "contract_end"),
            ("activation", "activated"),
            ("incidents_left", "incidents_remaining"),
            ("remaining", "incidents_remaining"),
            ("contract_expiry_date", "contract_end"),
            ("contract_expires", "contract_end"),
            ("valid_until", "contract_end"),
            ("incidents_available", "incidents_remaining"),
            ("incident_count", "incidents_remaining"),
            ("asof_date", "as_of"),
            ("check_date", "as_of"),
            ("effective_date", "as_of"),
            ("when", "as_of"),
            ("productVersion", "version"),
            ("SQLVersion", "version"),
            ("sql_ver", "version"),
            ("バージョン", "version"),
            ("契約終了日", "contract_end"),
            ("残りインシデント", "incidents_remaining"),
            ("class", "competency"),
        ] {
            assert_eq!(meaning(header, request, &base), Some(column), "{header}");
        }
        // A header naming the tier another way, while the tier column is missing.
        assert_eq!(meaning("membership", request, &["product"]), Some("tier"));
        // `check --batch` never suggests what only `verify` reads.
        assert_eq!(
            meaning("incidents_left", Purpose::Expectations, &base),
            Some("incidents_remaining")
        );
        for header in [
            "customer",
            "ticket",
            "owner",
            "customer_tier",
            "expect",
            "channel",
            "contract_id",
            "purchase_date",
            "incident_owner",
            "edition",
        ] {
            assert_eq!(meaning(header, request, &base), None, "{header}");
        }
        // A column present already is not what another header means, but for a typo.
        assert_eq!(
            meaning("date", request, &["tier", "product", "as_of"]),
            None
        );
        assert_eq!(
            meaning("sql_version", request, &["tier", "product", "version"]),
            None
        );
        assert_eq!(
            meaning("verison", request, &["tier", "product", "version"]),
            Some("version")
        );
        assert_eq!(read(" ", request), Reading::Blank);
        assert_eq!(read("Tier", request), Reading::Known(0));
        // camelCase and full-width spellings of a column are the column.
        assert_eq!(read("asOf", request), Reading::Known(4));
        assert_eq!(read("ＴＩＥＲ", request), Reading::Known(0));
        assert_eq!(read("ｖｅｒｓｉｏｎ", request), Reading::Known(2));
        assert_eq!(read("channel", request), Reading::Other(Vec::new()));
        assert_eq!(read("channel", Purpose::Expectations), Reading::Known(14));
    }
}
