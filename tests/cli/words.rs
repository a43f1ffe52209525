//! The words: every sentence comes from a catalogue; the English `Display` of an error is the
//! English catalogue's message, so the two cannot drift.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use crate::common::{date, embedded};
use mpn_support::engine::{Given, QueryError, Request, decide};
use mpn_support::i18n::Words;

/// Each kind of refusal, as the engine words it and as its `Display` says it.
#[test]
fn error_display_is_the_english_catalogue() {
    let data = embedded();
    let english = Words::default();
    let ask = |tier: &str,
               product: &str,
               version: Option<&str>,
               as_of: &str,
               end: Option<&str>,
               given: Given| {
        let mut r = Request {
            tier: tier.into(),
            product: product.into(),
            version: version.map(Into::into),
            as_of: date(as_of),
            given,
            ..Request::default()
        };
        r.account.contract_end = end.map(date);
        decide(&r, &data).expect_err("refused")
    };
    let errors: Vec<QueryError> = vec![
        ask("glod", "sql", None, "2021-06-19", None, Given::Flags),
        ask("glod", "sqll", None, "2021-06-19", None, Given::Flags),
        ask(
            "gold",
            "azure",
            Some("2019"),
            "2021-06-19",
            None,
            Given::Flags,
        ),
        ask(
            "gold",
            "azure",
            Some("2019"),
            "2021-06-19",
            None,
            Given::Row,
        ),
        ask("gold", "sql", None, "2010-01-01", None, Given::Flags),
        ask(
            "spd",
            "SQL Server 2019",
            Some("2022"),
            "2026-12-03",
            None,
            Given::Flags,
        ),
        ask(
            "spd",
            "windows",
            Some("11"),
            "2026-12-03",
            None,
            Given::Flags,
        ),
        ask(
            "spd",
            "sql",
            None,
            "2026-12-03",
            Some("2030-01-01"),
            Given::Row,
        ),
    ];
    for e in errors {
        match &e {
            QueryError::Unknown(all) => {
                let joined: Vec<String> = all.iter().map(|u| english.msg(&u.message())).collect();
                assert_eq!(e.to_string(), joined.join("\nerror: "));
                for u in all {
                    assert_eq!(u.to_string(), english.msg(&u.message()));
                }
            }
            other => assert_eq!(other.to_string(), english.msg(&other.message())),
        }
    }
}
