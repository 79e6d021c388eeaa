use serde_json::json;

use super::*;
use crate::count::tally;
use crate::load::{parse_ballots, parse_election};

/// The executive example of docs/rules.md ("Worked examples"), with "E" counted as a write-in.
fn counted() -> Tally {
    let cases = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/cases/spec_exec_write_in_without_need_mark"
    );
    let read = |f: &str| std::fs::read_to_string(format!("{cases}/{f}")).expect("case file");
    let election = parse_election(&read("election.json")).expect("election");
    let papers = parse_ballots(&read("ballots.json"))
        .expect("ballots")
        .ballots;
    tally(&election, &papers)
}

fn board(value: serde_json::Value) -> BoardTally {
    serde_json::from_value(value).expect("a board")
}

#[test]
fn a_board_that_agrees_has_no_difference() {
    let tally = counted();
    assert!(reconcile(&tally, &BoardTally::agreeing_with(&tally)).is_empty());
}

#[test]
fn each_wrong_or_missing_line_is_listed_with_both_numbers() {
    let tally = counted();
    let exec = &tally.contests[0];
    assert_eq!((exec.valid, exec.invalid, exec.blank), (8, 1, 1));
    let agreeing = serde_json::to_value(BoardTally::agreeing_with(&tally)).expect("json");
    let mut wrong = agreeing.clone();
    // One tally mark too few for A; E's line forgotten; a name the count does not have.
    wrong["contests"][0]["candidates"][0]["for"] = json!(5);
    wrong["contests"][0]["write_ins"] = json!([{ "name": "F", "votes": 1 }]);
    wrong["contests"][0]["valid"] = json!(8);
    let found = reconcile(&tally, &board(wrong));
    assert_eq!(
        serde_json::to_value(&found).expect("json"),
        json!([
            { "contest": "exec", "line": "for", "candidate": "A", "board": 5, "count": 6 },
            { "contest": "exec", "line": "write_in", "name": "E", "board": 0, "count": 1 },
            { "contest": "exec", "line": "write_in", "name": "F", "board": 1, "count": 0 },
        ])
    );
}

#[test]
fn a_contest_missing_from_the_board_differs_on_every_non_zero_line() {
    let tally = counted();
    let found = reconcile(&tally, &board(json!({ "contests": [] })));
    let lines: Vec<&BoardLine> = found.iter().map(|d| &d.line).collect();
    assert!(lines.contains(&&BoardLine::Valid));
    assert!(
        found.iter().all(|d| d.board == 0 && d.count > 0),
        "{found:?}"
    );
    let unknown = reconcile(
        &tally,
        &BoardTally {
            contests: [
                BoardTally::agreeing_with(&tally).contests,
                vec![BoardContest {
                    id: "chair".into(),
                    valid: 3,
                    ..BoardContest::default()
                }],
            ]
            .concat(),
        },
    );
    assert_eq!(
        unknown,
        [BoardDifference {
            contest: "chair".into(),
            line: BoardLine::Valid,
            board: 3,
            count: 0
        }]
    );
}
