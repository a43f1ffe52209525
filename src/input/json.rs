//! A JSON row as written: every key of an object with its value, in order, a key given twice
//! included (serde_json's own map keeps the last one silently, so a row could be decided on a
//! value the file then overrides); or what the row is instead of an object.

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A JSON row as written.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonRow {
    /// An object: each key and value, in the order written, repeats included.
    Object(Vec<(String, serde_json::Value)>),
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
        while let Some(entry) = map.next_entry::<String, serde_json::Value>()? {
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
        assert_eq!(entries[2].1, serde_json::json!("spd"));
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
}
