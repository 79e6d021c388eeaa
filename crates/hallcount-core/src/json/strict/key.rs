//! An object's key, read once as text by one copy of code, then shown to the caller's seed.
//!
//! serde_json hands a key to the seed through its own key deserializer, and every seed type
//! (each struct's field names, each map's keys) would get its own copy of that reading. Here
//! the text is read by one non-generic seed ([`KeyTextSeed`]) and the caller's seed is given
//! [`KeyText`], which calls its visitor as serde_json's key deserializer does for a key that is
//! read as a string: `visit_borrowed_str` when the text holds the key unescaped, else
//! `visit_str`. Keys of the files are strings (field names, ids, names); serde_json would also
//! parse a number, a bool or bytes out of a key, which no file has: such a key is read as its
//! string here.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// Reads a key's text, borrowed from the input when it holds no escape.
pub(super) struct KeyTextSeed;

impl<'de> DeserializeSeed<'de> for KeyTextSeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(KeyTextVisitor)
    }
}

struct KeyTextVisitor;

impl<'de> Visitor<'de> for KeyTextVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(value))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(value))
    }
}

/// A key already read, as the deserializer of the caller's key seed.
pub(super) struct KeyText<'k, 'de, E> {
    key: &'k Cow<'de, str>,
    error: PhantomData<E>,
}

impl<'k, 'de, E> KeyText<'k, 'de, E> {
    pub(super) fn new(key: &'k Cow<'de, str>) -> Self {
        KeyText {
            key,
            error: PhantomData,
        }
    }
}

impl<'de, E: de::Error> Deserializer<'de> for KeyText<'_, 'de, E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        match self.key {
            Cow::Borrowed(key) => visitor.visit_borrowed_str(key),
            Cow::Owned(key) => visitor.visit_str(key),
        }
    }

    /// As serde_json's key: a key is never null.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_some(self)
    }

    /// As serde_json's key: the newtype's value is the key.
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, E> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}
