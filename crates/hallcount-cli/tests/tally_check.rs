//! `hallcount tally` and `hallcount check`, run as the built binary: outputs and exit statuses
//! (0 when a tally was produced or nothing was wrong, 2 on bad input with the message on stderr).

use std::path::PathBuf;
use std::process::{Command, Output};

fn cases() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../hallcount-core/tests/cases")
}

fn case_file(case: &str, file: &str) -> String {
    cases().join(case).join(file).to_string_lossy().into_owned()
}

fn hallcount(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hallcount"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// `hallcount <command> election.json ballots.json <extra>` on a case folder of the core's tests.
fn on_case(command: &str, case: &str, extra: &[&str]) -> Output {
    let (election, ballots) = (
        case_file(case, "election.json"),
        case_file(case, "ballots.json"),
    );
    let mut args = vec![command, &election, &ballots];
    args.extend_from_slice(extra);
    hallcount(&args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("utf-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("utf-8")
}

/// A scratch folder for files that must not be valid, unique per test.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hallcount-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

#[test]
fn tally_prints_the_expected_json() {
    for case in [
        "spec_exec_cast",
        "multi_contest_one_over_marked",
        "ties_lot",
    ] {
        let output = on_case("tally", case, &[]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let printed: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("json");
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(case_file(case, "expect.json")).unwrap())
                .unwrap();
        assert_eq!(printed, expected, "{case}");
    }
}

#[test]
fn tally_json_is_pretty_with_keys_in_spec_order() {
    let case = "spec_exec_cast";
    let output = on_case("tally", case, &[]);
    let text = stdout(&output);
    assert!(
        text.starts_with("{\n  \"format\": \"hallcount/tally@1\",\n  \"status\": \"valid\","),
        "{text}"
    );
    let order = [
        "\"cast\"",
        "\"valid\": 8",
        "\"invalid\"",
        "\"blank\"",
        "\"threshold\"",
        "\"candidates\"",
        "\"write_ins\"",
        "\"elected\"",
        "\"open\"",
    ];
    let positions: Vec<usize> = order.iter().map(|key| text.find(key).expect(key)).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    let again = on_case("tally", case, &[]);
    assert_eq!(output.stdout, again.stdout, "same input, same bytes");
}

#[test]
fn tally_text_is_a_result_sheet() {
    let case = "shortfall_another_round_extra";
    let output = on_case("tally", case, &["--format", "text"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for line in [
        "status: valid",
        "cast 9  valid 9  invalid 0  blank 1",
        "threshold: more than 1/2 of ballots_cast (9): 5 vote(s) needed",
        "      6       0       3  A Ann  ELECTED",
        "elected: A Ann",
        "open: 2 seat(s), another round (R8): B Bea, C Cai, D Dee",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn plurality_and_ties_read_plainly() {
    let sheet = |case: &str| {
        let output = on_case("tally", case, &["--format", "text"]);
        stdout(&output)
    };
    assert!(sheet("threshold_none_plurality")
        .contains("threshold: none, most votes win (at least 1 vote)"));
    assert!(sheet("threshold_none_plurality").contains("open: 1 seat(s), vacant (R8)"));
    assert!(sheet("ties_lot").contains(
        "open: 1 seat(s), lot required: the officer draws and records it (R7): B Bea, C Cai"
    ));
    assert!(sheet("write_in_elected").contains("王芳 (write-in)  ELECTED"));
}

#[test]
fn a_void_election_is_still_a_tally() {
    let case = "spec_collected_26_of_25_void";
    let output = on_case("tally", case, &["--format=text"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).contains("status: VOID"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn check_passes_good_files() {
    let case = "multi_contest_one_over_marked";
    let output = on_case("check", case, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("ok, 9 paper(s)"));
    let only_election = hallcount(&["check", &case_file(case, "election.json")]);
    assert_eq!(only_election.status.code(), Some(0));
    assert!(stdout(&only_election).contains("ok, round 1, 3 contest(s)"));
}

#[test]
fn check_lists_every_problem_of_both_files() {
    let dir = scratch("check");
    let election = std::fs::read_to_string(case_file("spec_exec_cast", "election.json"))
        .unwrap()
        .replace("\"seats\": 3", "\"seats\": 0")
        .replace("\"id\": \"B\"", "\"id\": \"A\"");
    let ballots = r#"{"format": "hallcount/ballots@1", "ballots": [
        {"contests": {"exec": {"marks": {"Z": "for"}}}},
        {"contests": {"vice": {}}}
    ]}"#;
    let (election_path, ballots_path) = (dir.join("election.json"), dir.join("ballots.json"));
    std::fs::write(&election_path, election).unwrap();
    std::fs::write(&ballots_path, ballots).unwrap();
    let output = hallcount(&[
        "check",
        election_path.to_str().unwrap(),
        ballots_path.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    for part in [
        "4 problem(s)",
        "contests[0].seats: seats must be 1 or more",
        "contests[0].candidates[1].id: id \"A\" is used more than once",
        "ballots[0].contests.exec.marks.Z: paper 1: unknown candidate \"Z\"",
        "ballots[1].contests.vice: paper 2: unknown contest \"vice\"",
    ] {
        assert!(message.contains(part), "missing {part:?} in\n{message}");
    }
    // tally refuses the same files, with the same messages.
    let tally = hallcount(&[
        "tally",
        election_path.to_str().unwrap(),
        ballots_path.to_str().unwrap(),
    ]);
    assert_eq!(tally.status.code(), Some(2));
    assert!(stderr(&tally).contains("seats must be 1 or more"));
    assert!(tally.stdout.is_empty());
}

#[test]
fn unreadable_files_exit_2_naming_the_place() {
    let dir = scratch("unreadable");
    let path = dir.join("election.json");
    std::fs::write(&path, "{\n \"format\": \"hallcount/election@9\"\n}").unwrap();
    let output = hallcount(&["check", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("format: version \"hallcount/election@9\" is not supported"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("(line 2, column 2)"),
        "{}",
        stderr(&output)
    );

    let missing = hallcount(&[
        "tally",
        "/nonexistent/election.json",
        "/nonexistent/ballots.json",
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("/nonexistent/election.json"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frob"][..],
        &["tally", "only-one.json"][..],
        &["tally", "a", "b", "--format", "xml"][..],
        &["check", "a", "--color", "x"][..],
    ] {
        let output = hallcount(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains("usage: hallcount"),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty());
    }
    let help = hallcount(&["help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("tally ELECTION BALLOTS"));
}
