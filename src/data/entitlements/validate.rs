//! Validating an entitlement file: every id it references exists, every period is in order,
//! every problem collected (not only the first), each with where it is.

use std::collections::HashSet;

use super::Entitlements;
use super::query::figure_spans;
use super::schema::*;
use crate::data::common::{check_date, check_spellings, unique_ids};
use crate::data::error::{At, Problems};
use crate::data::periods::{Dated, Span, check_sequence, check_sources, check_span};

impl EntitlementsFile {
    /// Checks every cross reference and uniqueness rule, collecting all problems: one check
    /// per section, each given the ids the sections before it defined.
    pub fn validate(self) -> (Option<Entitlements>, Problems) {
        let mut problems = Problems::default();
        let root = At::root();
        let p = &mut problems;
        let generated = check_date(p, &root.field("generated"), self.generated.as_deref());
        let refs = self.check_references(p, &root);
        let tier_ids = self.check_tiers(p, &root, &refs);
        let class_ids = self.check_competencies(p, &root);
        let channel_ids = unique_ids(
            p,
            &root.field("channels"),
            self.channels.iter().map(|c| c.id.as_str()),
        );
        let type_ids = self.check_support_types(p, &root, &channel_ids, &refs);
        self.check_matrix(p, &root, &tier_ids, &type_ids, &class_ids, &refs);
        self.check_exclusions(p, &root, &type_ids, &refs);
        self.check_conditions(p, &root, &tier_ids, &type_ids);
        let action_ids = self.check_roles(p, &root);
        self.check_account(p, &root, &action_ids, &channel_ids);
        if problems.has_errors() {
            return (None, problems);
        }
        let valid = Entitlements {
            file: self,
            generated,
        };
        (Some(valid), problems)
    }
}

impl EntitlementsFile {
    /// References, the rule book's first day and the program periods; returns the
    /// reference ids.
    fn check_references<'a>(&'a self, problems: &mut Problems, root: &At<'_>) -> HashSet<&'a str> {
        let refs = unique_ids(
            problems,
            &root.field("references"),
            self.references.iter().map(|r| r.id.as_str()),
        );
        if let Some(book) = &self.rule_book {
            check_sources(problems, &root.field("rule_book"), &book.sources, &refs);
        }
        let programs = root.field("programs");
        unique_ids(
            problems,
            &programs,
            self.programs.iter().map(|p| p.id.as_str()),
        );
        check_sequence(
            problems,
            &programs,
            self.programs.iter().map(Dated::span).enumerate(),
        );
        for (i, program) in self.programs.iter().enumerate() {
            check_sources(
                problems,
                &programs.item(i, &program.id),
                &program.sources,
                &refs,
            );
        }
        refs
    }

