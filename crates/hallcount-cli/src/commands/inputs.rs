//! Reading the input files: one bounded reader for every kind of file, and the reading and
//! checking of an election with its papers that `tally` and `sign` share.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use hallcount_core::export::TrustedKeys;
use hallcount_core::{
    check_election, check_papers, parse_ballots, parse_election, BallotsFile, Election, FileKind,
    Paper,
};

use super::{refuse_problems, CliError};

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// A folder, a FIFO, a device: refused before it is opened or read (a FIFO would block).
    NotAFile(&'static str),
    TooLarge {
        bytes: u64,
        limit: usize,
    },
    Io(std::io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotAFile(what) => write!(f, "not a regular file: {what}"),
            ReadError::TooLarge { bytes, limit } => write!(
                f,
                "too large: {bytes} bytes or more, over the limit of {limit} bytes"
            ),
            ReadError::Io(error) => write!(f, "cannot read: {error}"),
        }
    }
}

/// The bytes of a regular file of `kind`, never more than its size limit: the type and size
/// are checked before reading, and the reading stops one byte past the limit whatever the
/// size said (a file may grow while it is read).
pub fn read_bytes(path: &Path, kind: FileKind) -> Result<Vec<u8>, ReadError> {
    let limit = kind.max_bytes();
    refuse_special(&std::fs::metadata(path).map_err(ReadError::Io)?)?;
    let file = open_without_waiting(path).map_err(ReadError::Io)?;
    // Checked again on what was opened: the name may point elsewhere by now.
    let metadata = file.metadata().map_err(ReadError::Io)?;
    refuse_special(&metadata)?;
    if metadata.len() > limit as u64 {
        return Err(ReadError::TooLarge {
            bytes: metadata.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge {
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

fn refuse_special(metadata: &std::fs::Metadata) -> Result<(), ReadError> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return Ok(());
    }
    if kind.is_dir() {
        return Err(ReadError::NotAFile("a folder"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Err(ReadError::NotAFile("a pipe (FIFO)"));
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Err(ReadError::NotAFile("a device"));
        }
        if kind.is_socket() {
            return Err(ReadError::NotAFile("a socket"));
        }
    }
    Err(ReadError::NotAFile("a special file"))
}

/// Opens for reading; on Unix without waiting, should the name have become a FIFO since it
/// was checked.
fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The text of a file of `kind` (UTF-8, a leading BOM skipped, GBK or UTF-16 named by the core's
/// reader), or a message that names the file.
pub fn read_text(path: &Path, kind: FileKind) -> Result<String, CliError> {
    let bytes = read_file(path, kind)?;
    let text = hallcount_core::json::decode(&bytes).map_err(|e| CliError::in_file(path, e))?;
    Ok(text.to_owned())
}

/// The bytes of a file of `kind`, or a message that names the file.
pub fn read_file(path: &Path, kind: FileKind) -> Result<Vec<u8>, CliError> {
    read_bytes(path, kind).map_err(|e| CliError::in_file(path, e))
}

pub fn read_election(path: &Path) -> Result<Election, CliError> {
    parse_election(&read_file(path, FileKind::Election)?).map_err(|e| CliError::in_file(path, e))
}

pub fn read_ballots(path: &Path) -> Result<BallotsFile, CliError> {
    parse_ballots(&read_file(path, FileKind::Ballots)?).map_err(|e| CliError::in_file(path, e))
}

pub fn read_trusted(path: Option<&Path>) -> Result<Option<TrustedKeys>, CliError> {
    let Some(path) = path else { return Ok(None) };
    let keys = TrustedKeys::parse(&read_text(path, FileKind::Trusted)?)
        .map_err(|e| CliError::in_file(path, e))?;
    Ok(Some(keys))
}

/// An election and its papers, both read and checked: any problem refuses them, every
/// problem listed. What `tally` counts and `sign` signs.
pub fn read_checked(
    election_path: &Path,
    ballots_path: &Path,
) -> Result<(Election, Vec<Paper>), CliError> {
    let election = read_election(election_path)?;
    refuse_problems(election_path, &check_election(&election))?;
    let papers = read_checked_papers(&election, ballots_path)?;
    Ok((election, papers))
}

/// Papers read and checked against `election` (already checked): any problem refuses them.
pub fn read_checked_papers(election: &Election, path: &Path) -> Result<Vec<Paper>, CliError> {
    let papers = read_ballots(path)?.ballots;
    refuse_problems(path, &check_papers(election, &papers))?;
    Ok(papers)
}
