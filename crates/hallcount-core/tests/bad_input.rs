//! Bad input, one test per kind of error: each message must name the place (JSON path, and for
//! files that cannot be read, the line and column; for papers, the paper's number).

use hallcount_core::{
    check_election, check_paper, parse_ballots, parse_election, Election, LoadError, LoadErrorKind,
    Paper, ProblemKind,
};
use serde_json::{json, Value};

fn good_election() -> Value {
    json!({
        "format": "hallcount/election@1",
        "title": "Test", "body": "Body", "place": "Place", "date": "2026-11-25",
        "delegates": { "entitled": 10, "present": 9 },
        "ballots_issued": 9,
        "quorum": { "at_least": "2/3" },
        "contests": [
            { "id": "chair", "office": "主席", "seats": 1,
              "candidates": [ { "id": "M", "name": "王秀英" } ],
              "threshold": { "of": "present", "more_than": "1/2" } },
            { "id": "exec", "office": "執行委員", "seats": 2,
              "candidates": [ { "id": "A", "name": "Ann" }, { "id": "B", "name": "Bea" } ],
              "write_ins": { "allowed": true, "need_mark": true },
              "threshold": { "of": "ballots_cast", "more_than": "1/2" },
              "shortfall": { "rule": "another_round", "extra": 1,
                             "floor": { "of": "ballots_cast", "at_least": "1/3" } } }
        ]
    })
}

/// Pretty-printed, so line numbers mean something.
fn load_error(value: &Value) -> LoadError {
    parse_election(&serde_json::to_string_pretty(value).unwrap()).expect_err("refused")
}

fn election_with(edit: impl FnOnce(&mut Value)) -> Election {
    let mut value = good_election();
    edit(&mut value);
    parse_election(&value.to_string()).expect("readable")
}

fn assert_names(error: &impl std::fmt::Display, parts: &[&str]) {
    let message = error.to_string();
    for part in parts {
        assert!(message.contains(part), "{message:?} does not name {part:?}");
    }
}

#[test]
fn the_good_election_has_no_problem() {
    assert_eq!(check_election(&election_with(|_| {})), vec![]);
}

#[test]
fn not_json_names_line_and_column() {
    let error =
        parse_election("{\n  \"format\": \"hallcount/election@1\",\n  \"title\": }").unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Syntax);
    assert_eq!((error.line, error.column), (3, 12));
    assert_names(&error, &["line 3, column 12"]);
}

#[test]
fn cut_short_file_is_a_syntax_error() {
    let text = serde_json::to_string_pretty(&good_election()).unwrap();
    let error = parse_election(&text[..text.len() / 2]).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Syntax);
    assert!(error.line > 1, "{error}");
}

#[test]
fn unknown_version_is_refused() {
    let mut value = good_election();
    value["format"] = json!("hallcount/election@2");
    // A later version may have fields this reader does not know: the version is still the message.
    value["new_field"] = json!(true);
    let text = serde_json::to_string_pretty(&value).unwrap();
    let error = parse_election(&text).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Format);
    assert_names(
        &error,
        &[
            "format:",
            "hallcount/election@2",
            "hallcount/election@1",
            "line ",
        ],
    );
    let line = text.lines().nth(error.line - 1).unwrap();
    assert_eq!(line.chars().nth(error.column - 1), Some('"'), "{line}");
    assert!(line.contains("\"format\""), "{line}");
}

#[test]
fn unknown_format_is_refused() {
    let error = parse_ballots("{\"format\": \"votes/v9\", \"ballots\": []}").unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Format);
    assert_names(
        &error,
        &[
            "format:",
            "unknown format \"votes/v9\"",
            "hallcount/ballots@1",
        ],
    );
}

#[test]
fn a_file_of_another_kind_is_named() {
    let error = parse_ballots(&good_election().to_string()).unwrap_err();
    assert_names(
        &error,
        &[
            "this is a \"hallcount/election@1\" file",
            "expected \"hallcount/ballots@1\"",
        ],
    );
}

#[test]
fn missing_format_is_refused() {
    let mut value = good_election();
    value.as_object_mut().unwrap().remove("format");
    let error = load_error(&value);
    assert_eq!(error.kind, LoadErrorKind::Format);
    assert_names(&error, &["format: missing"]);
}

#[test]
fn unknown_field_names_its_path() {
    let mut value = good_election();
    value["contests"][1]["seets"] = json!(2);
    let error = load_error(&value);
    assert_eq!(error.kind, LoadErrorKind::Shape);
    assert_eq!(error.path, "contests[1].seets");
    assert_names(
        &error,
        &["contests[1].seets: unknown field `seets`", "line "],
    );
}

