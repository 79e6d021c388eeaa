//! The tally as a fold over papers (R5, R10 counts): [`RunningTally`] adds or removes one paper
//! in time proportional to the paper's size; [`RunningTally::finish`] applies R1, R2 and the
//! allocation (R6–R8) once, at the end.

use crate::ballot::Paper;
use crate::check::WRITE_IN_PREFIX;
use crate::count::allocate::{
    allocate, saturate, threshold_outcome, Allocation, BaseCounts, Standing,
};
use crate::count::interned::{BlockView, InternedBallots, Interner, PaperView};
use crate::election::{CollectedLimit, Contest, Delegates, Election, Quorum, WriteIns};
use crate::tally::{
    CandidateCount, ContestTally, OpenSeats, Status, Tally, WriteInCount, TALLY_FORMAT,
};
use rustc_hash::FxHashMap;

/// Counts so far. Built for one election; `finish` must be given the same election.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunningTally {
    collected: u64,
    rejected: u64,
    interner: Interner,
    contests: Vec<ContestCounts>,
    /// The paper being added or removed, interned; always empty between calls (kept only to
    /// reuse its allocations).
    scratch: InternedBallots,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct ContestCounts {
    seats: u32,
    write_in_rules: WriteIns,
    votes_for: Vec<u64>,
    against: Vec<u64>,
    /// Papers over-marked in this contest (rejected papers are counted apart).
    over_marked: u64,
    /// Valid papers with at least one mark in this contest; the others valid ones are blank.
    marked: u64,
    /// Names written on valid papers, exactly as typed.
    write_ins: FxHashMap<String, WriteInCounts>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct WriteInCounts {
    /// Valid papers on which the name is written, counted or not.
    written: u64,
    /// Of those, the ones where it is a selection (R4).
    votes: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Add,
    Remove,
}

fn step(counter: &mut u64, step: Step) {
    *counter = match step {
        Step::Add => counter.saturating_add(1),
        Step::Remove => counter.saturating_sub(1),
    };
}

impl RunningTally {
    pub fn new(election: &Election) -> RunningTally {
        let contests = election.contests.iter().map(ContestCounts::new).collect();
        RunningTally {
            collected: 0,
            rejected: 0,
            interner: Interner::new(election),
            contests,
            scratch: InternedBallots::default(),
        }
    }

    /// Papers added so far (R2 compares this with the reference).
    pub fn collected(&self) -> u64 {
        self.collected
    }

    pub fn add(&mut self, paper: &Paper) {
        self.apply(paper, Step::Add);
    }

    /// Takes back a paper that was added (a voided entry). Removing a paper never added
    /// gives meaningless counts but never panics.
    pub fn remove(&mut self, paper: &Paper) {
        self.apply(paper, Step::Remove);
    }

    /// Adds every paper of `papers`, interned against the election this tally was built for.
    pub fn add_interned(&mut self, papers: &InternedBallots) {
        for paper in papers.papers() {
            self.apply_interned(paper, papers, Step::Add);
        }
    }

    fn apply(&mut self, paper: &Paper, direction: Step) {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.push(&self.interner, paper);
        if let Some(interned) = scratch.papers().next() {
            self.apply_interned(interned, &scratch, direction);
        }
        scratch.clear();
        self.scratch = scratch;
    }

    #[inline]
    fn apply_interned(&mut self, paper: PaperView<'_>, all: &InternedBallots, direction: Step) {
        step(&mut self.collected, direction);
        let Some(blocks) = paper else {
            // R5: cast and invalid in every contest; its marks are not looked at.
            step(&mut self.rejected, direction);
            return;
        };
        for block in blocks.iter() {
            if let Some(counts) = self.contests.get_mut(block.contest) {
                counts.apply(&block, all, direction);
            }
        }
    }

    /// R1, R2, then per contest R5 counts, R6 threshold, R7 ranking and ties, R8 shortfall.
    ///
    /// When the election is `void` (R2) or `quorum_not_met` (R1), every count and threshold is
    /// still shown so the meeting can see what happened, but `elected` is empty and `open` holds
    /// all the seats with no reason: nobody is elected and the meeting must vote again.
    pub fn finish(&self, election: &Election) -> Tally {
        let status = status_of(election, self.collected);
        let contests = election
            .contests
            .iter()
            .zip(&self.contests)
            .map(|(contest, counts)| counts.finish(contest, election, self, status))
            .collect();
        Tally {
            format: TALLY_FORMAT.to_string(),
            status,
            round: election.round,
            entitled: election.delegates.entitled,
            present: election.delegates.present,
            issued: election.ballots_issued,
            collected: saturate(self.collected),
            contests,
        }
    }
}

/// R1 (quorum, checked first) and R2 (papers collected against the reference).
pub fn status_of(election: &Election, collected: u64) -> Status {
    let Delegates { entitled, present } = election.delegates;
    let quorum_met = match election.quorum {
        None => true,
        Some(Quorum::AtLeast(f)) => f.reached_by(u64::from(present), u64::from(entitled)),
        Some(Quorum::MoreThan(f)) => f.exceeded_by(u64::from(present), u64::from(entitled)),
    };
    let reference = match election.collected_limit {
        CollectedLimit::Issued => election.ballots_issued,
        CollectedLimit::Present => present,
    };
    if !quorum_met {
        Status::QuorumNotMet
    } else if collected > u64::from(reference) {
        Status::Void
    } else {
        Status::Valid
    }
}

impl ContestCounts {
    fn new(contest: &Contest) -> ContestCounts {
        let n = contest.candidates.len();
        ContestCounts {
            seats: contest.seats,
            write_in_rules: contest.write_ins,
            votes_for: vec![0; n],
            against: vec![0; n],
            over_marked: 0,
            marked: 0,
            write_ins: FxHashMap::default(),
        }
    }

    /// R5 for one contest of one paper (R3 and R4 as `paper_effect` has them): an over-marked
    /// paper is invalid here only; a valid one counts its `for` and `against` cells and its
    /// written names; a blank one only as blank.
    #[inline]
    fn apply(&mut self, block: &BlockView<'_>, all: &InternedBallots, direction: Step) {
        let for_cells = block.cells.iter().filter(|&&cell| cell & 1 == 0).count();
        let counted = block.write_ins.iter().filter(|&&w| w & 1 == 1).count();
        let selections = u64::try_from(for_cells.saturating_add(counted)).unwrap_or(u64::MAX);
        let blank = block.cells.is_empty() && block.write_ins.is_empty() && !block.other_mark;
        if selections > u64::from(self.seats) {
            step(&mut self.over_marked, direction);
        } else if !blank {
            step(&mut self.marked, direction);
            for &cell in block.cells {
                let cells = if cell & 1 == 0 {
                    &mut self.votes_for
                } else {
                    &mut self.against
                };
                if let Some(count) = cells.get_mut((cell >> 1) as usize) {
                    step(count, direction);
                }
            }
            if self.write_in_rules.allowed {
                for &write_in in block.write_ins {
                    self.apply_write_in(all.name(write_in >> 1), write_in & 1 == 1, direction);
                }
            }
        }
    }

    /// R4: every name written on a valid paper is listed; it is a vote only where it counts.
    fn apply_write_in(&mut self, name: &str, counted: bool, direction: Step) {
        if !self.write_ins.contains_key(name) {
            self.write_ins
                .insert(name.to_string(), WriteInCounts::default());
        }
        let Some(counts) = self.write_ins.get_mut(name) else {
            return;
        };
        step(&mut counts.written, direction);
        if counted {
            step(&mut counts.votes, direction);
        }
        if counts.written == 0 {
            self.write_ins.remove(name);
        }
    }

    /// `for` and `against` of the candidate at `i`; zero for a candidate this tally was not built
    /// with (`finish` given another election must not panic).
    fn counts_of(&self, i: usize) -> (u64, u64) {
        (
            self.votes_for.get(i).copied().unwrap_or(0),
            self.against.get(i).copied().unwrap_or(0),
        )
    }

    fn finish(
        &self,
        contest: &Contest,
        election: &Election,
        all: &RunningTally,
        status: Status,
    ) -> ContestTally {
        let cast = all.collected;
        let invalid = self.over_marked.saturating_add(all.rejected).min(cast);
        let valid = cast - invalid;
        let blank = valid.saturating_sub(self.marked);
        let counts = BaseCounts {
            delegates: election.delegates,
            cast,
            valid,
            blank,
        };
        let (threshold, needed) = threshold_outcome(&contest.threshold, &counts);

        let candidates: Vec<CandidateCount> = contest
            .candidates
            .iter()
            .enumerate()
            .map(|(i, candidate)| {
                let (votes_for, against) = self.counts_of(i);
                CandidateCount {
                    id: candidate.id.clone(),
                    votes_for: saturate(votes_for),
                    against: saturate(against),
                    abstain: saturate(valid.saturating_sub(votes_for).saturating_sub(against)),
                }
            })
            .collect();

        let mut write_ins: Vec<WriteInCount> = self
            .write_ins
            .iter()
            .filter(|(_, counts)| counts.written > 0)
            .map(|(name, counts)| WriteInCount {
                name: name.clone(),
                votes: saturate(counts.votes),
            })
            .collect();
        write_ins.sort_by(|a, b| a.name.cmp(&b.name));

        let Allocation { elected, open } = if status == Status::Valid {
            let mut standings: Vec<Standing> = contest
                .candidates
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let (votes, against) = self.counts_of(i);
                    Standing {
                        name: c.id.clone(),
                        votes,
                        against: Some(against),
                    }
                })
                .collect();
            standings.extend(write_ins.iter().filter(|w| w.votes > 0).map(|w| Standing {
                name: format!("{WRITE_IN_PREFIX}{}", w.name),
                votes: u64::from(w.votes),
                against: None,
            }));
            allocate(contest, standings, needed)
        } else {
            Allocation {
                elected: Vec::new(),
                open: OpenSeats {
                    seats: contest.seats,
                    reason: None,
                    candidates: Vec::new(),
                },
            }
        };
        // Most votes first, then by name (stable on the name order above).
        write_ins.sort_by_key(|w| std::cmp::Reverse(w.votes));

        ContestTally {
            id: contest.id.clone(),
            office: contest.office.clone(),
            seats: contest.seats,
            round_of: contest.round_of.clone(),
            cast: saturate(cast),
            valid: saturate(valid),
            invalid: saturate(invalid),
            blank: saturate(blank),
            threshold,
            candidates,
            write_ins,
            elected,
            open,
        }
    }
}
