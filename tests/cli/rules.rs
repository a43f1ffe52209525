//! The rules, driven through the library on the embedded data and on the fixture data.
//! One row per case: tier, product, version, competency, date -> verdict, incidents, reasons.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use crate::common::{SEED, basic, date, embedded, on_premises_tier};

use mpn_support::data::{CompetencyChoice, Dataset, Incidents};
use mpn_support::engine::{self as rules, Decision, Query, Status, Verdict};
use rstest::rstest;

fn decide<'a>(
    data: &'a Dataset,
    tier: &str,
    product: &str,
    version: Option<&str>,
    competency: Option<&str>,
    as_of: &str,
) -> Decision<'a> {
    let product = data.product(product).expect("product");
    let query = Query {
        tier: data.tier(tier).expect("tier"),
        product,
        support_type: data
            .entitlements
            .support_type_for(product.deployment)
            .expect("support type"),
        version: version.map(|v| data.version(product, v).expect("version")),
        competency: competency.map_or(CompetencyChoice::Unspecified, |c| {
            data.competency(c).expect("competency")
        }),
        as_of: date(as_of),
        account: rules::Account::default(),
    };
    rules::evaluate(&query, data)
}

fn failed(d: &Decision<'_>) -> Vec<&'static str> {
    d.reasons
        .iter()
        .filter(|r| !r.passed())
        .map(|r| r.code().as_str())
        .collect()
}

fn codes(d: &Decision<'_>) -> Vec<&'static str> {
    d.reasons.iter().map(|r| r.code().as_str()).collect()
}

const U: Option<Incidents> = Some(Incidents::Unlimited);
const fn n(count: u32) -> Option<Incidents> {
    Some(Incidents::Count(count))
}

/// Every row of the source page's matrix, on the embedded data on the seed's day.
#[rstest]
#[case::action_pack_on_premises("action-pack", "sql-server", None, n(10))]
#[case::silver_on_premises("silver", "sql-server", None, n(15))]
#[case::gold_on_premises("gold", "sql-server", None, n(20))]
#[case::action_pack_cloud_competency("maps", "azure", Some("cloud-platform"), None)]
#[case::action_pack_other_competency("action pack", "azure", Some("data-analytics"), None)]
#[case::silver_cloud_competency("silver", "azure", Some("Cloud Platform"), U)]
#[case::silver_other_competency("silver", "dynamics-365", Some("datacenter"), n(5))]
#[case::gold_cloud_competency("gold", "microsoft-365", Some("security"), U)]
#[case::gold_other_competency("gold", "power-platform", Some("other"), n(10))]
#[case::gold_cloud_class("gold", "azure", Some("cloud"), U)]
fn matrix_rows_decide_incidents(
    #[case] tier: &str,
    #[case] product: &str,
    #[case] competency: Option<&str>,
    #[case] incidents: Option<Incidents>,
) {
    let data = embedded();
    let d = decide(&data, tier, product, None, competency, SEED);
    assert_eq!(d.incidents, incidents);
    let expected = if incidents.is_some() {
        Verdict::Eligible
    } else {
        Verdict::NotEligible
    };
    assert_eq!(d.verdict, expected);
}

/// The N-1 window on real data: N and N-1 qualify, N-2 does not, dates inclusive.
#[rstest]
#[case::n_is_entitled("sql-server", "2025", "2026-11-24", true, &["current-version"])]
#[case::n_minus_1_in_mainstream_is_entitled("sql-server", "2022", "2026-11-24", true, &["n-minus-1"])]
#[case::n_minus_2_is_not_entitled("sql-server", "2019", "2026-11-24", false, &["n-minus-2-or-older", "mainstream-ended"])]
#[case::n_minus_1_before_its_mainstream_end("windows-server", "2022", "2026-10-12", true, &["n-minus-1"])]
#[case::n_minus_1_on_its_last_mainstream_day("windows-server", "2022", "2026-10-13", true, &["n-minus-1"])]
#[case::n_minus_1_after_its_mainstream_end("windows-server", "2022", "2026-10-14", false, &["mainstream-ended"])]
#[case::n_after_its_own_mainstream_end("dynamics-crm", "2016", "2026-11-24", false, &["current-version", "mainstream-ended"])]
#[case::not_yet_released_the_day_before("sql-server", "2025", "2025-11-17", false, &["not-yet-released"])]
#[case::released_on_its_release_day("sql-server", "2025", "2025-11-18", true, &["current-version"])]
#[case::release_pushes_old_n_minus_1_out("sql-server", "2019", "2025-11-18", false, &["n-minus-2-or-older"])]
#[case::semi_annual_release_does_not_push_ltsc_out("windows-server", "2019", "2024-01-01", true, &["n-minus-1"])]
#[case::side_track_version_is_not_entitled("windows-server", "23H2 AC", "2024-01-01", false, &["side-track"])]
#[case::office_retail_is_a_side_track("office", "2024", "2026-11-24", false, &["side-track"])]
#[case::modern_policy_has_no_mainstream_end("sharepoint-server", "Subscription Edition", "2026-11-24", true, &["no-mainstream-end"])]
#[case::version_names_ignore_case_and_spaces("windows-server", "2012r2", "2017-08-01", true, &["n-minus-1"])]
fn n_minus_1_policy_on_real_data(
    #[case] product: &str,
    #[case] version: &str,
    #[case] as_of: &str,
    #[case] eligible: bool,
    #[case] expected_codes: &[&str],
) {
    let data = embedded();
    let tier = on_premises_tier(date(as_of));
    let d = decide(&data, tier, product, Some(version), None, as_of);
    assert_eq!(d.verdict == Verdict::Eligible, eligible, "{:?}", codes(&d));
    for code in expected_codes {
        assert!(codes(&d).contains(code), "{code} not in {:?}", codes(&d));
    }
    if eligible {
        assert!(failed(&d).is_empty());
        assert_eq!(d.incidents, n(20));
        assert!(d.channel.is_some());
        assert!(d.alternatives(&data).is_empty());
    } else {
        assert_eq!(d.incidents, None);
        assert_eq!(d.channel, None);
    }
}

/// Without a version the current one is assumed and the trace says so.
#[test]
fn missing_version_assumes_current() {
    let data = embedded();
    let d = decide(
        &data,
        "solutions-partner",
        "sql-server",
        None,
        None,
        "2026-11-24",
    );
    assert!(d.version_assumed);
    assert_eq!(d.version.map(|v| v.version.as_str()), Some("2025"));
    // After support-type, tier-offered and tier-entitlement.
    assert_eq!(d.reasons[3].code(), "current-version-assumed");
}

/// Before a product's first release there is nothing to assume.
#[test]
fn no_released_version_is_not_eligible() {
    let data = embedded();
    let d = decide(
        &data,
        "gold",
        "dynamics-365-ce-on-premises",
        None,
        None,
        "2018-01-01",
    );
    assert_eq!(d.verdict, Verdict::NotEligible);
    assert_eq!(failed(&d), ["no-released-version"]);
}

/// A version past its extended end gets no paid alternatives: there is no Microsoft support.
#[test]
fn out_of_support_version_has_no_paid_alternative() {
    let data = embedded();
    let tier = on_premises_tier(date("2026-11-24"));
    let d = decide(&data, tier, "sql-server", Some("2012"), None, "2026-11-24");
    assert!(codes(&d).contains(&"out-of-support"));
    assert!(d.alternatives(&data).is_empty());
    let d = decide(&data, tier, "sql-server", Some("2017"), None, "2026-11-24");
    assert!(codes(&d).contains(&"within-support-lifecycle"));
    let ids: Vec<&str> = d
        .alternatives(&data)
        .iter()
        .map(|a| a.alternative.id.as_str())
        .collect();
    assert_eq!(ids, ["pay-per-incident", "premier-support-for-partners"]);
}

/// Action Pack on a cloud product: not entitled, pointed at earning a competency (while
/// competencies existed).
#[test]
fn action_pack_gets_no_cloud_support() {
    let data = embedded();
    let d = decide(&data, "action-pack", "azure", None, None, SEED);
    assert_eq!(failed(&d), ["not-entitled"]);
    let ids: Vec<&str> = d
        .alternatives(&data)
        .iter()
        .map(|a| a.alternative.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "earn-competency",
            "advanced-support-for-partners",
            "premier-support-for-partners"
        ]
    );
}

/// With no competency on a cloud product both classes are stated; the guaranteed count is the
/// smaller one.
#[test]
fn cloud_without_competency_states_both_classes() {
    let data = embedded();
    let d = decide(&data, "gold", "azure", None, None, SEED);
    assert_eq!(d.verdict, Verdict::Eligible);
    assert_eq!(d.incidents, n(10));
    let text = crate::common::said(&d.reasons[2]);
    assert!(
        text.contains("cloud competency: unlimited incidents"),
        "{text}"
    );
    assert!(text.contains("other competency: 10 incidents"), "{text}");
    assert_eq!(d.channel.map(|c| c.id.as_str()), Some("azure-portal"));
}

/// Microsoft 365 needs no IDs; other cloud products do; Azure mentions the CSP plan.
#[test]
fn microsoft_365_and_azure_notes() {
    let data = embedded();
    let note_ids = |d: &Decision<'_>| d.notes.iter().map(|n| n.id.to_string()).collect::<Vec<_>>();
    let m365 = note_ids(&decide(&data, "gold", "m365", None, None, SEED));
    assert!(m365.contains(&"microsoft-365-no-ids".to_owned()));
    assert!(!m365.contains(&"ids-first-use".to_owned()));
    let azure = note_ids(&decide(&data, "gold", "azure", None, None, SEED));
    assert!(azure.contains(&"ids-first-use".to_owned()));
    assert!(azure.contains(&"csp-azure-plan".to_owned()));
    assert!(azure.contains(&"activation".to_owned()));
}

/// "Until when": the mainstream end, or the day before a later release pushes the version
/// out of N-1, whichever comes first.
#[rstest]
#[case::n_minus_1_pushed_out_by_next_release("2021 R2", "2025-01-01", "2025-05-31")]
#[case::n_pushed_out_by_second_release("2024", "2025-01-01", "2027-02-28")]
#[case::n_until_mainstream_end("2027", "2027-06-01", "2032-03-01")]
#[case::n_minus_1_until_mainstream_end("2025", "2027-06-01", "2030-06-01")]
fn eligible_until(#[case] version: &str, #[case] as_of: &str, #[case] until: &str) {
    let data = basic();
    let d = decide(&data, "pro", "widget-server", Some(version), None, as_of);
    assert_eq!(d.verdict, Verdict::Eligible, "{:?}", failed(&d));
    assert_eq!(d.eligible_until, Some(date(until)));
}

/// A different entitlement file changes the answers: nothing is hard-coded.
#[rstest]
#[case::starter("starter", "widget-server", None, n(1))]
#[case::pro_with_pack("pro", "widget", None, n(2))]
#[case::elite("elite", "widget-server", None, n(3))]
#[case::pro_cloud_other("pro", "cloudy", Some("data-analytics"), n(4))]
#[case::elite_cloud_other("elite", "cl", Some("other"), n(8))]
#[case::starter_cloud("st", "cloudy", None, None)]
fn fixture_entitlements_drive_the_answers(
    #[case] tier: &str,
    #[case] product: &str,
    #[case] competency: Option<&str>,
    #[case] incidents: Option<Incidents>,
) {
    let data = basic();
    let d = decide(&data, tier, product, None, competency, "2024-06-01");
    assert_eq!(d.incidents, incidents);
}

/// The semi-annual release between two long-term ones is ignored when counting N and N-1.
#[test]
fn side_tracks_do_not_count() {
    let data = basic();
    let d = decide(
        &data,
        "pro",
        "widget-server",
        Some("2021 R2"),
        None,
        "2025-01-01",
    );
    assert!(codes(&d).contains(&"n-minus-1"));
    let d = decide(
        &data,
        "pro",
        "widget-server",
        Some("24H2"),
        None,
        "2025-01-01",
    );
    assert_eq!(failed(&d), ["side-track"]);
}

/// A fixed version with no extended phase leaves support at its mainstream end.
#[test]
fn no_extended_phase_ends_support_at_mainstream_end() {
    let data = basic();
    let gadget = data.product("gadget").expect("gadget");
    let summary = rules::listing(&data, gadget, date("2024-01-02")).expect("listing");
    let status: Vec<Status> = summary.versions.iter().map(|v| v.status).collect();
    assert_eq!(status, [Status::Qualifies, Status::OutOfSupport]);
}

/// The published N-1 "product summary list" is rebuilt from lifecycle data alone: on the
/// seed page's date (2021-06-17) the entitled versions are Microsoft's.
#[rstest]
#[case("sql-server", &["2019", "2017"])]
#[case("windows-server", &["2019", "2016"])]
#[case("exchange-server", &["2019"])]
#[case("sharepoint-server", &["2019", "2016"])]
#[case("office", &["2019"])]
#[case("dynamics-crm", &[])]
#[case("dynamics-365-ce-on-premises", &["9"])]
#[case("biztalk-server", &["2020", "2016"])]
fn product_summary_list_on_seed_date(#[case] product: &str, #[case] entitled: &[&str]) {
    let data = embedded();
    let p = data.product(product).expect("product");
    let summary = rules::listing(&data, p, date("2021-06-17")).expect("listing");
    let got: Vec<&str> = summary.entitled().map(|v| v.version.as_str()).collect();
    assert_eq!(got, entitled);
}

mod invariants {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Among the tiers offered on a day with figures in force, a higher tier never gets
        /// fewer incidents than a lower one for the same request.
        #[test]
        fn higher_tier_never_gets_fewer_incidents(
            product in 0usize..18,
            days in 0i64..5000,
            competency in prop::sample::select(vec![None, Some("cloud"), Some("other"), Some("security")]),
        ) {
            let data = embedded();
            let product = &data.lifecycle.products[product % data.lifecycle.products.len()];
            let as_of = date("2017-07-22") + chrono::Days::new(days as u64);
            let grants: Vec<Incidents> = crate::common::offered_tiers(&data, product, as_of).map(|t| {
                decide(&data, &t.id, &product.id, None, competency, &as_of.to_string())
                    .incidents
                    .unwrap_or(Incidents::Count(0))
            }).collect();
            prop_assert!(grants.windows(2).all(|w| w[0] <= w[1]), "{grants:?}");
        }
    }
}

