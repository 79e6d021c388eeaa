//! Choose a file or drop it here: its text goes to `on_text` (the page parses it).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::FileList;
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::hooks::{use_file_input, FileInput};
use crate::i18n::{tr, Msg};
use crate::services::files::read_text;

#[derive(Properties, PartialEq)]
pub struct FileDropProps {
    pub label: Msg,
    /// The file's name and its text, or why it could not be read.
    pub on_text: Callback<(String, Result<String, String>)>,
    #[prop_or_default]
    pub disabled: bool,
}

#[component]
pub fn FileDrop(props: &FileDropProps) -> Html {
    let lang = use_lang();
    // The reader must live until it calls back.
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let read_first = {
        let on_text = props.on_text.clone();
        Callback::from(move |files: FileList| {
            let Some(file) = files.get(0) else { return };
            let name = file.name();
            let on_text = on_text.clone();
            let started = read_text(file, move |text| on_text.emit((name, text)));
            *reader.borrow_mut() = Some(started);
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
