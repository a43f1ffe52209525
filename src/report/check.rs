//! The answer to one request, in two sizes: [`CheckRow`], the flat facts a batch row shows
//! (ids, codes, numbers, dates: no words, nothing owned), and [`CheckReport`], the whole
//! answer with its reasons, channel, advice and sources in the answer's language (the JSON
//! contract of `check`). Both are built from the one [`Decision`].

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::{DataOut, SourceOut};
use crate::data::entitlements::{ANY_CLASS, Fact};
use crate::data::periods::{Confidence, Standing};
use crate::data::{CompetencyChoice, Dataset, Incidents};
use crate::engine::finding::words;
use crate::engine::{Code, Decision, Grant, Msg, RuleId, Value};
use crate::i18n::Words;

words! {
    /// Where a tier stood on the day of an answer.
    OfferStatus {
        /// It could be bought or renewed.
        Offered = "offered",
        /// No longer sold; a grant bought on its last day may still run.
        GrantMayStillRun = "grant-may-still-run",
        /// No longer sold, and every grant has run out.
        NoLongerOffered = "no-longer-offered",
        /// Not offered yet.
        NotYetOffered = "not-yet-offered",
    }
}

/// The rules an answer was decided under: the program, where the tier stood and how sure the
/// facts are. Small and comparable, so a batch words each distinct one once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period<'a> {
    /// The program's name on the day.
    pub program: Option<&'a str>,
    /// The tier's name in the period.
    pub tier: &'a str,
    /// Where the tier stood.
    pub status: OfferStatus,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period, when known.
    pub until: Option<NaiveDate>,
    /// The weakest confidence of the offer and the figures.
    pub confidence: Confidence,
}

impl<'a> Period<'a> {
    /// In words: `program; tier, offered from ...; confidence`.
    pub fn message(&self) -> Msg<'a> {
        let tier = ("tier", Value::Data(self.tier));
        let offer = match (self.status, self.until) {
            (OfferStatus::Offered, Some(until)) => Value::Message(
                "offer-between",
                vec![
                    tier,
                    ("from", Value::Day(self.from)),
                    ("until", Value::Day(until)),
                ],
            ),
            (OfferStatus::Offered | OfferStatus::NotYetOffered, _) => {
                Value::Message("offer-from", vec![tier, ("from", Value::Day(self.from))])
            }
            (OfferStatus::GrantMayStillRun, Some(until)) => Value::Message(
                "offer-running-out",
                vec![tier, ("until", Value::Day(until))],
            ),
            _ => Value::Message("offer-ended", vec![tier, ("from", Value::Day(self.from))]),
        };
        let confidence = ("confidence", self.confidence.value());
        match self.program {
            Some(program) => Msg::new(
                "decided-under",
                vec![
                    ("program", Value::Data(program)),
                    ("offer", offer),
                    confidence,
                ],
            ),
            None => Msg::new(
                "decided-under-no-program",
                vec![("offer", offer), confidence],
            ),
        }
    }
}

/// Where the tier stood on the day of a decision.
struct OfferFacts<'a> {
    status: OfferStatus,
    from: NaiveDate,
    until: Option<NaiveDate>,
    note: Option<&'a str>,
    confidence: Confidence,
    /// The ids of the sources: the period's, and for a run-out or an end the term's too.
    sources: Vec<&'a String>,
}

impl<'a> OfferFacts<'a> {
    /// Where the tier of a decision stood on its day; `None` for a tier without periods.
    fn of(d: &Decision<'a>) -> Option<Self> {
        let tier = d.query.tier;
        let next_day = |date: NaiveDate| date.checked_add_days(Days::new(1)).unwrap_or(date);
        let term = || tier.term.iter().flat_map(|t| t.sources.iter());
        let first = tier.offered.first();
        Some(match d.standing {
            Standing::Timeless => return None,
            Standing::Offered(o) => OfferFacts {
                status: OfferStatus::Offered,
                from: o.from.0,
                until: o.until.map(|u| u.0),
                note: o.note.as_deref(),
                confidence: o.confidence,
                sources: o.sources.iter().collect(),
            },
            // The last day any grant runs is our sum of two facts: inferred.
            Standing::RunningOut {
                last_sold,
                runs_until,
                last,
                ..
            } => OfferFacts {
                status: OfferStatus::GrantMayStillRun,
                from: next_day(last_sold),
                until: Some(runs_until),
                note: None,
                confidence: Confidence::Inferred,
                sources: last.sources.iter().chain(term()).collect(),
            },
            Standing::Ended {
                last_sold,
                ran_until,
            } => OfferFacts {
                status: OfferStatus::NoLongerOffered,
                from: next_day(ran_until.unwrap_or(last_sold)),
                until: None,
                note: None,
                confidence: Confidence::Inferred,
                sources: tier
                    .offered
                    .last()
                    .into_iter()
                    .flat_map(|o| o.sources.iter())
                    .chain(term())
                    .collect(),
            },
            Standing::NotYetOffered { first: day } => OfferFacts {
                status: OfferStatus::NotYetOffered,
                from: day,
                until: None,
                note: None,
                confidence: first.map_or(Confidence::Inferred, |o| o.confidence),
                sources: first.into_iter().flat_map(|o| o.sources.iter()).collect(),
            },
        })
    }
}

