//! The validated entitlement table and its lookups: what the engine asks of it (the cells in
//! force on a day, the exclusion of a product, the roles that may take an action).

use chrono::NaiveDate;

use super::schema::*;
use crate::data::common::Deployment;
use crate::data::periods::{Dated as _, Exclusion, Program, Reference, Span};

/// The spans of days on which a tier and support type have figures, in order.
pub(super) fn figure_spans(matrix: &[MatrixEntry], tier: &str, support_type: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = matrix
        .iter()
        .filter(|m| m.tier == tier && m.support_type == support_type)
        .map(MatrixEntry::span)
        .collect();
    spans.sort_by_key(|s| s.from);
    spans.dedup();
    spans
}

/// The validated entitlement table: the file as read, once every id it references exists
/// and every period is in order. Reads as the file (`Deref`).
#[derive(Debug, Clone, PartialEq)]
pub struct Entitlements {
    pub(super) file: EntitlementsFile,
    /// When the file was written.
    pub generated: Option<NaiveDate>,
}

impl std::ops::Deref for Entitlements {
    type Target = EntitlementsFile;

    fn deref(&self) -> &EntitlementsFile {
        &self.file
    }
}

impl Entitlements {
    /// An action by id.
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The roles that may take an action, in data order.
    pub fn roles_that_can(&self, action: &str) -> Vec<&Role> {
        self.roles.iter().filter(|r| r.can(action)).collect()
    }

    /// The support type covering a deployment.
    pub fn support_type_for(&self, deployment: Deployment) -> Option<&SupportType> {
        self.support_types
            .iter()
            .find(|s| s.deployment == deployment)
    }

    /// A channel by id.
    pub fn channel(&self, id: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.id == id)
    }

    /// A competency class by id.
    pub fn competency_class(&self, id: &str) -> Option<&CompetencyClass> {
        self.competency_classes.iter().find(|c| c.id == id)
    }

    /// The matrix entries for a tier and support type in force on a day (one `any` entry or
    /// one per class).
    pub fn cells<'a>(
        &'a self,
        tier: &'a str,
        support_type: &'a str,
        day: NaiveDate,
    ) -> impl Iterator<Item = &'a MatrixEntry> + 'a {
        self.matrix.iter().filter(move |m| {
            m.tier == tier && m.support_type == support_type && m.span().contains(day)
        })
    }

    /// The spans of days on which a tier and support type have figures, in order.
    pub fn figure_spans(&self, tier: &str, support_type: &str) -> Vec<Span> {
        figure_spans(&self.matrix, tier, support_type)
    }

    /// The program's name on a day, when the data names programs.
    pub fn program_on(&self, day: NaiveDate) -> Option<&Program> {
        self.programs.iter().find(|p| p.span().contains(day))
    }

    /// Why a product cannot use a support type on a day, if it cannot.
    pub fn exclusion(
        &self,
        product: &str,
        support_type: &str,
        day: NaiveDate,
    ) -> Option<&Exclusion> {
        self.exclusions.iter().find(|e| {
            e.span().contains(day)
                && e.products.iter().any(|p| p == product)
                && e.support_types.iter().any(|s| s == support_type)
        })
    }

    /// Whether the rule book covers a day: `Err(first day)` when the day is before it.
    pub fn check_covered(&self, day: NaiveDate) -> Result<(), NaiveDate> {
        match &self.rule_book {
            Some(book) if day < book.from.0 => Err(book.from.0),
            _ => Ok(()),
        }
    }

    /// A reference by id.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|r| r.id == id)
    }
}
