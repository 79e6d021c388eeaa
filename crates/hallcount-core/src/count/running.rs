//! The tally as a fold over papers (R5, R10 counts): [`RunningTally`] adds or removes one paper
//! in time proportional to the paper's size; [`RunningTally::finish`] applies R1, R2 and the
//! allocation (R6–R8) once, at the end.

use crate::ballot::{ContestMarks, Mark, Paper, WriteIn};
use crate::check::WRITE_IN_PREFIX;
use crate::count::allocate::{
    allocate, saturate, threshold_outcome, Allocation, BaseCounts, Standing,
};
use crate::count::effect::{effect_with, write_in_counts};
use crate::count::sorted_ids::SortedIds;
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
    contest_ids: SortedIds,
    contests: Vec<ContestCounts>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct ContestCounts {
    seats: u32,
    write_in_rules: WriteIns,
    candidate_ids: SortedIds,
    votes_for: Vec<u64>,
    against: Vec<u64>,
    /// Papers over-marked in this contest (rejected papers are counted apart).
    over_marked: u64,
    /// Valid papers with at least one mark in this contest; the others valid ones are blank.
    marked: u64,
    /// Names written on valid papers, exactly as typed.
    write_ins: FxHashMap<String, WriteInCounts>,
    /// The known candidates' `for`/`against` cells of the paper being applied; always empty
    /// between calls (kept only to reuse its allocation).
    scratch: Vec<(usize, Mark)>,
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
        let contest_ids = SortedIds::new(election.contests.iter().map(|c| c.id.as_str()));
        RunningTally {
            collected: 0,
            rejected: 0,
            contest_ids,
            contests,
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

    fn apply(&mut self, paper: &Paper, direction: Step) {
        step(&mut self.collected, direction);
        if paper.rejected.is_some() {
            // R5: cast and invalid in every contest; its marks are not looked at.
            step(&mut self.rejected, direction);
            return;
        }
        // The paper's contests come in id order, as the walk needs.
        let mut contest_ids = self.contest_ids.walk();
        for (contest_id, marks) in &paper.contests {
            // Unknown contests are reported by `check_paper`; they count for nothing.
            if let Some(index) = contest_ids.find(contest_id) {
                self.contests[index].apply(marks, direction);
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
            candidate_ids: SortedIds::new(contest.candidates.iter().map(|c| c.id.as_str())),
            votes_for: vec![0; n],
            against: vec![0; n],
            over_marked: 0,
            marked: 0,
            write_ins: FxHashMap::default(),
            scratch: Vec::new(),
        }
    }

    /// R5 for one contest of one paper: an over-marked paper is invalid here only; a valid one
    /// counts its `for` and `against` cells and its written names; a blank one only as blank.
    fn apply(&mut self, marks: &ContestMarks, direction: Step) {
        // The marks come in candidate id order, as the walk needs.
        let mut candidate_ids = self.candidate_ids.walk();
        let mut cells = std::mem::take(&mut self.scratch);
        let effect = effect_with(
            self.seats,
            self.write_in_rules,
            marks,
            |id| candidate_ids.find(id),
            |i, mark| cells.push((i, mark)),
        );
        if effect.over_marked {
            step(&mut self.over_marked, direction);
        } else if !effect.blank {
            step(&mut self.marked, direction);
            for &(i, mark) in &cells {
                match mark {
                    Mark::For => step(&mut self.votes_for[i], direction),
                    Mark::Against => step(&mut self.against[i], direction),
                    Mark::Blank | Mark::Unreadable => {}
                }
            }
            self.apply_write_ins(&marks.write_ins, direction);
        }
        cells.clear();
        self.scratch = cells;
    }

    /// R4: every name written on a valid paper is listed; it is a vote only where it counts.
    fn apply_write_ins(&mut self, write_ins: &[WriteIn], direction: Step) {
        if !self.write_in_rules.allowed {
            return;
        }
        for write_in in write_ins {
            if !self.write_ins.contains_key(write_in.name.as_str()) {
                self.write_ins
                    .insert(write_in.name.clone(), WriteInCounts::default());
            }
            let Some(counts) = self.write_ins.get_mut(write_in.name.as_str()) else {
                continue;
            };
            step(&mut counts.written, direction);
            if write_in_counts(self.write_in_rules, write_in) {
                step(&mut counts.votes, direction);
            }
            if counts.written == 0 {
                self.write_ins.remove(write_in.name.as_str());
            }
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
