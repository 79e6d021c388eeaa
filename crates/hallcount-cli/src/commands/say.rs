//! Writing to stdout without panicking: `println!` aborts the process when stdout fails.
//! A closed pipe (`hallcount verify *.json | head -1`) ends the command quietly; any other
//! failure (a full disk, `>/dev/full`) is bad output, exit 2 with a message. A warning goes to
//! stderr the way `main` prints errors: `hallcount: ` first, each line made visible, and a
//! failing stderr ignored (`eprintln!` would panic on `2>/dev/full`).

use std::io::Write;

use super::CliError;

/// Writes `text` to stdout as it is.
pub fn print(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).map_err(failed)
}

/// Writes `text` and a newline to stdout.
pub fn line(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .map_err(failed)
}

/// Pushes out what is buffered: the last line is written only here when it had no newline.
pub fn flush() -> Result<(), CliError> {
    std::io::stdout().flush().map_err(failed)
}

/// Tells stderr `hallcount: warning: {text}` and goes on: a warning never stops a command, and
/// a stderr that cannot be written has nowhere left to be told.
pub fn warn(text: &str) {
    let lines: Vec<_> = text.split('\n').map(hallcount_core::visible).collect();
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "hallcount: warning: {}", lines.join("\n"));
}

fn failed(error: std::io::Error) -> CliError {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        CliError::reader_gone()
    } else {
        CliError::input(format!("cannot write to standard output: {error}"))
    }
}
