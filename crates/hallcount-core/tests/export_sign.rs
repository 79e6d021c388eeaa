//! Signing and verifying `hallcount/result@1`: round trip, the fixed test vector, and one test
//! per kind of failure.

mod export_common;

use export_common::*;
use hallcount_core::export::{
    aggregate, verify_result, FileVerdict, KeyFile, ResultFile, ResultPayload, TallyFault,
    TrustedKeys, VerifyError, MAX_RESULT_FILE_BYTES,
};

#[test]
fn a_signed_result_verifies_and_keeps_every_paper() {
    let log = meeting_log(village_election("赤坑社區"), village_papers());
    let file = ResultFile::sign(payload_of(&log), &signer(1));
    let verified = verify_result(file.to_json().as_bytes()).expect("fresh file verifies");

    assert_eq!(verified.fingerprint, signer(1).public_key().fingerprint());
    assert_eq!(verified.file, file);
    let papers = &verified.file.payload.papers;
    assert_eq!(papers.len(), 10, "nine papers and one entered twice");
    assert_eq!(papers[9].voided.as_deref(), Some("entered twice"));
    assert_eq!(
        verified.file.payload.tally.collected, 9,
        "the voided paper does not count"
    );
    assert_eq!(verified.file.payload.log.events, 12);
    assert_eq!(verified.file.payload.log.last_hash, log.head().hash);
}

/// The fixed-seed vector: the same inputs must give these exact bytes on every platform
/// (the wasm test in the app checks the same file). `BLESS=1` rewrites it.
#[test]
fn fixed_seed_vector_is_reproduced_byte_for_byte() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/signed/vector.hallcount.json"
    );
    let made = signed_village("赤坑社區", 42);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, &made).expect("vector written");
    }
    let stored = std::fs::read_to_string(path).expect("vector file exists (BLESS=1 writes it)");
    assert_eq!(made, stored);
    assert!(verify_result(stored.as_bytes()).is_ok());
}

#[test]
fn fixed_seed_key_file_is_reproduced() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/signed/vector.key.json");
    let made = KeyFile::new(&[42; 32], "赤坑社區", CREATED).to_json();
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, &made).expect("key written");
    }
    let stored = std::fs::read_to_string(path).expect("key file exists (BLESS=1 writes it)");
    assert_eq!(made, stored);
    let (_, signer) = KeyFile::parse(&stored).expect("stored key reads");
    assert_eq!(signer.public_key(), export_common::signer(42).public_key());
}

#[test]
fn another_format_is_named() {
    let ballots = r#"{ "format": "hallcount/ballots@1", "ballots": [] }"#;
    assert_eq!(
        verify_result(ballots.as_bytes()),
        Err(VerifyError::UnknownFormat(Some(
            "hallcount/ballots@1".into()
        )))
    );
    let later =
        signed_village("赤坑社區", 1).replacen("hallcount/result@1", "hallcount/result@2", 1);
    assert_eq!(
        verify_result(later.as_bytes()),
        Err(VerifyError::UnknownFormat(Some(
            "hallcount/result@2".into()
        )))
    );
    assert!(matches!(
        verify_result(b"[1, 2]"),
        Err(VerifyError::UnknownFormat(_))
    ));
}

#[test]
fn damaged_json_is_named() {
    let text = signed_village("赤坑社區", 1);
    let cut = &text.as_bytes()[..text.len() / 2];
    assert!(matches!(
        verify_result(cut),
        Err(VerifyError::DamagedJson(_))
    ));
    assert!(matches!(
        verify_result(&[0xff, 0xfe, 0x00]),
        Err(VerifyError::DamagedJson(_))
    ));
    assert!(matches!(
        verify_result(b""),
        Err(VerifyError::DamagedJson(_))
    ));
}

#[test]
fn a_changed_number_breaks_the_signature() {
    let file = ResultFile::sign(
        payload_of(&meeting_log(village_election("赤坑社區"), village_papers())),
        &signer(1),
    );
    let mut forged = file.clone();
    forged.payload.tally.contests[1].candidates[3].votes_for += 5;
    forged.payload.papers.pop();
    let error = verify_result(forged.to_json().as_bytes()).unwrap_err();
    assert!(matches!(error, VerifyError::BadSignature(_)), "{error}");
}

