use yew::prelude::*;

use crate::app::use_lang;
use crate::i18n::{tr, Key};

#[component]
pub fn SetupPage() -> Html {
    let lang = use_lang();
    html! {
        <section class="page page-setup">
            <h2>{ tr(lang, Key::NavSetup) }</h2>
            <p>{ tr(lang, Key::SetupIntro) }</p>
        </section>
    }
}
