//! The root component: language, navigation and the page of the current route.

use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

use crate::hooks::{MeetingProvider, WhenOpen};
use crate::i18n::{tr, Lang, Msg};
use crate::pages::{
    help_page, BoardPage, ChecksPage, EntryPage, PapersPage, ResultsPage, SetupPage, TownPage,
};
use crate::panels::meeting_alerts::MeetingAlerts;
use crate::panels::next_step::NextStep;
use crate::route::{use_route, Route};

const LANG_STORAGE_KEY: &str = "hallcount.lang";

/// The remembered choice, else the browser's preference.
fn initial_lang() -> Lang {
    if let Some(lang) = LocalStorage::get::<String>(LANG_STORAGE_KEY)
        .ok()
        .and_then(|t| Lang::from_tag(&t))
    {
        return lang;
    }
    let languages = gloo::utils::window().navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|tag| tag.as_string()).collect();
    Lang::negotiate(tags.iter().map(String::as_str))
}

/// `<html lang>` for screen readers and fonts, and the window's title in the same language.
fn set_document_lang(lang: Lang) {
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document.set_title(tr(lang, Msg::AppName));
}

#[component]
pub fn App() -> Html {
    let lang = use_state(initial_lang);
    let route = use_route();
    use_effect_with(*lang, |lang| set_document_lang(*lang));
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |chosen: Lang| {
            // Remembering is a convenience: a refused storage must not block the switch.
            let _ = LocalStorage::set(LANG_STORAGE_KEY, chosen.tag());
            lang.set(chosen);
            // On the entry page the keys go back to the paper, not to the language button.
            crate::components::paper_form::focus_key_surface();
        })
    };
    let page = match route {
        Route::Setup => html! { <SetupPage /> },
        Route::Papers => html! { <PapersPage /> },
        Route::Entry => html! { <EntryPage /> },
        Route::Board => html! { <BoardPage /> },
        Route::Checks => html! { <ChecksPage /> },
        Route::Results => html! { <ResultsPage /> },
        Route::Town => html! { <TownPage /> },
        Route::Help => help_page(*lang),
    };
    html! {
        <ContextProvider<Lang> context={*lang}>
          <MeetingProvider>
            <a class="skip-link" href="#main" onclick={Callback::from(skip_to_main)}>{ tr(*lang, Msg::SkipToContent) }</a>
            <header class="app-header">
                <h1>{ tr(*lang, Msg::AppName) }</h1>
                <nav>
                    for r in Route::NAV {
                        <a href={r.hash()} class={(r == route).then_some("current")}
                           aria-current={(r == route).then_some("page")}>
                            { tr(*lang, r.label()) }
                        </a>
                    }
                </nav>
                { lang_switch(*lang, &on_lang) }
            </header>
            // The header at once; the rest once the meeting is read (`WhenOpen`).
            <WhenOpen>
                <MeetingAlerts {route} />
            </WhenOpen>
            <main id="main" tabindex="-1">
                <WhenOpen>
                    // The board is for the projector and the town office has its own task: no banner there.
                    if !matches!(route, Route::Board | Route::Town | Route::Papers) {
                        <NextStep {route} />
                    }
                    { page }
                </WhenOpen>
            </main>
          </MeetingProvider>
        </ContextProvider<Lang>>
    }
}

/// The first Tab stop jumps over the header to the page. A plain `#main` link would change the
/// route (routes live in the hash), so the focus is moved by hand.
fn skip_to_main(event: MouseEvent) {
    event.prevent_default();
    let main = gloo::utils::document().get_element_by_id("main");
    if let Some(main) = main
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok())
    {
        let _ = main.focus();
    }
}

/// Three buttons, each labelled in its own language so anyone can find theirs.
fn lang_switch(current: Lang, on_change: &Callback<Lang>) -> Html {
    html! {
        <div class="lang-switch" role="group" aria-label={tr(current, Msg::LanguageLabel)}>
            for lang in Lang::ALL {
                <button type="button" lang={lang.tag()} aria-pressed={(lang == current).to_string()}
                    onclick={on_change.reform(move |_| lang)}>
                    { tr(lang, Msg::LanguageName) }
                </button>
            }
        </div>
    }
}
