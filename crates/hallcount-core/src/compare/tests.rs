use serde_json::json;

use super::*;
use crate::load::{parse_ballots, parse_election};

fn election() -> Election {
    parse_election(
        &json!({
            "format": "hallcount/election@1",
            "title": "t", "body": "b", "place": "p", "date": "2026-11-29",
            "delegates": { "entitled": 10, "present": 9 },
            "ballots_issued": 9,
            "contests": [
                { "id": "exec", "office": "執行委員", "seats": 2,
                  "candidates": [ { "id": "A", "name": "李美華" }, { "id": "B", "name": "陳少芬" } ],
                  "write_ins": { "allowed": true, "need_mark": true },
                  "threshold": { "of": "ballots_cast", "more_than": "1/2" } },
                { "id": "chair", "office": "主席", "seats": 1,
                  "candidates": [ { "id": "M", "name": "M" } ],
                  "threshold": { "of": "ballots_cast", "more_than": "1/2" } }
            ]
        })
        .to_string(),
    )
    .expect("election parses")
}

fn papers(ballots: serde_json::Value) -> Vec<Paper> {
    parse_ballots(&json!({ "format": "hallcount/ballots@1", "ballots": ballots }).to_string())
        .expect("ballots parse")
        .ballots
}

fn paper(value: serde_json::Value) -> Paper {
    papers(json!([value])).remove(0)
}

#[test]
fn readings_that_change_nothing_are_the_same() {
    let same = [
        // A blank mark is the same as none; an empty contest the same as a missing one.
        (
            json!({ "contests": { "exec": { "marks": { "A": "for", "B": "blank" } } } }),
            json!({ "contests": { "exec": { "marks": { "A": "for" } }, "chair": {} } }),
        ),
        // Written names in another order.
        (
            json!({ "contests": { "exec": { "write_ins": [
                { "name": "王芳", "marked": true }, { "name": "Wang" } ] } } }),
            json!({ "contests": { "exec": { "write_ins": [
                { "name": "Wang" }, { "name": "王芳", "marked": true } ] } } }),
        ),
        // Rejected for reasons worded differently, whatever marks were also typed.
        (
            json!({ "rejected": "identifying mark" }),
            json!({ "rejected": "signed", "contests": { "chair": { "marks": { "M": "for" } } } }),
        ),
    ];
    for (a, b) in same {
        let (a, b) = (paper(a), paper(b));
        assert!(same_reading(&a, &b), "{a:?} / {b:?}");
        assert_eq!(
            differing_contests(&election(), &a, &b),
            Vec::<String>::new()
        );
    }
}

#[test]
fn differing_contests_follow_the_election_then_name_unknown_ones() {
    let cases = [
        (
            json!({ "contests": { "exec": { "marks": { "A": "for" } } } }),
            json!({ "contests": { "exec": { "marks": { "A": "against" } } } }),
            vec!["exec"],
        ),
        (
            json!({ "contests": { "exec": { "write_ins": [ { "name": "王芳", "marked": true } ] } } }),
            json!({ "contests": { "exec": { "write_ins": [ { "name": "王芳" } ] } } }),
            vec!["exec"],
        ),
        (
            json!({ "contests": { "chair": { "marks": { "M": "for" } },
                                  "exec": { "marks": { "B": "for" } } } }),
            json!({ "contests": { "zz": { "marks": { "A": "for" } } } }),
            vec!["exec", "chair", "zz"],
        ),
        // Rejected on one side only: every contest of the election differs.
        (
            json!({ "rejected": "not an official paper" }),
            json!({}),
            vec!["exec", "chair"],
        ),
    ];
    for (a, b, expected) in cases {
        let (a, b) = (paper(a), paper(b));
        assert!(!same_reading(&a, &b));
        assert_eq!(
            differing_contests(&election(), &a, &b),
            expected,
            "{a:?} / {b:?}"
        );
    }
}

#[test]
fn three_planted_differences_are_found_and_nothing_more() {
    let a = json!({ "contests": { "exec": { "marks": { "A": "for" } } } });
    let b = json!({ "contests": { "exec": { "marks": { "B": "for" } } } });
    let ab = json!({ "contests": { "exec": { "marks": { "A": "for", "B": "for" } } } });
    let m = json!({ "contests": { "chair": { "marks": { "M": "for" } } } });
    let first = papers(json!([a, b, ab, m, b, a, b, m, ab, b]));
    // The second clerk reads paper 2 as A, misses paper 5, and types an extra paper after 8.
    let second = papers(json!([a, a, ab, m, a, b, m, b, ab, b]));
    let comparison = compare_entries(&election(), &first, &second).expect("compares");
    assert_eq!(
        serde_json::to_value(&comparison).expect("serialises"),
        json!({
            "format": "hallcount/compare@1", "first": 10, "second": 10,
            "differences": [
                { "kind": "differs", "first": 2, "second": 2, "contests": ["exec"] },
                { "kind": "only_first", "first": 5 },
                { "kind": "only_second", "second": 8 },
            ]
        })
    );
    assert!(!comparison.is_identical());
}

#[test]
fn identical_entries_have_no_difference_and_the_json_reads_back() {
    let both = papers(json!([{}, { "rejected": "x" }, { "contests": { "chair": {} } }]));
    let comparison = compare_entries(&election(), &both, &both).expect("compares");
    assert!(comparison.is_identical());
    let text = serde_json::to_string(&comparison).expect("serialises");
    let back: EntryComparison = serde_json::from_str(&text).expect("reads back");
    assert_eq!(back, comparison);
}

#[test]
fn a_paper_missed_among_equal_ones_is_reported_at_the_first_of_them() {
    let x = json!({ "contests": { "chair": { "marks": { "M": "for" } } } });
    let y = json!({});
    let first = papers(json!([y, x, x, x, y]));
    let second = papers(json!([y, x, x, y]));
    let comparison = compare_entries(&election(), &first, &second).expect("compares");
    assert_eq!(comparison.differences, [Difference::OnlyFirst { first: 2 }]);
}
