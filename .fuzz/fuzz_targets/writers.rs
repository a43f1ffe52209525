//! Any text through every printer: the fuzzer's string becomes a product's name in the
//! built-in lifecycle data and the request's product spelling; each answer is printed in every
//! format and language. JSON must parse, and text output must hold no raw control or bidi
//! character but its own line breaks.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use mpn_support::data::{self, EMBEDDED_ENTITLEMENTS, EMBEDDED_LIFECYCLE};
use mpn_support::engine::{Request, decide};
use mpn_support::i18n::{Lang, Words};
use mpn_support::render::{Format, Output, Style};
use mpn_support::report::{CheckReport, Report};

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
        let Ok(decision) = decide(&request, &data) else {
            continue;
        };
        for lang in [Lang::En, Lang::Ja] {
            let words = Words::new(lang);
            let report = Report::Check(Box::new(CheckReport::new(&decision, &data, &words)));
            for format in [Format::Text, Format::Json, Format::Markdown, Format::Csv] {
                let (mut out, mut err) = (Vec::new(), Vec::new());
                Output::new(&mut out, &mut err, Style::default(), &words)
                    .report(&report, format)
                    .expect("prints");
                let out = String::from_utf8(out).expect("UTF-8");
                match format {
                    Format::Json => {
                        serde_json::from_str::<serde_json::Value>(&out).expect("JSON parses");
                    }
                    Format::Text => assert!(!out.chars().any(unsafe_in_text), "{out:?}"),
                    _ => {}
                }
            }
        }
    }
});
