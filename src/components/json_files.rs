//! JSON files from a picker or a drop (one, or many where the zone takes many; several dropped
//! on a zone of one are refused, none read): each file's bytes go to `on_file`, never
//! through the browser's text decoding (which turns a GBK file into mojibake without a word):
//! the caller reads them with the core's strict reader. A file over `max_bytes` is refused
//! before it is read, so a wrong 50 MB file costs nothing. What the bytes mean (a definition,
//! ballots, a result, a trusted list, a key, a backup) is the caller's business.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use hallcount_core::export::VerifyError;
use web_sys::FileList;
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::hooks::{use_file_input, FileInput};
use crate::i18n::{tr, tr_args, Msg};

/// Why a file's bytes were not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge { bytes: usize, limit: usize },
    Unreadable(String),
}

/// A result file that could not be read fails verification the same way.
impl From<ReadError> for VerifyError {
    fn from(error: ReadError) -> VerifyError {
        match error {
            ReadError::TooLarge { bytes, limit } => VerifyError::TooLarge { bytes, limit },
            ReadError::Unreadable(detail) => VerifyError::Unreadable(detail),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        VerifyError::from(self.clone()).fmt(f)
    }
}

/// A file's name and its bytes, or why they were not read.
pub type OnFile = Callback<(String, Result<Vec<u8>, ReadError>)>;

/// Reads `file` and gives its bytes to `on_file`; a file over `limit` is refused at once,
/// unread. The reader returned must live until it calls back.
fn read_file(file: web_sys::File, limit: usize, on_file: &OnFile) -> Option<FileReader> {
    let name = file.name();
    let size = file.size() as usize;
    if size > limit {
        on_file.emit((name, Err(ReadError::TooLarge { bytes: size, limit })));
        return None;
    }
    let on_file = on_file.clone();
    let reader =
        gloo::file::callbacks::read_as_bytes(&gloo::file::File::from(file), move |bytes| {
            let bytes = bytes.map_err(|e| ReadError::Unreadable(e.to_string()));
            on_file.emit((name, bytes));
        });
    Some(reader)
}

#[derive(Properties, PartialEq)]
pub struct JsonFilesProps {
    pub label: Msg,
    pub hint: Msg,
    /// Whether several files may be chosen at once. Without it, a drop of several files is
    /// refused whole, with a word in the zone: which one was meant is not guessed.
    #[prop_or_default]
    pub multiple: bool,
    /// The largest file read.
    pub max_bytes: usize,
    pub on_file: OnFile,
    /// Nothing chosen or dropped is read.
    #[prop_or_default]
    pub disabled: bool,
}

#[component]
pub fn JsonFiles(props: &JsonFilesProps) -> Html {
    let lang = use_lang();
    // Readers must live until they call back; they are dropped with the component.
    let readers: Rc<RefCell<Vec<FileReader>>> = use_mut_ref(Vec::new);
    // How many files the last drop refused: several, where one was asked for.
    let refused = use_state(|| None::<u32>);
    let read = {
        let on_file = props.on_file.clone();
        let limit = props.max_bytes;
        let multiple = props.multiple;
        let refused = refused.clone();
        Callback::from(move |files: FileList| {
            if !multiple && files.length() > 1 {
                refused.set(Some(files.length()));
                return;
            }
            refused.set(None);
            for index in 0..files.length() {
                let Some(file) = files.get(index) else {
                    continue;
                };
                readers
                    .borrow_mut()
                    .extend(read_file(file, limit, &on_file));
            }
        })
    };
    let FileInput {
        over,
        onchange,
        ondragover,
        ondragleave,
        ondrop,
    } = use_file_input(read, props.disabled);
    html! {
        <div class={match (props.multiple, over) {
            (false, false) => "file-drop",
            (false, true) => "file-drop over",
            (true, false) => "file-drop town-files",
            (true, true) => "file-drop town-files over",
        }}
             {ondragover} {ondragleave} {ondrop}>
            <label>
                <span>{ tr(lang, props.label) }</span>
                <input type="file" multiple={props.multiple} accept=".json,application/json" {onchange}
                    disabled={props.disabled} />
            </label>
            <p class="file-drop-hint">{ tr(lang, props.hint) }</p>
            if let Some(count) = *refused {
                <p class="file-drop-refused" role="alert">
                    { tr_args(lang, Msg::DropOneFile, &[("n", &count.to_string())]) }
                </p>
            }
        </div>
    }
}
