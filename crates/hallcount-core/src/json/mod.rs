//! The one strict JSON reader every file of hallcount goes through (election, ballots, result,
//! key, trusted keys): UTF-8 text (`text`), no key twice and objects only (`strict`), and an
//! error that names the JSON path, line and column ([`LoadError`]).

mod pretty;
mod reason;
mod strict;
mod text;

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::{LoadError, LoadErrorKind};

pub use pretty::{reindent, to_string_pretty};
pub use reason::{reason, Reason};
pub use strict::Strict;
pub use text::decode;

/// Reads `bytes` as a `T`, strictly.
pub fn from_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, LoadError> {
    from_text(decode(bytes)?)
}

/// Reads `text` as a `T`, strictly.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, LoadError> {
    read::<T>(text)
}

/// Reads `text` as a `T`, strictly, with the path of the error: one pass, in the CLI as in
/// the app (the path is gathered only when there is an error, see `strict.rs`).
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, LoadError> {
    tracked::<T>(text)
}

/// Whether `text` is one strict JSON value of the shape of `T`, without saying where it is not.
pub fn fast<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Strict(&mut deserializer))?;
    deserializer.end()?;
    Ok(value)
}

/// Reads `text` as a `T` in one pass, naming the JSON path of the error it may find.
pub fn tracked<T: DeserializeOwned>(text: &str) -> Result<T, LoadError> {
    strict::clear_error_path();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    match T::deserialize(Strict(&mut deserializer)) {
        Err(error) => Err(json_error(strict::take_error_path(), error)),
        Ok(value) => match deserializer.end() {
            Err(trailing) => Err(json_error(String::new(), trailing)),
            Ok(()) => Ok(value),
        },
    }
}

fn json_error(path: String, inner: serde_json::Error) -> LoadError {
    let (line, column) = (inner.line(), inner.column());
    let suffix = format!(" at line {line} column {column}");
    // serde_json says column 0 for the start of a line; people count from 1.
    let column = if line > 0 { column.max(1) } else { column };
    let kind = match inner.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            LoadErrorKind::Syntax
        }
        _ => LoadErrorKind::Shape,
    };
    let full = inner.to_string();
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    LoadError {
        kind,
        path,
        line,
        column,
        message,
    }
}

/// Only the `format` field of a file (any other key ignored, but none twice): read when the
/// full read fails, to tell "this is not the right kind of file" before "field X is wrong".
#[derive(Deserialize)]
pub struct FormatProbe {
    pub format: Option<serde_json::Value>,
}

#[cfg(test)]
mod tests;
