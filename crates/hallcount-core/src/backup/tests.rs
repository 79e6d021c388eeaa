use serde_json::{json, Value};

use super::*;
use crate::log::{log_from_ballots, BreakKind, Event};
use crate::{parse_ballots, parse_election};

const AT: &str = "2026-03-08T09:00:00Z";

/// A log of a worked example: the definition, its papers, one voided, the results locked.
fn meeting_log(case: &str) -> Log {
    let (election, ballots) = match case {
        "marks" => (
            include_str!("../../tests/cases/marks_each_kind/election.json"),
            include_str!("../../tests/cases/marks_each_kind/ballots.json"),
        ),
        _ => (
            include_str!("../../tests/cases/officers_first_plenary/election.json"),
            include_str!("../../tests/cases/officers_first_plenary/ballots.json"),
        ),
    };
    let election = parse_election(election).unwrap();
    let papers = parse_ballots(ballots).unwrap().ballots;
    let mut log = log_from_ballots(election, papers, AT).unwrap();
    let void = Event::PaperVoided {
        number: 1,
        reason: "typed twice".into(),
    };
    log.append(void, AT).unwrap();
    log.append(Event::ResultsLocked, AT).unwrap();
    log
}

fn two_elections() -> (Log, Log, String) {
    let (first, second) = (meeting_log("marks"), meeting_log("officers"));
    let text = write_backup(AT, Some("b2"), [("a1", &first), ("b2", &second)]);
    (first, second, text)
}

#[test]
fn a_backup_reads_back_every_election_whole() {
    let (first, second, text) = two_elections();
    let backup = parse_backup(text.as_bytes()).unwrap();
    assert_eq!(backup.saved_at, AT);
    assert_eq!(backup.current.as_deref(), Some("b2"));
    let ids: Vec<&str> = backup.elections.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["a1", "b2"]);
    assert_eq!(backup.elections[0].1.entries(), first.entries());
    assert_eq!(backup.elections[1].1.entries(), second.entries());
    assert_eq!(backup.elections[1].1.state(), second.state());
}

/// Changes the written file as `change` says.
fn altered(change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let (_, _, text) = two_elections();
    let mut file: Value = serde_json::from_str(&text).unwrap();
    change(&mut file);
    serde_json::to_vec(&file).unwrap()
}

#[test]
fn a_file_that_is_not_a_whole_meeting_is_refused_as_a_whole() {
    type Change = fn(&mut Value);
    type Expected = fn(&BackupError) -> bool;
    let cases: [(&str, Change, Expected); 11] = [
        (
            "another format",
            |f| f["format"] = json!("hallcount/ballots@1"),
            |e| matches!(e, BackupError::Load(load) if load.message.contains("this is a \"hallcount/ballots@1\" file")),
        ),
        (
            "a later version",
            |f| f["format"] = json!("hallcount/meeting@2"),
            |e| matches!(e, BackupError::Load(load) if load.message.contains("version")),
        ),
        (
            "an unknown field",
            |f| f["extra"] = json!(1),
            |e| matches!(e, BackupError::Load(_)),
        ),
        (
            "no elections",
            |f| f["elections"] = json!([]),
            |e| *e == BackupError::NoElections,
        ),
        (
            "an id that would reach other storage keys",
            |f| f["elections"][0]["id"] = json!("a1.0"),
            |e| *e == BackupError::BadId { index: 0 },
        ),
        (
            "one id twice",
            |f| f["elections"][1]["id"] = json!("a1"),
            |e| *e == BackupError::DuplicateId { id: "a1".into() },
        ),
        (
            "a mark changed in a paper",
            |f| {
                let text = f["elections"][1]["entries"][1].as_str().unwrap();
                let mut entry: Value = serde_json::from_str(text).unwrap();
                entry["event"]["paper"]["rejected"] = json!("mark");
                f["elections"][1]["entries"][1] = json!(entry.to_string());
            },
            |e| matches!(e, BackupError::Broken { id, at } if id == "b2" && at.kind == BreakKind::Link),
        ),
        (
            "the last entries cut off",
            |f| {
                let entries = f["elections"][0]["entries"].as_array_mut().unwrap();
                entries.pop();
            },
            |e| matches!(e, BackupError::Broken { id, .. } if id == "a1"),
        ),
        (
            "an entry's text that is not an entry",
            |f| f["elections"][0]["entries"][1] = json!("{}"),
            |e| matches!(e, BackupError::Broken { id, at } if id == "a1" && matches!(at.kind, BreakKind::Unreadable { .. })),
        ),
        (
            "no entries at all",
            |f| f["elections"][0]["entries"] = json!([]),
            |e| *e == BackupError::EmptyLog { id: "a1".into() },
        ),
        (
            "a current election that is not in the file",
            |f| f["current"] = json!("zz"),
            |e| *e == BackupError::UnknownCurrent,
        ),
    ];
    for (what, change, expected) in cases {
        let error = parse_backup(&altered(change)).expect_err(what);
        assert!(expected(&error), "{what}: {error:?}");
    }
}

#[test]
fn a_file_with_a_key_twice_is_refused_by_the_strict_reader() {
    let (_, _, text) = two_elections();
    let doubled = text.replacen("\"saved_at\"", "\"saved_at\": \"x\",\n  \"saved_at\"", 1);
    assert!(matches!(
        parse_backup(doubled.as_bytes()),
        Err(BackupError::Load(_))
    ));
}

#[test]
fn a_file_over_the_limit_is_refused_unread() {
    let limit = FileKind::Meeting.max_bytes();
    let bytes = vec![b' '; limit + 1];
    assert_eq!(
        parse_backup(&bytes).unwrap_err(),
        BackupError::TooLarge {
            bytes: limit + 1,
            limit
        }
    );
}

#[test]
fn election_ids_are_safe_in_storage_keys() {
    for (id, valid) in [
        ("mhx3k2ab12", true),
        ("round-2_b", true),
        ("", false),
        ("a.b", false),
        ("a b", false),
        ("第一", false),
    ] {
        assert_eq!(valid_election_id(id), valid, "{id:?}");
    }
    assert!(!valid_election_id(&"a".repeat(MAX_TEXT_CHARS + 1)));
}
