//! Counting: a pure fold over the papers collected, then the allocation of seats.
//!
//! - `effect`: R3 marks, R4 write-ins, R5 validity per contest, for one paper;
//! - `running`: the fold ([`RunningTally`]), R1 quorum and R2 collected vs issued in `finish`;
//! - `allocate`: R6 threshold, R7 ranking and ties, R8 seats not filled;
//! - `round`: docs/rules.md "Rounds", the definition of the next round for the open seats.

mod allocate;
mod effect;
mod interned;
mod round;
mod running;
mod sorted_ids;

pub use effect::{paper_effect, write_in_counts, ContestEffect};
pub use interned::InternedBallots;
pub use round::propose_next_round;
pub use running::{status_of, RunningTally};

use crate::ballot::Paper;
use crate::election::Election;
use crate::tally::Tally;

/// The tally of `papers` (those collected, in the order entered, already checked with
/// `check_paper`) under `election` (checked with `check_election`): the papers interned, then
/// [`tally_interned`].
pub fn tally(election: &Election, papers: &[Paper]) -> Tally {
    tally_interned(election, &InternedBallots::new(election, papers))
}

/// The tally of papers already interned against `election`: a fold with [`RunningTally`] over
/// flat arrays of indices.
pub fn tally_interned(election: &Election, papers: &InternedBallots) -> Tally {
    let mut running = RunningTally::new(election);
    running.add_interned(papers);
    running.finish(election)
}
