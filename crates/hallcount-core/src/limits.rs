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
    /// `hallcount/meeting@1`, a whole meeting backed up.
    Meeting,
}

impl FileKind {
    /// The most bytes a file of this kind may have.
    pub const fn max_bytes(self) -> usize {
        match self {
            // Real definitions are a few KB; this stops a wrong file, not a big election.
            FileKind::Election => 16 * 1024 * 1024,
            // 1,000,000 papers of about 100 bytes.
            FileKind::Ballots => 128 * 1024 * 1024,
            FileKind::Result => MAX_RESULT_FILE_BYTES,
            FileKind::Key => 64 * 1024,
            // A province's list: 20,000 villages take 2 MB (scripts/province.sh).
            FileKind::Trusted => 16 * 1024 * 1024,
            // The papers' limit, and room for each entry's place in the chain (~130 bytes).
            FileKind::Meeting => 256 * 1024 * 1024,
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
            FileKind::Meeting => "a meeting backup",
        }
    }
}

/// Contests in one election.
pub const MAX_CONTESTS: usize = 100;
/// Candidates in one contest; also the most marks or write-ins one contest of a paper may hold.
pub const MAX_CANDIDATES: usize = 1_000;
/// Seats of one contest, and `extra` candidates of another round.
pub const MAX_SEATS: u32 = 1_000;
/// Delegates entitled or present, and papers issued.
pub const MAX_DELEGATES: u32 = 1_000_000;
/// Papers in one ballots file or one log.
pub const MAX_PAPERS: usize = 1_000_000;
/// The round of an election.
pub const MAX_ROUND: u32 = 100;
/// Characters in a title, name, id, office, place, write-in or reason.
pub const MAX_TEXT_CHARS: usize = 200;

/// The first character of `text` that would act on the display instead of being shown (see
/// [`crate::visible::is_hidden`]): a name with one is refused by the checks.
pub fn hidden_character(text: &str) -> Option<char> {
    text.chars().find(|&c| crate::visible::is_hidden(c))
}

/// Whether `text` has more than [`MAX_TEXT_CHARS`] characters (looking at no more than that).
pub fn too_long(text: &str) -> bool {
    text.chars().nth(MAX_TEXT_CHARS).is_some()
}
