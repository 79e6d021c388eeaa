//! The town office's roll-up: many verified results in, per village and per office out.
//!
//! Nothing is dropped silently: every file gets a verdict, and a file that is not counted says
//! why (failed verification, unknown signer, duplicate of another file, conflict).

use std::collections::BTreeMap;

use super::key::Fingerprint;
use super::trusted::{TrustProblem, TrustedKeys};
use super::verify::{VerifiedResult, VerifyError};
use crate::election::Election;
use crate::natural::natural_cmp;
use crate::tally::{OpenReason, Status};

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

    fn of(status: Status, reason: Option<OpenReason>) -> OpenCause {
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
    pub status: Status,
    pub entitled: u32,
    pub present: u32,
    pub issued: u32,
    pub collected: u32,
    /// A second entry was compared with the first and every difference resolved.
    pub double_entered: bool,
    /// The blackboard was recorded and agrees with the tally.
    pub reconciled: bool,
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
        self.ballots.iter().all(|b| b.double_entered)
    }

    /// Every ballot of the meeting was reconciled with an agreeing blackboard.
    pub fn reconciled(&self) -> bool {
        self.ballots.iter().all(|b| b.reconciled)
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
pub fn aggregate(
    inputs: Vec<(String, Result<VerifiedResult, VerifyError>)>,
    trusted: Option<&TrustedKeys>,
) -> RollUp {
    let mut files = Vec::with_capacity(inputs.len());
    // Each file alone first: failed, not trusted, or a candidate for its election.
    let mut candidates: BTreeMap<ElectionId, Vec<(usize, Trust, VerifiedResult)>> = BTreeMap::new();
    for (name, outcome) in inputs {
        let verdict = match outcome {
            Err(error) => FileVerdict::Failed(error),
            Ok(verified) => match trust_of(&verified, trusted) {
                Err(problem) => left_out(&verified, problem),
                Ok(trust) => {
                    let id = ElectionId::of(&verified.file.payload.election);
                    let verdict = FileVerdict::Counted {
                        id: id.clone(),
                        fingerprint: verified.fingerprint.clone(),
                        trust: trust.clone(),
                        payload_sha256: verified.payload_sha256.clone(),
                    };
                    candidates
                        .entry(id)
                        .or_default()
                        .push((files.len(), trust, verified));
                    verdict
                }
            },
        };
        files.push(FileReport { name, verdict });
    }

    // Then each election over all its files.
    let mut counted: Vec<(String, Trust, VerifiedResult)> = Vec::new();
    for (id, group) in candidates {
        let agree = group
            .iter()
            .all(|(_, _, v)| v.payload_sha256 == group[0].2.payload_sha256);
        if !agree {
            for (index, _, verified) in &group {
                files[*index].verdict = FileVerdict::Conflict {
                    id: id.clone(),
                    payload_sha256: verified.payload_sha256.clone(),
                };
            }
            continue;
        }
        let first = group
            .iter()
            .map(|(index, _, _)| *index)
            .min_by(|a, b| files[*a].name.cmp(&files[*b].name).then(a.cmp(b)))
            .expect("a group has a file");
        for (index, trust, verified) in group {
            if index == first {
                counted.push((files[index].name.clone(), trust, verified));
            } else {
                files[index].verdict = FileVerdict::Duplicate {
                    of_file: files[first].name.clone(),
                };
            }
        }
    }

    let meetings = join_meetings(counted);
    let totals = office_totals(&meetings);
    RollUp {
        files,
        meetings,
        totals,
    }
}

/// What the trusted list says of a verified file: its trust, or why it is left out.
fn trust_of(
    verified: &VerifiedResult,
    trusted: Option<&TrustedKeys>,
) -> Result<Trust, TrustProblem> {
    let Some(keys) = trusted else {
        return Ok(Trust::Untrusted);
    };
    let village = keys.judge(&verified.fingerprint, &verified.file.payload.election.place)?;
    Ok(Trust::Trusted {
        village: village.to_string(),
    })
}

fn left_out(verified: &VerifiedResult, problem: TrustProblem) -> FileVerdict {
    let fingerprint = verified.fingerprint.clone();
    match problem {
        TrustProblem::UnknownSigner => FileVerdict::UnknownSigner { fingerprint },
        TrustProblem::WrongPlace { registered, signed } => FileVerdict::WrongPlace {
            fingerprint,
            registered,
            signed,
        },
    }
}

type MeetingKey = (String, String, String);

fn join_meetings(counted: Vec<(String, Trust, VerifiedResult)>) -> Vec<MeetingResult> {
    let mut by_meeting: BTreeMap<MeetingKey, Vec<(String, Trust, VerifiedResult)>> =
        BTreeMap::new();
    for entry in counted {
        let election = &entry.2.file.payload.election;
        let key = (
            election.body.clone(),
            election.place.clone(),
            election.date.clone(),
        );
        by_meeting.entry(key).or_default().push(entry);
    }
    let mut meetings: Vec<MeetingResult> = by_meeting.into_values().map(join_rounds).collect();
    // Villages in natural order (第4村 before 第10村), then by date and body.
    meetings.sort_by(|a, b| {
        natural_cmp(&a.village, &b.village)
            .then_with(|| (&a.date, &a.body).cmp(&(&b.date, &b.body)))
    });
    meetings
}

/// Joins a meeting's ballots: a contest with `round_of` adds its elected to the office it fills
/// and its open seats replace that office's.
fn join_rounds(mut ballots: Vec<(String, Trust, VerifiedResult)>) -> MeetingResult {
    // Rounds in order; ballots of one round (an officers' election beside the first) by title,
    // then by payload: never by the order the files came in.
    ballots.sort_by(|(_, _, a), (_, _, b)| {
        let (ea, eb) = (&a.file.payload.election, &b.file.payload.election);
        (ea.round, &ea.title, &a.payload_sha256).cmp(&(eb.round, &eb.title, &b.payload_sha256))
    });
    let first = &ballots[0].2.file.payload.election;
    let village = match &ballots[0].1 {
        Trust::Trusted { village } => village.clone(),
        Trust::Untrusted => first.place.clone(),
    };
    let mut meeting = MeetingResult {
        village,
        trust: ballots[0].1.clone(),
        body: first.body.clone(),
        place: first.place.clone(),
        date: first.date.clone(),
        ballots: Vec::new(),
        offices: Vec::new(),
    };
    // Contest id (of any round) → index of the office it counts for.
    let mut office_of_contest: BTreeMap<String, usize> = BTreeMap::new();
    for (file, trust, verified) in &ballots {
        if *trust != meeting.trust {
            meeting.trust = Trust::Untrusted;
        }
        let payload = &verified.file.payload;
        let tally = &payload.tally;
        meeting.ballots.push(BallotSummary {
            file: file.clone(),
            title: payload.election.title.clone(),
            round: payload.election.round,
            status: tally.status,
            entitled: tally.entitled,
            present: tally.present,
            issued: tally.issued,
            collected: tally.collected,
            double_entered: payload
                .double_entry
                .as_ref()
                .is_some_and(|d| d.all_resolved()),
            reconciled: payload.hand_tally.as_ref().is_some_and(|h| h.agreed),
        });
        for (contest, counted) in payload.election.contests.iter().zip(&tally.contests) {
            let names = |ids: &[String]| {
                ids.iter()
                    .map(|id| display_name(contest, id))
                    .collect::<Vec<_>>()
            };
            let drawn = crate::lot::lot_for(&payload.lots, counted)
                .map(|lot| lot.winners.clone())
                .unwrap_or_default();
            let open_cause =
                (counted.open.seats > 0).then(|| OpenCause::of(tally.status, counted.open.reason));
            let joined = contest
                .round_of
                .as_ref()
                .and_then(|earlier| office_of_contest.get(earlier).copied());
            let index = match joined {
                Some(index) => {
                    let office = &mut meeting.offices[index];
                    office.elected.extend(names(&counted.elected));
                    office.elected.extend(names(&drawn));
                    office.rounds += 1;
                    index
                }
                None => {
                    meeting.offices.push(OfficeResult {
                        office: contest.office.clone(),
                        seats: contest.seats,
                        elected: names(&counted.elected)
                            .into_iter()
                            .chain(names(&drawn))
                            .collect(),
                        open_seats: 0,
                        open_cause: None,
                        open_candidates: Vec::new(),
                        rounds: 1,
                    });
                    meeting.offices.len() - 1
                }
            };
            let office = &mut meeting.offices[index];
            office.open_seats = office.seats.saturating_sub(office.elected.len() as u32);
            office.open_cause = open_cause;
            office.open_candidates = names(&counted.open.candidates)
                .into_iter()
                .filter(|name| !office.elected.contains(name))
                .collect();
            if office.open_seats == 0 {
                office.open_cause = None;
            }
            office_of_contest.insert(contest.id.clone(), index);
        }
    }
    meeting
}

/// A candidate's name from its id; a write-in (`write_in:<name>`) by its name.
fn display_name(contest: &crate::election::Contest, id: &str) -> String {
    if let Some(name) = id.strip_prefix("write_in:") {
        return name.to_string();
    }
    contest
        .candidates
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.name.clone())
        .unwrap_or_else(|| id.to_string())
}

fn office_totals(meetings: &[MeetingResult]) -> Vec<OfficeTotal> {
    let mut totals: Vec<OfficeTotal> = Vec::new();
    // Office name to its place in `totals`: a look-up, not a scan, per office of each village.
    let mut index_of: std::collections::HashMap<String, usize> = Default::default();
    for meeting in meetings {
        for office in &meeting.offices {
            let index = match index_of.get(&office.office) {
                Some(&index) => index,
                None => {
                    index_of.insert(office.office.clone(), totals.len());
                    totals.push(OfficeTotal {
                        office: office.office.clone(),
                        seats: 0,
                        elected: 0,
                        open_seats: 0,
                        open: Vec::new(),
                    });
                    totals.len() - 1
                }
            };
            let total = &mut totals[index];
            total.seats = total.seats.saturating_add(u64::from(office.seats));
            total.elected = total.elected.saturating_add(office.elected.len() as u64);
            total.open_seats = total
                .open_seats
                .saturating_add(u64::from(office.open_seats));
            if office.open_seats > 0 {
                total.open.push(OpenAt {
                    village: meeting.village.clone(),
                    seats: office.open_seats,
                    cause: office.open_cause.unwrap_or(OpenCause::Unexplained),
                });
            }
        }
    }
    totals
}
