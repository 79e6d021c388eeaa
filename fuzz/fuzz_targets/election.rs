//! Any bytes as an election file: read, checked and, when sound, counted with no paper.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(election) = hallcount_core::parse_election(data) {
        if hallcount_core::check_election(&election).is_empty() {
            let _ = hallcount_core::tally(&election, &[]);
        }
    }
});
