//! Why a file is not a verified result, with typed details: the CLI prints them in English
//! (`Display`), the app words each in the page's language (issue 10: "details included").

use std::fmt;

use super::result::{RESULT_FORMAT, SIGNATURE_ALGORITHM};
use crate::election::ELECTION_FORMAT;
use crate::lot::LotProblem;
use crate::{LoadError, Problem, Status};

/// Why a file is not a verified result. Each is named to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VerifyError {
    /// The file could not be read at all (reported by the caller that does the reading).
    Unreadable(String),
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not UTF-8, not JSON, or not the shape of a result file.
    DamagedJson(Damage),
    /// JSON with another `format` (`None`: no format at all), e.g. a ballots file or a later
    /// version.
    UnknownFormat(Option<String>),
    UnknownAlgorithm(String),
    /// The signature does not match the payload and key, or the signature block is malformed.
    BadSignature(SignatureFault),
    /// The signed content is intact, but the file's bytes differ from the layout it was written
    /// in (spaces, line ends, escapes, key order): someone edited or re-saved it.
    Reformatted,
    /// Signed, but the definition or a paper breaks the rules, so it cannot be recounted.
    InvalidContent(ContentFault),
    /// The tally recomputed from the papers differs from the tally in the file.
    TallyMismatch(TallyFault),
}

/// What makes a file damaged JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// The strict reader's refusal, with its place.
    Load(LoadError),
    /// `payload` or `signature` is missing.
    MissingPart,
    /// A field of the signature block (`algorithm`, `value`...) is missing or not text.
    SignatureField(&'static str),
}

/// Why the signature block does not sign this payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureFault {
    PublicKeyNotHex,
    FingerprintNotTheKeys,
    ValueNotHex,
    PayloadHashMismatch,
    DoesNotMatch,
}

/// A signed field that the app would never have written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentFault {
    /// `election.format` is not the election format.
    ElectionFormat(String),
    /// The election definition fails the core's checks (the first problem).
    Election(Problem),
    /// `papers[index]` is numbered `number`; papers are numbered 1 to `count` in order.
    PaperOutOfOrder {
        index: usize,
        number: u32,
        count: usize,
    },
    /// Paper `number` fails the core's checks (the first problem).
    Paper { number: u32, problem: Problem },
    /// `created` is not an RFC 3339 time.
    Created(String),
    /// `log.last_hash` is not a sha256 in hex.
    LastHash,
    /// The log has fewer entries than these papers, voids and lots take.
    TooFewLogEntries { events: u64, least: u64 },
    /// A lot that does not fill its contest's tied seats.
    Lot {
        contest: String,
        problem: LotProblem,
    },
    /// A double-entry resolution of no difference found, or repeated.
    DoubleEntryResolution,
    /// The hand tally's remaining differences are not the board's against the tally.
    HandTallyBoard,
}

/// Where the file's tally first differs from the recount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TallyFault {
    Status {
        written: Status,
        recounted: Status,
    },
    /// The contest with this id differs from its recount.
    Contest(String),
    /// The recount has this contest, the file's tally does not.
    MissingContest(String),
    Totals,
}

impl VerifyError {
    /// A short stable name, used in the CLI's one-line verdicts and the CSV.
    pub fn name(&self) -> &'static str {
        match self {
            VerifyError::Unreadable(_) => "unreadable",
            VerifyError::TooLarge { .. } => "too large",
            VerifyError::DamagedJson(_) => "damaged JSON",
            VerifyError::UnknownFormat(_) => "unknown format",
            VerifyError::UnknownAlgorithm(_) => "unknown algorithm",
            VerifyError::BadSignature(_) => "bad signature",
            VerifyError::Reformatted => "altered layout",
            VerifyError::InvalidContent(_) => "invalid content",
            VerifyError::TallyMismatch(_) => "tally mismatch",
        }
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.name())?;
        match self {
            VerifyError::Unreadable(detail) => f.write_str(detail),
            VerifyError::TooLarge { bytes, limit } => {
                write!(f, "the file has {bytes} bytes; result files are limited to {limit} bytes")
            }
            VerifyError::DamagedJson(damage) => damage.fmt(f),
            VerifyError::UnknownFormat(format) => {
                let format = format.as_deref().unwrap_or("(no format)");
                write!(f, "\"{format}\" is not a signed result (expected \"{RESULT_FORMAT}\")")
            }
            VerifyError::UnknownAlgorithm(algorithm) => {
                write!(f, "\"{algorithm}\" (expected \"{SIGNATURE_ALGORITHM}\")")
            }
            VerifyError::BadSignature(fault) => fault.fmt(f),
            VerifyError::Reformatted => f.write_str(
                "the signed content is intact but the file was edited or re-saved; use the file as exported",
            ),
            VerifyError::InvalidContent(fault) => fault.fmt(f),
            VerifyError::TallyMismatch(fault) => fault.fmt(f),
        }
    }
}

impl std::error::Error for VerifyError {}

impl fmt::Display for Damage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Damage::Load(error) => error.fmt(f),
            Damage::MissingPart => f.write_str("\"payload\" or \"signature\" is missing"),
            Damage::SignatureField(name) => write!(f, "signature.{name} is missing or not text"),
        }
    }
}

impl fmt::Display for SignatureFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SignatureFault::PublicKeyNotHex => "the public key is not 64 lowercase hex digits",
            SignatureFault::FingerprintNotTheKeys => "the fingerprint is not the public key's",
            SignatureFault::ValueNotHex => "the signature is not 128 lowercase hex digits",
            SignatureFault::PayloadHashMismatch => "the payload hash does not match the payload",
            SignatureFault::DoesNotMatch => "the signature does not match the payload and key",
        })
    }
}

impl fmt::Display for ContentFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentFault::ElectionFormat(format) => write!(
                f,
                "election.format is \"{format}\" (expected \"{ELECTION_FORMAT}\")"
            ),
            ContentFault::Election(problem) => write!(f, "election: {problem}"),
            ContentFault::PaperOutOfOrder {
                index,
                number,
                count,
            } => write!(
                f,
                "papers[{index}] is numbered {number} (papers are numbered 1 to {count} in order)"
            ),
            ContentFault::Paper { number, problem } => write!(f, "paper {number}: {problem}"),
            ContentFault::Created(created) => {
                write!(f, "created \"{created}\" is not an RFC 3339 time")
            }
            ContentFault::LastHash => f.write_str("log.last_hash is not 64 lowercase hex digits"),
            ContentFault::TooFewLogEntries { events, least } => write!(
                f,
                "log.events is {events}, but these papers, voids and lots take at least {least} entries"
            ),
            ContentFault::Lot { contest, problem } => {
                write!(f, "the lot for \"{contest}\": {problem}")
            }
            ContentFault::DoubleEntryResolution => {
                f.write_str("double_entry: a resolution of no difference found, or repeated")
            }
            ContentFault::HandTallyBoard => {
                f.write_str("hand_tally: the board's differences are not the tally's")
            }
        }
    }
}

impl fmt::Display for TallyFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TallyFault::Status { written, recounted } => write!(
                f,
                "status is {written:?} in the file, {recounted:?} when recounted"
            ),
            TallyFault::Contest(id) => write!(f, "contest \"{id}\" differs from its recount"),
            TallyFault::MissingContest(id) => {
                write!(f, "contest \"{id}\" is missing from the file's tally")
            }
            TallyFault::Totals => f.write_str("the totals differ from the recount"),
        }
    }
}
