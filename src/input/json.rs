//! A JSON row as written: every key of an object with its value, in order, a key given twice
//! included (serde_json's own map keeps the last one silently, so a row could be decided on a
//! value the file then overrides); or what the row is instead of an object. A number is kept
//! as written (`1e0`, `7.0`), so a message about it shows what the file says.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A JSON row as written.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonRow {
    /// An object: each key and value, in the order written, repeats included.
    Object(Vec<(String, Cell)>),
    /// Not an object: `array`, `string`, `number`, `boolean` or `null`.
    Other(&'static str),
}

impl<'de> Deserialize<'de> for JsonRow {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RowVisitor)
    }
}

/// Sees every key of an object, and what any other value is.
struct RowVisitor;

impl<'de> Visitor<'de> for RowVisitor {
    type Value = JsonRow;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object of columns")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonRow, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(8));
        while let Some(entry) = map.next_entry::<String, Cell>()? {
            entries.push(entry);
        }
        Ok(JsonRow::Object(entries))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonRow, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(JsonRow::Other("array"))
    }

    fn visit_str<E>(self, _: &str) -> Result<JsonRow, E> {
        Ok(JsonRow::Other("string"))
    }

    fn visit_i64<E>(self, _: i64) -> Result<JsonRow, E> {
        Ok(JsonRow::Other("number"))
    }

    fn visit_u64<E>(self, _: u64) -> Result<JsonRow, E> {
        Ok(JsonRow::Other("number"))
    }

    fn visit_f64<E>(self, _: f64) -> Result<JsonRow, E> {
        Ok(JsonRow::Other("number"))
    }

    fn visit_bool<E>(self, _: bool) -> Result<JsonRow, E> {
        Ok(JsonRow::Other("boolean"))
    }

    fn visit_unit<E>(self) -> Result<JsonRow, E> {
        Ok(JsonRow::Other("null"))
    }

    fn visit_none<E>(self) -> Result<JsonRow, E> {
        Ok(JsonRow::Other("null"))
    }
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// `null`.
    Null,
    /// A string, unescaped.
    Text(String),
    /// A number, exactly as written.
    Number(String),
    /// `true` or `false`.
    Bool(bool),
    /// An array or object, as compact JSON.
    Nested(String),
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let raw = Box::<serde_json::value::RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        Ok(match text.as_bytes().first() {
            Some(b'n') => Cell::Null,
            Some(b't') => Cell::Bool(true),
            Some(b'f') => Cell::Bool(false),
            Some(b'"') if !text.contains('\\') => Cell::Text(text[1..text.len() - 1].to_owned()),
            Some(b'"') => Cell::Text(serde_json::from_str(text).map_err(D::Error::custom)?),
            Some(b'[' | b'{') => Cell::Nested(compact(text)),
            _ => Cell::Number(text.to_owned()),
        })
    }
}

/// Valid JSON as written, without the spaces and line breaks between its tokens: every
/// number, key and repeat as the file has them.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if c.is_ascii_whitespace() {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key given twice is kept twice, in order; anything else says what it is.
    #[test]
    fn every_key_is_seen() {
        let row: JsonRow =
            serde_json::from_str(r#"{"tier":"gold","product":"sql","tier":"spd"}"#).unwrap();
        let JsonRow::Object(entries) = row else {
            panic!("an object")
        };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["tier", "product", "tier"]);
        assert_eq!(entries[2].1, Cell::Text("spd".into()));
        for (text, found) in [
            ("[1, [2]]", "array"),
            ("\"x\"", "string"),
            ("-1", "number"),
            ("1.5", "number"),
            ("true", "boolean"),
            ("null", "null"),
        ] {
            assert_eq!(
                serde_json::from_str::<JsonRow>(text).unwrap(),
                JsonRow::Other(found)
            );
        }
        let rows: Vec<JsonRow> = serde_json::from_str(r#"[{"a":1,"a":2}, []]"#).unwrap();
        assert_eq!(rows.len(), 2);
    }

    /// A value is what the file wrote: a number as written, a string unescaped, a nested value
    /// as compact JSON.
    #[test]
    fn values_are_kept_as_written() {
        let row: JsonRow = serde_json::from_str(
            r#"{"a": 1e0, "b": -7.0, "c": "x\"y", "d": "plain", "e": [1, {"f": null, "f" : 1.50, "s": "a \" b\\"}], "g": null, "h": false}"#,
        )
        .unwrap();
        let JsonRow::Object(entries) = row else {
            panic!("an object")
        };
        let cells: Vec<Cell> = entries.into_iter().map(|(_, c)| c).collect();
        assert_eq!(
            cells,
            [
                Cell::Number("1e0".into()),
                Cell::Number("-7.0".into()),
                Cell::Text("x\"y".into()),
                Cell::Text("plain".into()),
                Cell::Nested(r#"[1,{"f":null,"f":1.50,"s":"a \" b\\"}]"#.into()),
                Cell::Null,
                Cell::Bool(false),
            ]
        );
    }
}
