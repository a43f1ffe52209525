//! Batch input through to decisions: CSV (with its header), JSON Lines and JSON arrays, each
//! row resolved and decided on the embedded data. Bad rows must come back as row errors.
#![no_main]

use std::io::Cursor;
use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use mpn_support::data::{self, DataPaths, Dataset};
use mpn_support::engine::decide;
use mpn_support::input::{self, InputFormat, RowDefaults};

fn dataset() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| data::load(&DataPaths::default()).expect("embedded data"))
}

fuzz_target!(|bytes: &[u8]| {
    let Some((first, rest)) = bytes.split_first() else {
        return;
    };
    let (name, forced) = match first % 4 {
        0 => ("fuzz.csv", None),
        1 => ("fuzz.jsonl", None),
        2 => ("-", None),
        _ => ("fuzz", Some(InputFormat::Csv)),
    };
    let input = Box::new(Cursor::new(rest.to_vec()));
    let Ok(rows) = input::rows(Path::new(name), forced, input, input::Purpose::Requests) else {
        return;
    };
    let defaults = RowDefaults::on(NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"));
    for row in rows.take(64) {
        if let Ok((_, row)) = row
            && let Ok(request) = row.request(&defaults)
        {
            let _ = decide(&request, dataset());
        }
    }
});
