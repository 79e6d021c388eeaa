//! Papers as the count reads them: contests, candidates and written names interned into indices
//! once, at load, so that a paper is a few words of marks per contest in flat arrays and the fold
//! ([`RunningTally`](super::RunningTally)) follows no pointer and compares no string.

use rustc_hash::FxHashMap;

use crate::ballot::{ContestMarks, Mark, Paper};
use crate::count::effect::{is_mark, write_in_counts};
use crate::count::sorted_ids::SortedIds;
use crate::election::{Election, WriteIns};

/// The ids of an election, to intern papers against; built once per election.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Interner {
    contest_ids: SortedIds,
    candidate_ids: Vec<SortedIds>,
    write_in_rules: Vec<WriteIns>,
    /// Per contest, the position of its first candidate among all the election's candidates.
    first_candidate: Vec<u32>,
}

impl Interner {
    pub(crate) fn new(election: &Election) -> Interner {
        let contests = &election.contests;
        let mut first_candidate = Vec::with_capacity(contests.len());
        let mut n_candidates = 0usize;
        for contest in contests {
            first_candidate.push(index_u32(n_candidates));
            n_candidates = n_candidates.saturating_add(contest.candidates.len());
        }
        Interner {
            contest_ids: SortedIds::new(contests.iter().map(|c| c.id.as_str())),
            candidate_ids: contests
                .iter()
                .map(|c| SortedIds::new(c.candidates.iter().map(|k| k.id.as_str())))
                .collect(),
            write_in_rules: contests.iter().map(|c| c.write_ins).collect(),
            first_candidate,
        }
    }
}

/// The counter of a `for` (or `against`) mark on the candidate at `candidate` among all the
/// election's candidates: counters are one flat array, `for` and `against` side by side.
pub(crate) fn counter(candidate: usize, against: bool) -> usize {
    candidate
        .saturating_mul(2)
        .saturating_add(usize::from(against))
}

/// Papers interned against one election (see [`InternedBallots::new`]), in the order given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InternedBallots {
    /// Per paper: the end of its blocks in `blocks` (the start is the previous paper's end).
    papers: Vec<PaperRow>,
    /// One per contest of the election that a paper not rejected has, in contest id order.
    blocks: Vec<Block>,
    /// `for`/`against` cells on known candidates: the [`counter`] each adds one to.
    cells: Vec<u32>,
    /// Written names: `name index << 1 | counted` (R4, by the contest's rules).
    write_ins: Vec<u32>,
    /// Every written name once, in first-seen order.
    names: Vec<String>,
    name_index: FxHashMap<String, u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PaperRow {
    blocks_end: u32,
    rejected: bool,
}

/// One contest of one paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    pub(crate) contest: u32,
    pub(crate) cells_end: u32,
    pub(crate) write_ins_end: u32,
    /// `for` cells plus counted names (R4): more than the seats makes the paper invalid here (R5).
    pub(crate) selections: u32,
    /// No mark at all: no cell, no name, not even an unreadable mark or one on an unknown
    /// candidate (R3, R5).
    pub(crate) blank: bool,
}

/// One contest of one paper, as the fold sees it.
pub(crate) struct BlockView<'a> {
    pub(crate) block: Block,
    pub(crate) cells: &'a [u32],
    pub(crate) write_ins: &'a [u32],
}

impl InternedBallots {
    /// `papers` (checked with `check_paper`) interned against `election`. Contests and
    /// candidates the election does not have keep only what R3 and R5 need of them.
    pub fn new(election: &Election, papers: &[Paper]) -> InternedBallots {
        InternedBallots::of_papers(election, papers)
    }

