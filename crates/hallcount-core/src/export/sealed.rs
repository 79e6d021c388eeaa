//! `hallcount/key@2`: a signing key whose seed is sealed with a passphrase, as minisign and age
//! seal their secret keys. The passphrase gives a 32-byte key by Argon2id (its parameters and
//! salt are written in the file); that key seals the seed with XChaCha20-Poly1305, the file's
//! format and public key as associated data. Without the passphrase the file gives nothing from
//! which the seed can be derived.
//!
//! Pure like the rest of the core: the caller draws the salt and the nonce from the platform's
//! secure source and passes them in. Every secret held here is zeroized when dropped.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::key::{KeyError, KeyFile, Signer};
use crate::encoding::{from_hex, to_hex};

pub const SEALED_KEY_FORMAT: &str = "hallcount/key@2";
pub const KDF: &str = "argon2id";
pub const CIPHER: &str = "xchacha20poly1305";

/// Bytes of the Argon2 salt and of the XChaCha20 nonce the caller draws.
pub const SALT_BYTES: usize = 16;
pub const NONCE_BYTES: usize = 24;
/// The sealed seed: 32 bytes and the 16-byte Poly1305 tag.
const SEALED_BYTES: usize = 32 + 16;

/// Argon2id's cost: memory in KiB, passes, lanes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl SealParams {
    /// What a new key is sealed with: 64 MiB and 6 passes, so that a guess costs about half a
    /// second in the browser (issue 9). Measured in headless Chromium here: 46 MiB and 3 passes
    /// took 0.21–0.37 s to seal and 0.21–0.23 s to open; OWASP's least setting (19 MiB, 2 passes)
    /// mostly 0.1–0.3 s under load: too cheap a guess.
    pub const RECOMMENDED: SealParams = SealParams {
        m_kib: 65_536,
        t: 6,
        p: 1,
    };

    /// A file may ask no more than this (256 MiB, 10 passes, 4 lanes): a key file from elsewhere
    /// must not make the reader exhaust memory or time.
    pub const MOST: SealParams = SealParams {
        m_kib: 262_144,
        t: 10,
        p: 4,
    };

    fn argon2(self) -> Result<Argon2<'static>, KeyError> {
        let within = self.m_kib <= SealParams::MOST.m_kib
            && (1..=SealParams::MOST.t).contains(&self.t)
            && (1..=SealParams::MOST.p).contains(&self.p);
        let params = Params::new(self.m_kib, self.t, self.p, Some(32))
            .ok()
            .filter(|_| within)
            .ok_or_else(|| {
                KeyError::Damaged(format!(
                    "argon2id parameters m_kib {}, t {}, p {} are outside what hallcount reads \
                     (m_kib at most {}, t 1 to {}, p 1 to {})",
                    self.m_kib,
                    self.t,
                    self.p,
                    SealParams::MOST.m_kib,
                    SealParams::MOST.t,
                    SealParams::MOST.p
                ))
            })?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }
}

/// How the seed is sealed, as written in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedSeed {
    /// Always [`KDF`].
    pub kdf: String,
    pub params: SealParams,
    /// Lowercase hex, [`SALT_BYTES`] bytes.
    pub salt: String,
    /// Always [`CIPHER`].
    pub cipher: String,
    /// Lowercase hex, [`NONCE_BYTES`] bytes.
    pub nonce: String,
    /// Lowercase hex: the 32-byte seed sealed, with its 16-byte tag.
    pub sealed: String,
}

/// `hallcount/key@2`: the public half in clear, the seed sealed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedKey {
    pub format: String,
    /// Who holds the key, e.g. the village name; free text.
    pub label: String,
    /// RFC 3339 UTC time the key was made.
    pub created: String,
    /// Lowercase hex, 32 bytes.
    pub public_key: String,
    pub fingerprint: String,
    pub seed: SealedSeed,
}

/// What the caller draws from the platform's secure random source for one sealing.
pub struct SealRandom {
    pub salt: [u8; SALT_BYTES],
    pub nonce: [u8; NONCE_BYTES],
}

impl SealedKey {
    /// Seals `seed` under `passphrase`. An empty passphrase is refused.
    pub fn seal(
        seed: &[u8; 32],
        passphrase: &str,
        params: SealParams,
        random: &SealRandom,
        label: &str,
        created: &str,
    ) -> Result<SealedKey, KeyError> {
        if passphrase.is_empty() {
            return Err(KeyError::EmptyPassphrase);
        }
        let public_key = Signer::from_seed(seed).public_key();
        let public_hex = public_key.to_hex();
        let cipher = cipher(passphrase, params, &random.salt)?;
        let sealed = cipher
            .encrypt(
                &XNonce::from(random.nonce),
                Payload {
                    msg: seed,
                    aad: &associated_data(&public_hex),
                },
            )
            .map_err(|_| KeyError::Damaged("the seed could not be sealed".into()))?;
        Ok(SealedKey {
            format: SEALED_KEY_FORMAT.to_string(),
            label: label.to_string(),
            created: created.to_string(),
            fingerprint: public_key.fingerprint().to_string(),
            public_key: public_hex,
            seed: SealedSeed {
                kdf: KDF.to_string(),
                params,
                salt: to_hex(&random.salt),
                cipher: CIPHER.to_string(),
                nonce: to_hex(&random.nonce),
                sealed: to_hex(&sealed),
            },
        })
    }

