//! The two checks of a count before anyone signs, as the log records them: double entry (a
//! second clerk's entry compared with the first, each difference resolved by a reread) and the
//! reconciliation with the scrutineers' blackboard.
//!
//! A resolution changes the count through the log's own means: where the right reading is not
//! the first entry's, the first entry's paper is voided (reason [`REREAD_VOID_REASON`]) and the
//! right reading entered after the last paper. So the live papers are the resolved sequence
//! (the same papers; reread ones last), both entries stay in the log, and the signed result,
//! its verification and the app's running tally need nothing new to count them.

use serde::{Deserialize, Serialize};

use super::replay::{paper_index, Replay};
use super::{EnteredPaper, LogError};
use crate::ballot::Paper;
use crate::check::check_paper;
use crate::compare::{compare_entries, same_reading, Difference, EntryComparison};
use crate::count::tally;
use crate::reconcile::{reconcile, BoardDifference, BoardTally};

/// The reason given to a first-entry paper that a reread replaced or found not to exist.
pub const REREAD_VOID_REASON: &str = "double entry: reread";

/// The second entry and what became of its differences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoubleEntry {
    /// The second clerk's papers, in the order typed.
    pub second: Vec<Paper>,
    /// The numbers of the first entry's papers compared (the live ones when the second entry
    /// was recorded): paper `k` of the comparison's first entry is number `first_numbers[k-1]`.
    pub first_numbers: Vec<u32>,
    pub comparison: EntryComparison,
    /// In the order decided.
    pub resolutions: Vec<Resolution>,
}

impl DoubleEntry {
    /// The differences no resolution has decided yet, in paper order.
    pub fn unresolved(&self) -> impl Iterator<Item = &Difference> {
        self.comparison
            .differences
            .iter()
            .filter(|d| !self.resolutions.iter().any(|r| &r.difference == *d))
    }

    /// The number (in the log) of the first entry's paper a difference is about, if any.
    pub fn first_number(&self, difference: &Difference) -> Option<u32> {
        match difference {
            Difference::Differs { first, .. } | Difference::OnlyFirst { first } => {
                self.first_numbers.get(first.checked_sub(1)?).copied()
            }
            Difference::OnlySecond { .. } => None,
        }
    }

    /// The second entry's paper a difference is about, if any.
    pub fn second_paper(&self, difference: &Difference) -> Option<&Paper> {
        match difference {
            Difference::Differs { second, .. } | Difference::OnlySecond { second } => {
                self.second.get(second.checked_sub(1)?)
            }
            Difference::OnlyFirst { .. } => None,
        }
    }
}

/// The officer's reading of a paper where the entries differ; `None`: no such paper.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resolution {
    pub difference: Difference,
    pub reading: Option<Paper>,
}

/// A board as recorded, with the lines where it differed from the count at that point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reconciliation {
    pub board: BoardTally,
    pub differences: Vec<BoardDifference>,
}

impl Replay {
    fn live_paper_list(&self) -> Vec<Paper> {
        self.live_papers().cloned().collect()
    }

    pub(super) fn check_second_entry(&self, papers: &[Paper]) -> Result<(), LogError> {
        let election = self.election.as_ref().ok_or(LogError::NoElection)?;
        if self.results_locked {
            return Err(LogError::ResultsLocked);
        }
        if self.double_entry.is_some() {
            return Err(LogError::SecondEntryAlreadyRecorded);
        }
        for (index, paper) in papers.iter().enumerate() {
            let problems = check_paper(election, index, paper);
            if !problems.is_empty() {
                return Err(LogError::InvalidSecondPaper {
                    number: u32::try_from(index + 1).unwrap_or(u32::MAX),
                    problems,
                });
            }
        }
        compare_entries(election, &self.live_paper_list(), papers)
            .map(|_| ())
            .map_err(|_| LogError::EntriesTooFarApart)
    }

    pub(super) fn check_resolution(
        &self,
        difference: &Difference,
        reading: Option<&Paper>,
    ) -> Result<(), LogError> {
        let election = self.election.as_ref().ok_or(LogError::NoElection)?;
        if self.results_locked {
            return Err(LogError::ResultsLocked);
        }
        let double = self.double_entry.as_ref().ok_or(LogError::NoSecondEntry)?;
        if !double.comparison.differences.contains(difference) {
            return Err(LogError::UnknownDifference);
        }
        if double
            .resolutions
            .iter()
            .any(|r| &r.difference == difference)
        {
            return Err(LogError::AlreadyResolved);
        }
        if let Some(paper) = reading {
            let problems = check_paper(election, self.papers.len(), paper);
            if !problems.is_empty() {
                return Err(LogError::InvalidReading { problems });
            }
        }
        Ok(())
    }

    pub(super) fn apply_second_entry(&mut self, second: Vec<Paper>) {
        let Some(election) = &self.election else {
            return;
        };
        let first: Vec<&EnteredPaper> = self.papers.iter().filter(|p| p.is_live()).collect();
        let first_papers: Vec<Paper> = first.iter().map(|p| p.paper.clone()).collect();
        // Checked by `check_second_entry`: the comparison fits.
        let Ok(comparison) = compare_entries(election, &first_papers, &second) else {
            return;
        };
        self.double_entry = Some(Box::new(DoubleEntry {
            first_numbers: first.iter().map(|p| p.number).collect(),
            second,
            comparison,
            resolutions: Vec::new(),
        }));
    }

    pub(super) fn apply_resolution(&mut self, difference: Difference, reading: Option<Paper>) {
        let Some(double) = self.double_entry.as_mut() else {
            return;
        };
        let first = double
            .first_number(&difference)
            .map(paper_index)
            .and_then(|index| self.papers.get(index))
            .filter(|p| p.is_live());
        let unchanged = match (first, &reading) {
            (Some(entered), Some(right)) => same_reading(&entered.paper, right),
            (None, None) => true,
            _ => false,
        };
        if !unchanged {
            if let Some(number) = first.map(|p| p.number) {
                self.papers[paper_index(number)].voided = Some(REREAD_VOID_REASON.to_string());
                self.n_live_papers -= 1;
            }
            if let Some(right) = &reading {
                let number = u32::try_from(self.papers.len() + 1).unwrap_or(u32::MAX);
                self.papers.push(EnteredPaper {
                    number,
                    paper: right.clone(),
                    voided: None,
                });
                self.n_live_papers += 1;
                self.definition_unlocked = false;
            }
        }
        double.resolutions.push(Resolution {
            difference,
            reading,
        });
    }

    pub(super) fn apply_reconciliation(&mut self, board: BoardTally) {
        let Some(election) = &self.election else {
            return;
        };
        let counted = tally(election, &self.live_paper_list());
        let differences = reconcile(&counted, &board);
        self.reconciliations
            .push(Reconciliation { board, differences });
    }
}
