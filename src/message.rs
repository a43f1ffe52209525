//! A message of the catalogues with its typed arguments: how every word the engine, the
//! reports and the errors hand to a printer travels. No words here (they are `i18n`'s), and
//! nothing below: any layer may say something.

use chrono::NaiveDate;

/// A value a message takes: names and versions as the data spells them, days, counts,
/// incident grants, lists, and other messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    /// Text as it is: a product name, a version, an id.
    Text(&'a str),
    /// Text as it is, owned (a message of the operating system).
    Owned(String),
    /// Text from a data file (a tier's name, a note), in the data's language; a catalogue of
    /// another language may translate it.
    Data(&'a str),
    /// A word of a closed set, given to the catalogue to choose a variant by
    /// (`on-premises`, `yes`).
    Word(&'static str),
    /// A day, written YYYY-MM-DD in every language.
    Day(NaiveDate),
    /// A number.
    Count(u64),
    /// Incidents: a number (0: none), or unlimited.
    Incidents {
        /// The number, when not unlimited.
        count: u32,
        /// No limit.
        unlimited: bool,
    },
    /// A list read as "a, b or c".
    AnyOf(Vec<Value<'a>>),
    /// A list read as "a, b and c".
    AllOf(Vec<Value<'a>>),
    /// A list of statements read one after the other ("a; b").
    Each(Vec<Value<'a>>),
    /// Codes or ids listed as they are ("a, b").
    Codes(Vec<Value<'a>>),
    /// Another message with its own arguments (an offer and what it grants).
    Message(&'static str, Args<'a>),
}

/// A message's arguments, by name.
pub type Args<'a> = Vec<(&'static str, Value<'a>)>;

/// A message of the catalogue with its arguments: how every word the engine and the reports
/// hand to a printer travels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg<'a> {
    /// The message id in the catalogues.
    pub id: std::borrow::Cow<'static, str>,
    /// Its arguments.
    pub args: Args<'a>,
}

impl<'a> Msg<'a> {
    /// A message with arguments.
    pub fn new(id: &'static str, args: Args<'a>) -> Self {
        Msg {
            id: id.into(),
            args,
        }
    }

    /// A message without arguments.
    pub fn plain(id: &'static str) -> Self {
        Msg {
            id: id.into(),
            args: Vec::new(),
        }
    }
}
