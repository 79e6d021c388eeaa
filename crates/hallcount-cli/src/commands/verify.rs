//! `hallcount verify FILE... [--trusted KEYS]`: one line per file. Exit 0 only when every file
//! verifies (and, with `--trusted`, every signer is on the list); 1 when any does not.

use std::path::Path;

use hallcount_core::export::{
    verify_result, TrustProblem, TrustedKeys, VerifiedResult, VerifyError,
};
use hallcount_core::FileKind;
use rayon::prelude::*;

use super::args::{long, Args};
use super::inputs::{read_bytes, read_trusted, ReadError};
use super::{say, shown, CliError};

/// Exit status when some file failed (every file was still checked).
pub const EXIT_SOME_FAILED: i32 = 1;

pub fn run(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let args = Args::parse(parser, &[long("trusted")])?;
    if args.positional.is_empty() {
        return Err(CliError::usage("verify needs at least one FILE"));
    }
    let trusted = read_trusted(args.path("trusted"))?;
    // Read and verified on every core; each payload is dropped once its line is made, and the
    // lines are printed in the order the files were given.
    let lines: Vec<(bool, String)> = args
        .positional
        .par_iter()
        .map(|path| {
            let name = shown(path);
            match read_and_verify(path) {
                Ok(verified) => describe(&name, &verified, trusted.as_ref()),
                Err(error) => (false, format!("FAIL  {name}: {error}")),
            }
        })
        .collect();
    let mut n_failed = 0;
    for (good, line) in lines {
        if !good {
            n_failed += 1;
        }
        // Names from the file (title, place, village) are in the line: shown, never obeyed.
        say::line(&hallcount_core::visible(&line))?;
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
    name: &str,
    verified: &VerifiedResult,
    trusted: Option<&TrustedKeys>,
) -> (bool, String) {
    let payload = &verified.file.payload;
    let election = &payload.election;
    let what = format!(
        "{} {} {} round {}, {} papers, {}; {}",
        election.place,
        election.date,
        election.title,
        election.round,
        payload.tally.collected,
        status_name(payload.tally.status),
        checks(payload),
    );
    let key = &verified.fingerprint;
    let hash = &verified.payload_sha256[..16];
    match trusted.map(|keys| keys.judge(key, &election.place)) {
        Some(Ok(village)) => (
            true,
            format!("OK    {name}: {what}; signed by {village} ({key}); payload {hash}"),
        ),
        Some(Err(TrustProblem::UnknownSigner)) => (
            false,
            format!("FAIL  {name}: unknown signer: key {key} is not in the trusted keys; {what}"),
        ),
        Some(Err(wrong_place)) => (false, format!("FAIL  {name}: {wrong_place} (key {key})")),
        None => (
            true,
            format!("OK    {name}: {what}; signed by untrusted key {key}; payload {hash}"),
        ),
    }
}

/// The two checks before signing, as the file records them.
pub fn checks(payload: &hallcount_core::export::ResultPayload) -> String {
    let double = match &payload.double_entry {
        None => "no double entry".to_string(),
        Some(d) => format!(
            "double entry {}/{} papers, {} difference(s), {} resolved",
            d.first,
            d.second,
            d.differences.len(),
            d.resolutions.len()
        ),
    };
    let board = match &payload.hand_tally {
        None => "no blackboard check".to_string(),
        Some(h) if h.agreed => format!(
            "blackboard agreed ({} line(s) differed first)",
            h.differences.len()
        ),
        Some(h) => format!("blackboard DIFFERS on {} line(s)", h.remaining.len()),
    };
    format!("{double}; {board}")
}

pub fn status_name(status: hallcount_core::Status) -> &'static str {
    match status {
        hallcount_core::Status::Valid => "valid",
        hallcount_core::Status::Void => "void",
        hallcount_core::Status::QuorumNotMet => "quorum_not_met",
    }
}

/// Reads no more than the size limit (a bigger file is refused without reading it all) and
/// verifies what was read.
pub fn read_and_verify(path: &Path) -> Result<VerifiedResult, VerifyError> {
    let bytes = read_bytes(path, FileKind::Result).map_err(|error| match error {
        ReadError::TooLarge { bytes, limit } => VerifyError::TooLarge {
            bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
            limit,
        },
        other => VerifyError::Unreadable(format!("{}: {other}", shown(path))),
    })?;
    verify_result(&bytes)
}
