//! Checking what a file says against the rules, after it was read: every problem is listed,
//! each with its JSON path, so an officer can fix them all at once.
//!
//! - definition: unique ids, seats >= 1, `round_of` only in round 2 or more (docs/rules.md "Rounds"),
//!   sane delegates, thresholds and shortfall settings (R1, R6, R8);
//! - paper: unknown contest or candidate, write-ins where none are allowed (R4), a rejection
//!   without a reason (R5). Each names the paper's number (1-based, as counted at the table).

use std::collections::HashSet;

use crate::ballot::Paper;
use crate::election::{Base, Comparison, Contest, Election, ShortfallRule, Threshold};
use crate::error::{Problem, ProblemKind};
use crate::fraction::Fraction;

/// The prefix naming a write-in in `elected` and `open.candidates` (R10).
pub const WRITE_IN_PREFIX: &str = "write_in:";

/// Every problem of a definition that was read fine. Empty means it can be counted.
pub fn check_election(election: &Election) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |path: String, kind: ProblemKind| problems.push(Problem::new(path, kind));

    for (field, value) in [
        ("title", &election.title),
        ("body", &election.body),
        ("place", &election.place),
    ] {
        if value.trim().is_empty() {
            push(field.into(), ProblemKind::Empty { what: field });
        }
    }
    if !is_iso_date(&election.date) {
        push(
            "date".into(),
            ProblemKind::BadDate {
                date: election.date.clone(),
            },
        );
    }
    let delegates = election.delegates;
    if delegates.entitled == 0 {
        push("delegates.entitled".into(), ProblemKind::NoEntitled);
    }
    if delegates.present > delegates.entitled {
        push(
            "delegates.present".into(),
            ProblemKind::PresentOverEntitled {
                present: delegates.present,
                entitled: delegates.entitled,
            },
        );
    }
    if election.round == 0 {
        push("round".into(), ProblemKind::RoundZero);
    }
    if election.contests.is_empty() {
        push("contests".into(), ProblemKind::NoContests);
    }
    let mut contest_ids = HashSet::new();
    for (index, contest) in election.contests.iter().enumerate() {
        let at = format!("contests[{index}]");
        if !contest_ids.insert(contest.id.as_str()) {
            push(
                format!("{at}.id"),
                ProblemKind::DuplicateId {
                    id: contest.id.clone(),
                },
            );
        }
        check_contest(election.round, contest, &at, &mut push);
    }
    problems
}

fn check_contest(
    round: u32,
    contest: &Contest,
    at: &str,
    push: &mut impl FnMut(String, ProblemKind),
) {
    if contest.id.trim().is_empty() {
        push(format!("{at}.id"), ProblemKind::Empty { what: "id" });
    }
    if contest.office.trim().is_empty() {
        push(
            format!("{at}.office"),
            ProblemKind::Empty { what: "office" },
        );
    }
    if contest.seats == 0 {
        push(format!("{at}.seats"), ProblemKind::NoSeats);
    }
    if contest.candidates.is_empty() && !contest.write_ins.allowed {
        push(format!("{at}.candidates"), ProblemKind::NoCandidates);
    }
    let mut candidate_ids = HashSet::new();
    for (index, candidate) in contest.candidates.iter().enumerate() {
        let cat = format!("{at}.candidates[{index}]");
        if candidate.id.trim().is_empty() {
            push(format!("{cat}.id"), ProblemKind::Empty { what: "id" });
        } else if candidate.id.starts_with(WRITE_IN_PREFIX) {
            push(
                format!("{cat}.id"),
                ProblemKind::ReservedId {
                    id: candidate.id.clone(),
                },
            );
        }
        if !candidate_ids.insert(candidate.id.as_str()) {
            push(
                format!("{cat}.id"),
                ProblemKind::DuplicateId {
                    id: candidate.id.clone(),
                },
            );
        }
        if candidate.name.trim().is_empty() {
            push(format!("{cat}.name"), ProblemKind::Empty { what: "name" });
        }
    }
    if is_unreachable(&contest.threshold) {
        push(format!("{at}.threshold"), ProblemKind::UnreachableThreshold);
    }
    let shortfall = contest.shortfall;
    if shortfall.rule != ShortfallRule::AnotherRound {
        if shortfall.extra > 0 {
            push(
                format!("{at}.shortfall.extra"),
                ProblemKind::ShortfallSettingUnused { setting: "extra" },
            );
        }
        if shortfall.floor.is_some() {
            push(
                format!("{at}.shortfall.floor"),
                ProblemKind::ShortfallSettingUnused { setting: "floor" },
            );
        }
    }
    if let Some(floor) = shortfall.floor {
        if floor.of == Base::None || floor.comparison.is_none() {
            push(
                format!("{at}.shortfall.floor"),
                ProblemKind::FloorWithoutFraction,
            );
        } else if is_unreachable(&floor) {
            push(
                format!("{at}.shortfall.floor"),
                ProblemKind::UnreachableThreshold,
            );
        }
    }
    match (round >= 2, &contest.round_of) {
        (false, Some(_)) => push(format!("{at}.round_of"), ProblemKind::RoundOfInFirstRound),
        (true, None) => push(format!("{at}.round_of"), ProblemKind::MissingRoundOf),
        (true, Some(of)) if of.trim().is_empty() => push(
            format!("{at}.round_of"),
            ProblemKind::Empty { what: "round_of" },
        ),
        _ => {}
    }
}

