//! Sample meetings and signed files shared by the export tests.
#![allow(dead_code)]

use hallcount_core::export::{AppInfo, ResultFile, ResultInput, ResultPayload, Signer};
use hallcount_core::{
    log_from_ballots, parse_ballots, parse_election, Election, Event, Log, Paper,
};

pub const CREATED: &str = "2026-11-25T10:00:00Z";

/// The executive example of docs/rules.md: 3 seats, candidates A B C D, nine papers.
pub fn village_election(place: &str) -> Election {
    let json = r#"{
      "format": "hallcount/election@1",
      "title": "第一次婦女代表大會", "body": "婦聯", "place": "PLACE", "date": "2017-08-25",
      "delegates": { "entitled": 10, "present": 9 }, "ballots_issued": 9,
      "quorum": { "at_least": "2/3" },
      "contests": [
        { "id": "chair", "office": "主席", "seats": 1,
          "candidates": [ { "id": "M", "name": "李美華" } ],
          "threshold": { "of": "present", "more_than": "1/2" } },
        { "id": "exec", "office": "執行委員", "seats": 3,
          "candidates": [ { "id": "A", "name": "李美華" }, { "id": "B", "name": "陳少芬" },
                          { "id": "C", "name": "黃玉蓮" }, { "id": "D", "name": "張麗娟" } ],
          "write_ins": { "allowed": true, "need_mark": true },
          "threshold": { "of": "ballots_cast", "more_than": "1/2" },
          "shortfall": { "rule": "leave_vacant" } }
      ]
    }"#;
    parse_election(&json.replace("PLACE", place)).expect("sample election parses")
}

pub fn village_papers() -> Vec<Paper> {
    let json = r#"{ "format": "hallcount/ballots@1", "ballots": [
      { "contests": { "chair": { "marks": { "M": "for" } }, "exec": { "marks": { "A": "for", "B": "for", "C": "for" } } } },
      { "contests": { "chair": { "marks": { "M": "for" } }, "exec": { "marks": { "A": "for", "B": "for", "D": "for" } } } },
      { "contests": { "chair": { "marks": { "M": "for" } }, "exec": { "marks": { "A": "for", "C": "for", "D": "for" } } } },
      { "contests": { "chair": { "marks": { "M": "for" } }, "exec": { "marks": { "A": "for", "B": "for", "C": "for", "D": "for" } } } },
      { "contests": { "chair": { "marks": { "M": "for" } } } },
      { "contests": { "chair": { "marks": { "M": "against" } }, "exec": { "marks": { "A": "for", "B": "for" } } } },
      { "contests": { "exec": { "marks": { "B": "for", "C": "for" }, "write_ins": [ { "name": "E", "marked": false } ] } } },
      { "contests": { "exec": { "marks": { "A": "for", "B": "unreadable", "C": "for" } } } },
      { "rejected": "identifying mark" }
    ] }"#;
    parse_ballots(json).expect("sample ballots parse").ballots
}

pub fn signer(seed_byte: u8) -> Signer {
    Signer::from_seed(&[seed_byte; 32])
}

/// The log the app keeps: the definition, the papers, and a void with its re-entry.
pub fn meeting_log(election: Election, papers: Vec<Paper>) -> Log {
    let mut log = log_from_ballots(election, papers.clone(), CREATED).expect("sample papers fit");
    log.append(
        Event::PaperEntered {
            paper: papers[0].clone(),
        },
        CREATED,
    )
    .expect("paper appends");
    let number = papers.len() as u32 + 1;
    log.append(
        Event::PaperVoided {
            number,
            reason: "entered twice".into(),
        },
        CREATED,
    )
    .expect("void appends");
    log
}

pub fn payload_of(log: &Log) -> ResultPayload {
    let input = ResultInput::from_replay(log.state(), AppInfo::this_build(), CREATED)
        .expect("election defined");
    ResultPayload::new(input)
}

pub fn signed_village(place: &str, seed_byte: u8) -> String {
    let log = meeting_log(village_election(place), village_papers());
    ResultFile::sign(payload_of(&log), &signer(seed_byte)).to_json()
}

/// A tiny deterministic generator for test positions (xorshift64*).
pub struct Positions(u64);

impl Positions {
    pub fn new(seed: u64) -> Positions {
        Positions(seed | 1)
    }

    pub fn below(&mut self, limit: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % limit as u64) as usize
    }
}

/// The village meeting checked twice before signing: a second clerk's entry with three planted
/// differences (paper 3 read differently, paper 6 missed, an extra paper after paper 8), each
/// resolved by a reread that confirms the first entry, and a blackboard whose one wrong line
/// (A's votes in exec) the scrutineers corrected.
pub fn checked_log(election: Election) -> Log {
    use hallcount_core::{tally, BoardTally, Mark};
    let papers = village_papers();
    let mut log = log_from_ballots(election.clone(), papers.clone(), CREATED).expect("fits");
    let mut second = papers.clone();
    let mut misread = second[2].clone();
    misread
        .contests
        .get_mut("exec")
        .expect("exec")
        .marks
        .insert("D".into(), Mark::Against);
    second[2] = misread;
    let extra = second[1].clone();
    second.insert(8, extra);
    second.remove(5);
    log.append(Event::SecondEntryRecorded { papers: second }, CREATED)
        .expect("second entry");
    let double = log.state().double_entry.clone().expect("recorded");
    for difference in double.comparison.differences.clone() {
        let reading = double
            .first_number(&difference)
            .map(|n| papers[n as usize - 1].clone());
        log.append(
            Event::DifferenceResolved {
                difference,
                reading,
            },
            CREATED,
        )
        .expect("resolved");
    }
    let counted = tally(&election, &papers);
    let mut board = BoardTally::agreeing_with(&counted);
    let exec = board
        .contests
        .iter_mut()
        .find(|c| c.id == "exec")
        .expect("exec");
    exec.candidates[0].votes_for -= 1;
    log.append(
        Event::ReconciliationRecorded {
            board: board.clone(),
        },
        CREATED,
    )
    .expect("board");
    log.append(
        Event::ReconciliationRecorded {
            board: BoardTally::agreeing_with(&counted),
        },
        CREATED,
    )
    .expect("board corrected");
    log
}
