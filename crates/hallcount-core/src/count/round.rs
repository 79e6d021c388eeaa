//! docs/rules.md "Rounds": a runoff, another round or a repeat is voted on new papers, as an election of
//! its own (`round` + 1) whose contests each name in `round_of` the contest they fill.

use crate::check::WRITE_IN_PREFIX;
use crate::election::{
    Base, Candidate, Contest, Election, Shortfall, ShortfallRule, Threshold, WriteIns,
};
use crate::tally::{OpenReason, Status, Tally};

/// The next round for the open seats of `tally` (the result of `election`), or `None` when no
/// seat needs a new ballot. For each contest with open seats:
///
/// - `runoff_required` (R7): the tied candidates, for the seats at stake, by plurality
///   (`of: none`), no write-ins, same tie policy; a seat nobody votes for stays vacant.
/// - `another_round` under `another_round` (R8): the proposed candidates, for the open seats,
///   threshold = the floor (or plurality when there is none), below it a seat stays vacant
///   (`leave_vacant`), no write-ins, same tie policy.
/// - `another_round` under `repeat` (R8): every unelected candidate, same threshold, write-ins
///   and shortfall rule as before (another ballot under the same rule).
///
/// `lot_required` and `vacant` seats need no ballot (the officer records the lot). A `void` or
/// `quorum_not_met` election is voted again as the same round, so there is no next round.
/// A write-in proposed again becomes a printed candidate with a fresh id `W1`, `W2`, ...
pub fn propose_next_round(election: &Election, tally: &Tally) -> Option<Election> {
    if tally.status != Status::Valid {
        return None;
    }
    let contests: Vec<Contest> = election
        .contests
        .iter()
        .filter_map(|contest| {
            let outcome = tally.contests.iter().find(|c| c.id == contest.id)?;
            let open = &outcome.open;
            if open.seats == 0 || open.candidates.is_empty() {
                return None;
            }
            let (threshold, write_ins, shortfall) = match (open.reason?, contest.shortfall.rule) {
                (OpenReason::RunoffRequired, _) => (plurality(), no_write_ins(), leave_vacant()),
                (OpenReason::AnotherRound, ShortfallRule::Repeat) => {
                    (contest.threshold, contest.write_ins, contest.shortfall)
                }
                (OpenReason::AnotherRound, _) => (
                    contest.shortfall.floor.unwrap_or_else(plurality),
                    no_write_ins(),
                    leave_vacant(),
                ),
                (OpenReason::LotRequired | OpenReason::Vacant, _) => return None,
            };
            Some(Contest {
                id: contest.id.clone(),
                office: contest.office.clone(),
                seats: open.seats,
                candidates: proposed_candidates(contest, &open.candidates),
                write_ins,
                threshold,
                ties: contest.ties,
                shortfall,
                round_of: Some(contest.id.clone()),
            })
        })
        .collect();
    if contests.is_empty() {
        return None;
    }
    Some(Election {
        round: election.round.saturating_add(1),
        contests,
        ..election.clone()
    })
}

fn plurality() -> Threshold {
    Threshold {
        of: Base::None,
        comparison: None,
    }
}

fn no_write_ins() -> WriteIns {
    WriteIns {
        allowed: false,
        need_mark: false,
    }
}

fn leave_vacant() -> Shortfall {
    Shortfall {
        rule: ShortfallRule::LeaveVacant,
        extra: 0,
        floor: None,
    }
}

fn proposed_candidates(contest: &Contest, names: &[String]) -> Vec<Candidate> {
    let mut next_write_in = 0;
    names
        .iter()
        .map(|name| match name.strip_prefix(WRITE_IN_PREFIX) {
            Some(written) => loop {
                next_write_in += 1;
                let id = format!("W{next_write_in}");
                if !contest.candidates.iter().any(|c| c.id == id) {
                    break Candidate {
                        id,
                        name: written.to_string(),
                    };
                }
            },
            None => contest
                .candidates
                .iter()
                .find(|c| &c.id == name)
                .cloned()
                .unwrap_or_else(|| Candidate {
                    id: name.clone(),
                    name: name.clone(),
                }),
        })
        .collect()
}
