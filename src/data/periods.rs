//! The rule book over time: the days each program, offer, matrix cell and name was in force,
//! and where each fact comes from with how sure we are of it.
//!
//! A period is a `from` day and an optional `until` day, both inclusive, with its `sources`
//! (ids of the entitlement file's `references`) and a `confidence`. Nothing here names a
//! program, tier or date: they are all data.

use std::collections::HashSet;
use std::fmt;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::common::parse_date;
use super::error::{At, Problems};

/// A calendar day written `YYYY-MM-DD` in a data file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub NaiveDate);

impl fmt::Display for Day {
    /// `YYYY-MM-DD`, as chrono writes the four-digit years the data files hold (written
    /// directly: a batch writes a few dates per row, and chrono's general formatter is a tenth
    /// of a batch's time).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use chrono::Datelike as _;
        let d = self.0;
        write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_date(&text).map(Day).map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Day {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Day".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar day, YYYY-MM-DD.",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

/// How sure a fact is: read in the source's own words, taken from a third party quoting or
/// summarising the source, or concluded by us from quoted facts.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    schemars::JsonSchema,
    Deserialize,
    Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// The source's own words, read.
    Quoted,
    /// A third party quoting or summarising the source; the source itself was not read.
    Secondary,
    /// Our conclusion from quoted facts.
    Inferred,
}

impl Confidence {
    /// The catalogues' message for it: `confidence-<word>`.
    fn message_id(self) -> &'static str {
        match self {
            Confidence::Quoted => "confidence-quoted",
            Confidence::Secondary => "confidence-secondary",
            Confidence::Inferred => "confidence-inferred",
        }
    }

    /// In words.
    pub fn message(self) -> crate::message::Msg<'static> {
        crate::message::Msg::plain(self.message_id())
    }

    /// As a message argument.
    pub fn value(self) -> crate::message::Value<'static> {
        crate::message::Value::Message(self.message_id(), Vec::new())
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Confidence::Quoted => "quoted",
            Confidence::Secondary => "secondary",
            Confidence::Inferred => "inferred",
        })
    }
}

/// A source of facts, named by id from periods.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Stable id, e.g. `kb-4032154`.
    pub id: String,
    /// What it is: publisher, title and the part read.
    pub title: String,
    /// Where it is, when it has an address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The date of the text read (its own date, or when it was read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Day>,
}

/// Days, both ends inclusive; no `until` means still in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The first day.
    pub from: Day,
    /// The last day, when there is one.
    pub until: Option<Day>,
}

impl Span {
    /// Whether a day is inside.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.0 <= day && self.until.is_none_or(|u| day <= u.0)
    }

    /// Whether two spans share a day.
    pub fn overlaps(&self, other: &Span) -> bool {
        let ends_before = |a: &Span, b: &Span| a.until.is_some_and(|u| u < b.from);
        !ends_before(self, other) && !ends_before(other, self)
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.until {
            Some(until) => write!(f, "{} to {until}", self.from),
            None => write!(f, "from {}", self.from),
        }
    }
}

/// The first day the rule book covers: before it, nothing is decided.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RuleBook {
    /// The first day.
    pub from: Day,
    /// Why that day, in a few words (`the N-1 policy's first day`).
    pub why: String,
    /// Ids of `references` the facts come from; at least one.
    pub sources: Vec<String>,
    /// How sure the facts are.
    pub confidence: Confidence,
}

/// A partner program under one name, for the days it bore that name.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Stable id, e.g. `mpn`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The first day.
    pub from: Day,
    /// The last day, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Day>,
    /// Ids of `references` the facts come from; at least one.
    pub sources: Vec<String>,
    /// How sure the facts are.
    pub confidence: Confidence,
}

/// A stretch of days on which a tier could be bought or renewed, under one display name.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Offered {
    /// The first day.
    pub from: Day,
    /// The last day, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Day>,
    /// The tier's display name in this period, when it differs from its usual name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What an answer in this period should say about it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Ids of `references` the facts come from; at least one.
    pub sources: Vec<String>,
    /// How sure the facts are.
    pub confidence: Confidence,
}

/// How long a tier's grant runs after it is bought or renewed.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Months from the day it is bought or renewed.
    pub months: u32,
    /// Days the benefits still run after the membership ends (the benefits month: "Benefits
    /// end date: Membership date + 30 days"); none when absent.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub benefits_days: u32,
    /// Ids of `references` the facts come from; at least one.
    pub sources: Vec<String>,
    /// How sure the facts are.
    pub confidence: Confidence,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Term {
    /// The last day a grant bought or renewed on `bought` runs, benefits days included.
    pub fn last_day(&self, bought: NaiveDate) -> Option<NaiveDate> {
        self.membership_last_day(bought)?
            .checked_add_days(chrono::Days::new(u64::from(self.benefits_days)))
    }

    /// The last day of the membership bought or renewed on `bought`, before its benefits
    /// days ("Membership end date: 365 days from the date of purchase").
    pub fn membership_last_day(&self, bought: NaiveDate) -> Option<NaiveDate> {
        bought.checked_add_months(Months::new(self.months))
    }
}

