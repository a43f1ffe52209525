//! Invariants over generated lifecycle files and requests (proptest), each against an
//! expectation the test computes itself from the generated facts: tiers are monotone; exactly
//! N and N-1 in mainstream support are eligible, N and N-1 counted here from the generated
//! releases; the decision does not depend on the order of the file; every matrix entry is
//! what `check` answers.

#![allow(
    clippy::expect_used,
    reason = "generated data that fails to load is a test failure"
)]

use crate::common::{offered_tiers, on_premises_tier};
use chrono::{Days, NaiveDate};
use mpn_support::data::{self, Dataset, EMBEDDED_ENTITLEMENTS, Incidents};
use mpn_support::engine::{Decision, Request, decide};
use proptest::prelude::*;
use serde_json::{Value, json};

/// One generated version: release offset, optional mainstream and extended lengths, track.
#[derive(Debug, Clone)]
struct GenVersion {
    release: u64,
    mainstream: Option<u64>,
    extended: Option<u64>,
    side: bool,
}

/// Days after 2000-01-01 that the built-in rule book covers: from 2017-07-22 (day 6412).
const RULE_BOOK_DAYS: std::ops::Range<u64> = 6412..12000;

fn day(offset: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(offset)))
        .expect("date in range")
}

fn version_strategy() -> impl Strategy<Value = GenVersion> {
    (
        0u64..9000,
        prop::option::weighted(0.85, 0u64..3000),
        prop::option::weighted(0.8, 0u64..3000),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(release, mainstream, extended, side)| GenVersion {
            release,
            mainstream,
            // An extended end needs a mainstream end.
            extended: mainstream.and(extended),
            side,
        })
}

fn products_strategy() -> impl Strategy<Value = Vec<Vec<GenVersion>>> {
    prop::collection::vec(prop::collection::vec(version_strategy(), 1..8), 1..4)
}

/// The lifecycle file as JSON: generated on-premises products plus the cloud products the
/// embedded entitlement table names. `reverse` lists products and versions in reverse order.
fn lifecycle_json(products: &[Vec<GenVersion>], reverse: bool) -> String {
    let mut list: Vec<Value> = products
        .iter()
        .enumerate()
        .map(|(p, versions)| {
            let mut vs: Vec<Value> = versions
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let release = day(v.release);
                    let mainstream = v.mainstream.map(|m| release + Days::new(m));
                    let extended = v
                        .extended
                        .zip(mainstream)
                        .map(|(e, m)| m + Days::new(e));
                    json!({
                        "version": format!("v{i}"),
                        "track": if v.side { "side" } else { "main" },
                        "release": release.to_string(),
                        "mainstream_end": mainstream.map(|d| d.to_string()),
                        "extended_end": extended.map(|d| d.to_string()),
                    })
                })
                .collect();
            if reverse {
                vs.reverse();
            }
            json!({
                "id": format!("product-{p}"),
                "name": format!("Product {p}"),
                "deployment": "on-premises",
                "tracks": [{"id": "main", "name": "main", "main": true}, {"id": "side", "name": "side"}],
                "versions": vs,
            })
        })
        .collect();
    for id in ["azure", "microsoft-365", "dynamics-365"] {
        list.push(json!({"id": id, "name": id, "deployment": "cloud"}));
    }
    if reverse {
        list.reverse();
    }
    json!({ "generated": "2026-01-01", "products": list }).to_string()
}

fn dataset(products: &[Vec<GenVersion>], reverse: bool) -> Dataset {
    data::load_texts(EMBEDDED_ENTITLEMENTS, &lifecycle_json(products, reverse))
        .expect("generated data is valid")
}

fn request(
    tier: &str,
    product: &str,
    version: Option<&str>,
    competency: Option<&str>,
    as_of: NaiveDate,
) -> Request {
    Request {
        tier: tier.into(),
        product: product.into(),
        version: version.map(Into::into),
        competency: competency.map(Into::into),
        as_of,
        ..Request::default()
    }
}

