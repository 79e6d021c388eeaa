//! Every input the fuzzers ever found (`fuzz/regressions/<target>/`), read again by the reader
//! it broke, on the stable toolchain: each must now be refused or read, never panic or hang.
//! The targets themselves are in `fuzz/fuzz_targets/`, run by `cargo xtask test`.

use std::path::Path;
use std::time::{Duration, Instant};

use hallcount_core::export::{verify_result, KeyFile, TrustedKeys};
use hallcount_core::{check_election, check_papers, json, parse_ballots, parse_election, tally};

const ELECTION: &str = include_str!("cases/spec_exec_cast/election.json");

/// What each fuzz target does with its input (`fuzz/fuzz_targets/<target>.rs`).
fn read(target: &str, data: &[u8]) {
    match target {
        "election" => {
            if let Ok(election) = parse_election(data) {
                if check_election(&election).is_empty() {
                    let _ = tally(&election, &[]);
                }
            }
        }
        "ballots" => {
            let election = parse_election(ELECTION).expect("the fixed election reads");
            if let Ok(ballots) = parse_ballots(data) {
                if check_papers(&election, &ballots.ballots).is_empty() {
                    let _ = tally(&election, &ballots.ballots);
                }
            }
        }
        "result" => {
            let _ = verify_result(data);
        }
        "key" => {
            if let Ok(text) = json::decode(data) {
                let _ = KeyFile::parse(text);
            }
        }
        "trusted" => {
            if let Ok(text) = json::decode(data) {
                let _ = TrustedKeys::parse(text);
            }
        }
        other => panic!("fuzz/regressions/{other}: no such fuzz target"),
    }
}

#[test]
fn every_fuzz_finding_is_read_without_panic_and_quickly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let Ok(targets) = std::fs::read_dir(&root) else {
        return;
    };
    for target in targets {
        let target = target.expect("a folder entry");
        let name = target.file_name().to_string_lossy().into_owned();
        for case in std::fs::read_dir(target.path()).expect("a target folder") {
            let path = case.expect("a file").path();
            let data = std::fs::read(&path).expect("readable");
            let start = Instant::now();
            read(&name, &data);
            assert!(
                start.elapsed() < Duration::from_secs(2),
                "{}: {:?}",
                path.display(),
                start.elapsed()
            );
        }
    }
}