#[test]
fn unknown_base_names_its_path() {
    let mut value = good_election();
    value["contests"][1]["threshold"]["of"] = json!("valid_ballots");
    let error = load_error(&value);
    assert_eq!(error.path, "contests[1].threshold.of");
    assert_names(
        &error,
        &[
            "contests[1].threshold.of: unknown variant `valid_ballots`",
            "`cast_non_blank`",
            "line ",
        ],
    );
}

#[test]
fn unknown_rule_names_its_path() {
    let mut value = good_election();
    value["contests"][0]["ties"] = json!("coin");
    assert_names(
        &load_error(&value),
        &["contests[0].ties", "`fewer_against_then_runoff`"],
    );
    let mut value = good_election();
    value["contests"][0]["shortfall"] = json!({ "rule": "again" });
    assert_names(
        &load_error(&value),
        &["contests[0].shortfall.rule", "`leave_vacant`"],
    );
    let mut value = good_election();
    value["collected_limit"] = json!("signed");
    assert_names(&load_error(&value), &["collected_limit", "`present`"]);
}

#[test]
fn bad_fraction_names_its_path() {
    for (fraction, says) in [
        ("3/2", "at most 1"),
        ("0/3", "more than 0"),
        ("1/0", "more than 0"),
        ("half", "not a fraction"),
    ] {
        let mut value = good_election();
        value["quorum"]["at_least"] = json!(fraction);
        let error = load_error(&value);
        assert_eq!(error.path, "quorum.at_least", "{error}");
        assert_names(&error, &[says]);
    }
}

#[test]
fn threshold_with_both_or_no_comparison_is_refused() {
    let mut value = good_election();
    value["contests"][0]["threshold"]["at_least"] = json!("1/3");
    assert_names(&load_error(&value), &["contests[0].threshold", "not both"]);
    let mut value = good_election();
    value["contests"][0]["threshold"] = json!({ "of": "present" });
    assert_names(
        &load_error(&value),
        &[
            "contests[0].threshold",
            "needs \"more_than\" or \"at_least\"",
        ],
    );
    let mut value = good_election();
    value["contests"][0]["threshold"] = json!({ "of": "none", "at_least": "1/2" });
    assert_names(
        &load_error(&value),
        &["contests[0].threshold", "takes no fraction"],
    );
}

#[test]
fn wrong_type_and_missing_field_name_their_path() {
    let mut value = good_election();
    value["contests"][1]["seats"] = json!("two");
    assert_names(&load_error(&value), &["contests[1].seats", "expected u32"]);
    let mut value = good_election();
    value["delegates"]["present"] = json!(-1);
    assert_names(&load_error(&value), &["delegates.present"]);
    let mut value = good_election();
    value["contests"][0]
        .as_object_mut()
        .unwrap()
        .remove("office");
    assert_names(
        &load_error(&value),
        &["contests[0]", "missing field `office`"],
    );
}

#[test]
fn unknown_mark_names_the_paper_and_cell() {
    let text = "{\"format\": \"hallcount/ballots@1\", \"ballots\": [\n {},\n {\"contests\": {\"exec\": {\"marks\": {\"A\": \"yes\"}}}}\n]}";
    let error = parse_ballots(text).unwrap_err();
    assert_eq!(error.path, "ballots[1].contests.exec.marks.A");
    assert_eq!(error.line, 3);
    assert_names(&error, &["unknown variant `yes`", "line 3"]);
}

#[test]
fn trailing_garbage_is_refused() {
    let error =
        parse_ballots("{\"format\": \"hallcount/ballots@1\", \"ballots\": []} x").unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Syntax);
    assert_names(&error, &["line 1"]);
}

fn kinds(election: &Election) -> Vec<(String, ProblemKind)> {
    check_election(election)
        .into_iter()
        .map(|p| (p.path, p.kind))
        .collect()
}

