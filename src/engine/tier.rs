//! The tier family of rules, in their order: `support-type` (the product's deployment picks
//! the support type), `tier-offered` (the tier could be held on the day), `tier-entitlement`
//! (the matrix cell in force), `product-exclusion` (a product a support type cannot serve in a
//! period). Each rule's logic sits beside its finding; the words are the catalogues'
//! `finding-<code>` messages.

use chrono::NaiveDate;

use super::finding::{Code, Msg, Rule, RuleId, Value};
use crate::data::entitlements::{ANY_CLASS, MatrixEntry, SupportType, Tier};
use crate::data::periods::{Dated as _, Exclusion, Standing};
use crate::data::{CompetencyChoice, Dataset, Deployment, Incidents};

/// Incidents of one competency class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassGrant<'a> {
    /// Class id (`any` when the class does not matter).
    pub class: &'a str,
    /// Class display name.
    pub class_name: &'a str,
    /// Incidents for that class.
    pub incidents: Incidents,
    /// The pack's published name.
    pub pack: Option<&'a str>,
}

impl ClassGrant<'_> {
    /// Nothing granted, whatever the class.
    pub const NONE: ClassGrant<'static> = ClassGrant {
        class: ANY_CLASS,
        class_name: ANY_CLASS,
        incidents: Incidents::Count(0),
        pack: None,
    };
}

/// What the matrix grants for a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grant<'a> {
    /// One answer: the class does not matter, or is known.
    Single(ClassGrant<'a>),
    /// The class matters and was not given: one answer per class.
    ByClass(Vec<ClassGrant<'a>>),
}

impl Grant<'_> {
    /// Whether every possible class is entitled.
    pub fn entitled(&self) -> bool {
        match self {
            Grant::Single(g) => g.incidents.is_entitled(),
            Grant::ByClass(all) => all.iter().all(|g| g.incidents.is_entitled()),
        }
    }

    /// The incidents guaranteed whatever the class (the smallest grant).
    pub fn guaranteed(&self) -> Incidents {
        match self {
            Grant::Single(g) => g.incidents,
            Grant::ByClass(all) => all
                .iter()
                .map(|g| g.incidents)
                .min()
                .unwrap_or(Incidents::Count(0)),
        }
    }

    /// The largest grant of any class.
    pub fn best(&self) -> Incidents {
        match self {
            Grant::Single(g) => g.incidents,
            Grant::ByClass(all) => all
                .iter()
                .map(|g| g.incidents)
                .max()
                .unwrap_or(Incidents::Count(0)),
        }
    }

    /// As a message argument: the incidents, or each class with its incidents.
    pub fn value(&self) -> Value<'_> {
        match self {
            Grant::Single(g) => g.incidents.value(),
            Grant::ByClass(all) => Value::Each(
                all.iter()
                    .map(|g| {
                        Value::Message(
                            "class-incidents",
                            vec![
                                ("class", Value::Data(g.class_name)),
                                ("incidents", g.incidents.value()),
                            ],
                        )
                    })
                    .collect(),
            ),
        }
    }
}

/// `support-type`: the product's deployment picked the support type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportTypeRule<'a> {
    /// Product display name.
    pub product: &'a str,
    /// Its deployment.
    pub deployment: Deployment,
    /// The support type picked.
    pub support_type: &'a SupportType,
    /// Its display name on the day.
    pub name: &'a str,
}

impl Rule for SupportTypeRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::SupportType
    }

    fn code(&self) -> Code {
        match self.deployment {
            Deployment::OnPremises => Code::OnPremisesProduct,
            Deployment::Cloud => Code::CloudProduct,
        }
    }

    fn passed(&self) -> bool {
        true
    }

    fn message(&self) -> Msg<'_> {
        let id = match self.deployment {
            Deployment::OnPremises => "finding-on-premises-product",
            Deployment::Cloud => "finding-cloud-product",
        };
        Msg::new(
            id,
            vec![
                ("product", Value::Text(self.product)),
                ("support_type", Value::Data(self.name)),
                ("scope", Value::Data(&self.support_type.scope)),
            ],
        )
    }
}

/// An offer of the day that holds a grant of a support type, with what it grants: the
/// "what instead" of a tier that cannot be held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferOfTheDay<'a> {
    /// The tier.
    pub tier: &'a Tier,
    /// Its name on the day.
    pub name: &'a str,
    /// What it grants for the support type.
    pub grant: Grant<'a>,
}

/// `tier-offered`: whether the tier could be held on the day: offered then, or no longer sold
/// but a grant bought on its last day may still run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferRule<'a> {
    /// Tier display name on the day.
    pub tier: &'a str,
    /// Where the tier stands on the day.
    pub standing: Standing<'a>,
    /// The day the answer is for.
    pub as_of: NaiveDate,
    /// The support type's display name on the day.
    pub support_type: &'a str,
    /// The offers of the day that include the support type (only when the tier cannot be
    /// held).
    pub offers_now: Vec<OfferOfTheDay<'a>>,
}

