//! Matching names typed on the command line against names the data defines.
//!
//! Owns the one normalisation rule (case, spaces, hyphens and underscores do not count) and the
//! "did you mean" suggestion. It knows nothing about tiers or products: callers hand it
//! candidates. It must not read files or print.

use std::fmt;

/// Folds a name for comparison: lowercase, without spaces, hyphens or underscores.
pub fn normalize(name: &str) -> String {
    let ignored = |c: char| matches!(c, ' ' | '-' | '_' | '\t');
    if name.is_ascii() {
        // The common case, on every name of the data files at each load: bytes, no iterators
        // of iterators.
        let mut out = String::with_capacity(name.len());
        out.extend(
            name.bytes()
                .map(char::from)
                .filter(|c| !ignored(*c))
                .map(|c| c.to_ascii_lowercase()),
        );
        return out;
    }
    name.chars()
        .filter(|c| !ignored(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The characters of a name as matching sees them, without allocating.
fn folded(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '\t'))
        .flat_map(char::to_lowercase)
}

/// A 64-bit FNV-1a hash of a name's folded form: equal for names that match each other.
/// Used to find colliding spellings in data files without building a string per name.
pub fn fold_hash(name: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    if name.is_ascii() {
        for b in name
            .bytes()
            .filter(|b| !matches!(b, b' ' | b'-' | b'_' | b'\t'))
        {
            hash ^= u64::from(b.to_ascii_lowercase());
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        return hash;
    }
    let mut buf = [0u8; 4];
    for c in folded(name) {
        for byte in c.encode_utf8(&mut buf).bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// Whether two names match each other (same folded form).
pub fn same_name(a: &str, b: &str) -> bool {
    fn kept(s: &str) -> impl Iterator<Item = u8> + '_ {
        s.bytes()
            .filter(|b| !matches!(b, b' ' | b'-' | b'_' | b'\t'))
            .map(|b| b.to_ascii_lowercase())
    }
    if a.is_ascii() && b.is_ascii() {
        return kept(a).eq(kept(b));
    }
    folded(a).eq(folded(b))
}

/// Finds which earlier entry a spelling collides with, by folded form. Keeps, per folded
/// hash, the first owner; a hash hit is confirmed by comparing folded forms.
#[derive(Debug, Default)]
pub struct Spellings<'a> {
    seen:
        std::collections::HashMap<u64, (usize, &'a str), std::hash::BuildHasherDefault<Prehashed>>,
}

impl<'a> Spellings<'a> {
    /// Room for `n` spellings without rehashing.
    pub fn with_capacity(n: usize) -> Self {
        Spellings {
            seen: std::collections::HashMap::with_capacity_and_hasher(n, Default::default()),
        }
    }

    /// Records `spelling` for entry `owner`; returns the earlier entry and spelling it collides
    /// with, if any (the same entry spelling itself twice is no collision).
    pub fn insert(&mut self, spelling: &'a str, owner: usize) -> Option<(usize, &'a str)> {
        match self.seen.entry(fold_hash(spelling)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let (first, first_spelling) = *e.get();
                (first != owner && same_name(first_spelling, spelling))
                    .then_some((first, first_spelling))
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((owner, spelling));
                None
            }
        }
    }
}

/// A map keyed by folded-name hashes.
type PrehashedMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<Prehashed>>;

/// A hasher for keys that are already hashes.
#[derive(Debug, Default)]
pub struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Every spelling of a list of entries, by folded hash: finds an entry in one lookup. Built
/// once per load; batch checks resolve names per row through it.
#[derive(Debug, Default, Clone)]
pub struct NameIndex {
    map: PrehashedMap<Vec<(usize, Box<str>)>>,
}

impl NameIndex {
    /// Indexes `(entry position, spelling)` pairs.
    pub fn new<'s>(spellings: impl Iterator<Item = (usize, &'s str)>) -> Self {
        let mut index = NameIndex::default();
        for (position, spelling) in spellings {
            let slot = index.map.entry(fold_hash(spelling)).or_default();
            if !slot.iter().any(|(p, _)| *p == position) {
                slot.push((position, spelling.into()));
            }
        }
        index
    }

    /// The position of the entry a spelling names, if any.
    pub fn find(&self, input: &str) -> Option<usize> {
        self.map
            .get(&fold_hash(input))?
            .iter()
            .find(|(_, spelling)| same_name(spelling, input))
            .map(|(position, _)| *position)
    }
}

/// One thing a user may name: its canonical id or name plus the other spellings it answers to.
pub struct Candidate<'a, T> {
    /// The canonical spelling, shown in error messages.
    pub canonical: &'a str,
    /// Every spelling that selects this candidate (the canonical one included).
    pub spellings: Vec<&'a str>,
    /// The value returned on a match.
    pub value: T,
}

