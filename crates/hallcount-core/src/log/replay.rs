//! The state of the meeting after a sequence of events ([`Replay`]): which event may come next
//! ([`Replay::check`]) and what it changes.

use super::checks::{DoubleEntry, Reconciliation};
use super::{EnteredPaper, Event, LogError, LotOutcome, GENESIS_PREV};
use crate::ballot::Paper;
use crate::check::{check_election, check_paper, PaperCheck};
use crate::count::RunningTally;
use crate::election::Election;
use crate::lot::{check_lot, LotProblem};

/// The state of the meeting after a sequence of entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replay {
    /// The current definition; `None` before the first `ElectionDefined`.
    pub election: Option<Election>,
    /// Every paper as entered, voided ones kept and marked.
    pub papers: Vec<EnteredPaper>,
    pub n_live_papers: usize,
    pub results_locked: bool,
    /// An unlock was logged and no paper or definition has used it up yet.
    pub definition_unlocked: bool,
    /// Every lot recorded and valid when it was drawn, in order (see [`crate::lot::lot_for`]).
    pub lots: Vec<LotOutcome>,
    /// Double entry: the second entry, its comparison with the first, the resolutions (boxed:
    /// most meetings have none, and the state is moved around whole).
    pub double_entry: Option<Box<DoubleEntry>>,
    /// Every board recorded, in order: the last one is the board as it stands.
    pub reconciliations: Vec<Reconciliation>,
    /// Lot entries read back that were not valid transitions (written by an older version, or
    /// by hand): kept in the chain, counted nowhere, reported.
    pub refused_lots: Vec<RefusedLot>,
    /// Hex hash of the last entry, [`GENESIS_PREV`] when there is none.
    pub last_hash: String,
    /// How many entries were replayed.
    pub n_entries: u64,
}

impl Default for Replay {
    fn default() -> Replay {
        Replay {
            election: None,
            papers: Vec::new(),
            n_live_papers: 0,
            results_locked: false,
            definition_unlocked: false,
            lots: Vec::new(),
            double_entry: None,
            reconciliations: Vec::new(),
            refused_lots: Vec::new(),
            last_hash: GENESIS_PREV.to_owned(),
            n_entries: 0,
        }
    }
}

impl Replay {
    /// Once a paper is entered the definition can only change after a logged unlock.
    pub fn definition_locked(&self) -> bool {
        !self.papers.is_empty() && !self.definition_unlocked
    }

    /// The papers that count, in the order entered.
    pub fn live_papers(&self) -> impl Iterator<Item = &Paper> {
        self.papers.iter().filter(|p| p.is_live()).map(|p| &p.paper)
    }

