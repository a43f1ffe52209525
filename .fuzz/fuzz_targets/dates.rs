//! Dates as the data files and `--as-of` take them: accepted text is exactly YYYY-MM-DD and
//! prints back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mpn_support::data::common::parse_date;

fuzz_target!(|text: &str| {
    if let Ok(date) = parse_date(text) {
        assert_eq!(
            date.to_string(),
            text,
            "accepted date does not print back the same"
        );
    }
});
