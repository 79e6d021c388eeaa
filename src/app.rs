//! The root component: language, navigation and the page of the current route.

use gloo::storage::{LocalStorage, Storage};
use yew::prelude::*;

use crate::hooks::{use_meeting, MeetingProvider};
use crate::i18n::{tr, Lang, Msg};
use crate::pages::second_entry::{second_entry_page, use_own_names};
use crate::pages::{
    BoardPage, ChecksPage, EntryPage, HelpPage, PapersPage, ResultsPage, SetupPage, TownPage,
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
    html! {
        <ContextProvider<Lang> context={*lang}>
          <MeetingProvider>
            <a class="skip-link" href="#main" onclick={Callback::from(skip_to_main)}>{ tr(*lang, Msg::SkipToContent) }</a>
            <Shell {route} lang={*lang} {on_lang} />
          </MeetingProvider>
        </ContextProvider<Lang>>
    }
}

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub route: Route,
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
}

/// The header, the alerts and the page of the route under its next step. While a second entry
/// is typed, only it and no links: the second clerk sees neither the first entry nor the board.
#[component]
fn Shell(props: &ShellProps) -> Html {
    let meeting = use_meeting();
    let (route, lang) = (props.route, props.lang);
    let draft = meeting.second_entry_draft();
    let known_names = use_own_names(meeting.election(), draft.clone());
    let second_entry = draft.zip(meeting.election());
    let page = match (&second_entry, route) {
        (Some((papers, election)), _) => {
            second_entry_page(lang, &meeting, election, papers, known_names)
        }
        (None, Route::Setup) => html! { <SetupPage /> },
        (None, Route::Papers) => html! { <PapersPage /> },
        (None, Route::Entry) => html! { <EntryPage /> },
        (None, Route::Board) => html! { <BoardPage /> },
        (None, Route::Checks) => html! { <ChecksPage /> },
        (None, Route::Results) => html! { <ResultsPage /> },
        (None, Route::Town) => html! { <TownPage /> },
        (None, Route::Help) => html! { <HelpPage /> },
    };
    // The board is for the projector and the town office has its own task: no banner there.
    let next_step =
        second_entry.is_none() && !matches!(route, Route::Board | Route::Town | Route::Papers);
    html! {
        <>
            <header class="app-header">
                <h1>{ tr(lang, Msg::AppName) }</h1>
                if second_entry.is_none() {
                    <nav>
                        for r in Route::NAV {
                            <a href={r.hash()} class={classes!((r == route).then_some("current"))}
                               aria-current={(r == route).then_some("page")}>
                                { tr(lang, r.label()) }
                            </a>
                        }
                    </nav>
                }
                <LangSwitch current={lang} on_change={props.on_lang.clone()} />
            </header>
            <MeetingAlerts />
            <main id="main" tabindex="-1">
                if next_step {
                    <NextStep {route} />
                }
                { page }
            </main>
        </>
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

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub current: Lang,
    pub on_change: Callback<Lang>,
}

/// Three buttons, each labelled in its own language so anyone can find theirs.
#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    html! {
        <div class="lang-switch" role="group" aria-label={tr(props.current, Msg::LanguageLabel)}>
            for lang in Lang::ALL {
                <button type="button" lang={lang.tag()} aria-pressed={(lang == props.current).to_string()}
                    onclick={props.on_change.reform(move |_| lang)}>
                    { tr(lang, Msg::LanguageName) }
                </button>
            }
        </div>
    }
}
