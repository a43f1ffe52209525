//! `programs`: the rule book over time, every period of every kind in date order, with the
//! references they name.

use chrono::NaiveDate;
use serde::Serialize;

use super::SourceOut;
use crate::data::entitlements::{ANY_CLASS, Entitlements};
use crate::data::periods::Confidence;
use crate::engine::finding::words;
use crate::engine::{Msg, Value};
use crate::i18n::Words;

words! {
    /// What a period of the rule book is about.
    PeriodKind {
        /// A program under one name.
        Program = "program",
        /// A tier's offer period.
        Offer = "offer",
        /// The run-out of a tier's grants after its last day sold.
        Grant = "grant",
        /// A matrix figure.
        Figure = "figure",
        /// A support type's name.
        Name = "name",
        /// A product a support type cannot serve.
        Exclusion = "exclusion",
    }
}

/// One period of the rule book.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PeriodRow {
    /// What it is about.
    pub kind: PeriodKind,
    /// Its subject: a program, tier, tier x support type (x class), or product x support type.
    pub subject: String,
    /// What holds in the period: a name, a figure, a reason.
    pub detail: String,
    /// First day.
    pub from: NaiveDate,
    /// Last day, when known.
    pub until: Option<NaiveDate>,
    /// `quoted`, `secondary` or `inferred`.
    pub confidence: Confidence,
    /// Reference ids.
    pub sources: Vec<String>,
}

/// The rule book over time.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ProgramsReport {
    /// The first day the rule book covers, when it says.
    pub rule_book_from: Option<NaiveDate>,
    /// Every period: programs, offers, grant run-outs, figures, names and exclusions.
    pub periods: Vec<PeriodRow>,
    /// The sources the periods name.
    pub references: Vec<SourceOut>,
}

impl ProgramsReport {
    /// Lays out the rule book of an entitlement table.
    pub fn new(ent: &Entitlements, words: &Words) -> Self {
        let mut periods = Vec::new();
        let mut push =
            |kind, subject: String, detail: String, from, until, confidence, sources: &[String]| {
                periods.push(PeriodRow {
                    kind,
                    subject,
                    detail,
                    from,
                    until,
                    confidence,
                    sources: sources.to_vec(),
                });
            };
        for p in &ent.programs {
            push(
                PeriodKind::Program,
                p.id.clone(),
                words.data(&p.name).into_owned(),
                p.from.0,
                p.until.map(|u| u.0),
                p.confidence,
                &p.sources,
            );
        }
        for t in &ent.tiers {
            for o in &t.offered {
                let name = words
                    .data(o.name.as_deref().unwrap_or(&t.name))
                    .into_owned();
                let detail = match &o.note {
                    Some(note) => words.format(
                        "period-offer-note",
                        &[("name", Value::Text(&name)), ("note", Value::Data(note))],
                    ),
                    None => name,
                };
                push(
                    PeriodKind::Offer,
                    t.id.clone(),
                    detail,
                    o.from.0,
                    o.until.map(|u| u.0),
                    o.confidence,
                    &o.sources,
                );
            }
            if let (Some(term), Some(last)) = (&t.term, t.offered.last())
                && let Some(last_sold) = last.until
                && let Some(runs_until) = term.last_day(last_sold.0)
            {
                let mut sources: Vec<String> = last.sources.clone();
                for id in &term.sources {
                    if !sources.contains(id) {
                        sources.push(id.clone());
                    }
                }
                let detail = Msg::new(
                    "period-grant",
                    vec![
                        ("last_sold", Value::Day(last_sold.0)),
                        ("months", Value::Count(u64::from(term.months))),
                        ("days", Value::Count(u64::from(term.benefits_days))),
                        ("runs_until", Value::Day(runs_until)),
                    ],
                );
                push(
                    PeriodKind::Grant,
                    t.id.clone(),
                    words.msg(&detail),
                    last_sold.0.succ_opt().unwrap_or(last_sold.0),
                    Some(runs_until),
                    Confidence::Inferred,
                    &sources,
                );
            }
        }
        for m in ent.matrix.iter().filter(|m| m.is_dated()) {
            let class = if m.competency_class == ANY_CLASS {
                String::new()
            } else {
                format!(" x {}", m.competency_class)
            };
            let detail = match &m.pack {
                Some(pack) if m.incidents.is_entitled() => words.format(
                    "grant-pack",
                    &[
                        ("incidents", m.incidents.value()),
                        ("pack", Value::Text(pack)),
                    ],
                ),
                _ => words.incidents(m.incidents),
            };
            let detail = match &m.note {
                Some(note) => words.format(
                    "period-figure-note",
                    &[
                        ("figure", Value::Text(&detail)),
                        ("note", Value::Data(note)),
                    ],
                ),
                None => detail,
            };
            push(
                PeriodKind::Figure,
                format!("{} x {}{class}", m.tier, m.support_type),
                detail,
                m.span().from.0,
                m.until.map(|u| u.0),
                m.confidence.unwrap_or(Confidence::Inferred),
                &m.sources,
            );
        }
        for st in &ent.support_types {
            for r in &st.renamed {
                push(
                    PeriodKind::Name,
                    st.id.clone(),
                    words.data(&r.name).into_owned(),
                    r.from.0,
                    None,
                    r.confidence,
                    &r.sources,
                );
            }
        }
        for e in &ent.exclusions {
            let detail = match &e.note {
                Some(note) => words.format(
                    "period-exclusion-note",
                    &[
                        ("reason", Value::Data(&e.reason)),
                        ("note", Value::Data(note)),
                    ],
                ),
                None => words.data(&e.reason).into_owned(),
            };
            push(
                PeriodKind::Exclusion,
                format!("{} x {}", e.products.join(", "), e.support_types.join(", ")),
                detail,
                e.from.0,
                e.until.map(|u| u.0),
                e.confidence,
                &e.sources,
            );
        }
        // In date order; for one day, programs first, then offers, grants, figures, names.
        periods.sort_by_key(|p| (p.from, p.kind));
        ProgramsReport {
            rule_book_from: ent.rule_book.as_ref().map(|b| b.from.0),
            periods,
            references: ent
                .references
                .iter()
                .map(|r| SourceOut {
                    id: r.id.clone(),
                    title: words.data(&r.title).into_owned(),
                    url: r.url.clone(),
                })
                .collect(),
        }
    }
}
