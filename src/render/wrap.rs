//! The one word-wrapper of human text, by display width (a wide East Asian character takes two
//! columns), through textwrap: lines longer than the width break between words, a continued
//! line indented like its first (two more under a list item); table lines are left as they are.

/// Wraps each line of `text` longer than `width` columns.
pub fn lines(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        let table = body.starts_with(['╭', '│', '╞', '├', '╰']);
        if table || textwrap::core::display_width(body) <= width {
            out.push_str(line);
            continue;
        }
        let lead = body.len() - body.trim_start().len();
        let rest = &body[lead..];
        let item = rest.starts_with("- ")
            || rest
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        let first = &body[..lead];
        let next = " ".repeat(lead + if item { 2 } else { 0 });
        let options = textwrap::Options::new(width)
            .initial_indent(first)
            .subsequent_indent(&next)
            .break_words(false)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        out.push_str(&textwrap::fill(rest, options));
        out.push_str(end);
    }
    out
}

/// Wraps one paragraph to `width`, every line after the first indented by `indent`.
pub fn paragraph(text: &str, width: usize, indent: &str) -> String {
    let options = textwrap::Options::new(width)
        .subsequent_indent(indent)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(text, options)
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

    /// A wide character counts two columns.
    #[test]
    fn counts_display_width() {
        let wrapped = lines("対象 対象 対象 対象", 10);
        assert!(
            wrapped
                .lines()
                .all(|l| textwrap::core::display_width(l) <= 10),
            "{wrapped}"
        );
    }
}