/// `more_than 1/1`: votes can never exceed a base that counts every voter or paper.
fn is_unreachable(threshold: &Threshold) -> bool {
    matches!(threshold.comparison, Some(Comparison::MoreThan(f)) if f == Fraction { numerator: 1, denominator: 1 })
}

fn is_iso_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = date[5..7].parse().unwrap_or(0);
    let day: u32 = date[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Every problem of one paper; `index` is its place in the ballots file (0-based), and the
/// messages name it as paper `index + 1`.
pub fn check_paper(election: &Election, index: usize, paper: &Paper) -> Vec<Problem> {
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
    }
    for (contest_id, marks) in &paper.contests {
        let contest_at = |rest: &str| at(&format!(".contests.{contest_id}{rest}"));
        let Some(contest) = election.contests.iter().find(|c| &c.id == contest_id) else {
            problems.push(Problem::new(
                contest_at(""),
                ProblemKind::UnknownContest {
                    paper: number,
                    contest: contest_id.clone(),
                },
            ));
            continue;
        };
        for candidate_id in marks.marks.keys() {
            if !contest.candidates.iter().any(|c| &c.id == candidate_id) {
                problems.push(Problem::new(
                    contest_at(&format!(".marks.{candidate_id}")),
                    ProblemKind::UnknownCandidate {
                        paper: number,
                        contest: contest_id.clone(),
                        candidate: candidate_id.clone(),
                    },
                ));
            }
        }
        if !marks.write_ins.is_empty() && !contest.write_ins.allowed {
            problems.push(Problem::new(
                contest_at(".write_ins"),
                ProblemKind::WriteInNotAllowed {
                    paper: number,
                    contest: contest_id.clone(),
                },
            ));
        }
        for (w, write_in) in marks.write_ins.iter().enumerate() {
            let kind = if write_in.name.trim().is_empty() {
                ProblemKind::EmptyWriteIn {
                    paper: number,
                    contest: contest_id.clone(),
                }
            } else if marks.write_ins[..w]
                .iter()
                .any(|earlier| earlier.name == write_in.name)
            {
                ProblemKind::DuplicateWriteIn {
                    paper: number,
                    contest: contest_id.clone(),
                    name: write_in.name.clone(),
                }
            } else {
                continue;
            };
            problems.push(Problem::new(
                contest_at(&format!(".write_ins[{w}].name")),
                kind,
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert!(is_iso_date("2017-08-25"));
        assert!(!is_iso_date("2017-8-25"));
        assert!(!is_iso_date("2017-13-01"));
        assert!(!is_iso_date("二〇一七年八月"));
    }
}
