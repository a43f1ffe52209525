//! Grids: a header and rows of cells, one column list per report shared by the text,
//! markdown and CSV printers so their columns cannot drift. Each column has an id (the CSV
//! header) and a label (the human header, from the catalogue); each cell has its words for
//! people, its plain value for programs (a number, a date, an id, empty for nothing) and a
//! tone for colour.

use std::borrow::Cow;

use crate::data::entitlements::ANY_CLASS;
use crate::data::periods::Day;
use crate::data::{Finding, Incidents};
use crate::engine::Value;
use crate::i18n::Words;
use crate::report::check::ReasonOut;
use crate::report::competencies::CompetencyOut;
use crate::report::matrix::MatrixReport;
use crate::report::products::{ProductOut, ProductsReport, ProductsView, VersionOut};
use crate::report::programs::{PeriodRow, ProgramsReport};
use crate::report::roles::RolesReport;
use crate::report::validate::ValidateReport;
use crate::report::{CheckReport, CheckRow, SourceOut};

/// What a cell says about its row, for colour: good news, bad news, or neither.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tone {
    /// Neither.
    #[default]
    Plain,
    /// A rule passed, a version qualifies.
    Good,
    /// A rule failed, a version is out of support.
    Bad,
}

/// One cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// For people.
    pub text: String,
    /// For programs: the value with no words around it (empty for nothing).
    pub plain: String,
    /// For colour.
    pub tone: Tone,
}

impl Cell {
    /// A cell that reads the same for people and programs.
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Cell {
            plain: text.clone(),
            text,
            tone: Tone::Plain,
        }
    }

    /// A cell with words for people and a value for programs.
    pub fn new(text: impl Into<String>, plain: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            plain: plain.into(),
            tone: Tone::Plain,
        }
    }

    /// A date, or `-` for people and nothing for programs.
    pub fn date(date: Option<chrono::NaiveDate>) -> Self {
        match date {
            Some(d) => Cell::same(Day(d).to_string()),
            None => Cell::new("-", ""),
        }
    }

    /// With a tone.
    pub fn tone(self, tone: Tone) -> Self {
        Cell { tone, ..self }
    }
}

/// A header and rows of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// Column ids, for programs (`current`, `mainstream_end`).
    pub ids: Vec<Cow<'static, str>>,
    /// Column labels, for people.
    pub labels: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<Cell>>,
}

impl Grid {
    /// A grid of columns whose labels are the catalogue's `column-<id>`.
    fn new(words: &Words, ids: &[&'static str], rows: Vec<Vec<Cell>>) -> Self {
        Grid {
            ids: ids.iter().map(|id| Cow::Borrowed(*id)).collect(),
            labels: ids
                .iter()
                .map(|id| words.text(&format!("column-{}", id.replace('_', "-"))))
                .collect(),
            rows,
        }
    }
}

/// Incidents: words for people, the number (or `unlimited`) for programs.
pub fn incidents(words: &Words, i: Incidents) -> Cell {
    Cell::new(words.incidents(i), plain_incidents(i))
}

/// Incidents as a program reads them: a number (0 when not entitled) or `unlimited`.
pub fn plain_incidents(i: Incidents) -> String {
    match i {
        Incidents::Count(n) => n.to_string(),
        Incidents::Unlimited => "unlimited".to_owned(),
    }
}

/// The rule trace of a check: one row per rule.
pub fn trace(words: &Words, report: &CheckReport) -> Grid {
    let rows = report
        .reasons
        .iter()
        .enumerate()
        .map(|(i, r): (usize, &ReasonOut)| {
            let (result, tone) = if r.passed {
                (words.text("result-pass"), Tone::Good)
            } else {
                (words.text("result-fail"), Tone::Bad)
            };
            vec![
                Cell::same((i + 1).to_string()),
                Cell::same(r.rule.as_str()),
                Cell::new(result, r.passed.to_string()).tone(tone),
                Cell::same(r.detail.clone()),
            ]
        })
        .collect();
    Grid::new(words, &["number", "rule", "result", "detail"], rows)
}

/// The explanation of a check as rows: one per rule, with its title (CSV of `explain`).
pub fn explanation(words: &Words, report: &CheckReport) -> Grid {
    let rows = report
        .reasons
        .iter()
        .enumerate()
        .map(|(i, r)| {
            vec![
                Cell::same((i + 1).to_string()),
                Cell::same(r.rule.as_str()),
                Cell::same(r.title.clone()),
                Cell::same(r.passed.to_string()),
                Cell::same(r.detail.clone()),
            ]
        })
        .collect();
    Grid::new(
        words,
        &["number", "rule", "title", "passed", "finding"],
        rows,
    )
}

/// The columns of a check as one flat row: the CSV of `check` and of each batch row.
pub const CHECK_COLUMNS: [&str; 12] = [
    "as_of",
    "tier",
    "product",
    "version",
    "competency_class",
    "eligible",
    "support_type",
    "incidents",
    "channel",
    "eligible_until",
    "failed_rules",
    "decided_under",
];

/// A check's cells in [`CHECK_COLUMNS`] order, as programs read them; `decided_under` is the
/// period in words, given by the caller (a batch words each distinct period once).
pub fn check_cells<'r>(row: &'r CheckRow<'_>, decided_under: &'r str) -> [Cow<'r, str>; 12] {
    let failed: Vec<&str> = row.failed.iter().map(|c| c.as_str()).collect();
    [
        Day(row.as_of).to_string().into(),
        row.tier.into(),
        row.product.into(),
        row.version.unwrap_or_default().into(),
        row.competency_class.unwrap_or_default().into(),
        if row.eligible { "true" } else { "false" }.into(),
        row.support_type.into(),
        row.incidents
            .map(plain_incidents)
            .unwrap_or_default()
            .into(),
        row.channel.unwrap_or_default().into(),
        row.eligible_until
            .map(|d| Day(d).to_string())
            .unwrap_or_default()
            .into(),
        failed.join(" ").into(),
        decided_under.into(),
    ]
}

