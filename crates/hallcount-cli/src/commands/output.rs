//! Writing the files that `keygen`, `sign` and `aggregate` produce, and the clock they read.

use std::io::Write;
use std::path::Path;

use super::args::Known;
use super::CliError;

/// `-o FILE`, the usual spelling of `--output FILE`.
pub const OUTPUT: Known = Known {
    long: "output",
    short: Some('o'),
};

/// Seconds since the Unix epoch by the system clock (0 if the clock is before 1970).
pub fn now_unix_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Writes a file that must not exist yet (a key or a signed result is never overwritten by
/// accident). A `secret` file is readable by its owner only, where the system allows it.
pub fn write_new_file(path: &Path, bytes: &[u8], secret: bool) -> Result<(), CliError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if secret {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = secret;
    let mut file = options.open(path).map_err(|e| CliError::in_file(path, e))?;
    file.write_all(bytes)
        .map_err(|e| CliError::in_file(path, e))
}

/// Writes (or replaces) a file.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    std::fs::write(path, bytes).map_err(|e| CliError::in_file(path, e))
}
