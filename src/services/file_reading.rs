//! Every file the app reads (the definition, a key, a trusted list; the town's signed results go
//! through `verify_result`) is read from its bytes by the core's one strict reader, as the CLI
//! reads it: a GBK, UTF-16 or BOM-mangled file, a key given twice, an array for an object or an
//! oversized file is refused, never guessed at (issue 10). The refusal is kept as data and worded
//! in the page's language when shown (`describe::refusal`), details included.

use hallcount_core::export::trusted::TrustedFile;
use hallcount_core::export::{
    AnyKeyFile, KeyError, KeyFile, SealedKey, TrustedError, TrustedKeys, SEALED_KEY_FORMAT,
};
use hallcount_core::{json, parse_ballots, parse_election, Election, LoadError, Paper};

use crate::components::json_files::ReadError;

/// Why a file was not taken.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// Not read at all: too large, or the browser could not read it.
    Read(ReadError),
    /// Read, but not a file of its kind: where and why, from the strict reader.
    Load(LoadError),
    /// A key file that reads as JSON but is not a usable key.
    Key(KeyError),
    /// A trusted keys list that reads as JSON but cannot be used.
    Trusted(TrustedError),
}

/// The bytes as text, only if they are one strict JSON value: UTF-8 (a leading BOM skipped),
/// no key twice, nothing after the value.
pub fn strict_text(bytes: &[u8]) -> Result<&str, Refusal> {
    let text = json::decode(bytes).map_err(Refusal::Load)?;
    json::from_text::<serde_json::Value>(text).map_err(Refusal::Load)?;
    Ok(text)
}

/// A definition (`hallcount/election@1`) from a chosen or dropped file.
pub fn election(bytes: Result<Vec<u8>, ReadError>) -> Result<Election, Refusal> {
    let bytes = bytes.map_err(Refusal::Read)?;
    parse_election(&bytes).map_err(Refusal::Load)
}

/// The papers of a ballots file (`hallcount/ballots@1`): the second laptop's entry.
pub fn ballots(bytes: Result<Vec<u8>, ReadError>) -> Result<Vec<Paper>, Refusal> {
    let bytes = bytes.map_err(Refusal::Read)?;
    parse_ballots(&bytes)
        .map(|file| file.ballots)
        .map_err(Refusal::Load)
}

/// A key file from a chosen or dropped file, read: sealed (`hallcount/key@2`) or the clear
/// `hallcount/key@1` of earlier versions, which the caller seals before storing it.
pub fn key_file(bytes: Result<Vec<u8>, ReadError>) -> Result<AnyKeyFile, Refusal> {
    let bytes = bytes.map_err(Refusal::Read)?;
    let text = strict_text(&bytes)?;
    match AnyKeyFile::parse(text) {
        Ok(file) => Ok(file),
        // The shape is wrong: the strict reader of the file's kind says where, in words the page
        // can translate.
        Err(KeyError::Damaged(detail)) => {
            let strict = if text.contains(SEALED_KEY_FORMAT) {
                json::from_text::<SealedKey>(text).err()
            } else {
                json::from_text::<KeyFile>(text).err()
            };
            Err(strict.map_or(Refusal::Key(KeyError::Damaged(detail)), Refusal::Load))
        }
        Err(error) => Err(Refusal::Key(error)),
    }
}

