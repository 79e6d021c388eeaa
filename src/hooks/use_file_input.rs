//! A file picker that is also a drop zone: the handlers every file input of the app shares.

use web_sys::{DragEvent, FileList, HtmlInputElement};
use yew::prelude::*;

/// What a component spreads on its zone (`ondragover`, `ondragleave`, `ondrop`) and its
/// `<input type="file">` (`onchange`); `over` is true while files are dragged above the zone.
pub struct FileInput {
    pub over: bool,
    pub onchange: Callback<Event>,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

/// Files chosen or dropped go to `on_files`; dropped files are ignored while `disabled`.
#[hook]
pub fn use_file_input(on_files: Callback<FileList>, disabled: bool) -> FileInput {
    let over = use_state(|| false);
    let onchange = {
        let on_files = on_files.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(files) = input.files() {
                on_files.emit(files);
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
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            over.set(false);
            if disabled {
                return;
            }
            if let Some(files) = event.data_transfer().and_then(|t| t.files()) {
                on_files.emit(files);
            }
        })
    };
    FileInput {
        over: *over,
        onchange,
        ondragover,
        ondragleave,
        ondrop,
    }
}
