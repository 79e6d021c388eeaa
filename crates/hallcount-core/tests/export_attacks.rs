//! Regression tests named after the attacks of issue 9 on the signed result and the roll-up:
//! each is a file someone with the key (or the town's inbox) could make, and each is refused or
//! left out. Every test here passed verification or skewed the roll-up before the fix.

mod export_common;

use export_common::*;
use hallcount_core::export::{
    aggregate, roll_up_csv, verify_result, FileVerdict, ResultFile, ResultPayload, TrustedKeys,
    VerifiedResult, VerifyError, MAX_RESULT_FILE_BYTES,
};
use hallcount_core::{Candidate, Election, LotOutcome, Mark, Paper, Threshold, TiePolicy};
use proptest::prelude::*;

/// The village's genuine meeting, re-signed after `change` with the village's own key.
fn resigned(change: impl FnOnce(&mut ResultPayload)) -> Result<VerifiedResult, VerifyError> {
    let mut payload = payload_of(&meeting_log(village_election("赤坑社區"), village_papers()));
    change(&mut payload);
    verify_result(ResultFile::sign(payload, &signer(1)).to_json().as_bytes())
}

fn refused_as_invalid_content(outcome: Result<VerifiedResult, VerifyError>, says: &str) {
    match outcome {
        Err(VerifyError::InvalidContent(fault)) => {
            let detail = fault.to_string();
            assert!(detail.contains(says), "\"{detail}\" should say \"{says}\"")
        }
        other => panic!("expected invalid content ({says}), got {other:?}"),
    }
}

#[test]
fn the_genuine_file_still_verifies() {
    assert!(resigned(|_| {}).is_ok());
}

#[test]
fn attack_papers_all_numbered_7() {
    refused_as_invalid_content(
        resigned(|p| p.papers.iter_mut().for_each(|paper| paper.number = 7)),
        "papers[0] is numbered 7",
    );
}

#[test]
fn attack_papers_numbered_0() {
    refused_as_invalid_content(
        resigned(|p| p.papers.iter_mut().for_each(|paper| paper.number = 0)),
        "papers[0] is numbered 0",
    );
}

#[test]
fn attack_papers_numbered_in_reverse() {
    refused_as_invalid_content(
        resigned(|p| {
            let n = p.papers.len() as u32;
            p.papers
                .iter_mut()
                .for_each(|paper| paper.number = n + 1 - paper.number);
        }),
        "numbered 1 to 10 in order",
    );
}

#[test]
fn attack_created_is_not_a_time() {
    refused_as_invalid_content(resigned(|p| p.created = "not a time".into()), "RFC 3339");
}

#[test]
fn attack_log_last_hash_is_zz() {
    refused_as_invalid_content(resigned(|p| p.log.last_hash = "ZZ".into()), "log.last_hash");
    let upper = resigned(|p| p.log.last_hash = p.log.last_hash.to_uppercase());
    refused_as_invalid_content(upper, "log.last_hash");
}

#[test]
fn attack_log_events_cannot_hold_the_papers() {
    // 10 papers, 1 void and the definition: 12 entries at least.
    refused_as_invalid_content(resigned(|p| p.log.events = 11), "log.events is 11");
    assert!(resigned(|p| p.log.events = 12).is_ok());
}

#[test]
fn attack_a_payload_election_whose_format_is_ballots() {
    refused_as_invalid_content(
        resigned(|p| p.election.format = "hallcount/ballots@1".into()),
        "election.format",
    );
}

#[test]
fn attack_a_lot_for_a_contest_that_does_not_exist() {
    let lot = LotOutcome {
        contest: "treasurer".into(),
        winners: vec!["A".into()],
    };
    let with_lot = resigned(|p| {
        p.lots.push(lot);
        p.log.events += 1;
    });
    refused_as_invalid_content(with_lot, "the lot for \"treasurer\"");
}

/// A 2-seat vice-chair contest decided by lot: V1, V2 and V3 one vote each.
fn vice_tied_three_ways() -> (Election, Vec<Paper>) {
    let mut election = village_election("赤坑社區");
    election.contests.truncate(1);
    let vice = &mut election.contests[0];
    vice.id = "vice".into();
    vice.office = "副主席".into();
    vice.seats = 2;
    vice.candidates = ["甲", "乙", "丙"]
        .iter()
        .enumerate()
        .map(|(i, name)| Candidate {
            id: format!("V{}", i + 1),
            name: name.to_string(),
        })
        .collect();
    vice.threshold = Threshold {
        of: hallcount_core::Base::None,
        comparison: None,
    };
    vice.ties = TiePolicy::Lot;
    election.ballots_issued = 3;
    election.quorum = None;
    let papers = ["V1", "V2", "V3"]
        .iter()
        .map(|id| {
            let mut paper = Paper::default();
            let marks = &mut paper.contests.entry("vice".into()).or_default().marks;
            marks.insert(id.to_string(), Mark::For);
            paper
        })
        .collect();
    (election, papers)
}

