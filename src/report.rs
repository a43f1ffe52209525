//! What each command shows: owned output structs, built once from a decision or the data, and
//! read by every renderer. Their serde form is the stable JSON contract documented in the
//! README, so fields are added, never renamed or removed casually.

use std::collections::BTreeMap;

use std::fmt::{self, Write as _};

use chrono::NaiveDate;
use serde::Serialize;

use crate::data::entitlements::{ANY_CLASS, Entitlements};
use crate::data::periods::{Confidence, Day, Program, Standing};
use crate::data::{Dataset, Incidents, Origin};
use crate::rules::{Decision, Grant, ProductSummary, Verdict};

/// The result of one command, ready to render.
#[derive(Debug, Clone)]
pub enum Report {
    /// `check`.
    Check(Box<CheckReport>),
    /// `matrix`.
    Matrix(MatrixReport),
    /// `products`.
    Products(ProductsReport),
    /// `lifecycle import`.
    Import(ImportReport),
    /// `validate`.
    Validate(ValidateReport),
    /// Text printed as it is, whatever the format (`schema`).
    Text(String),
    /// `explain`.
    Explain(ExplainReport),
    /// `roles`.
    Roles(RolesReport),
    /// `roles --can`.
    RoleAnswer(RoleAnswer),
    /// `diagnose`.
    Diagnose(DiagnoseReport),
    /// `programs`.
    Programs(ProgramsReport),
    /// `competencies`.
    Competencies(Vec<CompetencyOut>),
}

/// A competency and its class (`competencies`).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CompetencyOut {
    /// Competency id, e.g. `cloud-platform`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Class id, e.g. `cloud`.
    pub class: String,
    /// Class display name, e.g. `cloud competency`.
    pub class_name: String,
    /// Other spellings accepted.
    pub aliases: Vec<String>,
}

impl CompetencyOut {
    /// Every competency of the entitlement table, in its order.
    pub fn list(ent: &Entitlements) -> Vec<Self> {
        ent.competencies
            .iter()
            .map(|c| CompetencyOut {
                id: c.id.clone(),
                name: c.name.clone(),
                class: c.class.clone(),
                class_name: ent
                    .competency_class(&c.class)
                    .map_or_else(|| c.class.clone(), |k| k.name.clone()),
                aliases: c.aliases.clone(),
            })
            .collect()
    }
}

/// A check told as numbered prose.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ExplainReport {
    /// The one-line verdict.
    pub headline: String,
    /// One paragraph per rule, in evaluation order.
    pub paragraphs: Vec<ExplainParagraph>,
    /// What to do: channel, alternatives, notes, assumptions, as sentences.
    pub closing: Vec<String>,
}

/// One rule, told.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ExplainParagraph {
    /// Rule id.
    pub rule: &'static str,
    /// Rule title, e.g. `N-1 policy`.
    pub title: &'static str,
    /// What the rule says.
    pub text: &'static str,
    /// What it found here.
    pub finding: String,
    /// Whether it passed.
    pub passed: bool,
}

impl ExplainReport {
    /// Tells a check report as prose.
    pub fn new(r: &CheckReport) -> Self {
        let paragraphs = r
            .reasons
            .iter()
            .map(|x| ExplainParagraph {
                rule: x.rule,
                title: x.title,
                text: x.rule_text,
                finding: x.detail.clone(),
                passed: x.passed,
            })
            .collect();
        let mut closing = Vec::new();
        if !r.next_steps.is_empty() {
            closing.push(format!("Next: {}.", r.next_steps.join("; ")));
        }
        if let Some(c) = &r.channel {
            closing.push(format!("Open the request in {} ({}).", c.name, c.url));
        }
        if !r.alternatives.is_empty() {
            let alts: Vec<String> = r
                .alternatives
                .iter()
                .map(|a| format!("{} ({}): {}", a.name, a.url, a.description))
                .collect();
            closing.push(format!("Instead: {}.", alts.join("; ")));
        }
        closing.extend(r.notes.iter().map(|n| n.text.to_string()));
        if !r.assumptions.is_empty() {
            let assumed: Vec<&str> = r.assumptions.iter().map(|a| a.assumed.as_str()).collect();
            closing.push(format!("This answer assumes {}.", assumed.join("; ")));
        }
        ExplainReport {
            headline: r.line().to_string(),
            paragraphs,
            closing,
        }
    }
}

/// The role table: which role may take which action.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RolesReport {
    /// The actions, in data order.
    pub actions: Vec<ActionOut>,
    /// The roles, each with the ids of the actions it may take.
    pub roles: Vec<RoleOut>,
}

/// An action in output.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActionOut {
    /// Action id.
    pub id: String,
    /// What it is.
    pub name: String,
    /// What to do when one's role may not.
    pub remedy: String,
}

/// A role in output.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RoleOut {
    /// Role id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Ids of the actions it may take.
    pub can: Vec<String>,
}

