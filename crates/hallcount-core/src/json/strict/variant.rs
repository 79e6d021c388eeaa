//! An enum read strictly: its variant's content goes through the same wrappers.

use std::borrow::Cow;

use serde::de::{DeserializeSeed, Deserializer, EnumAccess, VariantAccess, Visitor};

use super::object::KeepKey;
use super::path::error_at_key;
use super::{Strict, Wrap};

pub(super) struct Enum<A>(pub(super) A);

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
pub(super) struct Variant<'de, A> {
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
