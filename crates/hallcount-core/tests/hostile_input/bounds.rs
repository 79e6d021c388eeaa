//! Bounds: counts, seats, names and written names within their limits, no hidden character in
//! a name, and the battery's worst papers each refused by one bound.

use super::*;

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
