//! What a rule found, as typed data: the rule's stable id, the stable code of what it found,
//! whether it passed, and the values its message takes. The words themselves live in the
//! message catalogues (`i18n/*.ftl`), one message per code (`finding-<code>`) and a title and a
//! text per rule (`rule-<id>-title`, `rule-<id>-text`); nothing here builds a sentence.

/// Declares a closed set of stable kebab-case words: the enum, `as_str`, `ALL`, `Display`,
/// serde and JSON Schema as plain strings.
macro_rules! words {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The stable word.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "enum": [$($text,)*]
                })
            }
        }
    };
}

pub(crate) use words;

words! {
    /// A rule of the rule book, by its stable id (emitted in JSON as `rule`).
    RuleId {
        /// The product's deployment picks the support type.
        SupportType = "support-type",
        /// The tier could be held on the day.
        TierOffered = "tier-offered",
        /// The matrix cell for the tier.
        TierEntitlement = "tier-entitlement",
        /// The product cannot use the support type in this period.
        ProductExclusion = "product-exclusion",
        /// No version asked for: the current one is assumed.
        Version = "version",
        /// The version is released on the day.
        Released = "released",
        /// The version is on the main track.
        MainTrack = "main-track",
        /// N or N-1.
        NMinus1 = "n-minus-1",
        /// Mainstream support still runs.
        MainstreamSupport = "mainstream-support",
        /// Still inside the Microsoft support lifecycle (only when not eligible).
        ExtendedSupport = "extended-support",
        /// Cloud products have no version rule.
        VersionPolicy = "version-policy",
        /// The benefits are activated (when stated).
        Activation = "activation",
        /// The contract is still valid (when stated).
        Contract = "contract",
        /// The IDs must be entered (when stated).
        AccessIds = "access-ids",
        /// A CSP partner may use the Cloud Solution Provider plan.
        CspPlan = "csp-plan",
        /// A cloud request for a customer goes through Partner Center.
        CustomerRequest = "customer-request",
        /// The stated role can use the channel.
        Role = "role",
    }
}

words! {
    /// What a rule found, by its stable code (emitted in JSON as `code`).
    Code {
        /// support-type
        OnPremisesProduct = "on-premises-product",
        /// support-type
        CloudProduct = "cloud-product",
        /// tier-offered
        Offered = "offered",
        /// tier-offered
        GrantMayStillRun = "grant-may-still-run",
        /// tier-offered
        NoLongerOffered = "no-longer-offered",
        /// tier-offered
        NotYetOffered = "not-yet-offered",
        /// tier-entitlement
        Entitled = "entitled",
        /// tier-entitlement
        NotEntitled = "not-entitled",
        /// product-exclusion
        Excluded = "excluded",
        /// version
        CurrentVersionAssumed = "current-version-assumed",
        /// version
        NoReleasedVersion = "no-released-version",
        /// released
        Released = "released",
        /// released
        NotYetReleased = "not-yet-released",
        /// main-track
        MainTrack = "main-track",
        /// main-track
        SideTrack = "side-track",
        /// n-minus-1
        CurrentVersion = "current-version",
        /// n-minus-1
        NMinus1 = "n-minus-1",
        /// n-minus-1
        NMinus2OrOlder = "n-minus-2-or-older",
        /// mainstream-support
        NoMainstreamEnd = "no-mainstream-end",
        /// mainstream-support
        InMainstreamSupport = "in-mainstream-support",
        /// mainstream-support
        MainstreamEnded = "mainstream-ended",
        /// extended-support
        WithinSupportLifecycle = "within-support-lifecycle",
        /// extended-support
        OutOfSupport = "out-of-support",
        /// version-policy
        CloudNotVersioned = "cloud-not-versioned",
        /// activation
        Activated = "activated",
        /// activation
        NotActivated = "not-activated",
        /// activation
        NotActivatedRoleCannotActivate = "not-activated-role-cannot-activate",
        /// contract
        ContractValid = "contract-valid",
        /// contract
        NoIncidentsRemaining = "no-incidents-remaining",
        /// contract
        ContractExpired = "contract-expired",
        /// access-ids
        IdsNotNeeded = "ids-not-needed",
        /// access-ids
        IdsAlreadyLinked = "ids-already-linked",
        /// access-ids
        IdsFirstUse = "ids-first-use",
        /// csp-plan
        CspSupportPlan = "csp-support-plan",
        /// customer-request
        AdminAgentRequest = "admin-agent-request",
        /// customer-request
        RoleCannotRequest = "role-cannot-request",
        /// role
        RoleCanUseChannel = "role-can-use-channel",
        /// role
        RoleCannotUseChannel = "role-cannot-use-channel",
    }
}

pub use crate::message::{Args, Msg, Value};

/// One rule of the rule book, as it found on one request.
pub trait Rule {
    /// The rule's stable id.
    fn id(&self) -> RuleId;
    /// What it found, as a stable code; the message is `finding-<code>`.
    fn code(&self) -> Code;
    /// Whether it passed.
    fn passed(&self) -> bool;
    /// What it found, in words: a message of the catalogues (`finding-<code>`, or a variant
    /// of it) with the values it takes.
    fn message(&self) -> Msg<'_>;
}
