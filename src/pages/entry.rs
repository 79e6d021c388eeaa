//! Entering the papers: the form for the next paper, the counters against the ballots issued,
//! the list of papers entered (void and re-enter), and an announcement of each paper entered.

use std::rc::Rc;

use hallcount_core::{CollectedLimit, Election, Paper, Tally};
use yew::prelude::*;

use crate::components::name::bdi;
use crate::components::paper_form::{focus_key_surface, PaperForm};
use crate::components::paper_list::{page_range, PaperList};
use crate::hooks::use_lang;
use crate::hooks::use_meeting;
use crate::i18n::{tr, tr_args, Lang, Msg};

/// R2: the number the papers collected must not exceed, and its name.
pub fn collected_limit(lang: Lang, election: &Election) -> (u32, &'static str) {
    match election.collected_limit {
        CollectedLimit::Issued => (election.ballots_issued, tr(lang, Msg::LimitIssued)),
        CollectedLimit::Present => (election.delegates.present, tr(lang, Msg::LimitPresent)),
    }
}

/// Per contest of `election`, the names written on the papers counted so far (from the core's
/// tally, which lists every written name, counted or not).
pub fn written_names(election: &Election, tally: Option<&Tally>) -> Vec<Rc<Vec<String>>> {
    election
        .contests
        .iter()
        .map(|contest| {
            let names = tally
                .and_then(|t| t.contests.iter().find(|c| c.id == contest.id))
                .map(|c| c.write_ins.iter().map(|w| w.name.clone()).collect())
                .unwrap_or_default();
            Rc::new(names)
        })
        .collect()
}

#[component]
pub fn EntryPage() -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    let page = use_state(|| 0_usize);
    let voiding = use_state(|| None::<u32>);
    // Whether this tab entered a paper since it opened: then the newest paper is announced.
    let entered_here = use_state(|| false);

    let Some(election) = meeting.election() else {
        return html! {
            <section class="page page-entry">
                <h2>{ tr(lang, Msg::NavEntry) }</h2>
                <p class="need-election"><a href="#/setup">{ tr(lang, Msg::NeedElection) }</a></p>
            </section>
        };
    };
    let n_papers = meeting.n_papers();
    let n_live = meeting.n_live_papers();
    let locked = meeting.results_locked();
    let paused = !meeting.can_enter();
    let rows = meeting.papers()[page_range(n_papers, *page)].to_vec();
    let known_names = Rc::new(written_names(&election, meeting.tally().as_deref()));
    let last_live = meeting
        .papers()
        .iter()
        .rev()
        .find(|p| p.is_live())
        .map(|p| p.number);

    let on_commit = {
        let meeting = meeting.clone();
        let entered_here = entered_here.clone();
        let page = page.clone();
        Callback::from(move |paper: Paper| {
            // The paper shows once stored; a refusal (storage, another tab) is kept in the state
            // and shown by the app.
            if meeting.enter_paper(paper).is_ok() && !*entered_here {
                entered_here.set(true);
            }
            if *page != 0 {
                page.set(0);
            }
        })
    };
    let on_void = {
        let meeting = meeting.clone();
        let voiding = voiding.clone();
        Callback::from(move |(number, reason): (u32, String)| {
            if meeting.void_paper(number, reason).is_ok() {
                voiding.set(None);
                focus_key_surface();
            }
        })
    };
    let on_voiding = {
        let voiding = voiding.clone();
        Callback::from(move |number: Option<u32>| {
            voiding.set(number);
            // A void cancelled gives the keyboard back to the paper.
            if number.is_none() {
                focus_key_surface();
            }
        })
    };
    let on_page = {
        let page = page.clone();
        Callback::from(move |p: usize| page.set(p))
    };
    let undo_last = {
        let voiding = voiding.clone();
        let page = page.clone();
        Callback::from(move |_| {
            page.set(0);
            voiding.set(last_live);
        })
    };

    html! {
        <section class="page page-entry">
            <h2>{ tr(lang, Msg::NavEntry) }</h2>
            <p class="entry-meeting">{ bdi(&election.title) }{ " · " }{ tr(lang, Msg::EntryIntro) }</p>
            { counters(lang, &election, n_live) }
            if locked {
                <p class="paused" role="status">{ tr(lang, Msg::EntryPausedLocked) }</p>
            }
            <p class="announce" aria-live="polite" role="status">
                if *entered_here && n_papers > 0 {
                    { tr_args(lang, Msg::PapersEntered, &[("n", &n_papers.to_string())]) }
                }
            </p>
            <div class="entry-columns">
                <PaperForm election={election.clone()} number={n_papers + 1} disabled={paused} known_names={known_names}
                    on_commit={on_commit} />
                <div class="entry-side">
                    if let Some(number) = last_live {
                        <button type="button" class="undo-last" onclick={undo_last} disabled={paused}>
                            { tr_args(lang, Msg::UndoLast, &[("n", &number.to_string())]) }
                        </button>
                    }
                    <PaperList election={election} rows={rows} total={n_papers} page={*page} on_page={on_page}
                        on_void={on_void} voiding={*voiding} on_voiding={on_voiding} disabled={paused} />
                </div>
            </div>
        </section>
    }
}

/// "12 entered of 25 ballots issued", and the R2 warnings; `entered` counts the live papers
/// (those collected and not voided).
fn counters(lang: Lang, election: &Election, entered: usize) -> Html {
    let (limit, limit_name) = collected_limit(lang, election);
    let args = [
        ("entered", entered.to_string()),
        ("limit", limit.to_string()),
        ("limit_name", limit_name.to_owned()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let limit = limit as usize;
    html! {
        <div class="counters">
            <p class={if entered > limit { "counter over" } else { "counter" }} data-entered={entered.to_string()}>
                { tr_args(lang, Msg::EntryCounter, &args) }
            </p>
            <progress max={limit.max(1).to_string()} value={entered.min(limit).to_string()} aria-hidden="true"></progress>
            if entered > limit {
                <p class="warning over-issued" role="alert">{ tr_args(lang, Msg::EntryOverIssued, &args) }</p>
            } else if entered == limit && limit > 0 {
                <p class="notice at-limit" role="status">{ tr_args(lang, Msg::EntryAtLimit, &args) }</p>
            }
        </div>
    }
}
