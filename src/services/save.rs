//! Saving an export straight onto the stick, checked (issue 14, point 8). Where the browser has
//! the File System Access API's `showSaveFilePicker` (Chromium), the officer picks the file on
//! the stick in a save dialog; the app writes it, reads it back from there and compares it byte
//! for byte with what it wrote, since cheap sticks lose or change bytes. Elsewhere (Firefox,
//! Safari) the file is offered as a download, as before.
//!
//! Whatever was written must also read back as a file of its kind, by the core's strict reader
//! (`check`): a signed result is verified whole (signature, layout, tally), so a file the town
//! office would refuse is caught while the officer still holds the laptop.
//!
//! The API is reached through `js_sys::Reflect`: `web-sys` has it only behind its unstable flag.

use hallcount_core::export::{verify_result, VerifyError};
use hallcount_core::{parse_backup, BackupError};
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::file_reading::{self, Refusal};
use super::files;

/// What a saved file is, so that what is read back is read as one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `hallcount/result@1`: verified whole.
    SignedResult,
    Ballots,
    Election,
    /// A sealed key's backup (`hallcount/key@2`).
    Key,
    Trusted,
    /// The meeting's backup (`hallcount/meeting@1`).
    Backup,
    /// The town's roll-up: UTF-8 text (the core has no CSV reader; nothing reads it back).
    Csv,
}

/// Why a file read back does not read as its kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Unreadable {
    File(Refusal),
    Result(VerifyError),
    Backup(BackupError),
    NotText,
}

/// Reads `bytes` as a file of `kind`, by the core's strict reader of that kind.
pub fn check(kind: Kind, bytes: &[u8]) -> Result<(), Unreadable> {
    let file = |read: Result<(), Refusal>| read.map_err(Unreadable::File);
    match kind {
        Kind::SignedResult => verify_result(bytes).map(drop).map_err(Unreadable::Result),
        Kind::Ballots => file(file_reading::ballots(Ok(bytes.to_vec())).map(drop)),
        Kind::Election => file(file_reading::election(Ok(bytes.to_vec())).map(drop)),
        Kind::Key => file(file_reading::key_file(Ok(bytes.to_vec())).map(drop)),
        Kind::Trusted => file(file_reading::trusted(bytes).map(drop)),
        Kind::Backup => parse_backup(bytes).map(drop).map_err(Unreadable::Backup),
        Kind::Csv => std::str::from_utf8(bytes)
            .map(drop)
            .map_err(|_| Unreadable::NotText),
    }
}

/// What became of a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    /// Written through the save dialog and read back: the same bytes.
    Checked { name: String },
    /// Offered as a download (no save dialog in this browser).
    Downloaded { name: String },
    /// The officer closed the save dialog: nothing written.
    Cancelled,
}

/// Why a save failed.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The file read back is not what was written (`written` and `read` bytes).
    Differs {
        name: String,
        written: usize,
        read: usize,
    },
    /// The same bytes, but they do not read as a file of their kind.
    Unreadable { name: String, why: Unreadable },
    /// The browser refused (a full or removed stick, no permission); its message.
    Failed { name: String, message: String },
}