/// Picks the candidate one of whose spellings equals `input` once both are normalised.
///
/// On a miss the error lists the canonical spellings and, when one is close, suggests it.
pub fn resolve<'a, T>(
    kind: &'static str,
    input: &str,
    candidates: Vec<Candidate<'a, T>>,
) -> Result<T, UnknownNameError> {
    // An exact match first: no allocation, no scoring.
    let hash = fold_hash(input);
    let exact = candidates.iter().position(|c| {
        c.spellings
            .iter()
            .any(|s| fold_hash(s) == hash && same_name(s, input))
    });
    let mut candidates = candidates;
    if let Some(i) = exact.filter(|i| *i < candidates.len()) {
        return Ok(candidates.swap_remove(i).value);
    }
    let wanted = normalize(input);
    let mut best: Option<(f64, &str)> = None;
    let mut choices = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let mut matched = false;
        for spelling in &candidate.spellings {
            let folded = normalize(spelling);
            if folded == wanted {
                matched = true;
                break;
            }
            let score = strsim::jaro_winkler(&folded, &wanted);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, candidate.canonical));
            }
        }
        if matched {
            return Ok(candidate.value);
        }
        choices.push(candidate.canonical.to_owned());
    }
    // A suggestion must be close: Jaro-Winkler 0.85 accepts one or two typos in short names.
    let suggestion = best
        .filter(|(score, _)| *score >= 0.85)
        .map(|(_, name)| name.to_owned());
    Err(UnknownNameError {
        kind,
        value: input.to_owned(),
        of: None,
        choices,
        suggestion,
    })
}

/// A name on the command line that matches nothing in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownNameError {
    /// What was being looked up: `tier`, `product`, `version of sql-server`, ...
    pub kind: &'static str,
    /// The value as the user typed it.
    pub value: String,
    /// What the value belongs to, e.g. the product of a version.
    pub of: Option<String>,
    /// The canonical spellings that would have matched.
    pub choices: Vec<String>,
    /// The closest canonical spelling, when one is close enough to suggest.
    pub suggestion: Option<String>,
}

impl fmt::Display for UnknownNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}`", self.kind, self.value)?;
        if let Some(of) = &self.of {
            write!(f, " of `{of}`")?;
        }
        if let Some(suggestion) = &self.suggestion {
            write!(f, ": did you mean `{suggestion}`?")?;
        }
        if !self.choices.is_empty() {
            let list: Vec<String> = self.choices.iter().map(|c| format!("`{c}`")).collect();
            write!(f, " (valid: {})", list.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownNameError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiers() -> Vec<Candidate<'static, u8>> {
        vec![
            Candidate {
                canonical: "action-pack",
                spellings: vec!["action-pack", "maps", "Action Pack"],
                value: 1,
            },
            Candidate {
                canonical: "gold",
                spellings: vec!["gold"],
                value: 3,
            },
        ]
    }

    /// Case, spaces, hyphens and underscores are ignored when matching.
    #[test]
    fn matches_ignoring_case_spaces_and_hyphens() {
        assert_eq!(resolve("tier", "ACTION_pack", tiers()), Ok(1));
        assert_eq!(resolve("tier", "Action Pack", tiers()), Ok(1));
        assert_eq!(resolve("tier", "MAPS", tiers()), Ok(1));
        assert_eq!(normalize("2012-R2"), normalize("2012r2"));
        assert_eq!(normalize("Ärger Über"), "ärgerüber");
    }

    /// Folded hashes and comparisons agree with `normalize`.
    #[test]
    fn fold_hash_matches_normalize() {
        assert_eq!(
            fold_hash("Windows Server 2012-R2"),
            fold_hash("windowsserver2012r2")
        );
        assert!(same_name("Ärger_Über", "ärger über"));
        assert_ne!(fold_hash("2019"), fold_hash("2016"));
        // ASCII and general paths fold the same way.
        assert_eq!(fold_hash("ÄB-c"), fold_hash("äbc"));
        assert_eq!(fold_hash("AB-c"), fold_hash("abc"));
        let mut s = Spellings::default();
        assert_eq!(s.insert("SQL Server", 0), None);
        assert_eq!(s.insert("sql-server", 0), None);
        assert_eq!(s.insert("sqlserver", 1), Some((0, "SQL Server")));
    }

    /// A near miss is suggested; a far miss lists the choices without a guess.
    #[test]
    fn suggests_close_names_only() {
        let err = resolve("tier", "glod", tiers()).unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("gold"));
        assert_eq!(
            err.to_string(),
            "unknown tier `glod`: did you mean `gold`? (valid: `action-pack`, `gold`)"
        );
        let err = resolve("tier", "platinum", tiers()).unwrap_err();
        assert_eq!(err.suggestion, None);
    }
}
