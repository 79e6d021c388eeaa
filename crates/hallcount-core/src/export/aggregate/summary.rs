//! What the roll-up takes of one verified file.

use super::{ElectionId, OpenCause};
use crate::election::Contest;
use crate::export::key::Fingerprint;
use crate::export::verify::VerifiedResult;
use crate::tally::Status;

/// One verified result as the roll-up needs it: who signed it, which election, its totals and
/// each contest's outcome by name. A few hundred bytes where the file holds every paper: the
/// CLI reduces each file to this on the core that read it and keeps nothing else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultSummary {
    pub fingerprint: Fingerprint,
    /// The identity of this exact result (two files with the same one are duplicates).
    pub payload_sha256: String,
    pub id: ElectionId,
    pub figures: BallotFigures,
    /// In the definition's order.
    pub contests: Vec<ContestSummary>,
}

/// One ballot's status, its four numbers and its two checks: what the roll-up lists of each
/// file, and of each ballot of a meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BallotFigures {
    pub status: Status,
    pub entitled: u32,
    pub present: u32,
    pub issued: u32,
    pub collected: u32,
    /// A second entry was compared with the first and every difference resolved.
    pub double_entered: bool,
    /// The blackboard was recorded and agrees with the tally.
    pub reconciled: bool,
}

/// One contest's outcome, by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContestSummary {
    pub id: String,
    pub office: String,
    pub seats: u32,
    /// The contest of an earlier round whose open seats this one fills.
    pub round_of: Option<String>,
    /// The names elected, then the names drawn by lot.
    pub elected: Vec<String>,
    /// Why seats stay open, when some do.
    pub open_cause: Option<OpenCause>,
    /// Named for a runoff, a lot or another round.
    pub open_candidates: Vec<String>,
}

impl From<&VerifiedResult> for ResultSummary {
    fn from(verified: &VerifiedResult) -> ResultSummary {
        let payload = &verified.file.payload;
        let tally = &payload.tally;
        let contests = payload
            .election
            .contests
            .iter()
            .zip(&tally.contests)
            .map(|(contest, counted)| {
                let names = |ids: &[String]| -> Vec<String> {
                    ids.iter().map(|id| display_name(contest, id)).collect()
                };
                let drawn = crate::lot::lot_for(&payload.lots, counted)
                    .map(|lot| lot.winners.as_slice())
                    .unwrap_or_default();
                ContestSummary {
                    id: contest.id.clone(),
                    office: contest.office.clone(),
                    seats: contest.seats,
                    round_of: contest.round_of.clone(),
                    elected: [names(&counted.elected), names(drawn)].concat(),
                    open_cause: (counted.open.seats > 0)
                        .then(|| OpenCause::of(tally.status, counted.open.reason)),
                    open_candidates: names(&counted.open.candidates),
                }
            })
            .collect();
        ResultSummary {
            fingerprint: verified.fingerprint.clone(),
            payload_sha256: verified.payload_sha256.clone(),
            id: ElectionId::of(&payload.election),
            figures: BallotFigures {
                status: tally.status,
                entitled: tally.entitled,
                present: tally.present,
                issued: tally.issued,
                collected: tally.collected,
                double_entered: payload
                    .double_entry
                    .as_ref()
                    .is_some_and(|d| d.all_resolved()),
                reconciled: payload.hand_tally.as_ref().is_some_and(|h| h.agreed),
            },
            contests,
        }
    }
}

impl From<VerifiedResult> for ResultSummary {
    fn from(verified: VerifiedResult) -> ResultSummary {
        ResultSummary::from(&verified)
    }
}

/// A candidate's name from its id; a write-in (`write_in:<name>`) by its name.
fn display_name(contest: &Contest, id: &str) -> String {
    if let Some(name) = id.strip_prefix("write_in:") {
        return name.to_string();
    }
    contest
        .candidates
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| id.to_string())
}
