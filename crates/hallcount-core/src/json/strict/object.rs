//! An object read strictly: no key twice, and the key of each value kept for the path of an error.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::key::{KeyText, KeyTextSeed};
use super::path::{error_at_key, push_key, push_step, Step};
use super::Strict;

/// An object's entries, with the keys seen so far: a key seen again is an error. `key` is the
/// key of the value read next, for the path of an error in it.
pub(super) struct Map<'de, A> {
    inner: A,
    seen: Seen<'de>,
    key: Option<Cow<'de, str>>,
}

impl<A> Map<'_, A> {
    pub(super) fn new(inner: A) -> Self {
        Map {
            inner,
            seen: Seen::Few(Vec::new()),
            key: None,
        }
    }
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

impl<'de, A: MapAccess<'de>> Map<'de, A> {
    /// The next key's text, read by the one copy of this code (see `key.rs`); an error in it
    /// (a bad escape, the end of the text) is at the key `?`.
    #[inline(never)]
    fn next_key_text(&mut self) -> Result<Option<Cow<'de, str>>, A::Error> {
        self.inner
            .next_key_seed(KeyTextSeed)
            .inspect_err(|_| push_step(Step::Unknown))
    }

    /// Keeps `key` for the path of an error in its value, or refuses it when it was seen
    /// before. Generic over the map only, so one copy serves the reader of every type.
    #[inline(never)]
    fn remember(&mut self, key: Option<Cow<'de, str>>) -> Result<(), A::Error> {
        if let Some(key) = &key {
            if let Err(key) = self.seen.insert(key.clone()) {
                let error = de::Error::custom(format_args!(
                    "duplicate key \"{}\": a key may be given only once",
                    crate::visible(&key)
                ));
                push_step(Step::Key(key.into_owned()));
                return Err(error);
            }
        }
        self.key = key;
        Ok(())
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(key) = self.next_key_text()? else {
            return Ok(None);
        };
        let value = seed
            .deserialize(KeyText::new(&key))
            .map_err(|error| error_at_key(Some(&key), error))?;
        self.remember(Some(key))?;
        Ok(Some(value))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        let seed = KeySeed {
            inner: seed,
            key: &self.key,
        };
        self.inner.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A seed whose value is read strictly; an error in it is said to be at `key`.
struct KeySeed<'k, 'de, S> {
    inner: S,
    key: &'k Option<Cow<'de, str>>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, 'de, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let value = self.inner.deserialize(Strict(d));
        if value.is_err() {
            push_key(self.key.as_ref());
        }
        value
    }
}

/// A key on its way through, its text kept in `key`: the same wrapper is the seed that reads
/// it (around the caller's seed), the deserializer the seed is given, and the visitor that
/// deserializer calls (around the caller's visitor, JSON keys being strings).
pub(super) struct KeepKey<'k, 'de, T> {
    pub(super) inner: T,
    pub(super) key: &'k mut Option<Cow<'de, str>>,
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
        keep_copy(self.key, value);
        self.inner.visit_str(value)
    }

    /// A key the text holds as it is (no escape): kept without a copy.
    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        *self.key = Some(Cow::Borrowed(value));
        self.inner.visit_borrowed_str(value)
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        keep_copy(self.key, &value);
        self.inner.visit_string(value)
    }
}

/// Keeps a copy of a key the text holds escaped: one copy of this code for every key visitor.
#[inline(never)]
fn keep_copy<'de>(key: &mut Option<Cow<'de, str>>, value: &str) {
    *key = Some(Cow::Owned(value.to_owned()));
}