fn check<'a>(data: &'a Dataset, r: &Request) -> Decision<'a> {
    decide(r, data).expect("generated request resolves")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Among the tiers offered on a day, a higher tier never gets fewer incidents than a lower
    /// one for the same request.
    #[test]
    fn higher_tier_never_gets_fewer_incidents(
        products in products_strategy(),
        as_of in RULE_BOOK_DAYS,
        competency in prop::sample::select(vec![None, Some("cloud"), Some("other"), Some("security"), Some("datacenter")]),
    ) {
        let data = dataset(&products, false);
        let as_of = day(as_of);
        for product in &data.lifecycle.products {
            let versions: Vec<Option<&str>> = std::iter::once(None)
                .chain(product.versions.iter().map(|v| Some(v.version.as_str())))
                .collect();
            for version in versions {
                let grants: Vec<Incidents> = offered_tiers(&data, product, as_of).map(|t| {
                    check(&data, &request(&t.id, &product.id, version, competency, as_of))
                        .incidents
                        .unwrap_or(Incidents::Count(0))
                }).collect();
                prop_assert!(grants.windows(2).all(|w| w[0] <= w[1]), "{} {version:?}: {grants:?}", product.id);
            }
        }
    }

    /// Exactly N and N-1 in mainstream support are eligible (a tier with on-premises
    /// support, no account facts): N and N-1 counted here from the generated releases, the
    /// main-track versions released by the day, newest first.
    #[test]
    fn exactly_n_and_n_minus_1_in_mainstream_are_eligible(
        products in products_strategy(),
        as_of in RULE_BOOK_DAYS,
    ) {
        let data = dataset(&products, false);
        let as_of = day(as_of);
        for (p, versions) in products.iter().enumerate() {
            // The oracle: released main-track versions, newest first; versions released on
            // the same day are ordered by name, the first name counting as the newer (the tie
            // rule docs/data.md states).
            let mut released: Vec<(NaiveDate, String)> = versions
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.side && day(v.release) <= as_of)
                .map(|(i, v)| (day(v.release), format!("v{i}")))
                .collect();
            released.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            let recent: Vec<&str> = released.iter().take(2).map(|(_, n)| n.as_str()).collect();
            for (i, v) in versions.iter().enumerate() {
                let name = format!("v{i}");
                let mainstream_end = v.mainstream.map(|m| day(v.release) + Days::new(m));
                let expected = recent.contains(&name.as_str())
                    && mainstream_end.is_none_or(|end| as_of <= end);
                let d = check(&data, &request(on_premises_tier(as_of), &format!("product-{p}"), Some(&name), None, as_of));
                prop_assert_eq!(d.eligible(), expected, "product-{} {} on {}", p, name, as_of);
            }
        }
    }

    /// The decision is a pure function of the request and the data, whatever the order of
    /// products and versions in the file.
    #[test]
    fn decisions_do_not_depend_on_file_order(
        products in products_strategy(),
        as_of in RULE_BOOK_DAYS,
    ) {
        let forward = dataset(&products, false);
        let backward = dataset(&products, true);
        let as_of = day(as_of);
        for product in &forward.lifecycle.products {
            let versions: Vec<Option<&str>> = std::iter::once(None)
                .chain(product.versions.iter().map(|v| Some(v.version.as_str())))
                .collect();
            for version in versions {
                let r = request("silver", &product.id, version, None, as_of);
                let (a, b) = (check(&forward, &r), check(&backward, &r));
                prop_assert_eq!(a.eligible(), b.eligible());
                prop_assert_eq!(a.incidents, b.incidents);
                prop_assert_eq!(a.eligible_until, b.eligible_until);
                prop_assert_eq!(a.failed().collect::<Vec<_>>(), b.failed().collect::<Vec<_>>());
                prop_assert_eq!(a.version.map(|v| &v.version), b.version.map(|v| &v.version));
            }
        }
    }
}

/// Every matrix entry is what `check` answers for that tier, support type and class, on
/// days under each program period: the seed's, the run-out of the MPN tiers, and today's.
#[test]
fn every_matrix_entry_equals_the_check_answer() {
    let data = data::load(&data::DataPaths::default()).expect("embedded");
    for (y, m, d) in [(2021, 6, 19), (2025, 6, 1), (2026, 11, 24)] {
        let as_of = NaiveDate::from_ymd_opt(y, m, d).expect("date");
        matrix_matches_checks(&data, as_of);
    }
}

fn matrix_matches_checks(data: &data::Dataset, as_of: NaiveDate) {
    let matrix = mpn_support::report::matrix::MatrixReport::new(
        &data.entitlements,
        as_of,
        &mpn_support::i18n::Words::default(),
    );
    assert!(!matrix.rows.is_empty(), "{as_of}");
    for row in &matrix.rows {
        // A product of the support type's deployment with an eligible current version.
        let deployment = data
            .entitlements
            .support_types
            .iter()
            .find(|s| s.id == row.support_type)
            .map(|s| s.deployment)
            .expect("support type");
        // A product whose current version some tier of the matrix is entitled for.
        let product = data
            .lifecycle
            .products
            .iter()
            .filter(|p| p.deployment == deployment)
            .find(|p| {
                matrix.tiers.iter().any(|tier| {
                    check(data, &request(&tier.id, &p.id, None, Some("cloud"), as_of)).eligible()
                })
            })
            .expect("a product with an eligible current version");
        let classes: Vec<Option<&str>> = if row.competency_class == "any" {
            vec![None, Some("cloud"), Some("other")]
        } else {
            vec![Some(row.competency_class.as_str())]
        };
        for class in classes {
            let r = check(data, &request(&row.tier, &product.id, None, class, as_of));
            let expected = row.incidents.is_entitled().then_some(row.incidents);
            assert_eq!(
                r.incidents, expected,
                "{as_of} {} {} {class:?}",
                row.tier, row.support_type
            );
        }
    }
}
