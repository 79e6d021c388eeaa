//! Any bytes as a trusted keys file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = hallcount_core::json::decode(data) {
        let _ = hallcount_core::export::TrustedKeys::parse(text);
    }
});