fn signed_vice_with_lot(winners: &[&str]) -> String {
    let (election, papers) = vice_tied_three_ways();
    let log = hallcount_core::log_from_ballots(election, papers, CREATED).unwrap();
    let mut payload = payload_of(&log);
    payload.lots = vec![LotOutcome {
        contest: "vice".into(),
        winners: winners.iter().map(|w| w.to_string()).collect(),
    }];
    payload.log.events += 1;
    ResultFile::sign(payload, &signer(1)).to_json()
}

#[test]
fn attack_a_lot_electing_one_person_twice() {
    let forged = signed_vice_with_lot(&["V1", "V1"]);
    refused_as_invalid_content(verify_result(forged.as_bytes()), "named twice");
    // The roll-up of that file elects nobody twice: it is left out.
    let roll_up = aggregate(
        vec![("forged.json".into(), verify_result(forged.as_bytes()))],
        None,
    );
    assert_eq!(roll_up.n_counted(), 0);
    assert!(roll_up.meetings.is_empty());

    let genuine = signed_vice_with_lot(&["V3", "V1"]);
    let roll_up = aggregate(
        vec![("vice.json".into(), verify_result(genuine.as_bytes()))],
        None,
    );
    let vice = &roll_up.meetings[0].offices[0];
    assert_eq!(vice.elected, ["丙", "甲"]);
    assert_eq!(vice.open_seats, 0);
}

#[test]
fn attack_a_lot_naming_one_not_tied_or_too_few() {
    for (winners, says) in [
        (&["V1", "V9"][..], "not among the tied"),
        (&["V1"][..], "1 winner(s) for 2 seat(s)"),
    ] {
        let forged = signed_vice_with_lot(winners);
        refused_as_invalid_content(verify_result(forged.as_bytes()), says);
    }
}

fn trusted(entries: &[(u8, &str)]) -> TrustedKeys {
    let keys: Vec<String> = entries
        .iter()
        .map(|(seed, village)| {
            format!(
                r#"{{ "fingerprint": "{}", "village": "{village}" }}"#,
                signer(*seed).public_key().fingerprint()
            )
        })
        .collect();
    TrustedKeys::parse(&format!(
        r#"{{ "format": "hallcount/trusted@1", "keys": [{}] }}"#,
        keys.join(",")
    ))
    .unwrap()
}

/// 大塘村's registered key signs a different count for 赤坑社區's election.
fn forged_by_another_village() -> String {
    let log = meeting_log(village_election("赤坑社區"), village_papers()[..5].to_vec());
    ResultFile::sign(payload_of(&log), &signer(2)).to_json()
}

#[test]
fn attack_a_registered_key_signs_for_another_village() {
    let list = trusted(&[(1, "赤坑社區"), (2, "大塘村")]);
    let genuine = signed_village("赤坑社區", 1);
    let forged = forged_by_another_village();
    let roll_up = aggregate(
        vec![
            ("chikeng.json".into(), verify_result(genuine.as_bytes())),
            ("forged.json".into(), verify_result(forged.as_bytes())),
        ],
        Some(&list),
    );
    assert!(
        matches!(roll_up.files[0].verdict, FileVerdict::Counted { .. }),
        "the genuine file is no conflict: {:?}",
        roll_up.files[0].verdict
    );
    assert_eq!(
        roll_up.files[1].verdict,
        FileVerdict::WrongPlace {
            fingerprint: signer(2).public_key().fingerprint(),
            registered: "大塘村".into(),
            signed: "赤坑社區".into(),
        }
    );
    assert!(roll_up_csv(&roll_up).contains("registered for 大塘村 signed a result for 赤坑社區"));

    // Had the genuine file never arrived, the forgery is still not counted.
    let alone = aggregate(
        vec![("forged.json".into(), verify_result(forged.as_bytes()))],
        Some(&list),
    );
    assert_eq!(alone.n_counted(), 0);
    assert!(alone.meetings.is_empty());
}

