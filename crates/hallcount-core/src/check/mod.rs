//! Checking what a file says against the rules, after it was read: every problem is listed,
//! each with its JSON path, so an officer can fix them all at once.
//!
//! - `election`: the definition (`check_election`);
//! - `paper`: the papers (`PaperCheck`, `check_papers`): unknown contest or candidate, write-ins
//!   where none are allowed (R4), a rejection without a reason (R5), and the bounds. Each names
//!   the paper's number (1-based, as counted at the table). Linear in the size of the papers:
//!   every look-up is a map built once per election.

mod election;
mod paper;

pub use election::check_election;
pub use paper::{check_paper, check_papers, PaperCheck};

use crate::error::ProblemKind;

/// The prefix naming a write-in in `elected` and `open.candidates` (R10).
pub const WRITE_IN_PREFIX: &str = "write_in:";

/// A bound of `limits` broken: `count` of `what`, more than `max`.
fn too_many(what: &'static str, count: usize, max: usize) -> Option<ProblemKind> {
    (count > max).then_some(ProblemKind::TooMany {
        what,
        count: count as u64,
        max: max as u64,
    })
}
