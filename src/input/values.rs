//! The values of a batch cell or a flag that are not names: days, counts, numbers of days, yes
//! or no, what `verify` expects. Each is read the same way wherever it is written, and a value
//! that is none of them is one [`ValueError`] that names what is valid (never the number
//! parser's own words). Names (tiers, products, channels) are `names`' and `data`'s.

use crate::data::Incidents;
use crate::message::{Args, Msg, Value};

/// What a value was meant to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A real day, `YYYY-MM-DD`.
    Date,
    /// A whole number from 0 to [`u32::MAX`] (incidents left on a contract).
    Count,
    /// A number of days: `90` or `90d`, from 0 to [`u32::MAX`].
    Days,
    /// `yes` or `no` (also `true` or `false`), any case.
    YesNo,
    /// A whole number of incidents, or `unlimited` in any case.
    Incidents,
    /// `eligible` or `not-eligible`, spelt any way a name may be.
    Verdict,
}

/// A value that is not what it was meant to be.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::i18n::Words::default().msg(&self.message()))]
pub struct ValueError {
    /// The value as written.
    pub value: String,
    /// What it was meant to be.
    pub expected: Expected,
}

impl ValueError {
    fn new(value: &str, expected: Expected) -> Self {
        ValueError {
            value: value.to_owned(),
            expected,
        }
    }

    /// In words: the value, and what is valid.
    pub fn message(&self) -> Msg<'_> {
        let (id, args) = self.parts();
        Msg::new(id, args)
    }

    /// The message id and its arguments.
    pub fn parts(&self) -> (&'static str, Args<'_>) {
        let max = Value::Count(u64::from(u32::MAX));
        let (id, args) = match self.expected {
            Expected::Date => ("value-not-date", Vec::new()),
            Expected::Count => ("value-not-count", vec![("max", max)]),
            Expected::Days => ("value-not-days", vec![("max", max)]),
            Expected::YesNo => ("value-not-yes-no", Vec::new()),
            Expected::Incidents => ("value-not-incidents", vec![("max", max)]),
            Expected::Verdict => ("value-not-verdict", Vec::new()),
        };
        let mut args = args;
        args.push(("value", Value::Text(&self.value)));
        (id, args)
    }
}

/// A real day written `YYYY-MM-DD`.
pub fn date(text: &str) -> Result<chrono::NaiveDate, ValueError> {
    crate::data::common::parse_date(text).map_err(|_| ValueError::new(text, Expected::Date))
}

/// A whole number from 0 to [`u32::MAX`].
pub fn count(text: &str) -> Result<u32, ValueError> {
    text.parse()
        .map_err(|_| ValueError::new(text, Expected::Count))
}

/// A number of days: `90` or `90d`.
pub fn days(text: &str) -> Result<u32, ValueError> {
    text.strip_suffix('d')
        .unwrap_or(text)
        .parse()
        .map_err(|_| ValueError::new(text, Expected::Days))
}

/// `yes` or `no` (also `true` or `false`), any case.
pub fn yes_no(text: &str) -> Result<bool, ValueError> {
    let is = |word: &str| text.eq_ignore_ascii_case(word);
    if is("yes") || is("true") {
        Ok(true)
    } else if is("no") || is("false") {
        Ok(false)
    } else {
        Err(ValueError::new(text, Expected::YesNo))
    }
}

/// A whole number of incidents, or `unlimited` in any case.
pub fn incidents(text: &str) -> Result<Incidents, ValueError> {
    if text.eq_ignore_ascii_case("unlimited") {
        return Ok(Incidents::Unlimited);
    }
    text.parse()
        .map(Incidents::Count)
        .map_err(|_| ValueError::new(text, Expected::Incidents))
}

/// `eligible` or `not-eligible` (`Eligible`, `NOT ELIGIBLE`, `not_eligible`): whether eligible.
pub fn verdict(text: &str) -> Result<bool, ValueError> {
    match crate::names::normalize(text).as_str() {
        "eligible" => Ok(true),
        "noteligible" => Ok(false),
        _ => Err(ValueError::new(text, Expected::Verdict)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value a number parser refuses gets the same words: the range, not the parser's.
    #[test]
    fn numbers_name_their_range() {
        for bad in ["-1", "4294967296", "99999999999999999999", "x", "", "1.5"] {
            let e = count(bad).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("`{bad}` is not a whole number from 0 to 4294967295")
            );
        }
        assert_eq!(count("0"), Ok(0));
        assert_eq!(days("90d"), Ok(90));
        assert_eq!(days("90"), Ok(90));
        assert!(
            days("-5")
                .unwrap_err()
                .to_string()
                .contains("0 to 4294967295")
        );
        assert_eq!(incidents("UNLIMITED"), Ok(Incidents::Unlimited));
        assert_eq!(incidents("20"), Ok(Incidents::Count(20)));
        assert_eq!(yes_no("True"), Ok(true));
        assert_eq!(yes_no("NO"), Ok(false));
        assert_eq!(
            yes_no("1").unwrap_err().to_string(),
            "`1` is none of `yes`, `no`, `true`, `false` (any case)"
        );
        assert_eq!(verdict("NOT ELIGIBLE"), Ok(false));
    }
}
