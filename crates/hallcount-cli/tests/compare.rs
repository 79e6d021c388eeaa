//! `hallcount compare`, run as the built binary over the core's double-entry cases
//! (`hallcount-core/tests/compare_cases/`): the JSON, the text, and the exit statuses (0
//! identical, 1 different, 2 bad input).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn cases() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../hallcount-core/tests/compare_cases")
}

fn file(case: &str, name: &str) -> String {
    cases().join(case).join(name).to_string_lossy().into_owned()
}

fn compare(case: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "compare".to_string(),
        file(case, "first.ballots.json"),
        file(case, "second.ballots.json"),
        "--election".to_string(),
        file(case, "election.json"),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    hallcount(&args)
}

fn hallcount(args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hallcount"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

#[test]
fn the_json_is_the_expected_comparison_and_the_exit_says_whether_they_differ() {
    let mut n_cases = 0;
    for entry in std::fs::read_dir(cases()).expect("cases") {
        let case = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let output = compare(&case, &[]);
        let printed: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("stdout is JSON");
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(file(&case, "expect.json")).unwrap())
                .unwrap();
        assert_eq!(printed, expected, "{case}");
        let identical = expected["differences"].as_array().unwrap().is_empty();
        let code = if identical { 0 } else { 1 };
        assert_eq!(
            output.status.code(),
            Some(code),
            "{case}: {}",
            text(&output.stderr)
        );
        assert_eq!(text(&output.stderr), "", "{case}");
        n_cases += 1;
    }
    assert!(n_cases >= 5);
}

#[test]
fn the_text_names_each_paper_and_contest_with_the_two_readings() {
    let output = compare("three_planted", &["--format", "text"]);
    assert_eq!(output.status.code(), Some(1));
    let printed = text(&output.stdout);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(
        lines,
        [
            "first entry: 9 paper(s), second entry: 9 paper(s)",
            "3 difference(s):",
            "paper 3, 執行委員 [exec]: first A 李美華 ○, C 黃玉蓮 ○, D 張麗娟 ○ \
             / second A 李美華 ○, C 黃玉蓮 ○, D 張麗娟 ×",
            "paper 6 of the first entry: not in the second (missed by the second clerk, or \
             typed twice by the first): 執行委員 A 李美華 ○, B 陳少芬 ○",
            "paper 8 of the second entry: not in the first (missed by the first clerk, or \
             typed twice by the second): 執行委員 D 張麗娟 ○",
        ]
    );
    let same = compare("identical_readings", &["--format", "text"]);
    assert_eq!(same.status.code(), Some(0));
    assert!(
        text(&same.stdout).contains("identical"),
        "{}",
        text(&same.stdout)
    );
}

#[test]
fn bad_input_exits_2_with_the_reason() {
    let scratch = std::env::temp_dir().join(format!("hallcount-compare-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("scratch");
    let unknown_candidate = scratch.join("unknown.ballots.json");
    std::fs::write(
        &unknown_candidate,
        r#"{"format":"hallcount/ballots@1","ballots":[{"contests":{"exec":{"marks":{"Z":"for"}}}}]}"#,
    )
    .expect("write");
    let not_ballots = file("three_planted", "election.json");
    let election = file("three_planted", "election.json");
    let first = file("three_planted", "first.ballots.json");
    let path = |p: &Path| p.to_string_lossy().into_owned();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec![first.clone(), first.clone()], "--election"),
        (vec![first.clone()], "FIRST and SECOND"),
        (
            vec![
                first.clone(),
                first.clone(),
                "--election".into(),
                election.clone(),
                "--format".into(),
                "xml".into(),
            ],
            "unknown format",
        ),
        (
            vec![
                first.clone(),
                path(&unknown_candidate),
                "--election".into(),
                election.clone(),
            ],
            "unknown.ballots.json",
        ),
        (
            vec![
                first.clone(),
                not_ballots,
                "--election".into(),
                election.clone(),
            ],
            "election.json",
        ),
        (
            vec![
                first.clone(),
                first.clone(),
                "--election".into(),
                first.clone(),
            ],
            "first.ballots.json",
        ),
    ];
    for (args, says) in cases {
        let mut all = vec!["compare".to_string()];
        all.extend(args.iter().cloned());
        let output = hallcount(&all);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(
            text(&output.stderr).contains(says),
            "{args:?}: {}",
            text(&output.stderr)
        );
    }
}