/// Every order of `files` gives the same verdict for each file, the same meetings and totals,
/// and the same CSV.
fn assert_order_free(files: &[(&str, String)], trusted: Option<&TrustedKeys>) {
    let roll_up = |order: &[usize]| {
        let inputs = order
            .iter()
            .map(|&i| (files[i].0.to_string(), verify_result(files[i].1.as_bytes())))
            .collect();
        aggregate(inputs, trusted)
    };
    let sorted_verdicts = |r: &hallcount_core::export::RollUp| {
        let mut v: Vec<String> = r
            .files
            .iter()
            .map(|f| format!("{} {:?}", f.name, f.verdict))
            .collect();
        v.sort();
        v
    };
    let identity: Vec<usize> = (0..files.len()).collect();
    let first = roll_up(&identity);
    for order in permutations(&identity) {
        let other = roll_up(&order);
        assert_eq!(
            sorted_verdicts(&other),
            sorted_verdicts(&first),
            "{order:?}"
        );
        assert_eq!(other.meetings, first.meetings, "{order:?}");
        assert_eq!(other.totals, first.totals, "{order:?}");
        assert_eq!(roll_up_csv(&other), roll_up_csv(&first), "{order:?}");
    }
}

fn permutations(items: &[usize]) -> Vec<Vec<usize>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut all = Vec::new();
    for (i, &item) in items.iter().enumerate() {
        let mut rest = items.to_vec();
        rest.remove(i);
        for mut tail in permutations(&rest) {
            tail.insert(0, item);
            all.push(tail);
        }
    }
    all
}

#[test]
fn attack_the_roll_up_depends_on_file_order() {
    // A file, a copy of it and a conflicting file: before the fix the copy was a "duplicate"
    // in one order and a "conflict" in another.
    let genuine = signed_village("赤坑社區", 1);
    let conflicting = conflicting_village();
    let files = [
        ("a.json", genuine.clone()),
        ("copy.json", genuine),
        ("b.json", conflicting),
    ];
    assert_order_free(&files, None);
}

/// 赤坑社區's own key signing another count of its election (six papers of nine).
fn conflicting_village() -> String {
    let log = meeting_log(village_election("赤坑社區"), village_papers()[..6].to_vec());
    ResultFile::sign(payload_of(&log), &signer(1)).to_json()
}

/// Files of every verdict: counted, duplicate, conflict, unknown signer, wrong place, failed.
fn town_inbox() -> Vec<(String, Result<VerifiedResult, VerifyError>)> {
    let genuine = signed_village("赤坑社區", 1);
    let conflicting = conflicting_village();
    let files = [
        ("chikeng.json", genuine.clone()),
        ("chikeng copy.json", genuine.clone()),
        ("chikeng again.json", conflicting),
        ("daikeng.json", signed_village("大坑社區", 3)),
        ("daikeng copy.json", signed_village("大坑社區", 3)),
        ("stranger.json", signed_village("新圍村", 9)),
        ("forged.json", forged_by_another_village()),
        ("broken.json", genuine.replace("赤坑社區", "赤坑")),
    ];
    files
        .iter()
        .map(|(name, text)| (name.to_string(), verify_result(text.as_bytes())))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The roll-up is a function of the set of files: any order, the same verdicts, meetings,
    /// totals and CSV.
    #[test]
    fn the_roll_up_is_the_same_in_any_order(order in Just((0..8).collect::<Vec<usize>>()).prop_shuffle()) {
        let list = trusted(&[(1, "赤坑社區"), (2, "大塘村"), (3, "大坑社區")]);
        let inbox = town_inbox();
        let in_order = aggregate(inbox.clone(), Some(&list));
        let shuffled = aggregate(order.iter().map(|&i| inbox[i].clone()).collect(), Some(&list));
        let mut verdicts: Vec<String> =
            in_order.files.iter().map(|f| format!("{} {:?}", f.name, f.verdict)).collect();
        let mut again: Vec<String> =
            shuffled.files.iter().map(|f| format!("{} {:?}", f.name, f.verdict)).collect();
        verdicts.sort();
        again.sort();
        prop_assert_eq!(verdicts, again);
        prop_assert_eq!(&in_order.meetings, &shuffled.meetings);
        prop_assert_eq!(&in_order.totals, &shuffled.totals);
        prop_assert_eq!(roll_up_csv(&in_order), roll_up_csv(&shuffled));
        prop_assert_eq!(in_order.n_counted(), 1, "daikeng, counted once");
    }
}

#[test]
fn sign_refuses_to_write_a_file_that_verify_would_refuse_for_its_size() {
    let mut file: ResultFile = serde_json::from_str(&signed_village("赤坑社區", 1)).unwrap();
    assert!(file.to_json_within_limit().is_ok());
    file.payload.election.title = "長".repeat(MAX_RESULT_FILE_BYTES / 3 + 1);
    let error = file.to_json_within_limit().unwrap_err();
    assert!(matches!(error, VerifyError::TooLarge { limit, .. } if limit == MAX_RESULT_FILE_BYTES));
    assert!(
        error
            .to_string()
            .contains(&MAX_RESULT_FILE_BYTES.to_string()),
        "{error}"
    );
}