/// The answer to `roles --can ACTION --role ROLE`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct RoleAnswer {
    /// Role id.
    pub role: String,
    /// Action id.
    pub action: String,
    /// Whether the role may take the action.
    pub allowed: bool,
    /// The sentence: who may, and the remedy when not.
    pub detail: String,
    /// The roles that may take the action.
    pub allowed_roles: Vec<String>,
}

/// What `diagnose` found.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DiagnoseReport {
    /// The text as given.
    pub input: String,
    /// The best match, or null.
    pub matched: Option<MatchOut>,
    /// Every known message and symptom, when nothing matched.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub known: Vec<String>,
}

/// A catalogue entry that matched.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MatchOut {
    /// Entry id.
    pub id: String,
    /// The catalogue text that matched.
    pub matched_text: String,
    /// How well, from 0 to 1.
    pub score: f64,
    /// Why it happens.
    pub cause: String,
    /// What to do.
    pub action: String,
    /// Which portal.
    pub portal: String,
    /// The section of Microsoft's page it comes from.
    pub section: String,
}

/// What `validate` found.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ValidateReport {
    /// The files checked, as named to the user.
    pub files: Vec<String>,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Every problem, each with file, line, column, severity, entry and message.
    pub problems: Vec<crate::data::Finding>,
    /// Which data the other commands would use; omitted when the files have errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DataOut>,
}

/// The answer to one `check`.
#[derive(Debug, Clone, Serialize, PartialEq, schemars::JsonSchema)]
pub struct CheckReport {
    /// Whether free support applies.
    pub eligible: bool,
    /// Tier id.
    pub tier: String,
    /// Product id.
    pub product: String,
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
    /// Warnings about the answer itself (stale data); omitted when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The partner program's name on the day; omitted when the data names no programs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program: Option<ProgramOut>,
    /// Where the tier stood on the day; omitted when the data gives the tier no periods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<OfferOut>,
    /// The date of the rule book's newest fact (its latest source), when the data says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_as_of: Option<NaiveDate>,
    /// Where the incident figures come from; omitted when they are not dated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures: Option<FiguresOut>,
    /// Which data files the answer used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DataOut>,
    /// Display names for the ids above (not part of the JSON contract).
    #[serde(skip)]
    pub names: CheckNames,
}

/// A source named by a period.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct SourceOut {
    /// Reference id.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Where it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

fn sources_out(ent: &Entitlements, ids: &[String]) -> Vec<SourceOut> {
    ids.iter()
        .map(|id| {
            let reference = ent.reference(id);
            SourceOut {
                id: id.clone(),
                title: reference.map_or_else(|| id.clone(), |r| r.title.clone()),
                url: reference.and_then(|r| r.url.clone()),
            }
        })
        .collect()
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

impl ProgramOut {
    fn new(ent: &Entitlements, program: &Program) -> Self {
        ProgramOut {
            id: program.id.clone(),
            name: program.name.clone(),
            from: program.from.0,
            until: program.until.map(|u| u.0),
            confidence: program.confidence,
            sources: sources_out(ent, &program.sources),
        }
    }
}

/// Where a tier stood on the day of an answer.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct OfferOut {
    /// `offered`, `grant-may-still-run`, `no-longer-offered` or `not-yet-offered`.
    pub status: &'static str,
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

/// Where a tier stood on the day of a decision: status code, first and last day, note and
/// confidence.
struct OfferFacts<'a> {
    status: &'static str,
    from: NaiveDate,
    until: Option<NaiveDate>,
    note: Option<&'a str>,
    confidence: Confidence,
}

impl<'a> OfferFacts<'a> {
    /// The facts of a decision's offer period; `None` for a tier without periods.
    fn of(d: &Decision<'a>) -> Option<Self> {
        let tier = d.request.tier;
        let next_day = |date: NaiveDate| date + chrono::Duration::days(1);
        Some(match d.standing {
            Standing::Timeless => return None,
            Standing::Offered(o) => OfferFacts {
                status: "offered",
                from: o.from.0,
                until: o.until.map(|u| u.0),
                note: o.note.as_deref(),
                confidence: o.confidence,
            },
            // The last day any grant runs is our sum of two facts: inferred.
            Standing::RunningOut {
                last_sold,
                runs_until,
                ..
            } => OfferFacts {
                status: "grant-may-still-run",
                from: next_day(last_sold),
                until: Some(runs_until),
                note: None,
                confidence: Confidence::Inferred,
            },
            Standing::Ended {
                last_sold,
                ran_until,
            } => OfferFacts {
                status: "no-longer-offered",
                from: next_day(ran_until.unwrap_or(last_sold)),
                until: None,
                note: None,
                confidence: Confidence::Inferred,
            },
            Standing::NotYetOffered { first } => OfferFacts {
                status: "not-yet-offered",
                from: first,
                until: None,
                note: None,
                confidence: tier
                    .offered
                    .first()
                    .map_or(Confidence::Inferred, |o| o.confidence),
            },
        })
    }

