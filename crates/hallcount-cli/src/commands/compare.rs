//! `hallcount compare FIRST SECOND --election ELECTION [--format json|text]`: double entry, two
//! clerks' entries of the same papers compared paper by paper by the core's `compare_entries`
//! (the app's comparison). json is `hallcount/compare@1`; text names each paper and contest with
//! the two readings. Exit 0 when the entries are identical, 1 when they differ, 2 on bad input.

use std::fmt::Write as _;

use hallcount_core::{
    check_election, compare_entries, visible, Contest, Difference, Election, Mark, Paper,
};

use super::args::{long, Args};
use super::inputs::{read_checked_papers, read_election};
use super::{refuse_problems, say, CliError};

/// Exit status when the two entries differ.
pub const EXIT_DIFFER: i32 = 1;

pub fn run(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let args = Args::parse(parser, &[long("format"), long("election")])?;
    let [first_path, second_path] = args.positional.as_slice() else {
        return Err(CliError::usage(
            "compare takes FIRST and SECOND ballots files",
        ));
    };
    let Some(election_path) = args.path("election") else {
        return Err(CliError::usage("compare needs --election ELECTION"));
    };
    let text = args.wants_text()?;
    let election = read_election(election_path)?;
    refuse_problems(election_path, &check_election(&election))?;
    let first = read_checked_papers(&election, first_path)?;
    let second = read_checked_papers(&election, second_path)?;
    let comparison = compare_entries(&election, &first, &second).map_err(CliError::input)?;
    if text {
        say::print(&report(&election, &first, &second, &comparison.differences))?;
    } else {
        let json = serde_json::to_string_pretty(&comparison).map_err(CliError::input)?;
        say::line(&json)?;
    }
    if comparison.is_identical() {
        Ok(())
    } else {
        Err(CliError {
            message: String::new(),
            code: EXIT_DIFFER,
            show_usage: false,
        })
    }
}

/// The differences for people: each paper and contest with the two readings.
pub fn report(
    election: &Election,
    first: &[Paper],
    second: &[Paper],
    differences: &[Difference],
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "first entry: {} paper(s), second entry: {} paper(s)",
        first.len(),
        second.len()
    );
    if differences.is_empty() {
        let _ = writeln!(out, "identical: every paper read the same");
        return out;
    }
    let _ = writeln!(out, "{} difference(s):", differences.len());
    for difference in differences {
        match difference {
            Difference::Differs {
                first: i,
                second: j,
                contests,
            } => {
                let numbers = if i == j {
                    format!("paper {i}")
                } else {
                    format!("paper {i} (second entry: paper {j})")
                };
                let (a, b) = (&first[i - 1], &second[j - 1]);
                for id in contests {
                    let contest = election.contests.iter().find(|c| &c.id == id);
                    let office = contest.map_or(id.as_str(), |c| c.office.as_str());
                    let _ = writeln!(
                        out,
                        "{numbers}, {} [{}]: first {} / second {}",
                        visible(office),
                        visible(id),
                        reading(contest, id, a),
                        reading(contest, id, b)
                    );
                }
            }
            Difference::OnlyFirst { first: i } => {
                only_one(&mut out, election, ("first", "second"), *i, &first[i - 1])
            }
            Difference::OnlySecond { second: j } => {
                only_one(&mut out, election, ("second", "first"), *j, &second[j - 1])
            }
        }
    }
    out
}

/// A paper that only one clerk typed: the other missed it, or this one typed it twice.
fn only_one(
    out: &mut String,
    election: &Election,
    (entry, other): (&str, &str),
    number: usize,
    paper: &Paper,
) {
    let _ = writeln!(
        out,
        "paper {number} of the {entry} entry: not in the {other} (missed by the {other} \
         clerk, or typed twice by the {entry}): {}",
        whole_paper(election, paper)
    );
}

/// One paper in one contest: `A 李美華 ○, B 陳少芬 ×, 王芳 (written) ○`, or `blank`.
fn reading(contest: Option<&Contest>, id: &str, paper: &Paper) -> String {
    if let Some(reason) = &paper.rejected {
        return format!("rejected ({})", visible(reason));
    }
    let Some(marks) = paper.contests.get(id) else {
        return "blank".into();
    };
    let name = |candidate: &str| {
        contest
            .and_then(|c| c.candidates.iter().find(|x| x.id == candidate))
            .map_or_else(
                || visible(candidate).into_owned(),
                |c| format!("{} {}", visible(&c.id), visible(&c.name)),
            )
    };
    let mut parts: Vec<String> = marks
        .marks
        .iter()
        .filter_map(|(candidate, mark)| {
            let symbol = match mark {
                Mark::For => "○",
                Mark::Against => "×",
                Mark::Unreadable => "unreadable",
                Mark::Blank => return None,
            };
            Some(format!("{} {symbol}", name(candidate)))
        })
        .collect();
    parts.extend(marks.write_ins.iter().map(|w| {
        let mark = if w.marked { " ○" } else { ", no ○" };
        format!("{} (written){mark}", visible(&w.name))
    }));
    if parts.is_empty() {
        "blank".into()
    } else {
        parts.join(", ")
    }
}

/// A paper in every contest of the election, for a paper only one clerk typed.
fn whole_paper(election: &Election, paper: &Paper) -> String {
    if let Some(reason) = &paper.rejected {
        return format!("rejected ({})", visible(reason));
    }
    let parts: Vec<String> = election
        .contests
        .iter()
        .map(|c| format!("{} {}", visible(&c.office), reading(Some(c), &c.id, paper)))
        .collect();
    parts.join("; ")
}
