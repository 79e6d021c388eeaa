//! The documented bounds of the files (docs/formats.md "Limits"): how many bytes a reader takes
//! for each kind of file. A file over its limit is refused before it is read, so that a wrong
//! file (a 1 GiB video, `/dev/zero`) cannot exhaust memory.

use crate::export::MAX_RESULT_FILE_BYTES;

/// The kinds of file that hallcount reads, each with its own size limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `hallcount/election@1`.
    Election,
    /// `hallcount/ballots@1`.
    Ballots,
    /// `hallcount/result@1`.
    Result,
    /// `hallcount/key@1`.
    Key,
    /// `hallcount/trusted@1`.
    Trusted,
}

impl FileKind {
    /// The most bytes a file of this kind may have.
    pub fn max_bytes(self) -> usize {
        match self {
            // Real definitions are a few KB; this stops a wrong file, not a big election.
            FileKind::Election => 16 * 1024 * 1024,
            // 1,000,000 papers of about 100 bytes.
            FileKind::Ballots => 128 * 1024 * 1024,
            FileKind::Result => MAX_RESULT_FILE_BYTES,
            FileKind::Key => 64 * 1024,
            FileKind::Trusted => 1024 * 1024,
        }
    }

    /// What the file is called in messages.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Election => "an election file",
            FileKind::Ballots => "a ballots file",
            FileKind::Result => "a result file",
            FileKind::Key => "a key file",
            FileKind::Trusted => "a trusted keys file",
        }
    }
}
