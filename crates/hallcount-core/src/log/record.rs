//! What the log records and the signed result carries, one type each: a paper as entered and a
//! lot's outcome. Their JSON is part of `hallcount/result@1` (`docs/formats.md`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ballot::Paper;

/// A paper as entered, with its number and, once voided, the reason. Never removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnteredPaper {
    /// 1-based, in the order entered, voided papers included (a re-entered paper gets a new
    /// number).
    pub number: u32,
    pub paper: Paper,
    /// The reason it was voided; in JSON `"voided": { "reason": "..." }`.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "void_mark")]
    pub voided: Option<String>,
}

impl EnteredPaper {
    pub fn is_live(&self) -> bool {
        self.voided.is_none()
    }
}

/// A lot's outcome as recorded by the officer (R7): the contest and the candidates (ids) who won
/// the tied seats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LotOutcome {
    pub contest: String,
    pub winners: Vec<String>,
}

/// `voided` as an object `{ "reason": ... }`, so that a later version can add to the mark.
mod void_mark {
    use super::*;

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct VoidMark<R> {
        reason: R,
    }

    pub fn serialize<S: Serializer>(voided: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
        voided
            .as_ref()
            .map(|reason| VoidMark { reason })
            .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(Option::<VoidMark<String>>::deserialize(d)?.map(|mark| mark.reason))
    }
}
