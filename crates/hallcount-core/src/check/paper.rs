//! The papers against the definition, each look-up a map built once per election, so that
//! checking is linear in the size of the papers (a paper with 300,000 write-ins, or marking
//! 10,000 candidates, is refused by the bounds or checked in one pass, never compared pairwise).

use std::collections::{HashMap, HashSet};

use super::too_many;
use crate::ballot::{ContestMarks, Paper};
use crate::election::{Contest, Election};
use crate::error::{Problem, ProblemKind};
use crate::limits::{
    hidden_character, too_long, MAX_CANDIDATES, MAX_CONTESTS, MAX_PAPERS, MAX_TEXT_CHARS,
};

/// The definition's contests and candidates by id, to check papers against.
pub struct PaperCheck<'e> {
    contests: HashMap<&'e str, (&'e Contest, HashSet<&'e str>)>,
}

impl<'e> PaperCheck<'e> {
    /// Indexes `election` (checked with `check_election`; a duplicate id keeps the last).
    pub fn new(election: &'e Election) -> PaperCheck<'e> {
        let contests = election
            .contests
            .iter()
            .map(|contest| {
                let candidates = contest.candidates.iter().map(|c| c.id.as_str()).collect();
                (contest.id.as_str(), (contest, candidates))
            })
            .collect();
        PaperCheck { contests }
    }

    /// Every problem of one paper; `index` is its place in the ballots file (0-based), and the
    /// messages name it as paper `index + 1`.
    pub fn check(&self, index: usize, paper: &Paper) -> Vec<Problem> {
        let mut problems = Vec::new();
        let number = index + 1;
        // Paths are only written when there is a problem: most papers have none.
        let at = |rest: &str| format!("ballots[{index}]{rest}");
        if let Some(reason) = &paper.rejected {
            if reason.trim().is_empty() {
                problems.push(Problem::new(
                    at(".rejected"),
                    ProblemKind::EmptyRejection { paper: number },
                ));
            }
            if too_long(reason) {
                problems.push(too_long_problem(at(".rejected"), "rejected"));
            }
            if let Some(c) = hidden_character(reason) {
                problems.push(hidden_problem(at(".rejected"), "rejected", c));
            }
        }
        if let Some(kind) = too_many("contests on one paper", paper.contests.len(), MAX_CONTESTS) {
            problems.push(Problem::new(at(".contests"), kind));
            return problems;
        }
        for (contest_id, marks) in &paper.contests {
            let contest_at = |rest: &str| at(&format!(".contests.{contest_id}{rest}"));
            let Some((contest, candidates)) = self.contests.get(contest_id.as_str()) else {
                problems.push(Problem::new(
                    contest_at(""),
                    ProblemKind::UnknownContest {
                        paper: number,
                        contest: contest_id.clone(),
                    },
                ));
                continue;
            };
            let mut found = |rest: &str, kind: ProblemKind| {
                problems.push(Problem::new(contest_at(rest), kind));
            };
            check_marks(number, contest_id, contest, candidates, marks, &mut found);
        }
        problems
    }
}

fn check_marks(
    number: usize,
    contest_id: &str,
    contest: &Contest,
    candidates: &HashSet<&str>,
    marks: &ContestMarks,
    found: &mut impl FnMut(&str, ProblemKind),
) {
    // More marks than candidates means unknown ones, listed below; the bound keeps that list
    // (and the message) short.
    if let Some(kind) = too_many("marks in one contest", marks.marks.len(), MAX_CANDIDATES) {
        found(".marks", kind);
    } else {
        for candidate_id in marks.marks.keys() {
            if !candidates.contains(candidate_id.as_str()) {
                found(
                    &format!(".marks.{candidate_id}"),
                    ProblemKind::UnknownCandidate {
                        paper: number,
                        contest: contest_id.to_owned(),
                        candidate: candidate_id.clone(),
                    },
                );
            }
        }
    }
    if !marks.write_ins.is_empty() && !contest.write_ins.allowed {
        found(
            ".write_ins",
            ProblemKind::WriteInNotAllowed {
                paper: number,
                contest: contest_id.to_owned(),
            },
        );
    }
    if let Some(kind) = too_many(
        "write-ins in one contest",
        marks.write_ins.len(),
        MAX_CANDIDATES,
    ) {
        found(".write_ins", kind);
        return;
    }
    let mut names = HashSet::new();
    for (w, write_in) in marks.write_ins.iter().enumerate() {
        let kind = if write_in.name.trim().is_empty() {
            ProblemKind::EmptyWriteIn {
                paper: number,
                contest: contest_id.to_owned(),
            }
        } else if too_long(&write_in.name) {
            ProblemKind::TooLong {
                what: "write-in name",
                max: MAX_TEXT_CHARS,
            }
        } else if let Some(c) = hidden_character(&write_in.name) {
            ProblemKind::HiddenCharacter {
                what: "write-in name",
                code: u32::from(c),
            }
        } else if !names.insert(write_in.name.as_str()) {
            ProblemKind::DuplicateWriteIn {
                paper: number,
                contest: contest_id.to_owned(),
                name: write_in.name.clone(),
            }
        } else {
            continue;
        };
        found(&format!(".write_ins[{w}].name"), kind);
    }
}

fn too_long_problem(path: String, what: &'static str) -> Problem {
    Problem::new(
        path,
        ProblemKind::TooLong {
            what,
            max: MAX_TEXT_CHARS,
        },
    )
}

fn hidden_problem(path: String, what: &'static str, c: char) -> Problem {
    Problem::new(
        path,
        ProblemKind::HiddenCharacter {
            what,
            code: u32::from(c),
        },
    )
}

/// Every problem of one paper, for a single paper (many papers: [`check_papers`] or one
/// [`PaperCheck`], which indexes the election once).
pub fn check_paper(election: &Election, index: usize, paper: &Paper) -> Vec<Problem> {
    PaperCheck::new(election).check(index, paper)
}

/// Every problem of every paper, and of their number.
pub fn check_papers(election: &Election, papers: &[Paper]) -> Vec<Problem> {
    if let Some(kind) = too_many("papers", papers.len(), MAX_PAPERS) {
        return vec![Problem::new("ballots", kind)];
    }
    let check = PaperCheck::new(election);
    papers
        .iter()
        .enumerate()
        .flat_map(|(index, paper)| check.check(index, paper))
        .collect()
}
