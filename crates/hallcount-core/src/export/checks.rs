//! What the signed result says about the two checks made before it was signed (optional
//! payload fields; a file without them stays valid): double entry and the blackboard.

use serde::{Deserialize, Serialize};

use crate::compare::Difference;
use crate::log::{Reconciliation, Replay, Resolution};
use crate::reconcile::{count_value, reconcile, BoardDifference, BoardTally};
use crate::tally::Tally;

/// Double entry: the papers compared, every difference found and each resolution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoubleEntryRecord {
    /// Papers in the first entry (the live papers when the second entry was recorded).
    pub first: usize,
    /// Papers in the second entry.
    pub second: usize,
    /// In paper order; paper numbers are 1-based within each entry.
    pub differences: Vec<Difference>,
    /// In the order decided; `reading` null: no such paper in the box.
    pub resolutions: Vec<Resolution>,
}

impl DoubleEntryRecord {
    pub fn from_replay(replay: &Replay) -> Option<DoubleEntryRecord> {
        let double = replay.double_entry.as_deref()?;
        Some(DoubleEntryRecord {
            first: double.comparison.first,
            second: double.comparison.second,
            differences: double.comparison.differences.clone(),
            resolutions: double.resolutions.clone(),
        })
    }

    /// Whether every difference found has a resolution.
    pub fn all_resolved(&self) -> bool {
        self.differences
            .iter()
            .all(|d| self.resolutions.iter().any(|r| &r.difference == d))
    }
}

/// The reconciliation with the blackboard, against the tally of the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandTallyRecord {
    /// The board as last recorded agrees with the tally on every line.
    pub agreed: bool,
    /// The board as last recorded.
    pub board: BoardTally,
    /// The lines that differed when the board was first recorded, each with how it was settled.
    pub differences: Vec<HandTallyLine>,
    /// The lines where the last board and the tally still differ (none when `agreed`).
    pub remaining: Vec<BoardDifference>,
}

/// A line that differed when the board was first recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandTallyLine {
    #[serde(flatten)]
    pub found: BoardDifference,
    /// How the board and the count came to agree on it; absent while they do not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settled: Option<Settled>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Settled {
    /// The scrutineers corrected the board line.
    BoardCorrected,
    /// Papers were found and re-entered (or voided): the count changed.
    PapersCorrected,
    Both,
}

impl HandTallyRecord {
    /// The record of `reconciliations` (as the log holds them) against the final `tally`.
    /// `None` when no board was recorded.
    pub fn new(reconciliations: &[Reconciliation], tally: &Tally) -> Option<HandTallyRecord> {
        let (first, last) = (reconciliations.first()?, reconciliations.last()?);
        let remaining = reconcile(tally, &last.board);
        let differences = first
            .differences
            .iter()
            .map(|found| {
                let board = last.board.value(&found.contest, &found.line);
                let count = count_value(tally, &found.contest, &found.line);
                let settled = (board == count).then_some(
                    match (board != found.board, count != found.count) {
                        (true, true) => Settled::Both,
                        (false, true) => Settled::PapersCorrected,
                        // Agreeing now with neither number changed cannot happen; name the board.
                        (true, false) | (false, false) => Settled::BoardCorrected,
                    },
                );
                HandTallyLine {
                    found: found.clone(),
                    settled,
                }
            })
            .collect();
        Some(HandTallyRecord {
            agreed: remaining.is_empty(),
            board: last.board.clone(),
            differences,
            remaining,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::BoardLine;

    fn tally_with_a_for(votes: u32) -> Tally {
        serde_json::from_value(serde_json::json!({
            "format": "hallcount/tally@1", "status": "valid", "round": 1,
            "entitled": 10, "present": 9, "issued": 9, "collected": votes,
            "contests": [ { "id": "chair", "office": "主席", "seats": 1,
                "cast": votes, "valid": votes, "invalid": 0, "blank": 0,
                "threshold": { "of": "none", "base": votes, "needed": 1 },
                "candidates": [ { "id": "A", "for": votes, "against": 0, "abstain": 0 } ],
                "write_ins": [], "elected": [], "open": { "seats": 0 } } ]
        }))
        .expect("a tally")
    }

    fn recorded(board: &BoardTally, tally: &Tally) -> Reconciliation {
        Reconciliation {
            board: board.clone(),
            differences: reconcile(tally, board),
        }
    }

    #[test]
    fn each_line_found_says_how_it_was_settled_and_agreed_is_the_last_board_against_the_tally() {
        let five = tally_with_a_for(5);
        let mut board = BoardTally::agreeing_with(&five);
        board.contests[0].candidates[0].votes_for = 4;
        let first = recorded(&board, &five);
        assert_eq!(first.differences.len(), 1);
        let for_a = BoardLine::For {
            candidate: "A".into(),
        };

        // The board is corrected: agreed, settled by the board.
        board.contests[0].candidates[0].votes_for = 5;
        let record = HandTallyRecord::new(&[first.clone(), recorded(&board, &five)], &five)
            .expect("recorded");
        assert!(record.agreed);
        assert_eq!(record.differences[0].found.line, for_a);
        assert_eq!(record.differences[0].settled, Some(Settled::BoardCorrected));

        // Papers are corrected instead (the count is 4 after a void and the board stays): the
        // lines valid and cast move too, and the board gave 5 valid.
        let four = tally_with_a_for(4);
        let record = HandTallyRecord::new(std::slice::from_ref(&first), &four).expect("recorded");
        assert_eq!(
            record.differences[0].settled,
            Some(Settled::PapersCorrected)
        );
        assert!(!record.agreed);
        assert_eq!(record.remaining.len(), 1, "{:?}", record.remaining);

        // Nothing changed: still differs, not settled.
        let record = HandTallyRecord::new(&[first], &five).expect("recorded");
        assert_eq!(record.differences[0].settled, None);
        assert!(!record.agreed);
        assert!(HandTallyRecord::new(&[], &five).is_none());
    }
}
