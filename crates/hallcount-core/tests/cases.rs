//! Data-driven tests: every folder of `tests/cases/` holds `election.json`, `ballots.json` and
//! `expect.json` (the WHOLE `hallcount/tally@1`, compared as JSON values). Where the result
//! leaves seats to a new ballot, `next_round.json` holds the proposed round
//! (`propose_next_round`); where it does not, that file must be absent.
//!
//! `BLESS=1 cargo test -p hallcount-core --test cases` writes the expectations from the current
//! code. Every blessed file is checked by hand against docs/rules.md before it is committed.

use std::fs;
use std::path::{Path, PathBuf};

use hallcount_core::{
    check_election, check_paper, parse_ballots, parse_election, propose_next_round, tally,
};
use serde_json::Value;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).expect("tally serialises") + "\n"
}

/// Compares `actual` with the file, or writes it when blessing. Returns a failure message.
fn compare(path: &Path, actual: Option<String>, bless: bool) -> Option<String> {
    if bless {
        match &actual {
            Some(text) => fs::write(path, text).expect("write expectation"),
            None if path.exists() => fs::remove_file(path).expect("remove expectation"),
            None => {}
        }
        return None;
    }
    match (actual, path.exists()) {
        (None, false) => None,
        (None, true) => Some(format!(
            "{}: expected no such file (nothing to propose)",
            path.display()
        )),
        (Some(_), false) => Some(format!(
            "{}: missing (run with BLESS=1, then check it by hand)",
            path.display()
        )),
        (Some(actual), true) => {
            let expected: Value = serde_json::from_str(&read(path)).expect("expectation is JSON");
            let actual_value: Value = serde_json::from_str(&actual).expect("output is JSON");
            (expected != actual_value)
                .then(|| format!("{}: differs; actual:\n{actual}", path.display()))
        }
    }
}

fn run_case(dir: &Path, bless: bool) -> Vec<String> {
    let election = parse_election(&read(&dir.join("election.json"))).expect("election parses");
    let ballots = parse_ballots(&read(&dir.join("ballots.json"))).expect("ballots parse");
    let mut failures: Vec<String> = check_election(&election)
        .iter()
        .map(|p| format!("election: {p}"))
        .collect();
    for (index, paper) in ballots.ballots.iter().enumerate() {
        failures.extend(
            check_paper(&election, index, paper)
                .iter()
                .map(|p| format!("ballots: {p}")),
        );
    }
    let result = tally(&election, &ballots.ballots);
    failures.extend(compare(
        &dir.join("expect.json"),
        Some(pretty(&result)),
        bless,
    ));
    let next = propose_next_round(&election, &result);
    if let Some(next) = &next {
        failures.extend(
            check_election(next)
                .iter()
                .map(|p| format!("next round: {p}")),
        );
    }
    failures.extend(compare(
        &dir.join("next_round.json"),
        next.as_ref().map(pretty),
        bless,
    ));
    failures
}

#[test]
fn every_case_gives_its_expected_tally() {
    let bless = std::env::var_os("BLESS").is_some_and(|v| v == "1");
    let mut dirs: Vec<PathBuf> = fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 30, "only {} cases", dirs.len());
    let mut failures = Vec::new();
    for dir in &dirs {
        let name = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        failures.extend(
            run_case(dir, bless)
                .into_iter()
                .map(|f| format!("[{name}] {f}")),
        );
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
