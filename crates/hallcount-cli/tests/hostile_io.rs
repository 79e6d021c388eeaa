//! Issue 10 point 1 and 4, run as the built binary: no panic on a name that is not UTF-8, on a
//! closed or full stdout, or on an option value that looks like an option; and one bounded
//! reader that refuses FIFOs, devices and oversized files without blocking or reading them.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const CASE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../hallcount-core/tests/cases/spec_exec_cast"
);

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile_io_{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    std::fs::write(dir.join("pass.txt"), "口令\n").expect("passphrase file");
    dir
}

fn hallcount<S: AsRef<OsStr>>(dir: &Path, args: &[S]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hallcount"));
    command.current_dir(dir).args(args).stdin(Stdio::null());
    command
}

/// Runs and waits, but never longer than 20 s: a command that blocks fails the test instead
/// of hanging it.
fn finished(mut command: Command) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let start = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("still running after 20 s: it blocked");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_no_panic(output: &Output, what: &str) {
    let stderr = text(&output.stderr);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(
        matches!(output.status.code(), Some(0..=2)),
        "{what}: {:?} {stderr}",
        output.status
    );
}

#[test]
fn a_short_o_given_as_the_value_of_label_is_the_label() {
    let dir = scratch("short_o");
    let output = finished(hallcount(
        &dir,
        &[
            "keygen",
            "--label",
            "-o",
            "-o",
            "key.json",
            "--passphrase-file",
            "pass.txt",
        ],
    ));
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let key: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("key.json")).unwrap()).unwrap();
    assert_eq!(key["label"], "-o");
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_are_shown_lossily_in_every_command() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("not_utf8");
    let bad = OsStr::from_bytes(b"x\xff.json");
    std::fs::write(dir.join(bad), b"{}").unwrap();
    let election = format!("{CASE}/election.json");
    let ballots = format!("{CASE}/ballots.json");
    let runs: Vec<Vec<&OsStr>> = vec![
        vec!["check".as_ref(), bad],
        vec!["tally".as_ref(), bad, ballots.as_ref()],
        vec!["tally".as_ref(), election.as_ref(), bad],
        vec!["verify".as_ref(), bad, "missing.json".as_ref()],
        vec!["aggregate".as_ref(), bad],
        vec![
            "verify".as_ref(),
            "--trusted".as_ref(),
            bad,
            "a.json".as_ref(),
        ],
        vec![
            "sign".as_ref(),
            election.as_ref(),
            ballots.as_ref(),
            "--key".as_ref(),
            bad,
            "-o".as_ref(),
            "r.json".as_ref(),
        ],
    ];
    for args in runs {
        let output = finished(hallcount(&dir, &args));
        assert_no_panic(&output, &format!("{args:?}"));
        let said = text(&output.stdout) + &text(&output.stderr);
        assert!(said.contains("x\u{fffd}.json"), "{args:?}: {said}");
    }
    // The batch goes on past the bad name: both files get a line.
    let output = finished(hallcount(
        &dir,
        &[OsStr::new("verify"), bad, OsStr::new("missing.json")],
    ));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stdout).lines().count(),
        2,
        "{}",
        text(&output.stdout)
    );

    let key = OsStr::from_bytes(b"k\xfe.json");
    let output = finished(hallcount(
        &dir,
        &[
            OsStr::new("keygen"),
            OsStr::new("-o"),
            key,
            OsStr::new("--passphrase-file"),
            OsStr::new("pass.txt"),
        ],
    ));
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).starts_with("k\u{fffd}.json: key "));
    assert!(dir.join(key).is_file());
}

