//! `hallcount keygen -o KEY [--label TEXT]`: a new signing key from the system's secure random
//! source, written as `hallcount/key@1` (the same file as the app's key backup).

use hallcount_core::export::{utc_timestamp, KeyFile};

use super::output::{expand_short_output, now_unix_seconds, write_new_file};
use super::{Args, CliError};

pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = Args::parse(&expand_short_output(args), &["output", "label"])?;
    if !args.positional.is_empty() {
        return Err(CliError::usage("keygen takes no positional argument"));
    }
    let output = args
        .option("output")
        .ok_or_else(|| CliError::usage("keygen needs -o KEY"))?;
    let mut seed = [0u8; 32];
    getrandom::getrandom(&mut seed)
        .map_err(|e| CliError::input(format!("no secure random source: {e}")))?;
    let key = KeyFile::new(
        &seed,
        args.option("label").unwrap_or(""),
        &utc_timestamp(now_unix_seconds()),
    );
    write_new_file(output, key.to_json().as_bytes(), true)?;
    println!("{output}: key {}", key.fingerprint);
    Ok(())
}
