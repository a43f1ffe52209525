//! The string and list types of validated data: borrowed from the binary for the built-in data
//! (see `builtin.rs`), owned when a data file was read. Either way they read as `&str` and
//! `&[T]`, serialize as a string and an array, and deserialize into the owned form.
//!
//! The built-in data is compiled into `static`s of these types, so a command on the built-in
//! data starts without parsing, validating or allocating it.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A string from a data file.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(pub(super) Cow<'static, str>);

impl Text {
    /// The string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(Cow::Owned(s))
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(Cow::Owned(s.to_owned()))
    }
}

impl From<Text> for String {
    fn from(t: Text) -> Self {
        t.0.into_owned()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        *self == *other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Text::from)
    }
}

impl schemars::JsonSchema for Text {
    fn inline_schema() -> bool {
        String::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        String::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

/// A list from a data file.
#[derive(Clone, PartialEq, Eq)]
pub struct List<T: Clone + 'static>(pub(super) Cow<'static, [T]>);

impl<T: Clone> List<T> {
    /// The items.
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }
}

impl<T: Clone> Default for List<T> {
    fn default() -> Self {
        List(Cow::Borrowed(&[]))
    }
}

impl<T: Clone> Deref for List<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T: Clone> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> Self {
        List(Cow::Owned(items))
    }
}

impl<T: Clone> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        List(Cow::Owned(iter.into_iter().collect()))
    }
}

impl<'a, T: Clone> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Clone + fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl<T: Clone + Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Clone + Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(List::from)
    }
}

impl<T: Clone + schemars::JsonSchema> schemars::JsonSchema for List<T> {
    fn inline_schema() -> bool {
        Vec::<T>::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        Vec::<T>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        Vec::<T>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Vec::<T>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_reads_compares_and_serializes_as_a_string() {
        let owned = Text::from("gold".to_owned());
        let borrowed = Text(Cow::Borrowed("gold"));
        assert_eq!(owned, borrowed);
        assert_eq!(owned, "gold");
        assert!("gold" == borrowed);
        assert_eq!(format!("{borrowed} {borrowed:?}"), "gold \"gold\"");
        assert_eq!(serde_json::to_string(&borrowed).unwrap(), "\"gold\"");
        let back: Text = serde_json::from_str("\"gold\"").unwrap();
        assert_eq!(back, owned);
    }

    #[test]
    fn list_reads_compares_and_serializes_as_an_array() {
        static ITEMS: [u32; 2] = [1, 2];
        let borrowed = List(Cow::Borrowed(&ITEMS[..]));
        let owned = List::from(vec![1, 2]);
        assert_eq!(borrowed, owned);
        assert_eq!(borrowed.len(), 2);
        assert_eq!((&borrowed).into_iter().sum::<u32>(), 3);
        assert_eq!(format!("{borrowed:?}"), "[1, 2]");
        assert_eq!(serde_json::to_string(&borrowed).unwrap(), "[1,2]");
        let back: List<u32> = serde_json::from_str("[1,2]").unwrap();
        assert_eq!(back, owned);
        assert!(List::<u32>::default().is_empty());
    }
}
