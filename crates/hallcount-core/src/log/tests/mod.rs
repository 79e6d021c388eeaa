//! The log's tests: transitions (`transitions.rs`), lots (`lots.rs`), the chain and restore
//! (`chain.rs`), events as stored and replayed (`events.rs`), double entry and the blackboard
//! (`checks.rs`).

mod chain;
mod checks;
mod events;
mod lots;
mod transitions;

use std::collections::BTreeMap;

use super::*;
use crate::ballot::{ContestMarks, Mark};
use crate::election::{Candidate, Contest, Delegates, Threshold, ELECTION_FORMAT};
use crate::encoding::sha256_hex;

pub(super) const AT: &str = "2017-08-25T10:00:00Z";

pub(super) fn election(candidates: &[&str]) -> Election {
    Election {
        format: ELECTION_FORMAT.into(),
        title: "第一次婦女代表大會".into(),
        body: "赤坑社區婦聯".into(),
        place: "赤坑社區".into(),
        date: "2017-08-25".into(),
        delegates: Delegates {
            entitled: 10,
            present: 9,
        },
        ballots_issued: 9,
        quorum: None,
        collected_limit: Default::default(),
        round: 1,
        contests: vec![Contest {
            id: "exec".into(),
            office: "執行委員".into(),
            seats: 3,
            candidates: candidates
                .iter()
                .map(|id| Candidate {
                    id: (*id).into(),
                    name: format!("候選人{id}"),
                })
                .collect(),
            write_ins: crate::election::WriteIns {
                allowed: true,
                need_mark: true,
            },
            threshold: Threshold::MORE_THAN_HALF_OF_CAST,
            ties: Default::default(),
            shortfall: Default::default(),
            round_of: None,
        }],
    }
}

pub(super) fn paper(marks: &[(&str, Mark)]) -> Paper {
    let marks: BTreeMap<String, Mark> =
        marks.iter().map(|(id, m)| ((*id).to_owned(), *m)).collect();
    Paper {
        contests: BTreeMap::from([(
            "exec".to_owned(),
            ContestMarks {
                marks,
                write_ins: vec![],
            },
        )]),
        rejected: None,
    }
}

pub(super) fn defined() -> Log {
    let mut log = Log::default();
    log.append(
        Event::ElectionDefined {
            election: election(&["A", "B", "C", "D"]),
        },
        AT,
    )
    .unwrap();
    log
}

pub(super) fn with_papers(n: usize) -> Log {
    let mut log = defined();
    for _ in 0..n {
        log.append(
            Event::PaperEntered {
                paper: paper(&[("A", Mark::For)]),
            },
            AT,
        )
        .unwrap();
    }
    log
}
