//! Why the log refuses an event or an entry.

use std::fmt;

use crate::error::Problem;
use crate::lot::LotProblem;

/// Why an event or entry was refused. The log is left as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogError {
    /// A paper, lock or lot before any definition.
    NoElection,
    InvalidElection {
        problems: Vec<Problem>,
    },
    /// A new definition after the first paper without a `DefinitionUnlocked`.
    DefinitionLocked,
    DefinitionNotLocked,
    /// A corrected definition that a paper already entered does not fit.
    RedefinitionBreaksPaper {
        number: u32,
        problems: Vec<Problem>,
    },
    InvalidPaper {
        number: u32,
        problems: Vec<Problem>,
    },
    /// Entry, void and redefinition wait for `ResultsUnlocked`.
    ResultsLocked,
    ResultsAlreadyLocked,
    ResultsNotLocked,
    UnknownPaper {
        number: u32,
    },
    AlreadyVoided {
        number: u32,
    },
    /// A void or an unlock needs a reason for the record.
    MissingReason,
    UnknownContest {
        contest: String,
    },
    /// A lot that cannot fill the contest's tied seats as the papers stand ([`crate::lot`]).
    InvalidLot {
        contest: String,
        problem: LotProblem,
    },
    /// Double entry: a second entry when one is already recorded.
    SecondEntryAlreadyRecorded,
    /// A paper of the second entry that breaks the rules (`number` within the second entry).
    InvalidSecondPaper {
        number: u32,
        problems: Vec<Problem>,
    },
    /// The two entries are too far apart to be compared (see `compare::MAX_CELLS`).
    EntriesTooFarApart,
    /// A resolution before any second entry.
    NoSecondEntry,
    /// A resolution of a difference the comparison does not list.
    UnknownDifference,
    AlreadyResolved,
    /// The right reading of a reread paper breaks the rules.
    InvalidReading {
        problems: Vec<Problem>,
    },
    /// An entry whose `seq` is not the next one (an entry lost or repeated).
    OutOfSequence {
        expected: u64,
        found: u64,
    },
    /// An entry whose `prev` is not the hash of the last entry (the one before was altered).
    BrokenLink {
        expected: String,
        found: String,
    },
}

impl fmt::Display for LogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use LogError::*;
        let list = |f: &mut fmt::Formatter<'_>, problems: &[Problem]| {
            problems
                .iter()
                .enumerate()
                .try_for_each(|(i, p)| write!(f, "{}{p}", if i > 0 { "; " } else { "" }))
        };
        match self {
            NoElection => write!(f, "no election is defined yet"),
            InvalidElection { problems } => {
                write!(f, "the definition has problems: ")?;
                list(f, problems)
            }
            DefinitionLocked => write!(
                f,
                "papers were entered: unlock the definition (with a reason) to change it"
            ),
            DefinitionNotLocked => write!(f, "the definition is not locked"),
            RedefinitionBreaksPaper { number, problems } => {
                write!(
                    f,
                    "paper {number}, already entered, does not fit the new definition: "
                )?;
                list(f, problems)
            }
            InvalidPaper { number, problems } => {
                write!(f, "paper {number} cannot be entered: ")?;
                list(f, problems)
            }
            ResultsLocked => write!(f, "the results are locked"),
            ResultsAlreadyLocked => write!(f, "the results are already locked"),
            ResultsNotLocked => write!(f, "the results are not locked"),
            UnknownPaper { number } => write!(f, "there is no paper {number}"),
            AlreadyVoided { number } => write!(f, "paper {number} is already void"),
            MissingReason => write!(f, "a reason is needed for the record"),
            UnknownContest { contest } => write!(f, "there is no contest \"{contest}\""),
            InvalidLot { contest, problem } => {
                write!(
                    f,
                    "the lot for \"{contest}\" cannot fill its tied seats: {problem}"
                )
            }
            SecondEntryAlreadyRecorded => write!(f, "a second entry is already recorded"),
            InvalidSecondPaper { number, problems } => {
                write!(f, "paper {number} of the second entry: ")?;
                list(f, problems)
            }
            EntriesTooFarApart => write!(
                f,
                "the two entries differ in too many places to be entries of the same papers"
            ),
            NoSecondEntry => write!(f, "no second entry is recorded"),
            UnknownDifference => write!(f, "the entries do not differ there"),
            AlreadyResolved => write!(f, "this difference is already resolved"),
            InvalidReading { problems } => {
                write!(f, "the reading cannot be entered: ")?;
                list(f, problems)
            }
            OutOfSequence { expected, found } => {
                write!(f, "entry {found} where entry {expected} was expected")
            }
            BrokenLink { .. } => {
                write!(f, "the entry does not follow the one before (hash differs)")
            }
        }
    }
}

impl std::error::Error for LogError {}
