//! serde_json's pretty layout (two spaces, `": "`, `{}` and `[]` when empty) made from its compact
//! bytes. The page writes every file through the compact serializer and this one pass, so each
//! type's `Serialize` is compiled once into the wasm instead of once per layout (issue 12);
//! natively serde_json's own pretty printer stays, and a property test holds the two to the
//! same bytes.

use serde::Serialize;
use zeroize::Zeroizing;

/// `serde_json::to_string_pretty(value)`, byte for byte.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    if !cfg!(target_arch = "wasm32") {
        return serde_json::to_string_pretty(value);
    }
    // A key file's seed passes through this text: it is wiped once laid out.
    let compact = Zeroizing::new(serde_json::to_string(value)?);
    Ok(reindent(&compact))
}

/// The pretty layout of `compact`, which is serde_json's compact output (no white space outside
/// strings); any other text is copied with its structure laid out the same way.
pub fn reindent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    // The text since `copied` is copied as it is when the next structural character comes.
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        match byte {
            b'"' => {
                i = string_end(bytes, i + 1);
                continue;
            }
            b'{' | b'[' | b'}' | b']' | b',' | b':' => {}
            _ => {
                i += 1;
                continue;
            }
        }
        out.push_str(&compact[copied..i]);
        let closes = if byte == b'{' { b'}' } else { b']' };
        match byte {
            b'{' | b'[' if bytes.get(i + 1) == Some(&closes) => {
                out.push(byte as char);
                out.push(closes as char);
                i += 1;
            }
            b'{' | b'[' => {
                depth += 1;
                out.push(byte as char);
                new_line(&mut out, depth);
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(byte as char);
            }
            b',' => {
                out.push(',');
                new_line(&mut out, depth);
            }
            _ => out.push_str(": "),
        }
        i += 1;
        copied = i;
    }
    out.push_str(&compact[copied..]);
    out
}

/// The index just past the closing quote of a string whose text starts at `i`.
fn string_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn new_line(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::{json, Value};

    use super::reindent;

    fn pretty_of_compact(value: &Value) -> String {
        reindent(&serde_json::to_string(value).unwrap())
    }

    #[test]
    fn lays_out_as_serde_json_does() {
        let cases = [
            json!({}),
            json!([]),
            json!({"a": {}, "b": [], "c": [{}, []]}),
            json!({"a": [1, 2, {"b": null}], "c": "x"}),
            json!({"key: with, {brackets}": "\"quoted\" [text], {\\}", "中文": "第4村"}),
            json!("a string alone"),
            json!(-12.5),
            json!([[[]], [[1]]]),
        ];
        for value in cases {
            assert_eq!(
                pretty_of_compact(&value),
                serde_json::to_string_pretty(&value).unwrap(),
                "{value}"
            );
        }
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<String>().prop_map(Value::String),
            "[\\[\\]{}:,\"\\\\ a]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec(("[a-z:,{}\\[\\]\"]{0,4}", inner), 0..6)
                    .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_value_is_laid_out_as_serde_json_does(value in any_value()) {
            prop_assert_eq!(
                pretty_of_compact(&value),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }
}
