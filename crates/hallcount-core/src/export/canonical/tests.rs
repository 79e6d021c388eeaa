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

/// Every serde shape a derive makes, fields out of JCS order, keys of every kind a `Value`
/// turns into a string, and a key given twice (through `flatten`).
mod shapes {
    use std::collections::BTreeMap;

    use serde::Serialize;

    #[derive(Clone, Debug, Serialize)]
    pub struct Outer {
        pub zeta: u64,
        pub alpha: i64,
        #[serde(rename = "\u{e000}")]
        pub private_use: Option<String>,
        #[serde(rename = "\u{1f600}")]
        pub astral: bool,
        #[serde(rename = "a\"b")]
        pub quoted: char,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub skipped: Option<u8>,
        pub shapes: Vec<Shape>,
        pub by_text: BTreeMap<String, Inner>,
        pub by_number: BTreeMap<i32, ()>,
        pub by_variant: BTreeMap<Key, (u8, f64)>,
        #[serde(flatten)]
        pub flat: BTreeMap<String, u16>,
        pub zeta_again: Id,
    }

    #[derive(Clone, Debug, Serialize)]
    pub struct Inner {
        pub y: Vec<i16>,
        pub x: Unit,
    }

    #[derive(Clone, Debug, Serialize)]
    pub struct Unit;

    #[derive(Clone, Debug, Serialize)]
    pub struct Id(pub String);

    #[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
    #[serde(rename_all = "snake_case")]
    pub enum Key {
        First,
        SecondOne,
    }

    #[derive(Clone, Debug, Serialize)]
    pub enum Shape {
        Plain,
        Newtype(u32),
        Tuple(i8, String),
        Struct { b: bool, a: Option<u64> },
    }
}

fn shape() -> impl Strategy<Value = shapes::Shape> {
    use shapes::Shape;
    prop_oneof![
        Just(Shape::Plain),
        any::<u32>().prop_map(Shape::Newtype),
        (any::<i8>(), text()).prop_map(|(n, t)| Shape::Tuple(n, t)),
        (any::<bool>(), any::<Option<u64>>()).prop_map(|(b, a)| Shape::Struct { b, a }),
    ]
}

fn outer() -> impl Strategy<Value = shapes::Outer> {
    use shapes::{Id, Inner, Key, Outer, Unit};
    let inner = prop::collection::vec(any::<i16>(), 0..3).prop_map(|y| Inner { y, x: Unit });
    let key = prop_oneof![Just(Key::First), Just(Key::SecondOne)];
    let double = any::<f64>();
    (
        (
            any::<u64>(),
            any::<i64>(),
            any::<Option<String>>(),
            any::<bool>(),
            any::<char>(),
        ),
        prop::collection::vec(shape(), 0..4),
        prop::collection::btree_map(text(), inner, 0..4),
        prop::collection::btree_map(any::<i32>(), Just(()), 0..3),
        prop::collection::btree_map(key, (any::<u8>(), double), 0..2),
        // "alpha" and "zeta" are also fields: given twice, as a Value would keep the last.
        prop::collection::btree_map(
            prop_oneof![text(), Just("alpha".to_string())],
            any::<u16>(),
            0..3,
        ),
        text(),
    )
        .prop_map(
            |(
                (zeta, alpha, private_use, astral, quoted),
                shapes,
                by_text,
                by_number,
                by_variant,
                flat,
                id,
            )| Outer {
                zeta,
                alpha,
                private_use,
                astral,
                quoted,
                skipped: None,
                shapes,
                by_text,
                by_number,
                by_variant,
                flat,
                zeta_again: Id(id),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// The writer takes every `Value` and writes what `canonical_json` does.
    #[test]
    fn the_writer_writes_a_value_as_canonical_json_does(value in value()) {
        let written = super::writer::to_canonical(&value).expect("a Value is written");
        prop_assert_eq!(written, canonical_json(&value));
    }

    /// A typed value is written as its `Value` would be.
    #[test]
    fn the_writer_writes_typed_values_as_their_value(outer in outer()) {
        let through_value = canonical_json(&serde_json::to_value(&outer).unwrap());
        let written = super::writer::to_canonical(&outer).expect("every shape is written");
        prop_assert_eq!(written, through_value);
    }
}

#[test]
fn a_signed_payload_is_written_as_its_value() {
    let file: crate::export::ResultFile =
        serde_json::from_str(include_str!("../../../tests/signed/vector.hallcount.json")).unwrap();
    let through_value = canonical_json(&serde_json::to_value(&file.payload).unwrap());
    let written = super::writer::to_canonical(&file.payload).expect("a payload is written");
    assert_eq!(written, through_value);
    assert_eq!(file.payload.canonical_bytes(), through_value);
    let through_text = super::canonical_through_text(&file.payload).expect("read back");
    assert_eq!(through_text, through_value, "the page's way");
}

#[test]
fn what_the_writer_does_not_take_goes_through_a_value() {
    let value = (u128::from(u64::MAX), 2.5f32);
    assert!(super::writer::to_canonical(&value).is_err());
    assert_eq!(
        super::canonical_bytes(&value).unwrap(),
        canonical_json(&serde_json::to_value(value).unwrap())
    );
}
