//! A deserializer wrapper that makes serde_json strict at every level of a file:
//! - a key given twice in one object is an error (serde_json keeps the last one, so a paper
//!   `{"D":"for","D":"blank"}` would silently change a count);
//! - a struct is read from an object only (`deserialize_map`): serde_json also accepts the
//!   positional array form, in which `[]` is a blank paper.
//!
//! Everything else is passed through unchanged, so the errors keep serde_json's line and
//! column. The JSON path of an error is gathered as the error passes back out through the
//! wrappers, each adding its key or index ([`take_error_path`]): nothing is recorded while a file
//! reads well, and no second copy of every reader is compiled (`serde_path_to_error` wrapped
//! each again, a tenth of the app's wasm).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};

/// `D`, strict: see the module documentation.
pub struct Strict<D>(pub D);

/// Forwards `deserialize_*` methods, with their arguments, through `Self::split`.
macro_rules! forward_deserialize {
    ($($method:ident($($arg:ident: $ty:ty),*))*) => {$(
        fn $method<V: Visitor<'de>>(
            self,
            $($arg: $ty,)*
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            let (inner, visitor) = self.split(visitor);
            inner.$method($($arg,)* visitor)
        }
    )*};
}

/// Every `deserialize_*` method but `deserialize_struct`, which the two wrappers treat apart.
macro_rules! forward_deserialize_but_struct {
    () => {
        forward_deserialize!(
            deserialize_any() deserialize_bool() deserialize_i8() deserialize_i16()
            deserialize_i32() deserialize_i64() deserialize_i128() deserialize_u8()
            deserialize_u16() deserialize_u32() deserialize_u64() deserialize_u128()
            deserialize_f32() deserialize_f64() deserialize_char() deserialize_str()
            deserialize_string() deserialize_bytes() deserialize_byte_buf()
            deserialize_option() deserialize_unit() deserialize_seq() deserialize_map()
            deserialize_identifier() deserialize_ignored_any()
            deserialize_unit_struct(name: &'static str)
            deserialize_newtype_struct(name: &'static str)
            deserialize_tuple(len: usize)
            deserialize_tuple_struct(name: &'static str, len: usize)
            deserialize_enum(name: &'static str, variants: &'static [&'static str])
        );
    };
}

/// Forwards `visit_*` methods that take one plain value.
macro_rules! forward_visit {
    ($($method:ident($ty:ty))*) => {$(
        fn $method<E: de::Error>(self, value: $ty) -> Result<Self::Value, E> {
            self.inner.$method(value)
        }
    )*};
}

/// `expecting` and every `visit_*` of one plain value but the three string ones, which the
/// key visitor keeps a copy of.
macro_rules! forward_visit_but_strings {
    () => {
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.inner.expecting(f)
        }

        forward_visit!(
            visit_bool(bool) visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64)
            visit_i128(i128) visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64)
            visit_u128(u128) visit_f32(f32) visit_f64(f64) visit_char(char)
            visit_bytes(&[u8]) visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
        );
    };
}

mod key;
mod object;
mod path;
mod variant;

use object::Map;
pub use path::{clear_error_path, take_error_path};
use path::{push_step, Step};
use variant::Enum;

impl<'de, D: Deserializer<'de>> Strict<D> {
    fn split<V>(self, visitor: V) -> (D, Wrap<V>) {
        (self.0, Wrap { inner: visitor })
    }
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward_deserialize_but_struct!();

    /// Objects only: the array form of a struct is refused.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Wrap { inner: visitor })
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A visitor whose nested values, sequences, maps and enums are read strictly.
struct Wrap<V> {
    inner: V,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;

    forward_visit_but_strings!();
    forward_visit!(visit_str(&str) visit_borrowed_str(&'de str) visit_string(String));

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.inner.visit_some(Strict(d))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.inner.visit_newtype_struct(Strict(d))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.inner.visit_seq(Seq {
            inner: seq,
            next: 0,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.inner.visit_map(Map::new(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.inner.visit_enum(Enum(data))
    }
}

/// A seed whose value is read strictly; an error in it is said to be at the element `index`.
struct IndexSeed<S> {
    inner: S,
    index: usize,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for IndexSeed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let value = self.inner.deserialize(Strict(d));
        if value.is_err() {
            push_step(Step::Index(self.index));
        }
        value
    }
}

struct Seq<A> {
    inner: A,
    next: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        let index = self.next;
        self.next += 1;
        self.inner
            .next_element_seed(IndexSeed { inner: seed, index })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}
