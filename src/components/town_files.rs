//! Files from a picker or a drop (one or many), for the town office and the signing key. Each
//! file's bytes go to `on_file`; a file over the size limit is refused before it is read, so a
//! wrong 50 MB file costs nothing.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use hallcount_core::export::{VerifyError, MAX_RESULT_FILE_BYTES};
use web_sys::FileList;
use yew::prelude::*;

use crate::app::use_lang;
use crate::hooks::{use_file_input, FileInput};
use crate::i18n::{tr, Key};

#[derive(Properties, PartialEq)]
pub struct TownFilesProps {
    pub label: Key,
    pub hint: Key,
    /// Whether several files may be chosen at once.
    #[prop_or_default]
    pub multiple: bool,
    /// A file's name and its bytes, or why they were not read.
    pub on_file: Callback<(String, Result<Vec<u8>, VerifyError>)>,
}

#[component]
pub fn TownFiles(props: &TownFilesProps) -> Html {
    let lang = use_lang();
    // Readers must live until they call back; they are dropped with the component.
    let readers: Rc<RefCell<Vec<FileReader>>> = use_mut_ref(Vec::new);
    let read_all = {
        let on_file = props.on_file.clone();
        Callback::from(move |files: FileList| {
            for index in 0..files.length() {
                let Some(file) = files.get(index) else {
                    continue;
                };
                let name = file.name();
                let size = file.size() as usize;
                if size > MAX_RESULT_FILE_BYTES {
                    on_file.emit((
                        name,
                        Err(VerifyError::TooLarge {
                            bytes: size,
                            limit: MAX_RESULT_FILE_BYTES,
                        }),
                    ));
                    continue;
                }
                let on_file = on_file.clone();
                let reader = gloo::file::callbacks::read_as_bytes(
                    &gloo::file::File::from(file),
                    move |bytes| {
                        let bytes = bytes.map_err(|e| VerifyError::Unreadable(e.to_string()));
                        on_file.emit((name, bytes));
                    },
                );
                readers.borrow_mut().push(reader);
            }
        })
    };
    let FileInput {
        over,
        onchange,
        ondragover,
        ondragleave,
        ondrop,
    } = use_file_input(read_all, false);
    html! {
        <div class={classes!("file-drop", props.multiple.then_some("town-files"), over.then_some("over"))}
             {ondragover} {ondragleave} {ondrop}>
            <label>
                <span>{ tr(lang, props.label) }</span>
                <input type="file" multiple={props.multiple} accept=".json,application/json" {onchange} />
            </label>
            <p class="file-drop-hint">{ tr(lang, props.hint) }</p>
        </div>
    }
}
