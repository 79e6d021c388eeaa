//! Saving an export straight onto the stick, checked (issue 14, point 8). Where the browser has
//! the File System Access API's `showSaveFilePicker` (Chromium), the officer picks the file on
//! the stick in a save dialog; the app writes it, reads it back from there and compares it byte
//! for byte with what it wrote, since cheap sticks lose or change bytes. Elsewhere (Firefox,
//! Safari) the file is offered as a download, as before.
//!
//! The API is reached through `js_sys::Reflect`: `web-sys` has it only behind its unstable flag.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::files;

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The file read back is not what was written (`written` and `read` bytes).
    Differs {
        name: String,
        written: usize,
        read: usize,
    },
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

/// Saves `text` as `name`: through the save dialog and checked where there is one, else as a
/// download.
pub async fn save(name: &str, mime: &str, text: &str) -> Result<Saved, SaveError> {
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
    if same_bytes(text, &read) {
        Ok(Saved::Checked { name: picked })
    } else {
        Err(SaveError::Differs {
            name: picked,
            written: text.len(),
            read: read.len(),
        })
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

    #[test]
    fn the_dialog_offers_the_file_s_own_type() {
        assert_eq!(extension("2026-03-08-會議-ballots.json"), "json");
        assert_eq!(extension("roll-up.csv"), "csv");
        assert_eq!(extension("no-extension"), "");
    }
}