    /// The ids of the sources the facts come from: the period's, and for a run-out or an
    /// end also the grant term's.
    fn sources(d: &Decision<'a>) -> Vec<String> {
        let tier = d.request.tier;
        let term = tier.term.iter().flat_map(|t| t.sources.iter());
        let ids: Vec<&String> = match d.standing {
            Standing::Timeless => Vec::new(),
            Standing::Offered(o) => o.sources.iter().collect(),
            Standing::RunningOut { last, .. } => last.sources.iter().chain(term).collect(),
            Standing::Ended { .. } => tier
                .offered
                .last()
                .into_iter()
                .flat_map(|o| o.sources.iter())
                .chain(term)
                .collect(),
            Standing::NotYetOffered { .. } => tier
                .offered
                .first()
                .into_iter()
                .flat_map(|o| o.sources.iter())
                .collect(),
        };
        ids.into_iter().cloned().collect()
    }
}

impl OfferOut {
    /// The offer period of a decision; `None` for a tier without periods.
    fn new(ent: &Entitlements, d: &Decision<'_>) -> Option<Self> {
        let facts = OfferFacts::of(d)?;
        let ids = OfferFacts::sources(d);
        Some(OfferOut {
            status: facts.status,
            name: d.tier_name.to_owned(),
            from: facts.from,
            until: facts.until,
            note: facts.note.map(str::to_owned),
            confidence: facts.confidence,
            sources: sources_out(ent, &ids),
        })
    }
}

/// Which data files an answer used.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct DataOut {
    /// The entitlement table.
    pub entitlements: DataFileOut,
    /// The lifecycle data.
    pub lifecycle: DataFileOut,
}

/// One data file an answer used.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct DataFileOut {
    /// `built-in` (compiled into the binary), `file` (named by a data flag or
    /// MPN_SUPPORT_DATA_DIR) or `updated` (written by `lifecycle update`).
    pub origin: Origin,
    /// The file's path; omitted for built-in data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// When the file was generated, when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<NaiveDate>,
}

impl DataOut {
    /// Where each file of `data` came from, and its date.
    pub fn new(data: &Dataset) -> Self {
        let file = |(origin, name): &(Origin, String), generated| DataFileOut {
            origin: *origin,
            path: (*origin != Origin::BuiltIn).then(|| name.clone()),
            generated,
        };
        DataOut {
            entitlements: file(&data.origins.entitlements, data.entitlements.generated),
            lifecycle: file(&data.origins.lifecycle, data.lifecycle.generated),
        }
    }

    /// One line per file, for humans: `lifecycle data: updated ..., generated ...`.
    pub fn lines(&self) -> Vec<String> {
        [
            ("entitlement table", &self.entitlements),
            ("lifecycle data", &self.lifecycle),
        ]
        .into_iter()
        .map(|(what, f)| {
            let mut line = format!("{what}: {}", f.origin);
            if let Some(path) = &f.path {
                let _ = write!(line, " {path}");
            }
            if let Some(day) = f.generated {
                let _ = write!(line, ", generated {day}");
            }
            line
        })
        .collect()
    }
}

/// Where the incident figures of an answer come from.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct FiguresOut {
    /// The weakest confidence of the matrix cells used.
    pub confidence: Confidence,
    /// Where they come from.
    pub sources: Vec<SourceOut>,
}

impl FiguresOut {
    /// Where a decision's figures come from; `None` when they are not dated.
    fn new(ent: &Entitlements, d: &Decision<'_>) -> Option<Self> {
        let confidence = d.figures?;
        let (tier, support_type) = (&d.request.tier.id, &d.support_type.id);
        let mut ids: Vec<String> = ent
            .cells(tier, support_type, d.request.as_of)
            .flat_map(|c| c.sources.iter().cloned())
            .collect();
        ids.dedup();
        Some(FiguresOut {
            confidence,
            sources: sources_out(ent, &ids),
        })
    }
}

/// The rules an answer was decided under, in one line: program, offer period and the
/// weakest confidence of the offer and the figures. Written straight into the output
/// (`Display`), as a batch does for each row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodLabel<'a> {
    /// The program's name on the day.
    pub program: Option<&'a str>,
    /// The tier's name in the period.
    pub tier: &'a str,
    /// `offered`, `grant-may-still-run`, `no-longer-offered` or `not-yet-offered`.
    pub status: &'static str,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub until: Option<NaiveDate>,
    /// The weakest confidence of the offer and the figures.
    pub confidence: Confidence,
}

impl fmt::Display for PeriodLabel<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(program) = self.program {
            write!(f, "{program}; ")?;
        }
        write!(f, "{}, ", self.tier)?;
        match (self.status, self.until) {
            ("offered", Some(until)) => write!(f, "offered {} to {}", Day(self.from), Day(until))?,
            ("offered" | "not-yet-offered", _) => write!(f, "offered from {}", Day(self.from))?,
            ("grant-may-still-run", Some(until)) => {
                write!(f, "no longer sold, grants run until {}", Day(until))?;
            }
            _ => write!(f, "no longer offered (since {})", Day(self.from))?,
        }
        write!(f, "; {}", self.confidence)
    }
}