/// A loaded dataset can be shared between threads (a library user may decide in parallel).
#[test]
fn dataset_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Dataset>();
}

/// Issue 14: the N-1 reason says what does qualify on the day; N-1 out of mainstream support
/// does not (Exchange 2019 on 2026-12-01).
#[test]
fn n_minus_2_reason_names_what_qualifies() {
    let data = embedded();
    let d = decide(
        &data,
        "solutions-partner",
        "exchange-server",
        Some("2016"),
        None,
        "2026-12-01",
    );
    let recency = d
        .reasons
        .iter()
        .find(|r| r.rule() == "n-minus-1")
        .expect("n-minus-1 reason");
    assert_eq!(
        crate::common::said(recency),
        "2016 is older than N-1 (N is Subscription Edition, N-1 is 2019); on 2026-12-01 only Subscription Edition qualifies"
    );
}

/// Issue 14: the entitlement reason names the competency given and its class, in English.
#[test]
fn entitlement_names_the_competency_and_its_class() {
    let data = embedded();
    let entitlement = |competency: &str| {
        let d = decide(&data, "silver", "azure", None, Some(competency), SEED);
        d.reasons
            .iter()
            .find(|r| r.rule() == "tier-entitlement")
            .map(crate::common::said)
            .expect("entitlement reason")
    };
    assert_eq!(
        entitlement("security"),
        "Silver competency with Security (cloud competency) includes Signature Cloud Support: unlimited incidents"
    );
    assert_eq!(
        entitlement("other"),
        "Silver competency with any other competency includes Signature Cloud Support: 5 incidents (Signature 5-pack)"
    );
}