/// A check as one row shows it: ids, codes, numbers and dates, borrowed from the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRow<'a> {
    /// Whether free support applies.
    pub eligible: bool,
    /// The day decided for.
    pub as_of: NaiveDate,
    /// Tier id.
    pub tier: &'a str,
    /// Tier name on the day.
    pub tier_name: &'a str,
    /// Product id.
    pub product: &'a str,
    /// Product name.
    pub product_name: &'a str,
    /// Version name.
    pub version: Option<&'a str>,
    /// Whether the version was assumed.
    pub version_assumed: bool,
    /// Competency class decided on.
    pub competency_class: Option<&'a str>,
    /// Support type id.
    pub support_type: &'a str,
    /// Support type name on the day.
    pub support_type_name: &'a str,
    /// Incidents when eligible.
    pub incidents: Option<Incidents>,
    /// Incidents per class (id, name), when the class matters and was not given.
    pub by_class: Vec<(&'a str, &'a str, Incidents)>,
    /// The pack's name, when eligible.
    pub pack: Option<&'a str>,
    /// Channel id.
    pub channel: Option<&'a str>,
    /// Last day it qualifies.
    pub eligible_until: Option<NaiveDate>,
    /// Codes of the rules that failed.
    pub failed: Vec<Code>,
    /// The program, offer period and confidence the answer was decided under, when dated.
    pub period: Option<Period<'a>>,
}

impl<'a> CheckRow<'a> {
    /// The row of a decision.
    pub fn new(d: &Decision<'a>) -> Self {
        let (class, by_class, pack) = match &d.grant {
            Grant::Single(g) => (
                (g.class != ANY_CLASS).then_some(g.class),
                Vec::new(),
                g.pack,
            ),
            Grant::ByClass(all) => (
                None,
                all.iter()
                    .map(|g| (g.class, g.class_name, g.incidents))
                    .collect(),
                None,
            ),
        };
        let eligible = d.eligible();
        CheckRow {
            eligible,
            as_of: d.query.as_of,
            tier: &d.query.tier.id,
            tier_name: d.tier_name,
            product: &d.query.product.id,
            product_name: &d.query.product.name,
            version: d.version.map(|v| v.version.as_str()),
            version_assumed: d.version_assumed,
            competency_class: class,
            support_type: &d.query.support_type.id,
            support_type_name: d.support_type_name,
            incidents: d.incidents,
            by_class,
            pack: pack.filter(|_| eligible),
            channel: d.channel.map(|c| c.id.as_str()),
            eligible_until: d.eligible_until,
            failed: d.failed().collect(),
            period: OfferFacts::of(d).map(|o| Period {
                program: d.program.map(|p| p.name.as_str()),
                tier: d.tier_name,
                status: o.status,
                from: o.from,
                until: o.until,
                confidence: o.confidence.max(d.figures.unwrap_or(o.confidence)),
            }),
        }
    }

    /// For an eligible answer with a known end, the days from its date to its last day.
    pub fn days_left(&self) -> Option<i64> {
        let until = self.eligible_until.filter(|_| self.eligible)?;
        Some((until - self.as_of).num_days())
    }

    /// Whether the answer fails a `--fail-within DAYS` gate: not eligible, or eligible for no
    /// more than DAYS after its date.
    pub fn fails_within(&self, days: u32) -> bool {
        !self.eligible || self.days_left().is_some_and(|left| left <= i64::from(days))
    }

