//! `hallcount sign ELECTION BALLOTS --key KEY -o RESULT [--at TIME]`: a signed result made
//! exactly as the app makes it: the same log (the election defined, then each paper entered),
//! replayed and signed by the same core code.

use hallcount_core::export::{
    utc_timestamp, AppInfo, KeyFile, ResultFile, ResultInput, ResultPayload,
};
use hallcount_core::{check_election, check_paper, log_from_ballots};

use super::output::{expand_short_output, now_unix_seconds, write_new_file};
use super::{read_ballots, read_election, read_text, refuse_problems, Args, CliError};

pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = Args::parse(&expand_short_output(args), &["key", "output", "at"])?;
    let [election_path, ballots_path] = args.positional.as_slice() else {
        return Err(CliError::usage(
            "sign needs ELECTION BALLOTS --key KEY -o RESULT",
        ));
    };
    let key_path = args
        .option("key")
        .ok_or_else(|| CliError::usage("sign needs --key KEY"))?;
    let output = args
        .option("output")
        .ok_or_else(|| CliError::usage("sign needs -o RESULT"))?;
    // `--at` fixes the time of the log's entries, and so of the file, for reproducible files.
    let at = match args.option("at") {
        Some(time) => time.to_string(),
        None => utc_timestamp(now_unix_seconds()),
    };

    let (_, signer) = KeyFile::parse(&read_text(key_path)?)
        .map_err(|e| CliError::input(format!("{key_path}: {e}")))?;
    let election = read_election(election_path)?;
    refuse_problems(election_path, &check_election(&election))?;
    let papers = read_ballots(ballots_path)?.ballots;
    let problems: Vec<_> = papers
        .iter()
        .enumerate()
        .flat_map(|(i, paper)| check_paper(&election, i, paper))
        .collect();
    refuse_problems(ballots_path, &problems)?;

    let log = log_from_ballots(election, papers, &at)
        .map_err(|e| CliError::input(format!("{ballots_path}: {e}")))?;
    let input = ResultInput::from_log(&log, AppInfo::this_build())
        .ok_or_else(|| CliError::input("the log holds no election"))?;
    let file = ResultFile::sign(ResultPayload::new(input), &signer);
    write_new_file(output, file.to_json().as_bytes(), false)?;
    println!(
        "{output}: signed by {}, payload sha256 {}",
        file.signature.fingerprint, file.signature.payload_sha256
    );
    Ok(())
}