/// A display name from a day on.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Renamed {
    /// The first day of the name.
    pub from: Day,
    /// The name.
    pub name: String,
    /// Ids of `references` the facts come from; at least one.
    pub sources: Vec<String>,
    /// How sure the facts are.
    pub confidence: Confidence,
}

/// Products that cannot use a support type in a period, and why.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// Stable id.
    pub id: String,
    /// Product ids.
    pub products: Vec<String>,
    /// Support type ids.
    pub support_types: Vec<String>,
    /// The first day.
    pub from: Day,
    /// The last day, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Day>,
    /// Why, as the end of a sentence (`the admin center cannot link ...`).
    pub reason: String,
    /// What an answer resting on it should say about it (what its first day rests on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Ids of `references` the facts come from; at least one.
    pub sources: Vec<String>,
    /// How sure the facts are.
    pub confidence: Confidence,
}

/// Something in force for a span of days.
pub trait Dated {
    /// Its days.
    fn span(&self) -> Span;
}

macro_rules! dated {
    ($($type:ty),*) => {
        $(impl Dated for $type {
            fn span(&self) -> Span {
                Span { from: self.from, until: self.until }
            }
        })*
    };
}

dated!(Program, Offered, Exclusion);

/// Where a tier stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing<'a> {
    /// The data gives the tier no periods: offered on every day.
    Timeless,
    /// It can be bought or renewed in this period.
    Offered(&'a Offered),
    /// No longer sold, but a grant bought on the last day sold may still run.
    RunningOut {
        /// The last day it could be bought or renewed.
        last_sold: NaiveDate,
        /// The last day of a membership bought then; after it, until `runs_until`, the grant
        /// runs only in its benefits days.
        membership_until: NaiveDate,
        /// The last day a grant bought then runs.
        runs_until: NaiveDate,
        /// The last period it was offered in.
        last: &'a Offered,
    },
    /// No longer sold, and every grant has run out.
    Ended {
        /// The last day it could be bought or renewed.
        last_sold: NaiveDate,
        /// The last day any grant ran, when the data gives a term.
        ran_until: Option<NaiveDate>,
    },
    /// Not offered yet.
    NotYetOffered {
        /// The first day it is offered.
        first: NaiveDate,
    },
}

impl Standing<'_> {
    /// Whether a grant can be held on the day.
    pub fn holds(&self) -> bool {
        matches!(
            self,
            Standing::Timeless | Standing::Offered(_) | Standing::RunningOut { .. }
        )
    }
}

/// Where a tier with these periods and term stands on a day.
pub fn standing<'a>(offered: &'a [Offered], term: Option<&Term>, day: NaiveDate) -> Standing<'a> {
    let (Some(first), Some(last)) = (offered.first(), offered.last()) else {
        return Standing::Timeless;
    };
    if day < first.from.0 {
        return Standing::NotYetOffered {
            first: first.from.0,
        };
    }
    if let Some(period) = offered.iter().find(|o| o.span().contains(day)) {
        return Standing::Offered(period);
    }
    let Some(last_sold) = last.until.map(|u| u.0) else {
        // Between two periods with a gap: the last one sold before the day.
        return match offered.iter().rev().find(|o| o.from.0 <= day) {
            Some(o) => Standing::Offered(o),
            None => Standing::Timeless,
        };
    };
    let runs_until = term.and_then(|t| t.last_day(last_sold));
    let membership_until = term.and_then(|t| t.membership_last_day(last_sold));
    match (runs_until, membership_until) {
        (Some(runs_until), Some(membership_until)) if day <= runs_until => Standing::RunningOut {
            last_sold,
            membership_until,
            runs_until,
            last,
        },
        _ => Standing::Ended {
            last_sold,
            ran_until: runs_until,
        },
    }
}

/// Checks one period's sources: at least one, each a known reference.
pub fn check_sources(
    problems: &mut Problems,
    at: &At<'_>,
    sources: &[String],
    references: &HashSet<&str>,
) {
    if sources.is_empty() {
        problems.error(&at.field("sources"), "a period without a source");
    }
    let at = at.field("sources");
    for (i, source) in sources.iter().enumerate() {
        if !references.contains(source.as_str()) {
            problems.error(
                &at.item(i, ""),
                format!("unknown source `{source}` (not in `references`)"),
            );
        }
    }
}

/// Checks that a span does not end before it starts.
pub fn check_span(problems: &mut Problems, at: &At<'_>, span: &Span) {
    if let Some(until) = span.until
        && until < span.from
    {
        problems.error(
            &at.field("until"),
            format!("`until` {until} is before `from` {}", span.from),
        );
    }
}

