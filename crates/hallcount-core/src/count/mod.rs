//! Counting: a pure fold over the papers collected, then the allocation of seats.
//!
//! - `effect`: R3 marks, R4 write-ins, R5 validity per contest, for one paper;
//! - `running`: the fold ([`RunningTally`]), R1 quorum and R2 collected vs issued in `finish`;
//! - `allocate`: R6 threshold, R7 ranking and ties, R8 seats not filled;
//! - `round`: SPEC "Rounds", the definition of the next round for the open seats.

mod allocate;
mod effect;
mod fast_map;
mod round;
mod running;
mod sorted_ids;

pub use effect::{paper_effect, write_in_counts, ContestEffect};
pub use round::propose_next_round;
pub use running::{status_of, RunningTally};

use crate::ballot::Paper;
use crate::election::Election;
use crate::tally::Tally;

/// The tally of `papers` (those collected, in the order entered, already checked with
/// `check_paper`) under `election` (checked with `check_election`): a fold with [`RunningTally`],
/// in parts on as many threads as the machine offers when there are many papers.
pub fn tally(election: &Election, papers: &[Paper]) -> Tally {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let parts = threads.min(papers.len() / PAPERS_PER_THREAD).max(1);
    count_in_parts(election, papers, parts).finish(election)
}

/// Below this many papers per thread, starting a thread costs more than it saves.
const PAPERS_PER_THREAD: usize = 20_000;

fn count(election: &Election, papers: &[Paper]) -> RunningTally {
    let mut running = RunningTally::new(election);
    for paper in papers {
        running.add(paper);
    }
    running
}

/// The fold of `papers` cut into `parts` runs of consecutive papers, each counted on a thread of
/// its own (the first on this one) and the counts added up: the counts are sums, so this is the
/// same tally as one fold. Where no thread can be started (WebAssembly), this thread counts all.
fn count_in_parts(election: &Election, papers: &[Paper], parts: usize) -> RunningTally {
    if parts <= 1 || papers.is_empty() {
        return count(election, papers);
    }
    let part_len = papers.len().div_ceil(parts);
    std::thread::scope(|scope| {
        let mut runs = papers.chunks(part_len);
        let first = runs.next().unwrap_or_default();
        let others: Vec<_> = runs
            .map(|run| (run, std::thread::Builder::new().spawn_scoped(scope, move || count(election, run))))
            .collect();
        let mut total = count(election, first);
        for (run, spawned) in others {
            let counted = match spawned {
                Ok(thread) => thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => count(election, run),
            };
            total.absorb(counted);
        }
        total
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::ballot::{ContestMarks, Mark, WriteIn};
    use crate::election::{Candidate, Contest, Delegates, Threshold, WriteIns};

    fn election() -> Election {
        let contest = |id: &str, seats: u32| Contest {
            id: id.into(),
            office: id.into(),
            seats,
            candidates: (0..6).map(|i| Candidate { id: format!("{id}{i}"), name: format!("{id}{i}") }).collect(),
            write_ins: WriteIns { allowed: true, need_mark: true },
            threshold: Threshold::MORE_THAN_HALF_OF_CAST,
            ties: Default::default(),
            shortfall: Default::default(),
            round_of: None,
        };
        Election {
            format: "hallcount/election@1".into(),
            title: "t".into(),
            body: "b".into(),
            place: "p".into(),
            date: "2026-11-26".into(),
            delegates: Delegates { entitled: 1000, present: 1000 },
            ballots_issued: 1000,
            quorum: None,
            collected_limit: Default::default(),
            round: 1,
            contests: vec![contest("a", 1), contest("b", 3)],
        }
    }

    /// Papers of every kind: rejected, blank, over-marked, against, unreadable, write-ins
    /// (marked or not), unknown contests and candidates.
    fn papers(n: u64) -> Vec<Paper> {
        let marks = [Mark::For, Mark::Against, Mark::Blank, Mark::Unreadable, Mark::For];
        (0..n)
            .map(|k| {
                if k % 37 == 0 {
                    return Paper { contests: BTreeMap::new(), rejected: Some("mark".into()) };
                }
                let mut contests = BTreeMap::new();
                for (c, id) in ["a", "b", "z"].iter().enumerate() {
                    let cells = (0..6).filter(|i| !(k * 7 + (c as u64) * 3 + i * 5).is_multiple_of(4));
                    let marks = cells
                        .map(|i| (format!("{id}{}", i + (k % 11 == 0) as u64), marks[((k + i) % 5) as usize]))
                        .collect();
                    let write_ins = (0..k % 3 / 2)
                        .map(|w| WriteIn { name: ["N", "M"][((k + w) % 2) as usize].into(), marked: k % 5 != 0 })
                        .collect();
                    if !(k + c as u64).is_multiple_of(13) {
                        contests.insert(id.to_string(), ContestMarks { marks, write_ins });
                    }
                }
                Paper { contests, rejected: None }
            })
            .collect()
    }

    #[test]
    fn counting_in_parts_is_the_same_fold() {
        let election = election();
        let papers = papers(500);
        let one = count(&election, &papers);
        assert!(one.finish(&election).contests.iter().all(|c| c.invalid > 0 && c.blank > 0 && !c.write_ins.is_empty()));
        for parts in [2, 3, 7, 499, 500, 501] {
            assert_eq!(count_in_parts(&election, &papers, parts), one, "{parts} parts");
        }
        assert_eq!(count_in_parts(&election, &[], 4), count(&election, &[]));
    }

    #[test]
    fn many_papers_are_counted_in_parts_to_the_same_tally() {
        let election = election();
        let papers = papers(2 * PAPERS_PER_THREAD as u64 + 3);
        assert_eq!(tally(&election, &papers), count(&election, &papers).finish(&election));
    }
}
