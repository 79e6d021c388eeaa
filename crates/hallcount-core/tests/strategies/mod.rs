//! Random elections and papers for the property tests (proptest): up to three contests of up
//! to five candidates each, every rule setting, written names, rejected papers.
#![allow(dead_code)]

use std::collections::BTreeMap;

use hallcount_core::{
    Base, Candidate, CollectedLimit, Comparison, Contest, ContestMarks, Delegates, Election,
    Fraction, Mark, Paper, Quorum, Shortfall, ShortfallRule, Threshold, TiePolicy, WriteIn,
    WriteIns,
};
use proptest::prelude::*;

pub const IDS: [&str; 5] = ["A", "B", "C", "D", "E"];
pub const NAMES: [&str; 3] = ["王芳", "Wang", "王 芳"];

pub fn fraction() -> impl Strategy<Value = Fraction> {
    (1u32..=4).prop_flat_map(|q| {
        (1..=q).prop_map(move |p| Fraction {
            numerator: p,
            denominator: q,
        })
    })
}

pub fn threshold() -> impl Strategy<Value = Threshold> {
    let base = prop_oneof![
        Just(Base::Entitled),
        Just(Base::Present),
        Just(Base::BallotsCast),
        Just(Base::Valid),
        Just(Base::CastNonBlank),
    ];
    prop_oneof![
        1 => Just(Threshold { of: Base::None, comparison: None }),
        4 => (base, fraction(), any::<bool>()).prop_map(|(of, f, more)| Threshold {
            of,
            comparison: Some(if more { Comparison::MoreThan(f) } else { Comparison::AtLeast(f) }),
        }),
    ]
}

pub fn contest(index: usize, min_seats: u32) -> impl Strategy<Value = Contest> {
    let ties = prop_oneof![
        Just(TiePolicy::Runoff),
        Just(TiePolicy::FewerAgainstThenRunoff),
        Just(TiePolicy::Lot)
    ];
    let rule = prop_oneof![
        Just(ShortfallRule::AnotherRound),
        Just(ShortfallRule::LeaveVacant),
        Just(ShortfallRule::Repeat)
    ];
    (
        min_seats..=4,
        1usize..=5,
        any::<(bool, bool)>(),
        threshold(),
        ties,
        rule,
        0u32..=2,
        prop::option::of(threshold()),
    )
        .prop_map(
            move |(seats, n, (allowed, need_mark), threshold, ties, rule, extra, floor)| Contest {
                id: format!("c{index}"),
                office: format!("office {index}"),
                seats,
                candidates: IDS[..n]
                    .iter()
                    .map(|id| Candidate {
                        id: id.to_string(),
                        name: id.to_string(),
                    })
                    .collect(),
                write_ins: WriteIns { allowed, need_mark },
                threshold,
                ties,
                shortfall: Shortfall { rule, extra, floor },
                round_of: None,
            },
        )
}

pub fn election(min_seats: u32) -> impl Strategy<Value = Election> {
    let quorum = prop::option::of((fraction(), any::<bool>()).prop_map(|(f, more)| {
        if more {
            Quorum::MoreThan(f)
        } else {
            Quorum::AtLeast(f)
        }
    }));
    let contests = (1usize..=3)
        .prop_flat_map(move |n| (0..n).map(|i| contest(i, min_seats)).collect::<Vec<_>>());
    (
        0u32..=30,
        0u32..=30,
        0u32..=40,
        quorum,
        any::<bool>(),
        contests,
    )
        .prop_map(
            |(entitled, present, issued, quorum, by_present, contests)| Election {
                format: "hallcount/election@1".into(),
                title: "t".into(),
                body: "b".into(),
                place: "p".into(),
                date: "2026-11-25".into(),
                delegates: Delegates { entitled, present },
                ballots_issued: issued,
                quorum,
                collected_limit: if by_present {
                    CollectedLimit::Present
                } else {
                    CollectedLimit::Issued
                },
                round: 1,
                contests,
            },
        )
}

pub fn mark() -> impl Strategy<Value = Option<Mark>> {
    prop_oneof![
        3 => Just(None),
        4 => Just(Some(Mark::For)),
        1 => Just(Some(Mark::Against)),
        1 => Just(Some(Mark::Blank)),
        1 => Just(Some(Mark::Unreadable)),
    ]
}

pub fn contest_marks() -> impl Strategy<Value = ContestMarks> {
    let write_ins = prop::collection::vec(
        (0usize..NAMES.len(), any::<bool>()).prop_map(|(i, marked)| WriteIn {
            name: NAMES[i].into(),
            marked,
        }),
        0..=1,
    );
    (prop::collection::vec(mark(), IDS.len()), write_ins).prop_map(|(marks, write_ins)| {
        ContestMarks {
            marks: IDS
                .iter()
                .zip(marks)
                .filter_map(|(id, m)| m.map(|m| (id.to_string(), m)))
                .collect(),
            write_ins,
        }
    })
}

pub fn paper() -> impl Strategy<Value = Paper> {
    let contests = prop::collection::vec(prop::option::of(contest_marks()), 3).prop_map(|all| {
        all.into_iter()
            .enumerate()
            .filter_map(|(i, marks)| marks.map(|m| (format!("c{i}"), m)))
            .collect::<BTreeMap<_, _>>()
    });
    prop_oneof![
        9 => contests.prop_map(|contests| Paper { contests, rejected: None }),
        1 => Just(Paper { contests: BTreeMap::new(), rejected: Some("identifying mark".into()) }),
    ]
}

pub fn case() -> impl Strategy<Value = (Election, Vec<Paper>)> {
    (election(1), prop::collection::vec(paper(), 0..40))
}
