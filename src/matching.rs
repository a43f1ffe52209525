//! Matching what a user saw against the catalogue of known portal messages and symptoms.
//!
//! Pure and forgiving: case and punctuation do not count, a fragment finds the message it is
//! part of, a few typos are tolerated (per word, Damerau-Levenshtein), and Japanese text is
//! compared by character pairs since it has no spaces. The best-scoring entry wins if it
//! scores at least [`THRESHOLD`].

use crate::data::messages::{Catalogue, Entry};

/// The lowest score that counts as a match.
pub const THRESHOLD: f64 = 0.45;

/// The best entry for an input, with the phrase that matched and how well.
#[derive(Debug, Clone, PartialEq)]
pub struct Match<'a> {
    /// The entry.
    pub entry: &'a Entry,
    /// The catalogue phrase that matched best.
    pub phrase: &'a str,
    /// From 0 (nothing in common) to 1 (the same text).
    pub score: f64,
}

/// The best-matching entry, if any scores at least [`THRESHOLD`]. Ties go to the entry listed
/// first.
pub fn best_match<'a>(catalogue: &'a Catalogue, input: &str) -> Option<Match<'a>> {
    let mut best: Option<Match<'a>> = None;
    for entry in &catalogue.entries {
        for phrase in entry.phrases() {
            let score = similarity(input, phrase);
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(Match {
                    entry,
                    phrase,
                    score,
                });
            }
        }
    }
    best.filter(|m| m.score >= THRESHOLD)
}

/// Lowercase words of letters and digits (any script), separated by single spaces.
fn words(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .flat_map(char::to_lowercase)
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_cjk(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF66..=0xFF9F)
    })
}

/// How alike an input and a catalogue phrase are, from 0 to 1.
pub fn similarity(input: &str, phrase: &str) -> f64 {
    let (a, b) = (words(input), words(phrase));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let (ac, bc): (String, String) = (a.replace(' ', ""), b.replace(' ', ""));
    let (la, lb) = (ac.chars().count(), bc.chars().count());
    // A fragment of the phrase, or the phrase inside a longer paste: the closer the lengths,
    // the better. Very short inputs do not count as fragments.
    if la >= 4 && bc.contains(&ac) {
        return 0.7 + 0.3 * la as f64 / lb as f64;
    }
    if lb >= 4 && ac.contains(&bc) {
        return 0.7 + 0.3 * lb as f64 / la as f64;
    }
    if is_cjk(&a) || is_cjk(&b) {
        return 0.9 * dice(&ac, &bc);
    }
    0.85 * word_overlap(&a, &b)
}

/// The Dice coefficient of the character pairs of two strings.
fn dice(a: &str, b: &str) -> f64 {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s.chars().collect();
        chars.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (pa, mut pb) = (pairs(a), pairs(b));
    if pa.is_empty() || pb.is_empty() {
        return 0.0;
    }
    let total = pa.len() + pb.len();
    let mut shared = 0;
    for p in &pa {
        if let Some(i) = pb.iter().position(|q| q == p) {
            pb.swap_remove(i);
            shared += 1;
        }
    }
    2.0 * shared as f64 / total as f64
}

/// The F1 of words in common, two words counting as the same when within a typo or two.
fn word_overlap(a: &str, b: &str) -> f64 {
    let (ta, tb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let close = |x: &str, y: &str| {
        x == y
            || (x.len() > 3 && y.len() > 3 && strsim::normalized_damerau_levenshtein(x, y) >= 0.75)
    };
    let found = |from: &[&str], to: &[&str]| {
        from.iter()
            .filter(|x| to.iter().any(|y| close(x, y)))
            .count() as f64
            / from.len() as f64
    };
    let (precision, recall) = (found(&ta, &tb), found(&tb, &ta));
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Case and punctuation do not count; Japanese is compared without spaces.
    #[test]
    fn similarity_ignores_case_punctuation_and_spacing() {
        assert_eq!(
            similarity(
                "you are NOT authorized for this action!",
                "You are not authorized for this action"
            ),
            1.0
        );
        assert!(
            similarity(
                "アクセスIDは既に関連付けられています",
                "アクセス ID は既に関連付けられています"
            ) > 0.9
        );
        assert!(similarity("please help", "You are not authorized for this action") < THRESHOLD);
    }
}
