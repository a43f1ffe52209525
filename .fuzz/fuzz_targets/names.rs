//! Names typed on the command line: tiers, products, versions, competencies, roles. Every
//! input resolves or gives an error with choices, and folding is idempotent.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mpn_support::data::{self, DataPaths, Dataset};
use mpn_support::names::normalize;

fn dataset() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| data::load(&DataPaths::default()).expect("embedded data"))
}

fuzz_target!(|text: &str| {
    let data = dataset();
    let _ = data.tier(text).map_err(|e| e.to_string());
    let _ = data.competency(text).map_err(|e| e.to_string());
    let _ = data.role(text).map_err(|e| e.to_string());
    if let Ok(product) = data.product(text) {
        let _ = data.version(product, text);
    }
    for product in &data.lifecycle.products {
        let _ = data.version(product, text).map_err(|e| e.to_string());
    }
    // Folding agrees with itself: a folded name folds to itself.
    let folded = normalize(text);
    assert_eq!(normalize(&folded), folded);
});
