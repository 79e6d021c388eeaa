//! The second clerk's entry on this laptop: the same entry form, blind to the first entry and
//! the board (the checks page shows it and nothing else while it is open, every route leads
//! there, and the navigation is hidden: `styles/checks.css`). The papers are kept beside the log
//! until the clerk is done, then recorded at once and compared with the first entry.

use std::rc::Rc;

use hallcount_core::{tally, Election, Paper};
use yew::prelude::*;

use crate::components::paper_form::{focus_key_surface, PaperForm};
use crate::hooks::MeetingHandle;
use crate::i18n::{tr, tr_args, Lang, Msg};
use crate::pages::entry::written_names;
use crate::route::Route;
use crate::state::SecondStep;

/// Per contest, the names the second clerk wrote (never the first entry's): a hook, because the
/// page is a function (see below) and hooks live in the component that calls it.
#[hook]
pub fn use_own_names(
    election: Option<Rc<Election>>,
    papers: Option<Rc<Vec<Paper>>>,
) -> Rc<Vec<Rc<Vec<String>>>> {
    use_memo((election, papers), |(election, papers)| {
        match (election, papers) {
            (Some(election), Some(papers)) => {
                written_names(election, Some(&tally(election, papers)))
            }
            _ => Vec::new(),
        }
    })
}

/// The second entry's screen (a function, not a component: each component costs the wasm its
/// own copy of Yew's lifecycle, and the page has a size budget).
pub fn second_entry_page(
    lang: Lang,
    meeting: &MeetingHandle,
    election: &Rc<Election>,
    papers: &Rc<Vec<Paper>>,
    known_names: Rc<Vec<Rc<Vec<String>>>>,
) -> Html {
    let n_typed = papers.len();
    let paused = !meeting.can_enter();
    let step = |step: SecondStep| {
        let meeting = meeting.clone();
        Callback::from(move |_: MouseEvent| {
            meeting.second_step(step.clone());
            focus_key_surface();
        })
    };
    let on_commit = {
        let meeting = meeting.clone();
        Callback::from(move |paper: Paper| meeting.second_step(SecondStep::Typed(paper)))
    };
    let on_finish = {
        let (meeting, papers) = (meeting.clone(), papers.clone());
        Callback::from(move |_: MouseEvent| {
            // A refusal is kept in the state and shown by the app; the papers stay typed.
            if meeting.record_second_entry((*papers).clone()).is_ok() {
                let _ = gloo::utils::window()
                    .location()
                    .set_hash(Route::Checks.hash());
            }
        })
    };

    html! {
        <section class="page page-entry page-second-entry">
            <h2>{ tr(lang, Msg::SecondEntryTitle) }</h2>
            <p class="entry-meeting">{ &election.title }{ " · " }{ tr(lang, Msg::SecondEntryHint) }</p>
            <div class="counters">
                <p class="counter second-counter" data-typed={n_typed.to_string()}>
                    { tr_args(lang, Msg::SecondEntryCount, &[("n", &n_typed.to_string())]) }
                </p>
            </div>
            <div class="entry-columns">
                <PaperForm election={election.clone()} number={n_typed + 1} disabled={paused}
                    {known_names} {on_commit} />
                <div class="entry-side second-entry-actions">
                    <button type="button" class="second-undo" onclick={step(SecondStep::Undo)}
                        disabled={n_typed == 0}>
                        { tr(lang, Msg::SecondEntryUndo) }
                    </button>
                    <button type="button" class="primary second-finish" onclick={on_finish}
                        disabled={paused}>
                        { tr(lang, Msg::SecondEntryFinish) }
                    </button>
                    <button type="button" class="second-cancel" onclick={step(SecondStep::Close)}>
                        { tr(lang, Msg::SecondEntryCancel) }
                    </button>
                </div>
            </div>
        </section>
    }
}
