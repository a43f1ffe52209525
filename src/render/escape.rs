//! Escaping values that came from outside (arguments, batch rows, data files) for the format
//! they land in: terminal text, XML 1.0, CommonMark/GFM, and CSV read by a spreadsheet.
//!
//! Pure string functions; every renderer and the error printer call these, so no value from
//! outside reaches a terminal, a CI log or a report raw.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether a character must not reach a terminal or a CI log raw: C0 and C1 controls, DEL,
/// the line and paragraph separators, and the bidirectional formatting characters (which can
/// reorder what a reader sees).
fn is_unsafe_in_text(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// A character written visibly: `\n`, `\r`, `\t`, `\x1b` for other ASCII controls, `\u{202e}`
/// for the rest.
fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c.is_ascii() => {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        }
        c => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// Text for a terminal or a log, on one line: every control and bidi character written
/// visibly, so one value never makes two lines, moves the cursor or starts a workflow command.
pub fn text(value: &str) -> Cow<'_, str> {
    // Printable ASCII is safe: most lines are, and this test runs a byte at a time.
    if value.bytes().all(|b| (0x20..0x7f).contains(&b)) || !value.chars().any(is_unsafe_in_text) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        if is_unsafe_in_text(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether XML 1.0 allows a character at all (its `Char` production).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Text for an XML 1.0 attribute or element: characters XML forbids written visibly (as
/// [`text`] does), controls and bidi characters too, and the markup characters escaped.
pub fn xml(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            c if !allowed_in_xml(c) || is_unsafe_in_text(c) => push_visible(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// Text for a CommonMark/GFM table cell or paragraph: controls written visibly (so a CR or
/// LF never ends a row), and the ASCII punctuation that can start markup backslash-escaped
/// (emphasis, code spans, links and images need `[`, HTML and autolinks `<`, cells `|`, entity
/// references `&`), so a value can make no link, HTML, code span, new cell or other character.
pub fn markdown(value: &str) -> String {
    markdown_in(value, true)
}

/// Text for a GFM table cell: as [`markdown`], but a leading `#`, `+` or `-` is left alone (in a
/// cell they start no heading or list).
pub fn markdown_cell(value: &str) -> String {
    markdown_in(value, false)
}

fn markdown_in(value: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let text = text(value);
    // A heading or list marker counts only where the value starts a line's content.
    let first = text.find(|c: char| c != ' ').filter(|_| line_start);
    for (i, c) in text.char_indices() {
        let markup = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&'
        ) || (Some(i) == first && matches!(c, '#' | '+' | '-'));
        if markup {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An address for a markdown link: the characters that would end the link or start markup
/// percent-encoded.
pub fn markdown_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '[' | ']' | '`' | '"' | '\\' => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c if is_unsafe_in_text(c) => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "%{b:02X}");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A CSV cell a spreadsheet will not run as a formula: a value starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'` (OWASP), unless it is a plain negative
/// decimal number (`-5`, `-1.5`) or the lone `-` of an empty cell. Dates and positive numbers
/// start with a digit and need nothing.
pub fn csv(value: &str) -> Cow<'_, str> {
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && value != "-" && !is_plain_negative_number(value) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

/// `-` then decimal digits, with at most one `.` between digits. Not Rust's float syntax,
/// which also takes `-inf`, `+NaN`, `-1e5`: words a spreadsheet may read as a formula.
fn is_plain_negative_number(value: &str) -> bool {
    let Some(number) = value.strip_prefix('-') else {
        return false;
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Controls and bidi characters are written visibly; other text is left as it is.
    #[test]
    fn text_writes_controls_visibly() {
        assert_eq!(text("SQL Server 2019"), "SQL Server 2019");
        assert_eq!(text("Ärger über Ünïcode"), "Ärger über Ünïcode");
        assert_eq!(
            text("x\n::error title=t::injected"),
            "x\\n::error title=t::injected"
        );
        assert_eq!(
            text("\u{1b}]0;title\u{7}\u{1b}[2J\r"),
            "\\x1b]0;title\\x07\\x1b[2J\\r"
        );
        assert_eq!(text("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(text("\u{85}\u{2028}"), "\\u{85}\\u{2028}");
    }

    /// XML never gets a character XML 1.0 forbids, and markup is escaped.
    #[test]
    fn xml_has_only_allowed_characters() {
        assert_eq!(
            xml("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
        assert_eq!(
            xml("a\u{0}b\u{1b}c\u{fffe}d\u{ffff}"),
            "a\\x00b\\x1bc\\u{fffe}d\\u{ffff}"
        );
        assert_eq!(xml("line\nnext"), "line&#10;next");
    }

    /// Markdown punctuation is escaped; numbers and words stay.
    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(markdown("a|b"), "a\\|b");
        assert_eq!(
            markdown("# not a heading, # nor this"),
            "\\# not a heading, # nor this"
        );
        assert_eq!(markdown("`x` [l](u) <b>"), "\\`x\\` \\[l\\](u) \\<b\\>");
        assert_eq!(markdown("one\rtwo"), "one\\\\rtwo");
        assert_eq!(markdown("&amp; &#60;"), "\\&amp; \\&#60;");
        assert_eq!(
            markdown("SQL Server 2019, 20 incidents"),
            "SQL Server 2019, 20 incidents"
        );
        assert_eq!(markdown_url("https://x/a b(c)"), "https://x/a%20b%28c%29");
    }

    /// Formula triggers get a leading quote; numbers and dates do not.
    #[test]
    fn csv_neutralises_formulas_only() {
        assert_eq!(csv("=1+1"), "'=1+1");
        assert_eq!(csv("+SUM(A1)"), "'+SUM(A1)");
        assert_eq!(csv("@cmd"), "'@cmd");
        assert_eq!(csv("\tx"), "'\tx");
        assert_eq!(csv("-x"), "'-x");
        assert_eq!(csv("-5"), "-5");
        assert_eq!(csv("-"), "-");
        assert_eq!(csv("2026-12-02"), "2026-12-02");
        assert_eq!(csv("20"), "20");
        assert_eq!(csv("gold"), "gold");
        assert_eq!(csv("-1.5"), "-1.5");
    }

    /// Issue 21, defect 11: words Rust parses as numbers are no plain decimal numbers, and a
    /// spreadsheet may read them as formulas: they are guarded.
    #[test]
    fn csv_guards_what_only_rust_reads_as_a_number() {
        for value in [
            "-inf",
            "+inf",
            "-Infinity",
            "+NaN",
            "-nan",
            "+5",
            "-1e5",
            "-1.",
            "-.5",
            "-0x1",
            "- 1",
            "-1-1",
        ] {
            assert_eq!(csv(value), format!("'{value}"), "{value}");
        }
    }
}
