//! The town roll-up: totals over villages, duplicates counted once, conflicts and failures
//! listed and left out, later rounds joined to the office they fill, and the CSV.

mod export_common;

use export_common::*;
use hallcount_core::export::{
    aggregate, roll_up_csv, verify_result, FileVerdict, OpenCause, ResultFile, VerifyError,
};
use hallcount_core::{Base, Candidate, Event, Mark, Paper, Threshold};

fn verified(
    name: &str,
    text: &str,
) -> (
    String,
    Result<hallcount_core::export::VerifiedResult, VerifyError>,
) {
    (name.to_string(), verify_result(text.as_bytes()))
}

/// In the sample each village elects its chair and one executive member (A, 5 of 9 votes);
/// two executive seats stay vacant.
#[test]
fn three_villages_are_summed_per_office() {
    let inputs = vec![
        verified("a.json", &signed_village("赤坑社區", 1)),
        verified("b.json", &signed_village("大坑社區", 2)),
        verified("c.json", &signed_village("新圍村", 3)),
    ];
    let roll_up = aggregate(inputs, None);
    assert_eq!(roll_up.n_counted(), 3);
    assert_eq!(roll_up.n_left_out(), 0);
    let villages: Vec<&str> = roll_up
        .meetings
        .iter()
        .map(|m| m.village.as_str())
        .collect();
    assert_eq!(villages, ["大坑社區", "新圍村", "赤坑社區"]);

    let chair = &roll_up.totals[0];
    assert_eq!(
        (
            chair.office.as_str(),
            chair.seats,
            chair.elected,
            chair.open_seats
        ),
        ("主席", 3, 3, 0)
    );
    let exec = &roll_up.totals[1];
    assert_eq!(
        (
            exec.office.as_str(),
            exec.seats,
            exec.elected,
            exec.open_seats
        ),
        ("執行委員", 9, 3, 6)
    );
    assert_eq!(exec.open.len(), 3);
    assert!(exec
        .open
        .iter()
        .all(|open| open.seats == 2 && open.cause == OpenCause::Vacant));
    assert_eq!(roll_up.meetings[0].offices[1].elected, ["李美華"]);
}

#[test]
fn the_same_file_twice_counts_once() {
    let text = signed_village("赤坑社區", 1);
    let roll_up = aggregate(
        vec![verified("a.json", &text), verified("copy of a.json", &text)],
        None,
    );
    assert_eq!(
        roll_up.files[1].verdict,
        FileVerdict::Duplicate {
            of_file: "a.json".into()
        }
    );
    assert_eq!(roll_up.meetings.len(), 1);
    assert_eq!(roll_up.totals[0].seats, 1);
}

#[test]
fn two_different_files_for_one_election_are_a_conflict_and_neither_counts() {
    let full = signed_village("赤坑社區", 1);
    let mut papers = village_papers();
    papers.pop();
    let shorter = ResultFile::sign(
        payload_of(&meeting_log(village_election("赤坑社區"), papers)),
        &signer(1),
    )
    .to_json();
    let other_village = signed_village("大坑社區", 2);
    let roll_up = aggregate(
        vec![
            verified("a.json", &full),
            verified("b.json", &other_village),
            verified("a2.json", &shorter),
        ],
        None,
    );
    assert!(matches!(
        roll_up.files[0].verdict,
        FileVerdict::Conflict { .. }
    ));
    assert!(matches!(
        roll_up.files[1].verdict,
        FileVerdict::Counted { .. }
    ));
    assert!(matches!(
        roll_up.files[2].verdict,
        FileVerdict::Conflict { .. }
    ));
    assert_eq!(roll_up.meetings.len(), 1);
    assert_eq!(roll_up.meetings[0].place, "大坑社區");
}

#[test]
fn a_failed_file_is_listed_and_left_out() {
    let good = signed_village("赤坑社區", 1);
    let tampered = good.replacen("李美華", "李美娟", 1);
    let roll_up = aggregate(
        vec![
            verified("good.json", &good),
            verified("tampered.json", &tampered),
            verified("junk.json", "not json"),
        ],
        None,
    );
    assert!(matches!(
        roll_up.files[1].verdict,
        FileVerdict::Failed(VerifyError::BadSignature(_))
    ));
    assert!(matches!(
        roll_up.files[2].verdict,
        FileVerdict::Failed(VerifyError::DamagedJson(_))
    ));
    assert_eq!(roll_up.n_left_out(), 2);
    assert_eq!(roll_up.meetings.len(), 1);

    let csv = roll_up_csv(&roll_up);
    assert!(csv.starts_with("\u{feff}kind,village,place,date,office,seats,elected,open,why_open,elected_names,file,detail,double_entered,reconciled\r\n"));
    assert!(csv.contains("\r\nfailed,,,,,,,,,,tampered.json,bad signature: "));
    // The message names the line and column ("(line 1, column 1)"), so the cell is quoted.
    assert!(
        csv.contains("\r\nfailed,,,,,,,,,,junk.json,\"damaged JSON: "),
        "{csv}"
    );
    assert!(csv.contains("\r\nvillage,赤坑社區,赤坑社區,2017-08-25,執行委員,3,1,2,vacant,李美華,good.json,untrusted,no,no\r\n"));
    assert!(csv.contains("\r\ntotal,,,,執行委員,3,1,2,赤坑社區: 2 vacant,,,,,\r\n"));
}