/// A check as one line or one row shows it, borrowed from a report or straight from a decision
/// (batches: no owned report per row unless the format prints one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckLine<'a> {
    /// Whether free support applies.
    pub eligible: bool,
    /// The day decided for.
    pub as_of: NaiveDate,
    /// Tier id and display name.
    pub tier: (&'a str, &'a str),
    /// Product id and display name.
    pub product: (&'a str, &'a str),
    /// Version name, and whether it was assumed.
    pub version: Option<(&'a str, bool)>,
    /// Competency class decided on.
    pub competency_class: Option<&'a str>,
    /// Support type id and display name.
    pub support_type: (&'a str, &'a str),
    /// Incidents when eligible.
    pub incidents: Option<Incidents>,
    /// Incidents per class, when the class matters and was not given.
    pub by_class: Vec<(&'a str, Incidents)>,
    /// The pack's name.
    pub pack: Option<&'a str>,
    /// Channel id.
    pub channel: Option<&'a str>,
    /// Last day it qualifies.
    pub eligible_until: Option<NaiveDate>,
    /// Codes of the rules that failed.
    pub failed: Vec<&'a str>,
    /// The program, offer period and confidence the answer was decided under, when dated.
    pub period: Option<PeriodLabel<'a>>,
}

impl fmt::Display for CheckLine<'_> {
    /// The one-line answer: `ELIGIBLE: ...` or `NOT ELIGIBLE: ...`, with the reasons' codes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let l = self;
        let who = l.tier.1;
        let what = match l.version {
            Some((v, true)) => format!("{} {v} (current version, assumed)", l.product.1),
            Some((v, false)) => format!("{} {v}", l.product.1),
            None => l.product.1.to_owned(),
        };
        if l.eligible {
            let incidents = match (&l.incidents, l.by_class.as_slice()) {
                (_, [_, ..]) => l
                    .by_class
                    .iter()
                    .map(|(class, i)| format!("{class} competency: {i}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                (Some(i), []) => match l.pack {
                    Some(pack) => format!("{i} ({pack})"),
                    None => i.to_string(),
                },
                (None, []) => String::new(),
            };
            let until = l
                .eligible_until
                .map(|d| format!(", qualifies until {d}"))
                .unwrap_or_default();
            write!(
                f,
                "ELIGIBLE: {who} gets {} for {what} on {}: {incidents}{until}",
                l.support_type.1, l.as_of
            )?;
        } else {
            write!(
                f,
                "NOT ELIGIBLE: {who} gets no {} for {what} on {} ({})",
                l.support_type.1,
                l.as_of,
                l.failed.join(", ")
            )?;
        }
        match &l.period {
            Some(period) => write!(f, " [{period}]"),
            None => Ok(()),
        }
    }
}

impl<'a> CheckLine<'a> {
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

    /// The line of a decision, without building a report.
    pub fn from_decision(d: &Decision<'a>) -> Self {
        let (tier, product, as_of) = (d.request.tier, d.request.product, d.request.as_of);
        let (class, by_class, pack) = match &d.grant {
            Grant::Single(g) => (
                (g.class != ANY_CLASS).then_some(g.class),
                Vec::new(),
                g.pack,
            ),
            Grant::ByClass(all) => (
                None,
                all.iter().map(|g| (g.class, g.incidents)).collect(),
                None,
            ),
        };
        let eligible = d.verdict == Verdict::Eligible;
        CheckLine {
            eligible,
            as_of,
            tier: (&tier.id, d.tier_name),
            product: (&product.id, &product.name),
            version: d.version.map(|v| (v.version.as_str(), d.version_assumed)),
            competency_class: class,
            support_type: (&d.support_type.id, d.support_type_name),
            incidents: d.incidents,
            by_class,
            pack: pack.filter(|_| eligible),
            channel: d.channel.map(|c| c.id.as_str()),
            eligible_until: d.eligible_until,
            failed: d
                .reasons
                .iter()
                .filter(|r| !r.passed())
                .map(|r| r.code())
                .collect(),
            period: OfferFacts::of(d).map(|offer| {
                let figures = d.figures;
                PeriodLabel {
                    program: d.program.map(|p| p.name.as_str()),
                    tier: d.tier_name,
                    status: offer.status,
                    from: offer.from,
                    until: offer.until,
                    confidence: offer.confidence.max(figures.unwrap_or(offer.confidence)),
                }
            }),
        }
    }
}

