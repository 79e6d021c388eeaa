//! Issue 10, the reading and checking part: every hostile or broken input of the battery is
//! refused with a message that names the place, or counted exactly; none is silently guessed.

use hallcount_core::{
    check_election, check_papers, parse_ballots, parse_election, tally, LoadError, ProblemKind,
    Status,
};
use serde_json::{json, Value};

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

/// Where an edit puts a fraction: the field it replaces and the problem's path.
#[derive(Clone, Copy)]
enum Place {
    Threshold,
    Floor,
    Quorum,
}

impl Place {
    fn edit(self, rule: Value) -> String {
        election_text(|v| match self {
            Place::Threshold => {
                v["contests"][0]["threshold"] = json!({"of": "valid"});
                merge(&mut v["contests"][0]["threshold"], rule);
            }
            Place::Floor => {
                v["contests"][0]["shortfall"] =
                    json!({"rule": "another_round", "floor": {"of": "ballots_cast"}});
                merge(&mut v["contests"][0]["shortfall"]["floor"], rule);
            }
            Place::Quorum => v["quorum"] = rule,
        })
    }

    fn path(self) -> &'static str {
        match self {
            Place::Threshold => "contests[0].threshold",
            Place::Floor => "contests[0].shortfall.floor",
            Place::Quorum => "quorum",
        }
    }
}

fn merge(target: &mut Value, rule: Value) {
    for (key, value) in rule.as_object().unwrap() {
        target[key] = value.clone();
    }
}

/// Issue 10: a fraction is `0 < p/q < 1` for thresholds, floors and quorums. `more_than` a
/// whole can never be met; `at_least` a whole is refused too (any one voter could block it).
#[test]
fn whole_fractions_in_thresholds_floors_and_quorums_are_problems() {
    use ProblemKind::{UnreachableThreshold as Unreachable, WholeFraction as Whole};
    let cases: &[(Place, Value, Option<ProblemKind>)] = &[
        (
            Place::Threshold,
            json!({"more_than": "2/2"}),
            Some(Unreachable),
        ),
        (
            Place::Threshold,
            json!({"more_than": "7/7"}),
            Some(Unreachable),
        ),
        (
            Place::Threshold,
            json!({"more_than": "4294967295/4294967295"}),
            Some(Unreachable),
        ),
        (Place::Threshold, json!({"at_least": "1/1"}), Some(Whole)),
        (
            Place::Threshold,
            json!({"at_least": "4294967295/4294967295"}),
            Some(Whole),
        ),
        (Place::Threshold, json!({"at_least": "99/100"}), None),
        (Place::Threshold, json!({"more_than": "1/2"}), None),
        (Place::Floor, json!({"more_than": "2/2"}), Some(Unreachable)),
        (Place::Floor, json!({"at_least": "1/1"}), Some(Whole)),
        (Place::Floor, json!({"at_least": "3/4"}), None),
        (
            Place::Quorum,
            json!({"more_than": "1/1"}),
            Some(Unreachable),
        ),
        (Place::Quorum, json!({"at_least": "1/1"}), Some(Whole)),
        (Place::Quorum, json!({"at_least": "5/5"}), Some(Whole)),
        (Place::Quorum, json!({"at_least": "2/3"}), None),
    ];
    for (place, rule, expected) in cases {
        let problems = check_election(&parse_election(&place.edit(rule.clone())).unwrap());
        let found: Vec<&ProblemKind> = problems
            .iter()
            .filter(|p| p.path == place.path())
            .map(|p| &p.kind)
            .collect();
        assert_eq!(
            found,
            expected.iter().collect::<Vec<_>>(),
            "{} {rule}",
            place.path()
        );
    }
}

#[test]
fn loosely_written_fractions_are_refused() {
    for fraction in [" 1/2", "1/2 ", "+1/2", "1 / 2", "1/0", "0/2"] {
        let text = election_text(|v| v["quorum"] = json!({"at_least": fraction}));
        let error = parse_election(&text).unwrap_err();
        assert_eq!(error.path, "quorum.at_least", "{fraction:?}: {error}");
    }
}

