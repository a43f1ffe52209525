//! Both data files through the full load: parse, validate, cross-check, place problems at
//! line and column. Any input must give a dataset or a list of diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mpn_support::data::{self, EMBEDDED_ENTITLEMENTS, EMBEDDED_LIFECYCLE};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    // The input as either file beside the real other one, and split in two as both.
    let _ = data::load_texts(EMBEDDED_ENTITLEMENTS, text);
    let _ = data::load_texts(text, EMBEDDED_LIFECYCLE);
    let cut = text.len() / 2;
    if let (Some(a), Some(b)) = (text.get(..cut), text.get(cut..)) {
        if let Err(e) = data::load_texts(a, b) {
            let _ = e.to_string();
        }
    }
    // The pointer locator on arbitrary text and pointers.
    let _ = data::locate::locate(text, "/products/0/versions/1/release");
    let _ = data::locate::locate(text, text);
});
