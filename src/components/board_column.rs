//! One contest on the projector: big names, tally marks and the number. Counts only: who is
//! elected is for the results page, after the scrutineers agree the count.

use std::rc::Rc;

use hallcount_core::{ContestTally, Election};
use yew::prelude::*;

use super::tally_marks::TallyMarks;
use crate::app::use_lang;
use crate::i18n::{tr, tr_args, Key};

#[derive(Properties, PartialEq)]
pub struct BoardColumnProps {
    pub election: Rc<Election>,
    /// The running counts of this contest (its `id` names the contest).
    pub counts: ContestTally,
}

#[component]
pub fn BoardColumn(props: &BoardColumnProps) -> Html {
    let lang = use_lang();
    let Some(contest) = props.election.contests.iter().find(|c| c.id == props.counts.id) else {
        return Html::default();
    };
    let counts = &props.counts;
    let votes = |id: &str| counts.candidates.iter().find(|c| c.id == id).map_or(0, |c| c.votes_for);
    html! {
        <section class="board-column" aria-label={contest.office.clone()}>
            <h2>
                { &contest.office }
                <span class="seats">{ tr_args(lang, Key::SeatsCount, &[("n", &contest.seats.to_string())]) }</span>
            </h2>
            <ol class="board-names">
                for candidate in &contest.candidates {
                    { board_line(&candidate.name, votes(&candidate.id), false) }
                }
                for write_in in &counts.write_ins {
                    { board_line(&write_in.name, write_in.votes, true) }
                }
            </ol>
            <p class="board-papers">
                { tr_args(lang, Key::BoardContestSummary, &[
                    ("valid", &counts.valid.to_string()),
                    ("invalid", &counts.invalid.to_string()),
                    ("blank", &counts.blank.to_string()),
                ]) }
            </p>
            if counts.write_ins.is_empty() && contest.write_ins.allowed {
                <p class="board-note">{ tr(lang, Key::BoardNoWriteIns) }</p>
            }
        </section>
    }
}

fn board_line(name: &str, votes: u32, written: bool) -> Html {
    html! {
        <li class={classes!("board-line", written.then_some("written"))}>
            <span class="board-name">{ name.to_owned() }</span>
            <TallyMarks count={votes} />
            <span class="board-count">{ votes }</span>
        </li>
    }
}
