//! The second clerk's entry on this laptop: the same entry form, blind to the first entry and
//! the board (the app shows nothing else while it is open). The papers are kept beside the log
//! until the clerk is done, then recorded at once and compared with the first entry.

use std::rc::Rc;

use hallcount_core::{tally, Election, Paper};
use yew::prelude::*;

use crate::components::paper_form::{focus_key_surface, PaperForm};
use crate::hooks::{use_lang, use_meeting};
use crate::i18n::{tr, tr_args, Msg};
use crate::pages::entry::written_names;
use crate::route::Route;
use crate::state::SecondStep;

#[derive(Properties, PartialEq)]
pub struct SecondEntryPageProps {
    pub election: Rc<Election>,
    pub papers: Rc<Vec<Paper>>,
}

#[component]
pub fn SecondEntryPage(props: &SecondEntryPageProps) -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    let election = props.election.clone();
    let n_typed = props.papers.len();
    // Names suggested are those the second clerk wrote, never the first entry's.
    let known_names = use_memo(
        (election.clone(), props.papers.clone()),
        |(election, papers)| {
            let own = tally(election, papers);
            written_names(election, Some(&own))
        },
    );
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
        let meeting = meeting.clone();
        let papers = props.papers.clone();
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
                    known_names={known_names.clone()} on_commit={on_commit} />
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
