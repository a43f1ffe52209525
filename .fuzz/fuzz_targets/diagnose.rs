//! `diagnose` text, English, Japanese or noise: a match or none, with a score in [0, 1].
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mpn_support::data::{self, messages::Catalogue};
use mpn_support::matching::{THRESHOLD, best_match, similarity};

fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| data::load_catalogue(None, None).expect("embedded catalogue"))
}

fuzz_target!(|text: &str| {
    if let Some(m) = best_match(catalogue(), text) {
        assert!((THRESHOLD..=1.0).contains(&m.score), "score {}", m.score);
    }
    let half = text.len() / 2;
    if let (Some(a), Some(b)) = (text.get(..half), text.get(half..)) {
        let s = similarity(a, b);
        assert!((0.0..=1.0).contains(&s), "similarity {s}");
    }
});
