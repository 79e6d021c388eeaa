//! Who takes the seats of one contest: R6 (threshold), R7 (ranking and ties) and R8 (seats not
//! filled). Integers only; a tie is never broken by the order of a list: it is either decided by
//! a rule of the election (fewer `against`) or left open for the meeting.

use crate::election::{Base, Comparison, Contest, Delegates, ShortfallRule, Threshold, TiePolicy};
use crate::tally::{OpenReason, OpenSeats, ThresholdOutcome};

/// The numbers a threshold base can be taken from (R6), for one contest.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BaseCounts {
    pub delegates: Delegates,
    pub cast: u64,
    pub valid: u64,
    pub blank: u64,
}

impl BaseCounts {
    pub fn value(&self, base: Base) -> u64 {
        match base {
            Base::Entitled => u64::from(self.delegates.entitled),
            Base::Present => u64::from(self.delegates.present),
            Base::BallotsCast => self.cast,
            Base::Valid => self.valid,
            Base::CastNonBlank => self.cast.saturating_sub(self.blank),
            Base::None => 0,
        }
    }
}

/// R6: the least number of votes that reaches `threshold`, exactly:
/// `more_than p/q`: the least v with `v*q > p*base`; `at_least p/q`: the least v with `v*q >= p*base`.
/// A candidate with no vote is never elected, so the result is at least 1 (also for plurality).
pub(crate) fn votes_needed(threshold: &Threshold, base: u64) -> u64 {
    let needed = match threshold.comparison {
        None => 0,
        Some(Comparison::MoreThan(f)) => {
            let product = u128::from(f.numerator) * u128::from(base);
            product / u128::from(f.denominator) + 1
        }
        Some(Comparison::AtLeast(f)) => {
            let product = u128::from(f.numerator) * u128::from(base);
            product.div_ceil(u128::from(f.denominator))
        }
    };
    u64::try_from(needed).unwrap_or(u64::MAX).max(1)
}

pub(crate) fn threshold_outcome(
    threshold: &Threshold,
    counts: &BaseCounts,
) -> (ThresholdOutcome, u64) {
    let base = counts.value(threshold.of);
    let needed = votes_needed(threshold, base);
    let (rule, fraction) = match threshold.comparison {
        None => (None, None),
        Some(Comparison::MoreThan(f)) => (Some("more_than".to_string()), Some(f)),
        Some(Comparison::AtLeast(f)) => (Some("at_least".to_string()), Some(f)),
    };
    let outcome = ThresholdOutcome {
        of: threshold.of,
        rule,
        fraction,
        base: saturate(base),
        needed: saturate(needed),
    };
    (outcome, needed)
}

