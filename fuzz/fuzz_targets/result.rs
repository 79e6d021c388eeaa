//! Any bytes as a signed result file: verified (refused or accepted, never a panic).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = hallcount_core::export::verify_result(data);
});
