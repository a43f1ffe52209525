//! The columns of a batch: which ones a command reads, and what a header (a CSV header cell, a
//! JSON key) that is none of them is. A header that plainly means a known column (misspelt,
//! its words reordered, a common other name for it, or the column's name inside a longer one
//! while the column itself is absent) is refused with a "did you mean", so that a row is never
//! decided without a fact the inventory holds; any other is the inventory's own column, carried
//! through. Headers are read once per file (CSV) or once per distinct key (JSON, see
//! [`KeyCache`]), never per row.

use super::error::InputError;

/// The columns a request row may have: the request, then the account facts (as the flags
/// `check` takes), then what `verify` expects.
pub const COLUMNS: [&str; 15] = [
    "tier",
    "product",
    "version",
    "competency",
    "as_of",
    "activated",
    "ids_associated",
    "incidents_remaining",
    "contract_end",
    "csp",
    "for_customer",
    "role",
    "expect",
    "incidents",
    "channel",
];

/// How many of [`COLUMNS`] a request reads (the rest are `verify`'s).
const REQUEST_COLUMNS: usize = 12;

/// The columns a header without them is refused for (the others are optional).
pub const REQUIRED: [&str; 2] = ["tier", "product"];

/// Other names people give the known columns, written down in one place: each is refused
/// with "did you mean" its column while that column is absent.
const SYNONYMS: &[(&str, &str)] = &[
    ("date", "as_of"),
    ("day", "as_of"),
    ("asof", "as_of"),
    ("ver", "version"),
    ("release", "version"),
    ("product_version", "version"),
    ("expiry", "contract_end"),
    ("expires", "contract_end"),
    ("expiry_date", "contract_end"),
    ("expiration", "contract_end"),
    ("expiration_date", "contract_end"),
    ("contract_expiry", "contract_end"),
    ("end_date", "contract_end"),
    ("activation", "activated"),
    ("incidents_left", "incidents_remaining"),
    ("remaining", "incidents_remaining"),
];

/// Which columns a batch reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// `check --batch`: the request and the account facts; `expect`, `incidents` and
    /// `channel` are the inventory's own there.
    Requests,
    /// `verify`: those, and what each row expects.
    Expectations,
}

impl Purpose {
    /// The columns this batch reads.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Purpose::Requests => &COLUMNS[..REQUEST_COLUMNS],
            Purpose::Expectations => &COLUMNS,
        }
    }

    /// The position in [`COLUMNS`] of a column this batch reads, by its folded name.
    pub fn known(self, folded: &str) -> Option<usize> {
        self.columns().iter().position(|c| *c == folded)
    }
}

/// A column name as the tool reads it: any case, `-` or a space for `_`.
pub fn fold_column(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace(['-', ' '], "_")
}

/// What a header names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// A known column: its position in [`COLUMNS`].
    Known(usize),
    /// Nothing: the header is blank.
    Blank,
    /// None of the known columns. It may still mean one: the candidates, best first, each
    /// with whether it counts only while that column is absent from the header. With none
    /// that counts, the column is the inventory's own.
    Other(Vec<(usize, bool)>),
}

/// What a header names, for a batch of this purpose.
pub fn read(name: &str, purpose: Purpose) -> Reading {
    if name.trim().is_empty() {
        return Reading::Blank;
    }
    let folded = fold_column(name);
    if let Some(known) = purpose.known(&folded) {
        return Reading::Known(known);
    }
    Reading::Other(meanings(&folded, purpose))
}

/// The known columns an unknown folded header may mean, best first: a synonym and the same
/// words in another order (while the column is absent), a near miss by edit distance (always:
/// a typo), then a longer name that contains an optional column's words (while it is absent).
fn meanings(folded: &str, purpose: Purpose) -> Vec<(usize, bool)> {
    let columns = purpose.columns();
    let words: Vec<&str> = folded.split('_').filter(|w| !w.is_empty()).collect();
    let joined = words.join("_");
    let mut out = Vec::new();
    let mut add = |column: &str, if_absent: bool| {
        let Some(i) = columns.iter().position(|c| *c == column) else {
            return;
        };
        match out.iter_mut().find(|(seen, _)| *seen == i) {
            // A typo counts always, even where another reading counted only while absent.
            Some(seen) => seen.1 &= if_absent,
            None => out.push((i, if_absent)),
        }
    };
    for (synonym, column) in SYNONYMS {
        if *synonym == joined {
            add(column, true);
        }
    }
    let mut sorted = words.clone();
    sorted.sort_unstable();
    for column in columns {
        let mut theirs: Vec<&str> = column.split('_').collect();
        theirs.sort_unstable();
        if theirs.len() > 1 && theirs == sorted {
            add(column, true);
        }
    }
    // A typo: Jaro-Winkler 0.9 accepts one or two in names this short.
    let near = columns
        .iter()
        .map(|c| (strsim::jaro_winkler(c, folded), *c))
        .filter(|(score, _)| *score >= 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((_, column)) = near {
        add(column, false);
    }
    for column in columns.iter().filter(|c| !REQUIRED.contains(c)) {
        let theirs: Vec<&str> = column.split('_').collect();
        if words.len() > theirs.len() && words.windows(theirs.len()).any(|w| w == theirs) {
            add(column, true);
        }
    }
    out
}

/// The column a header that reads as `candidates` means, given which known columns the
/// header has (`present`, a bit per position in [`COLUMNS`]).
pub fn meant(candidates: &[(usize, bool)], present: u32) -> Option<&'static str> {
    candidates
        .iter()
        .find(|(i, if_absent)| !if_absent || present & (1 << i) == 0)
        .and_then(|(i, _)| COLUMNS.get(*i).copied())
}