    /// [`InternedBallots::new`] of papers wherever they are (the live papers of a result, say),
    /// with no copy of them made first.
    pub fn of_papers<'a>(
        election: &Election,
        papers: impl IntoIterator<Item = &'a Paper>,
    ) -> InternedBallots {
        let interner = Interner::new(election);
        let mut interned = InternedBallots::default();
        let papers = papers.into_iter();
        interned.papers.reserve(papers.size_hint().0);
        for paper in papers {
            interned.push(&interner, paper);
        }
        interned
    }

    /// How many papers.
    pub fn len(&self) -> usize {
        self.papers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.papers.is_empty()
    }

    pub(crate) fn clear(&mut self) {
        self.papers.clear();
        self.blocks.clear();
        self.cells.clear();
        self.write_ins.clear();
        self.names.clear();
        self.name_index.clear();
    }

    pub(crate) fn name(&self, index: u32) -> &str {
        self.names.get(index as usize).map_or("", String::as_str)
    }

    pub(crate) fn push(&mut self, interner: &Interner, paper: &Paper) {
        let rejected = paper.rejected.is_some();
        if !rejected {
            // The paper's contests come in id order, as the walk needs.
            let mut contest_ids = interner.contest_ids.walk();
            for (contest_id, marks) in &paper.contests {
                // Unknown contests are reported by `check_paper`; they count for nothing.
                if let Some(contest) = contest_ids.find(contest_id) {
                    self.push_block(interner, contest, marks);
                }
            }
        }
        self.papers.push(PaperRow {
            blocks_end: index_u32(self.blocks.len()),
            rejected,
        });
    }

    fn push_block(&mut self, interner: &Interner, contest: usize, marks: &ContestMarks) {
        let (Some(candidates), Some(&rules)) = (
            interner.candidate_ids.get(contest),
            interner.write_in_rules.get(contest),
        ) else {
            return;
        };
        // The marks come in candidate id order, as the walk needs.
        let first = interner
            .first_candidate
            .get(contest)
            .map_or(0, |&f| f as usize);
        let mut candidate_ids = candidates.walk();
        let mut any_mark = !marks.write_ins.is_empty();
        let mut selections = 0u32;
        for (id, &mark) in &marks.marks {
            if !is_mark(mark) {
                continue;
            }
            any_mark = true;
            let Some(i) = candidate_ids.find(id) else {
                continue;
            };
            let against = match mark {
                Mark::For => false,
                Mark::Against => true,
                Mark::Blank | Mark::Unreadable => continue,
            };
            selections = selections.saturating_add(u32::from(!against));
            self.cells
                .push(index_u32(counter(first.saturating_add(i), against)));
        }
        for write_in in &marks.write_ins {
            let name = self.intern_name(&write_in.name);
            let counted = write_in_counts(rules, write_in);
            selections = selections.saturating_add(u32::from(counted));
            self.write_ins.push(name << 1 | u32::from(counted));
        }
        self.blocks.push(Block {
            contest: index_u32(contest),
            cells_end: index_u32(self.cells.len()),
            write_ins_end: index_u32(self.write_ins.len()),
            selections,
            blank: !any_mark,
        });
    }

    fn intern_name(&mut self, name: &str) -> u32 {
        if let Some(&index) = self.name_index.get(name) {
            return index;
        }
        let index = index_u32(self.names.len());
        self.names.push(name.to_string());
        self.name_index.insert(name.to_string(), index);
        index
    }

    /// How many of the papers are rejected as a whole (R5).
    pub(crate) fn n_rejected(&self) -> usize {
        self.papers.iter().filter(|row| row.rejected).count()
    }

    /// The contests of every paper not rejected, paper after paper: a paper's own contests do
    /// not depend on the others, so the fold needs no paper boundaries.
    pub(crate) fn blocks(&self) -> impl Iterator<Item = BlockView<'_>> {
        let (mut cells_start, mut write_ins_start) = (0, 0);
        self.blocks.iter().map(move |block| {
            let cells = self
                .cells
                .get(cells_start..block.cells_end as usize)
                .unwrap_or(&[]);
            let write_ins = self
                .write_ins
                .get(write_ins_start..block.write_ins_end as usize)
                .unwrap_or(&[]);
            cells_start = block.cells_end as usize;
            write_ins_start = block.write_ins_end as usize;
            BlockView {
                block: *block,
                cells,
                write_ins,
            }
        })
    }
}

/// Positions fit in 32 bits: `MAX_PAPERS`, `MAX_CONTESTS` and `MAX_CANDIDATES` keep every array
/// far below 2^31 entries for a checked file; beyond that, a position saturates (and the count of
/// such an unchecked file is meaningless but never panics).
fn index_u32(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX >> 1)
}