    /// The one-line answer: `ELIGIBLE: ...` or `NOT ELIGIBLE: ...`, without the period.
    pub fn verdict_line(&self) -> Msg<'a> {
        let what = match (self.version, self.version_assumed) {
            (Some(v), true) => Value::Message(
                "what-assumed",
                vec![
                    ("product", Value::Text(self.product_name)),
                    ("version", Value::Text(v)),
                ],
            ),
            (Some(v), false) => Value::Message(
                "what-version",
                vec![
                    ("product", Value::Text(self.product_name)),
                    ("version", Value::Text(v)),
                ],
            ),
            (None, _) => Value::Text(self.product_name),
        };
        let mut args = vec![
            ("tier", Value::Data(self.tier_name)),
            ("support_type", Value::Data(self.support_type_name)),
            ("what", what),
            ("as_of", Value::Day(self.as_of)),
        ];
        if !self.eligible {
            let failed = self
                .failed
                .iter()
                .map(|c| Value::Word(c.as_str()))
                .collect();
            args.push(("failed", Value::Codes(failed)));
            return Msg::new("headline-not-eligible", args);
        }
        let grant = match (self.incidents, self.by_class.as_slice()) {
            (_, [_, ..]) => Value::Each(
                self.by_class
                    .iter()
                    .map(|(_, name, i)| {
                        Value::Message(
                            "class-incidents",
                            vec![("class", Value::Data(name)), ("incidents", (*i).value())],
                        )
                    })
                    .collect(),
            ),
            (Some(i), []) => match self.pack {
                Some(pack) => Value::Message(
                    "grant-pack",
                    vec![("incidents", i.value()), ("pack", Value::Text(pack))],
                ),
                None => i.value(),
            },
            (None, []) => Value::Text(""),
        };
        args.push(("grant", grant));
        match self.eligible_until {
            Some(until) => {
                args.push(("until", Value::Day(until)));
                Msg::new("headline-eligible-until", args)
            }
            None => Msg::new("headline-eligible", args),
        }
    }

    /// The one-line answer with the period it was decided under, in words.
    pub fn headline(&self, words: &Words) -> String {
        let period = self.period.map(|p| words.msg(&p.message()));
        self.headline_with(words, period.as_deref())
    }

    /// The headline, with its period already in words (a batch says a handful of periods
    /// over and over, and keeps their words).
    pub fn headline_with(&self, words: &Words, period: Option<&str>) -> String {
        let line = words.msg(&self.verdict_line());
        match period {
            Some(period) => words.format(
                "headline-with-period",
                &[
                    ("line", Value::Text(&line)),
                    ("period", Value::Text(period)),
                ],
            ),
            None => line,
        }
    }
}

/// One rule in a check's trace.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct ReasonOut {
    /// Rule id, e.g. `n-minus-1`.
    pub rule: RuleId,
    /// What the rule found, e.g. `n-minus-2-or-older`.
    pub code: Code,
    /// Whether it passed.
    pub passed: bool,
    /// What it found here, in one sentence with the dates and names filled in.
    pub detail: String,
    /// The rule's title, e.g. `N-1 policy`.
    pub title: String,
    /// What the rule says, in the rule book's words of the day.
    pub text: String,
}

/// A channel in output.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct ChannelOut {
    /// Channel id, e.g. `support-for-business`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Where to go.
    pub url: String,
    /// What to do there.
    pub steps: Vec<String>,
}

/// An alternative in output.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct AlternativeOut {
    /// Alternative id, e.g. `pay-per-incident`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Where to get it.
    pub url: String,
    /// What it is.
    pub description: String,
    /// For an alternative that leads to tiers (earn or buy one), what each tier offered on
    /// the day would give for this request; empty for the others.
    pub gives: Vec<GiveOut>,
}

/// What a tier an alternative leads to would give for the request.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct GiveOut {
    /// Tier id, e.g. `solutions-partner`.
    pub tier: String,
    /// Its name on the day.
    pub name: String,
    /// Incidents guaranteed for the request (integer or "unlimited"): the smallest grant
    /// when the competency class matters and was not given.
    pub incidents: Incidents,
    /// Incidents per competency class, when the class matters and was not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incidents_by_competency_class: Option<BTreeMap<String, Incidents>>,
    /// The tier and what it gives, in words.
    pub detail: String,
}

/// An assumption in output.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct AssumptionOut {
    /// The fact: `activated`, `contract` or `ids-associated`.
    pub fact: Fact,
    /// What was assumed.
    pub assumed: String,
}

/// A note in output.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct NoteOut {
    /// Note id, e.g. `ids-first-use`.
    pub id: String,
    /// The advice.
    pub text: String,
}

/// The program an answer was decided under.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct ProgramOut {
    /// Program id.
    pub id: String,
    /// Its name on the day.
    pub name: String,
    /// First day of that name.
    pub from: NaiveDate,
    /// Last day of that name, when known.
    pub until: Option<NaiveDate>,
    /// `quoted`, `secondary` or `inferred`.
    pub confidence: Confidence,
    /// Where the facts come from.
    pub sources: Vec<SourceOut>,
}