/// The entitlement matrix of the source page: a row per support type and competency class,
/// a column per tier.
pub fn matrix(words: &Words, report: &MatrixReport) -> Grid {
    let mut ids: Vec<Cow<'static, str>> = vec!["support_type".into(), "competency".into()];
    // Tier ids as identifiers: `action-pack` heads the column `action_pack`.
    ids.extend(
        report
            .tiers
            .iter()
            .map(|t| Cow::Owned(t.id.replace('-', "_"))),
    );
    let mut labels = vec![
        words.text("column-support-type"),
        words.text("column-competency"),
    ];
    labels.extend(report.tiers.iter().map(|t| t.name.clone()));
    let mut rows = Vec::new();
    for (st, scope) in &report.support_types {
        let per_class = report
            .rows
            .iter()
            .any(|r| r.support_type == st.id && r.competency_class != ANY_CLASS);
        let classes: Vec<(&str, String)> = if per_class {
            report
                .classes
                .iter()
                .map(|c| (c.id.as_str(), c.name.clone()))
                .collect()
        } else {
            vec![(ANY_CLASS, words.text("class-any"))]
        };
        for (class, class_name) in classes {
            let mut row = vec![
                Cell::new(
                    words.format(
                        "support-type-scope",
                        &[
                            ("support_type", Value::Text(&st.name)),
                            ("scope", Value::Text(scope)),
                        ],
                    ),
                    st.id.clone(),
                ),
                Cell::new(class_name, class),
            ];
            for tier in &report.tiers {
                row.push(match report.cell(&tier.id, &st.id, class) {
                    None => Cell::new("-", ""),
                    Some(c) => {
                        let mut cell = incidents(words, c.incidents);
                        if let Some(pack) = c.pack.as_ref().filter(|_| c.incidents.is_entitled()) {
                            cell.text = words.format(
                                "grant-pack",
                                &[
                                    ("incidents", c.incidents.value()),
                                    ("pack", Value::Text(pack)),
                                ],
                            );
                        }
                        cell
                    }
                });
            }
            rows.push(row);
        }
    }
    Grid { ids, labels, rows }
}

/// What a product's "entitled versions" cell says: the versions, none, any (cloud), or the
/// exclusion.
fn entitled_cell(words: &Words, p: &ProductOut) -> Cell {
    if let Some(e) = &p.excluded {
        return Cell::new(
            words.format(
                "entitled-excluded",
                &[
                    ("support_type", Value::Text(&e.support_type)),
                    ("from", Value::Day(e.from)),
                ],
            ),
            "",
        )
        .tone(Tone::Bad);
    }
    match (p.version_policy, p.entitled.as_slice()) {
        (crate::data::entitlements::VersionPolicy::None, _) => {
            Cell::new(words.text("entitled-any-cloud"), "any")
        }
        (_, []) => Cell::new(words.text("entitled-none"), ""),
        (_, list) => Cell::same(list.join(", ")),
    }
}

/// One row per product: N, N-1 and what qualifies.
fn products(words: &Words, report: &ProductsReport) -> Grid {
    let rows = report
        .products
        .iter()
        .map(|p| {
            let previous = p
                .previous
                .as_ref()
                .and_then(|n1| p.versions.iter().find(|v| &v.version == n1));
            vec![
                Cell::same(p.product.clone()),
                p.current
                    .clone()
                    .map_or_else(|| Cell::new("-", ""), Cell::same),
                p.previous
                    .clone()
                    .map_or_else(|| Cell::new("-", ""), Cell::same),
                entitled_cell(words, p),
                Cell::date(previous.and_then(|v| v.mainstream_end)),
            ]
        })
        .collect();
    Grid::new(
        words,
        &[
            "product",
            "current",
            "previous",
            "entitled_versions",
            "previous_mainstream_end",
        ],
        rows,
    )
}

