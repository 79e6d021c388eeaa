//! Properties of the double-entry comparison (proptest): a second entry made from the first by
//! random edits (a paper read differently, a paper missed, a paper typed that is not in the box)
//! is found to differ by exactly those edits, where the edits are far enough apart for the
//! alignment to be unambiguous; and for any two entries at all, the differences listed account
//! for every paper once, in order, and are never more than the edits made.

use std::collections::BTreeMap;

use hallcount_core::compare::{differing_contests, same_reading};
use hallcount_core::{
    compare_entries, parse_election, ContestMarks, Difference, Election, Mark, Paper, WriteIn,
};
use proptest::prelude::*;

mod strategies;

use serde_json::json;
use strategies::mark;

const EXEC: [&str; 4] = ["A", "B", "C", "D"];

fn election() -> Election {
    let candidates: Vec<_> = EXEC
        .iter()
        .map(|id| json!({ "id": id, "name": id }))
        .collect();
    parse_election(
        &json!({
            "format": "hallcount/election@1",
            "title": "t", "body": "b", "place": "p", "date": "2026-11-29",
            "delegates": { "entitled": 500, "present": 500 },
            "ballots_issued": 500,
            "contests": [
                { "id": "exec", "office": "exec", "seats": 3, "candidates": candidates,
                  "write_ins": { "allowed": true, "need_mark": true },
                  "threshold": { "of": "ballots_cast", "more_than": "1/2" } },
                { "id": "chair", "office": "chair", "seats": 1,
                  "candidates": [ { "id": "M", "name": "M" } ],
                  "threshold": { "of": "ballots_cast", "more_than": "1/2" } }
            ]
        })
        .to_string(),
    )
    .expect("election parses")
}

/// A paper as a clerk could type it (duplicates between papers are likely).
fn paper() -> impl Strategy<Value = Paper> {
    let exec = prop::collection::vec(mark(), EXEC.len());
    let written = prop::option::of(any::<bool>());
    let rejected = prop::bool::weighted(0.05);
    (exec, mark(), written, rejected).prop_map(|(exec, chair, written, rejected)| {
        let mut paper = Paper::default();
        let exec = ContestMarks {
            marks: EXEC
                .iter()
                .zip(exec)
                .filter_map(|(id, m)| m.map(|m| (id.to_string(), m)))
                .collect(),
            write_ins: written
                .map(|marked| WriteIn {
                    name: "王芳".into(),
                    marked,
                })
                .into_iter()
                .collect(),
        };
        paper.contests.insert("exec".into(), exec);
        if let Some(m) = chair {
            let marks = BTreeMap::from([("M".to_string(), m)]);
            paper.contests.insert(
                "chair".into(),
                ContestMarks {
                    marks,
                    write_ins: vec![],
                },
            );
        }
        if rejected {
            paper.rejected = Some("identifying mark".into());
        }
        paper
    })
}

/// A paper made unique by a name written in the chair contest (where it cannot count), so that
/// no two papers of a sequence read the same.
fn tagged(mut paper: Paper, tag: &str) -> Paper {
    paper.rejected = None;
    paper
        .contests
        .entry("chair".into())
        .or_default()
        .write_ins
        .push(WriteIn {
            name: tag.into(),
            marked: false,
        });
    paper
}

#[derive(Clone, Debug)]
enum Edit {
    /// Read differently: in `exec` (one candidate's mark turned), or the whole paper rejected.
    Change { candidate: usize, reject: bool },
    /// Missed by the second clerk.
    Delete,
    /// Typed by the second clerk, not in the box, before the paper at this place.
    Insert(Paper),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..EXEC.len(), prop::bool::weighted(0.2))
            .prop_map(|(candidate, reject)| Edit::Change { candidate, reject }),
        Just(Edit::Delete),
        paper().prop_map(Edit::Insert),
    ]
}

/// A mark turned into another that reads differently.
fn turned(mark: Option<Mark>) -> Mark {
    match mark {
        Some(Mark::For) => Mark::Against,
        Some(Mark::Against) => Mark::Unreadable,
        Some(Mark::Unreadable) | Some(Mark::Blank) | None => Mark::For,
    }
}

