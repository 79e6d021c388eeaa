//! The signing key in browser storage, sealed (`hallcount/key@2`): the seed is drawn from the
//! browser's secure random source (`crypto.getRandomValues`) and stored only sealed under the
//! officer's passphrase (Argon2id and XChaCha20-Poly1305, in the core). Every page opened from
//! `file://` shares this storage (issue 9), so nothing stored here gives the seed without the
//! passphrase. The opened signer lives for one action (a signature, a backup) and is dropped.
//!
//! A clear `hallcount/key@1`, stored by earlier versions or imported from an old backup, is
//! sealed under a new passphrase and the clear seed replaced; until then it signs nothing.
//!
//! The key only signs exports. Nothing here is on the path of entering papers: a missing, refused
//! or damaged key is a message on the results page, never a stop at the table.
//!
//! The decisions are plain functions over a [`Slot`] (the stored text), tested natively; the
//! browser's slot is [`LocalSlot`].

use hallcount_core::export::{
    AnyKeyFile, KeyError, KeyFile, SealParams, SealRandom, SealedKey, Signer, NONCE_BYTES,
    SALT_BYTES,
};
use zeroize::Zeroizing;

/// Where the key lives in localStorage (the same name as the clear key of earlier versions,
/// so sealing it overwrites the clear seed).
pub const KEY_STORAGE: &str = "hallcount.signing_key";
/// Sent on the window when the stored key changes, so every view of it reloads.
pub const KEY_CHANGED_EVENT: &str = "hallcount-key-changed";

/// The stored key as found.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyState {
    /// Sealed: signs once its passphrase is given.
    Sealed(SealedKey),
    /// A clear `key@1` left by an earlier version: it must be sealed before it signs.
    Clear(KeyFile),
    Missing,
    /// Something is stored but it is not a usable key (the message says why).
    Damaged(String),
    /// Browser storage cannot be read (e.g. refused in a private window).
    Unavailable(String),
}

impl KeyState {
    /// The fingerprint of a key that is there, sealed or not.
    pub fn fingerprint(&self) -> Option<&str> {
        match self {
            KeyState::Sealed(key) => Some(&key.fingerprint),
            KeyState::Clear(key) => Some(&key.fingerprint),
            _ => None,
        }
    }
}

/// Why a key action did nothing. Whatever the reason, what was stored is unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyFailure {
    /// The core refused: wrong passphrase, empty passphrase, damaged or foreign file.
    Key(KeyError),
    /// The new passphrase and its repetition differ.
    PassphrasesDiffer,
    /// There is no sealed key to open (none, or still in clear).
    NoSealedKey,
    /// Storage or the random source refused (the browser's words).
    Browser(String),
}

impl From<KeyError> for KeyFailure {
    fn from(error: KeyError) -> KeyFailure {
        KeyFailure::Key(error)
    }
}

/// A passphrase as typed, zeroized when dropped; `again` is its repetition when a new one is
/// chosen (a typing mistake would lock the key away).
pub struct Passphrase {
    pub first: Zeroizing<String>,
    pub again: Option<Zeroizing<String>>,
}

impl Passphrase {
    /// The passphrase, once checked against its repetition if there is one.
    fn checked(&self) -> Result<&str, KeyFailure> {
        match &self.again {
            Some(again) if **again != *self.first => Err(KeyFailure::PassphrasesDiffer),
            _ if self.first.is_empty() => Err(KeyError::EmptyPassphrase.into()),
            _ => Ok(&self.first),
        }
    }
}

/// The stored text of the key: read and replaced whole.
pub trait Slot {
    fn read(&self) -> Result<Option<String>, String>;
    fn write(&self, text: &str) -> Result<(), String>;
}

/// What the caller draws from the platform's secure source: a fresh seed and sealing randomness.
pub trait Randomness {
    fn fill(&self, bytes: &mut [u8]) -> Result<(), String>;
}

pub fn state_in(slot: &impl Slot) -> KeyState {
    match slot.read() {
        Ok(None) => KeyState::Missing,
        Ok(Some(text)) => match AnyKeyFile::parse(&Zeroizing::new(text)) {
            Ok(AnyKeyFile::Sealed(key)) => KeyState::Sealed(key),
            Ok(AnyKeyFile::Clear(file, _)) => KeyState::Clear(file),
            Err(error) => KeyState::Damaged(error.to_string()),
        },
        Err(error) => KeyState::Unavailable(error),
    }
}

/// Makes a new key sealed under `passphrase` and stores it; the old one, if any, is replaced.
pub fn create_in(
    slot: &impl Slot,
    random: &impl Randomness,
    passphrase: &Passphrase,
    created: &str,
) -> Result<SealedKey, KeyFailure> {
    let passphrase = passphrase.checked()?;
    let mut seed = Zeroizing::new([0u8; 32]);
    random
        .fill(seed.as_mut_slice())
        .map_err(KeyFailure::Browser)?;
    if seed.iter().all(|&b| b == 0) {
        return Err(KeyFailure::Browser(
            "the random source returned only zeros".into(),
        ));
    }
    let sealed = SealedKey::seal(
        &seed,
        passphrase,
        SealParams::RECOMMENDED,
        &seal_random(random)?,
        "",
        created,
    )?;
    store(slot, &sealed)?;
    Ok(sealed)
}

