//! `hallcount verify FILE... [--trusted KEYS]`: one line per file. Exit 0 only when every file
//! verifies (and, with `--trusted`, every signer is on the list); 1 when any does not.

use std::io::Read;

use hallcount_core::export::{
    verify_result, TrustedKeys, VerifiedResult, VerifyError, MAX_RESULT_FILE_BYTES,
};

use super::{read_text, Args, CliError};

/// Exit status when some file failed (every file was still checked).
pub const EXIT_SOME_FAILED: i32 = 1;

pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = Args::parse(args, &["trusted"])?;
    if args.positional.is_empty() {
        return Err(CliError::usage("verify needs at least one FILE"));
    }
    let trusted = read_trusted(args.option("trusted"))?;
    let mut n_failed = 0;
    for path in &args.positional {
        let (good, line) = match read_and_verify(path) {
            Ok(verified) => describe(path, &verified, trusted.as_ref()),
            Err(error) => (false, format!("FAIL  {path}: {error}")),
        };
        if !good {
            n_failed += 1;
        }
        println!("{line}");
    }
    match n_failed {
        0 => Ok(()),
        n => Err(CliError {
            message: format!("{n} of {} files did not verify", args.positional.len()),
            code: EXIT_SOME_FAILED,
            show_usage: false,
        }),
    }
}

/// Whether the file counts as verified, and its line.
fn describe(
    path: &str,
    verified: &VerifiedResult,
    trusted: Option<&TrustedKeys>,
) -> (bool, String) {
    let payload = &verified.file.payload;
    let election = &payload.election;
    let what = format!(
        "{} {} {} round {}, {} papers, {}",
        election.place,
        election.date,
        election.title,
        election.round,
        payload.tally.collected,
        status_name(payload.tally.status),
    );
    let key = &verified.fingerprint;
    let hash = &verified.payload_sha256[..16];
    match trusted.map(|keys| keys.village_of(key)) {
        Some(Some(village)) => (
            true,
            format!("OK    {path}: {what}; signed by {village} ({key}); payload {hash}"),
        ),
        Some(None) => (
            false,
            format!("FAIL  {path}: unknown signer: key {key} is not in the trusted keys; {what}"),
        ),
        None => (
            true,
            format!("OK    {path}: {what}; signed by untrusted key {key}; payload {hash}"),
        ),
    }
}

pub fn status_name(status: hallcount_core::Status) -> &'static str {
    match status {
        hallcount_core::Status::Valid => "valid",
        hallcount_core::Status::Void => "void",
        hallcount_core::Status::QuorumNotMet => "quorum_not_met",
    }
}

pub fn read_trusted(path: Option<&str>) -> Result<Option<TrustedKeys>, CliError> {
    let Some(path) = path else { return Ok(None) };
    let keys = TrustedKeys::parse(&read_text(path)?)
        .map_err(|e| CliError::input(format!("{path}: {e}")))?;
    Ok(Some(keys))
}

/// Reads no more than the size limit (a bigger file is refused without reading it all) and
/// verifies what was read.
pub fn read_and_verify(path: &str) -> Result<VerifiedResult, VerifyError> {
    let unreadable =
        |e: std::io::Error| VerifyError::Unreadable(format!("cannot read {path}: {e}"));
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(MAX_RESULT_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > MAX_RESULT_FILE_BYTES {
        let size = std::fs::metadata(path)
            .map(|m| m.len() as usize)
            .unwrap_or(bytes.len());
        return Err(VerifyError::TooLarge {
            bytes: size,
            limit: MAX_RESULT_FILE_BYTES,
        });
    }
    verify_result(&bytes)
}
