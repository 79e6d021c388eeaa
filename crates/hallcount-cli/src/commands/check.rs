//! `hallcount check ELECTION [BALLOTS]`: every problem of the definition and of the papers,
//! not just the first (the core's `check_election` and `check_paper`).

use hallcount_core::{
    check_election, check_papers, parse_ballots, parse_election, visible, FileKind,
};

use super::args::Args;
use super::inputs::read_file;
use super::{say, shown, CliError};

pub fn run(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let args = Args::parse(parser, &[])?;
    let (election_path, ballots_path) = match args.positional.as_slice() {
        [election] => (election.as_path(), None),
        [election, ballots] => (election.as_path(), Some(ballots.as_path())),
        _ => {
            return Err(CliError::usage(
                "check takes ELECTION and optionally BALLOTS",
            ))
        }
    };
    let mut problems: Vec<String> = Vec::new();
    let election_name = shown(election_path);
    let election = match parse_election(&read_file(election_path, FileKind::Election)?) {
        Ok(election) => {
            problems.extend(
                check_election(&election)
                    .iter()
                    .map(|p| format!("{election_name}: {}", visible(&p.to_string()))),
            );
            Some(election)
        }
        Err(error) => {
            problems.push(format!("{election_name}: {}", visible(&error.to_string())));
            None
        }
    };
    let mut n_papers = None;
    if let Some(ballots_path) = ballots_path {
        let ballots_name = shown(ballots_path);
        match parse_ballots(&read_file(ballots_path, FileKind::Ballots)?) {
            Ok(ballots) => {
                n_papers = Some(ballots.ballots.len());
                if let Some(election) = &election {
                    let found = check_papers(election, &ballots.ballots);
                    problems.extend(
                        found
                            .iter()
                            .map(|p| format!("{ballots_name}: {}", visible(&p.to_string()))),
                    );
                }
            }
            Err(error) => problems.push(format!("{ballots_name}: {}", visible(&error.to_string()))),
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
        say::line(&format!(
            "{election_name}: ok, round {}, {} contest(s)",
            election.round,
            election.contests.len()
        ))?;
    }
    if let (Some(path), Some(n)) = (ballots_path, n_papers) {
        say::line(&format!("{}: ok, {n} paper(s)", shown(path)))?;
    }
    Ok(())
}