#[test]
fn an_unknown_key_in_the_quorum_is_named_with_the_expected_ones() {
    let text = election_text(|v| v["quorum"] = json!({"at_least": "2/3", "of": "present"}));
    let error = parse_election(&text).unwrap_err();
    assert_names(
        &error,
        "quorum.of",
        &["unknown field `of`", "`at_least`", "`more_than`"],
    );
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

fn bound_problem(edit: impl FnOnce(&mut Value), path: &str) {
    let text = election_text(edit);
    let problems = check_election(&parse_election(&text).unwrap());
    let found = problems.iter().find(|p| p.path == path);
    assert!(
        matches!(
            found.map(|p| &p.kind),
            Some(ProblemKind::TooMany { .. } | ProblemKind::TooLong { .. })
        ),
        "{path}: {problems:?}"
    );
    assert!(
        found.unwrap().to_string().contains("limit")
            || found.unwrap().to_string().contains("longer")
    );
}

#[test]
fn counts_seats_and_names_have_bounds() {
    bound_problem(
        |v| v["contests"][0]["seats"] = json!(4294967295u32),
        "contests[0].seats",
    );
    bound_problem(
        |v| v["delegates"]["entitled"] = json!(4294967295u32),
        "delegates.entitled",
    );
    bound_problem(|v| v["ballots_issued"] = json!(1_000_001), "ballots_issued");
    bound_problem(|v| v["title"] = json!("x".repeat(201)), "title");
    bound_problem(
        |v| v["contests"][0]["candidates"][0]["name"] = json!("名".repeat(201)),
        "contests[0].candidates[0].name",
    );
    bound_problem(
        |v| {
            let contest = v["contests"][0].clone();
            v["contests"] = Value::Array(
                (0..101)
                    .map(|i| {
                        let mut c = contest.clone();
                        c["id"] = json!(format!("c{i}"));
                        c
                    })
                    .collect(),
            );
        },
        "contests",
    );
    bound_problem(
        |v| {
            v["contests"][0]["candidates"] = Value::Array(
                (0..1001)
                    .map(|i| json!({"id": format!("K{i}"), "name": "N"}))
                    .collect(),
            );
        },
        "contests[0].candidates",
    );
    // At the bounds, nothing is refused.
    let text = election_text(|v| {
        v["title"] = json!("題".repeat(200));
        v["contests"][0]["seats"] = json!(1000);
    });
    assert_eq!(check_election(&parse_election(&text).unwrap()), []);
}

#[test]
fn a_write_in_name_too_long_or_too_many_write_ins_are_problems() {
    let election = parse_election(&election_text(|_| {})).unwrap();
    let long = format!(
        r#"{{"contests":{{"exec":{{"write_ins":[{{"name":"{}"}}]}}}}}}"#,
        "王".repeat(201)
    );
    let papers = parse_ballots(&ballots(&long)).unwrap().ballots;
    let problems = check_papers(&election, &papers);
    assert!(
        matches!(problems[..], [ref p] if matches!(p.kind, ProblemKind::TooLong { .. })),
        "{problems:?}"
    );

    let many: Vec<String> = (0..1001).map(|i| format!(r#"{{"name":"w{i}"}}"#)).collect();
    let paper = format!(
        r#"{{"contests":{{"exec":{{"write_ins":[{}]}}}}}}"#,
        many.join(",")
    );
    let papers = parse_ballots(&ballots(&paper)).unwrap().ballots;
    let problems = check_papers(&election, &papers);
    assert!(
        matches!(problems[..], [ref p] if matches!(p.kind, ProblemKind::TooMany { .. })),
        "{problems:?}"
    );
}

/// Issue 10 point 5: a control, line-separator or bidi-control character in any name or title
/// is a problem of the check, so it is refused where it is typed (the app shows the check's
/// problems under the field) and where it is read (`check`, `sign`, `verify`).
#[test]
fn names_with_control_or_bidi_characters_are_problems() {
    let hidden = [
        '\u{202e}', '\u{2066}', '\n', '\u{1b}', '\u{200f}', '\u{2028}',
    ];
    type SetField = fn(&mut Value, Value);
    let definition_fields: &[(&str, SetField)] = &[
        ("title", |v, s| v["title"] = s),
        ("body", |v, s| v["body"] = s),
        ("place", |v, s| v["place"] = s),
        ("contests[0].office", |v, s| v["contests"][0]["office"] = s),
        ("contests[0].id", |v, s| v["contests"][0]["id"] = s),
        ("contests[0].candidates[1].name", |v, s| {
            v["contests"][0]["candidates"][1]["name"] = s
        }),
        ("contests[0].candidates[1].id", |v, s| {
            v["contests"][0]["candidates"][1]["id"] = s
        }),
    ];
    for c in hidden {
        let text = format!("第18{c}村");
        for (path, set) in definition_fields {
            let election = parse_election(&election_text(|v| set(v, json!(text)))).unwrap();
            let found: Vec<_> = check_election(&election)
                .into_iter()
                .filter(|p| p.path == *path)
                .map(|p| p.kind)
                .collect();
            assert!(
                matches!(found[..], [ProblemKind::HiddenCharacter { code, .. }] if code == u32::from(c)),
                "{path} {c:?}: {found:?}"
            );
        }
        let election = parse_election(&election_text(|_| {})).unwrap();
        let papers = format!(
            r#"{{"contests":{{"exec":{{"write_ins":[{{"name":{0}}}]}}}}}},
               {{"rejected":{0}}}"#,
            json!(text)
        );
        let papers = parse_ballots(&ballots(&papers)).unwrap().ballots;
        let paths: Vec<_> = check_papers(&election, &papers)
            .into_iter()
            .filter(|p| matches!(p.kind, ProblemKind::HiddenCharacter { .. }))
            .map(|p| p.path)
            .collect();
        assert_eq!(
            paths,
            [
                "ballots[0].contests.exec.write_ins[0].name",
                "ballots[1].rejected"
            ],
            "{c:?}"
        );
    }
    // Text that only looks unusual is fine: markup is text, and so are RTL scripts.
    for name in [
        "<img src=x onerror=alert(1)>",
        "<script>x</script>",
        "שרה כהן",
        "王 芳",
    ] {
        let election = parse_election(&election_text(|v| {
            v["contests"][0]["candidates"][1]["name"] = json!(name)
        }))
        .unwrap();
        assert!(check_election(&election).is_empty(), "{name}");
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

#[test]
fn the_battery_s_worst_papers_are_refused_by_one_bound_each() {
    let election = parse_election(&election_text(|_| {})).unwrap();
    let marks: Vec<String> = (0..10_000).map(|k| format!(r#""K{k}":"for""#)).collect();
    let contests: Vec<String> = (0..10_000).map(|c| format!(r#""c{c}":{{}}"#)).collect();
    for (paper, path) in [
        (
            format!(
                r#"{{"contests":{{"exec":{{"marks":{{{}}}}}}}}}"#,
                marks.join(",")
            ),
            "ballots[0].contests.exec.marks",
        ),
        (
            format!(r#"{{"contests":{{{}}}}}"#, contests.join(",")),
            "ballots[0].contests",
        ),
    ] {
        let papers = parse_ballots(&ballots(&paper)).unwrap().ballots;
        let problems = check_papers(&election, &papers);
        assert_eq!(problems.len(), 1, "{path}");
        assert_eq!(problems[0].path, path);
        assert!(
            problems[0].to_string().contains("more than the limit of"),
            "{}",
            problems[0]
        );
    }
}
