//! Finding where a value sits in JSON text, so problems found after parsing (a duplicate id, a
//! date in the wrong order) can be reported at a line and column like syntax errors.
//!
//! It only reads text that serde_json has already accepted, whose nesting serde_json limits,
//! so a small scanner is enough; on anything unexpected it answers `None`, never panics.

/// Returns the 1-based line and column of the value at `pointer` (RFC 6901, e.g.
/// `/products/3/versions/1/release`) in `text`, or of the deepest part of the path found.
pub fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let segments: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    for segment in &segments {
        match find_child(bytes, pos, segment) {
            Some(child) => pos = child,
            None => break,
        }
    }
    Some(line_column(text, pos))
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The offset of the child value named `segment` of the container starting at `pos`.
fn find_child(b: &[u8], pos: usize, segment: &str) -> Option<usize> {
    match b.get(pos)? {
        b'{' => {
            let mut i = skip_ws(b, pos + 1);
            while b.get(i)? == &b'"' {
                let (key, after_key) = read_string(b, i)?;
                i = skip_ws(b, after_key);
                if b.get(i)? != &b':' {
                    return None;
                }
                let value = skip_ws(b, i + 1);
                if key == segment {
                    return Some(value);
                }
                i = skip_ws(b, skip_value(b, value)?);
                if b.get(i)? == &b',' {
                    i = skip_ws(b, i + 1);
                }
            }
            None
        }
        b'[' => {
            let wanted: usize = segment.parse().ok()?;
            let mut i = skip_ws(b, pos + 1);
            let mut index = 0;
            while b.get(i)? != &b']' {
                if index == wanted {
                    return Some(i);
                }
                i = skip_ws(b, skip_value(b, i)?);
                if b.get(i)? == &b',' {
                    i = skip_ws(b, i + 1);
                }
                index += 1;
            }
            None
        }
        _ => None,
    }
}

/// Reads a JSON string starting at its opening quote; returns its raw content and the offset
/// after the closing quote. Escapes are kept as written (keys here are plain ASCII).
fn read_string(b: &[u8], pos: usize) -> Option<(String, usize)> {
    let mut i = pos + 1;
    let start = i;
    while *b.get(i)? != b'"' {
        if b[i] == b'\\' {
            i += 1;
        }
        i += 1;
    }
    let content = String::from_utf8_lossy(b.get(start..i)?).into_owned();
    Some((content, i + 1))
}

/// The offset just after the value starting at `pos`.
fn skip_value(b: &[u8], pos: usize) -> Option<usize> {
    match b.get(pos)? {
        b'"' => read_string(b, pos).map(|(_, end)| end),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = pos;
            loop {
                match b.get(i)? {
                    b'"' => {
                        i = read_string(b, i)?.1;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            let mut i = pos;
            while i < b.len() && !matches!(b[i], b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
            {
                i += 1;
            }
            Some(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"products\": [\n    { \"id\": \"a\", \"v\": [1, {\"x\": \"}\"}] },\n    {\n      \"id\": \"b\"\n    }\n  ]\n}\n";

    /// Pointers into objects and arrays land on the value's first character.
    #[test]
    fn finds_nested_values() {
        assert_eq!(locate(TEXT, ""), Some((1, 1)));
        assert_eq!(locate(TEXT, "/products"), Some((2, 15)));
        assert_eq!(locate(TEXT, "/products/0/id"), Some((3, 13)));
        assert_eq!(locate(TEXT, "/products/1"), Some((4, 5)));
        assert_eq!(locate(TEXT, "/products/1/id"), Some((5, 13)));
    }

    /// Braces inside strings do not confuse the scanner; a missing key stops at its parent.
    #[test]
    fn skips_strings_and_stops_at_missing_keys() {
        assert_eq!(locate(TEXT, "/products/0/v/1/x"), Some((3, 33)));
        assert_eq!(locate(TEXT, "/products/1/missing"), Some((4, 5)));
        assert_eq!(locate("[1, 2", "/5"), Some((1, 1)));
    }
}
