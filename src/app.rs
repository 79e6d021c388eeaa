//! The root component: language, navigation and the page of the current route.

use yew::prelude::*;

use crate::i18n::{tr, Key, Lang};
use crate::pages::{EntryPage, ResultsPage, SetupPage};
use crate::route::{use_route, Route};

#[component]
pub fn App() -> Html {
    let lang = use_state(|| Lang::En);
    let route = use_route();
    let page = match route {
        Route::Setup => html! { <SetupPage /> },
        Route::Entry => html! { <EntryPage /> },
        Route::Results => html! { <ResultsPage /> },
    };
    html! {
        <ContextProvider<Lang> context={*lang}>
            <header class="app-header">
                <h1>{ tr(*lang, Key::AppName) }</h1>
                <nav>
                    for r in Route::NAV {
                        <a href={r.hash()} class={classes!((r == route).then_some("current"))}
                           aria-current={(r == route).then_some("page")}>
                            { tr(*lang, r.label()) }
                        </a>
                    }
                </nav>
            </header>
            <main id="main">{ page }</main>
        </ContextProvider<Lang>>
    }
}

/// The language of the nearest provider.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or(Lang::En)
}