/// A second round for the two vacant executive seats (plurality between B and C) fills the
/// office of the first round: the meeting then has all three executive members.
#[test]
fn a_later_round_fills_the_office_it_names() {
    let first = village_election("赤坑社區");
    let mut second = first.clone();
    second.round = 2;
    let mut contest = first.contests[1].clone();
    contest.id = "exec_r2".into();
    contest.round_of = Some("exec".into());
    contest.seats = 2;
    contest.candidates = vec![
        Candidate {
            id: "B".into(),
            name: "陳少芬".into(),
        },
        Candidate {
            id: "C".into(),
            name: "黃玉蓮".into(),
        },
    ];
    contest.threshold = Threshold {
        of: Base::None,
        comparison: None,
    };
    second.contests = vec![contest];
    let papers: Vec<Paper> = (0..8)
        .map(|i| {
            let mut paper = Paper::default();
            let marks = &mut paper.contests.entry("exec_r2".into()).or_default().marks;
            marks.insert("B".into(), Mark::For);
            if i % 2 == 0 {
                marks.insert("C".into(), Mark::For);
            }
            paper
        })
        .collect();
    let round_two =
        ResultFile::sign(payload_of(&meeting_log(second, papers)), &signer(1)).to_json();
    let round_one = signed_village("赤坑社區", 1);

    let roll_up = aggregate(
        vec![
            verified("r2.json", &round_two),
            verified("r1.json", &round_one),
        ],
        None,
    );
    assert_eq!(roll_up.n_counted(), 2);
    let meeting = &roll_up.meetings[0];
    assert_eq!(
        meeting.ballots.iter().map(|b| b.round).collect::<Vec<_>>(),
        [1, 2]
    );
    let exec = &meeting.offices[1];
    assert_eq!(exec.elected, ["李美華", "陳少芬", "黃玉蓮"]);
    assert_eq!(
        (exec.open_seats, exec.open_cause, exec.rounds),
        (0, None, 2)
    );
    assert_eq!(roll_up.totals[1].elected, 3);
    assert_eq!(roll_up.totals[1].seats, 3);
}

/// A tie for the chair under `"ties": "lot"`: the officer's recorded lot fills the seat in the
/// roll-up; without a recorded lot the seat stays open, naming the tied candidates.
#[test]
fn a_recorded_lot_fills_the_tied_seat() {
    let mut election = village_election("赤坑社區");
    election.contests.truncate(1);
    let chair = &mut election.contests[0];
    chair.candidates.push(Candidate {
        id: "N".into(),
        name: "陳麗".into(),
    });
    chair.threshold = Threshold {
        of: Base::None,
        comparison: None,
    };
    chair.ties = hallcount_core::TiePolicy::Lot;
    let papers: Vec<Paper> = ["M", "N", "M", "N"]
        .iter()
        .map(|id| {
            let mut paper = Paper::default();
            paper
                .contests
                .entry("chair".into())
                .or_default()
                .marks
                .insert(id.to_string(), Mark::For);
            paper
        })
        .collect();
    let signed = |winner: &str| {
        let mut log =
            hallcount_core::log_from_ballots(election.clone(), papers.clone(), CREATED).unwrap();
        log.append(
            Event::LotDrawn {
                contest: "chair".into(),
                winners: vec![winner.into()],
            },
            CREATED,
        )
        .unwrap();
        let payload = payload_of(&log);
        assert_eq!(payload.lots.len(), 1);
        assert_eq!(
            payload.tally.contests[0].open.reason,
            Some(hallcount_core::OpenReason::LotRequired)
        );
        ResultFile::sign(payload, &signer(1)).to_json()
    };

    let roll_up = aggregate(vec![verified("lot.json", &signed("N"))], None);
    let chair = &roll_up.meetings[0].offices[0];
    assert_eq!(
        (chair.elected.clone(), chair.open_seats, chair.open_cause),
        (vec!["陳麗".to_string()], 0, None)
    );

    let without = aggregate(
        vec![verified(
            "no-lot.json",
            &signed_without_lot(&election, &papers),
        )],
        None,
    );
    let chair = &without.meetings[0].offices[0];
    assert_eq!(
        (chair.open_seats, chair.open_cause),
        (1, Some(OpenCause::Lot))
    );
    assert_eq!(chair.open_candidates, ["李美華", "陳麗"]);
}

fn signed_without_lot(election: &hallcount_core::Election, papers: &[Paper]) -> String {
    let log = hallcount_core::log_from_ballots(election.clone(), papers.to_vec(), CREATED).unwrap();
    ResultFile::sign(payload_of(&log), &signer(1)).to_json()
}
