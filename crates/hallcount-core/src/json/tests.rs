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

/// The path is gathered only on the way out of an error: a read that succeeds gives the same
/// value as the pass without paths, one that fails the same message, line and column, and a
/// path left by an earlier error does not leak into the next one.
#[test]
fn the_tracked_pass_reads_as_the_fast_pass() {
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
        let tracked = tracked::<Outer>(text);
        match (fast::<Outer>(text), &tracked) {
            (Ok(fast), Ok(tracked)) => assert_eq!(&fast, tracked, "{text}"),
            (Err(fast), Err(tracked)) => {
                let fast = json_error(String::new(), fast);
                assert_eq!(
                    (fast.kind, fast.line, fast.column, &fast.message),
                    (tracked.kind, tracked.line, tracked.column, &tracked.message),
                    "{text}"
                );
            }
            (fast, tracked) => panic!("{text}: {fast:?} but {tracked:?}"),
        }
    }
}

/// Paths as `serde_path_to_error` said them (the reader before this one), for each place an
/// error can be: in a value, a key, an element, a variant, or between them.
#[test]
fn an_error_is_named_by_its_path_wherever_it_is() {
    for (text, path) in [
        (r#"{"inner":{"a":"one"}}"#, "inner.a"),
        (r#"{"inner":{},"list":[{},{"a":-1}]}"#, "list[1].a"),
        (r#"{"inner":{},"list":[{},{"z":1}]}"#, "list[1].z"),
        (r#"{"inner":{},"map":{"k":{"x":"1"}}}"#, "map.k.x"),
        (r#"{"inner":{},"list":[{}"#, "list"),
        (r#"{"inner":{"a":1"#, "inner.?"),
        (r#"{"inner":{"a" 1}}"#, "inner"),
        (r#"{"list":[]}"#, ""),
        (r#"{"inner":{},"list":{}}"#, "list"),
        (r#"[]"#, ""),
    ] {
        let error = from_text::<Outer>(text).unwrap_err();
        assert_eq!(error.path, path, "{text}: {error}");
    }
    #[allow(dead_code)] // read only to be refused
    #[derive(Debug, Deserialize)]
    enum Choice {
        Plain,
        Count(u32),
        Pair { a: u32 },
    }
    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    struct Choices {
        choices: Vec<Choice>,
    }
    for (text, path) in [
        (r#"{"choices":["Plain","Other"]}"#, "choices[1]"),
        (r#"{"choices":[{"Count":"x"}]}"#, "choices[0].Count"),
        (
            r#"{"choices":[{"Pair":{"a":1,"a":2}}]}"#,
            "choices[0].Pair.a",
        ),
        (r#"{"choices":[{"Pair":{}}]}"#, "choices[0].Pair"),
    ] {
        let error = from_text::<Choices>(text).unwrap_err();
        assert_eq!(error.path, path, "{text}: {error}");
    }
    let first = from_text::<Outer>(r#"{"inner":{"a":"one"}}"#).unwrap_err();
    assert_eq!(first.path, "inner.a");
    let next = from_text::<Outer>(r#"{"inner":{}} x"#).unwrap_err();
    assert_eq!(next.path, "", "{next}");
}

/// Keys are read once as text (`strict/key.rs`), then shown to each field or map key reader:
/// the value, the message, the line and the column are serde_json's own, escaped or not.
#[test]
fn a_key_reads_as_serde_json_reads_it() {
    for text in [
        r#"{"inn\u0065r":{"\u0061":1},"map":{"k\u0031":{"x":1},"k":{}}}"#,
        r#"{"inner":{"\u0063":1}}"#,
        r#"{"inner":{"c":1}}"#,
        r#"{"inner":{"a\q":1}}"#,
        "{\"inner\":{\"a",
        r#"{"inner":{},"map":{"k":{"x\u00":1}}}"#,
        r#"{"inner":{},"list":[{"b":"x","\u0062x":2}]}"#,
    ] {
        let ours = from_text::<Outer>(text);
        match (serde_json::from_str::<Outer>(text), &ours) {
            (Ok(theirs), Ok(ours)) => assert_eq!(&theirs, ours, "{text}"),
            (Err(theirs), Err(ours)) => {
                let theirs = json_error(String::new(), theirs);
                assert_eq!(
                    (theirs.kind, theirs.line, theirs.column, &theirs.message),
                    (ours.kind, ours.line, ours.column, &ours.message),
                    "{text}"
                );
            }
            (theirs, ours) => panic!("{text}: {theirs:?} but {ours:?}"),
        }
    }
    let escaped = from_text::<Outer>(r#"{"inner":{},"map":{"k\u0031":{"x":1}}}"#).unwrap();
    assert_eq!(escaped.map["k1"]["x"], 1);
    for (text, path) in [
        (r#"{"inner":{"\u0063":1}}"#, "inner.c"),
        (r#"{"inner":{"a\q":1}}"#, "inner.?"),
        (
            r#"{"inner":{},"list":[{"\u0062":"x","b":"y"}]}"#,
            "list[0].b",
        ),
    ] {
        let error = from_text::<Outer>(text).unwrap_err();
        assert_eq!(error.path, path, "{text}: {error}");
    }
}
