//! The one word-wrapper of human text, by display width (a wide East Asian character takes two
//! columns), through textwrap: lines longer than the width break between words (and between
//! two wide characters, as Japanese breaks, never inside a word of Latin letters), a continued
//! line indented like its first (two more under a list item); table lines are left as they are.
//! Table cells are wrapped here too, at the widths the table gives them, where an id too wide
//! for its column may also break after a hyphen between letters.

use textwrap::core::{Word, display_width};

/// Whether a character takes two columns (Japanese, Chinese, Korean, their punctuation).
fn wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

/// Whether a text holds a wide character (Japanese).
pub(crate) fn has_wide(text: &str) -> bool {
    text.chars().any(wide)
}

/// Punctuation that must not begin a line (Japanese kinsoku): it stays with what is before it.
fn closing(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '）'
            | '」'
            | '』'
            | '】'
            | '］'
            | '：'
            | '；'
            | '！'
            | '？'
            | 'ー'
            | '々'
            | ')'
            | ']'
            | ','
            | '.'
            | ':'
            | ';'
    )
}

/// Punctuation that must not end a line (Japanese kinsoku): it stays with what is after it.
fn opening(c: char) -> bool {
    matches!(c, '(' | '[' | '「' | '『' | '（' | '【' | '［')
}

/// Splits a line into words: runs of narrow characters end at a space (which stays with the
/// word before it); a wide character is a word of its own, with the closing punctuation after
/// it. So Latin ids and names are never cut, and Japanese breaks between characters.
fn words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    Box::new(split(line, false).into_iter())
}

/// [`words`], each also broken after a hyphen between two letters, as a narrow table cell
/// breaks an id (`sql-` / `server`); never inside a date or a number (`2028-01-11`, `N-1`).
fn words_and_hyphens(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    Box::new(split(line, true).into_iter())
}

/// Whether a line may end after the hyphen at byte `at` of `line`: between two Latin letters,
/// in a word that is no address or path (a URL stays whole).
fn hyphen_break(line: &str, at: usize) -> bool {
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && !wide(c));
    let (before, after) = (&line[..at], &line[at + 1..]);
    if !line[at..].starts_with('-')
        || !letter(before.chars().next_back())
        || !letter(after.chars().next())
    {
        return false;
    }
    let start = before
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = after
        .find(char::is_whitespace)
        .map_or(line.len(), |i| at + 1 + i);
    !line[start..end].contains('/')
}

/// The words of [`words`] (and, with `hyphens`, of [`words_and_hyphens`]).
fn split(line: &str, hyphens: bool) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|(i, n)| (*i, *n));
        // The end of a word: after a space run, or after a wide character (and its closing
        // punctuation), or before a wide character that follows narrow text.
        let end = match next {
            None => Some(line.len()),
            Some((i, n)) => {
                let after_space = c == ' ' && n != ' ';
                let after_wide = wide(c) && !opening(c) && !closing(n) && n != ' ';
                let before_wide = !wide(c) && c != ' ' && !opening(c) && wide(n) && !closing(n);
                let after_hyphen = hyphens && c == '-' && hyphen_break(line, at);
                (after_space || after_wide || before_wide || after_hyphen).then_some(i)
            }
        };
        if let Some(end) = end {
            out.push(Word::from(&line[start..end]));
            start = end;
        }
    }
    out
}

/// The width a table column needs so that no word of `text` is cut: a Latin word or id whole
/// (as `split_whitespace` counts it; with `hyphens`, its parts after each hyphen between two
/// letters, as [`cell`] may break it there); Japanese, which breaks between characters, in
/// pieces of at most `piece` columns.
pub(crate) fn longest_word(text: &str, piece: usize, hyphens: bool) -> usize {
    let (mut longest, mut latin, mut japanese) = (0, 0, 0);
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            (latin, japanese) = (0, 0);
        } else if wide(c) {
            latin = 0;
            japanese += 2;
            longest = longest.max(japanese.min(piece));
        } else {
            japanese = 0;
            latin += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            longest = longest.max(latin);
            if hyphens && c == '-' && hyphen_break(text, at) {
                latin = 0;
            }
        }
    }
    // A word the wrapper keeps whole (a character with the punctuation around it) fits too.
    split(text, hyphens)
        .iter()
        .map(|w| display_width(w.word))
        .fold(longest, usize::max)
}

