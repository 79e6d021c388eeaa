//! The election definition (`hallcount/election@1`): the meeting, its contests and their rules.
//!
//! Every rule setting of docs/rules.md is a documented enum here; unknown fields are refused so a
//! typo in a town office's file never passes silently.

use serde::{Deserialize, Serialize};

use crate::fraction::Fraction;

pub const ELECTION_FORMAT: &str = "hallcount/election@1";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Election {
    pub format: String,
    pub title: String,
    pub body: String,
    pub place: String,
    /// ISO date of the meeting, `YYYY-MM-DD`.
    pub date: String,
    pub delegates: Delegates,
    pub ballots_issued: u32,
    /// R1. Absent: no quorum is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quorum: Option<Quorum>,
    /// R2. What the number of papers collected is checked against.
    #[serde(default)]
    pub collected_limit: CollectedLimit,
    /// Rounds: 1 for the first ballot, 2, 3, ... for a runoff or another round on new papers.
    #[serde(default = "first_round", skip_serializing_if = "is_first_round")]
    pub round: u32,
    pub contests: Vec<Contest>,
}

fn first_round() -> u32 {
    1
}

fn is_first_round(round: &u32) -> bool {
    *round == 1
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delegates {
    /// 應到: who may vote.
    pub entitled: u32,
    /// 實到: who came.
    pub present: u32,
}

/// R1: `present` compared with a fraction of `entitled`. Read as an object with one of two
/// keys (not as an enum), so that an unknown key is named with the expected ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", try_from = "QuorumFields")]
pub enum Quorum {
    /// 以上: `present >= f * entitled`.
    AtLeast(Fraction),
    /// 超過: `present > f * entitled`.
    MoreThan(Fraction),
}

/// The JSON shape of a quorum: `{ "more_than" | "at_least": "p/q" }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuorumFields {
    #[serde(default)]
    more_than: Option<Fraction>,
    #[serde(default)]
    at_least: Option<Fraction>,
}

impl TryFrom<QuorumFields> for Quorum {
    type Error = &'static str;

    fn try_from(fields: QuorumFields) -> Result<Quorum, &'static str> {
        match (fields.more_than, fields.at_least) {
            (Some(f), None) => Ok(Quorum::MoreThan(f)),
            (None, Some(f)) => Ok(Quorum::AtLeast(f)),
            _ => Err("a quorum needs exactly one of \"more_than\" or \"at_least\""),
        }
    }
}

/// R2: the reference the number of papers collected must not exceed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CollectedLimit {
    /// Papers handed out (發出).
    #[default]
    Issued,
    /// Voters signed in (實到), for bodies that reconcile against the roll.
    Present,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contest {
    pub id: String,
    /// The office as printed on the paper (主席, 副主席, 執行委員).
    pub office: String,
    pub seats: u32,
    pub candidates: Vec<Candidate>,
    #[serde(default)]
    pub write_ins: WriteIns,
    pub threshold: Threshold,
    #[serde(default)]
    pub ties: TiePolicy,
    #[serde(default)]
    pub shortfall: Shortfall,
    /// In a round 2 or later: the contest of the earlier round whose open seats this one fills.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_of: Option<String>,
}

