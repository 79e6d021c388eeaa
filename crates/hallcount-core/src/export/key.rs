//! Signing keys and their file (`hallcount/key@1`), shared by the app's key backup and
//! `hallcount keygen`. The core never draws randomness: a key is made from 32 seed bytes that
//! the caller took from the platform's secure source.

use std::fmt;

use ed25519_dalek::{Signer as _, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::encoding::{from_hex, to_base32, to_hex};

pub const KEY_FORMAT: &str = "hallcount/key@1";

/// Bytes of sha256(public key) kept in a fingerprint: 160 bits, 32 base32 characters.
const FINGERPRINT_BYTES: usize = 20;
const FINGERPRINT_GROUP: usize = 4;

/// An Ed25519 signing key. The secret never leaves this type except through [`KeyFile`].
pub struct Signer {
    signing_key: SigningKey,
}

impl Signer {
    pub fn from_seed(seed: &[u8; 32]) -> Signer {
        Signer {
            signing_key: SigningKey::from_bytes(seed),
        }
    }

    pub fn public_key(&self) -> PublicKey {
        PublicKey(self.signing_key.verifying_key().to_bytes())
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing_key.sign(message).to_bytes()
    }

    fn seed(&self) -> [u8; 32] {
        self.signing_key.to_bytes()
    }
}

/// An Ed25519 public key (32 bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PublicKey(pub [u8; 32]);

impl PublicKey {
    pub fn from_hex(text: &str) -> Option<PublicKey> {
        from_hex::<32>(text).map(PublicKey)
    }

    pub fn to_hex(&self) -> String {
        to_hex(&self.0)
    }

    pub fn fingerprint(&self) -> Fingerprint {
        let digest = Sha256::digest(self.0);
        Fingerprint::from_compact(&to_base32(&digest[..FINGERPRINT_BYTES]))
    }

    /// Strict Ed25519 verification (refuses small-order keys and non-canonical signatures, so a
    /// signature cannot be altered into another valid one).
    pub fn verifies(&self, message: &[u8], signature: &[u8; 64]) -> bool {
        let Ok(key) = VerifyingKey::from_bytes(&self.0) else {
            return false;
        };
        key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(signature))
            .is_ok()
    }
}

/// The first 160 bits of sha256(public key) in base32, written in groups of four characters
/// (`"K5QF 7XMA ..."`) so that it can be read aloud and compared on paper.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(String);

impl Fingerprint {
    fn from_compact(compact: &str) -> Fingerprint {
        let groups: Vec<&str> = compact
            .as_bytes()
            .chunks(FINGERPRINT_GROUP)
            .map(|group| std::str::from_utf8(group).unwrap_or_default())
            .collect();
        Fingerprint(groups.join(" "))
    }

    /// Reads a fingerprint as a person may type it: any case, spaces or dashes anywhere.
    /// `None` unless it is 32 base32 characters.
    pub fn parse_loose(text: &str) -> Option<Fingerprint> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let well_formed = compact.len() == FINGERPRINT_BYTES * 8 / 5
            && compact
                .bytes()
                .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b));
        well_formed.then(|| Fingerprint::from_compact(&compact))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `hallcount/key@1`: a signing key as saved by `hallcount keygen` or the app's backup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFile {
    pub format: String,
    /// Who holds the key, e.g. the village name; free text.
    pub label: String,
    /// RFC 3339 UTC time the key was made.
    pub created: String,
    /// Lowercase hex, 32 bytes.
    pub public_key: String,
    pub fingerprint: String,
    /// Lowercase hex, the 32-byte Ed25519 seed. Whoever has it can sign as this key.
    pub secret_seed: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// Not JSON, or not the shape of a key file.
    Damaged(String),
    UnknownFormat(String),
    /// The public key or fingerprint written in the file is not the one of its secret seed.
    Inconsistent,
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::Damaged(detail) => write!(f, "damaged key file: {detail}"),
            KeyError::UnknownFormat(format) => {
                write!(
                    f,
                    "not a key file: format \"{format}\" (expected \"{KEY_FORMAT}\")"
                )
            }
            KeyError::Inconsistent => f.write_str(
                "damaged key file: the public key or fingerprint does not match the secret",
            ),
        }
    }
}