/// One row per version of every listed product.
fn versions(words: &Words, report: &ProductsReport) -> Grid {
    let rows = report
        .products
        .iter()
        .flat_map(|p| p.versions.iter().map(move |v| (p, v)))
        .map(|(p, v): (&ProductOut, &VersionOut)| {
            let track = if v.main_track && v.track != "main" {
                words.format("track-main", &[("track", Value::Text(&v.track))])
            } else {
                v.track.clone()
            };
            let tone = match v.status {
                "qualifies" => Tone::Good,
                "out-of-support" => Tone::Bad,
                _ => Tone::Plain,
            };
            vec![
                Cell::same(p.product.clone()),
                Cell::same(v.version.clone()),
                Cell::new(track, v.track.clone()),
                Cell::same(Day(v.release).to_string()),
                Cell::date(v.mainstream_end),
                Cell::date(v.extended_end),
                Cell::new(words.text(&format!("status-{}", v.status)), v.status).tone(tone),
                Cell::date(v.qualifies_until),
            ]
        })
        .collect();
    Grid::new(
        words,
        &[
            "product",
            "version",
            "track",
            "release",
            "mainstream_end",
            "extended_end",
            "status",
            "qualifies_until",
        ],
        rows,
    )
}

/// The grid a products report shows: a row per product, or per version.
pub fn listing(words: &Words, report: &ProductsReport) -> Grid {
    match report.view {
        ProductsView::Products => products(words, report),
        ProductsView::Versions => versions(words, report),
    }
}

/// The role table: a row per role, a column per action.
pub fn roles(words: &Words, report: &RolesReport) -> Grid {
    let mut ids: Vec<Cow<'static, str>> = vec!["role".into()];
    ids.extend(report.actions.iter().map(|a| Cow::Owned(a.id.clone())));
    let mut labels = vec![words.text("column-role")];
    labels.extend(report.actions.iter().map(|a| a.id.clone()));
    let rows = report
        .roles
        .iter()
        .map(|r| {
            let mut row = vec![Cell::new(r.name.clone(), r.id.clone())];
            row.extend(report.actions.iter().map(|a| {
                let can = r.can.contains(&a.id);
                let text = words.text(if can { "answer-yes" } else { "answer-no" });
                Cell::new(text, if can { "yes" } else { "no" })
            }));
            row
        })
        .collect();
    Grid { ids, labels, rows }
}

/// The rule book's periods, one row each, in date order.
pub fn periods(words: &Words, report: &ProgramsReport) -> Grid {
    let rows = report
        .periods
        .iter()
        .map(|p: &PeriodRow| {
            vec![
                Cell::same(p.kind.as_str()),
                Cell::same(p.subject.clone()),
                Cell::same(p.detail.clone()),
                Cell::same(Day(p.from).to_string()),
                Cell::new(
                    p.until.map(|d| Day(d).to_string()).unwrap_or_default(),
                    p.until.map(|d| Day(d).to_string()).unwrap_or_default(),
                ),
                Cell::new(words.confidence(p.confidence), p.confidence.to_string()),
                Cell::same(p.sources.join(" ")),
            ]
        })
        .collect();
    Grid::new(
        words,
        &[
            "kind",
            "subject",
            "detail",
            "from",
            "until",
            "confidence",
            "sources",
        ],
        rows,
    )
}

/// The references of the rule book, one row each.
pub fn references(words: &Words, report: &ProgramsReport) -> Grid {
    let rows = report
        .references
        .iter()
        .map(|r: &SourceOut| {
            vec![
                Cell::same(r.id.clone()),
                Cell::same(r.title.clone()),
                Cell::same(r.url.clone().unwrap_or_default()),
            ]
        })
        .collect();
    Grid::new(words, &["source", "title", "url"], rows)
}

/// Competencies with their classes, one row each.
pub fn competencies(words: &Words, list: &[CompetencyOut]) -> Grid {
    let rows = list
        .iter()
        .map(|c| {
            vec![
                Cell::same(c.id.clone()),
                Cell::same(c.name.clone()),
                Cell::new(c.class_name.clone(), c.class.clone()),
                Cell::same(c.aliases.join(", ")),
            ]
        })
        .collect();
    Grid::new(words, &["competency", "name", "class", "aliases"], rows)
}

/// Problems found by `validate`, one row each.
pub fn problems(words: &Words, report: &ValidateReport) -> Grid {
    let rows = report
        .problems
        .iter()
        .map(|d: &Finding| {
            vec![
                Cell::same(d.file.clone()),
                Cell::same(d.line.to_string()),
                Cell::same(d.column.to_string()),
                Cell::same(d.severity.to_string()),
                Cell::same(d.entry.clone()),
                Cell::same(d.message.clone()),
            ]
        })
        .collect();
    Grid::new(
        words,
        &["file", "line", "column", "severity", "entry", "message"],
        rows,
    )
}
