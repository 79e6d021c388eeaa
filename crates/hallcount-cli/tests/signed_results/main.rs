//! `hallcount keygen | sign | verify | aggregate` run as a user would, on files in a scratch
//! folder: round trip, the same bytes as the core, a mixed batch, exit statuses, the roll-up.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use hallcount_core::export::{AppInfo, KeyFile, ResultFile, ResultInput, ResultPayload, SealedKey};
use hallcount_core::{log_from_ballots, parse_ballots, parse_election};

mod keys;

const CASE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../hallcount-core/tests/cases/spec_exec_cast"
);
const AT: &str = "2026-11-25T12:00:00Z";

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("signed_results_{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    std::fs::write(dir.join(PASS), "村的口令 2026\n").expect("passphrase file");
    dir
}

/// The passphrase file every scratch folder holds (scripts give it; people type it).
const PASS: &str = "pass.txt";

fn hallcount(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hallcount"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("hallcount runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Copies the executive example of docs/rules.md with another place, so each village is its own election.
fn village_files(dir: &Path, place: &str) -> (String, String) {
    let text = std::fs::read_to_string(format!("{CASE}/election.json")).unwrap();
    let mut election: serde_json::Value = serde_json::from_str(&text).unwrap();
    election["place"] = place.into();
    let election_path = format!("{place}.election.json");
    std::fs::write(
        dir.join(&election_path),
        serde_json::to_string_pretty(&election).unwrap(),
    )
    .unwrap();
    (election_path, format!("{CASE}/ballots.json"))
}

fn keygen(dir: &Path, name: &str) -> String {
    let output = hallcount(
        dir,
        &[
            "keygen",
            "-o",
            name,
            "--label",
            name,
            "--passphrase-file",
            PASS,
        ],
    );
    assert!(
        output.status.success(),
        "keygen: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let key = SealedKey::parse(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap();
    key.fingerprint
}

fn sign(dir: &Path, key: &str, place: &str) -> String {
    let (election, ballots) = village_files(dir, place);
    let output_name = format!("{place}.hallcount.json");
    let output = hallcount(
        dir,
        &[
            "sign",
            &election,
            &ballots,
            "--key",
            key,
            "-o",
            &output_name,
            "--at",
            AT,
            "--passphrase-file",
            PASS,
        ],
    );
    assert!(
        output.status.success(),
        "sign: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output_name
}

#[test]
fn keygen_sign_verify_round_trip_gives_the_cores_bytes() {
    let dir = scratch("round_trip");
    let fingerprint = keygen(&dir, "village.key");
    let signed = sign(&dir, "village.key", "赤坑社區");

    let output = hallcount(&dir, &["verify", &signed]);
    assert_eq!(output.status.code(), Some(0));
    let line = stdout(&output);
    assert!(
        line.starts_with("OK    赤坑社區.hallcount.json: 赤坑社區 2026-11-25"),
        "{line}"
    );
    assert!(
        line.contains(&format!("untrusted key {fingerprint}")),
        "{line}"
    );

    // The CLI signs through the same log and core code the app uses: rebuild it here and compare.
    let signer = SealedKey::parse(&std::fs::read_to_string(dir.join("village.key")).unwrap())
        .unwrap()
        .open("村的口令 2026")
        .unwrap();
    let election =
        parse_election(&std::fs::read_to_string(dir.join("赤坑社區.election.json")).unwrap())
            .unwrap();
    let papers = parse_ballots(&std::fs::read_to_string(format!("{CASE}/ballots.json")).unwrap())
        .unwrap()
        .ballots;
    let log = log_from_ballots(election, papers, AT).unwrap();
    let input = ResultInput::from_replay(log.state(), AppInfo::this_build(), AT).unwrap();
    let expected = ResultFile::sign(ResultPayload::new(input), &signer).to_json();
    assert_eq!(
        std::fs::read_to_string(dir.join(&signed)).unwrap(),
        expected
    );
}

#[test]
fn keygen_and_sign_never_overwrite() {
    let dir = scratch("no_overwrite");
    keygen(&dir, "k.json");
    let before = std::fs::read(dir.join("k.json")).unwrap();
    let again = hallcount(&dir, &["keygen", "-o", "k.json", "--passphrase-file", PASS]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read(dir.join("k.json")).unwrap(), before);
}

#[test]
fn a_mixed_batch_names_each_failure_and_still_checks_the_rest() {
    let dir = scratch("batch");
    let trusted_fingerprint = keygen(&dir, "known.key");
    keygen(&dir, "stranger.key");
    let good = sign(&dir, "known.key", "赤坑社區");
    let stranger = sign(&dir, "stranger.key", "大坑社區");
    let text = std::fs::read_to_string(dir.join(&good)).unwrap();
    std::fs::write(dir.join("corrupt.json"), &text[..text.len() / 3]).unwrap();
    std::fs::write(
        dir.join("tampered.json"),
        text.replacen("李美華", "李美娟", 1),
    )
    .unwrap();
    std::fs::write(
        dir.join("ballots.json"),
        r#"{ "format": "hallcount/ballots@1", "ballots": [] }"#,
    )
    .unwrap();
    std::fs::write(dir.join("huge.json"), vec![b' '; 50 * 1024 * 1024]).unwrap();
    std::fs::write(
        dir.join("trusted.json"),
        format!(r#"{{ "format": "hallcount/trusted@1", "keys": [ {{ "fingerprint": "{trusted_fingerprint}", "village": "赤坑社區" }} ] }}"#),
    )
    .unwrap();

    let files = [
        good.as_str(),
        "corrupt.json",
        "tampered.json",
        "ballots.json",
        "huge.json",
        &stranger,
        "gone.json",
    ];
    let mut args = vec!["verify", "--trusted", "trusted.json"];
    args.extend(files);
    let output = hallcount(&dir, &args);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<String> = stdout(&output).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), files.len());
    assert!(
        lines[0].starts_with("OK    赤坑社區.hallcount.json")
            && lines[0].contains("signed by 赤坑"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with("FAIL  corrupt.json: damaged JSON: "),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("FAIL  tampered.json: bad signature: "),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with("FAIL  ballots.json: unknown format: \"hallcount/ballots@1\""),
        "{}",
        lines[3]
    );
    assert!(
        lines[4].starts_with("FAIL  huge.json: too large: the file has 52428800 bytes"),
        "{}",
        lines[4]
    );
    assert!(
        lines[5].starts_with("FAIL  大坑社區.hallcount.json: unknown signer: "),
        "{}",
        lines[5]
    );
    assert!(
        lines[6].starts_with("FAIL  gone.json: unreadable: "),
        "{}",
        lines[6]
    );

    // Without a trusted list the stranger's file verifies (and says it is untrusted).
    let output = hallcount(&dir, &["verify", &good, &stranger]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("untrusted key"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = scratch("usage");
    for args in [
        &["verify"][..],
        &["verify", "--trusted"][..],
        &["verify", "x.json", "--colour", "red"][..],
        &["sign", "a.json", "b.json", "-o", "out.json"][..],
        &["aggregate"][..],
        &["keygen"][..],
    ] {
        assert_eq!(hallcount(&dir, args).status.code(), Some(2), "{args:?}");
    }
    std::fs::write(dir.join("t.json"), "{}").unwrap();
    assert_eq!(
        hallcount(&dir, &["verify", "x.json", "--trusted", "t.json"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn aggregate_sums_three_villages_and_writes_csv() {
    let dir = scratch("aggregate");
    let mut files = Vec::new();
    for (key, place) in [
        ("a.key", "赤坑社區"),
        ("b.key", "大坑社區"),
        ("c.key", "新圍村"),
    ] {
        keygen(&dir, key);
        files.push(sign(&dir, key, place));
    }
    let mut args = vec!["aggregate", "--csv", "roll-up.csv"];
    args.extend(files.iter().map(String::as_str));
    args.push(&files[0]);
    let output = hallcount(&dir, &args);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    // The example of docs/rules.md: A, B and C reach 5 of 9 in every village.
    assert!(
        text.contains("  執行委員: 9 seats, 9 elected, 0 open\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "duplicate       赤坑社區.hallcount.json: the same result as 赤坑社區.hallcount.json"
        ),
        "{text}"
    );
    let csv = std::fs::read_to_string(dir.join("roll-up.csv")).unwrap();
    assert!(
        csv.contains("\r\ntotal,,,,執行委員,9,9,0,,,,,,\r\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().filter(|l| l.starts_with("village,")).count(), 3);

    std::fs::write(dir.join("junk.json"), "junk").unwrap();
    args.push("junk.json");
    let output = hallcount(&dir, &args);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("FAILED          junk.json: damaged JSON"));
    assert!(
        stdout(&output).contains("  執行委員: 9 seats, 9 elected, 0 open\n"),
        "the rest is still summed"
    );
}

#[test]
fn verify_trusted_names_a_key_that_signed_for_another_place() {
    let dir = scratch("wrong_place");
    let fingerprint = keygen(&dir, "datong.key");
    let forged = sign(&dir, "datong.key", "赤坑社區");
    std::fs::write(
        dir.join("trusted.json"),
        format!(r#"{{ "format": "hallcount/trusted@1", "keys": [ {{ "fingerprint": "{fingerprint}", "village": "大塘村" }} ] }}"#),
    )
    .unwrap();
    let output = hallcount(&dir, &["verify", "--trusted", "trusted.json", &forged]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output)
            .contains("wrong place: key registered for 大塘村 signed a result for 赤坑社區"),
        "{}",
        stdout(&output)
    );
    let output = hallcount(&dir, &["aggregate", "--trusted", "trusted.json", &forged]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("WRONG PLACE"),
        "{}",
        stdout(&output)
    );
}
