//! Decisions per second in process, on one core: the embedded data is loaded once, then
//! `engine::evaluate` runs over a fixed mix of requests (products, versions, tiers, dates,
//! competencies) for about two seconds. Prints one line: `decisions_per_second N`.
//! Run through `bench/run`, or alone with `cargo run --release --example decisions`. An example,
//! not a `[[bench]]`: building a bench target links the binary again (with the dev-dependencies'
//! features), over the binary `bench/run` times.

#![allow(
    clippy::expect_used,
    reason = "a benchmark on broken data should stop loudly"
)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use mpn_support::data::{self, CompetencyChoice, DataPaths};
use mpn_support::engine::{self, Account, Query};

fn main() {
    let data = data::load(&DataPaths::default()).expect("embedded data");
    let start = NaiveDate::from_ymd_opt(2018, 1, 1).expect("date");
    let mut queries = Vec::new();
    for (pi, product) in data.lifecycle.products.iter().enumerate() {
        let support_type = data
            .entitlements
            .support_type_for(product.deployment)
            .expect("support type");
        let versions: Vec<Option<&_>> = std::iter::once(None)
            .chain(product.versions.iter().take(4).map(Some))
            .collect();
        for (vi, version) in versions.into_iter().enumerate() {
            for (ti, tier) in data.entitlements.tiers.iter().enumerate() {
                let competency = match (pi + vi + ti) % 3 {
                    0 => CompetencyChoice::Unspecified,
                    1 => data.competency("cloud").expect("class"),
                    _ => data.competency("data-analytics").expect("competency"),
                };
                queries.push(Query {
                    tier,
                    product,
                    support_type,
                    version,
                    competency,
                    as_of: start + Days::new(((pi * 97 + vi * 31 + ti * 7) % 3000) as u64),
                    account: Account::default(),
                });
            }
        }
    }
    let budget = Duration::from_secs(2);
    let began = Instant::now();
    let mut decided: u64 = 0;
    while began.elapsed() < budget {
        for query in &queries {
            black_box(engine::evaluate(black_box(query), &data));
        }
        decided += queries.len() as u64;
    }
    let rate = decided as f64 / began.elapsed().as_secs_f64();
    println!("decisions_per_second {rate:.0}");
}