#[test]
fn a_signature_by_another_key_is_refused() {
    let file = ResultFile::sign(
        payload_of(&meeting_log(village_election("赤坑社區"), village_papers())),
        &signer(1),
    );
    let other = ResultFile::sign(file.payload.clone(), &signer(2));
    let mut mixed = file.clone();
    mixed.signature.value = other.signature.value;
    assert!(matches!(
        verify_result(mixed.to_json().as_bytes()),
        Err(VerifyError::BadSignature(_))
    ));

    let mut relabelled = file;
    relabelled.signature.fingerprint = signer(2).public_key().fingerprint().to_string();
    assert!(matches!(
        verify_result(relabelled.to_json().as_bytes()),
        Err(VerifyError::BadSignature(_))
    ));
}

#[test]
fn an_unknown_algorithm_is_named() {
    let text = signed_village("赤坑社區", 1).replacen("\"ed25519\"", "\"rsa\"", 1);
    assert_eq!(
        verify_result(text.as_bytes()),
        Err(VerifyError::UnknownAlgorithm("rsa".into()))
    );
}

#[test]
fn a_reformatted_file_is_caught_although_its_signature_holds() {
    let text = signed_village("赤坑社區", 1);
    let compact =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&text).unwrap()).unwrap();
    assert_eq!(
        verify_result(compact.as_bytes()),
        Err(VerifyError::Reformatted)
    );
    let windows = text.replace('\n', "\r\n");
    assert_eq!(
        verify_result(windows.as_bytes()),
        Err(VerifyError::Reformatted)
    );
}

#[test]
fn a_tally_that_is_not_the_recount_is_refused_even_when_signed() {
    let mut payload = payload_of(&meeting_log(village_election("赤坑社區"), village_papers()));
    payload.tally.contests[0].elected.clear();
    let text = ResultFile::sign(payload, &signer(1)).to_json();
    let error = verify_result(text.as_bytes()).unwrap_err();
    assert_eq!(
        error,
        VerifyError::TallyMismatch(TallyFault::Contest("chair".into()))
    );
    // The CLI's line is worded as before the detail was typed.
    assert_eq!(
        error.to_string(),
        "tally mismatch: contest \"chair\" differs from its recount"
    );
}

#[test]
fn signed_papers_that_break_the_rules_are_refused() {
    let mut payload = payload_of(&meeting_log(village_election("赤坑社區"), village_papers()));
    let marks = &mut payload.papers[0]
        .paper
        .contests
        .get_mut("exec")
        .unwrap()
        .marks;
    marks.insert("Z".into(), hallcount_core::Mark::For);
    let text = ResultFile::sign(ResultPayload { ..payload }, &signer(1)).to_json();
    let error = verify_result(text.as_bytes()).unwrap_err();
    assert!(matches!(error, VerifyError::InvalidContent(_)), "{error}");
}

#[test]
fn a_50_mb_file_is_refused_unread() {
    let big = vec![b' '; 50 * 1024 * 1024];
    let error = verify_result(&big).unwrap_err();
    assert_eq!(
        error,
        VerifyError::TooLarge {
            bytes: big.len(),
            limit: MAX_RESULT_FILE_BYTES
        }
    );
    assert!(error.to_string().contains("52428800"));
}

#[test]
fn an_unknown_signer_is_left_out_when_a_trusted_list_is_given() {
    let trusted = TrustedKeys::parse(&format!(
        r#"{{ "format": "hallcount/trusted@1", "keys": [ {{ "fingerprint": "{}", "village": "赤坑社區" }} ] }}"#,
        signer(1).public_key().fingerprint().as_str().to_lowercase()
    ))
    .unwrap();
    let known = verify_result(signed_village("赤坑社區", 1).as_bytes());
    let stranger = verify_result(signed_village("大坑社區", 9).as_bytes());
    let roll_up = aggregate(
        vec![("a.json".into(), known), ("b.json".into(), stranger)],
        Some(&trusted),
    );
    assert!(matches!(
        roll_up.files[0].verdict,
        FileVerdict::Counted { .. }
    ));
    assert_eq!(
        roll_up.files[1].verdict,
        FileVerdict::UnknownSigner {
            fingerprint: signer(9).public_key().fingerprint()
        }
    );
    assert_eq!(roll_up.meetings.len(), 1);
    assert_eq!(roll_up.meetings[0].village, "赤坑社區");
}