/// Where a tier stood on the day of an answer.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct OfferOut {
    /// `offered`, `grant-may-still-run`, `no-longer-offered` or `not-yet-offered`.
    pub status: OfferStatus,
    /// The tier's display name in the period.
    pub name: String,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period, when known.
    pub until: Option<NaiveDate>,
    /// What the period means for an answer, when the data says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `quoted`, `secondary` or `inferred`.
    pub confidence: Confidence,
    /// Where the facts come from.
    pub sources: Vec<SourceOut>,
}

/// Where the incident figures of an answer come from.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct FiguresOut {
    /// The weakest confidence of the matrix cells used.
    pub confidence: Confidence,
    /// Where they come from.
    pub sources: Vec<SourceOut>,
    /// What the data says about the figures used (which of two disagreeing sources they
    /// follow and why); omitted when it says nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// The answer to one `check`: the JSON contract (docs/json.md).
#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct CheckReport {
    /// Whether free support applies.
    pub eligible: bool,
    /// The one-line answer, with the period it was decided under, in words.
    pub headline: String,
    /// Tier id.
    pub tier: String,
    /// The tier's name on the day.
    pub tier_name: String,
    /// Product id.
    pub product: String,
    /// The product's name.
    pub product_name: String,
    /// Canonical version name, or null for cloud products.
    pub version: Option<String>,
    /// Whether the version was assumed (no `--version` given).
    pub version_assumed: bool,
    /// The named competency given (`security`), or null when none was.
    pub competency: Option<String>,
    /// Competency class decided on, or null when not given (or not relevant).
    pub competency_class: Option<String>,
    /// Support type id.
    pub support_type: String,
    /// The support type's name on the day.
    pub support_type_name: String,
    /// Incidents when eligible (integer or "unlimited"), else null.
    pub incidents: Option<Incidents>,
    /// Whether `incidents` is "unlimited" (for consumers that want one type per field).
    pub incidents_unlimited: bool,
    /// Incidents per competency class, when the class matters and was not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incidents_by_competency_class: Option<BTreeMap<String, Incidents>>,
    /// The pack's published name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
    /// Where to open the request, when eligible.
    pub channel: Option<ChannelOut>,
    /// The day the answer is for.
    pub as_of: NaiveDate,
    /// Last day it still qualifies, as far as the data knows.
    pub eligible_until: Option<NaiveDate>,
    /// Every rule checked, in evaluation order.
    pub reasons: Vec<ReasonOut>,
    /// Other routes to support when not eligible.
    pub alternatives: Vec<AlternativeOut>,
    /// Advice that applies.
    pub notes: Vec<NoteOut>,
    /// What to do next beyond the channel's steps (activate, enter the IDs, CSP plan).
    pub next_steps: Vec<String>,
    /// What the answer took for granted because the request did not say.
    pub assumptions: Vec<AssumptionOut>,
    /// Warnings about the answer itself (stale data, a grant that may have run out); omitted
    /// when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The partner program's name on the day; omitted when the data names no programs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<ProgramOut>,
    /// Where the tier stood on the day; omitted when the data gives the tier no periods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<OfferOut>,
    /// The program, offer period and confidence the answer was decided under, in words;
    /// omitted when the data is not dated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_under: Option<String>,
    /// The date of the rule book's newest fact (its latest source), when the data says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_as_of: Option<NaiveDate>,
    /// Where the incident figures come from; omitted when they are not dated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures: Option<FiguresOut>,
    /// Which data files the answer used.
    pub data: DataOut,
}

