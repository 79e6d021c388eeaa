//! `hallcount keygen -o KEY [--label TEXT]`: a new signing key from the system's secure random
//! source, written as `hallcount/key@1` (the same file as the app's key backup).

use hallcount_core::export::{utc_timestamp, KeyFile};

use super::args::{long, Args};
use super::output::{now_unix_seconds, write_new_file, OUTPUT};
use super::{say, shown, CliError};

pub fn run(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let args = Args::parse(parser, &[OUTPUT, long("label")])?;
    if !args.positional.is_empty() {
        return Err(CliError::usage("keygen takes no positional argument"));
    }
    let output = args
        .path("output")
        .ok_or_else(|| CliError::usage("keygen needs -o KEY"))?;
    let label = args.text("label")?.unwrap_or("");
    let mut seed = [0u8; 32];
    getrandom::getrandom(&mut seed)
        .map_err(|e| CliError::input(format!("no secure random source: {e}")))?;
    let key = KeyFile::new(&seed, label, &utc_timestamp(now_unix_seconds()));
    write_new_file(output, key.to_json().as_bytes(), true)?;
    say::line(&format!("{}: key {}", shown(output), key.fingerprint))
}
