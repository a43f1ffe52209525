//! `matrix`: the entitlement matrix in force on a day, one row per tier x support type x
//! competency class, with the names of the day for the human layouts.

use chrono::NaiveDate;
use serde::Serialize;

use super::SourceOut;
use crate::data::Incidents;
use crate::data::entitlements::Entitlements;
use crate::data::periods::{Confidence, Dated as _, Span};
use crate::i18n::Words;

/// One cell of the entitlement matrix (the JSON contract: `matrix` prints an array of these).
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

/// A name of the matrix's axes: id and name on the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Axis {
    /// Id.
    pub id: String,
    /// Name on the day, in the answer's language.
    pub name: String,
}

/// The program a matrix is in force under, when the data names programs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixProgram {
    /// The program's name on the day.
    pub name: String,
    /// The days it bore that name.
    pub span: Span,
    /// The confidences of the figures, weakest last, each once.
    pub confidences: Vec<Confidence>,
}

/// The entitlement matrix in force on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixReport {
    /// The day.
    pub as_of: NaiveDate,
    /// The program of the day, when the data names programs.
    pub program: Option<MatrixProgram>,
    /// The tiers that can be held on the day, lowest first.
    pub tiers: Vec<Axis>,
    /// The support types, with their scope.
    pub support_types: Vec<(Axis, String)>,
    /// The competency classes.
    pub classes: Vec<Axis>,
    /// Every cell, in tier order within support-type order.
    pub rows: Vec<MatrixRow>,
}

impl MatrixReport {
    /// The matrix in force on a day: the tiers that can be held then, the cells in force
    /// then, under the names of the day.
    pub fn new(ent: &Entitlements, as_of: NaiveDate, words: &Words) -> Self {
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
                    sources: SourceOut::list(ent, &m.sources, words),
                }));
            }
        }
        let program = ent.program_on(as_of).map(|p| {
            let mut confidences: Vec<Confidence> =
                rows.iter().filter_map(|r| r.confidence).collect();
            confidences.sort();
            confidences.dedup();
            MatrixProgram {
                name: words.data(&p.name).into_owned(),
                span: p.span(),
                confidences,
            }
        });
        let axis = |id: &str, name: &str| Axis {
            id: id.to_owned(),
            name: words.data(name).into_owned(),
        };
        MatrixReport {
            as_of,
            program,
            tiers: tiers
                .iter()
                .map(|t| axis(&t.id, t.name_on(as_of)))
                .collect(),
            support_types: ent
                .support_types
                .iter()
                .map(|s| {
                    (
                        axis(&s.id, s.name_on(as_of)),
                        words.data(&s.scope).into_owned(),
                    )
                })
                .collect(),
            classes: ent
                .competency_classes
                .iter()
                .map(|c| axis(&c.id, &c.name))
                .collect(),
            rows,
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
            .or_else(|| {
                matching.find(|r| r.competency_class == crate::data::entitlements::ANY_CLASS)
            })
    }
}