impl CheckReport {
    /// The whole answer of a decision, in `words`' language.
    pub fn new<'a>(d: &Decision<'a>, data: &'a Dataset, words: &Words) -> Self {
        let ent = &data.entitlements;
        let row = CheckRow::new(d);
        let (tier, product, as_of) = (d.query.tier, d.query.product, d.query.as_of);
        let offer = OfferFacts::of(d);
        let mut warnings: Vec<String> = d.warnings.iter().map(|w| words.msg(w)).collect();
        warnings.extend(
            data.staleness(as_of)
                .iter()
                .map(|s| words.msg(&super::stale_message(s, as_of))),
        );
        CheckReport {
            eligible: d.eligible(),
            headline: row.headline(words),
            tier: tier.id.clone(),
            tier_name: words.data(d.tier_name).into_owned(),
            product: product.id.clone(),
            product_name: product.name.clone(),
            version: d.version.map(|v| v.version.clone()),
            version_assumed: d.version_assumed,
            competency: match d.query.competency {
                CompetencyChoice::Named { id, .. } => Some(id.to_owned()),
                _ => None,
            },
            competency_class: row.competency_class.map(str::to_owned),
            support_type: d.query.support_type.id.clone(),
            support_type_name: words.data(d.support_type_name).into_owned(),
            incidents: d.incidents,
            incidents_unlimited: d.incidents == Some(Incidents::Unlimited),
            incidents_by_competency_class: (!row.by_class.is_empty()).then(|| {
                row.by_class
                    .iter()
                    .map(|(class, _, i)| ((*class).to_owned(), *i))
                    .collect()
            }),
            pack: row.pack.map(str::to_owned),
            channel: d.channel.map(|c| ChannelOut {
                id: c.id.clone(),
                name: words.data(&c.name).into_owned(),
                url: c.url.clone(),
                steps: c.steps.iter().map(|s| words.data(s).into_owned()).collect(),
            }),
            as_of,
            eligible_until: d.eligible_until,
            reasons: d
                .reasons
                .iter()
                .map(|r| {
                    let (title, text) = crate::engine::rule_text(r.rule(), data, &d.query);
                    ReasonOut {
                        rule: r.rule(),
                        code: r.code(),
                        passed: r.passed(),
                        detail: words.msg(&r.message()),
                        title: words.msg(&title),
                        text: words.msg(&text),
                    }
                })
                .collect(),
            alternatives: d
                .alternatives(data)
                .iter()
                .map(|s| AlternativeOut {
                    id: s.alternative.id.clone(),
                    name: words.data(&s.alternative.name).into_owned(),
                    url: s.alternative.url.clone(),
                    description: words.data(&s.alternative.description).into_owned(),
                    gives: s
                        .gives
                        .iter()
                        .map(|g| GiveOut {
                            tier: g.tier.id.clone(),
                            name: words.data(g.name).into_owned(),
                            incidents: g.incidents,
                            incidents_by_competency_class: match &g.grant {
                                Grant::ByClass(all) => Some(
                                    all.iter()
                                        .map(|c| (c.class.to_owned(), c.incidents))
                                        .collect(),
                                ),
                                Grant::Single(_) => None,
                            },
                            detail: words.msg(&Msg::new(
                                "alternative-gives",
                                vec![("tier", Value::Data(g.name)), ("grant", g.grant.value())],
                            )),
                        })
                        .collect(),
                })
                .collect(),
            notes: d
                .notes
                .iter()
                .map(|n| NoteOut {
                    id: n.id.clone(),
                    text: words.data(&n.text).into_owned(),
                })
                .collect(),
            next_steps: d.next_steps.iter().map(|s| words.msg(s)).collect(),
            assumptions: d
                .assumptions
                .iter()
                .map(|a| AssumptionOut {
                    fact: a.fact,
                    assumed: words.msg(&a.message),
                })
                .collect(),
            warnings,
            program: d.program.map(|p| ProgramOut {
                id: p.id.clone(),
                name: words.data(&p.name).into_owned(),
                from: p.from.0,
                until: p.until.map(|u| u.0),
                confidence: p.confidence,
                sources: SourceOut::list(ent, &p.sources, words),
            }),
            offer: offer.map(|o| {
                // Each source once, in the order named (a term may share one with its period).
                let mut ids: Vec<String> = Vec::new();
                for id in o.sources {
                    if !ids.contains(id) {
                        ids.push(id.clone());
                    }
                }
                OfferOut {
                    status: o.status,
                    name: words.data(d.tier_name).into_owned(),
                    from: o.from,
                    until: o.until,
                    note: o.note.map(|n| words.data(n).into_owned()),
                    confidence: o.confidence,
                    sources: SourceOut::list(ent, &ids, words),
                }
            }),
            decided_under: row.period.map(|p| words.msg(&p.message())),
            rules_as_of: ent.facts_as_of.map(|d| d.0),
            figures: d.figures.map(|confidence| {
                let cells = || ent.cells(&tier.id, &d.query.support_type.id, as_of);
                let mut ids: Vec<String> =
                    cells().flat_map(|c| c.sources.iter().cloned()).collect();
                ids.dedup();
                let mut notes: Vec<String> = cells()
                    .filter_map(|c| c.note.as_deref())
                    .map(|n| words.data(n).into_owned())
                    .collect();
                notes.dedup();
                FiguresOut {
                    confidence,
                    sources: SourceOut::list(ent, &ids, words),
                    notes,
                }
            }),
            data: DataOut::new(data),
        }
    }

    /// The codes of the rules that failed, in order.
    pub fn failed(&self) -> impl Iterator<Item = Code> + '_ {
        self.reasons.iter().filter(|r| !r.passed).map(|r| r.code)
    }
}
