use proptest::prelude::*;
use serde_json::{json, Value};

use super::is_pretty_layout_of;
use crate::export::ResultFile;

/// What `to_json` writes: serde_json's pretty printing and a newline.
fn written(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap() + "\n"
}

fn text() -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        any::<char>(),
        prop::sample::select(vec![
            '\u{0}', '\u{1f}', '"', '\\', '/', '\n', '李', ' ', ',', ':'
        ]),
    ];
    prop::collection::vec(chars, 0..5).prop_map(|chars| chars.into_iter().collect())
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    // Deep enough to pass the levels that are one slice each.
    leaf.prop_recursive(30, 128, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn what_to_json_writes_is_in_the_layout(value in value()) {
        prop_assert!(is_pretty_layout_of(&value, &written(&value)));
    }

    /// Any byte changed, added or taken away, and the text is not the value's layout.
    #[test]
    fn any_other_text_is_not(value in value(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let text = written(&value).into_bytes();
        let at = at.index(text.len() + 1);
        let mut added = text.clone();
        added.insert(at, byte);
        let mut removed = text.clone();
        removed.remove(at.min(text.len() - 1));
        let mut changed = text.clone();
        if let Some(old) = changed.get_mut(at) {
            *old = byte;
        }
        for other in [added, removed, changed] {
            let Ok(other) = String::from_utf8(other) else { continue };
            if other.as_bytes() != text {
                prop_assert!(!is_pretty_layout_of(&value, &other), "{other:?}");
            }
        }
    }
}

#[test]
fn deeper_than_the_slices_and_empty_containers() {
    let mut deep = json!([{}, [], {"a": []}]);
    for level in 0..40 {
        deep = json!({ format!("level {level}"): [deep, level] });
    }
    assert!(is_pretty_layout_of(&deep, &written(&deep)));
    assert!(!is_pretty_layout_of(&deep, written(&deep).trim_end()));
    assert!(!is_pretty_layout_of(&deep, &(written(&deep) + "\n")));
    assert!(!is_pretty_layout_of(
        &deep,
        &written(&deep).replacen("  ", " \t", 1)
    ));
}

#[test]
fn a_signed_file_is_in_its_layout_and_no_longer_with_a_space_more() {
    let text = include_str!("../../../tests/signed/vector.hallcount.json");
    let file: ResultFile = serde_json::from_str(text).unwrap();
    assert_eq!(file.to_json(), text);
    assert!(is_pretty_layout_of(&file, text));
    let spaced = text.replacen(": ", ":  ", 1);
    assert!(!is_pretty_layout_of(&file, &spaced));
}
