//! Any text through every renderer: the fuzzer's string becomes a product's name in the
//! built-in lifecycle data and the request's product spelling; each answer is rendered in
//! every format. JSON must parse, and text output must hold no raw control or bidi character
//! but its own line breaks.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use mpn_support::commands::decide;
use mpn_support::data::{self, EMBEDDED_ENTITLEMENTS, EMBEDDED_LIFECYCLE};
use mpn_support::render::{Format, Style, render};
use mpn_support::report::Report;
use mpn_support::request::Request;

fn unsafe_in_text(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fuzz_target!(|text: &str| {
    let Ok(name) = serde_json::to_string(text) else {
        return;
    };
    let lifecycle = EMBEDDED_LIFECYCLE.replacen("\"SQL Server\"", &name, 1);
    let Ok(data) = data::load_texts(EMBEDDED_ENTITLEMENTS, &lifecycle) else {
        return;
    };
    let day = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    for product in ["sql-server", text] {
        let request = Request {
            tier: "solutions-partner".into(),
            product: product.into(),
            as_of: day,
            ..Request::default()
        };
        let Ok(report) = decide(&data, &request) else {
            continue;
        };
        let report = Report::Check(Box::new(report));
        for format in [Format::Text, Format::Json, Format::Markdown, Format::Csv] {
            let out = render(&report, format, Style::default()).expect("renders");
            match format {
                Format::Json => {
                    serde_json::from_str::<serde_json::Value>(&out).expect("JSON parses");
                }
                Format::Text => assert!(!out.chars().any(unsafe_in_text), "{out:?}"),
                _ => {}
            }
        }
    }
});