/// Issue 15: the entitled stretch the picture draws is the rules' own answer: on every version
/// of the built-in data, the version qualifies on its first and last day and between, and not
/// on the day before or after; a version with no stretch does not qualify on its release day.
#[test]
fn entitled_spans_agree_with_the_listing() {
    use chrono::Days;
    use mpn_support::engine::{Status, entitled_span, listing};
    let data = crate::common::embedded();
    let mut spans = 0;
    for product in &data.lifecycle.products {
        for v in &product.versions {
            let qualifies = |day: chrono::NaiveDate| {
                // Before the rule book's first day nothing qualifies: the listing is refused.
                listing(&data, product, day)
                    .into_iter()
                    .flat_map(|l| l.versions)
                    .any(|s| s.release.version == v.version && s.status == Status::Qualifies)
            };
            let Some((first, last)) = entitled_span(&data, product, v) else {
                assert!(!qualifies(v.release), "{} {}", product.id, v.version);
                continue;
            };
            spans += 1;
            let what = format!("{} {}", product.id, v.version);
            assert!(qualifies(first), "{what} on {first}");
            assert!(!qualifies(first - Days::new(1)), "{what} before {first}");
            if let Some(last) = last {
                assert!(qualifies(last), "{what} on {last}");
                assert!(!qualifies(last + Days::new(1)), "{what} after {last}");
                let middle = first + Days::new(((last - first).num_days() / 2) as u64);
                assert!(qualifies(middle), "{what} on {middle}");
            } else {
                assert!(qualifies(first + Days::new(3650)), "{what} open-ended");
            }
        }
    }
    assert!(spans > 50, "only {spans} stretches");
}
