//! Data-driven double-entry cases: every folder of `tests/compare_cases/` holds `election.json`,
//! `first.ballots.json`, `second.ballots.json` (two clerks' entries of the same papers) and
//! `expect.json`, the whole `hallcount/compare@1` written by hand. The CLI's tests run the same
//! folders through `hallcount compare`.

use std::fs;
use std::path::{Path, PathBuf};

use hallcount_core::{compare_entries, parse_ballots, parse_election, EntryComparison};

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_compare_case_lists_exactly_the_differences_expected() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/compare_cases");
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("compare_cases")
        .map(|entry| entry.expect("entry").path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 5, "{cases:?}");
    for case in cases {
        let election = parse_election(&read(&case.join("election.json"))).expect("election");
        let first = parse_ballots(&read(&case.join("first.ballots.json"))).expect("first");
        let second = parse_ballots(&read(&case.join("second.ballots.json"))).expect("second");
        let expected: EntryComparison =
            serde_json::from_str(&read(&case.join("expect.json"))).expect("expectation");
        let found = compare_entries(&election, &first.ballots, &second.ballots).expect("compares");
        assert_eq!(found, expected, "{}", case.display());
    }
}