/// Checks a list of periods that must follow each other: each in order, none overlapping.
pub fn check_sequence(
    problems: &mut Problems,
    section: &At<'_>,
    spans: impl Iterator<Item = (usize, Span)>,
) {
    let mut previous: Option<Span> = None;
    for (i, span) in spans {
        check_span(problems, &section.item(i, ""), &span);
        if let Some(before) = previous {
            if span.from < before.from {
                problems.error(
                    &section.item(i, "").field("from"),
                    format!(
                        "periods out of order: {} comes before {}",
                        span.from, before.from
                    ),
                );
            } else if before.overlaps(&span) {
                problems.error(
                    &section.item(i, "").field("from"),
                    format!("overlaps the period before it ({before})"),
                );
            }
        }
        previous = Some(span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    fn offered(from: &str, until: Option<&str>) -> Offered {
        Offered {
            from: Day(day(from)),
            until: until.map(|u| Day(day(u))),
            name: None,
            note: None,
            sources: vec!["x".into()],
            confidence: Confidence::Quoted,
        }
    }

    /// Both ends of a period count; a year's grant after the last day sold runs out a year on.
    #[test]
    fn standing_on_each_side_of_every_boundary() {
        let periods = [
            offered("2017-07-22", Some("2022-09-30")),
            offered("2022-10-01", Some("2025-01-21")),
        ];
        let term = Term {
            months: 12,
            benefits_days: 0,
            sources: vec!["x".into()],
            confidence: Confidence::Quoted,
        };
        let at = |d: &str| standing(&periods, Some(&term), day(d));
        assert!(matches!(at("2017-07-21"), Standing::NotYetOffered { .. }));
        assert_eq!(at("2017-07-22"), Standing::Offered(&periods[0]));
        assert_eq!(at("2022-09-30"), Standing::Offered(&periods[0]));
        assert_eq!(at("2022-10-01"), Standing::Offered(&periods[1]));
        assert_eq!(at("2025-01-21"), Standing::Offered(&periods[1]));
        let running = Standing::RunningOut {
            last_sold: day("2025-01-21"),
            membership_until: day("2026-01-21"),
            runs_until: day("2026-01-21"),
            last: &periods[1],
        };
        assert_eq!(at("2025-01-22"), running);
        assert_eq!(at("2026-01-21"), running);
        assert_eq!(
            at("2026-01-22"),
            Standing::Ended {
                last_sold: day("2025-01-21"),
                ran_until: Some(day("2026-01-21"))
            }
        );
        assert_eq!(standing(&[], None, day("2000-01-01")), Standing::Timeless);
    }

    /// With a benefits month the grant runs 30 days past the membership year: the run-out
    /// says where the membership ended, and ends on the benefits' last day.
    #[test]
    fn the_benefits_month_after_the_membership_year() {
        let periods = [offered("2017-07-22", Some("2025-01-21"))];
        let term = Term {
            months: 12,
            benefits_days: 30,
            sources: vec!["x".into()],
            confidence: Confidence::Quoted,
        };
        let at = |d: &str| standing(&periods, Some(&term), day(d));
        let running = Standing::RunningOut {
            last_sold: day("2025-01-21"),
            membership_until: day("2026-01-21"),
            runs_until: day("2026-02-20"),
            last: &periods[0],
        };
        for d in ["2025-01-22", "2026-01-21", "2026-01-22", "2026-02-20"] {
            assert_eq!(at(d), running, "{d}");
        }
        assert_eq!(
            at("2026-02-21"),
            Standing::Ended {
                last_sold: day("2025-01-21"),
                ran_until: Some(day("2026-02-20"))
            }
        );
    }

    /// A day is written as chrono writes it.
    #[test]
    fn days_are_written_as_chrono_writes_them() {
        for text in ["0001-01-01", "2017-07-22", "2026-12-02", "9999-12-31"] {
            let d = day(text);
            assert_eq!(Day(d).to_string(), d.to_string());
            assert_eq!(Day(d).to_string(), text);
        }
    }

    /// Spans that share a day overlap; an open span overlaps everything after its start.
    #[test]
    fn spans_overlap_when_they_share_a_day() {
        let a = offered("2020-01-01", Some("2020-12-31")).span();
        let b = offered("2020-12-31", None).span();
        let c = offered("2021-01-01", None).span();
        assert!(a.overlaps(&b) && b.overlaps(&a));
        assert!(!a.overlaps(&c) && !c.overlaps(&a));
        assert!(b.overlaps(&c));
        assert_eq!(a.to_string(), "2020-01-01 to 2020-12-31");
        assert_eq!(c.to_string(), "from 2021-01-01");
    }
}