/// A trusted keys list (`hallcount/trusted@1`): the keys checked and its entries as listed.
pub fn trusted(bytes: &[u8]) -> Result<(TrustedKeys, TrustedFile), Refusal> {
    let text = strict_text(bytes)?;
    let keys = TrustedKeys::parse(text).map_err(|error| match error {
        TrustedError::Damaged(detail) => match json::from_text::<TrustedFile>(text) {
            Err(error) => Refusal::Load(error),
            Ok(_) => Refusal::Trusted(TrustedError::Damaged(detail)),
        },
        error => Refusal::Trusted(error),
    })?;
    let file = json::from_text::<TrustedFile>(text).map_err(Refusal::Load)?;
    Ok((keys, file))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_bytes() -> Vec<u8> {
        crate::services::files::election_json(&crate::sample::sample_congress()).into_bytes()
    }

    /// `測試村` written in GBK: the bytes of issue 10's mojibake.
    const GBK_TITLE: &[u8] = b"\xb2\xe2\xca\xd4\xb4\xe5";

    #[test]
    fn the_sample_definition_reads() {
        assert!(election(Ok(sample_bytes())).is_ok());
        let mut with_bom = b"\xef\xbb\xbf".to_vec();
        with_bom.extend(sample_bytes());
        assert!(election(Ok(with_bom)).is_ok(), "a leading BOM is read past");
    }

    #[test]
    fn a_gbk_definition_is_refused_with_its_byte_not_read_as_mojibake() {
        let text = String::from_utf8(sample_bytes()).unwrap();
        let title = crate::sample::sample_congress().title;
        let at = text.find(&title).unwrap();
        let mut bytes = text.as_bytes()[..at].to_vec();
        bytes.extend(GBK_TITLE);
        bytes.extend(&text.as_bytes()[at + title.len()..]);
        match election(Ok(bytes)) {
            Err(Refusal::Load(error)) => assert!(
                matches!(error.reason(), json::Reason::NotUtf8 { offset, .. } if offset == at.to_string()),
                "{error}"
            ),
            other => panic!("not refused as not UTF-8: {other:?}"),
        }
    }

    #[test]
    fn a_key_twice_an_array_or_a_mangled_bom_is_refused() {
        let text = String::from_utf8(sample_bytes()).unwrap();
        let twice = text.replacen("{", "{\"round\": 1, \"round\": 2,", 1);
        let mangled = format!("\u{feff}\u{feff}{text}");
        for (what, bytes) in [
            ("key twice", twice.into_bytes()),
            ("array", b"[]".to_vec()),
            ("BOM twice", mangled.into_bytes()),
            ("UTF-16", b"\xff\xfe{\0}\0".to_vec()),
        ] {
            assert!(
                matches!(election(Ok(bytes)), Err(Refusal::Load(_))),
                "{what}"
            );
        }
        let too_large = Err(ReadError::TooLarge {
            bytes: 20_000_000,
            limit: 16 * 1024 * 1024,
        });
        assert!(matches!(election(too_large), Err(Refusal::Read(_))));
    }

    #[test]
    fn key_and_trusted_files_go_through_the_strict_reader() {
        use hallcount_core::export::{SealParams, SealRandom};
        let clear = KeyFile::new(&[7; 32], "赤坑社區", "2026-01-01T00:00:00Z");
        let random = SealRandom {
            salt: [1; 16],
            nonce: [2; 24],
        };
        let params = SealParams {
            m_kib: 64,
            t: 1,
            p: 1,
        };
        let sealed = SealedKey::seal_clear(&clear, "p", params, &random).unwrap();
        let key = clear.to_json();
        assert!(matches!(
            key_file(Ok(key.clone().into_bytes())),
            Ok(AnyKeyFile::Clear(file, _)) if file == clear
        ));
        assert!(matches!(
            key_file(Ok(sealed.to_json().into_bytes())),
            Ok(AnyKeyFile::Sealed(file)) if file == sealed
        ));
        for text in [key, sealed.to_json()] {
            let twice = text.replacen("{", "{\"label\": \"x\",", 1);
            assert!(matches!(
                key_file(Ok(twice.into_bytes())),
                Err(Refusal::Load(error)) if matches!(error.reason(), json::Reason::DuplicateKey { key: "label" })
            ));
        }
        let gbk = [b"{\"format\": \"".as_slice(), GBK_TITLE, b"\"}"].concat();
        assert!(matches!(key_file(Ok(gbk.clone())), Err(Refusal::Load(_))));
        assert!(matches!(trusted(&gbk), Err(Refusal::Load(_))));
        let list = r#"{"format": "hallcount/trusted@1", "keys": [], "keys": []}"#;
        assert!(matches!(trusted(list.as_bytes()), Err(Refusal::Load(_))));
        let fine = r#"{"format": "hallcount/trusted@1", "keys": []}"#;
        assert!(trusted(fine.as_bytes()).is_ok());
    }
}