/// Applies `edits`, each `gap` papers after the last (gap >= 3: two untouched papers between),
/// and returns the second entry and the differences made, as the comparison should list them.
fn apply(first: &[Paper], edits: &[(usize, Edit)]) -> (Vec<Paper>, Vec<Difference>) {
    let mut second = Vec::new();
    let mut made = Vec::new();
    let mut planned: BTreeMap<usize, Edit> = BTreeMap::new();
    let mut at = 0;
    for (gap, edit) in edits {
        at += gap;
        if at < first.len() {
            planned.insert(at, edit.clone());
        }
    }
    for (i, paper) in first.iter().enumerate() {
        match planned.remove(&i) {
            None => second.push(paper.clone()),
            Some(Edit::Delete) => made.push(Difference::OnlyFirst { first: i + 1 }),
            Some(Edit::Insert(extra)) => {
                second.push(tagged(extra, &format!("extra {i}")));
                made.push(Difference::OnlySecond {
                    second: second.len(),
                });
                second.push(paper.clone());
            }
            Some(Edit::Change { candidate, reject }) => {
                let mut changed = paper.clone();
                let contests = if reject {
                    changed.rejected = Some("reread".into());
                    vec!["exec".to_string(), "chair".to_string()]
                } else {
                    let marks = &mut changed.contests.entry("exec".into()).or_default().marks;
                    let id = EXEC[candidate].to_string();
                    let new = turned(marks.get(&id).copied());
                    marks.insert(id, new);
                    vec!["exec".to_string()]
                };
                second.push(changed);
                made.push(Difference::Differs {
                    first: i + 1,
                    second: second.len(),
                    contests,
                });
            }
        }
    }
    (second, made)
}

/// Every paper of each entry is in exactly one place of the comparison, in order; matched papers
/// read the same, and `differs` names exactly the contests that differ.
fn accounts_for_every_paper(
    election: &Election,
    first: &[Paper],
    second: &[Paper],
    differences: &[Difference],
) -> Result<(), TestCaseError> {
    let (mut i, mut j) = (0, 0);
    let mut differences = differences.iter().peekable();
    while i < first.len() || j < second.len() {
        match differences.peek() {
            Some(Difference::OnlyFirst { first: f }) if *f == i + 1 => i += 1,
            Some(Difference::OnlySecond { second: s }) if *s == j + 1 => j += 1,
            Some(Difference::Differs {
                first: f,
                second: s,
                contests,
            }) if *f == i + 1 => {
                prop_assert_eq!(*s, j + 1);
                prop_assert!(!same_reading(&first[i], &second[j]));
                prop_assert_eq!(
                    contests,
                    &differing_contests(election, &first[i], &second[j])
                );
                i += 1;
                j += 1;
            }
            _ => {
                prop_assert!(i < first.len() && j < second.len(), "papers left over");
                prop_assert!(
                    same_reading(&first[i], &second[j]),
                    "paper {} / {}",
                    i + 1,
                    j + 1
                );
                i += 1;
                j += 1;
                continue;
            }
        }
        differences.next();
    }
    prop_assert!(differences.next().is_none(), "a difference past the end");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_differences_found_are_the_edits_made(
        papers in prop::collection::vec(paper(), 0..80),
        edits in prop::collection::vec((3usize..10, edit()), 0..12),
    ) {
        let election = election();
        let first: Vec<Paper> = papers
            .into_iter()
            .enumerate()
            .map(|(i, p)| tagged(p, &format!("paper {i}")))
            .collect();
        let (second, made) = apply(&first, &edits);
        let comparison = compare_entries(&election, &first, &second).expect("compares");
        prop_assert_eq!(comparison.first, first.len());
        prop_assert_eq!(comparison.second, second.len());
        prop_assert_eq!(comparison.differences, made);
    }

    #[test]
    fn any_two_entries_are_accounted_for_in_at_most_the_edits_made(
        first in prop::collection::vec(paper(), 0..60),
        edits in prop::collection::vec((0usize..4, edit()), 0..20),
    ) {
        let election = election();
        let (second, made) = apply(&first, &edits);
        let comparison = compare_entries(&election, &first, &second).expect("compares");
        prop_assert!(comparison.differences.len() <= made.len());
        accounts_for_every_paper(&election, &first, &second, &comparison.differences)?;
    }

    #[test]
    fn two_unrelated_entries_are_still_accounted_for(
        first in prop::collection::vec(paper(), 0..40),
        second in prop::collection::vec(paper(), 0..40),
    ) {
        let election = election();
        let comparison = compare_entries(&election, &first, &second).expect("compares");
        prop_assert!(comparison.differences.len() <= first.len().max(second.len()));
        accounts_for_every_paper(&election, &first, &second, &comparison.differences)?;
    }
}