/// The piece a table cell would rather not break Japanese into smaller than: four characters.
pub(crate) const JAPANESE_PIECE: usize = 8;

/// How a table cell's text is wrapped to `width`, line by line as a table fills it: between
/// words and between Japanese characters; after a hyphen between letters only when a word of
/// the text is wider than the line.
fn cell_options<'a>(text: &str, width: usize) -> textwrap::Options<'a> {
    let too_long = split(text, false)
        .iter()
        .any(|w| display_width(w.word) > width);
    let separator: fn(&str) -> Box<dyn Iterator<Item = Word<'_>> + '_> =
        if too_long { words_and_hyphens } else { words };
    textwrap::Options::new(width)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::Custom(separator))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
}

/// A table cell's text wrapped to `width` (see [`cell_options`]).
pub(crate) fn cell(text: &str, width: usize) -> String {
    textwrap::fill(text, cell_options(text, width))
}

/// A labelled value wrapped to `width` as a cell is: the first line starts with `label`, the
/// others with `indent`; when the label leaves no room for the value's first word, the
/// label has a line of its own.
pub(crate) fn field(label: &str, text: &str, width: usize, indent: &str) -> String {
    let rest = width.saturating_sub(display_width(indent)).max(1);
    let first = width.saturating_sub(display_width(label)).max(1);
    let options = cell_options(text, first.min(rest))
        .width(width)
        .initial_indent(label)
        .subsequent_indent(indent);
    let filled = textwrap::fill(text, options);
    if filled
        .lines()
        .next()
        .is_some_and(|l| display_width(l) <= width)
    {
        return filled;
    }
    let options = cell_options(text, rest)
        .width(width)
        .initial_indent(indent)
        .subsequent_indent(indent);
    format!("{}\n{}", label.trim_end(), textwrap::fill(text, options))
}

/// How `text` is wrapped to `width`. Japanese fills each line before it breaks, as Japanese is
/// set (a line balanced short beside a full one reads as a paragraph break); other text is
/// balanced across its lines.
fn options<'a>(width: usize, text: &str) -> textwrap::Options<'a> {
    let options = textwrap::Options::new(width)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::Custom(words))
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    if has_wide(text) {
        options.wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
    } else {
        options
    }
}