impl Rule for OfferRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::TierOffered
    }

    fn code(&self) -> Code {
        match self.standing {
            Standing::Timeless | Standing::Offered(_) => Code::Offered,
            Standing::RunningOut { .. } => Code::GrantMayStillRun,
            Standing::Ended { .. } => Code::NoLongerOffered,
            Standing::NotYetOffered { .. } => Code::NotYetOffered,
        }
    }

    fn passed(&self) -> bool {
        self.standing.holds()
    }

    fn message(&self) -> Msg<'_> {
        let tier = ("tier", Value::Data(self.tier));
        let as_of = ("as_of", Value::Day(self.as_of));
        let day = self.as_of;
        // What can be had instead on the day, for a tier that cannot be held.
        let instead = || {
            let as_of = ("as_of", Value::Day(day));
            let support_type = ("support_type", Value::Data(self.support_type));
            if self.offers_now.is_empty() {
                return (
                    "instead",
                    Value::Message("instead-none", vec![as_of, support_type]),
                );
            }
            let offers = self
                .offers_now
                .iter()
                .map(|o| match &o.grant {
                    Grant::Single(g) => Value::Message(
                        "offer-grant",
                        vec![
                            ("tier", Value::Data(o.name)),
                            ("incidents", g.incidents.value()),
                        ],
                    ),
                    Grant::ByClass(_) => {
                        Value::Message("offer-grant-by-class", vec![("tier", Value::Data(o.name))])
                    }
                })
                .collect();
            (
                "instead",
                Value::Message(
                    "instead-offers",
                    vec![as_of, support_type, ("offers", Value::Each(offers))],
                ),
            )
        };
        match self.standing {
            Standing::Timeless => Msg::new("finding-offered-timeless", vec![tier]),
            Standing::Offered(period) => {
                let span = period.span();
                let mut args = vec![
                    tier,
                    as_of,
                    ("period", span_value(span.from.0, span.until.map(|u| u.0))),
                ];
                match &period.note {
                    Some(note) => {
                        args.push(("note", Value::Data(note)));
                        Msg::new("finding-offered-note", args)
                    }
                    None => Msg::new("finding-offered", args),
                }
            }
            // After the membership year the grant runs on its benefits days alone: say so.
            Standing::RunningOut {
                last_sold,
                membership_until,
                runs_until,
                ..
            } if day > membership_until => Msg::new(
                "finding-grant-benefits-month",
                vec![
                    tier,
                    ("last_sold", Value::Day(last_sold)),
                    ("membership_until", Value::Day(membership_until)),
                    (
                        "days",
                        Value::Count(super::benefits_days(membership_until, runs_until)),
                    ),
                    ("runs_until", Value::Day(runs_until)),
                ],
            ),
            Standing::RunningOut {
                last_sold,
                runs_until,
                ..
            } => Msg::new(
                "finding-grant-may-still-run",
                vec![
                    tier,
                    ("last_sold", Value::Day(last_sold)),
                    ("runs_until", Value::Day(runs_until)),
                ],
            ),
            Standing::Ended {
                last_sold,
                ran_until,
            } => {
                let mut args = vec![tier, ("last_sold", Value::Day(last_sold)), instead()];
                match ran_until {
                    Some(ran_until) => {
                        args.push(("ran_until", Value::Day(ran_until)));
                        Msg::new("finding-no-longer-offered-ran-out", args)
                    }
                    None => Msg::new("finding-no-longer-offered", args),
                }
            }
            Standing::NotYetOffered { first } => Msg::new(
                "finding-not-yet-offered",
                vec![tier, as_of, ("first", Value::Day(first)), instead()],
            ),
        }
    }
}

/// A span of days as a message argument: `from X` or `X to Y`.
pub fn span_value<'a>(from: NaiveDate, until: Option<NaiveDate>) -> Value<'a> {
    match until {
        Some(until) => Value::Message(
            "span-between",
            vec![("from", Value::Day(from)), ("until", Value::Day(until))],
        ),
        None => Value::Message("span-from", vec![("from", Value::Day(from))]),
    }
}

/// `tier-entitlement`: the matrix cell for the tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitlementRule<'a> {
    /// Tier display name.
    pub tier: &'a str,
    /// Support type display name.
    pub support_type: &'a str,
    /// What the matrix grants.
    pub grant: Grant<'a>,
    /// The named competency given, when one was (`Security`).
    pub competency: Option<&'a str>,
}