#[test]
fn names_with_line_breaks_or_escapes_cannot_write_a_line() {
    let dir = scratch("forged_name");
    let forged = "a.json\nOK    b.json: signed by 赤坑社區\u{1b}[2K";
    std::fs::write(dir.join(forged), b"{}").unwrap();
    let output = finished(hallcount(&dir, &["verify", forged]));
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(
        stdout.contains("a.json\\nOK    b.json: signed by 赤坑社區\\u{1b}[2K"),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_quietly_with_exit_0() {
    let dir = scratch("closed_pipe");
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    for args in [&["help"][..], &["verify", "a.json", "b.json", "c.json"][..]] {
        let output = hallcount(&dir, args)
            .stdout(writer.try_clone().unwrap())
            .stderr(Stdio::piped())
            .output()
            .expect("runs");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&output.stderr)
        );
        assert!(
            output.stderr.is_empty(),
            "{args:?}: {}",
            text(&output.stderr)
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_stdout_is_exit_2_with_a_message() {
    let dir = scratch("full");
    let election = format!("{CASE}/election.json");
    let ballots = format!("{CASE}/ballots.json");
    for args in [
        &["help"][..],
        &["tally", &election, &ballots][..],
        &["check", &election][..],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = hallcount(&dir, args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            text(&output.stderr).contains("cannot write to standard output"),
            "{args:?}: {}",
            text(&output.stderr)
        );
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let dir = scratch("fifo");
    let made = Command::new("mkfifo")
        .arg(dir.join("pipe.json"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let election = format!("{CASE}/election.json");
    for args in [
        &["verify", "pipe.json"][..],
        &["aggregate", "pipe.json"][..],
        &["check", "pipe.json"][..],
        &["tally", &election, "pipe.json"][..],
        &["verify", "--trusted", "pipe.json", "x.json"][..],
    ] {
        let output = finished(hallcount(&dir, args));
        assert_no_panic(&output, &format!("{args:?}"));
        let said = text(&output.stdout) + &text(&output.stderr);
        assert!(
            said.contains("pipe.json") && said.contains("a pipe (FIFO)"),
            "{args:?}: {said}"
        );
    }
}

#[cfg(unix)]
#[test]
fn devices_and_folders_are_named_not_read() {
    let dir = scratch("devices");
    let election = format!("{CASE}/election.json");
    for (args, says) in [
        (
            &["check", "/dev/zero"][..],
            "/dev/zero: not a regular file: a device",
        ),
        (
            &["tally", &election, "/dev/zero"][..],
            "not a regular file: a device",
        ),
        (&["verify", "/dev/zero"][..], "not a regular file: a device"),
        (&["check", "."][..], ".: not a regular file: a folder"),
    ] {
        let output = finished(hallcount(&dir, args));
        assert_no_panic(&output, &format!("{args:?}"));
        let said = text(&output.stdout) + &text(&output.stderr);
        assert!(said.contains(says), "{args:?}: {said}");
    }
}

#[test]
fn files_over_their_limit_are_refused_unread() {
    let dir = scratch("too_large");
    // Sparse files: their size is a promise, not bytes on the disk.
    for (name, size) in [("big.json", 17u64 << 20), ("huge.json", 1u64 << 30)] {
        let file = std::fs::File::create(dir.join(name)).unwrap();
        file.set_len(size).unwrap();
    }
    let election = format!("{CASE}/election.json");
    for (args, says) in [
        (&["check", "big.json"][..], "big.json: too large"),
        (
            &["tally", &election, "huge.json"][..],
            "huge.json: too large",
        ),
        (&["verify", "huge.json"][..], "too large"),
        (
            &["verify", "--trusted", "big.json", "x.json"][..],
            "big.json: too large",
        ),
        (
            &["sign", &election, &election, "--key", "big.json", "-o", "r"][..],
            "big.json: too large",
        ),
    ] {
        let output = finished(hallcount(&dir, args));
        assert_no_panic(&output, &format!("{args:?}"));
        let said = text(&output.stdout) + &text(&output.stderr);
        assert!(said.contains(says), "{args:?}: {said}");
    }
}

/// The executive example signed with `title` and `place` by a stranger's key; returns the file
/// name. Signed through the core, not `hallcount sign`: `sign` refuses such names (they are a
/// problem of the check), but a file made elsewhere can still hold them.
fn signed_with_names(dir: &Path, title: &str, place: &str) -> String {
    use hallcount_core::export::{AppInfo, ResultFile, ResultInput, ResultPayload, Signer};
    let read = |path: String| std::fs::read_to_string(path).unwrap();
    let election = hallcount_core::parse_election(&read(format!("{CASE}/election.json"))).unwrap();
    let papers = hallcount_core::parse_ballots(&read(format!("{CASE}/ballots.json")))
        .unwrap()
        .ballots;
    let at = "2026-11-25T12:00:00Z";
    let log = hallcount_core::log_from_ballots(election, papers, at).unwrap();
    let input = ResultInput::from_replay(log.state(), AppInfo::this_build(), at).unwrap();
    let mut payload = ResultPayload::new(input);
    payload.election.title = title.into();
    payload.election.place = place.into();
    let signed = ResultFile::sign(payload, &Signer::from_seed(&[9; 32]));
    std::fs::write(dir.join("named.hallcount.json"), signed.to_json()).unwrap();
    "named.hallcount.json".into()
}

#[test]
fn a_title_or_place_from_a_signed_file_cannot_write_a_line() {
    let dir = scratch("forged_title");
    let forged = "Exec\nOK    other.json: 赤坑 2026-11-25 Exec round 1; signed by 赤坑社區";
    let file = signed_with_names(&dir, forged, "赤坑\u{1b}[32m\u{202e}");
    let trusted = r#"{"format": "hallcount/trusted@1", "keys": []}"#;
    std::fs::write(dir.join("trusted.json"), trusted).unwrap();
    for args in [
        &["verify", "--trusted", "trusted.json", &file][..],
        &["verify", &file][..],
    ] {
        let output = finished(hallcount(&dir, args));
        let stdout = text(&output.stdout);
        assert_eq!(stdout.lines().count(), 1, "{args:?}: {stdout}");
        assert!(stdout.starts_with("FAIL"), "{args:?}: {stdout}");
        // The names are a problem of the check: named by place and code point, never obeyed.
        assert!(
            stdout.contains("title") && stdout.contains("U+000A"),
            "{stdout}"
        );
        assert!(
            !stdout.contains('\u{1b}') && !stdout.contains('\u{202e}'),
            "{stdout}"
        );
    }
    let output = finished(hallcount(&dir, &["aggregate", &file]));
    let stdout = text(&output.stdout);
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{202e}'),
        "{stdout}"
    );
    assert!(!stdout.lines().any(|l| l.starts_with("OK")), "{stdout}");
}

/// Issue 10: a line break or an escape in a name is a problem of the check: `tally` refuses the
/// file (exit 2), naming each place and character, and writes none of them raw.
#[test]
fn names_with_control_characters_are_refused_naming_the_place() {
    let dir = scratch("sheet_names");
    let text_of = std::fs::read_to_string(format!("{CASE}/election.json")).unwrap();
    let mut election: serde_json::Value = serde_json::from_str(&text_of).unwrap();
    election["title"] = "T\nstatus: valid".into();
    election["contests"][0]["candidates"][0]["name"] = "李\u{1b}[2J美華".into();
    std::fs::write(dir.join("e.json"), election.to_string()).unwrap();
    let ballots = format!("{CASE}/ballots.json");
    let output = finished(hallcount(
        &dir,
        &["tally", "e.json", &ballots, "--format", "text"],
    ));
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("e.json: title") && stderr.contains("U+000A"),
        "{stderr}"
    );
    assert!(
        stderr.contains("e.json: contests[0].candidates[0].name") && stderr.contains("U+001B"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains("status: valid"),
        "{stderr}"
    );
}
