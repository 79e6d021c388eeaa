//! The live board for the projector: each contest's names with their count growing as the
//! papers are entered, in type large enough for the back of the hall. Counts only.

use yew::prelude::*;

use crate::components::board_column::BoardColumn;
use crate::hooks::use_lang;
use crate::hooks::use_meeting;
use crate::i18n::{tr, tr_args, Msg};

fn enter_full_screen() {
    if let Some(root) = gloo::utils::document().document_element() {
        // Refused outside a user gesture or by policy: the board works in a window too.
        let _ = root.request_fullscreen();
    }
}

#[component]
pub fn BoardPage() -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    let (Some(election), Some(tally)) = (meeting.election(), meeting.tally()) else {
        return html! {
            <section class="page page-board">
                <h2>{ tr(lang, Msg::NavBoard) }</h2>
                <p class="need-election"><a href="#/setup">{ tr(lang, Msg::NeedElection) }</a></p>
            </section>
        };
    };
    let counted = meeting.n_live_papers().to_string();
    html! {
        <section class="page page-board">
            <header class="board-header">
                <h2>{ &election.title }</h2>
                <p class="board-counted" data-counted={counted.clone()}>
                    { tr_args(lang, Msg::BoardPapersCounted, &[("n", &counted)]) }
                </p>
                <button type="button" class="full-screen" onclick={Callback::from(|_| enter_full_screen())}>
                    { tr(lang, Msg::FullScreen) }
                </button>
            </header>
            <div class="board-columns">
                for counts in &tally.contests {
                    <BoardColumn election={election.clone()} counts={counts.clone()} />
                }
            </div>
        </section>
    }
}