pub(crate) fn saturate(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One printed candidate or counted write-in, as ranked for the seats.
#[derive(Clone, Debug)]
pub(crate) struct Standing {
    /// The candidate id, or `write_in:<name>`.
    pub name: String,
    pub votes: u64,
    /// `None` for a write-in, which cannot be marked `against`.
    pub against: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Allocation {
    pub elected: Vec<String>,
    pub open: OpenSeats,
}

/// R7 and R8 for a counted contest. `standings` come printed candidates first in the order of
/// the definition, then write-ins by name; that order only lists equals, it never decides a tie.
pub(crate) fn allocate(contest: &Contest, mut standings: Vec<Standing>, needed: u64) -> Allocation {
    let seats = contest.seats as usize;
    // Stable: equals keep the order of the definition, for display only.
    crate::order::sort_by_key(&mut standings, |s| std::cmp::Reverse(s.votes));
    let qualified = standings.iter().take_while(|s| s.votes >= needed).count();

    if qualified > seats {
        return break_tie_at_cut(contest.ties, &standings[..qualified], seats);
    }
    let elected: Vec<String> = standings[..qualified]
        .iter()
        .map(|s| s.name.clone())
        .collect();
    let remaining = seats - qualified;
    if remaining == 0 {
        return Allocation {
            elected,
            open: OpenSeats::default(),
        };
    }
    let unelected: Vec<&Standing> = standings[qualified..]
        .iter()
        .filter(|s| s.against.is_some() || s.votes > 0)
        .collect();
    let proposed: Vec<String> = match contest.shortfall.rule {
        ShortfallRule::LeaveVacant => Vec::new(),
        ShortfallRule::Repeat => unelected.iter().map(|s| s.name.clone()).collect(),
        ShortfallRule::AnotherRound => {
            let wanted = remaining.saturating_add(contest.shortfall.extra as usize);
            best_placed(&unelected, wanted)
        }
    };
    let open = if proposed.is_empty() {
        OpenSeats {
            seats: remaining as u32,
            reason: Some(OpenReason::Vacant),
            candidates: Vec::new(),
        }
    } else {
        OpenSeats {
            seats: remaining as u32,
            reason: Some(OpenReason::AnotherRound),
            candidates: proposed,
        }
    };
    Allocation { elected, open }
}

/// R8: the `wanted` best placed, and everyone tied with the last of them.
fn best_placed(ranked: &[&Standing], wanted: usize) -> Vec<String> {
    if wanted == 0 {
        return Vec::new();
    }
    if ranked.len() <= wanted {
        return ranked.iter().map(|s| s.name.clone()).collect();
    }
    let cut = ranked[wanted - 1].votes;
    ranked
        .iter()
        .take_while(|s| s.votes >= cut)
        .map(|s| s.name.clone())
        .collect()
}

/// R7: more candidates reached the threshold than there are seats. Those above the vote at the
/// last seat are elected; if more candidates have that vote than seats remain, they are tied
/// and the remaining seats follow the tie policy.
fn break_tie_at_cut(ties: TiePolicy, qualified: &[Standing], seats: usize) -> Allocation {
    if seats == 0 {
        return Allocation {
            elected: Vec::new(),
            open: OpenSeats::default(),
        };
    }
    let cut = qualified[seats - 1].votes;
    let mut elected: Vec<String> = qualified
        .iter()
        .take_while(|s| s.votes > cut)
        .map(|s| s.name.clone())
        .collect();
    let tied: Vec<&Standing> = qualified.iter().filter(|s| s.votes == cut).collect();
    let at_stake = seats - elected.len();
    if tied.len() <= at_stake {
        // Equal votes, but a seat for each of them: no tie to break.
        elected.extend(tied.iter().map(|s| s.name.clone()));
        return Allocation {
            elected,
            open: OpenSeats::default(),
        };
    }
    let open = |seats: usize, reason, group: &[&Standing]| OpenSeats {
        seats: seats as u32,
        reason: Some(reason),
        candidates: group.iter().map(|s| s.name.clone()).collect(),
    };
    let has_write_in = tied.iter().any(|s| s.against.is_none());
    match ties {
        TiePolicy::Lot => Allocation {
            elected,
            open: open(at_stake, OpenReason::LotRequired, &tied),
        },
        // A write-in cannot be marked `against`, so fewer `against` cannot fairly decide for it.
        TiePolicy::Runoff => Allocation {
            elected,
            open: open(at_stake, OpenReason::RunoffRequired, &tied),
        },
        TiePolicy::FewerAgainstThenRunoff if has_write_in => Allocation {
            elected,
            open: open(at_stake, OpenReason::RunoffRequired, &tied),
        },
        TiePolicy::FewerAgainstThenRunoff => {
            let mut by_against = tied;
            crate::order::sort_by_key(&mut by_against, |s| s.against);
            let mut left = at_stake;
            let mut start = 0;
            while left > 0 && start < by_against.len() {
                let against = by_against[start].against;
                let end = start
                    + by_against[start..]
                        .iter()
                        .take_while(|s| s.against == against)
                        .count();
                let group = &by_against[start..end];
                if group.len() > left {
                    return Allocation {
                        elected,
                        open: open(left, OpenReason::RunoffRequired, group),
                    };
                }
                elected.extend(group.iter().map(|s| s.name.clone()));
                left -= group.len();
                start = end;
            }
            Allocation {
                elected,
                open: OpenSeats::default(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fraction::Fraction;

    fn needed(comparison: Option<Comparison>, base: u64) -> u64 {
        let of = if comparison.is_some() {
            Base::BallotsCast
        } else {
            Base::None
        };
        votes_needed(&Threshold { of, comparison }, base)
    }

    #[test]
    fn votes_needed_is_exact_at_the_boundaries() {
        let half = Fraction::HALF;
        let two_thirds = Fraction {
            numerator: 2,
            denominator: 3,
        };
        assert_eq!(needed(Some(Comparison::MoreThan(half)), 9), 5);
        assert_eq!(needed(Some(Comparison::MoreThan(half)), 10), 6);
        assert_eq!(needed(Some(Comparison::AtLeast(half)), 10), 5);
        assert_eq!(needed(Some(Comparison::AtLeast(half)), 9), 5);
        assert_eq!(needed(Some(Comparison::AtLeast(two_thirds)), 27), 18);
        assert_eq!(needed(Some(Comparison::MoreThan(two_thirds)), 27), 19);
        assert_eq!(needed(Some(Comparison::AtLeast(half)), 0), 1);
        assert_eq!(needed(None, 0), 1);
    }

    #[test]
    fn votes_needed_does_not_overflow() {
        let all = Fraction {
            numerator: 1,
            denominator: 1,
        };
        let max = u64::from(u32::MAX);
        assert_eq!(needed(Some(Comparison::MoreThan(all)), max), max + 1);
        let odd = Fraction {
            numerator: u32::MAX - 1,
            denominator: u32::MAX,
        };
        assert_eq!(needed(Some(Comparison::AtLeast(odd)), max), max - 1);
        // Agrees with the comparison the rule states, `votes * q >= p * base`.
        assert!(odd.reached_by(max - 1, max) && !odd.reached_by(max - 2, max));
    }
}
