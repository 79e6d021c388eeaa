//! The town office's list of trusted keys (`hallcount/trusted@1`): which fingerprint belongs
//! to which village. An entry's `village` is the place its key may sign for: the `place` of the
//! election, exactly. A listed key that signs for another place is not trusted for it.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::key::Fingerprint;

pub const TRUSTED_FORMAT: &str = "hallcount/trusted@1";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedFile {
    pub format: String,
    pub keys: Vec<TrustedEntry>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrustedEntry {
    /// As printed (`"K5QF 7XMA ..."`); case, spaces and dashes do not matter.
    pub fingerprint: String,
    pub village: String,
}

/// A checked list: every fingerprint well formed and listed once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedKeys {
    /// By fingerprint: a look-up per file, not a scan of the list.
    entries: std::collections::BTreeMap<Fingerprint, String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrustedError {
    Damaged(String),
    UnknownFormat(String),
    BadFingerprint { index: usize, text: String },
    Duplicate { fingerprint: String },
}

impl fmt::Display for TrustedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrustedError::Damaged(detail) => write!(f, "damaged trusted keys file: {detail}"),
            TrustedError::UnknownFormat(format) => {
                write!(
                    f,
                    "not a trusted keys file: format \"{format}\" (expected \"{TRUSTED_FORMAT}\")"
                )
            }
            TrustedError::BadFingerprint { index, text } => {
                write!(
                    f,
                    "keys[{index}].fingerprint: \"{text}\" is not 32 base32 characters"
                )
            }
            TrustedError::Duplicate { fingerprint } => {
                write!(f, "fingerprint {fingerprint} is listed twice")
            }
        }
    }
}

impl std::error::Error for TrustedError {}

/// Why a verified result is not trusted by the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrustProblem {
    /// The key is not on the list.
    UnknownSigner,
    /// The key is registered for one place and signed a result for another.
    WrongPlace { registered: String, signed: String },
}

impl fmt::Display for TrustProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrustProblem::UnknownSigner => f.write_str("unknown signer: the key is not listed"),
            TrustProblem::WrongPlace { registered, signed } => write!(
                f,
                "wrong place: key registered for {registered} signed a result for {signed}"
            ),
        }
    }
}

impl TrustedKeys {
    pub fn parse(text: &str) -> Result<TrustedKeys, TrustedError> {
        // The one strict reader (crate::json): no key twice, objects only, place named.
        let damaged = |e: crate::LoadError| TrustedError::Damaged(e.to_string());
        let value: serde_json::Value = crate::json::from_text(text).map_err(damaged)?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(TRUSTED_FORMAT) => {}
            Some(other) => return Err(TrustedError::UnknownFormat(other.to_string())),
            None => return Err(TrustedError::Damaged("no \"format\" field".into())),
        }
        drop(value);
        let file: TrustedFile = crate::json::from_text(text).map_err(damaged)?;
        let mut keys = TrustedKeys::default();
        for (index, entry) in file.keys.into_iter().enumerate() {
            let fingerprint = Fingerprint::parse_loose(&entry.fingerprint).ok_or(
                TrustedError::BadFingerprint {
                    index,
                    text: entry.fingerprint.clone(),
                },
            )?;
            if keys.village_of(&fingerprint).is_some() {
                return Err(TrustedError::Duplicate {
                    fingerprint: fingerprint.to_string(),
                });
            }
            keys.entries.insert(fingerprint, entry.village);
        }
        Ok(keys)
    }

    /// Whether the key `fingerprint` may sign a result for `place`: the village it is registered
    /// for, which is that place.
    pub fn judge(&self, fingerprint: &Fingerprint, place: &str) -> Result<&str, TrustProblem> {
        match self.village_of(fingerprint) {
            None => Err(TrustProblem::UnknownSigner),
            Some(village) if village == place => Ok(village),
            Some(village) => Err(TrustProblem::WrongPlace {
                registered: village.to_string(),
                signed: place.to_string(),
            }),
        }
    }

    pub fn village_of(&self, fingerprint: &Fingerprint) -> Option<&str> {
        self.entries.get(fingerprint).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
