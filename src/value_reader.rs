//! Reading a serde type out of a `serde_json::Value`: the one way the engine turns inputs and
//! stored records into its types.
//!
//! serde_json's own `Value` reader accepts a struct written as a JSON array as well as an
//! object (fields by position), so it compiles a second, positional reader of every struct into
//! the wasm: about 11 KiB gzip of engine for a form that no caller writes, no stored record has
//! and no document promises. This reader takes structs from objects only and enum variants from
//! their names only (serde_json's also takes `{"VARIANT": null}`), and reads everything else
//! (numbers, strings, options, arrays, maps) as serde_json does, with serde_json's error type
//! and messages.

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Error as _, MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde_json::{Error, Map, Value};

/// `value` read as a `T`, or serde_json's error for it.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, Error> {
    T::deserialize(Reader(value))
}

/// `value` read by `read`: a derived reader that is not a `Deserialize` impl (serde's
/// `remote = "Self"` form, which `workload::record` uses to read a record's own fields).
pub fn read_with<T>(value: Value, read: fn(Reader) -> Result<T, Error>) -> Result<T, Error> {
    read(Reader(value))
}

/// A value being read.
pub struct Reader(Value);

/// What the value is, as serde's messages name it ("invalid type: string \"x\", expected ...").
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (None, Some(i), _) => Unexpected::Signed(i),
            (None, None, f) => Unexpected::Float(f.unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn invalid_type<'de, V: Visitor<'de>>(value: &Value, visitor: &V) -> Error {
    Error::invalid_type(unexpected(value), visitor)
}

/// The methods whose value can only be a plain one: serde_json's reader as it is.
macro_rules! plain {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                self.0.$method(visitor)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for Reader {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(n) => de::Deserializer::deserialize_any(n, visitor),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => seq(items, visitor),
            Value::Object(entries) => map(entries, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            value => visitor.visit_some(Reader(value)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(items) => seq(items, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(entries) => map(entries, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    /// An object only: the difference from serde_json's reader, and the reason this one exists.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    /// A variant's name only: every enum the engine reads has unit variants alone. serde_json's
    /// reader also takes `{"VARIANT": null}` and compiles its map form into every enum's reader.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(variant) => {
                visitor.visit_enum(de::value::StringDeserializer::new(variant))
            }
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.0.deserialize_unit_struct(name, visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    plain! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f32
        deserialize_f64 deserialize_char deserialize_str deserialize_string deserialize_bytes
        deserialize_byte_buf deserialize_unit deserialize_identifier
    }
}

/// An array's items, each read by this reader.
struct Items(std::vec::IntoIter<Value>);

impl<'de> SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0
            .next()
            .map(|v| seed.deserialize(Reader(v)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

fn seq<'de, V: Visitor<'de>>(items: Vec<Value>, visitor: V) -> Result<V::Value, Error> {
    let len = items.len();
    let mut items = Items(items.into_iter());
    let value = visitor.visit_seq(&mut items)?;
    match items.0.len() {
        0 => Ok(value),
        _ => Err(Error::invalid_length(len, &"fewer elements in array")),
    }
}

/// An object's members: keys as strings, values read by this reader.
struct Entries {
    members: serde_json::map::IntoIter,
    value: Option<Value>,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(de::value::StringDeserializer::<Error>::new(key))
            .map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(Reader(value)),
            None => Err(Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

fn map<'de, V: Visitor<'de>>(entries: Map<String, Value>, visitor: V) -> Result<V::Value, Error> {
    let len = entries.len();
    let mut entries = Entries {
        members: entries.into_iter(),
        value: None,
    };
    let value = visitor.visit_map(&mut entries)?;
    match entries.members.len() {
        0 => Ok(value),
        _ => Err(Error::invalid_length(len, &"fewer elements in map")),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Inner {
        name: String,
        count: Option<u32>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase")]
    enum Level {
        Low,
        High,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Outer {
        items: Vec<Inner>,
        level: Level,
        #[serde(default)]
        tags: BTreeMap<String, String>,
        extra: Option<Value>,
    }

    /// What serde_json's own reader makes of `value`, for comparison.
    fn serde_json_reads<T: DeserializeOwned>(value: &Value) -> Result<T, String> {
        serde_json::from_value(value.clone()).map_err(|e| e.to_string())
    }

    fn reads<T: DeserializeOwned>(value: &Value) -> Result<T, String> {
        from_value(value.clone()).map_err(|e| e.to_string())
    }

    #[test]
    fn objects_read_as_serde_json_reads_them() {
        let value = json!({
            "items": [{"name": "a", "count": 2}, {"name": "b", "count": null}],
            "level": "high",
            "tags": {"k": "v"},
            "extra": {"nested": [1, -2, 2.5, true, null, "s"]},
        });
        let ours: Outer = reads(&value).unwrap();
        assert_eq!(ours, serde_json_reads::<Outer>(&value).unwrap());
        assert_eq!(ours.items[1].count, None);
        assert_eq!(ours.extra, Some(value["extra"].clone()));
    }

    #[test]
    fn a_struct_written_as_an_array_is_refused() {
        let positional = json!({"items": [["a", 2]], "level": "low"});
        // serde_json's reader takes it by position; this one says what it expected.
        assert!(serde_json_reads::<Outer>(&positional).is_ok());
        let error = reads::<Outer>(&positional).unwrap_err();
        assert!(error.contains("invalid type: sequence"), "{error}");
        assert!(error.contains("struct Inner"), "{error}");
    }

    #[test]
    fn errors_carry_serde_json_messages() {
        for value in [
            json!({"items": [{"name": 5}], "level": "low"}),
            json!({"items": [{"name": "a", "count": -1}], "level": "low"}),
            json!({"items": [{"name": "a", "count": 1.5}], "level": "low"}),
            json!({"items": [{"name": "a", "other": 1}], "level": "low"}),
            json!({"items": [], "level": "medium"}),
            json!({"items": "none", "level": "low"}),
            json!({"items": [{"name": "a"}]}),
            json!({"items": [], "level": "low", "tags": {"k": 1}}),
            json!(["items"]),
            json!(null),
        ] {
            let theirs = serde_json_reads::<Outer>(&value).map(|_| ());
            let ours = reads::<Outer>(&value).map(|_| ());
            if value.is_array() {
                assert!(ours.is_err(), "{value}");
            } else {
                assert_eq!(ours, theirs, "{value}");
            }
        }
    }

    #[test]
    fn a_variant_is_read_from_its_name_only() {
        let low = json!({"items": [], "level": "low"});
        assert_eq!(reads::<Outer>(&low).map(|o| o.level), Ok(Level::Low));
        // serde_json's reader also takes a variant written as a one-key object.
        let as_map = json!({"items": [], "level": {"low": null}});
        assert!(serde_json_reads::<Outer>(&as_map).is_ok());
        for (level, message) in [
            (
                json!({"low": null}),
                "invalid type: map, expected enum Level",
            ),
            (json!(1), "invalid type: integer `1`, expected enum Level"),
            (
                json!("medium"),
                "unknown variant `medium`, expected `low` or `high`",
            ),
        ] {
            let value = json!({"items": [], "level": level});
            assert_eq!(
                reads::<Outer>(&value).map(drop),
                Err(message.to_string()),
                "{level}"
            );
        }
    }
}
