//! The signed result (`hallcount/result@1`): what a village carries to the town office.
//!
//! The file is an envelope `{ format, payload, signature }`. The signature is Ed25519 over the
//! RFC 8785 (JCS) canonical JSON of `payload`, so any JSON tool can check it. The file itself is
//! written in one exact layout ([`ResultFile::to_json`]); a reader accepts only that layout, so
//! any change to the file's bytes, even outside the signed payload, is reported.

use serde::{Deserialize, Serialize};

use super::canonical::canonical_bytes;
use super::checks::{DoubleEntryRecord, HandTallyRecord};
use super::key::Signer;
use crate::ballot::Paper;
use crate::election::Election;
use crate::encoding::{sha256_hex, to_hex};
use crate::log::{EnteredPaper, LotOutcome, Reconciliation};
use crate::tally::Tally;

pub const RESULT_FORMAT: &str = "hallcount/result@1";
pub const SIGNATURE_ALGORITHM: &str = "ed25519";

/// The whole file as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultFile {
    /// Always [`RESULT_FORMAT`]; repeated in the payload so that it is signed too.
    pub format: String,
    pub payload: ResultPayload,
    pub signature: SignatureBlock,
}

/// What is signed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultPayload {
    pub format: String,
    pub election: Election,
    /// Every paper in the order entered, voided ones included and marked.
    pub papers: Vec<EnteredPaper>,
    /// The tally of the papers not voided, as computed by the core when the file was made.
    pub tally: Tally,
    pub log: LogSummary,
    /// R7: for each contest whose tied seats a lot filled, that lot (the last one recorded, valid
    /// for this tally: [`crate::lot::lot_for`]), in the order of the contests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lots: Vec<LotOutcome>,
    pub app: AppInfo,
    /// The time of the log's last entry (RFC 3339), see [`ResultInput::from_log`].
    pub created: String,
    /// Double entry, when a second entry was recorded (absent in older files: still valid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub double_entry: Option<DoubleEntryRecord>,
    /// The reconciliation with the blackboard, when a board was recorded (absent: not done).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hand_tally: Option<HandTallyRecord>,
}

/// Where the papers came from: the meeting's event log, by its length and the hash of its
/// last entry (the head of the hash chain), so the file can be matched with the laptop's log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSummary {
    pub events: u64,
    /// Lowercase hex.
    pub last_hash: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppInfo {
    pub name: String,
    pub version: String,
}

