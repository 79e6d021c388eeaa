//! Ballot papers (`hallcount/ballots@1`): every paper collected, as entered.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub const BALLOTS_FORMAT: &str = "hallcount/ballots@1";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BallotsFile {
    pub format: String,
    pub ballots: Vec<Paper>,
}

/// One paper from the box. A contest missing from `contests` is blank on this paper.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub contests: BTreeMap<String, ContestMarks>,
    /// R5: the whole paper is rejected for this reason (identifying mark, not an official paper).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected: Option<String>,
}

/// The marks of one contest on one paper. A candidate missing from `marks` is blank.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContestMarks {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub marks: BTreeMap<String, Mark>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub write_ins: Vec<WriteIn>,
}

/// R3: a mark on a printed candidate, as decided by the scrutineers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// ○, ✓, 同意.
    For,
    /// ×, 反對.
    Against,
    /// Abstain; the same as no entry.
    Blank,
    /// Invalidates only this cell.
    Unreadable,
}

/// R4: a name written on the paper (另選他人), kept exactly as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WriteIn {
    pub name: String,
    /// Whether a ○ was written beside the name.
    #[serde(default)]
    pub marked: bool,
}
