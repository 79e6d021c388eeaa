use yew::prelude::*;

use crate::app::use_lang;
use crate::i18n::{tr, Key};

#[component]
pub fn ResultsPage() -> Html {
    let lang = use_lang();
    html! {
        <section class="page page-results">
            <h2>{ tr(lang, Key::NavResults) }</h2>
            <p>{ tr(lang, Key::ResultsIntro) }</p>
        </section>
    }
}
