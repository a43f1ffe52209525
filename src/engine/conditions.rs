//! When an alternative or a note applies: every field a [`Condition`] sets must match the
//! decided request, its days included (`from` and `until`, both inclusive).

use chrono::NaiveDate;

use crate::data::Product;
use crate::data::entitlements::{Condition, Fact};

/// What conditions are matched against.
pub(super) struct Facts<'a> {
    pub(super) tier: &'a str,
    pub(super) product: &'a Product,
    pub(super) support_type: &'a str,
    pub(super) eligible: bool,
    pub(super) within_lifecycle: bool,
    pub(super) csp: bool,
    pub(super) stated: &'a [Fact],
    pub(super) as_of: NaiveDate,
}

impl Facts<'_> {
    /// Whether every field the condition sets matches.
    pub(super) fn hold(&self, when: &Condition) -> bool {
        let within = |list: &Option<Vec<String>>, value: &str| {
            list.as_ref().is_none_or(|l| l.iter().any(|x| x == value))
        };
        when.deployments
            .as_ref()
            .is_none_or(|d| d.contains(&self.product.deployment))
            && within(&when.support_types, self.support_type)
            && within(&when.tiers, self.tier)
            && within(&when.products, &self.product.id)
            && when
                .except_products
                .as_ref()
                .is_none_or(|l| !l.contains(&self.product.id))
            && when.eligible.is_none_or(|e| e == self.eligible)
            && when
                .within_lifecycle
                .is_none_or(|w| w == self.within_lifecycle)
            && when.csp.is_none_or(|c| c == self.csp)
            && when
                .unstated
                .as_ref()
                .is_none_or(|facts| !facts.iter().any(|f| self.stated.contains(f)))
            && when.from.is_none_or(|from| from.0 <= self.as_of)
            && when.until.is_none_or(|until| self.as_of <= until.0)
    }
}
