//! Issue 10, the reading and checking part: every hostile or broken input of the battery is
//! refused with a message that names the place, or counted exactly; none is silently guessed.

use hallcount_core::{
    check_election, check_papers, parse_ballots, parse_election, tally, LoadError, ProblemKind,
    Status,
};
use serde_json::{json, Value};

mod bounds;
mod fractions;

fn election() -> Value {
    json!({
        "format": "hallcount/election@1",
        "title": "Test", "body": "Body", "place": "Place", "date": "2026-11-25",
        "delegates": { "entitled": 10, "present": 9 },
        "ballots_issued": 9,
        "quorum": { "at_least": "2/3" },
        "contests": [
            { "id": "exec", "office": "執行委員", "seats": 3,
              "candidates": [ { "id": "A", "name": "Ann" }, { "id": "B", "name": "Bea" },
                              { "id": "C", "name": "Cy" }, { "id": "D", "name": "Di" } ],
              "write_ins": { "allowed": true },
              "threshold": { "of": "ballots_cast", "more_than": "1/2" } }
        ]
    })
}

fn election_text(edit: impl FnOnce(&mut Value)) -> String {
    let mut value = election();
    edit(&mut value);
    serde_json::to_string_pretty(&value).unwrap()
}

/// The text of the election with `from` replaced by `to` (for what `Value` cannot hold).
fn election_replacing(from: &str, to: &str) -> String {
    let text = election_text(|_| {});
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

fn ballots(papers: &str) -> String {
    format!("{{\"format\": \"hallcount/ballots@1\",\n\"ballots\": [\n{papers}\n]}}")
}

fn assert_names(error: &LoadError, path: &str, parts: &[&str]) {
    let message = error.to_string();
    assert_eq!(error.path, path, "{message}");
    assert!(error.line > 0 && error.column > 0, "{message}");
    for part in parts {
        assert!(message.contains(part), "{message:?} does not name {part:?}");
    }
}

#[test]
fn a_mark_given_twice_on_a_paper_is_refused_not_the_last_one_kept() {
    let text = ballots(
        r#"{"contests":{"exec":{"marks":{"A":"for","B":"for","C":"for","D":"for","D":"blank"}}}}"#,
    );
    let error = parse_ballots(&text).unwrap_err();
    assert_names(
        &error,
        "ballots[0].contests.exec.marks.D",
        &["duplicate key \"D\"", "line 3"],
    );
}

#[test]
fn a_contest_given_twice_on_a_paper_is_refused() {
    let text = ballots(r#"{"contests":{"exec":{"marks":{"A":"for"}},"exec":{"marks":{}}}}"#);
    let error = parse_ballots(&text).unwrap_err();
    assert_names(
        &error,
        "ballots[0].contests.exec",
        &["duplicate key \"exec\""],
    );
}

#[test]
fn a_key_twice_in_the_definition_is_refused() {
    let text = election_replacing("\"seats\": 3,", "\"seats\": 3, \"seats\": 1,");
    let error = parse_election(&text).unwrap_err();
    assert_names(&error, "contests[0].seats", &["seats"]);
    let text = election_replacing(
        "\"place\": \"Place\",",
        "\"place\": \"Place\", \"place\": \"X\",",
    );
    assert_names(
        &parse_election(&text).unwrap_err(),
        "place",
        &["duplicate key \"place\""],
    );
}

#[test]
fn the_array_forms_of_objects_are_refused() {
    for (papers, path) in [
        ("[]", "ballots[0]"),
        (r#"[{"exec":{"marks":{"A":"for"}}}]"#, "ballots[0]"),
        (
            r#"{"contests":{"exec":[{"A":"for"}]}}"#,
            "ballots[0].contests.exec",
        ),
        (
            r#"{"contests":{"exec":{"write_ins":[["X",true]]}}}"#,
            "ballots[0].contests.exec.write_ins[0]",
        ),
    ] {
        let error = parse_ballots(&ballots(papers)).unwrap_err();
        assert_names(&error, path, &["sequence"]);
    }
    let error = parse_election(&election_replacing(
        "\"delegates\": {\n    \"entitled\": 10,\n    \"present\": 9\n  }",
        "\"delegates\": [10, 9]",
    ))
    .unwrap_err();
    assert_names(&error, "delegates", &["sequence"]);
    let positional = r#"["hallcount/election@1","T","B","P","2026-11-25",{"entitled":1,"present":1},1,null,"issued",1,[]]"#;
    assert!(parse_election(positional).is_err());
}

#[test]
fn impossible_dates_are_problems() {
    for date in ["2017-02-31", "2023-02-29", "2026-04-31"] {
        let text = election_text(|v| v["date"] = json!(date));
        let problems = check_election(&parse_election(&text).unwrap());
        assert!(
            problems
                .iter()
                .any(|p| p.path == "date" && p.to_string().contains(date)),
            "{date}: {problems:?}"
        );
    }
}

#[test]
fn a_bom_is_accepted_and_gbk_or_utf16_are_named() {
    let text = election_text(|_| {});
    let mut with_bom = b"\xef\xbb\xbf".to_vec();
    with_bom.extend_from_slice(text.as_bytes());
    assert!(parse_election(&with_bom).is_ok());

    // "測試村" in GBK as the place.
    let gbk = election_replacing("\"Place\"", "\"PLACEHOLDER\"")
        .into_bytes()
        .split(|&b| b == b'#')
        .next()
        .unwrap()
        .to_vec();
    let gbk = String::from_utf8(gbk)
        .unwrap()
        .replace("PLACEHOLDER", "\u{1}");
    let gbk: Vec<u8> = gbk
        .bytes()
        .flat_map(|b| {
            if b == 1 {
                b"\xb2\xe2\xca\xd4\xb4\xe5".to_vec()
            } else {
                vec![b]
            }
        })
        .collect();
    let message = parse_election(&gbk).unwrap_err().to_string();
    for part in [
        "not UTF-8",
        "byte ",
        "saved as GBK",
        "save it as UTF-8",
        "line ",
    ] {
        assert!(message.contains(part), "{message}");
    }

    let utf16: Vec<u8> = "\u{feff}"
        .encode_utf16()
        .chain(text.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let message = parse_ballots(&utf16).unwrap_err().to_string();
    assert!(
        message.contains("UTF-16") && message.contains("save it as UTF-8"),
        "{message}"
    );
}

#[test]
fn a_valid_paper_still_counts_as_before() {
    let election = parse_election(&election_text(|_| {})).unwrap();
    let papers = parse_ballots(&ballots(
        r#"{"contests":{"exec":{"marks":{"A":"for","B":"for"}}}}"#,
    ))
    .unwrap()
    .ballots;
    assert_eq!(check_papers(&election, &papers), []);
    assert_eq!(tally(&election, &papers).status, Status::Valid);
}
