//! The town office's roll-up: many verified results in, per village and per office out.
//!
//! Nothing is dropped silently: every file gets a verdict, and a file that is not counted says
//! why (failed verification, unknown signer, duplicate of another file, conflict).
//!
//! Each file is first reduced to its [`ResultSummary`] (a few hundred bytes: no papers), so a
//! town's tools can verify thousands of files in parallel and keep only the summaries.

mod join;
mod summary;

use std::collections::BTreeMap;

use super::key::Fingerprint;
use super::trusted::{TrustProblem, TrustedKeys};
use super::verify::VerifyError;
use crate::election::Election;
use crate::tally::{OpenReason, Status};

pub use summary::{BallotFigures, ContestSummary, ResultSummary};
/// What identifies an election (docs/rules.md: body, place, date, title and round).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ElectionId {
    pub body: String,
    pub place: String,
    pub date: String,
    pub title: String,
    pub round: u32,
}

impl ElectionId {
    pub fn of(election: &Election) -> ElectionId {
        ElectionId {
            body: election.body.clone(),
            place: election.place.clone(),
            date: election.date.clone(),
            title: election.title.clone(),
            round: election.round,
        }
    }
}

/// Whether the signer is on the town's list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trust {
    Trusted {
        village: String,
    },
    /// Not on the list, or no list was given.
    Untrusted,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileVerdict {
    Counted {
        id: ElectionId,
        fingerprint: Fingerprint,
        trust: Trust,
        payload_sha256: String,
    },
    /// The same election with the same payload as another file: counted once, under the name
    /// that sorts first.
    Duplicate {
        of_file: String,
    },
    /// Another file has the same election with a different payload: none of them is counted.
    Conflict {
        id: ElectionId,
        payload_sha256: String,
    },
    /// Verified, but the signer is not on the trusted list that was given.
    UnknownSigner {
        fingerprint: Fingerprint,
    },
    /// Verified, but signed by a listed key for a place other than the one it is registered
    /// for. Left out, and no conflict for the genuine file of that place.
    WrongPlace {
        fingerprint: Fingerprint,
        registered: String,
        signed: String,
    },
    Failed(VerifyError),
}

impl FileVerdict {
    pub fn is_counted(&self) -> bool {
        matches!(
            self,
            FileVerdict::Counted { .. } | FileVerdict::Duplicate { .. }
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    pub name: String,
    pub verdict: FileVerdict,
}

/// Why seats are open: the contest's reason, or the whole election not counting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OpenCause {
    Runoff,
    Lot,
    AnotherRound,
    Vacant,
    ElectionVoid,
    QuorumNotMet,
    /// Seats open with no reason given by the tally.
    Unexplained,
}

impl OpenCause {
    pub fn name(self) -> &'static str {
        match self {
            OpenCause::Runoff => "runoff_required",
            OpenCause::Lot => "lot_required",
            OpenCause::AnotherRound => "another_round",
            OpenCause::Vacant => "vacant",
            OpenCause::ElectionVoid => "void",
            OpenCause::QuorumNotMet => "quorum_not_met",
            OpenCause::Unexplained => "open",
        }
    }

    pub(crate) fn of(status: Status, reason: Option<OpenReason>) -> OpenCause {
        match (status, reason) {
            (Status::Void, _) => OpenCause::ElectionVoid,
            (Status::QuorumNotMet, _) => OpenCause::QuorumNotMet,
            (Status::Valid, Some(OpenReason::RunoffRequired)) => OpenCause::Runoff,
            (Status::Valid, Some(OpenReason::LotRequired)) => OpenCause::Lot,
            (Status::Valid, Some(OpenReason::AnotherRound)) => OpenCause::AnotherRound,
            (Status::Valid, Some(OpenReason::Vacant)) => OpenCause::Vacant,
            (Status::Valid, None) => OpenCause::Unexplained,
        }
    }
}

/// One office at one meeting, with its later rounds joined in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficeResult {
    pub office: String,
    pub seats: u32,
    /// Names, in order of election, over all rounds.
    pub elected: Vec<String>,
    pub open_seats: u32,
    pub open_cause: Option<OpenCause>,
    /// Named for a runoff, a lot or another round.
    pub open_candidates: Vec<String>,
    /// How many rounds this office took (1 when no later round was loaded).
    pub rounds: u32,
}

/// One ballot of a meeting (first round, runoff, another round...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BallotSummary {
    pub file: String,
    pub title: String,
    pub round: u32,
    pub figures: BallotFigures,
}

/// A village's meeting: the elections of one body, place and date, rounds joined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingResult {
    pub village: String,
    pub trust: Trust,
    pub body: String,
    pub place: String,
    pub date: String,
    pub ballots: Vec<BallotSummary>,
    pub offices: Vec<OfficeResult>,
}

impl MeetingResult {
    /// Every ballot of the meeting was double-entered, every difference resolved.
    pub fn double_entered(&self) -> bool {
        self.ballots.iter().all(|b| b.figures.double_entered)
    }

