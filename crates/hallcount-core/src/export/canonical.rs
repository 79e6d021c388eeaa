//! RFC 8785 (JCS) canonical JSON: the bytes a result's payload is hashed and signed as.
//!
//! Written here rather than taken from `serde_json_canonicalizer`, which reparses every key
//! to sort it and took half of the time of verifying a village file (issue 12). The output is
//! the same byte for byte (a property test compares the two): keys sorted by their UTF-16 code
//! units, no spaces, strings escaped as serde_json does (which is what JCS asks), numbers as
//! ECMAScript prints the double they are.

use serde::Serialize;
use serde_json::Value;

/// What both serializers of this module (a value, a map key) write the same way: a newtype
/// struct as what it wraps, and a unit variant as its name (`serialize_str` then decides).
macro_rules! newtypes_and_unit_variants {
    () => {
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
    };
}

mod map_key;
mod writer;

/// Integers up to 2^53 are doubles exactly, printed as their digits.
const EXACT_INTEGER: u64 = 1 << 53;

/// The canonical bytes of a typed `value`: the same bytes as [`canonical_json`] of
/// `serde_json::to_value(value)`, written straight from `value` where the writer takes every
/// part of it (a result's payload always), through the `Value` otherwise. The page, which signs
/// and checks a file at a time, keeps the one way with the least code: the compact text that
/// also writes its files (`json::to_string_pretty`), read back as a `Value` by the reader of its
/// files, so the payload has one serializer in the wasm, not three.
pub fn canonical_bytes<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    if cfg!(target_arch = "wasm32") {
        return canonical_through_text(value);
    }
    if let Ok(bytes) = writer::to_canonical(value) {
        return Ok(bytes);
    }
    Ok(canonical_json(&serde_json::to_value(value)?))
}

/// [`canonical_bytes`] the page's way: the compact text, read back as a `Value`.
fn canonical_through_text<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    let compact = serde_json::to_string(value)?;
    let value: Value = crate::json::fast(&compact)?;
    Ok(canonical_json(&value))
}

/// The canonical bytes of `value`.
pub fn canonical_json(value: &Value) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    write_value(value, &mut out);
    out
}

fn write_value(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(number) => write_number(number, out),
        Value::String(text) => write_string(text, out),
        Value::Array(items) => {
            out.push(b'[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                write_value(item, out);
            }
            out.push(b']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            crate::order::sort_by(&mut entries, |(a, _), (b, _)| utf16_order(a, b));
            out.push(b'{');
            for (index, (key, item)) in entries.into_iter().enumerate() {
                if index > 0 {
                    out.push(b',');
                }
                write_string(key, out);
                out.push(b':');
                write_value(item, out);
            }
            out.push(b'}');
        }
    }
}

/// JCS sorts keys by UTF-16 code units, which differs from UTF-8 byte order only where a
/// character above U+FFFF meets one from U+E000 to U+FFFF.
fn utf16_order(a: &str, b: &str) -> std::cmp::Ordering {
    if is_plain(a.as_bytes()) && is_plain(b.as_bytes()) {
        a.cmp(b)
    } else {
        a.encode_utf16().cmp(b.encode_utf16())
    }
}

/// UTF-8 with no character from U+E000 up: its byte order is its UTF-16 order.
fn is_plain(utf8: &[u8]) -> bool {
    utf8.iter().all(|&byte| byte < 0xEE)
}

fn write_number(number: &serde_json::Number, out: &mut Vec<u8>) {
    let parts = if let Some(n) = number.as_u64() {
        Number::Unsigned(n)
    } else if let Some(n) = number.as_i64() {
        Number::Signed(n)
    } else {
        // A number read from JSON is always finite.
        Number::Double(number.as_f64().unwrap_or(0.0))
    };
    write_number_parts(parts, out);
}

/// A number as a `serde_json::Number` holds it.
enum Number {
    Unsigned(u64),
    Signed(i64),
    /// Finite.
    Double(f64),
}

fn write_number_parts(number: Number, out: &mut Vec<u8>) {
    let double = match number {
        Number::Unsigned(n) if n <= EXACT_INTEGER => return write_digits(n, out),
        Number::Signed(n) if n.unsigned_abs() <= EXACT_INTEGER => {
            if n < 0 {
                out.push(b'-');
            }
            return write_digits(n.unsigned_abs(), out);
        }
        // Larger integers and fractions: the double, as ECMAScript prints it.
        Number::Unsigned(n) => n as f64,
        Number::Signed(n) => n as f64,
        Number::Double(d) => d,
    };
    out.extend_from_slice(ryu_js::Buffer::new().format_finite(double).as_bytes());
}

/// The decimal digits of `n` (what `{n}` prints, without the formatting machinery).
fn write_digits(mut n: u64, out: &mut Vec<u8>) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[start..]);
}

/// serde_json escapes `"`, `\` and the controls U+0000 to U+001F (`\b \t \n \f \r`, the rest
/// `\u00xx`) and nothing else: exactly RFC 8785's rule.
fn write_string(text: &str, out: &mut Vec<u8>) {
    if text
        .bytes()
        .any(|byte| byte < 0x20 || byte == b'"' || byte == b'\\')
    {
        // Writing to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, text);
    } else {
        // Nothing to escape (ids, names, most text): as it is, between quotes.
        out.reserve(text.len() + 2);
        out.push(b'"');
        out.extend_from_slice(text.as_bytes());
        out.push(b'"');
    }
}

#[cfg(test)]
mod tests;
