//! Routing by the URL hash: a file opened from a USB stick has no server to answer deep links.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::i18n::Msg;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Setup,
    /// The ballot papers to print, from the definition.
    Papers,
    Entry,
    /// The live board for the projector.
    Board,
    /// The two checks before signing: double entry and the blackboard.
    Checks,
    Results,
    /// The town office: verify and sum the villages' signed results.
    Town,
    /// The steps of a meeting and the settings in plain words.
    Help,
}

impl Route {
    pub const NAV: [Route; 8] = [
        Route::Setup,
        Route::Papers,
        Route::Entry,
        Route::Board,
        Route::Checks,
        Route::Results,
        Route::Town,
        Route::Help,
    ];

    pub fn from_hash(hash: &str) -> Route {
        match hash.trim_start_matches('#').trim_start_matches('/') {
            "papers" => Route::Papers,
            "entry" => Route::Entry,
            "board" => Route::Board,
            "checks" => Route::Checks,
            "results" => Route::Results,
            "town" => Route::Town,
            "help" => Route::Help,
            _ => Route::Setup,
        }
    }

    pub fn hash(self) -> &'static str {
        match self {
            Route::Setup => "#/setup",
            Route::Papers => "#/papers",
            Route::Entry => "#/entry",
            Route::Board => "#/board",
            Route::Checks => "#/checks",
            Route::Results => "#/results",
            Route::Town => "#/town",
            Route::Help => "#/help",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Route::Setup => Msg::NavSetup,
            Route::Papers => Msg::NavPapers,
            Route::Entry => Msg::NavEntry,
            Route::Board => Msg::NavBoard,
            Route::Checks => Msg::NavChecks,
            Route::Results => Msg::NavResults,
            Route::Town => Msg::NavTown,
            Route::Help => Msg::NavHelp,
        }
    }
}

fn current_route() -> Route {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    Route::from_hash(&hash)
}

/// The route of the current hash, re-rendering on every `hashchange`.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(current_route);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                route.set(current_route());
            });
            move || drop(listener)
        });
    }
    *route
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_round_trip() {
        for route in Route::NAV {
            assert_eq!(Route::from_hash(route.hash()), route);
        }
        assert_eq!(Route::from_hash(""), Route::Setup);
        assert_eq!(Route::from_hash("#/nowhere"), Route::Setup);
    }
}
