//! RFC 8785 (JCS) written straight from a typed value, as a serde `Serializer`: the payload of a
//! result is hashed and signed without first being built as a `serde_json::Value` (a tree of maps
//! and strings that took a third of the time of verifying a village file, issue 12).
//!
//! Members are written in the order they come; at the end of an object whose keys were not in
//! JCS order, its members (byte ranges of the output) are put in order, a key given twice keeping
//! its last value, as a map would. What this writer does not take (128-bit integers, `f32`,
//! bytes, keys that are not strings or integers) is an error, and [`super::canonical_bytes`]
//! then takes the way through a `Value`: the bytes are always those of `canonical_json`.

use std::cmp::Ordering;

use serde::ser::{self, Serialize};
use serde_json::Error;

use super::map_key::MapKey;
use super::{is_plain, utf16_order, write_number_parts, write_string, Number};

/// The canonical bytes of `value`, or an error for what only the way through a `Value` takes.
pub(super) fn to_canonical<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut writer = Writer {
        out: Vec::with_capacity(16 * 1024),
        members: Vec::new(),
        keys: String::new(),
        scratch: Vec::new(),
    };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

pub(super) struct Writer {
    pub(super) out: Vec<u8>,
    /// The members of the objects being written, innermost last.
    members: Vec<Member>,
    /// Their keys as text (not escaped), which is what they are ordered by.
    pub(super) keys: String,
    /// Where an object's members are put in order.
    scratch: Vec<u8>,
}

/// One member of an object: its key at `key` in `Writer::keys`, the member (key and value, as
/// written) at `start..end` in the output.
#[derive(Clone, Copy)]
struct Member {
    key: (usize, usize),
    /// The key has no character from U+E000 up: its bytes are in UTF-16 order.
    plain: bool,
    start: usize,
    end: usize,
}

pub(super) fn unsupported(what: &str) -> Error {
    ser::Error::custom(format!("{what} is written through a Value"))
}

impl Writer {
    fn object_start(&mut self) -> Object<'_> {
        self.out.push(b'{');
        Object {
            body_start: self.out.len(),
            members_start: self.members.len(),
            keys_start: self.keys.len(),
            member_start: 0,
            key: (0, 0),
            closes: 1,
            writer: self,
        }
    }

    /// Puts the members of the object whose body starts at `body_start` in JCS order, if they
    /// are not in it already.
    fn order_members(&mut self, body_start: usize, members_start: usize) {
        let (out, keys) = (&self.out, self.keys.as_str());
        let members = self.members.get_mut(members_start..).unwrap_or(&mut []);
        let in_order = members
            .windows(2)
            .all(|pair| key_order(keys, &pair[0], &pair[1]) == Ordering::Less);
        if !in_order {
            // Stable: of keys given twice, the last stays last, and is the one kept.
            members.sort_by(|a, b| key_order(keys, a, b));
            let scratch = &mut self.scratch;
            scratch.clear();
            for (i, member) in members.iter().enumerate() {
                let repeated = members
                    .get(i + 1)
                    .is_some_and(|next| key_order(keys, member, next) == Ordering::Equal);
                if repeated {
                    continue;
                }
                if !scratch.is_empty() {
                    scratch.push(b',');
                }
                scratch.extend_from_slice(out.get(member.start..member.end).unwrap_or(&[]));
            }
            self.out.truncate(body_start);
            self.out.extend_from_slice(&self.scratch);
        }
        self.members.truncate(members_start);
    }

    fn variant_key(&mut self, variant: &str) {
        self.out.push(b'{');
        write_string(variant, &mut self.out);
        self.out.push(b':');
    }
}

/// JCS order of two members: by the UTF-16 code units of their keys.
fn key_order(keys: &str, a: &Member, b: &Member) -> Ordering {
    let key = |m: &Member| keys.get(m.key.0..m.key.1).unwrap_or("");
    if a.plain && b.plain {
        key(a).as_bytes().cmp(key(b).as_bytes())
    } else {
        utf16_order(key(a), key(b))
    }
}

