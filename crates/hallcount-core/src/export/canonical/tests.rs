use proptest::prelude::*;
use serde_json::{json, Value};

use super::canonical_json;

/// The reference implementation the signatures were made with before.
fn reference(value: &Value) -> Vec<u8> {
    serde_json_canonicalizer::to_vec(value).expect("no non-finite numbers in a Value")
}

/// Text with what makes canonical JSON hard: controls, quotes, backslashes, solidus, Chinese,
/// U+E000..U+FFFF (private use, U+FFFF) and characters above U+FFFF (surrogate pairs in UTF-16).
fn text() -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        any::<char>(),
        prop::sample::select(vec![
            '\u{0}',
            '\u{1f}',
            '\u{7f}',
            '"',
            '\\',
            '/',
            '\n',
            '\t',
            '\u{2028}',
            '李',
            '\u{e000}',
            '\u{ffff}',
            '\u{fffd}',
            '\u{10000}',
            '\u{1f600}',
            'a',
            'A',
            '_',
        ]),
    ];
    prop::collection::vec(chars, 0..6).prop_map(|chars| chars.into_iter().collect())
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (0u64..=(1 << 54)).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_same_bytes_as_the_reference_implementation(value in value()) {
        prop_assert_eq!(canonical_json(&value), reference(&value));
    }
}

#[test]
fn keys_sort_by_utf16_code_units_and_numbers_print_as_doubles() {
    // U+1F600 is D83D DE00 in UTF-16: before U+E000, although after it in UTF-8.
    let value = json!({ "\u{e000}": 1, "\u{1f600}": 2, "b": [9007199254740993u64, -0, 1.5e21, 0.1], "a": "\u{1}\"/" });
    let expected = "{\"a\":\"\\u0001\\\"/\",\"b\":[9007199254740992,0,1.5e+21,0.1],\"\u{1f600}\":2,\"\u{e000}\":1}";
    assert_eq!(String::from_utf8(canonical_json(&value)).unwrap(), expected);
    assert_eq!(canonical_json(&value), reference(&value));
}
