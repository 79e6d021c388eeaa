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

use super::{is_plain, utf16_order, write_number_parts, write_string, Number};

/// The canonical bytes of `value`, or an error for what only the way through a `Value` takes.
pub(super) fn to_canonical<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut writer = Writer {
        out: Vec::with_capacity(16 * 1024),
        members: Vec::new(),
        scratch: Vec::new(),
    };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

struct Writer {
    out: Vec<u8>,
    /// The members of the objects being written, innermost last.
    members: Vec<Member>,
    /// Where an object's members are put in order.
    scratch: Vec<u8>,
}

/// One member of an object, as byte positions in the output: its key (with its quotes) at
/// `start..key_end`, the member at `start..end`.
#[derive(Clone, Copy)]
struct Member {
    start: usize,
    key_end: usize,
    end: usize,
}

fn unsupported(what: &str) -> Error {
    ser::Error::custom(format!("{what} is written through a Value"))
}

impl Writer {
    fn object_start(&mut self) -> Object<'_> {
        self.out.push(b'{');
        Object {
            body_start: self.out.len(),
            members_start: self.members.len(),
            key_start: 0,
            key_end: 0,
            closes: 1,
            writer: self,
        }
    }

    /// Puts the members of the object whose body starts at `body_start` in JCS order, if they
    /// are not in it already.
    fn order_members(&mut self, body_start: usize, members_start: usize) {
        let out = &self.out;
        let members = self.members.get_mut(members_start..).unwrap_or(&mut []);
        let in_order = members
            .windows(2)
            .all(|pair| key_order(out, &pair[0], &pair[1]) == Ordering::Less);
        if !in_order {
            // Stable: of keys given twice, the last stays last, and is the one kept.
            members.sort_by(|a, b| key_order(out, a, b));
            let scratch = &mut self.scratch;
            scratch.clear();
            for (i, member) in members.iter().enumerate() {
                let repeated = members
                    .get(i + 1)
                    .is_some_and(|next| key_order(out, member, next) == Ordering::Equal);
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

/// JCS order of two keys as written in `out`: by UTF-16 code units of the text they stand for.
fn key_order(out: &[u8], a: &Member, b: &Member) -> Ordering {
    let inner = |m: &Member| {
        out.get(m.start + 1..m.key_end.saturating_sub(1))
            .unwrap_or(&[])
    };
    let (a_key, b_key) = (inner(a), inner(b));
    let unescaped = |key: &[u8]| !key.contains(&b'\\');
    if unescaped(a_key) && unescaped(b_key) {
        if is_plain(a_key) && is_plain(b_key) {
            return a_key.cmp(b_key);
        }
        let text = |bytes| std::str::from_utf8(bytes).unwrap_or("");
        return utf16_order(text(a_key), text(b_key));
    }
    // An escaped key (a quote, a backslash, a control): read back as the text it stands for.
    let read = |m: &Member| {
        let quoted = out.get(m.start..m.key_end).unwrap_or(&[]);
        serde_json::from_slice::<String>(quoted).unwrap_or_default()
    };
    utf16_order(&read(a), &read(b))
}

/// An object being written (a struct, a map, or the inside of a struct variant).
struct Object<'a> {
    writer: &'a mut Writer,
    body_start: usize,
    members_start: usize,
    key_start: usize,
    key_end: usize,
    /// `}` to write at the end: 2 for a struct variant (`{"variant":{...}}`).
    closes: usize,
}

impl Object<'_> {
    fn key(&mut self, write: impl FnOnce(&mut Writer) -> Result<(), Error>) -> Result<(), Error> {
        let out = &mut self.writer.out;
        if out.len() > self.body_start {
            out.push(b',');
        }
        self.key_start = out.len();
        write(self.writer)?;
        self.key_end = self.writer.out.len();
        self.writer.out.push(b':');
        Ok(())
    }

    fn value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)?;
        self.writer.members.push(Member {
            start: self.key_start,
            key_end: self.key_end,
            end: self.writer.out.len(),
        });
        Ok(())
    }

    fn finish(self) -> Result<(), Error> {
        self.writer
            .order_members(self.body_start, self.members_start);
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
        self.key(|writer| {
            write_string(key, &mut writer.out);
            Ok(())
        })?;
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
struct Array<'a> {
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

/// A map key: a string, or what a Value turns into one (an integer, a bool, a unit variant).
struct MapKey<'a>(&'a mut Writer);

impl MapKey<'_> {
    fn text(self, text: &str) -> Result<(), Error> {
        write_string(text, &mut self.0.out);
        Ok(())
    }
}

macro_rules! key_as_text {
    ($($method:ident: $type:ty),*) => {
        $(fn $method(self, v: $type) -> Result<(), Error> {
            self.text(&v.to_string())
        })*
    };
}

macro_rules! key_unsupported {
    ($($method:ident: $type:ty),*) => {
        $(fn $method(self, _: $type) -> Result<(), Error> {
            Err(unsupported("this key"))
        })*
    };
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    key_as_text!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_char: char);
    key_unsupported!(serialize_i128: i128, serialize_u128: u128, serialize_f32: f32,
        serialize_f64: f64, serialize_bytes: &[u8], serialize_unit_struct: &'static str);

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(unsupported("this key"))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(unsupported("this key"))
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(unsupported("this key"))
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.text(variant)
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
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(unsupported("this key"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(unsupported("this key"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(unsupported("this key"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported("this key"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("this key"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported("this key"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(unsupported("this key"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("this key"))
    }
}
