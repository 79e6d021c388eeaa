use yew::prelude::*;

use crate::app::use_lang;
use crate::i18n::{tr, Key};

#[component]
pub fn EntryPage() -> Html {
    let lang = use_lang();
    html! {
        <section class="page page-entry">
            <h2>{ tr(lang, Key::NavEntry) }</h2>
            <p>{ tr(lang, Key::EntryIntro) }</p>
        </section>
    }
}
