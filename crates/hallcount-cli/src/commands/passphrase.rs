//! The passphrase that seals a signing key (`hallcount/key@2`): typed at the terminal without
//! echo, or read from `--passphrase-file FILE` for scripts (its first line). Held zeroized.

use std::path::Path;

use hallcount_core::export::{AnyKeyFile, KeyError, Signer};
use hallcount_core::FileKind;
use zeroize::Zeroizing;

use super::inputs::read_text;
use super::{say, shown, CliError};

/// The option both `keygen` and `sign` take.
pub const PASSPHRASE_FILE: &str = "passphrase-file";

/// Whether a new passphrase is asked twice (a typing mistake would lock the key away).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    Once,
    Twice,
}

/// The passphrase from `file`, or from the terminal.
pub fn passphrase(file: Option<&Path>, ask: Ask) -> Result<Zeroizing<String>, CliError> {
    let passphrase = match file {
        Some(path) => from_file(path)?,
        None => from_terminal(ask)?,
    };
    if passphrase.is_empty() {
        return Err(CliError::input(KeyError::EmptyPassphrase));
    }
    Ok(passphrase)
}

fn from_file(path: &Path) -> Result<Zeroizing<String>, CliError> {
    let text = Zeroizing::new(read_text(path, FileKind::Key)?);
    let line = text.split(['\n', '\r']).next().unwrap_or_default();
    Ok(Zeroizing::new(line.to_string()))
}

fn from_terminal(ask: Ask) -> Result<Zeroizing<String>, CliError> {
    let prompt = |text: &str| {
        rpassword::prompt_password(text)
            .map(Zeroizing::new)
            .map_err(|e| {
                CliError::usage(format!(
                "the passphrase cannot be asked at a terminal ({e}): give --passphrase-file FILE"
            ))
            })
    };
    let first = prompt("passphrase: ")?;
    if ask == Ask::Twice && *prompt("the same passphrase again: ")? != *first {
        return Err(CliError::input(
            "the two passphrases differ; nothing was written",
        ));
    }
    Ok(first)
}

/// The signer of a key file of either version: a sealed one (`key@2`) opened with its
/// passphrase; a clear one (`key@1`) taken with a warning on stderr
/// (`say::warn`, which a full or closed stderr cannot turn into a panic).
pub fn signer_of(key_path: &Path, passphrase_file: Option<&Path>) -> Result<Signer, CliError> {
    let text = Zeroizing::new(read_text(key_path, FileKind::Key)?);
    match AnyKeyFile::parse(&text).map_err(|e| CliError::in_file(key_path, e))? {
        AnyKeyFile::Clear(_, signer) => {
            say::warn(&format!(
                "{} is a hallcount/key@1 file, its seed in clear: seal it with \
                 `hallcount keygen --from {} -o NEW_KEY` and keep only the sealed file",
                shown(key_path),
                shown(key_path)
            ));
            Ok(signer)
        }
        AnyKeyFile::Sealed(sealed) => {
            let passphrase = passphrase(passphrase_file, Ask::Once)?;
            sealed
                .open(&passphrase)
                .map_err(|e| CliError::in_file(key_path, e))
        }
    }
}