impl CheckReport {
    /// The report as one line or row.
    pub fn line(&self) -> CheckLine<'_> {
        CheckLine {
            eligible: self.eligible,
            as_of: self.as_of,
            tier: (&self.tier, &self.names.tier),
            product: (&self.product, &self.names.product),
            version: self.version.as_deref().map(|v| (v, self.version_assumed)),
            competency_class: self.competency_class.as_deref(),
            support_type: (&self.support_type, &self.names.support_type),
            incidents: self.incidents,
            by_class: self
                .incidents_by_competency_class
                .iter()
                .flatten()
                .map(|(c, i)| (c.as_str(), *i))
                .collect(),
            pack: self.pack.as_deref(),
            channel: self.channel.as_ref().map(|c| c.id.as_str()),
            eligible_until: self.eligible_until,
            failed: self
                .reasons
                .iter()
                .filter(|r| !r.passed)
                .map(|r| r.code)
                .collect(),
            period: self.offer.as_ref().map(|offer| PeriodLabel {
                program: self.program.as_ref().map(|p| p.name.as_str()),
                tier: &offer.name,
                status: offer.status,
                from: offer.from,
                until: offer.until,
                confidence: offer.confidence.max(
                    self.figures
                        .as_ref()
                        .map_or(offer.confidence, |f| f.confidence),
                ),
            }),
        }
    }
}

/// Display names for a check's ids, for human formats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckNames {
    /// Tier display name.
    pub tier: String,
    /// Product display name.
    pub product: String,
    /// Support type display name.
    pub support_type: String,
}

/// One rule in a check's trace.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct ReasonOut {
    /// Rule id, e.g. `n-minus-1`.
    pub rule: &'static str,
    /// What the rule found, e.g. `n-minus-2-or-older`.
    pub code: &'static str,
    /// Whether it passed.
    pub passed: bool,
    /// One sentence with the dates and names filled in.
    pub detail: String,
    /// The rule's title (for `explain`; not part of the JSON contract).
    #[serde(skip)]
    pub title: &'static str,
    /// What the rule says (for `explain`; not part of the JSON contract).
    #[serde(skip)]
    pub rule_text: &'static str,
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
}

/// An assumption in output.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct AssumptionOut {
    /// The fact: `activated`, `contract` or `ids-associated`.
    pub fact: &'static str,
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

impl CheckReport {
    /// Builds the report of a decision.
    pub fn new(decision: &Decision<'_>, ent: &Entitlements) -> Self {
        let request = &decision.request;
        let (tier, product, as_of) = (request.tier, request.product, request.as_of);
        let (competency_class, by_class, pack) = match &decision.grant {
            Grant::Single(g) => (
                (g.class != ANY_CLASS).then(|| g.class.to_owned()),
                None,
                g.pack.map(str::to_owned),
            ),
            Grant::ByClass(all) => (
                None,
                Some(
                    all.iter()
                        .map(|g| (g.class.to_owned(), g.incidents))
                        .collect(),
                ),
                None,
            ),
        };
        CheckReport {
            eligible: decision.verdict == Verdict::Eligible,
            tier: tier.id.clone(),
            product: product.id.clone(),
            version: decision.version.map(|v| v.version.clone()),
            version_assumed: decision.version_assumed,
            competency: match request.competency {
                crate::data::CompetencyChoice::Named { id, .. } => Some(id.to_owned()),
                _ => None,
            },
            competency_class,
            support_type: decision.support_type.id.clone(),
            incidents: decision.incidents,
            incidents_unlimited: decision.incidents == Some(Incidents::Unlimited),
            incidents_by_competency_class: by_class,
            pack: pack.filter(|_| decision.verdict == Verdict::Eligible),
            channel: decision.channel.map(|c| ChannelOut {
                id: c.id.clone(),
                name: c.name.clone(),
                url: c.url.clone(),
                steps: c.steps.clone(),
            }),
            as_of,
            eligible_until: decision.eligible_until,
            reasons: decision
                .reasons
                .iter()
                .map(|r| ReasonOut {
                    rule: r.rule(),
                    code: r.code(),
                    passed: r.passed(),
                    detail: r.to_string(),
                    title: r.rule_text().0,
                    rule_text: r.rule_text().1,
                })
                .collect(),
            alternatives: decision
                .alternatives
                .iter()
                .map(|a| AlternativeOut {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    url: a.url.clone(),
                    description: a.description.clone(),
                })
                .collect(),
            notes: decision
                .notes
                .iter()
                .map(|n| NoteOut {
                    id: n.id.clone(),
                    text: n.text.clone(),
                })
                .collect(),
            next_steps: decision.next_steps.clone(),
            assumptions: decision
                .assumptions
                .iter()
                .map(|a| AssumptionOut {
                    fact: a.fact,
                    assumed: a.assumed.to_string(),
                })
                .collect(),
            warnings: decision.warnings.clone(),
            program: decision.program.map(|p| ProgramOut::new(ent, p)),
            offer: OfferOut::new(ent, decision),
            rules_as_of: ent.facts_as_of.map(|d| d.0),
            figures: FiguresOut::new(ent, decision),
            data: None,
            names: CheckNames {
                tier: decision.tier_name.to_owned(),
                product: product.name.clone(),
                support_type: decision.support_type_name.to_owned(),
            },
        }
    }

