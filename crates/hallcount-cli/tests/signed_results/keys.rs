//! The signing key through the CLI: its seed sealed under a passphrase, a wrong passphrase
//! signing nothing, a clear `key@1` still signing with a warning (even on a full stderr), and
//! the signing time only as RFC 3339.

use super::*;

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Exit 2, the reason on stderr.
fn refused_saying(output: &Output, says: &str) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    assert!(stderr(output).contains(says), "{}", stderr(output));
}

#[test]
fn attack_the_seed_is_readable_from_the_key_keygen_writes() {
    let dir = scratch("sealed");
    keygen(&dir, "village.key");
    let text = std::fs::read_to_string(dir.join("village.key")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["format"], "hallcount/key@2");
    assert!(value.get("secret_seed").is_none(), "{text}");
    assert_eq!(value["seed"]["kdf"], "argon2id");
    assert_eq!(value["seed"]["params"]["m_kib"], 65_536);
}

/// `sign` of 赤坑社區's papers with `village.key` into `r.json`, with `more` arguments.
fn sign_village_with(dir: &Path, more: &[&str]) -> Output {
    let (election, ballots) = village_files(dir, "赤坑社區");
    let mut args = vec![
        "sign",
        &election,
        &ballots,
        "--key",
        "village.key",
        "-o",
        "r.json",
    ];
    args.extend_from_slice(more);
    hallcount(dir, &args)
}

#[test]
fn a_wrong_passphrase_signs_nothing() {
    let dir = scratch("wrong_passphrase");
    keygen(&dir, "village.key");
    std::fs::write(dir.join("wrong.txt"), "not it\n").unwrap();
    let output = sign_village_with(&dir, &["--passphrase-file", "wrong.txt"]);
    refused_saying(&output, "wrong passphrase");
    assert!(!dir.join("r.json").exists());
}

#[test]
fn a_key_1_file_still_signs_with_a_warning_and_can_be_sealed() {
    let dir = scratch("key1");
    let clear = KeyFile::new(&[7; 32], "赤坑社區", "2026-01-01T00:00:00Z");
    std::fs::write(dir.join("old.key"), clear.to_json()).unwrap();
    let (election, ballots) = village_files(&dir, "赤坑社區");
    let output = hallcount(
        &dir,
        &[
            "sign", &election, &ballots, "--key", "old.key", "-o", "r.json", "--at", AT,
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("warning: old.key is a hallcount/key@1 file"));

    let output = hallcount(
        &dir,
        &[
            "keygen",
            "--from",
            "old.key",
            "-o",
            "new.key",
            "--passphrase-file",
            PASS,
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let sealed = SealedKey::parse(&std::fs::read_to_string(dir.join("new.key")).unwrap()).unwrap();
    assert_eq!(sealed.fingerprint, clear.fingerprint);
    assert_eq!(sealed.label, "赤坑社區");
}

/// Issue 10 "no panic, ever": the key@1 warning goes to stderr like every other message, and a
/// stderr that cannot take it (`2>/dev/full`) does not stop the signing (`eprintln!` panicked).
#[cfg(target_os = "linux")]
#[test]
fn a_key_1_warning_on_a_full_stderr_still_signs() {
    let dir = scratch("key1_full_stderr");
    let clear = KeyFile::new(&[7; 32], "赤坑社區", "2026-01-01T00:00:00Z");
    std::fs::write(dir.join("old.key"), clear.to_json()).unwrap();
    let (election, ballots) = village_files(&dir, "赤坑社區");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_hallcount"))
        .current_dir(&dir)
        .args([
            "sign", &election, &ballots, "--key", "old.key", "-o", "r.json", "--at", AT,
        ])
        .stderr(full)
        .output()
        .expect("hallcount runs");
    assert_eq!(output.status.code(), Some(0));
    assert!(dir.join("r.json").exists());
}

#[test]
fn sign_at_takes_only_an_rfc_3339_time() {
    let dir = scratch("sign_at");
    keygen(&dir, "village.key");
    for at in ["not a time", "2026-02-30T10:00:00Z", "2026-11-25 12:00:00"] {
        let output = sign_village_with(&dir, &["--at", at, "--passphrase-file", PASS]);
        refused_saying(&output, "not an RFC 3339 time");
    }
    assert!(!dir.join("r.json").exists());
}