/// Seals the clear `key@1` found in storage under a new passphrase, replacing the clear seed.
pub fn seal_stored_in(
    slot: &impl Slot,
    random: &impl Randomness,
    passphrase: &Passphrase,
) -> Result<SealedKey, KeyFailure> {
    let passphrase = passphrase.checked()?;
    let KeyState::Clear(clear) = state_in(slot) else {
        return Err(KeyFailure::NoSealedKey);
    };
    let sealed = SealedKey::seal_clear(
        &clear,
        passphrase,
        SealParams::RECOMMENDED,
        &seal_random(random)?,
    )?;
    store(slot, &sealed)?;
    Ok(sealed)
}

/// The stored sealed key and its signer, opened with `passphrase`. Nothing is written.
pub fn open_in(
    slot: &impl Slot,
    passphrase: &Passphrase,
) -> Result<(SealedKey, Signer), KeyFailure> {
    let KeyState::Sealed(key) = state_in(slot) else {
        return Err(KeyFailure::NoSealedKey);
    };
    let signer = key.open(passphrase.checked()?)?;
    Ok((key, signer))
}

/// Stores a key file chosen by the officer. A sealed one (`key@2`) is stored once it opens with
/// `passphrase`, so no key that nobody can open replaces a working one; a clear one (`key@1`)
/// is sealed under `passphrase` (a new one, typed twice) and only the sealed key is stored.
pub fn import_in(
    slot: &impl Slot,
    random: &impl Randomness,
    file: &AnyKeyFile,
    passphrase: &Passphrase,
) -> Result<SealedKey, KeyFailure> {
    let passphrase = passphrase.checked()?;
    let sealed = match file {
        AnyKeyFile::Sealed(key) => {
            key.open(passphrase)?;
            key.clone()
        }
        AnyKeyFile::Clear(clear, _) => SealedKey::seal_clear(
            clear,
            passphrase,
            SealParams::RECOMMENDED,
            &seal_random(random)?,
        )?,
    };
    store(slot, &sealed)?;
    Ok(sealed)
}

fn seal_random(random: &impl Randomness) -> Result<SealRandom, KeyFailure> {
    let mut salt = [0u8; SALT_BYTES];
    let mut nonce = [0u8; NONCE_BYTES];
    random.fill(&mut salt).map_err(KeyFailure::Browser)?;
    random.fill(&mut nonce).map_err(KeyFailure::Browser)?;
    Ok(SealRandom { salt, nonce })
}

fn store(slot: &impl Slot, key: &SealedKey) -> Result<(), KeyFailure> {
    slot.write(&key.to_json()).map_err(KeyFailure::Browser)
}

/// The backup file's name: `hallcount-key-<first group of the fingerprint>.json`.
pub fn backup_file_name(key: &SealedKey) -> String {
    let first_group = key.fingerprint.split(' ').next().unwrap_or("key");
    format!("hallcount-key-{first_group}.json")
}

/// The browser's slot: [`KEY_STORAGE`] in localStorage. A write tells every view of the key.
pub struct LocalSlot;

impl Slot for LocalSlot {
    fn read(&self) -> Result<Option<String>, String> {
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or("localStorage")?;
        storage.get_item(KEY_STORAGE).map_err(|e| format!("{e:?}"))
    }

    fn write(&self, text: &str) -> Result<(), String> {
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or("localStorage")?;
        storage
            .set_item(KEY_STORAGE, text)
            .map_err(|e| format!("{e:?}"))?;
        if let Ok(event) = web_sys::Event::new(KEY_CHANGED_EVENT) {
            let _ = gloo::utils::window().dispatch_event(&event);
        }
        Ok(())
    }
}

/// The browser's secure source, `crypto.getRandomValues`.
pub struct BrowserRandom;

impl Randomness for BrowserRandom {
    fn fill(&self, bytes: &mut [u8]) -> Result<(), String> {
        gloo::utils::window()
            .crypto()
            .map_err(|e| format!("{e:?}"))?
            .get_random_values_with_u8_array(bytes)
            .map(|_| ())
            .map_err(|e| format!("{e:?}"))
    }
}

pub fn load() -> KeyState {
    state_in(&LocalSlot)
}

pub fn create(passphrase: &Passphrase, created: &str) -> Result<SealedKey, KeyFailure> {
    create_in(&LocalSlot, &BrowserRandom, passphrase, created)
}

pub fn seal_stored(passphrase: &Passphrase) -> Result<SealedKey, KeyFailure> {
    seal_stored_in(&LocalSlot, &BrowserRandom, passphrase)
}

pub fn open(passphrase: &Passphrase) -> Result<(SealedKey, Signer), KeyFailure> {
    open_in(&LocalSlot, passphrase)
}

pub fn import(file: &AnyKeyFile, passphrase: &Passphrase) -> Result<SealedKey, KeyFailure> {
    import_in(&LocalSlot, &BrowserRandom, file, passphrase)
}

#[cfg(test)]
mod tests;
