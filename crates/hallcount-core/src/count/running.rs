//! The tally as a fold over papers (R5, R10 counts): [`RunningTally`] adds or removes one paper
//! in time proportional to the paper's size; [`RunningTally::finish`] applies R1, R2 and the
//! allocation (R6–R8) once, at the end.

use crate::ballot::Paper;
use crate::check::WRITE_IN_PREFIX;
use crate::count::allocate::{
    allocate, saturate, threshold_outcome, Allocation, BaseCounts, Standing,
};
use crate::count::interned::{counter, Block, InternedBallots, Interner};
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
    /// `for` and `against` of every candidate of the election, side by side (see `counter`):
    /// adding a paper's cells is one increment each, as in a plain sum over an array.
    marks: Vec<u64>,
    /// The paper being added or removed, interned; always empty between calls (kept only to
    /// reuse its allocations).
    scratch: InternedBallots,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct ContestCounts {
    seats: u32,
    write_in_rules: WriteIns,
    /// The position of the contest's first candidate among all the election's candidates.
    first_candidate: usize,
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

/// One step of the fold: `ADD` adds a paper, otherwise takes it back. A constant, so that the
/// batch loop carries no test of the direction.
#[inline(always)]
fn change<const ADD: bool>(counter: &mut u64, by: u64) {
    *counter = if ADD {
        counter.saturating_add(by)
    } else {
        counter.saturating_sub(by)
    };
}

#[inline(always)]
fn step<const ADD: bool>(counter: &mut u64) {
    change::<ADD>(counter, 1);
}

impl RunningTally {
    pub fn new(election: &Election) -> RunningTally {
        let mut n_candidates = 0usize;
        let mut contests = Vec::with_capacity(election.contests.len());
        for contest in &election.contests {
            contests.push(ContestCounts::new(contest, n_candidates));
            n_candidates = n_candidates.saturating_add(contest.candidates.len());
        }
        RunningTally {
            collected: 0,
            rejected: 0,
            interner: Interner::new(election),
            contests,
            marks: vec![0; counter(n_candidates, false)],
            scratch: InternedBallots::default(),
        }
    }

    /// Papers added so far (R2 compares this with the reference).
    pub fn collected(&self) -> u64 {
        self.collected
    }

    pub fn add(&mut self, paper: &Paper) {
        self.apply::<true>(paper);
    }

    /// Takes back a paper that was added (a voided entry). Removing a paper never added
    /// gives meaningless counts but never panics.
    pub fn remove(&mut self, paper: &Paper) {
        self.apply::<false>(paper);
    }

    /// Adds every paper of `papers`, interned against the election this tally was built for.
    pub fn add_interned(&mut self, papers: &InternedBallots) {
        self.add_all::<true>(papers);
    }

    fn apply<const ADD: bool>(&mut self, paper: &Paper) {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.push(&self.interner, paper);
        self.add_all::<ADD>(&scratch);
        scratch.clear();
        self.scratch = scratch;
    }

    /// The fold: papers collected and rejected (R5: cast and invalid in every contest, their
    /// marks not looked at), then every contest of every other paper. Written names are summed
    /// per contest and name index first, and looked up by name once each.
    fn add_all<const ADD: bool>(&mut self, papers: &InternedBallots) {
        let n_papers = |n: usize| u64::try_from(n).unwrap_or(u64::MAX);
        change::<ADD>(&mut self.collected, n_papers(papers.len()));
        change::<ADD>(&mut self.rejected, n_papers(papers.n_rejected()));
        let mut written: FxHashMap<(u32, u32), WriteInCounts> = FxHashMap::default();
        let (contests, marks) = (&mut self.contests, &mut self.marks[..]);
        for view in papers.blocks() {
            let Some(counts) = contests.get_mut(view.block.contest as usize) else {
                continue;
            };
            if !counts.count_paper::<ADD>(&view.block) {
                continue;
            }
            for &cell in view.cells {
                if let Some(count) = marks.get_mut(cell as usize) {
                    step::<ADD>(count);
                }
            }
            if !view.write_ins.is_empty() && counts.write_in_rules.allowed {
                for &name in view.write_ins {
                    let sum = written.entry((view.block.contest, name >> 1)).or_default();
                    sum.written += 1;
                    sum.votes += u64::from(name & 1);
                }
            }
        }
        for ((contest, name), sum) in written {
            if let Some(counts) = self.contests.get_mut(contest as usize) {
                counts.apply_write_in::<ADD>(papers.name(name), sum);
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

impl RunningTally {
    /// `for` and `against` of the candidate at `candidate` among all the election's; zero for
    /// one this tally was not built with (`finish` given another election must not panic).
    fn counts_of(&self, candidate: usize) -> (u64, u64) {
        let count = |against| {
            let at = counter(candidate, against);
            self.marks.get(at).copied().unwrap_or(0)
        };
        (count(false), count(true))
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
    fn new(contest: &Contest, first_candidate: usize) -> ContestCounts {
        ContestCounts {
            seats: contest.seats,
            write_in_rules: contest.write_ins,
            first_candidate,
            over_marked: 0,
            marked: 0,
            write_ins: FxHashMap::default(),
        }
    }

    /// R5 for one contest of one paper (R3 and R4 as `paper_effect` has them): an over-marked
    /// paper is invalid here only; a blank one counts only as blank. Whether its cells and
    /// written names count: only on a valid paper that is not blank.
    #[inline(always)]
    fn count_paper<const ADD: bool>(&mut self, block: &Block) -> bool {
        if block.selections > self.seats {
            step::<ADD>(&mut self.over_marked);
            false
        } else if block.blank {
            false
        } else {
            step::<ADD>(&mut self.marked);
            true
        }
    }

    /// R4: every name written on a valid paper is listed; it is a vote only where it counts.
    /// `sum` is how many papers (and votes) to add or take back.
    fn apply_write_in<const ADD: bool>(&mut self, name: &str, sum: WriteInCounts) {
        if !self.write_ins.contains_key(name) {
            self.write_ins
                .insert(name.to_string(), WriteInCounts::default());
        }
        let Some(counts) = self.write_ins.get_mut(name) else {
            return;
        };
        change::<ADD>(&mut counts.written, sum.written);
        change::<ADD>(&mut counts.votes, sum.votes);
        if counts.written == 0 {
            self.write_ins.remove(name);
        }
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
                let (votes_for, against) = all.counts_of(self.first_candidate.saturating_add(i));
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
        crate::order::sort_by(&mut write_ins, |a, b| a.name.cmp(&b.name));

        let Allocation { elected, open } = if status == Status::Valid {
            let mut standings: Vec<Standing> = contest
                .candidates
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let (votes, against) = all.counts_of(self.first_candidate.saturating_add(i));
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
        crate::order::sort_by_key(&mut write_ins, |w| std::cmp::Reverse(w.votes));

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
