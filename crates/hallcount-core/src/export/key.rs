//! Signing keys and the clear key file of earlier versions (`hallcount/key@1`); the sealed file
//! that `hallcount keygen` and the app's backup write now is `hallcount/key@2` (`sealed.rs`). The core never draws randomness: a key is made from 32 seed bytes that
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

    /// The secret: for sealing it ([`super::SealedKey`]) or writing a `key@1` file only.
    pub(super) fn seed(&self) -> [u8; 32] {
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

/// `hallcount/key@1`: a signing key with its seed in clear, as saved by earlier versions of
/// `hallcount keygen` and the app's backup. Still read; new keys are `hallcount/key@2`
/// ([`super::SealedKey`]). Its `Debug` never prints the seed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    pub secret_seed: SecretText,
}

impl fmt::Debug for KeyFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyFile")
            .field("format", &self.format)
            .field("label", &self.label)
            .field("created", &self.created)
            .field("public_key", &self.public_key)
            .field("fingerprint", &self.fingerprint)
            .field("secret_seed", &self.secret_seed)
            .finish()
    }
}

/// Secret text (a seed in hex): zeroized when dropped, never shown by `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecretText(String);

impl SecretText {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl Drop for SecretText {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl fmt::Debug for SecretText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[secret]")
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// Not JSON, or not the shape of a key file.
    Damaged(String),
    UnknownFormat(String),
    /// The public key or fingerprint written in the file is not the one of its secret seed.
    Inconsistent,
    /// A sealed key (`key@2`) that does not open with the passphrase given (or was altered).
    WrongPassphrase,
    /// A key is never sealed with an empty passphrase.
    EmptyPassphrase,
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
            KeyError::WrongPassphrase => f.write_str(
                "wrong passphrase: the key does not open with it (or the key file was altered)",
            ),
            KeyError::EmptyPassphrase => f.write_str("a key needs a passphrase that is not empty"),
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
            secret_seed: SecretText(to_hex(seed)),
        }
    }

    pub fn for_signer(signer: &Signer, label: &str, created: &str) -> KeyFile {
        KeyFile::new(&signer.seed(), label, created)
    }

    /// Reads and checks a key file: known format, and public key and fingerprint derived from
    /// the seed (a truncated or hand-edited file is refused rather than signing with a surprise).
    pub fn parse(text: &str) -> Result<(KeyFile, Signer), KeyError> {
        match format_of(text)?.as_deref() {
            Some(KEY_FORMAT) => {}
            Some(other) => return Err(KeyError::UnknownFormat(other.to_string())),
            None => return Err(KeyError::Damaged("no \"format\" field".into())),
        }
        // The one strict reader (crate::json): no key twice, objects only, place named.
        let file: KeyFile = crate::json::from_text(text).map_err(damaged)?;
        let signer = file.signer()?;
        Ok((file, signer))
    }

    /// The signer of the seed, checked against the public key and fingerprint written beside it.
    pub fn signer(&self) -> Result<Signer, KeyError> {
        let seed = from_hex::<32>(self.secret_seed.expose()).ok_or_else(|| {
            KeyError::Damaged("\"secret_seed\" is not 64 lowercase hex digits".into())
        })?;
        let seed = zeroize::Zeroizing::new(seed);
        let signer = Signer::from_seed(&seed);
        let public_key = signer.public_key();
        let fingerprint_matches =
            Fingerprint::parse_loose(&self.fingerprint) == Some(public_key.fingerprint());
        if self.public_key != public_key.to_hex() || !fingerprint_matches {
            return Err(KeyError::Inconsistent);
        }
        Ok(signer)
    }

    pub fn to_json(&self) -> String {
        let mut text = crate::json::to_string_pretty(self).expect("a key file always serialises");
        text.push('\n');
        text
    }
}

/// A key file that the strict reader refused, with the place it names.
pub(super) fn damaged(error: crate::LoadError) -> KeyError {
    KeyError::Damaged(error.to_string())
}

/// The `format` of a key file, read alone: no copy of a seed is left unzeroized in a
/// `serde_json::Value`.
pub(super) fn format_of(text: &str) -> Result<Option<String>, KeyError> {
    #[derive(Deserialize)]
    struct FormatOnly {
        format: Option<String>,
    }
    crate::json::from_text::<FormatOnly>(text)
        .map(|file| file.format)
        .map_err(damaged)
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
    fn attack_key_file_debug_prints_the_seed() {
        let file = KeyFile::new(&[0xab; 32], "赤坑社區", "2026-01-01T00:00:00Z");
        let shown = format!("{file:?}");
        assert!(!shown.contains(&"ab".repeat(32)), "{shown}");
        assert!(shown.contains("[secret]"));
        assert!(shown.contains(&file.public_key));
    }

    #[test]
    fn signature_verifies_only_for_its_message() {
        let signer = Signer::from_seed(&[3; 32]);
        let signature = signer.sign(b"payload");
        assert!(signer.public_key().verifies(b"payload", &signature));
        assert!(!signer.public_key().verifies(b"payloaD", &signature));
    }
}