    /// Whether `event` may come next; the reason it may not otherwise.
    pub fn check(&self, event: &Event) -> Result<(), LogError> {
        match event {
            Event::ElectionDefined { election } => {
                if self.results_locked {
                    return Err(LogError::ResultsLocked);
                }
                if self.definition_locked() {
                    return Err(LogError::DefinitionLocked);
                }
                let problems = check_election(election);
                if !problems.is_empty() {
                    return Err(LogError::InvalidElection { problems });
                }
                // A correction must still read every paper already entered, voided ones too:
                // they stay in the record and in every export.
                let check = PaperCheck::new(election);
                for entered in &self.papers {
                    let problems = check.check(paper_index(entered.number), &entered.paper);
                    if !problems.is_empty() {
                        return Err(LogError::RedefinitionBreaksPaper {
                            number: entered.number,
                            problems,
                        });
                    }
                }
                Ok(())
            }
            Event::PaperEntered { paper } => {
                let election = self.election.as_ref().ok_or(LogError::NoElection)?;
                if self.results_locked {
                    return Err(LogError::ResultsLocked);
                }
                let number = self.papers.len() as u32 + 1;
                let problems = check_paper(election, paper_index(number), paper);
                if problems.is_empty() {
                    Ok(())
                } else {
                    Err(LogError::InvalidPaper { number, problems })
                }
            }
            Event::PaperVoided { number, reason } => {
                if self.results_locked {
                    return Err(LogError::ResultsLocked);
                }
                require_reason(reason)?;
                let entered = self
                    .paper(*number)
                    .ok_or(LogError::UnknownPaper { number: *number })?;
                if entered.voided.is_some() {
                    return Err(LogError::AlreadyVoided { number: *number });
                }
                Ok(())
            }
            Event::DefinitionUnlocked { reason } => {
                if self.results_locked {
                    return Err(LogError::ResultsLocked);
                }
                require_reason(reason)?;
                if !self.definition_locked() {
                    return Err(LogError::DefinitionNotLocked);
                }
                Ok(())
            }
            Event::ResultsLocked => {
                if self.election.is_none() {
                    return Err(LogError::NoElection);
                }
                if self.results_locked {
                    return Err(LogError::ResultsAlreadyLocked);
                }
                Ok(())
            }
            Event::ResultsUnlocked { reason } => {
                require_reason(reason)?;
                if !self.results_locked {
                    return Err(LogError::ResultsNotLocked);
                }
                Ok(())
            }
            Event::LotDrawn { contest, winners } => {
                let election = self.election.as_ref().ok_or(LogError::NoElection)?;
                if self.results_locked {
                    return Err(LogError::ResultsLocked);
                }
                if !election.contests.iter().any(|c| &c.id == contest) {
                    return Err(LogError::UnknownContest {
                        contest: contest.clone(),
                    });
                }
                // The tally as the papers stand now (a lot is rare: counting again is cheap).
                let mut running = RunningTally::new(election);
                self.live_papers().for_each(|paper| running.add(paper));
                let tally = running.finish(election);
                let counted = tally.contests.iter().find(|c| &c.id == contest);
                let problem = match counted {
                    Some(counted) => check_lot(counted, winners).err(),
                    None => Some(LotProblem::UnknownContest),
                };
                match problem {
                    None => Ok(()),
                    Some(problem) => Err(LogError::InvalidLot {
                        contest: contest.clone(),
                        problem,
                    }),
                }
            }
            Event::SecondEntryRecorded { papers } => self.check_second_entry(papers),
            Event::DifferenceResolved {
                difference,
                reading,
            } => self.check_resolution(difference, reading.as_ref()),
            Event::ReconciliationRecorded { .. } => {
                if self.election.is_none() {
                    return Err(LogError::NoElection);
                }
                if self.results_locked {
                    return Err(LogError::ResultsLocked);
                }
                Ok(())
            }
        }
    }

    /// The paper numbered `number` (1-based).
    pub fn paper(&self, number: u32) -> Option<&EnteredPaper> {
        let index = (number as usize).checked_sub(1)?;
        self.papers.get(index)
    }

    /// Records a lot entry that [`Replay::check`] refused: the chain goes on, the lot counts for
    /// nothing.
    pub(super) fn refuse_lot(&mut self, seq: u64, contest: String, error: LogError, hash: String) {
        self.refused_lots.push(RefusedLot {
            seq,
            contest,
            error,
        });
        self.last_hash = hash;
        self.n_entries += 1;
    }

    /// Applies an event already checked by [`Replay::check`].
    pub(super) fn apply(&mut self, event: Event, hash: String) {
        match event {
            Event::ElectionDefined { election } => {
                self.election = Some(election);
                self.definition_unlocked = false;
            }
            Event::PaperEntered { paper } => {
                let number = self.papers.len() as u32 + 1;
                self.papers.push(EnteredPaper {
                    number,
                    paper,
                    voided: None,
                });
                self.n_live_papers += 1;
                self.definition_unlocked = false;
            }
            Event::PaperVoided { number, reason } => {
                self.papers[paper_index(number)].voided = Some(reason);
                self.n_live_papers -= 1;
            }
            Event::DefinitionUnlocked { .. } => self.definition_unlocked = true,
            Event::ResultsLocked => self.results_locked = true,
            Event::ResultsUnlocked { .. } => self.results_locked = false,
            Event::LotDrawn { contest, winners } => self.lots.push(LotOutcome { contest, winners }),
            Event::SecondEntryRecorded { papers } => self.apply_second_entry(papers),
            Event::DifferenceResolved {
                difference,
                reading,
            } => self.apply_resolution(difference, reading),
            Event::ReconciliationRecorded { board } => self.apply_reconciliation(board),
        }
        self.last_hash = hash;
        self.n_entries += 1;
    }
}

/// A lot entry read back and refused: which entry, for which contest, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedLot {
    pub seq: u64,
    pub contest: String,
    pub error: LogError,
}

pub(super) fn paper_index(number: u32) -> usize {
    number as usize - 1
}

pub(super) fn require_reason(reason: &str) -> Result<(), LogError> {
    if reason.trim().is_empty() {
        Err(LogError::MissingReason)
    } else {
        Ok(())
    }
}