/// The error for a header that means a known column.
pub fn unknown(name: &str, meant: &'static str, purpose: Purpose) -> InputError {
    InputError::UnknownColumn {
        name: name.trim().to_owned(),
        meant,
        known: purpose.columns(),
    }
}

/// The readings of the JSON keys seen so far, so that a key is read once per input, not once
/// per row; bounded, so that keys that differ on every row cost no memory.
#[derive(Debug)]
pub struct KeyCache {
    purpose: Purpose,
    seen: Vec<(String, Reading)>,
}

impl KeyCache {
    /// The most keys remembered: far more than a real inventory has columns.
    const MOST: usize = 64;

    /// An empty cache for a batch of this purpose.
    pub fn new(purpose: Purpose) -> Self {
        KeyCache {
            purpose,
            seen: Vec::new(),
        }
    }

    /// The purpose of the batch.
    pub fn purpose(&self) -> Purpose {
        self.purpose
    }

    /// What a key names.
    pub fn read(&mut self, key: &str) -> Reading {
        // Most keys are a column's own name: no folding, no lookup.
        if let Some(i) = self.purpose.columns().iter().position(|c| *c == key) {
            return Reading::Known(i);
        }
        if let Some((_, reading)) = self.seen.iter().find(|(k, _)| k == key) {
            return reading.clone();
        }
        let reading = read(key, self.purpose);
        if self.seen.len() < Self::MOST {
            self.seen.push((key.to_owned(), reading.clone()));
        }
        reading
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meaning(header: &str, purpose: Purpose, present: &[&str]) -> Option<&'static str> {
        let mask = present
            .iter()
            .filter_map(|p| COLUMNS.iter().position(|c| c == p))
            .fold(0, |m, i| m | 1 << i);
        match read(header, purpose) {
            Reading::Other(candidates) => meant(&candidates, mask),
            other => panic!("{header}: {other:?}"),
        }
    }

    /// Each way a header plainly means a known column; genuinely different columns are the
    /// inventory's own.
    #[test]
    fn headers_that_mean_a_known_column() {
        let base = ["tier", "product"];
        let request = Purpose::Requests;
        for (header, column) in [
            ("verison", "version"),
            ("remaining_incidents", "incidents_remaining"),
            ("end_contract", "contract_end"),
            ("Remaining Incidents", "incidents_remaining"),
            ("date", "as_of"),
            ("day", "as_of"),
            ("asof", "as_of"),
            ("ver", "version"),
            ("release", "version"),
            ("product_version", "version"),
            ("Product Version", "version"),
            ("sql_version", "version"),
            ("expiry", "contract_end"),
            ("expires", "contract_end"),
            ("contract_expiry", "contract_end"),
            ("end_date", "contract_end"),
            ("activation", "activated"),
            ("incidents_left", "incidents_remaining"),
            ("remaining", "incidents_remaining"),
        ] {
            assert_eq!(meaning(header, request, &base), Some(column), "{header}");
        }
        // `check --batch` never suggests what only `verify` reads.
        assert_eq!(
            meaning("incidents_left", Purpose::Expectations, &base),
            Some("incidents_remaining")
        );
        for header in [
            "customer",
            "ticket",
            "owner",
            "customer_tier",
            "expect",
            "channel",
        ] {
            assert_eq!(meaning(header, request, &base), None, "{header}");
        }
        // A column present already is not what another header means, but for a typo.
        assert_eq!(
            meaning("date", request, &["tier", "product", "as_of"]),
            None
        );
        assert_eq!(
            meaning("sql_version", request, &["tier", "product", "version"]),
            None
        );
        assert_eq!(
            meaning("verison", request, &["tier", "product", "version"]),
            Some("version")
        );
        assert_eq!(read(" ", request), Reading::Blank);
        assert_eq!(read("Tier", request), Reading::Known(0));
        assert_eq!(read("channel", request), Reading::Other(Vec::new()));
        assert_eq!(read("channel", Purpose::Expectations), Reading::Known(14));
    }
}
