//! The signing key in browser storage: made on first use from the browser's secure random
//! source (`crypto.getRandomValues`), backed up and restored as a `hallcount/key@1` file.
//!
//! The key only signs exports. Nothing here is on the path of entering papers: a missing, refused
//! or damaged key is a message on the results page, never a stop at the table.

use gloo::storage::{LocalStorage, Storage};
use hallcount_core::export::{KeyError, KeyFile, Signer};

const KEY_STORAGE: &str = "hallcount.signing_key";
/// Sent on the window when the stored key changes, so every view of it reloads.
pub const KEY_CHANGED_EVENT: &str = "hallcount-key-changed";

/// The stored key as found.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyState {
    Ready(KeyFile),
    Missing,
    /// Something is stored but it is not a usable key (the message says why).
    Damaged(String),
    /// Browser storage cannot be read (e.g. refused in a private window).
    Unavailable(String),
}

pub fn load() -> KeyState {
    let storage = match web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        Some(storage) => storage,
        None => return KeyState::Unavailable("localStorage".into()),
    };
    match storage.get_item(KEY_STORAGE) {
        Ok(None) => KeyState::Missing,
        Ok(Some(text)) => match KeyFile::parse(&text) {
            Ok((file, _)) => KeyState::Ready(file),
            Err(error) => KeyState::Damaged(error.to_string()),
        },
        Err(error) => KeyState::Unavailable(format!("{error:?}")),
    }
}

/// The signer of a key read back from storage (checked again: it may have changed).
pub fn signer() -> Option<(KeyFile, Signer)> {
    let text = LocalStorage::raw().get_item(KEY_STORAGE).ok().flatten()?;
    KeyFile::parse(&text).ok()
}

/// Makes and stores a new key; the old one, if any, is replaced.
pub fn create(label: &str, created: &str) -> Result<KeyFile, String> {
    let file = KeyFile::new(&random_seed()?, label, created);
    store(&file)?;
    Ok(file)
}

/// Stores a key read from a backup or issued by the town, after checking it.
pub fn restore(text: &str) -> Result<KeyFile, KeyError> {
    let (file, _) = KeyFile::parse(text)?;
    store(&file).map_err(KeyError::Damaged)?;
    Ok(file)
}

fn store(file: &KeyFile) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(KEY_STORAGE, &file.to_json())
        .map_err(|e| format!("{e:?}"))?;
    announce_change();
    Ok(())
}

fn announce_change() {
    if let Ok(event) = web_sys::Event::new(KEY_CHANGED_EVENT) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

/// 32 bytes from `crypto.getRandomValues`, the browser's secure source.
fn random_seed() -> Result<[u8; 32], String> {
    let crypto = gloo::utils::window()
        .crypto()
        .map_err(|e| format!("{e:?}"))?;
    let mut seed = [0u8; 32];
    crypto
        .get_random_values_with_u8_array(&mut seed)
        .map_err(|e| format!("{e:?}"))?;
    if seed.iter().all(|&b| b == 0) {
        return Err("the random source returned only zeros".into());
    }
    Ok(seed)
}

/// The backup file's name: `hallcount-key-<first group of the fingerprint>.json`.
pub fn backup_file_name(file: &KeyFile) -> String {
    let first_group = file.fingerprint.split(' ').next().unwrap_or("key");
    format!("hallcount-key-{first_group}.json")
}
