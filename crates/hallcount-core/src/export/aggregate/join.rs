//! Joining the counted files: ballots of one meeting (body, place, date) into one village's
//! result, later rounds into the office they fill, and the offices into the town's totals.

use std::collections::BTreeMap;

use super::{
    BallotSummary, MeetingResult, OfficeResult, OfficeTotal, OpenAt, OpenCause, ResultSummary,
    Trust,
};
use crate::natural::natural_cmp;

type MeetingKey = (String, String, String);

pub(super) fn join_meetings(counted: Vec<(String, Trust, ResultSummary)>) -> Vec<MeetingResult> {
    let mut by_meeting: BTreeMap<MeetingKey, Vec<(String, Trust, ResultSummary)>> = BTreeMap::new();
    for entry in counted {
        let id = &entry.2.id;
        let key = (id.body.clone(), id.place.clone(), id.date.clone());
        by_meeting.entry(key).or_default().push(entry);
    }
    let mut meetings: Vec<MeetingResult> = by_meeting.into_values().map(join_rounds).collect();
    // Villages in natural order (第4村 before 第10村), then by date and body.
    crate::order::sort_by(&mut meetings, |a, b| {
        natural_cmp(&a.village, &b.village)
            .then_with(|| (&a.date, &a.body).cmp(&(&b.date, &b.body)))
    });
    meetings
}

/// Joins a meeting's ballots: a contest with `round_of` adds its elected to the office it fills
/// and its open seats replace that office's.
fn join_rounds(mut ballots: Vec<(String, Trust, ResultSummary)>) -> MeetingResult {
    // Rounds in order; ballots of one round (an officers' election beside the first) by title,
    // then by payload: never by the order the files came in.
    crate::order::sort_by(&mut ballots, |(_, _, a), (_, _, b)| {
        (a.id.round, &a.id.title, &a.payload_sha256).cmp(&(
            b.id.round,
            &b.id.title,
            &b.payload_sha256,
        ))
    });
    let first = &ballots[0].2.id;
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
    for (file, trust, summary) in ballots {
        if trust != meeting.trust {
            meeting.trust = Trust::Untrusted;
        }
        meeting.ballots.push(BallotSummary {
            file,
            title: summary.id.title,
            round: summary.id.round,
            figures: summary.figures,
        });
        for contest in summary.contests {
            let joined = contest
                .round_of
                .as_ref()
                .and_then(|earlier| office_of_contest.get(earlier).copied());
            let index = match joined {
                Some(index) => {
                    let office = &mut meeting.offices[index];
                    office.elected.extend(contest.elected);
                    office.rounds += 1;
                    index
                }
                None => {
                    meeting.offices.push(OfficeResult {
                        office: contest.office,
                        seats: contest.seats,
                        elected: contest.elected,
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
            office.open_cause = contest.open_cause.filter(|_| office.open_seats > 0);
            office.open_candidates = contest
                .open_candidates
                .into_iter()
                .filter(|name| !office.elected.contains(name))
                .collect();
            office_of_contest.insert(contest.id, index);
        }
    }
    meeting
}

pub(super) fn office_totals(meetings: &[MeetingResult]) -> Vec<OfficeTotal> {
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
