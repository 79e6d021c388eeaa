//! Writing the files that `keygen`, `sign` and `aggregate` produce, and the clock they read.

use std::io::Write;

use super::CliError;

/// Seconds since the Unix epoch by the system clock (0 if the clock is before 1970).
pub fn now_unix_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Writes a file that must not exist yet (a key or a signed result is never overwritten by
/// accident). A `secret` file is readable by its owner only, where the system allows it.
pub fn write_new_file(path: &str, bytes: &[u8], secret: bool) -> Result<(), CliError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if secret {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = secret;
    let mut file = options
        .open(path)
        .map_err(|e| CliError::input(format!("{path}: {e}")))?;
    file.write_all(bytes)
        .map_err(|e| CliError::input(format!("{path}: {e}")))
}

/// Writes (or replaces) a file.
pub fn write_file(path: &str, bytes: &[u8]) -> Result<(), CliError> {
    std::fs::write(path, bytes).map_err(|e| CliError::input(format!("{path}: {e}")))
}

/// `-o FILE` is the usual spelling of `--output FILE`.
pub fn expand_short_output(args: &[String]) -> Vec<String> {
    args.iter()
        .map(|arg| {
            if arg == "-o" {
                "--output".to_string()
            } else {
                arg.clone()
            }
        })
        .collect()
}