#[test]
fn every_problem_of_a_definition_is_listed() {
    let election = election_with(|v| {
        v["title"] = json!(" ");
        v["date"] = json!("25/11/2026");
        v["delegates"] = json!({ "entitled": 0, "present": 3 });
        v["round"] = json!(0);
        v["contests"][0]["seats"] = json!(0);
        v["contests"][0]["round_of"] = json!("chair");
        v["contests"][0]["threshold"] = json!({ "of": "valid", "more_than": "1/1" });
        v["contests"][0]["shortfall"] =
            json!({ "rule": "leave_vacant", "extra": 2, "floor": { "of": "none" } });
        v["contests"][1]["id"] = json!("chair");
        v["contests"][1]["candidates"][1]["id"] = json!("A");
        v["contests"][1]["candidates"][0]["name"] = json!("");
    });
    let found = kinds(&election);
    let expected = [
        ("title", ProblemKind::Empty { what: "title" }),
        (
            "date",
            ProblemKind::BadDate {
                date: "25/11/2026".into(),
            },
        ),
        ("delegates.entitled", ProblemKind::NoEntitled),
        (
            "delegates.present",
            ProblemKind::PresentOverEntitled {
                present: 3,
                entitled: 0,
            },
        ),
        ("round", ProblemKind::RoundZero),
        ("contests[0].seats", ProblemKind::NoSeats),
        ("contests[0].threshold", ProblemKind::UnreachableThreshold),
        (
            "contests[0].shortfall.extra",
            ProblemKind::ShortfallSettingUnused { setting: "extra" },
        ),
        (
            "contests[0].shortfall.floor",
            ProblemKind::ShortfallSettingUnused { setting: "floor" },
        ),
        (
            "contests[0].shortfall.floor",
            ProblemKind::FloorWithoutFraction,
        ),
        ("contests[0].round_of", ProblemKind::RoundOfInFirstRound),
        (
            "contests[1].id",
            ProblemKind::DuplicateId { id: "chair".into() },
        ),
        (
            "contests[1].candidates[0].name",
            ProblemKind::Empty { what: "name" },
        ),
        (
            "contests[1].candidates[1].id",
            ProblemKind::DuplicateId { id: "A".into() },
        ),
    ];
    for (path, kind) in &expected {
        assert!(
            found.contains(&(path.to_string(), kind.clone())),
            "missing {path}: {kind}\nfound {found:?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:?}");
}

#[test]
fn contest_problems() {
    let election = election_with(|v| {
        v["contests"][0]["candidates"] = json!([]);
        v["contests"][1]["candidates"][0]["id"] = json!("write_in:Ann");
    });
    let found = kinds(&election);
    assert!(found.contains(&("contests[0].candidates".into(), ProblemKind::NoCandidates)));
    assert!(found.contains(&(
        "contests[1].candidates[0].id".into(),
        ProblemKind::ReservedId {
            id: "write_in:Ann".into()
        }
    )));
    let message = check_election(&election)[0].to_string();
    assert!(message.starts_with("contests[0].candidates: "), "{message}");
}

#[test]
fn rounds_need_round_of_and_only_there() {
    let second = election_with(|v| v["round"] = json!(2));
    let found = kinds(&second);
    assert_eq!(found.len(), 2);
    assert!(found
        .iter()
        .all(|(path, kind)| path.ends_with(".round_of") && *kind == ProblemKind::MissingRoundOf));
    let second = election_with(|v| {
        v["round"] = json!(2);
        v["contests"][0]["round_of"] = json!("chair");
        v["contests"][1]["round_of"] = json!("exec");
    });
    assert_eq!(kinds(&second), vec![]);
}

fn paper(value: Value) -> Paper {
    serde_json::from_value(value).expect("a paper")
}

#[test]
fn paper_problems_name_the_paper_number() {
    let election = election_with(|v| v["contests"][0]["write_ins"] = json!({ "allowed": false }));
    let bad = paper(json!({ "contests": {
        "vice": {},
        "chair": { "marks": { "Z": "for" }, "write_ins": [ { "name": "N", "marked": true } ] },
        "exec": { "write_ins": [ { "name": " " }, { "name": "王芳" }, { "name": "王芳", "marked": true } ] }
    } }));
    let problems = check_paper(&election, 6, &bad);
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let expected = [
        "ballots[6].contests.chair.marks.Z: paper 7: unknown candidate \"Z\" in contest \"chair\"",
        "ballots[6].contests.chair.write_ins: paper 7: contest \"chair\" allows no write-in",
        "ballots[6].contests.exec.write_ins[0].name: paper 7: empty write-in name in contest \"exec\"",
        "ballots[6].contests.exec.write_ins[2].name: paper 7: write-in \"王芳\" entered twice in contest \"exec\"",
        "ballots[6].contests.vice: paper 7: unknown contest \"vice\"",
    ];
    assert_eq!(messages, expected);
    let rejected = paper(json!({ "rejected": "" }));
    assert_eq!(
        check_paper(&election, 0, &rejected)[0].to_string(),
        "ballots[0].rejected: paper 1: a rejected paper needs a reason"
    );
    assert_eq!(
        check_paper(
            &election,
            0,
            &paper(json!({ "rejected": "identifying mark" }))
        ),
        vec![]
    );
}
