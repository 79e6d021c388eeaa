//! Typed errors: [`LoadError`] when a file cannot be read as its format at all, and [`Problem`]
//! when it can be read but breaks a rule of docs/rules.md (checked by `check`).
//!
//! Every message names the place: a JSON path such as `contests[2].threshold.of`, and for a
//! [`LoadError`] also the line and column, so a town office can fix a file by hand.

use std::fmt;

/// A file that could not be read as `hallcount/election@1` or `hallcount/ballots@1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub kind: LoadErrorKind,
    /// JSON path of the offending value, e.g. `contests[2].threshold.of`; empty for the whole file.
    pub path: String,
    /// 1-based; 0 when the position is not known.
    pub line: usize,
    /// 1-based; 0 when the position is not known.
    pub column: usize,
    /// What went wrong, without the position.
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// Not JSON at all, or cut short.
    Syntax,
    /// `format` is missing, unknown, of another version, or the file is of another kind.
    Format,
    /// JSON, of the right format, but a value has the wrong type, an unknown field or variant,
    /// or a required field is missing.
    Shape,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.message)?;
        if self.line > 0 {
            write!(f, " (line {}, column {})", self.line, self.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// One rule broken by a definition or a paper that was read fine. `check_election` and
/// `check_paper` return every problem found, not just the first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path, e.g. `contests[1].candidates[3].id` or `ballots[6].contests.exec.marks.Z`.
    pub path: String,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            path: path.into(),
            kind,
        }
    }
}

/// Every kind of rule a definition or a paper can break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// An empty identifier or name.
    Empty {
        what: &'static str,
    },
    /// An identifier used twice in its list.
    DuplicateId {
        id: String,
    },
    /// A candidate id that could be mistaken for a write-in in the result (`write_in:...`).
    ReservedId {
        id: String,
    },
    /// `date` is not `YYYY-MM-DD`.
    BadDate {
        date: String,
    },
    NoEntitled,
    PresentOverEntitled {
        present: u32,
        entitled: u32,
    },
    RoundZero,
    NoContests,
    NoSeats,
    /// Nobody could ever be elected: no candidate and no write-in allowed.
    NoCandidates,
    /// `round_of` in a first round.
    RoundOfInFirstRound,
    /// A contest of round 2 or later that does not say which contest it fills.
    MissingRoundOf,
    /// A threshold that no candidate can ever reach (`more_than 1/1` of a base votes cannot exceed).
    UnreachableThreshold,
    /// `at_least` a whole (`1/1`) in a threshold, floor or quorum: fractions there are below 1.
    WholeFraction,
    /// `extra` or `floor` given with a shortfall rule other than `another_round`.
    ShortfallSettingUnused {
        setting: &'static str,
    },
    /// A floor `of: none`: a floor needs a fraction.
    FloorWithoutFraction,
    /// A paper names a contest the definition does not have.
    UnknownContest {
        paper: usize,
        contest: String,
    },
    /// A paper names a candidate the contest does not have.
    UnknownCandidate {
        paper: usize,
        contest: String,
        candidate: String,
    },
    /// A write-in where the contest allows none.
    WriteInNotAllowed {
        paper: usize,
        contest: String,
    },
    /// A write-in with an empty name.
    EmptyWriteIn {
        paper: usize,
        contest: String,
    },
    /// The same write-in name twice in one contest of one paper.
    DuplicateWriteIn {
        paper: usize,
        contest: String,
        name: String,
    },
    /// `rejected` with no reason.
    EmptyRejection {
        paper: usize,
    },
    /// A documented bound (`limits`) exceeded: `count` of `what`, more than `max`.
    TooMany {
        what: &'static str,
        count: u64,
        max: u64,
    },
    /// A text longer than `max` characters.
    TooLong {
        what: &'static str,
        max: usize,
    },
    /// A name or title holding a control, line-separator or bidi-control character (U+202E
    /// would reverse what follows it on screen): refused where it is typed or read (issue 10).
    HiddenCharacter {
        what: &'static str,
        /// The first such character's code point.
        code: u32,
    },
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind::*;
        match self {
            Empty { what } => write!(f, "{what} must not be empty"),
            DuplicateId { id } => write!(f, "id \"{id}\" is used more than once"),
            ReservedId { id } => {
                write!(
                    f,
                    "id \"{id}\" starts with \"write_in:\", which names write-ins in the result"
                )
            }
            BadDate { date } => write!(
                f,
                "date \"{}\" is not a real date of the form YYYY-MM-DD",
                crate::visible(date)
            ),
            NoEntitled => write!(f, "no delegate is entitled to vote"),
            PresentOverEntitled { present, entitled } => {
                write!(
                    f,
                    "{present} delegates present but only {entitled} entitled"
                )
            }
            RoundZero => write!(f, "round must be 1 or more"),
            NoContests => write!(f, "the election has no contest"),
            NoSeats => write!(f, "seats must be 1 or more"),
            NoCandidates => write!(
                f,
                "no candidate and no write-in allowed: nobody could be elected"
            ),
            RoundOfInFirstRound => {
                write!(
                    f,
                    "round_of is only allowed where the election's round is 2 or more"
                )
            }
            MissingRoundOf => {
                write!(
                    f,
                    "a contest of round 2 or more must name the contest it fills in round_of"
                )
            }
            UnreachableThreshold => {
                write!(f, "\"more_than\" a whole (\"1/1\", \"7/7\") can never be reached; use a fraction below 1")
            }
            WholeFraction => {
                write!(f, "a fraction here must be below 1: \"at_least\" a whole (\"1/1\", \"7/7\") would let one voter block it; use a fraction below 1")
            }
            ShortfallSettingUnused { setting } => {
                write!(
                    f,
                    "{setting} is only used with the shortfall rule \"another_round\""
                )
            }
            FloorWithoutFraction => {
                write!(f, "a floor needs \"of\" a base other than \"none\" and \"at_least\" or \"more_than\"")
            }
            UnknownContest { paper, contest } => {
                write!(f, "paper {paper}: unknown contest \"{contest}\"")
            }
            UnknownCandidate {
                paper,
                contest,
                candidate,
            } => {
                write!(
                    f,
                    "paper {paper}: unknown candidate \"{candidate}\" in contest \"{contest}\""
                )
            }
            WriteInNotAllowed { paper, contest } => {
                write!(f, "paper {paper}: contest \"{contest}\" allows no write-in")
            }
            EmptyWriteIn { paper, contest } => {
                write!(
                    f,
                    "paper {paper}: empty write-in name in contest \"{contest}\""
                )
            }
            DuplicateWriteIn {
                paper,
                contest,
                name,
            } => {
                write!(
                    f,
                    "paper {paper}: write-in \"{name}\" entered twice in contest \"{contest}\""
                )
            }
            EmptyRejection { paper } => write!(f, "paper {paper}: a rejected paper needs a reason"),
            TooMany { what, count, max } => {
                write!(f, "{count} {what}, more than the limit of {max}")
            }
            TooLong { what, max } => write!(f, "{what} is longer than {max} characters"),
            HiddenCharacter { what, code } => write!(
                f,
                "{what} holds an invisible control or direction character (U+{code:04X}); \
                 type it again without it"
            ),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

impl std::error::Error for Problem {}