impl AppInfo {
    /// This build of hallcount (the core's version: the app and the CLI share it).
    pub fn this_build() -> AppInfo {
        AppInfo {
            name: "hallcount".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureBlock {
    /// Always [`SIGNATURE_ALGORITHM`].
    pub algorithm: String,
    /// Lowercase hex, 32 bytes.
    pub public_key: String,
    /// Of `public_key`, see [`super::Fingerprint`].
    pub fingerprint: String,
    /// Lowercase hex sha256 of the canonical payload: its first characters go on the paper sheet.
    pub payload_sha256: String,
    /// Lowercase hex, 64 bytes: Ed25519 over the canonical payload.
    pub value: String,
}

/// Everything a result is made of, before signing.
#[derive(Clone, Debug)]
pub struct ResultInput {
    pub election: Election,
    pub papers: Vec<EnteredPaper>,
    pub log: LogSummary,
    pub lots: Vec<LotOutcome>,
    pub app: AppInfo,
    pub created: String,
    pub double_entry: Option<DoubleEntryRecord>,
    /// Every board recorded, in order (the payload records the first one's differences and
    /// the last one against the final tally).
    pub reconciliations: Vec<Reconciliation>,
}

impl ResultInput {
    /// The meeting as its log stands, dated by the log's last entry: the same log always gives
    /// the same payload (and payload hash), so a result sheet printed before or after the export
    /// carries the hash of the file. `None` before the election is defined.
    pub fn from_log(log: &crate::log::Log, app: AppInfo) -> Option<ResultInput> {
        let created = log.entries().last().map(|entry| entry.at.clone())?;
        ResultInput::from_replay(log.state(), app, &created)
    }

    /// The meeting as the log replays it: its definition, every paper as entered with its
    /// void mark, and the head of the chain. `None` before the election is defined.
    pub fn from_replay(
        replay: &crate::log::Replay,
        app: AppInfo,
        created: &str,
    ) -> Option<ResultInput> {
        Some(ResultInput {
            election: replay.election.clone()?,
            papers: replay.papers.clone(),
            log: LogSummary {
                events: replay.n_entries,
                last_hash: replay.last_hash.clone(),
            },
            lots: replay.lots.clone(),
            app,
            created: created.to_string(),
            double_entry: DoubleEntryRecord::from_replay(replay),
            reconciliations: replay.reconciliations.clone(),
        })
    }
}

impl ResultPayload {
    /// Counts the live papers with the core and assembles the payload. Only a lot that fills
    /// its contest's tied seats in this tally is carried, so what is signed verifies.
    pub fn new(input: ResultInput) -> ResultPayload {
        let tally = tally_of_live_papers(&input.election, &input.papers);
        let lots = tally
            .contests
            .iter()
            .filter_map(|contest| crate::lot::lot_for(&input.lots, contest).cloned())
            .collect();
        let hand_tally = HandTallyRecord::new(&input.reconciliations, &tally);
        ResultPayload {
            format: RESULT_FORMAT.to_string(),
            election: input.election,
            papers: input.papers,
            tally,
            log: input.log,
            lots,
            app: input.app,
            created: input.created,
            double_entry: input.double_entry,
            hand_tally,
        }
    }

    /// Lowercase hex SHA-256 of [`Self::canonical_bytes`]: the `payload_sha256` of its file.
    pub fn sha256_hex(&self) -> String {
        sha256_hex(&self.canonical_bytes())
    }

    /// The bytes that are hashed and signed: RFC 8785 canonical JSON.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        canonical_bytes(self).expect("a payload always serialises")
    }
}

/// The papers that count: every paper entered and not voided, in order.
pub fn live_papers(papers: &[EnteredPaper]) -> Vec<Paper> {
    papers
        .iter()
        .filter(|entered| entered.is_live())
        .map(|entered| entered.paper.clone())
        .collect()
}

pub(crate) fn tally_of_live_papers(election: &Election, papers: &[EnteredPaper]) -> Tally {
    let live = papers
        .iter()
        .filter(|entered| entered.is_live())
        .map(|entered| &entered.paper);
    crate::tally_interned(election, &crate::InternedBallots::of_papers(election, live))
}

/// `<date>_<place>_<title>.hallcount.json`, each part made safe by [`file_name_part`].
pub fn result_file_name(election: &Election) -> String {
    let parts: Vec<String> = [&election.date, &election.place, &election.title]
        .into_iter()
        .map(|part| file_name_part(part))
        .filter(|part| !part.is_empty())
        .collect();
    let name = parts.join("_");
    format!(
        "{}.hallcount.json",
        if name.is_empty() { "result" } else { &name }
    )
}

/// Text made safe as part of a file name on any disk: every character that is not a letter or
/// a digit of any script (Chinese is kept) or `-` becomes `_`, runs of `_` made one, none at
/// either end. The app's downloads and the signed result are named with it.
pub fn file_name_part(text: &str) -> String {
    let mut part = String::with_capacity(text.len());
    for c in text.trim().chars() {
        let safe = if c.is_alphanumeric() || c == '-' {
            c
        } else {
            '_'
        };
        if !(safe == '_' && part.ends_with('_')) {
            part.push(safe);
        }
    }
    part.trim_matches('_').to_string()
}

impl ResultFile {
    pub fn sign(payload: ResultPayload, signer: &Signer) -> ResultFile {
        let canonical = payload.canonical_bytes();
        let public_key = signer.public_key();
        let signature = SignatureBlock {
            algorithm: SIGNATURE_ALGORITHM.to_string(),
            public_key: public_key.to_hex(),
            fingerprint: public_key.fingerprint().to_string(),
            payload_sha256: sha256_hex(&canonical),
            value: to_hex(&signer.sign(&canonical)),
        };
        ResultFile {
            format: RESULT_FORMAT.to_string(),
            payload,
            signature,
        }
    }

    /// [`ResultFile::to_json`], refused when `verify` would refuse it for its size: what is
    /// written, verifies.
    pub fn to_json_within_limit(&self) -> Result<String, super::VerifyError> {
        let text = self.to_json();
        if text.len() > super::MAX_RESULT_FILE_BYTES {
            return Err(super::VerifyError::TooLarge {
                bytes: text.len(),
                limit: super::MAX_RESULT_FILE_BYTES,
            });
        }
        Ok(text)
    }

    /// The one layout a result file is written in: serde_json's pretty printing (two spaces,
    /// fields in the order of the structs, non-ASCII text as UTF-8) and a final newline.
    pub fn to_json(&self) -> String {
        let mut text =
            crate::json::to_string_pretty(self).expect("a result file always serialises");
        text.push('\n');
        text
    }

    /// Whether `text` is exactly [`Self::to_json`], found without writing it
    /// ([`super::layout`]): how a reader tells a file as written from one re-saved or altered.
    pub fn is_written_as(&self, text: &str) -> bool {
        super::layout::is_pretty_layout_of(self, text)
    }
}

#[cfg(test)]
mod tests {
    use super::result_file_name;
    use crate::election::Election;

    #[test]
    fn file_names_keep_chinese_and_replace_unsafe_characters() {
        let mut election: Election = serde_json::from_str(
            r#"{ "format": "hallcount/election@1", "title": "第一次 婦女/代表:大會?", "body": "b",
                 "place": "赤坑社區", "date": "2017-08-25", "delegates": { "entitled": 1, "present": 1 },
                 "ballots_issued": 1, "contests": [] }"#,
        )
        .unwrap();
        assert_eq!(
            result_file_name(&election),
            "2017-08-25_赤坑社區_第一次_婦女_代表_大會.hallcount.json"
        );
        election.title = "../..\\evil<>|*".into();
        assert_eq!(
            result_file_name(&election),
            "2017-08-25_赤坑社區_evil.hallcount.json"
        );
    }
}
