//! The pure core of hallcount: the election model, ballot papers, counting and export.
//!
//! Invariant: this crate does no IO and depends on nothing web (no yew, web-sys, gloo,
//! wasm-bindgen). The browser app and the native CLI both count through it, so a result on
//! the laptop and a result recomputed at the town office cannot differ.
//! The rules implemented here are those of `docs/rules.md` (R1–R10).
//!
//! Where the rules live: `load` reads the files (format and version refused with the JSON path,
//! line and column); `check` lists every problem of a definition or a paper; `count` is the
//! fold over papers (`count::effect` R3–R5 per paper, `count::running` R1, R2 and the R10
//! counts, `count::allocate` R6–R8, `count::round` the next round); `tally` is the result.

pub mod backup;
pub mod ballot;
pub mod check;
pub mod compare;
pub mod count;
pub mod election;
pub mod encoding;
pub mod error;
pub mod export;
pub mod fraction;
pub mod json;
pub mod limits;
pub mod load;
pub mod log;
pub mod lot;
pub mod natural;
pub mod order;
pub mod reconcile;
pub mod tally;
pub mod visible;

pub use backup::{parse_backup, write_backup, BackupError, MeetingBackup, MEETING_FORMAT};
pub use ballot::{BallotsFile, ContestMarks, Mark, Paper, WriteIn};
pub use check::{check_election, check_paper, check_papers, PaperCheck, WRITE_IN_PREFIX};
pub use compare::{compare_entries, CompareError, Difference, EntryComparison, COMPARE_FORMAT};
pub use count::{
    paper_effect, propose_next_round, tally, tally_interned, ContestEffect, InternedBallots,
    RunningTally,
};
pub use election::{
    Base, Candidate, CollectedLimit, Comparison, Contest, Delegates, Election, Quorum, Shortfall,
    ShortfallRule, Threshold, TiePolicy, WriteIns,
};
pub use encoding::sha256_hex;
pub use error::{LoadError, LoadErrorKind, Problem, ProblemKind};
pub use fraction::Fraction;
pub use limits::FileKind;
pub use load::{parse_ballots, parse_election};
pub use log::{
    log_from_ballots, replay, verify_chain, BreakKind, ChainBreak, ChainCheck, EnteredPaper, Event,
    Head, Log, LogEntry, LogError, LotOutcome, RefusedLot, Replay, Restored, GENESIS_PREV,
};
pub use natural::natural_cmp;
pub use reconcile::{reconcile, BoardContest, BoardDifference, BoardLine, BoardTally};
pub use tally::{CandidateCount, ContestTally, OpenReason, OpenSeats, Status, Tally, WriteInCount};
pub use visible::visible;