    /// Every ballot of the meeting was reconciled with an agreeing blackboard.
    pub fn reconciled(&self) -> bool {
        self.ballots.iter().all(|b| b.figures.reconciled)
    }
}

/// Open seats of one office in one village, for the totals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenAt {
    pub village: String,
    pub seats: u32,
    pub cause: OpenCause,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfficeTotal {
    pub office: String,
    /// Sums over villages: `u64` and saturating, so that no set of files can wrap a total.
    pub seats: u64,
    pub elected: u64,
    pub open_seats: u64,
    pub open: Vec<OpenAt>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollUp {
    /// One per input, in input order.
    pub files: Vec<FileReport>,
    /// Sorted by village, then date.
    pub meetings: Vec<MeetingResult>,
    /// In order of first appearance.
    pub totals: Vec<OfficeTotal>,
}

impl RollUp {
    pub fn n_counted(&self) -> usize {
        self.files
            .iter()
            .filter(|f| matches!(f.verdict, FileVerdict::Counted { .. }))
            .count()
    }

    pub fn n_left_out(&self) -> usize {
        self.files
            .iter()
            .filter(|f| !f.verdict.is_counted())
            .count()
    }
}

/// Builds the roll-up. With `trusted`, results by signers not on the list, or signed for a
/// place their key is not registered for, are left out; without it every verified result is
/// counted and marked untrusted.
///
/// The roll-up is a function of the set of files, not of their order: the files of one
/// election that agree are counted once, under the first of their names in sorting order (the
/// others are duplicates of it); files of one election that differ are all conflicts.
///
/// Each input is a verified result or its summary ([`ResultSummary`]).
pub fn aggregate<R: Into<ResultSummary>>(
    inputs: Vec<(String, Result<R, VerifyError>)>,
    trusted: Option<&TrustedKeys>,
) -> RollUp {
    let mut files = Vec::with_capacity(inputs.len());
    // Each file alone first: failed, not trusted, or a candidate for its election.
    let mut candidates: BTreeMap<ElectionId, Vec<(usize, Trust, ResultSummary)>> = BTreeMap::new();
    for (name, outcome) in inputs {
        let verdict = match outcome.map(Into::into) {
            Err(error) => FileVerdict::Failed(error),
            Ok(summary) => match trust_of(&summary, trusted) {
                Err(problem) => left_out(&summary, problem),
                Ok(trust) => {
                    let verdict = FileVerdict::Counted {
                        id: summary.id.clone(),
                        fingerprint: summary.fingerprint.clone(),
                        trust: trust.clone(),
                        payload_sha256: summary.payload_sha256.clone(),
                    };
                    candidates.entry(summary.id.clone()).or_default().push((
                        files.len(),
                        trust,
                        summary,
                    ));
                    verdict
                }
            },
        };
        files.push(FileReport { name, verdict });
    }

    // Then each election over all its files.
    let mut counted: Vec<(String, Trust, ResultSummary)> = Vec::new();
    for (id, group) in candidates {
        let agree = group
            .iter()
            .all(|(_, _, s)| s.payload_sha256 == group[0].2.payload_sha256);
        if !agree {
            for (index, _, summary) in &group {
                files[*index].verdict = FileVerdict::Conflict {
                    id: id.clone(),
                    payload_sha256: summary.payload_sha256.clone(),
                };
            }
            continue;
        }
        let first = group
            .iter()
            .map(|(index, _, _)| *index)
            .min_by(|a, b| files[*a].name.cmp(&files[*b].name).then(a.cmp(b)))
            .expect("a group has a file");
        for (index, trust, summary) in group {
            if index == first {
                counted.push((files[index].name.clone(), trust, summary));
            } else {
                files[index].verdict = FileVerdict::Duplicate {
                    of_file: files[first].name.clone(),
                };
            }
        }
    }

    let meetings = join::join_meetings(counted);
    let totals = join::office_totals(&meetings);
    RollUp {
        files,
        meetings,
        totals,
    }
}

/// What the trusted list says of a verified file: its trust, or why it is left out.
fn trust_of(summary: &ResultSummary, trusted: Option<&TrustedKeys>) -> Result<Trust, TrustProblem> {
    let Some(keys) = trusted else {
        return Ok(Trust::Untrusted);
    };
    let village = keys.judge(&summary.fingerprint, &summary.id.place)?;
    Ok(Trust::Trusted {
        village: village.to_string(),
    })
}

fn left_out(summary: &ResultSummary, problem: TrustProblem) -> FileVerdict {
    let fingerprint = summary.fingerprint.clone();
    match problem {
        TrustProblem::UnknownSigner => FileVerdict::UnknownSigner { fingerprint },
        TrustProblem::WrongPlace { registered, signed } => FileVerdict::WrongPlace {
            fingerprint,
            registered,
            signed,
        },
    }
}