    /// The verdict word.
    pub fn verdict(&self) -> Verdict {
        if self.eligible {
            Verdict::Eligible
        } else {
            Verdict::NotEligible
        }
    }
}

/// One cell of the entitlement matrix.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MatrixRow {
    /// Tier id.
    pub tier: String,
    /// Support type id.
    pub support_type: String,
    /// Competency class id, or `any`.
    pub competency_class: String,
    /// Incidents (0 when not entitled) or "unlimited".
    pub incidents: Incidents,
    /// The pack's published name, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
    /// First day the cell is in force, when dated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Last day the cell is in force, when dated and ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// `quoted`, `secondary` or `inferred`, when dated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// Where the figure comes from, when dated.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceOut>,
}

/// The entitlement matrix, with the names human formats need.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(transparent)]
pub struct MatrixReport {
    /// Every cell, in tier order within support-type order.
    pub rows: Vec<MatrixRow>,
    /// Names for headers (not part of the JSON contract).
    #[serde(skip)]
    pub layout: MatrixLayout,
    /// What the matrix is, when the data is dated: the day, program and sources (not part of
    /// the JSON contract; each row carries its own period).
    #[serde(skip)]
    pub title: Option<String>,
}

/// Names and order of the matrix's axes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MatrixLayout {
    /// Tier ids and names, lowest first.
    pub tiers: Vec<(String, String)>,
    /// Support type ids, names and scopes.
    pub support_types: Vec<(String, String, String)>,
    /// Competency class ids and names.
    pub classes: Vec<(String, String)>,
}

impl MatrixReport {
    /// Builds the matrix in force on a day: the tiers that can be held then, the cells in
    /// force then, under the names of the day.
    pub fn new(ent: &Entitlements, as_of: NaiveDate) -> Self {
        let tiers: Vec<_> = ent
            .tiers
            .iter()
            .filter(|t| t.standing(as_of).holds())
            .collect();
        let mut rows = Vec::with_capacity(ent.matrix.len());
        for st in &ent.support_types {
            for tier in &tiers {
                // Cells in class order, `any` first.
                let mut cells: Vec<_> = ent.cells(&tier.id, &st.id, as_of).collect();
                cells.sort_by_key(|m| {
                    ent.competency_classes
                        .iter()
                        .position(|c| c.id == m.competency_class)
                });
                rows.extend(cells.into_iter().map(|m| MatrixRow {
                    tier: m.tier.clone(),
                    support_type: m.support_type.clone(),
                    competency_class: m.competency_class.clone(),
                    incidents: m.incidents,
                    pack: m.pack.clone(),
                    from: m.from.map(|d| d.0),
                    until: m.until.map(|d| d.0),
                    confidence: m.confidence,
                    sources: sources_out(ent, &m.sources),
                }));
            }
        }
        let title = ent.program_on(as_of).map(|p| {
            let mut confidences: Vec<Confidence> =
                rows.iter().filter_map(|r| r.confidence).collect();
            confidences.sort();
            confidences.dedup();
            let words: Vec<String> = confidences.iter().map(ToString::to_string).collect();
            format!(
                "Entitlement matrix on {as_of}: {} ({}); figures {}",
                p.name,
                crate::data::periods::Dated::span(p),
                if words.is_empty() {
                    "undated".to_owned()
                } else {
                    words.join(", ")
                }
            )
        });
        MatrixReport {
            rows,
            layout: MatrixLayout {
                tiers: tiers
                    .iter()
                    .map(|t| (t.id.clone(), t.name_on(as_of).to_owned()))
                    .collect(),
                support_types: ent
                    .support_types
                    .iter()
                    .map(|s| (s.id.clone(), s.name_on(as_of).to_owned(), s.scope.clone()))
                    .collect(),
                classes: ent
                    .competency_classes
                    .iter()
                    .map(|c| (c.id.to_string(), c.name.to_string()))
                    .collect(),
            },
            title,
        }
    }

    /// The cell for a tier, support type and class (`any` cells answer for every class).
    pub fn cell(&self, tier: &str, support_type: &str, class: &str) -> Option<&MatrixRow> {
        let mut matching = self
            .rows
            .iter()
            .filter(|r| r.tier == tier && r.support_type == support_type);
        matching
            .clone()
            .find(|r| r.competency_class == class)
            .or_else(|| matching.find(|r| r.competency_class == ANY_CLASS))
    }
}

/// One version in the product listing.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct VersionOut {
    /// Microsoft's version name.
    pub version: String,
    /// Track id.
    pub track: String,
    /// Whether the track is the product's main track.
    pub main_track: bool,
    /// Lifecycle policy: `fixed` or `modern`.
    pub policy: String,
    /// First day of availability.
    pub release: NaiveDate,
    /// Last day of mainstream support.
    pub mainstream_end: Option<NaiveDate>,
    /// Last day of extended support.
    pub extended_end: Option<NaiveDate>,
    /// `qualifies`, `mainstream`, `extended`, `out-of-support` or `not-yet-released`.
    pub status: String,
    /// For a qualifying version, the last day it qualifies as far as the data knows.
    pub qualifies_until: Option<NaiveDate>,
    /// Track display name (not part of the JSON contract).
    #[serde(skip)]
    pub track_name: String,
    /// Status words (not part of the JSON contract).
    #[serde(skip)]
    pub status_text: String,
}

