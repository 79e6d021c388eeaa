//! Any change to a signed file is caught. "Any change" means any difference in the file's bytes:
//! a change of content breaks the signature; a change that leaves the content the same (spaces,
//! line ends, escapes, letter case of hex) breaks the one layout a result file is written in.

mod export_common;

use export_common::*;
use hallcount_core::export::{verify_result, ResultFile, VerifyError};
use hallcount_core::{Mark, Paper};

fn assert_refused(changed: &[u8], what: &str) {
    if let Ok(verified) = verify_result(changed) {
        panic!("{what} was accepted (signed by {})", verified.fingerprint);
    }
}

/// Every byte of the small sample file, changed in three ways (its lowest bit, its top bit and,
/// for a letter, its case), deleted, and with a space inserted before it.
#[test]
fn every_byte_of_a_small_file_changed_is_reported() {
    let original = signed_village("赤坑社區", 7).into_bytes();
    assert!(verify_result(&original).is_ok());
    // Each position is independent: spread them over the cores (tens of thousands of checks).
    let n_threads = std::thread::available_parallelism().map_or(2, usize::from);
    let positions: Vec<usize> = (0..original.len()).collect();
    let n_checked: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = positions
            .chunks(original.len().div_ceil(n_threads))
            .map(|chunk| {
                scope.spawn(|| {
                    chunk
                        .iter()
                        .map(|&position| change_one_byte(&original, position))
                        .sum::<usize>()
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().expect("a checker thread"))
            .sum()
    });
    let mut appended = original.clone();
    appended.push(b'\n');
    assert_refused(&appended, "a newline appended");
    assert!(
        n_checked > original.len() * 4,
        "{n_checked} changes checked"
    );
}

/// The changes at one position; returns how many were checked.
fn change_one_byte(original: &[u8], position: usize) -> usize {
    let mut n_checked = 0;
    let case = if original[position].is_ascii_alphabetic() {
        0x20
    } else {
        0x00
    };
    for flip in [0x01u8, 0x80, case].into_iter().filter(|&flip| flip != 0) {
        let mut changed = original.to_vec();
        changed[position] ^= flip;
        assert_refused(&changed, &format!("byte {position} xor {flip:#04x}"));
        n_checked += 1;
    }
    let mut deleted = original.to_vec();
    deleted.remove(position);
    assert_refused(&deleted, &format!("byte {position} deleted"));
    let mut inserted = original.to_vec();
    inserted.insert(position, b' ');
    assert_refused(&inserted, &format!("space inserted at {position}"));
    n_checked + 2
}

/// A bigger meeting (1,000 papers), changed at 400 positions drawn by a fixed generator.
#[test]
fn random_positions_of_a_large_file_changed_are_reported() {
    let election = village_election("大坑社區");
    let papers: Vec<Paper> = (0..1000).map(|i| sample_paper(&election, i)).collect();
    let mut election = election;
    election.delegates = hallcount_core::Delegates {
        entitled: 1200,
        present: 1000,
    };
    election.ballots_issued = 1000;
    let original = ResultFile::sign(payload_of(&meeting_log(election, papers)), &signer(3))
        .to_json()
        .into_bytes();
    assert!(
        original.len() > 100_000,
        "the large file has {} bytes",
        original.len()
    );
    assert!(verify_result(&original).is_ok());

    let mut positions = Positions::new(20261125);
    for _ in 0..400 {
        let position = positions.below(original.len());
        let flip = 1u8 << positions.below(8);
        let mut changed = original.clone();
        changed[position] ^= flip;
        assert_refused(&changed, &format!("byte {position} xor {flip:#04x}"));
    }
}

#[test]
fn a_changed_file_says_why() {
    let original = signed_village("赤坑社區", 7);
    let more_votes = original.replacen("\"for\": 5", "\"for\": 6", 1);
    assert!(matches!(
        verify_result(more_votes.as_bytes()),
        Err(VerifyError::BadSignature(_))
    ));
    let file: ResultFile = serde_json::from_str(&original).unwrap();
    let key = &file.signature.public_key;
    let uppercase_key = original.replacen(key.as_str(), &key.to_uppercase(), 1);
    assert_ne!(uppercase_key, original);
    assert!(matches!(
        verify_result(uppercase_key.as_bytes()),
        Err(VerifyError::BadSignature(_))
    ));
    let extra_space = original.replacen("\"format\": ", "\"format\":  ", 1);
    assert_eq!(
        verify_result(extra_space.as_bytes()),
        Err(VerifyError::Reformatted)
    );
}

fn sample_paper(election: &hallcount_core::Election, i: usize) -> Paper {
    let mut paper = Paper::default();
    for contest in &election.contests {
        let mut marks = hallcount_core::ContestMarks::default();
        for (j, candidate) in contest.candidates.iter().enumerate() {
            let mark = match (i * 7 + j * 3) % 5 {
                0 | 1 => Mark::For,
                2 => Mark::Against,
                _ => continue,
            };
            marks.marks.insert(candidate.id.clone(), mark);
        }
        paper.contests.insert(contest.id.clone(), marks);
    }
    paper
}