fn picker() -> Option<Function> {
    let window = gloo::utils::window();
    Reflect::get(&window, &"showSaveFilePicker".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// Saves `text` as `name`: through the save dialog and checked as a `kind` where there is one,
/// else as a download.
pub async fn save(name: &str, mime: &str, kind: Kind, text: &str) -> Result<Saved, SaveError> {
    let download = || match files::download(name, mime, text) {
        Ok(()) => Ok(Saved::Downloaded {
            name: name.to_owned(),
        }),
        Err(message) => Err(SaveError::Failed {
            name: name.to_owned(),
            message,
        }),
    };
    let Some(picker) = picker() else {
        return download();
    };
    let opened = picker
        .call1(&gloo::utils::window(), &picker_options(name, mime))
        .and_then(JsCast::dyn_into::<Promise>);
    let picked = match opened {
        Ok(promise) => JsFuture::from(promise).await,
        Err(error) => Err(error),
    };
    let handle = match picked {
        Ok(handle) => handle,
        Err(error) if error_name(&error) == "AbortError" => return Ok(Saved::Cancelled),
        // No dialog after all (a page the browser will not let pick files, the click too long
        // ago): the download, as where there is none.
        Err(_) => return download(),
    };
    let picked = Reflect::get(&handle, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_else(|| name.to_owned());
    let failed = |error: JsValue| SaveError::Failed {
        name: picked.clone(),
        message: message_of(&error),
    };
    let writable = call_async(&handle, "createWritable", &[])
        .await
        .map_err(failed)?;
    call_async(&writable, "write", &[JsValue::from_str(text)])
        .await
        .map_err(failed)?;
    call_async(&writable, "close", &[]).await.map_err(failed)?;
    // Read back from where it was written, not from a cache of ours.
    let file = call_async(&handle, "getFile", &[]).await.map_err(failed)?;
    let buffer = call_async(&file, "arrayBuffer", &[])
        .await
        .map_err(failed)?;
    let read = Uint8Array::new(&buffer).to_vec();
    if !same_bytes(text, &read) {
        return Err(SaveError::Differs {
            name: picked,
            written: text.len(),
            read: read.len(),
        });
    }
    match check(kind, &read) {
        Ok(()) => Ok(Saved::Checked { name: picked }),
        Err(why) => Err(SaveError::Unreadable { name: picked, why }),
    }
}

/// Whether the bytes read back are exactly those of `written` (UTF-8, as the API writes text).
pub fn same_bytes(written: &str, read: &[u8]) -> bool {
    written.as_bytes() == read
}

/// The file type offered in the dialog, from the file name's extension.
fn extension(name: &str) -> &str {
    name.rsplit_once('.').map_or("", |(_, ext)| ext)
}

/// `{ suggestedName, types: [{ accept: { mime: [".ext"] } }] }`.
fn picker_options(name: &str, mime: &str) -> JsValue {
    let accept = Object::new();
    let extensions = Array::of1(&JsValue::from_str(&format!(".{}", extension(name))));
    let _ = Reflect::set(&accept, &mime.into(), &extensions);
    let kind = Object::new();
    let _ = Reflect::set(&kind, &"accept".into(), &accept);
    let options = Object::new();
    let _ = Reflect::set(&options, &"suggestedName".into(), &name.into());
    let _ = Reflect::set(&options, &"types".into(), &Array::of1(&kind));
    options.into()
}

/// Calls `target.method(...args)` and awaits the promise it returns.
async fn call_async(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    let args: Array = args.iter().collect();
    let promise: Promise = function.apply(target, &args)?.dyn_into()?;
    JsFuture::from(promise).await
}

fn error_name(error: &JsValue) -> String {
    Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default()
}

fn message_of(error: &JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_read_back_must_be_those_written() {
        let written = "{\"format\": \"hallcount/ballots@1\", \"title\": \"婦女代表大會\"}";
        assert!(same_bytes(written, written.as_bytes()));
        let mut lost = written.as_bytes().to_vec();
        lost.pop();
        assert!(!same_bytes(written, &lost), "a byte lost at the end");
        let mut flipped = written.as_bytes().to_vec();
        flipped[3] ^= 0x01;
        assert!(!same_bytes(written, &flipped), "a bit flipped");
    }

    /// Each kind as the app writes it, beside a file with one key given twice.
    fn written_files() -> Vec<(Kind, String)> {
        use hallcount_core::export::{
            AppInfo, KeyFile, ResultFile, ResultInput, ResultPayload, SealParams, SealRandom,
            SealedKey, Signer,
        };
        let at = "2026-11-30T03:00:00Z";
        let election = crate::sample::sample_congress();
        let papers = vec![hallcount_core::Paper::default(); 3];
        let log = hallcount_core::log_from_ballots(election.clone(), papers.clone(), at).unwrap();
        let input = ResultInput::from_replay(log.state(), AppInfo::this_build(), at).unwrap();
        let result = ResultFile::sign(ResultPayload::new(input), &Signer::from_seed(&[5; 32]));
        let params = SealParams {
            m_kib: 64,
            t: 1,
            p: 1,
        };
        let random = SealRandom {
            salt: [1; 16],
            nonce: [2; 24],
        };
        let clear = KeyFile::new(&[5; 32], "赤坑社區", at);
        let key = SealedKey::seal_clear(&clear, "p", params, &random).unwrap();
        let trusted = r#"{"format": "hallcount/trusted@1", "keys": []}"#;
        vec![
            (Kind::SignedResult, result.to_json()),
            (Kind::Ballots, files::ballots_json(papers)),
            (Kind::Election, files::election_json(&election)),
            (Kind::Key, key.to_json()),
            (Kind::Trusted, trusted.to_owned()),
            (
                Kind::Backup,
                hallcount_core::write_backup(at, Some("e1"), [("e1", &log)]),
            ),
        ]
    }

    #[test]
    fn a_file_read_back_must_read_as_its_kind() {
        for (kind, text) in written_files() {
            assert_eq!(check(kind, text.as_bytes()), Ok(()), "{kind:?} as written");
            let twice = text.replacen('{', "{\"format\": \"x\",", 1);
            assert!(
                check(kind, twice.as_bytes()).is_err(),
                "{kind:?}: a key twice"
            );
            let cut = &text.as_bytes()[..text.len() / 2];
            assert!(check(kind, cut).is_err(), "{kind:?}: cut in half");
            if kind != Kind::SignedResult {
                assert!(
                    check(Kind::SignedResult, text.as_bytes()).is_err(),
                    "{kind:?} is no signed result"
                );
            }
        }
        assert_eq!(check(Kind::Csv, "村,票\n第4村,462\n".as_bytes()), Ok(()));
        assert_eq!(check(Kind::Csv, b"\xb2\xe2"), Err(Unreadable::NotText));
    }

    #[test]
    fn a_signed_result_read_back_with_a_changed_tally_is_caught() {
        let (_, text) = written_files().remove(0);
        // The first blank count, one more: the bytes still read as JSON, the tally is wrong.
        let key = text.find("\"blank\":").expect("a blank count") + "\"blank\":".len();
        let digit = key + text[key..].find(|c: char| c.is_ascii_digit()).unwrap();
        let one_more = if &text[digit..=digit] == "9" {
            "8"
        } else {
            "9"
        };
        let changed = [&text[..digit], one_more, &text[digit + 1..]].concat();
        assert!(matches!(
            check(Kind::SignedResult, changed.as_bytes()),
            Err(Unreadable::Result(_))
        ));
    }

    #[test]
    fn the_dialog_offers_the_file_s_own_type() {
        assert_eq!(extension("2026-03-08-會議-ballots.json"), "json");
        assert_eq!(extension("roll-up.csv"), "csv");
        assert_eq!(extension("no-extension"), "");
    }
}