/// Wraps each line of `text` longer than `width` columns.
pub fn lines(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        let table = body.starts_with(['╭', '│', '╞', '├', '╰']);
        if table || display_width(body) <= width {
            out.push_str(line);
            continue;
        }
        let lead = body.len() - body.trim_start().len();
        let rest = &body[lead..];
        let item = rest.starts_with("- ")
            || rest
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        // A labelled line (`Cause:    ...`, as `diagnose` aligns its labels) continues under
        // its text, so the labels stay a column.
        let label = rest.find(":  ").filter(|&at| at <= 24).map(|at| {
            let after = &rest[at + 1..];
            at + 1 + (after.len() - after.trim_start().len())
        });
        let first = &body[..lead];
        let hang = match label {
            Some(end) => display_width(&rest[..end]),
            None if item => 2,
            None => 0,
        };
        let next = " ".repeat(lead + hang);
        let options = options(width, rest)
            .initial_indent(first)
            .subsequent_indent(&next);
        out.push_str(&textwrap::fill(rest, options));
        out.push_str(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Long lines break between words; list items continue under their text; tables stay.
    #[test]
    fn wraps_by_words() {
        let text = "  - one two three four five six\n│ a table line that is long │\nshort\n";
        let wrapped = lines(text, 16);
        assert_eq!(
            wrapped,
            "  - one two\n    three four\n    five six\n│ a table line that is long │\nshort\n"
        );
    }

    /// A labelled line continues under its text, in either language.
    #[test]
    fn labelled_lines_hang_under_their_text() {
        let wrapped = lines("Cause:    one two three four five six seven\n", 24);
        assert_eq!(
            wrapped,
            "Cause:    one two three\n          four five six\n          seven\n"
        );
        let wrapped = lines("原因:     一二三四五六七八九十一二三四五六七八九十\n", 30);
        for line in wrapped.lines().skip(1) {
            assert!(
                line.starts_with("          ") && !line.starts_with("           "),
                "{wrapped}"
            );
        }
    }

    /// A table cell breaks at spaces; an id after a hyphen between letters only when it is
    /// wider than the column; a date, a number or an address never.
    /// A space of more than one byte (no-break, thin, ideographic) before a hyphenated word
    /// is a space like any other (third review: it was sliced at its second byte, a panic).
    #[test]
    fn wide_spaces_before_a_hyphen_are_whole_characters() {
        for space in ['\u{a0}', '\u{2009}', '\u{3000}'] {
            let text = format!("Partner{space}On-premises Support");
            for width in 1..=text.len() {
                let wrapped = cell(&text, width);
                assert_eq!(
                    wrapped.split_whitespace().collect::<String>(),
                    text.split_whitespace().collect::<String>(),
                    "{width}: {wrapped:?}"
                );
            }
            assert!(longest_word(&text, 8, true) >= "premises".len());
        }
    }

    #[test]
    fn cells_break_ids_after_hyphens_only_when_they_must() {
        assert_eq!(cell("sharepoint-server", 13), "sharepoint-\nserver");
        assert_eq!(cell("sharepoint-server", 17), "sharepoint-server");
        assert_eq!(
            cell("dynamics-365-ce-on-premises", 20),
            "dynamics-365-ce-on-\npremises"
        );
        assert_eq!(
            cell("dynamics-365-ce-on-premises", 18),
            "dynamics-365-ce-\non-premises"
        );
        // Every word fits: `On-premises` stays whole on the next line.
        assert_eq!(
            cell("Partner On-premises Support", 12),
            "Partner\nOn-premises\nSupport"
        );
        assert_eq!(cell("2028-01-11 (10-pack)", 6), "2028-01-11\n(10-pack)");
        assert_eq!(cell("https://a.test/one-two", 8), "https://a.test/one-two");
        assert_eq!(
            longest_word("dynamics-365-ce-on-premises 2028-01-11", 8, true),
            16
        );
        assert_eq!(longest_word("dynamics-365-ce-on-premises", 8, false), 27);
        assert_eq!(longest_word("Partner On-premises", 8, true), 8);
        assert_eq!(longest_word("https://a.test/mpn-benefits", 8, true), 27);
        // Japanese in pieces of four characters; closing punctuation stays with them.
        assert_eq!(longest_word("ソリューション パートナー認定", 8, true), 8);
    }

    /// A labelled value continues two spaces in; a label too long for the value's first word
    /// has a line of its own.
    #[test]
    fn fields_hang_under_their_label() {
        assert_eq!(
            field("support type: ", "Partner On-premises Support", 30, "  "),
            "support type: Partner\n  On-premises Support"
        );
        assert_eq!(
            field(
                "N-1 のメインストリーム サポート終了: ",
                "2028-01-11",
                40,
                "  "
            ),
            "N-1 のメインストリーム サポート終了:\n  2028-01-11"
        );
    }

    /// A wide character counts two columns; Japanese breaks between characters, never before
    /// closing punctuation, and a Latin id inside it stays whole.
    #[test]
    fn wraps_japanese_by_display_width() {
        let text = "このバージョンは n-minus-2-or-older のため、対象外です。サポートは受けられません\
             (Gold (従来の特典) は「提供なし」)。\n";
        for width in [10, 16, 24, 40] {
            let wrapped = lines(text, width);
            for line in wrapped.lines() {
                assert!(display_width(line) <= width.max(18), "{width}: {wrapped}");
                assert!(!line.starts_with(['、', '。']), "{width}: {wrapped}");
            }
            assert!(wrapped.contains("n-minus-2-or-older"), "{width}: {wrapped}");
            for line in wrapped.lines() {
                assert!(
                    !line.trim_end().ends_with(['(', '「']),
                    "{width}: {wrapped}"
                );
            }
            let bare = |t: &str| t.replace(['\n', ' '], "");
            assert_eq!(bare(&wrapped), bare(text), "{width}: nothing lost");
        }
    }
}