/// An object being written (a struct, a map, or the inside of a struct variant).
pub(super) struct Object<'a> {
    writer: &'a mut Writer,
    body_start: usize,
    members_start: usize,
    keys_start: usize,
    /// Where the member being written starts in the output, and its key in `Writer::keys`.
    member_start: usize,
    key: (usize, usize),
    /// `}` to write at the end: 2 for a struct variant (`{"variant":{...}}`).
    closes: usize,
}

impl Object<'_> {
    /// Writes a key with `write`, which writes it to the output and its text to the keys.
    fn key(&mut self, write: impl FnOnce(&mut Writer) -> Result<(), Error>) -> Result<(), Error> {
        let out = &mut self.writer.out;
        if out.len() > self.body_start {
            out.push(b',');
        }
        self.member_start = out.len();
        let key_start = self.writer.keys.len();
        write(self.writer)?;
        self.key = (key_start, self.writer.keys.len());
        self.writer.out.push(b':');
        Ok(())
    }

    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)?;
        let key = self.writer.keys.get(self.key.0..self.key.1).unwrap_or("");
        self.writer.members.push(Member {
            key: self.key,
            plain: is_plain(key.as_bytes()),
            start: self.member_start,
            end: self.writer.out.len(),
        });
        Ok(())
    }

    fn finish(self) -> Result<(), Error> {
        self.writer
            .order_members(self.body_start, self.members_start);
        self.writer.keys.truncate(self.keys_start);
        for _ in 0..self.closes {
            self.writer.out.push(b'}');
        }
        Ok(())
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key(|writer| key.serialize(MapKey(writer)))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.value(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.key(|writer| MapKey(writer).text(key))?;
        self.value(value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.finish()
    }
}

/// An array being written; `closes` as for [`Object`] (`]` then `}` for a tuple variant).
pub(super) struct Array<'a> {
    writer: &'a mut Writer,
    first: bool,
    variant: bool,
}

impl Array<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if !std::mem::take(&mut self.first) {
            self.writer.out.push(b',');
        }
        value.serialize(&mut *self.writer)
    }

    fn finish(self) -> Result<(), Error> {
        self.writer.out.push(b']');
        if self.variant {
            self.writer.out.push(b'}');
        }
        Ok(())
    }
}

macro_rules! array_impl {
    ($trait:ident, $method:ident) => {
        impl ser::$trait for Array<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.finish()
            }
        }
    };
}
array_impl!(SerializeSeq, serialize_element);
array_impl!(SerializeTuple, serialize_element);
array_impl!(SerializeTupleStruct, serialize_field);
array_impl!(SerializeTupleVariant, serialize_field);

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Array<'a>;
    type SerializeTuple = Array<'a>;
    type SerializeTupleStruct = Array<'a>;
    type SerializeTupleVariant = Array<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        write_number_parts(Number::Signed(v), &mut self.out);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        write_number_parts(Number::Unsigned(v), &mut self.out);
        Ok(())
    }
    fn serialize_i128(self, _: i128) -> Result<(), Error> {
        Err(unsupported("i128"))
    }
    fn serialize_u128(self, _: u128) -> Result<(), Error> {
        Err(unsupported("u128"))
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(unsupported("f32"))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        // As a Value holds it: a number when finite, else null.
        if v.is_finite() {
            write_number_parts(Number::Double(v), &mut self.out);
        } else {
            self.out.extend_from_slice(b"null");
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_string(v.encode_utf8(&mut [0; 4]), &mut self.out);
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_string(v, &mut self.out);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant_key(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Array<'a>, Error> {
        self.out.push(b'[');
        Ok(Array {
            writer: self,
            first: true,
            variant: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Array<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Array<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Array<'a>, Error> {
        self.variant_key(variant);
        self.out.push(b'[');
        Ok(Array {
            writer: self,
            first: true,
            variant: true,
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Object<'a>, Error> {
        Ok(self.object_start())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Object<'a>, Error> {
        Ok(self.object_start())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Object<'a>, Error> {
        self.variant_key(variant);
        let mut object = self.object_start();
        object.closes = 2;
        Ok(object)
    }
}