/// One product in the listing.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ProductOut {
    /// Product id.
    pub product: String,
    /// Display name.
    pub name: String,
    /// `on-premises` or `cloud`.
    pub deployment: String,
    /// `n-minus-1` (on-premises: only `entitled` versions qualify) or `none` (cloud: no
    /// versions, `entitled` is empty and every use qualifies).
    pub version_policy: &'static str,
    /// The current version (N) on the as-of date.
    pub current: Option<String>,
    /// The previous version (N-1) on the as-of date.
    pub previous: Option<String>,
    /// The qualifying versions, newest first.
    pub entitled: Vec<String>,
    /// Every version with its dates and status, newest first.
    pub versions: Vec<VersionOut>,
}

/// The product summary list on a date.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(transparent)]
pub struct ProductsReport {
    /// The products, in data order.
    pub products: Vec<ProductOut>,
    /// The day listed (not in the JSON array; shown by human formats).
    #[serde(skip)]
    pub as_of: Option<NaiveDate>,
    /// Whether human formats list every version rather than one row per product.
    #[serde(skip)]
    pub versions_view: bool,
}

impl ProductOut {
    /// Builds a product's listing entry from its summary.
    pub fn new(summary: &ProductSummary<'_>) -> Self {
        let p = summary.product;
        ProductOut {
            product: p.id.to_string(),
            name: p.name.to_string(),
            deployment: p.deployment.to_string(),
            version_policy: match p.deployment {
                crate::data::Deployment::OnPremises => "n-minus-1",
                crate::data::Deployment::Cloud => "none",
            },
            current: summary.current.map(|v| v.version.to_string()),
            previous: summary.previous.map(|v| v.version.to_string()),
            entitled: summary.entitled().map(|v| v.version.to_string()).collect(),
            versions: summary
                .versions
                .iter()
                .map(|v| VersionOut {
                    version: v.release.version.to_string(),
                    track: v.release.track.to_string(),
                    main_track: v.release.track == p.main_track,
                    policy: match v.release.policy {
                        crate::data::lifecycle::Policy::Fixed => "fixed".into(),
                        crate::data::lifecycle::Policy::Modern => "modern".into(),
                    },
                    release: v.release.release,
                    mainstream_end: v.release.mainstream_end,
                    extended_end: v.release.extended_end,
                    status: v.status.code().to_owned(),
                    qualifies_until: v.qualifies_until,
                    track_name: v.track.to_owned(),
                    status_text: v.status.to_string(),
                })
                .collect(),
        }
    }
}

/// What `lifecycle import` did.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ImportReport {
    /// The file written (or that would be written).
    pub output: String,
    /// Whether nothing was written (`--dry-run`).
    pub dry_run: bool,
    /// Whether the file's content changed.
    pub changed: bool,
    /// Products in the file.
    pub products: usize,
    /// Versions in the file.
    pub versions: usize,
    /// What changed against the existing file: added, changed and removed versions.
    pub changes: Vec<String>,
    /// Conflicts between sources and rows left out.
    pub warnings: Vec<String>,
}

/// Builds a product listing for the given products on a date.
pub fn products_report(
    data: &Dataset,
    only: Option<&crate::data::Product>,
    as_of: NaiveDate,
    versions_view: bool,
) -> ProductsReport {
    let products = data
        .lifecycle
        .products
        .iter()
        .filter(|p| only.is_none_or(|o| o.id == p.id))
        .map(|p| ProductOut::new(&crate::rules::summarize(p, as_of)))
        .collect();
    ProductsReport {
        products,
        as_of: Some(as_of),
        versions_view,
    }
}

/// When each version of some products is supported and entitled (`products --format svg`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineReport {
    /// The day the picture marks.
    pub as_of: NaiveDate,
    /// The products, in data order.
    pub products: Vec<TimelineProduct>,
}

/// One product's versions on a timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineProduct {
    /// Product id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Main-track versions, newest first.
    pub versions: Vec<TimelineVersion>,
    /// Older versions left out of the picture.
    pub older: usize,
    /// A cloud product: not versioned, every use qualifies.
    pub cloud: bool,
}

/// One version's support windows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineVersion {
    /// Microsoft's version name.
    pub version: String,
    /// First day of availability.
    pub release: NaiveDate,
    /// Last day of mainstream support, when known.
    pub mainstream_end: Option<NaiveDate>,
    /// Last day of extended support, when known.
    pub extended_end: Option<NaiveDate>,
    /// The days it qualifies for partner support (first, last when known), per the rules.
    pub entitled: Option<(NaiveDate, Option<NaiveDate>)>,
}

