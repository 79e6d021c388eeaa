//! Choose a file or drop it here: its text goes to `on_text` (the page parses it).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::app::use_lang;
use crate::i18n::{tr, Key};
use crate::services::files::read_text;

#[derive(Properties, PartialEq)]
pub struct FileDropProps {
    pub label: Key,
    /// The file's name and its text, or why it could not be read.
    pub on_text: Callback<(String, Result<String, String>)>,
    #[prop_or_default]
    pub disabled: bool,
}

#[component]
pub fn FileDrop(props: &FileDropProps) -> Html {
    let lang = use_lang();
    let over = use_state(|| false);
    // The reader must live until it calls back.
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let read = {
        let on_text = props.on_text.clone();
        move |file: web_sys::File| {
            let name = file.name();
            let on_text = on_text.clone();
            let started = read_text(file, move |text| on_text.emit((name, text)));
            *reader.borrow_mut() = Some(started);
        }
    };
    let onchange = {
        let read = read.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read(file);
            }
            // The same file chosen again must still be read.
            input.set_value("");
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let over = over.clone();
        let disabled = props.disabled;
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            over.set(false);
            if disabled {
                return;
            }
            let file = event.data_transfer().and_then(|t| t.files()).and_then(|files| files.get(0));
            if let Some(file) = file {
                read(file);
            }
        })
    };
    html! {
        <div class={classes!("file-drop", over.then_some("over"))} {ondragover} {ondragleave} {ondrop}>
            <label>
                <span>{ tr(lang, props.label) }</span>
                <input type="file" accept=".json,application/json" {onchange} disabled={props.disabled} />
            </label>
            <p class="file-drop-hint">{ tr(lang, Key::DropHint) }</p>
        </div>
    }
}