    fn check_tiers<'a>(
        &'a self,
        problems: &mut Problems,
        root: &At<'_>,
        refs: &HashSet<&str>,
    ) -> HashSet<&'a str> {
        let tiers = root.field("tiers");
        let ids = unique_ids(problems, &tiers, self.tiers.iter().map(|t| t.id.as_str()));
        for (i, tier) in self.tiers.iter().enumerate() {
            let at = tiers.item(i, &tier.id);
            let offered = at.field("offered");
            check_sequence(
                problems,
                &offered,
                tier.offered.iter().map(Dated::span).enumerate(),
            );
            for (j, period) in tier.offered.iter().enumerate() {
                check_sources(problems, &offered.item(j, ""), &period.sources, refs);
            }
            if let Some(term) = &tier.term {
                let at = at.field("term");
                check_sources(problems, &at, &term.sources, refs);
                if term.months == 0 {
                    problems.error(&at.field("months"), "a grant must run at least one month");
                }
            }
        }
        check_spellings(
            problems,
            &tiers,
            self.tiers
                .iter()
                .map(|t| (t.id.as_str(), t.name.as_str(), t.aliases.as_slice())),
        );
        ids
    }

    /// Competency classes and competencies; returns the class ids.
    fn check_competencies<'a>(
        &'a self,
        problems: &mut Problems,
        root: &At<'_>,
    ) -> HashSet<&'a str> {
        let classes = root.field("competency_classes");
        let class_ids = unique_ids(
            problems,
            &classes,
            self.competency_classes.iter().map(|c| c.id.as_str()),
        );
        if let Some(i) = self
            .competency_classes
            .iter()
            .position(|c| c.id == ANY_CLASS)
        {
            problems.error(
                &classes.item(i, ANY_CLASS).field("id"),
                format!("`{ANY_CLASS}` is reserved for matrix entries that ignore the class"),
            );
        }
        let competencies = root.field("competencies");
        unique_ids(
            problems,
            &competencies,
            self.competencies.iter().map(|c| c.id.as_str()),
        );
        // A competency may share its class's id (`cloud`), so classes are checked apart.
        check_spellings(
            problems,
            &competencies,
            self.competencies
                .iter()
                .map(|c| (c.id.as_str(), c.name.as_str(), c.aliases.as_slice())),
        );
        for (i, c) in self.competencies.iter().enumerate() {
            if !class_ids.contains(c.class.as_str()) {
                problems.error(
                    &competencies.item(i, &c.id).field("class"),
                    format!("unknown competency class `{}`", c.class),
                );
            }
        }
        class_ids
    }

    /// Support types: unique, one per deployment, each with a defined channel.
    fn check_support_types<'a>(
        &'a self,
        problems: &mut Problems,
        root: &At<'_>,
        channel_ids: &HashSet<&str>,
        refs: &HashSet<&str>,
    ) -> HashSet<&'a str> {
        let types = root.field("support_types");
        let type_ids = unique_ids(
            problems,
            &types,
            self.support_types.iter().map(|s| s.id.as_str()),
        );
        let mut deployments = HashSet::new();
        for (i, s) in self.support_types.iter().enumerate() {
            let at = types.item(i, &s.id);
            if !channel_ids.contains(s.channel.as_str()) {
                problems.error(
                    &at.field("channel"),
                    format!("channel `{}` is not defined in `channels`", s.channel),
                );
            }
            if !deployments.insert(s.deployment) {
                problems.error(
                    &at.field("deployment"),
                    format!("a second support type for {} products", s.deployment),
                );
            }
            let renamed = at.field("renamed");
            for (j, r) in s.renamed.iter().enumerate() {
                check_sources(problems, &renamed.item(j, ""), &r.sources, refs);
                if j > 0
                    && s.renamed
                        .get(j - 1)
                        .is_some_and(|before| before.from >= r.from)
                {
                    problems.error(
                        &renamed.item(j, "").field("from"),
                        "names out of order: each must start after the one before",
                    );
                }
            }
        }
        type_ids
    }

    fn check_matrix(
        &self,
        problems: &mut Problems,
        root: &At<'_>,
        tier_ids: &HashSet<&str>,
        type_ids: &HashSet<&str>,
        class_ids: &HashSet<&str>,
        refs: &HashSet<&str>,
    ) {
        let matrix = root.field("matrix");
        for (i, m) in self.matrix.iter().enumerate() {
            let at = matrix.item(i, "");
            if !tier_ids.contains(m.tier.as_str()) {
                problems.error(&at.field("tier"), format!("unknown tier `{}`", m.tier));
            }
            if !type_ids.contains(m.support_type.as_str()) {
                problems.error(
                    &at.field("support_type"),
                    format!("unknown support type `{}`", m.support_type),
                );
            }
            if m.competency_class != ANY_CLASS && !class_ids.contains(m.competency_class.as_str()) {
                problems.error(
                    &at.field("competency_class"),
                    format!("unknown competency class `{}`", m.competency_class),
                );
            }
            if m.is_dated() {
                check_span(problems, &at, &m.span());
                check_sources(problems, &at, &m.sources, refs);
                if m.confidence.is_none() {
                    problems.error(&at, "a dated entry needs a `confidence`");
                }
            }
            let earlier = self.matrix.iter().take(i).find(|o| {
                (&o.tier, &o.support_type, &o.competency_class)
                    == (&m.tier, &m.support_type, &m.competency_class)
                    && o.span().overlaps(&m.span())
            });
            match earlier {
                Some(o) if !o.is_dated() && !m.is_dated() => problems.error(
                    &at,
                    format!(
                        "duplicate entry for tier `{}`, support type `{}`, class `{}`",
                        m.tier, m.support_type, m.competency_class
                    ),
                ),
                Some(o) => problems.error(
                    &at.field("from"),
                    format!(
                        "overlaps the entry for tier `{}`, support type `{}`, class `{}` in force {}",
                        m.tier,
                        m.support_type,
                        m.competency_class,
                        o.span()
                    ),
                ),
                None => {}
            }
        }
        // Each tier x support type needs, in each period, one `any` cell or one cell per
        // class, not a mix; and its periods must not overlap.
        for tier in &self.tiers {
            for st in &self.support_types {
                let spans = figure_spans(&self.matrix, &tier.id, &st.id);
                let complete = |span: &Span| {
                    let mut classes: Vec<&str> = self
                        .matrix
                        .iter()
                        .filter(|m| m.tier == tier.id && m.support_type == st.id)
                        .filter(|m| m.span() == *span)
                        .map(|m| m.competency_class.as_str())
                        .collect();
                    // Duplicates are reported above; count each class once here.
                    classes.sort_unstable();
                    classes.dedup();
                    classes == [ANY_CLASS]
                        || (!classes.contains(&ANY_CLASS)
                            && self
                                .competency_classes
                                .iter()
                                .all(|c| classes.contains(&c.id.as_str())))
                };
                if spans.is_empty() || !spans.iter().all(complete) {
                    problems.error(
                        &matrix,
                        format!(
                            "tier `{}` x support type `{}` needs one `any` entry or one entry per competency class",
                            tier.id, st.id
                        ),
                    );
                }
                if let Some(pair) = spans.windows(2).find(|w| w[0].overlaps(&w[1])) {
                    problems.error(
                        &matrix,
                        format!(
                            "tier `{}` x support type `{}`: entries in force {} and {} overlap",
                            tier.id, st.id, pair[0], pair[1]
                        ),
                    );
                }
            }
        }
    }

    /// Exclusions name known support types, with sources.
    fn check_exclusions(
        &self,
        problems: &mut Problems,
        root: &At<'_>,
        type_ids: &HashSet<&str>,
        refs: &HashSet<&str>,
    ) {
        let section = root.field("exclusions");
        unique_ids(
            problems,
            &section,
            self.exclusions.iter().map(|e| e.id.as_str()),
        );
        for (i, e) in self.exclusions.iter().enumerate() {
            let at = section.item(i, &e.id);
            check_span(problems, &at, &e.span());
            check_sources(problems, &at, &e.sources, refs);
            let types = at.field("support_types");
            for (j, t) in e.support_types.iter().enumerate() {
                if !type_ids.contains(t.as_str()) {
                    problems.error(&types.item(j, ""), format!("unknown support type `{t}`"));
                }
            }
        }
    }

    fn check_conditions(
        &self,
        problems: &mut Problems,
        root: &At<'_>,
        tier_ids: &HashSet<&str>,
        type_ids: &HashSet<&str>,
    ) {
        let alternatives = root.field("alternatives");
        unique_ids(
            problems,
            &alternatives,
            self.alternatives.iter().map(|a| a.id.as_str()),
        );
        let notes = root.field("notes");
        unique_ids(problems, &notes, self.notes.iter().map(|n| n.id.as_str()));
        let alternatives_when = self
            .alternatives
            .iter()
            .enumerate()
            .map(|(i, a)| (&alternatives, i, a.id.as_str(), &a.when));
        let notes_when = self
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| (&notes, i, n.id.as_str(), &n.when));
        for (section, i, id, when) in alternatives_when.chain(notes_when) {
            let item = section.item(i, id);
            let at = item.field("when");
            let tiers_at = at.field("tiers");
            for (j, t) in when.tiers.iter().flatten().enumerate() {
                if !tier_ids.contains(t.as_str()) {
                    problems.error(&tiers_at.item(j, ""), format!("unknown tier `{t}`"));
                }
            }
            let types_at = at.field("support_types");
            for (j, s) in when.support_types.iter().flatten().enumerate() {
                if !type_ids.contains(s.as_str()) {
                    problems.error(&types_at.item(j, ""), format!("unknown support type `{s}`"));
                }
            }
            self.check_condition_days(problems, &at, when);
        }
        for (i, a) in self.alternatives.iter().enumerate() {
            let item = alternatives.item(i, &a.id);
            let at = item.field("tiers");
            for (j, t) in a.tiers.iter().enumerate() {
                if !tier_ids.contains(t.as_str()) {
                    problems.error(&at.item(j, ""), format!("unknown tier `{t}`"));
                }
            }
        }
    }

    /// A condition's days: `until` not before `from`, and neither before the rule book's
    /// first day (a condition there could never apply, or would claim days nothing is decided
    /// on).
    fn check_condition_days(&self, problems: &mut Problems, at: &At<'_>, when: &Condition) {
        if let (Some(from), Some(until)) = (when.from, when.until) {
            check_span(
                problems,
                at,
                &Span {
                    from,
                    until: Some(until),
                },
            );
        }
        let Some(book) = &self.rule_book else {
            return;
        };
        for (key, day) in [("from", when.from), ("until", when.until)] {
            if let Some(day) = day
                && day < book.from
            {
                problems.error(
                    &at.field(key),
                    format!(
                        "`{key}` {day} is before the rule book's first day ({}): the condition lies outside the rule book",
                        book.from
                    ),
                );
            }
        }
    }

    fn check_roles<'a>(&'a self, problems: &mut Problems, root: &At<'_>) -> HashSet<&'a str> {
        let actions = root.field("actions");
        let action_ids = unique_ids(
            problems,
            &actions,
            self.actions.iter().map(|a| a.id.as_str()),
        );
        let roles = root.field("roles");
        unique_ids(problems, &roles, self.roles.iter().map(|r| r.id.as_str()));
        check_spellings(
            problems,
            &roles,
            self.roles
                .iter()
                .map(|r| (r.id.as_str(), r.name.as_str(), r.aliases.as_slice())),
        );
        for (i, r) in self.roles.iter().enumerate() {
            let item = roles.item(i, &r.id);
            let can = item.field("can");
            for (j, a) in r.can.iter().enumerate() {
                if !action_ids.contains(a.as_str()) {
                    problems.error(&can.item(j, ""), format!("unknown action `{a}`"));
                }
            }
        }
        action_ids
    }

    fn check_account(
        &self,
        problems: &mut Problems,
        root: &At<'_>,
        action_ids: &HashSet<&str>,
        channel_ids: &HashSet<&str>,
    ) {
        let account = root.field("account");
        for (key, value) in [
            ("activate_action", &self.account.activate_action),
            ("customer_cloud_action", &self.account.customer_cloud_action),
        ] {
            if let Some(a) = value
                && !action_ids.contains(a.as_str())
            {
                problems.error(&account.field(key), format!("unknown action `{a}`"));
            }
        }
        let channels = root.field("channels");
        for (i, c) in self.channels.iter().enumerate() {
            if let Some(a) = &c.action
                && !action_ids.contains(a.as_str())
            {
                problems.error(
                    &channels.item(i, &c.id).field("action"),
                    format!("unknown action `{a}`"),
                );
            }
        }
        if let Some(c) = &self.account.customer_channel
            && !channel_ids.contains(c.as_str())
        {
            problems.error(
                &account.field("customer_channel"),
                format!("channel `{c}` is not defined in `channels`"),
            );
        }
    }
}
