//! `hallcount sign ELECTION BALLOTS --key KEY -o RESULT [--at TIME] [--passphrase-file FILE]`:
//! a signed result made
//! exactly as the app makes it: the same log (the election defined, then each paper entered),
//! replayed and signed by the same core code.

use hallcount_core::export::{
    is_rfc3339, utc_timestamp, AppInfo, ResultFile, ResultInput, ResultPayload,
};
use hallcount_core::log_from_ballots;

use super::args::{long, Args};
use super::inputs::read_checked;
use super::output::{now_unix_seconds, write_new_file, OUTPUT};
use super::passphrase::{signer_of, PASSPHRASE_FILE};
use super::{say, shown, CliError};

pub fn run(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let args = Args::parse(
        parser,
        &[long("key"), OUTPUT, long("at"), long(PASSPHRASE_FILE)],
    )?;
    let [election_path, ballots_path] = args.positional.as_slice() else {
        return Err(CliError::usage(
            "sign needs ELECTION BALLOTS --key KEY -o RESULT",
        ));
    };
    let key_path = args
        .path("key")
        .ok_or_else(|| CliError::usage("sign needs --key KEY"))?;
    let output = args
        .path("output")
        .ok_or_else(|| CliError::usage("sign needs -o RESULT"))?;
    // `--at` fixes the time of the log's entries, and so of the file, for reproducible files.
    let at = match args.text("at")? {
        Some(time) if is_rfc3339(time) => time.to_string(),
        Some(time) => {
            return Err(CliError::usage(format!(
                "--at {}: not an RFC 3339 time (e.g. 2026-03-08T10:00:00Z or 2026-03-08T18:00:00+08:00)",
                hallcount_core::visible(time)
            )))
        }
        None => utc_timestamp(now_unix_seconds()),
    };

    let signer = signer_of(key_path, args.path(PASSPHRASE_FILE))?;
    let (election, papers) = read_checked(election_path, ballots_path)?;
    let log =
        log_from_ballots(election, papers, &at).map_err(|e| CliError::in_file(ballots_path, e))?;
    let input = ResultInput::from_log(&log, AppInfo::this_build())
        .ok_or_else(|| CliError::input("the log holds no election"))?;
    let file = ResultFile::sign(ResultPayload::new(input), &signer);
    // What `sign` writes, `verify` accepts: never a file over the limit it reads.
    let text = file
        .to_json_within_limit()
        .map_err(|e| CliError::input(format!("{e}; nothing was written")))?;
    write_new_file(output, text.as_bytes(), false)?;
    say::line(&format!(
        "{}: signed by {}, payload sha256 {}",
        shown(output),
        file.signature.fingerprint,
        file.signature.payload_sha256
    ))
}
