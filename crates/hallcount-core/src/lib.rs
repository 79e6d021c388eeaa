//! The pure core of hallcount: the election model, ballot papers, counting and export.
//!
//! Invariant: this crate does no IO and depends on nothing web (no yew, web-sys, gloo,
//! wasm-bindgen). The browser app and the native CLI both count through it, so a result on
//! the laptop and a result recomputed at the town office cannot differ.
//! The rules implemented here are those of `shared/SPEC.md` (R1–R10).

pub mod ballot;
pub mod election;
pub mod fraction;
pub mod tally;

pub use ballot::{BallotsFile, ContestMarks, Mark, Paper, WriteIn};
pub use election::{
    Base, Candidate, CollectedLimit, Comparison, Contest, Delegates, Election, Quorum, Shortfall,
    ShortfallRule, Threshold, TiePolicy, WriteIns,
};
pub use fraction::Fraction;
pub use tally::{CandidateCount, ContestTally, OpenReason, OpenSeats, Status, Tally, WriteInCount};