    /// Seals the seed of a `hallcount/key@1` file, keeping its label and time.
    pub fn seal_clear(
        clear: &KeyFile,
        passphrase: &str,
        params: SealParams,
        random: &SealRandom,
    ) -> Result<SealedKey, KeyError> {
        let seed = Zeroizing::new(clear.signer()?.seed());
        SealedKey::seal(
            &seed,
            passphrase,
            params,
            random,
            &clear.label,
            &clear.created,
        )
    }

    /// The signer, with the right passphrase. A wrong one is [`KeyError::WrongPassphrase`] and
    /// changes nothing.
    pub fn open(&self, passphrase: &str) -> Result<Signer, KeyError> {
        let field = |name: &str| {
            KeyError::Damaged(format!("seed.{name} is not lowercase hex of its length"))
        };
        let salt = from_hex::<SALT_BYTES>(&self.seed.salt).ok_or_else(|| field("salt"))?;
        let nonce = from_hex::<NONCE_BYTES>(&self.seed.nonce).ok_or_else(|| field("nonce"))?;
        let sealed = from_hex::<SEALED_BYTES>(&self.seed.sealed).ok_or_else(|| field("sealed"))?;
        let cipher = cipher(passphrase, self.seed.params, &salt)?;
        let opened = Zeroizing::new(
            cipher
                .decrypt(
                    &XNonce::from(nonce),
                    Payload {
                        msg: &sealed,
                        aad: &associated_data(&self.public_key),
                    },
                )
                .map_err(|_| KeyError::WrongPassphrase)?,
        );
        let seed: Zeroizing<[u8; 32]> = Zeroizing::new(
            opened
                .as_slice()
                .try_into()
                .map_err(|_| KeyError::Damaged("the sealed seed is not 32 bytes".into()))?,
        );
        let signer = Signer::from_seed(&seed);
        let public_key = signer.public_key();
        if public_key.to_hex() != self.public_key
            || self.fingerprint != public_key.fingerprint().as_str()
        {
            return Err(KeyError::Inconsistent);
        }
        Ok(signer)
    }

    /// Reads a `hallcount/key@2` file: its shape and names. The seed is opened by [`Self::open`].
    pub fn parse(text: &str) -> Result<SealedKey, KeyError> {
        let file: SealedKey = crate::json::from_text(text).map_err(super::key::damaged)?;
        if file.format != SEALED_KEY_FORMAT {
            return Err(KeyError::UnknownFormat(file.format));
        }
        if file.seed.kdf != KDF || file.seed.cipher != CIPHER {
            return Err(KeyError::Damaged(format!(
                "sealed with {} and {} (expected {KDF} and {CIPHER})",
                file.seed.kdf, file.seed.cipher
            )));
        }
        file.seed.params.argon2()?;
        Ok(file)
    }

    pub fn to_json(&self) -> String {
        let mut text = crate::json::to_string_pretty(self).expect("a key file always serialises");
        text.push('\n');
        text
    }
}

/// The file's format and public key are bound to the sealed seed: a file whose public key was
/// swapped does not open.
fn associated_data(public_key_hex: &str) -> Vec<u8> {
    format!("{SEALED_KEY_FORMAT} {public_key_hex}").into_bytes()
}

fn cipher(
    passphrase: &str,
    params: SealParams,
    salt: &[u8; SALT_BYTES],
) -> Result<XChaCha20Poly1305, KeyError> {
    let mut key = Zeroizing::new([0u8; 32]);
    params
        .argon2()?
        .hash_password_into(passphrase.as_bytes(), salt, key.as_mut_slice())
        .map_err(|e| KeyError::Damaged(format!("argon2id: {e}")))?;
    XChaCha20Poly1305::new_from_slice(key.as_slice())
        .map_err(|_| KeyError::Damaged("the sealing key is not 32 bytes".into()))
}

/// A key file of either version, as read: `key@1` holds its seed in clear (still read, for the
/// files made before; sealing it is [`SealedKey::seal_clear`]), `key@2` holds it sealed.
pub enum AnyKeyFile {
    Clear(KeyFile, Signer),
    Sealed(SealedKey),
}

impl AnyKeyFile {
    pub fn parse(text: &str) -> Result<AnyKeyFile, KeyError> {
        match super::key::format_of(text)?.as_deref() {
            Some(super::key::KEY_FORMAT) => {
                let (file, signer) = KeyFile::parse(text)?;
                Ok(AnyKeyFile::Clear(file, signer))
            }
            Some(SEALED_KEY_FORMAT) => SealedKey::parse(text).map(AnyKeyFile::Sealed),
            Some(other) => Err(KeyError::UnknownFormat(other.to_string())),
            None => Err(KeyError::Damaged("no \"format\" field".into())),
        }
    }
}

#[cfg(test)]
mod tests;
