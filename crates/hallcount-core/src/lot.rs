//! R7: whether a lot's outcome may fill a contest's tied seats. One rule, used by the log (a lot
//! is refused when drawn or read back), by the signed result (only a valid lot is carried, and
//! `verify` refuses a payload with another) and by the town's roll-up.
//!
//! A lot is valid for a contest's tally when the tally leaves seats open for a lot
//! (`lot_required`), and its winners are distinct, all among the tied candidates, and exactly as
//! many as the open seats.

use std::fmt;

use crate::log::LotOutcome;
use crate::tally::{ContestTally, OpenReason, Tally};

/// Why a lot cannot fill a contest's tied seats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LotProblem {
    /// The tally has no contest with this id.
    UnknownContest,
    /// The contest's open seats (if any) are not for a lot.
    NotRequired,
    /// A winner named twice.
    RepeatedWinner { winner: String },
    /// A winner who is not among the tied candidates.
    NotTied { winner: String },
    /// More or fewer winners than open seats.
    WrongNumber { seats: u32, winners: usize },
}

impl fmt::Display for LotProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LotProblem::UnknownContest => f.write_str("there is no such contest"),
            LotProblem::NotRequired => f.write_str("the count leaves no seat to a lot"),
            LotProblem::RepeatedWinner { winner } => write!(f, "\"{winner}\" is named twice"),
            LotProblem::NotTied { winner } => {
                write!(f, "\"{winner}\" is not among the tied candidates")
            }
            LotProblem::WrongNumber { seats, winners } => {
                write!(f, "{winners} winner(s) for {seats} seat(s) at stake")
            }
        }
    }
}

/// Whether `winners` may fill the seats `contest` leaves to a lot.
pub fn check_lot(contest: &ContestTally, winners: &[String]) -> Result<(), LotProblem> {
    if contest.open.reason != Some(OpenReason::LotRequired) || contest.open.seats == 0 {
        return Err(LotProblem::NotRequired);
    }
    for (index, winner) in winners.iter().enumerate() {
        if winners[..index].contains(winner) {
            return Err(LotProblem::RepeatedWinner {
                winner: winner.clone(),
            });
        }
        if !contest.open.candidates.contains(winner) {
            return Err(LotProblem::NotTied {
                winner: winner.clone(),
            });
        }
    }
    if winners.len() != contest.open.seats as usize {
        return Err(LotProblem::WrongNumber {
            seats: contest.open.seats,
            winners: winners.len(),
        });
    }
    Ok(())
}

/// [`check_lot`] for a recorded lot against a whole tally: its contest must be in it.
pub fn check_lot_in(tally: &Tally, lot: &LotOutcome) -> Result<(), LotProblem> {
    let contest = tally
        .contests
        .iter()
        .find(|contest| contest.id == lot.contest)
        .ok_or(LotProblem::UnknownContest)?;
    check_lot(contest, &lot.winners)
}

/// The lot that fills `contest`'s tied seats: the last one recorded for it, if that one is valid
/// for this tally. A lot drawn before a paper was voided may no longer fit: then none.
pub fn lot_for<'a>(lots: &'a [LotOutcome], contest: &ContestTally) -> Option<&'a LotOutcome> {
    let lot = lots.iter().rev().find(|lot| lot.contest == contest.id)?;
    check_lot(contest, &lot.winners).ok().map(|()| lot)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tally::{OpenSeats, ThresholdOutcome};

    fn tied(seats: u32, candidates: &[&str], reason: Option<OpenReason>) -> ContestTally {
        ContestTally {
            id: "vice".into(),
            office: "副主席".into(),
            seats: 2,
            round_of: None,
            cast: 10,
            valid: 10,
            invalid: 0,
            blank: 0,
            threshold: ThresholdOutcome {
                of: crate::election::Base::BallotsCast,
                rule: None,
                fraction: None,
                base: 10,
                needed: 1,
            },
            candidates: Vec::new(),
            write_ins: Vec::new(),
            elected: Vec::new(),
            open: OpenSeats {
                seats,
                reason,
                candidates: candidates.iter().map(|c| c.to_string()).collect(),
            },
        }
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn the_lot_rule_case_by_case() {
        let lot = Some(OpenReason::LotRequired);
        let cases: &[(ContestTally, &[&str], Result<(), LotProblem>)] = &[
            (tied(2, &["V1", "V2", "V3"], lot), &["V1", "V3"], Ok(())),
            (
                tied(2, &["V1", "V2", "V3"], lot),
                &["V1", "V1"],
                Err(LotProblem::RepeatedWinner {
                    winner: "V1".into(),
                }),
            ),
            (
                tied(1, &["V1", "V2"], lot),
                &["V9"],
                Err(LotProblem::NotTied {
                    winner: "V9".into(),
                }),
            ),
            (
                tied(2, &["V1", "V2", "V3"], lot),
                &["V1"],
                Err(LotProblem::WrongNumber {
                    seats: 2,
                    winners: 1,
                }),
            ),
            (
                tied(1, &["V1", "V2"], lot),
                &[],
                Err(LotProblem::WrongNumber {
                    seats: 1,
                    winners: 0,
                }),
            ),
            (
                tied(1, &["V1", "V2"], Some(OpenReason::RunoffRequired)),
                &["V1"],
                Err(LotProblem::NotRequired),
            ),
            (tied(0, &[], None), &["V1"], Err(LotProblem::NotRequired)),
        ];
        for (contest, winners, expected) in cases {
            assert_eq!(
                &check_lot(contest, &names(winners)),
                expected,
                "{winners:?}"
            );
        }
    }

    #[test]
    fn the_last_valid_lot_for_the_contest_fills_it() {
        let contest = tied(1, &["V1", "V2"], Some(OpenReason::LotRequired));
        let lot = |contest: &str, winners: &[&str]| LotOutcome {
            contest: contest.into(),
            winners: names(winners),
        };
        let lots = [
            lot("vice", &["V1"]),
            lot("vice", &["V2"]),
            lot("other", &["V1"]),
        ];
        assert_eq!(lot_for(&lots, &contest), Some(&lots[1]));
        let stale = [lot("vice", &["V1"]), lot("vice", &["V1", "V2"])];
        assert_eq!(
            lot_for(&stale, &contest),
            None,
            "the last one counts, and is invalid"
        );
    }
}
