//! Any bytes as a ballots file, checked and counted under a fixed election (the SPEC's
//! executive example, with write-ins).
#![no_main]

use libfuzzer_sys::fuzz_target;

const ELECTION: &str =
    include_str!("../../crates/hallcount-core/tests/cases/spec_exec_cast/election.json");

fuzz_target!(|data: &[u8]| {
    let Ok(ballots) = hallcount_core::parse_ballots(data) else {
        return;
    };
    let election = hallcount_core::parse_election(ELECTION).expect("the fixed election reads");
    if hallcount_core::check_papers(&election, &ballots.ballots).is_empty() {
        let _ = hallcount_core::tally(&election, &ballots.ballots);
    }
});
