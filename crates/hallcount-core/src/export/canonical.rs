//! RFC 8785 (JCS) canonical JSON: the bytes a result's payload is hashed and signed as.
//!
//! Written here rather than taken from `serde_json_canonicalizer`, which reparses every key
//! to sort it and took half of the time of verifying a village file (issue 12). The output is
//! the same byte for byte (a property test compares the two): keys sorted by their UTF-16 code
//! units, no spaces, strings escaped as serde_json does (which is what JCS asks), numbers as
//! ECMAScript prints the double they are.

use serde_json::Value;

/// Integers up to 2^53 are doubles exactly, printed as their digits.
const EXACT_INTEGER: u64 = 1 << 53;

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
            entries.sort_unstable_by(|(a, _), (b, _)| utf16_order(a, b));
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
    let plain = |s: &str| s.bytes().all(|byte| byte < 0xEE);
    if plain(a) && plain(b) {
        a.cmp(b)
    } else {
        a.encode_utf16().cmp(b.encode_utf16())
    }
}

fn write_number(number: &serde_json::Number, out: &mut Vec<u8>) {
    use std::io::Write as _;
    if let Some(n) = number.as_u64().filter(|n| *n <= EXACT_INTEGER) {
        let _ = write!(out, "{n}");
    } else if let Some(n) = number
        .as_i64()
        .filter(|n| n.unsigned_abs() <= EXACT_INTEGER)
    {
        let _ = write!(out, "{n}");
    } else {
        // Larger integers and fractions: the double, as ECMAScript prints it. A number read
        // from JSON is always finite.
        let double = number.as_f64().unwrap_or(0.0);
        out.extend_from_slice(ryu_js::Buffer::new().format_finite(double).as_bytes());
    }
}

/// serde_json escapes `"`, `\` and the controls U+0000 to U+001F (`\b \t \n \f \r`, the rest
/// `\u00xx`) and nothing else: exactly RFC 8785's rule.
fn write_string(text: &str, out: &mut Vec<u8>) {
    // Writing to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, text);
}

#[cfg(test)]
mod tests;