impl Contest {
    /// A contest under the settings a village uses unless it decides otherwise: more than half
    /// of the ballots cast, a runoff on a tie, another round ([`Shortfall::VILLAGE`]) for seats
    /// not filled; write-ins allowed when marked with a ○. The sample meeting, a new contest of
    /// the set-up screen and the benchmarks start from it.
    pub fn village(id: &str, office: &str, seats: u32, candidates: Vec<Candidate>) -> Contest {
        Contest {
            id: id.into(),
            office: office.into(),
            seats,
            candidates,
            write_ins: WriteIns {
                allowed: true,
                need_mark: true,
            },
            threshold: Threshold::MORE_THAN_HALF_OF_CAST,
            ties: TiePolicy::Runoff,
            shortfall: Shortfall::VILLAGE,
            round_of: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    pub id: String,
    pub name: String,
}

/// R4: write-ins (另選他人).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WriteIns {
    pub allowed: bool,
    /// A name written without a ○ beside it is not a selection (the paper stays valid).
    #[serde(default)]
    pub need_mark: bool,
}

/// R6: what a candidate needs to be elected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ThresholdFields", into = "ThresholdFields")]
pub struct Threshold {
    pub of: Base,
    /// `None` exactly when `of` is [`Base::None`] (plurality).
    pub comparison: Option<Comparison>,
}

impl Threshold {
    /// The village default: more than half of the ballots cast.
    pub const MORE_THAN_HALF_OF_CAST: Threshold = Threshold {
        of: Base::BallotsCast,
        comparison: Some(Comparison::MoreThan(Fraction::HALF)),
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// 超過 / 過半數: `votes > f * base`.
    MoreThan(Fraction),
    /// 以上: `votes >= f * base`.
    AtLeast(Fraction),
}

/// R6: the base a threshold is a fraction of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// 應到.
    Entitled,
    /// 實到.
    Present,
    /// Every paper collected: blank, invalid and rejected included.
    BallotsCast,
    /// Papers valid in this contest, blanks included.
    Valid,
    /// Papers cast less the blank ones, invalid kept in (Robert's Rules).
    CastNonBlank,
    /// Plurality: no threshold.
    None,
}

/// The JSON shape of a threshold or floor: `{ "of": base, "more_than" | "at_least": "p/q" }`.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThresholdFields {
    of: Base,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    more_than: Option<Fraction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    at_least: Option<Fraction>,
}

impl TryFrom<ThresholdFields> for Threshold {
    type Error = String;

    fn try_from(fields: ThresholdFields) -> Result<Threshold, String> {
        let comparison = match (fields.more_than, fields.at_least) {
            (Some(_), Some(_)) => {
                return Err("give either \"more_than\" or \"at_least\", not both".into())
            }
            (Some(f), None) => Some(Comparison::MoreThan(f)),
            (None, Some(f)) => Some(Comparison::AtLeast(f)),
            (None, None) => None,
        };
        match (fields.of, comparison) {
            (Base::None, Some(_)) => Err("a threshold \"of\": \"none\" takes no fraction".into()),
            (Base::None, None) => Ok(Threshold {
                of: Base::None,
                comparison: None,
            }),
            (_, None) => {
                Err("a threshold needs \"more_than\" or \"at_least\" (or \"of\": \"none\")".into())
            }
            (of, comparison) => Ok(Threshold { of, comparison }),
        }
    }
}

impl From<Threshold> for ThresholdFields {
    fn from(threshold: Threshold) -> ThresholdFields {
        let (more_than, at_least) = match threshold.comparison {
            Some(Comparison::MoreThan(f)) => (Some(f), None),
            Some(Comparison::AtLeast(f)) => (None, Some(f)),
            None => (None, None),
        };
        ThresholdFields {
            of: threshold.of,
            more_than,
            at_least,
        }
    }
}

/// R7: what happens when candidates tie for the last seats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TiePolicy {
    /// The tied seats stay open for a new ballot (再次投票).
    #[default]
    Runoff,
    /// Fewer `against` marks wins; still tied: runoff.
    FewerAgainstThenRunoff,
    /// The officer draws lots and records the outcome; the app never picks.
    Lot,
}

/// R8: what happens when fewer candidates reach the threshold than there are seats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shortfall {
    pub rule: ShortfallRule,
    /// With `another_round`: how many more candidates than open seats are proposed.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extra: u32,
    /// With `another_round`: the least a candidate needs in that round (e.g. at least 1/3 of cast).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<Threshold>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Shortfall {
    /// The village default: another round, one candidate more than the open seats, each
    /// needing at least 1/3 of the ballots cast.
    pub const VILLAGE: Shortfall = Shortfall {
        rule: ShortfallRule::AnotherRound,
        extra: 1,
        floor: Some(Threshold {
            of: Base::BallotsCast,
            comparison: Some(Comparison::AtLeast(Fraction {
                numerator: 1,
                denominator: 3,
            })),
        }),
    };
}

impl Default for Shortfall {
    fn default() -> Shortfall {
        Shortfall {
            rule: ShortfallRule::AnotherRound,
            extra: 0,
            floor: None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShortfallRule {
    /// 另行選舉: a new contest for the open seats, by plurality with a floor.
    #[default]
    AnotherRound,
    /// 不再補選: the seats stay vacant.
    LeaveVacant,
    /// Another ballot under the same rule with every unelected candidate (Robert's Rules).
    Repeat,
}
