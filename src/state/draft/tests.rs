use super::*;

fn election() -> Election {
    serde_json::from_str(
        r#"{ "format": "hallcount/election@1", "title": "t", "body": "b", "place": "p",
             "date": "2017-08-25", "delegates": { "entitled": 10, "present": 9 }, "ballots_issued": 9,
             "contests": [
               { "id": "chair", "office": "chair", "seats": 1, "candidates": [ { "id": "M", "name": "M" } ],
                 "threshold": { "of": "ballots_cast", "more_than": "1/2" } },
               { "id": "exec", "office": "exec", "seats": 3,
                 "candidates": [ { "id": "A", "name": "A" }, { "id": "B", "name": "B" },
                                 { "id": "C", "name": "C" }, { "id": "D", "name": "D" } ],
                 "write_ins": { "allowed": true, "need_mark": true },
                 "threshold": { "of": "ballots_cast", "more_than": "1/2" } } ] }"#,
    )
    .unwrap()
}

fn type_keys(draft: &mut Draft, keys: &[&str]) -> Vec<Press> {
    let election = election();
    let map = KeyMap::for_election(&election);
    keys.iter()
        .map(|k| draft.press(k, &map, &election))
        .collect()
}

#[test]
fn keys_mark_candidates_across_contests() {
    let mut draft = Draft::default();
    type_keys(&mut draft, &["1", "2", "3", "3", "5", "5", "5"]);
    let paper = draft.take();
    assert_eq!(paper.contests["chair"].marks["M"], Mark::For);
    assert_eq!(paper.contests["exec"].marks["A"], Mark::For);
    assert_eq!(paper.contests["exec"].marks["B"], Mark::Against);
    assert_eq!(paper.contests["exec"].marks["D"], Mark::Unreadable);
    assert_eq!(draft, Draft::default());
}

#[test]
fn a_fourth_press_leaves_the_cell_blank_and_the_contest_out() {
    let mut draft = Draft::default();
    type_keys(&mut draft, &["1", "1", "1", "1"]);
    assert!(draft.paper.contests.is_empty());
}

#[test]
fn commands_are_reported() {
    let mut draft = Draft::default();
    let presses = type_keys(&mut draft, &["x", "Enter", "/", "Tab", "+"]);
    assert_eq!(
        presses,
        [
            Press::Unknown("x".into()),
            Press::Commit,
            Press::Reject,
            Press::Ignored,
            Press::WriteIn(1)
        ]
    );
}

#[test]
fn a_blank_paper_is_entered_only_when_asked_twice() {
    let election = election();
    let map = KeyMap::for_election(&election);
    let mut draft = Draft::default();
    // A paper, then a stray Enter: the paper is entered, the stray Enter only asks.
    type_keys(&mut draft, &["2"]);
    assert!(draft.commit().is_some());
    assert_eq!(draft.press("Enter", &map, &election), Press::Commit);
    assert_eq!(draft.commit(), None);
    assert!(draft.blank_asked);
    // Enter again: the blank paper, deliberately.
    assert_eq!(draft.commit(), Some(Paper::default()));
    assert!(!draft.blank_asked);
}

#[test]
fn anything_done_on_the_paper_takes_the_blank_question_back() {
    let election = election();
    let map = KeyMap::for_election(&election);
    let undo: [&dyn Fn(&mut Draft); 4] = [
        // Four presses of a key, or four clicks of a cell, go round to blank again.
        &|d| {
            for _ in 0..4 {
                d.press("2", &map, &election);
            }
        },
        &|d| {
            d.press("Escape", &map, &election);
        },
        &|d| {
            let slot = Slot {
                contest: 0,
                candidate: 0,
            };
            for _ in 0..4 {
                d.cycle(slot, &election);
            }
        },
        &|d| {
            d.add_write_in(1, &election, "王芳", true);
            d.remove_write_in(1, &election, 0);
        },
    ];
    for (i, act) in undo.iter().enumerate() {
        let mut draft = Draft::default();
        assert_eq!(draft.commit(), None);
        act(&mut draft);
        assert!(draft.is_blank(), "case {i} leaves the paper blank");
        assert_eq!(draft.commit(), None, "case {i}: asked again, not entered");
    }
    // A Tab (left to the browser) does not take the question back.
    let mut draft = Draft::default();
    assert_eq!(draft.commit(), None);
    draft.press("Tab", &map, &election);
    assert!(draft.commit().is_some());
}

#[test]
fn escape_clears_the_paper() {
    let mut draft = Draft::default();
    type_keys(&mut draft, &["2", "Escape"]);
    assert_eq!(draft, Draft::default());
}

#[test]
fn written_names_keep_their_mark_and_spelling() {
    let election = election();
    let mut draft = Draft::default();
    draft.add_write_in(1, &election, " 王芳 ", false);
    draft.add_write_in(0, &election, "N", true);
    draft.toggle_write_in(1, &election, 0);
    let marks = draft.contest_marks(&election, 1);
    assert_eq!(
        marks.write_ins,
        [WriteIn {
            name: "王芳".into(),
            marked: true
        }]
    );
    assert!(
        !draft.paper.contests.contains_key("chair"),
        "the chair takes no written names"
    );
    draft.remove_write_in(1, &election, 0);
    assert!(draft.paper.contests.is_empty());
}

#[test]
fn a_rejected_paper_needs_a_reason_and_carries_no_marks() {
    let mut draft = Draft::default();
    type_keys(&mut draft, &["2"]);
    assert_eq!(draft.take_rejected("  "), None);
    let paper = draft.take_rejected("identifying mark").unwrap();
    assert_eq!(paper.rejected.as_deref(), Some("identifying mark"));
    assert!(paper.contests.is_empty());
}
