//! The definition: unique ids, seats >= 1, `round_of` only in round 2 or more (docs/rules.md "Rounds"),
//! sane delegates, thresholds and shortfall settings (R1, R6, R8), real dates, and the bounds
//! of `limits` (so that counting and totals stay linear and cannot overflow).

use std::collections::HashSet;

use super::{too_many, WRITE_IN_PREFIX};
use crate::election::{Base, Comparison, Contest, Election, Quorum, ShortfallRule, Threshold};
use crate::error::{Problem, ProblemKind};
use crate::limits::{
    hidden_character, too_long, MAX_CANDIDATES, MAX_CONTESTS, MAX_DELEGATES, MAX_ROUND, MAX_SEATS,
    MAX_TEXT_CHARS,
};

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
        check_text(|| field.to_string(), value, field, &mut push);
    }
    if !is_real_date(&election.date) {
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
    for (field, value) in [
        ("delegates.entitled", delegates.entitled),
        ("delegates.present", delegates.present),
        ("ballots_issued", election.ballots_issued),
    ] {
        if let Some(kind) = too_many(field, value as usize, MAX_DELEGATES as usize) {
            push(field.into(), kind);
        }
    }
    match election.quorum {
        Some(Quorum::MoreThan(fraction)) if fraction.is_whole() => {
            push("quorum".into(), ProblemKind::UnreachableThreshold);
        }
        Some(Quorum::AtLeast(fraction)) if fraction.is_whole() => {
            push("quorum".into(), ProblemKind::WholeFraction);
        }
        _ => {}
    }
    if election.round == 0 {
        push("round".into(), ProblemKind::RoundZero);
    }
    if let Some(kind) = too_many("round", election.round as usize, MAX_ROUND as usize) {
        push("round".into(), kind);
    }
    if election.contests.is_empty() {
        push("contests".into(), ProblemKind::NoContests);
    }
    if let Some(kind) = too_many("contests", election.contests.len(), MAX_CONTESTS) {
        // Each contest is still checked: the list is bounded by the file's size limit.
        push("contests".into(), kind);
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
    check_text(|| format!("{at}.id"), &contest.id, "id", push);
    check_text(|| format!("{at}.office"), &contest.office, "office", push);
    if contest.seats == 0 {
        push(format!("{at}.seats"), ProblemKind::NoSeats);
    }
    if let Some(kind) = too_many("seats", contest.seats as usize, MAX_SEATS as usize) {
        push(format!("{at}.seats"), kind);
    }
    if let Some(kind) = too_many("candidates", contest.candidates.len(), MAX_CANDIDATES) {
        push(format!("{at}.candidates"), kind);
    }
    if contest.candidates.is_empty() && !contest.write_ins.allowed {
        push(format!("{at}.candidates"), ProblemKind::NoCandidates);
    }
    let mut candidate_ids = HashSet::new();
    for (index, candidate) in contest.candidates.iter().enumerate() {
        // Paths are made only for a problem found: a definition has hundreds of them.
        let cat = || format!("{at}.candidates[{index}]");
        if candidate.id.trim().is_empty() {
            push(format!("{}.id", cat()), ProblemKind::Empty { what: "id" });
        } else if candidate.id.starts_with(WRITE_IN_PREFIX) {
            push(
                format!("{}.id", cat()),
                ProblemKind::ReservedId {
                    id: candidate.id.clone(),
                },
            );
        }
        if !candidate_ids.insert(candidate.id.as_str()) {
            push(
                format!("{}.id", cat()),
                ProblemKind::DuplicateId {
                    id: candidate.id.clone(),
                },
            );
        }
        if candidate.name.trim().is_empty() {
            push(
                format!("{}.name", cat()),
                ProblemKind::Empty { what: "name" },
            );
        }
        check_text(|| format!("{}.id", cat()), &candidate.id, "id", push);
        check_text(|| format!("{}.name", cat()), &candidate.name, "name", push);
    }
    if let Some(kind) = whole_fraction(&contest.threshold) {
        push(format!("{at}.threshold"), kind);
    }
    let shortfall = contest.shortfall;
    if let Some(kind) = too_many("extra", shortfall.extra as usize, MAX_SEATS as usize) {
        push(format!("{at}.shortfall.extra"), kind);
    }
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
        } else if let Some(kind) = whole_fraction(&floor) {
            push(format!("{at}.shortfall.floor"), kind);
        }
    }
    match (round >= 2, &contest.round_of) {
        (false, Some(_)) => push(format!("{at}.round_of"), ProblemKind::RoundOfInFirstRound),
        (true, None) => push(format!("{at}.round_of"), ProblemKind::MissingRoundOf),
        (true, Some(of)) if of.trim().is_empty() => push(
            format!("{at}.round_of"),
            ProblemKind::Empty { what: "round_of" },
        ),
        (true, Some(of)) => check_text(|| format!("{at}.round_of"), of, "round_of", push),
        _ => {}
    }
}

/// A text's length, and no character that would act on the display (a U+202E in a name
/// reverses the line it is shown in): what every name, title and id must keep to.
fn check_text(
    path: impl Fn() -> String,
    text: &str,
    what: &'static str,
    push: &mut impl FnMut(String, ProblemKind),
) {
    if too_long(text) {
        push(
            path(),
            ProblemKind::TooLong {
                what,
                max: MAX_TEXT_CHARS,
            },
        );
    }
    if let Some(c) = hidden_character(text) {
        push(
            path(),
            ProblemKind::HiddenCharacter {
                what,
                code: u32::from(c),
            },
        );
    }
}

/// A threshold or floor must be a fraction strictly below 1 (issue 10: `0 < p/q < 1`).
/// `more_than` a whole (`1/1`, `7/7`) can never be reached: votes cannot exceed a base that
/// counts every voter or paper. `at_least` a whole asks for every single vote of the base,
/// which is not a threshold but a veto for any one voter: refused too.
fn whole_fraction(threshold: &Threshold) -> Option<ProblemKind> {
    match threshold.comparison {
        Some(Comparison::MoreThan(f)) if f.is_whole() => Some(ProblemKind::UnreachableThreshold),
        Some(Comparison::AtLeast(f)) if f.is_whole() => Some(ProblemKind::WholeFraction),
        _ => None,
    }
}

/// `YYYY-MM-DD`, and a day that exists in that month (29 February in leap years only).
fn is_real_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = &bytes[range];
        digits
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_dates_only() {
        for date in ["2017-08-25", "2024-02-29", "2000-02-29", "2026-12-31"] {
            assert!(is_real_date(date), "{date}");
        }
        for date in [
            "2017-8-25",
            "2017-13-01",
            "2017-02-31",
            "2023-02-29",
            "1900-02-29",
            "2017-04-31",
            "2017-00-10",
            "2017-01-00",
            "+017-01-01",
            "二〇一七年八月",
        ] {
            assert!(!is_real_date(date), "{date}");
        }
    }
}