impl std::error::Error for KeyError {}

impl KeyFile {
    pub fn new(seed: &[u8; 32], label: &str, created: &str) -> KeyFile {
        let public_key = Signer::from_seed(seed).public_key();
        KeyFile {
            format: KEY_FORMAT.to_string(),
            label: label.to_string(),
            created: created.to_string(),
            public_key: public_key.to_hex(),
            fingerprint: public_key.fingerprint().to_string(),
            secret_seed: to_hex(seed),
        }
    }

    pub fn for_signer(signer: &Signer, label: &str, created: &str) -> KeyFile {
        KeyFile::new(&signer.seed(), label, created)
    }

    /// Reads and checks a key file: known format, and public key and fingerprint derived from
    /// the seed (a truncated or hand-edited file is refused rather than signing with a surprise).
    pub fn parse(text: &str) -> Result<(KeyFile, Signer), KeyError> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| KeyError::Damaged(e.to_string()))?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(KEY_FORMAT) => {}
            Some(other) => return Err(KeyError::UnknownFormat(other.to_string())),
            None => return Err(KeyError::Damaged("no \"format\" field".into())),
        }
        let file: KeyFile =
            serde_json::from_value(value).map_err(|e| KeyError::Damaged(e.to_string()))?;
        let seed = from_hex::<32>(&file.secret_seed).ok_or_else(|| {
            KeyError::Damaged("\"secret_seed\" is not 64 lowercase hex digits".into())
        })?;
        let signer = Signer::from_seed(&seed);
        let public_key = signer.public_key();
        let fingerprint_matches =
            Fingerprint::parse_loose(&file.fingerprint) == Some(public_key.fingerprint());
        if file.public_key != public_key.to_hex() || !fingerprint_matches {
            return Err(KeyError::Inconsistent);
        }
        Ok((file, signer))
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("a key file always serialises");
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_is_eight_groups_of_four_and_parses_loosely() {
        let fingerprint = Signer::from_seed(&[7; 32]).public_key().fingerprint();
        let groups: Vec<&str> = fingerprint.as_str().split(' ').collect();
        assert_eq!(groups.len(), 8);
        assert!(groups.iter().all(|g| g.len() == 4));
        let typed = fingerprint.as_str().to_lowercase().replace(' ', "-");
        assert_eq!(Fingerprint::parse_loose(&typed), Some(fingerprint));
        assert_eq!(Fingerprint::parse_loose("ABCD"), None);
    }

    #[test]
    fn key_file_round_trips_and_detects_a_foreign_public_key() {
        let file = KeyFile::new(&[1; 32], "赤坑社區", "2026-01-01T00:00:00Z");
        let (read, signer) = KeyFile::parse(&file.to_json()).unwrap();
        assert_eq!(read, file);
        assert_eq!(signer.public_key().to_hex(), file.public_key);

        let other = KeyFile::new(&[2; 32], "x", "y");
        let mixed = KeyFile {
            public_key: other.public_key,
            ..file.clone()
        };
        assert_eq!(
            KeyFile::parse(&mixed.to_json()).err(),
            Some(KeyError::Inconsistent)
        );
        assert!(matches!(
            KeyFile::parse("{\"format\":\"hallcount/ballots@1\"}"),
            Err(KeyError::UnknownFormat(_))
        ));
        assert!(matches!(KeyFile::parse("{"), Err(KeyError::Damaged(_))));
    }

    #[test]
    fn signature_verifies_only_for_its_message() {
        let signer = Signer::from_seed(&[3; 32]);
        let signature = signer.sign(b"payload");
        assert!(signer.public_key().verifies(b"payload", &signature));
        assert!(!signer.public_key().verifies(b"payloaD", &signature));
    }
}
