//! Choose a file or drop it here: its bytes go to `on_file`, and the page reads them with the
//! core's strict reader (never the browser's text decoding, which turns a GBK file into
//! mojibake without a word). A file over `max_bytes` is refused before it is read.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::FileList;
use yew::prelude::*;

use super::json_files::{read_file, OnFile};
use crate::hooks::use_lang;
use crate::hooks::{use_file_input, FileInput};
use crate::i18n::{tr, Msg};

#[derive(Properties, PartialEq)]
pub struct FileDropProps {
    pub label: Msg,
    /// The largest file read.
    pub max_bytes: usize,
    pub on_file: OnFile,
    #[prop_or_default]
    pub disabled: bool,
}

#[component]
pub fn FileDrop(props: &FileDropProps) -> Html {
    let lang = use_lang();
    // The reader must live until it calls back.
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let read_first = {
        let on_file = props.on_file.clone();
        let limit = props.max_bytes;
        Callback::from(move |files: FileList| {
            let Some(file) = files.get(0) else { return };
            if let Some(started) = read_file(file, limit, &on_file) {
                *reader.borrow_mut() = Some(started);
            }
        })
    };
    let FileInput {
        over,
        onchange,
        ondragover,
        ondragleave,
        ondrop,
    } = use_file_input(read_first, props.disabled);
    html! {
        <div class={classes!("file-drop", over.then_some("over"))} {ondragover} {ondragleave} {ondrop}>
            <label>
                <span>{ tr(lang, props.label) }</span>
                <input type="file" accept=".json,application/json" {onchange} disabled={props.disabled} />
            </label>
            <p class="file-drop-hint">{ tr(lang, Msg::DropHint) }</p>
        </div>
    }
}
