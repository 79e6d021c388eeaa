//! `hallcount check ELECTION [BALLOTS]`: every problem of the definition and of the papers,
//! not just the first (the core's `check_election` and `check_paper`).

use hallcount_core::{check_election, check_paper, parse_ballots, parse_election};

use super::{read_text, Args, CliError};

pub fn run(args: &[String]) -> Result<(), CliError> {
    let args = Args::parse(args, &[])?;
    let (election_path, ballots_path) = match args.positional.as_slice() {
        [election] => (election, None),
        [election, ballots] => (election, Some(ballots)),
        _ => {
            return Err(CliError::usage(
                "check takes ELECTION and optionally BALLOTS",
            ))
        }
    };
    let mut problems: Vec<String> = Vec::new();
    let election = match parse_election(&read_text(election_path)?) {
        Ok(election) => {
            problems.extend(
                check_election(&election)
                    .iter()
                    .map(|p| format!("{election_path}: {p}")),
            );
            Some(election)
        }
        Err(error) => {
            problems.push(format!("{election_path}: {error}"));
            None
        }
    };
    let mut n_papers = None;
    if let Some(ballots_path) = ballots_path {
        match parse_ballots(&read_text(ballots_path)?) {
            Ok(ballots) => {
                n_papers = Some(ballots.ballots.len());
                if let Some(election) = &election {
                    for (index, paper) in ballots.ballots.iter().enumerate() {
                        let found = check_paper(election, index, paper);
                        problems.extend(found.iter().map(|p| format!("{ballots_path}: {p}")));
                    }
                }
            }
            Err(error) => problems.push(format!("{ballots_path}: {error}")),
        }
    }
    if !problems.is_empty() {
        return Err(CliError::input(format!(
            "{} problem(s):\n{}",
            problems.len(),
            problems.join("\n")
        )));
    }
    if let Some(election) = &election {
        println!(
            "{election_path}: ok, round {}, {} contest(s)",
            election.round,
            election.contests.len()
        );
    }
    if let (Some(path), Some(n)) = (ballots_path, n_papers) {
        println!("{path}: ok, {n} paper(s)");
    }
    Ok(())
}
