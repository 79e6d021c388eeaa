use std::collections::BTreeMap;

use serde::Deserialize;

use super::*;

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Outer {
    inner: Inner,
    #[serde(default)]
    map: BTreeMap<String, BTreeMap<String, u32>>,
    #[serde(default)]
    list: Vec<Inner>,
}

#[derive(Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Inner {
    #[serde(default)]
    a: u32,
    #[serde(default)]
    b: Option<String>,
}

#[test]
fn a_well_formed_object_reads_as_before() {
    let outer: Outer =
        from_text(r#"{"inner":{"a":1,"b":"x"},"map":{"k":{"x":1,"y":2}},"list":[{}]}"#).unwrap();
    assert_eq!(outer.inner.a, 1);
    assert_eq!(outer.map["k"]["y"], 2);
    assert_eq!(outer.list, [Inner::default()]);
}

#[test]
fn a_key_twice_is_refused_at_every_level_with_its_path_line_and_column() {
    for (text, path, key, line) in [
        ("{\"inner\":{},\n\"inner\":{}}", "inner", "inner", 2),
        ("{\"inner\":{\"a\":1,\n \"a\":2}}", "inner.a", "a", 2),
        (
            "{\"inner\":{},\"map\":{\"k\":{\"x\":1,\n\n\"x\":2}}}",
            "map.k.x",
            "x",
            3,
        ),
        (
            "{\"inner\":{},\"map\":{\"k\":{},\"k\":{}}}",
            "map.k",
            "k",
            1,
        ),
        (
            "{\"inner\":{},\"list\":[{},{\"b\":\"1\",\"b\":\"2\"}]}",
            "list[1].b",
            "b",
            1,
        ),
    ] {
        let error = from_text::<Outer>(text).unwrap_err();
        assert_eq!(error.path, path, "{text}: {error}");
        assert_eq!(error.line, line, "{text}: {error}");
        assert!(error.column > 0, "{text}: {error}");
        assert!(
            error.message.contains(&format!("duplicate key \"{key}\"")),
            "{text}: {error}"
        );
    }
}

#[test]
fn the_array_form_of_a_struct_is_refused() {
    for (text, path) in [
        ("[{}]", ""),
        ("{\"inner\":[]}", "inner"),
        ("{\"inner\":[1,\"x\"]}", "inner"),
        ("{\"inner\":{},\"list\":[[]]}", "list[0]"),
    ] {
        let error = from_text::<Outer>(text).unwrap_err();
        assert_eq!(error.path, path, "{text}: {error}");
        assert!(error.message.contains("expected"), "{text}: {error}");
        assert!(error.message.contains("sequence"), "{text}: {error}");
    }
}

#[test]
fn an_unknown_key_is_named_with_the_expected_ones() {
    let error = from_text::<Outer>("{\"inner\":{\"c\":1}}").unwrap_err();
    assert_eq!(error.path, "inner.c");
    assert!(error.message.contains("`c`"), "{error}");
    assert!(error.message.contains("expected `a` or `b`"), "{error}");
}

#[test]
fn bytes_are_decoded_first_a_bom_is_skipped() {
    let outer: Outer = from_bytes(b"\xef\xbb\xbf{\"inner\":{}}").unwrap();
    assert_eq!(outer.inner, Inner::default());
    let error = from_bytes::<Outer>(b"{\"inner\":{\"b\":\"\xff\"}}").unwrap_err();
    assert!(error.message.contains("not UTF-8"), "{error}");
}

#[test]
fn trailing_text_is_refused() {
    let error = from_text::<Outer>("{\"inner\":{}} x").unwrap_err();
    assert!(error.message.contains("trailing"), "{error}");
}

/// The wasm app reads in one tracked pass, the CLI in a fast pass and a tracked one on error:
/// both must give the same value or the same error, path, line and column.
#[test]
fn one_tracked_pass_reads_as_the_fast_pass_and_its_located_error() {
    for text in [
        r#"{"inner":{"a":1,"b":"x"},"map":{"k":{"x":1}},"list":[{}]}"#,
        r#"{"inner":{"a":1}} "#,
        r#"{"inner":{"a":1}} x"#,
        "{\"inner\":{\"a\":\"one\"}}",
        "{\"inner\":{},\n\"list\":[{},{\"b\":\"1\",\"b\":\"2\"}]}",
        r#"{"inner":[1,"x"]}"#,
        r#"{"inner":{},"other":1}"#,
        r#"{"inner":{"a":1"#,
        "",
    ] {
        let two_passes = fast::<Outer>(text).map_err(|_| located_error::<Outer>(text));
        assert_eq!(two_passes, tracked::<Outer>(text), "{text}");
    }
}