impl Rule for EntitlementRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::TierEntitlement
    }

    fn code(&self) -> Code {
        if self.grant.entitled() {
            Code::Entitled
        } else {
            Code::NotEntitled
        }
    }

    fn passed(&self) -> bool {
        self.grant.entitled()
    }

    fn message(&self) -> Msg<'_> {
        let tier = ("tier", Value::Data(self.tier));
        let support_type = ("support_type", Value::Data(self.support_type));
        let g = match &self.grant {
            Grant::Single(g) => g,
            Grant::ByClass(_) => {
                return Msg::new(
                    "finding-entitled-by-class",
                    vec![tier, support_type, ("grant", self.grant.value())],
                );
            }
        };
        // Who the grant is for: the tier, with a competency or class when the class matters.
        let who = match (g.class, self.competency) {
            (ANY_CLASS, _) => Value::Message("tier-alone", vec![tier]),
            (_, Some(name)) => Value::Message(
                "tier-with-competency",
                vec![
                    tier,
                    ("competency", Value::Data(name)),
                    ("class", Value::Data(g.class_name)),
                ],
            ),
            (_, None) => Value::Message(
                "tier-with-class",
                vec![tier, ("class", Value::Data(g.class_name))],
            ),
        };
        let mut args = vec![("who", who), support_type];
        if !g.incidents.is_entitled() {
            return Msg::new("finding-not-entitled", args);
        }
        args.push(("incidents", g.incidents.value()));
        match g.pack {
            Some(pack) => {
                args.push(("pack", Value::Text(pack)));
                Msg::new("finding-entitled-pack", args)
            }
            None => Msg::new("finding-entitled", args),
        }
    }
}

/// `product-exclusion`: the product cannot use the support type in this period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExclusionRule<'a> {
    /// Product display name.
    pub product: &'a str,
    /// The support type's display name on the day.
    pub support_type: &'a str,
    /// The exclusion.
    pub exclusion: &'a Exclusion,
}

impl Rule for ExclusionRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::ProductExclusion
    }

    fn code(&self) -> Code {
        Code::Excluded
    }

    fn passed(&self) -> bool {
        false
    }

    fn message(&self) -> Msg<'_> {
        let mut args = vec![
            ("product", Value::Text(self.product)),
            ("support_type", Value::Data(self.support_type)),
            ("reason", Value::Data(&self.exclusion.reason)),
            ("from", Value::Day(self.exclusion.from.0)),
            ("confidence", self.exclusion.confidence.value()),
        ];
        match &self.exclusion.note {
            Some(note) => {
                args.push(("note", Value::Data(note)));
                Msg::new("finding-excluded-note", args)
            }
            None => Msg::new("finding-excluded", args),
        }
    }
}

/// The matrix grant for a tier, support type and competency on a day.
pub fn grant<'a>(
    data: &'a Dataset,
    tier: &'a Tier,
    support_type: &'a SupportType,
    competency: CompetencyChoice<'a>,
    as_of: NaiveDate,
) -> Grant<'a> {
    let ent = &data.entitlements;
    // The cells in force, read once: at most one per competency class.
    let cells: Vec<&MatrixEntry> = ent.cells(&tier.id, &support_type.id, as_of).collect();
    let cell = |class: &'a str| {
        cells
            .iter()
            .find(|m| m.competency_class == class)
            .map(|m| ClassGrant {
                class,
                class_name: ent
                    .competency_class(class)
                    .map_or(class, |c| c.name.as_str()),
                incidents: m.incidents,
                pack: m.pack.as_deref(),
            })
    };
    if let Some(any) = cell(ANY_CLASS) {
        return Grant::Single(any);
    }
    if let Some(class) = competency.class() {
        return Grant::Single(cell(&class.id).unwrap_or(ClassGrant {
            class: &class.id,
            class_name: &class.name,
            incidents: Incidents::Count(0),
            pack: None,
        }));
    }
    let all: Vec<ClassGrant<'a>> = ent
        .competency_classes
        .iter()
        .filter_map(|c| cell(&c.id))
        .collect();
    match all.as_slice() {
        // No figure in force on the day: nothing granted.
        [] => Grant::Single(ClassGrant::NONE),
        [first, rest @ ..] if rest.iter().all(|g| g.incidents == first.incidents) => {
            Grant::Single(ClassGrant {
                class: ANY_CLASS,
                ..*first
            })
        }
        _ => Grant::ByClass(all),
    }
}

/// The offers of a day (offered then, not merely running out) that hold a grant of a support
/// type, with what they grant.
pub fn offers_with<'a>(
    data: &'a Dataset,
    support_type: &'a SupportType,
    as_of: NaiveDate,
) -> Vec<OfferOfTheDay<'a>> {
    data.entitlements
        .tiers
        .iter()
        .filter(|t| matches!(t.standing(as_of), Standing::Offered(_)))
        .filter_map(|t| {
            let grant = grant(data, t, support_type, CompetencyChoice::Unspecified, as_of);
            grant.best().is_entitled().then(|| OfferOfTheDay {
                tier: t,
                name: t.name_on(as_of),
                grant,
            })
        })
        .collect()
}
