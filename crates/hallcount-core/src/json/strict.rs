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

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::fmt::Write as _;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

/// `D`, strict: see the module documentation.
pub struct Strict<D>(pub D);

/// Where in the file an error is, one step of the JSON path.
enum Step {
    Index(usize),
    Key(String),
    /// A key or variant that was not a string (never in JSON; said as `?`).
    Unknown,
}

thread_local! {
    /// The steps of the error being returned, innermost first, added as it passes each level.
    static ERROR_PATH: RefCell<Vec<Step>> = const { RefCell::new(Vec::new()) };
}

fn error_at<E>(step: Step, error: E) -> E {
    ERROR_PATH.with(|path| path.borrow_mut().push(step));
    error
}

fn error_at_key<E>(key: Option<&Cow<'_, str>>, error: E) -> E {
    let step = key.map_or(Step::Unknown, |key| Step::Key(key.clone().into_owned()));
    error_at(step, error)
}

/// Forgets any path left by an earlier read on this thread: call before reading with [`Strict`].
pub fn clear_error_path() {
    ERROR_PATH.with(|path| path.borrow_mut().clear());
}

/// The JSON path of the error the last read with [`Strict`] returned, as `a.b[2].c` (empty at
/// the top level), and forgets it.
pub fn take_error_path() -> String {
    let steps = ERROR_PATH.with(|path| std::mem::take(&mut *path.borrow_mut()));
    let mut text = String::new();
    for step in steps.iter().rev() {
        match step {
            Step::Index(index) => {
                let _ = write!(text, "[{index}]");
            }
            Step::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Step::Unknown => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push('?');
            }
        }
    }
    text
}

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
        self.inner.visit_map(Map {
            inner: map,
            seen: Seen::Few(Vec::new()),
            key: None,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.inner.visit_enum(Enum(data))
    }
}

/// A seed whose value is read strictly; an error in it is said to be at `at`.
struct Seed<'de, S> {
    inner: S,
    at: At<'de>,
}

/// Where a value read by a [`Seed`] is in its parent.
enum At<'de> {
    Index(usize),
    Key(Option<Cow<'de, str>>),
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'de, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let at = self.at;
        self.inner.deserialize(Strict(d)).map_err(|error| match at {
            At::Index(index) => error_at(Step::Index(index), error),
            At::Key(key) => error_at_key(key.as_ref(), error),
        })
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
        let at = At::Index(self.next);
        self.next += 1;
        self.inner.next_element_seed(Seed { inner: seed, at })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// An object's entries, with the keys seen so far: a key seen again is an error. `key` is the
/// key of the value read next, for the path of an error in it.
struct Map<'de, A> {
    inner: A,
    seen: Seen<'de>,
    key: Option<Cow<'de, str>>,
}

/// The keys of one object: a short list for the few keys of a struct (no hashing, and no copy
/// of a key that the text holds unescaped), a hash set once there are many (a paper's marks),
/// so that the check stays linear. SipHash: the keys come from the file.
enum Seen<'de> {
    Few(Vec<Cow<'de, str>>),
    Many(HashSet<Cow<'de, str>>),
}

impl<'de> Seen<'de> {
    const FEW: usize = 16;

    /// Marks `key` seen, or gives it back when it was seen before.
    fn insert(&mut self, key: Cow<'de, str>) -> Result<(), Cow<'de, str>> {
        match self {
            Seen::Few(keys) if keys.contains(&key) => return Err(key),
            Seen::Few(keys) if keys.len() < Self::FEW => keys.push(key),
            Seen::Few(keys) => {
                let mut set: HashSet<Cow<'de, str>> = keys.drain(..).collect();
                set.insert(key);
                *self = Seen::Many(set);
            }
            Seen::Many(set) if set.contains(&key) => return Err(key),
            Seen::Many(set) => {
                set.insert(key);
            }
        }
        Ok(())
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let mut key = None;
        let value = self
            .inner
            .next_key_seed(KeepKey {
                inner: seed,
                key: &mut key,
            })
            .map_err(|error| error_at_key(key.as_ref(), error))?;
        if let Some(key) = &key {
            if let Err(key) = self.seen.insert(key.clone()) {
                let error = de::Error::custom(format_args!(
                    "duplicate key \"{}\": a key may be given only once",
                    crate::visible(&key)
                ));
                return Err(error_at(Step::Key(key.into_owned()), error));
            }
        }
        self.key = key;
        Ok(value)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        let at = At::Key(self.key.take());
        self.inner.next_value_seed(Seed { inner: seed, at })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A key on its way through, its text kept in `key`: the same wrapper is the seed that reads
/// it (around the caller's seed), the deserializer the seed is given, and the visitor that
/// deserializer calls (around the caller's visitor, JSON keys being strings).
struct KeepKey<'k, 'de, T> {
    inner: T,
    key: &'k mut Option<Cow<'de, str>>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeepKey<'_, 'de, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(KeepKey {
            inner: d,
            key: self.key,
        })
    }
}

impl<'k, 'de, D: Deserializer<'de>> KeepKey<'k, 'de, D> {
    fn split<V>(self, visitor: V) -> (D, KeepKey<'k, 'de, V>) {
        (
            self.inner,
            KeepKey {
                inner: visitor,
                key: self.key,
            },
        )
    }
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeepKey<'_, 'de, D> {
    type Error = D::Error;

    forward_deserialize_but_struct!();
    forward_deserialize!(deserialize_struct(name: &'static str, fields: &'static [&'static str]));

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeepKey<'_, 'de, V> {
    type Value = V::Value;

    forward_visit_but_strings!();

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        *self.key = Some(Cow::Owned(value.to_owned()));
        self.inner.visit_str(value)
    }

    /// A key the text holds as it is (no escape): kept without a copy.
    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        *self.key = Some(Cow::Borrowed(value));
        self.inner.visit_borrowed_str(value)
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        *self.key = Some(Cow::Owned(value.clone()));
        self.inner.visit_string(value)
    }
}

struct Enum<A>(A);

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Enum<A> {
    type Error = A::Error;
    type Variant = Variant<'de, A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Self::Variant), A::Error> {
        let mut name = None;
        let (value, variant) = self.0.variant_seed(KeepKey {
            inner: seed,
            key: &mut name,
        })?;
        let variant = Variant {
            inner: variant,
            name,
        };
        Ok((value, variant))
    }
}

/// A variant's value, with the variant's name for the path of an error in it.
struct Variant<'de, A> {
    inner: A,
    name: Option<Cow<'de, str>>,
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Variant<'de, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        let name = self.name;
        self.inner
            .unit_variant()
            .map_err(|error| error_at_key(name.as_ref(), error))
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, A::Error> {
        let name = self.name;
        self.inner
            .newtype_variant_seed(StrictSeed(seed))
            .map_err(|error| error_at_key(name.as_ref(), error))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let name = self.name;
        self.inner
            .tuple_variant(len, Wrap { inner: visitor })
            .map_err(|error| error_at_key(name.as_ref(), error))
    }

    /// Objects only, as for structs: the variant's value is read as a map.
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let name = self.name;
        self.inner
            .newtype_variant_seed(MapSeed(visitor))
            .map_err(|error| error_at_key(name.as_ref(), error))
    }
}

/// A seed whose value is read strictly, at no step of its own (a variant's value: the variant
/// names it).
struct StrictSeed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for StrictSeed<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(d))
    }
}

/// Reads a value as an object with the given visitor.
struct MapSeed<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for MapSeed<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        d.deserialize_map(Wrap { inner: self.0 })
    }
}
