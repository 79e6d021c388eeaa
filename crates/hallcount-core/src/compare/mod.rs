//! Double entry: two clerks type the same papers in the same order, and the two entries are
//! compared paper by paper (`hallcount/compare@1`).
//!
//! The entries are aligned (an edit-distance alignment, `align`), so a paper one clerk missed or
//! typed twice shows as one paper only in the other entry, not as a difference on every later
//! paper. Two readings of a paper are the same when every contest has the same marks (a `blank`
//! mark is the same as none), the same written names (in any order) and both papers are rejected
//! or neither is (the reason is free text and changes no count).

mod align;

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ballot::{ContestMarks, Mark, Paper};
use crate::election::Election;

pub use align::MAX_CELLS;
use align::{align, mark_changes, Step};

pub const COMPARE_FORMAT: &str = "hallcount/compare@1";

/// The comparison of two entries of the same papers. Paper numbers are 1-based within each entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryComparison {
    pub format: String,
    /// Papers in the first entry.
    pub first: usize,
    /// Papers in the second entry.
    pub second: usize,
    /// In paper order. Papers between two differences are read the same by both clerks.
    pub differences: Vec<Difference>,
}

impl EntryComparison {
    pub fn is_identical(&self) -> bool {
        self.differences.is_empty()
    }
}

/// One place where the two entries part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Difference {
    /// The same paper read differently, in these contests (in the election's order).
    Differs {
        first: usize,
        second: usize,
        contests: Vec<String>,
    },
    /// A paper the second clerk missed, or the first typed twice.
    OnlyFirst { first: usize },
    /// A paper the first clerk missed, or the second typed twice.
    OnlySecond { second: usize },
}

/// Why two entries could not be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareError {
    /// The alignment would exceed [`MAX_CELLS`]: too many papers and too many differences
    /// between them to be two entries of the same papers.
    TooFarApart { first: usize, second: usize },
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompareError::TooFarApart { first, second } => write!(
                f,
                "{first} and {second} papers differ in too many places to be two entries of the \
                 same papers"
            ),
        }
    }
}

impl std::error::Error for CompareError {}

/// Compares two entries of the same papers under `election` (whose contest order the differing
/// contests follow).
pub fn compare_entries(
    election: &Election,
    first: &[Paper],
    second: &[Paper],
) -> Result<EntryComparison, CompareError> {
    let (first_ids, second_ids) = number_readings(first, second);
    let mut steps = align(&first_ids, &second_ids).map_err(|_| CompareError::TooFarApart {
        first: first.len(),
        second: second.len(),
    })?;
    mark_changes(&mut steps, &first_ids, &second_ids);
    let differences = steps
        .into_iter()
        .filter_map(|step| match step {
            Step::Same { .. } => None,
            Step::Changed {
                first: i,
                second: j,
            } => Some(Difference::Differs {
                first: i + 1,
                second: j + 1,
                contests: differing_contests(election, &first[i], &second[j]),
            }),
            Step::OnlyFirst { first: i } => Some(Difference::OnlyFirst { first: i + 1 }),
            Step::OnlySecond { second: j } => Some(Difference::OnlySecond { second: j + 1 }),
        })
        .collect();
    Ok(EntryComparison {
        format: COMPARE_FORMAT.to_string(),
        first: first.len(),
        second: second.len(),
        differences,
    })
}

/// Whether two papers read the same (see the module's comment).
pub fn same_reading(a: &Paper, b: &Paper) -> bool {
    Reading::of(a) == Reading::of(b)
}

/// The contests in which `a` and `b` read differently: the election's contests in its order, then
/// any other contest id on either paper. A paper rejected on one side only differs in every one.
pub fn differing_contests(election: &Election, a: &Paper, b: &Paper) -> Vec<String> {
    let mut ids: Vec<&str> = election.contests.iter().map(|c| c.id.as_str()).collect();
    // Sorted through `order` (collecting a `BTreeSet` compiles a sort of its own).
    let mut others: Vec<&str> = a
        .contests
        .keys()
        .chain(b.contests.keys())
        .map(String::as_str)
        .filter(|id| !ids.contains(id))
        .collect();
    crate::order::sort(&mut others);
    others.dedup();
    ids.extend(others);
    if a.rejected.is_some() && b.rejected.is_some() {
        return Vec::new();
    }
    let rejected_once = a.rejected.is_some() != b.rejected.is_some();
    ids.into_iter()
        .filter(|id| rejected_once || ContestReading::of(a, id) != ContestReading::of(b, id))
        .map(str::to_string)
        .collect()
}

/// A paper's readings as numbers, equal readings having equal numbers, so that the alignment
/// compares integers.
fn number_readings<'a>(first: &'a [Paper], second: &'a [Paper]) -> (Vec<u32>, Vec<u32>) {
    let mut numbers: HashMap<Reading<'a>, u32> = HashMap::new();
    let mut number = |paper: &'a Paper| {
        let next = u32::try_from(numbers.len()).unwrap_or(u32::MAX);
        *numbers.entry(Reading::of(paper)).or_insert(next)
    };
    let first_ids = first.iter().map(&mut number).collect();
    let second_ids = second.iter().map(&mut number).collect();
    (first_ids, second_ids)
}

/// What a paper says, with the differences that change nothing taken out.
#[derive(PartialEq, Eq, Hash)]
struct Reading<'a> {
    rejected: bool,
    /// Contests with any mark or name, by id.
    contests: Vec<(&'a str, ContestReading<'a>)>,
}

#[derive(PartialEq, Eq, Hash)]
struct ContestReading<'a> {
    /// By candidate id, without blank marks.
    marks: Vec<(&'a str, Mark)>,
    /// Sorted.
    write_ins: Vec<(&'a str, bool)>,
}

impl<'a> Reading<'a> {
    fn of(paper: &'a Paper) -> Reading<'a> {
        let rejected = paper.rejected.is_some();
        let contests = if rejected {
            Vec::new()
        } else {
            paper
                .contests
                .iter()
                .map(|(id, marks)| (id.as_str(), ContestReading::from_marks(marks)))
                .filter(|(_, reading)| !reading.is_blank())
                .collect()
        };
        Reading { rejected, contests }
    }
}

impl<'a> ContestReading<'a> {
    fn of(paper: &'a Paper, contest: &str) -> ContestReading<'a> {
        paper
            .contests
            .get(contest)
            .map(ContestReading::from_marks)
            .unwrap_or(ContestReading {
                marks: Vec::new(),
                write_ins: Vec::new(),
            })
    }

    fn from_marks(marks: &'a ContestMarks) -> ContestReading<'a> {
        let mut write_ins: Vec<(&str, bool)> = marks
            .write_ins
            .iter()
            .map(|w| (w.name.as_str(), w.marked))
            .collect();
        crate::order::sort(&mut write_ins);
        ContestReading {
            marks: marks
                .marks
                .iter()
                .filter(|(_, &mark)| mark != Mark::Blank)
                .map(|(id, &mark)| (id.as_str(), mark))
                .collect(),
            write_ins,
        }
    }

    fn is_blank(&self) -> bool {
        self.marks.is_empty() && self.write_ins.is_empty()
    }
}

#[cfg(test)]
mod tests;
