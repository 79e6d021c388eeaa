//! The result of counting (`hallcount/tally@1`), R10. Produced only by the counting code;
//! the app and the CLI display and export it, never compute it themselves.

use serde::{Deserialize, Serialize};

use crate::election::Base;

pub const TALLY_FORMAT: &str = "hallcount/tally@1";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub format: String,
    pub status: Status,
    pub round: u32,
    pub entitled: u32,
    pub present: u32,
    pub issued: u32,
    pub collected: u32,
    pub contests: Vec<ContestTally>,
}

/// R1, R2: whether the election counts at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Valid,
    /// More papers collected than the reference: nobody is elected, vote again.
    Void,
    QuorumNotMet,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContestTally {
    pub id: String,
    pub office: String,
    pub seats: u32,
    /// In round 2 or later: the contest of the earlier round whose open seats this one fills.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_of: Option<String>,
    /// Papers collected.
    pub cast: u32,
    /// Cast less invalid, blank included.
    pub valid: u32,
    /// Over-marked or rejected.
    pub invalid: u32,
    /// Valid papers with no mark at all in this contest.
    pub blank: u32,
    pub threshold: ThresholdOutcome,
    /// In the order of the definition.
    pub candidates: Vec<CandidateCount>,
    /// Counted write-ins, most votes first, then by name.
    pub write_ins: Vec<WriteInCount>,
    /// In order of votes; a write-in is named `"write_in:<name>"`.
    pub elected: Vec<String>,
    pub open: OpenSeats,
}

/// The threshold with its numbers: "more than 1/2 of 25 ballots cast: 13 votes needed".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThresholdOutcome {
    pub of: Base,
    /// `"more_than"`, `"at_least"`, or absent for plurality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraction: Option<crate::Fraction>,
    pub base: u32,
    /// The least number of votes that reaches the threshold. A candidate with no vote is never
    /// elected, so this is at least 1, also for plurality.
    pub needed: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateCount {
    pub id: String,
    #[serde(rename = "for")]
    pub votes_for: u32,
    pub against: u32,
    /// Valid papers with neither `for` nor `against`: blank and unreadable cells.
    pub abstain: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WriteInCount {
    pub name: String,
    pub votes: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenSeats {
    pub seats: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<OpenReason>,
    /// For a runoff or a lot the tied candidates; for another round the proposed ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenReason {
    RunoffRequired,
    LotRequired,
    AnotherRound,
    Vacant,
}