/// Versions a timeline shows per product, at most: the newest that were still supported in
/// the [`TIMELINE_YEARS`] before the as-of date.
pub const TIMELINE_VERSIONS: usize = 12;
/// How far back a timeline looks, in years before the as-of date.
pub const TIMELINE_YEARS: u32 = 10;

/// Builds the timeline of the on-premises products (or of `only`) on a date: each product's
/// main-track versions still supported in the ten years before it, newest first, with the
/// stretch each qualifies as the rules decide it.
pub fn timeline_report(
    data: &Dataset,
    only: Option<&crate::data::Product>,
    as_of: NaiveDate,
) -> TimelineReport {
    let horizon = as_of
        .checked_sub_months(chrono::Months::new(12 * TIMELINE_YEARS))
        .unwrap_or(NaiveDate::MIN);
    let products = data
        .lifecycle
        .products
        .iter()
        .filter(|p| match only {
            Some(o) => o.id == p.id,
            None => p.deployment == crate::data::Deployment::OnPremises,
        })
        .map(|p| {
            let main: Vec<_> = p
                .versions
                .iter()
                .filter(|v| v.track == p.main_track)
                .collect();
            let relevant: Vec<_> = main
                .iter()
                .filter(|v| v.support_end().is_none_or(|end| end >= horizon))
                .collect();
            let older = main.len() - relevant.len().min(TIMELINE_VERSIONS);
            TimelineProduct {
                id: p.id.to_string(),
                name: p.name.to_string(),
                versions: relevant
                    .into_iter()
                    .take(TIMELINE_VERSIONS)
                    .map(|v| TimelineVersion {
                        version: v.version.to_string(),
                        release: v.release,
                        mainstream_end: v.mainstream_end,
                        extended_end: v.extended_end,
                        entitled: crate::rules::entitled_span(p, v),
                    })
                    .collect(),
                older,
                cloud: p.deployment == crate::data::Deployment::Cloud,
            }
        })
        .collect();
    TimelineReport { as_of, products }
}

/// The rule book over time (`programs`): every period of every kind, in date order, and the
/// references they name.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ProgramsReport {
    /// The first day the rule book covers, when it says.
    pub rule_book_from: Option<NaiveDate>,
    /// Every period: programs, offers, grant run-outs, figures, names and exclusions.
    pub periods: Vec<PeriodRow>,
    /// The sources the periods name.
    pub references: Vec<SourceOut>,
}

/// One period of the rule book.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PeriodRow {
    /// `program`, `offer`, `grant`, `figure`, `name` or `exclusion`.
    pub kind: &'static str,
    /// What it is about: a program, tier, tier x support type (x class), or product x
    /// support type.
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

impl ProgramsReport {
    /// Lays out the rule book of an entitlement table.
    pub fn new(ent: &Entitlements) -> Self {
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
                "program",
                p.id.clone(),
                p.name.clone(),
                p.from.0,
                p.until.map(|u| u.0),
                p.confidence,
                &p.sources,
            );
        }
        for t in &ent.tiers {
            for o in &t.offered {
                let name = o.name.as_deref().unwrap_or(&t.name);
                let detail = match &o.note {
                    Some(note) => format!("{name}: {note}"),
                    None => name.to_owned(),
                };
                push(
                    "offer",
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
                && let Some(runs_until) = last_sold
                    .0
                    .checked_add_months(chrono::Months::new(term.months))
            {
                let sources: Vec<String> =
                    last.sources.iter().chain(&term.sources).cloned().collect();
                push(
                    "grant",
                    t.id.clone(),
                    format!(
                        "no longer sold; a grant bought by {last_sold} runs {} months, until {runs_until}",
                        term.months
                    ),
                    last_sold.0 + chrono::Duration::days(1),
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
                Some(pack) if m.incidents.is_entitled() => format!("{} ({pack})", m.incidents),
                _ => m.incidents.to_string(),
            };
            push(
                "figure",
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
                    "name",
                    st.id.clone(),
                    r.name.clone(),
                    r.from.0,
                    None,
                    r.confidence,
                    &r.sources,
                );
            }
        }
        for e in &ent.exclusions {
            push(
                "exclusion",
                format!("{} x {}", e.products.join(", "), e.support_types.join(", ")),
                e.reason.clone(),
                e.from.0,
                e.until.map(|u| u.0),
                e.confidence,
                &e.sources,
            );
        }
        // In date order; for one day, programs first, then offers, grants, figures, names.
        let order = ["program", "offer", "grant", "figure", "name", "exclusion"];
        periods.sort_by_key(|p| (p.from, order.iter().position(|k| *k == p.kind)));
        ProgramsReport {
            rule_book_from: ent.rule_book.as_ref().map(|b| b.from.0),
            periods,
            references: ent
                .references
                .iter()
                .map(|r| SourceOut {
                    id: r.id.clone(),
                    title: r.title.clone(),
                    url: r.url.clone(),
                })
                .collect(),
        }
    }
}
