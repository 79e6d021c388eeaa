//! The scrutineers' blackboard typed in: per contest valid, invalid and blank, per candidate for
//! and against, per written name its votes. It starts from the board recorded last (empty the
//! first time), so a corrected line is the only one to change.

use std::rc::Rc;

use hallcount_core::{BoardLine, BoardTally, Election, Tally};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::board_lines::{count_lines, line_key, line_label, office_of, set_line};
use crate::hooks::use_lang;
use crate::i18n::{tr, Msg};

#[derive(Properties, PartialEq)]
pub struct BoardFormProps {
    pub election: Rc<Election>,
    /// The count, for its lines (never its numbers).
    pub tally: Rc<Tally>,
    /// What the form starts from (`board_lines::board_to_edit`).
    pub start: Rc<BoardTally>,
    /// Whether a board was recorded before (the button then records a correction).
    pub again: bool,
    pub on_record: Callback<BoardTally>,
    pub disabled: bool,
}

#[component]
pub fn BoardForm(props: &BoardFormProps) -> Html {
    let lang = use_lang();
    let board = use_mut_ref(|| (*props.start).clone());
    {
        let board = board.clone();
        use_effect_with(props.start.clone(), move |start| {
            *board.borrow_mut() = (**start).clone();
        });
    }
    let lines = count_lines(&props.tally);
    let contests: Vec<&str> = props.tally.contests.iter().map(|c| c.id.as_str()).collect();
    let onsubmit = {
        let board = board.clone();
        let on_record = props.on_record.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_record.emit(board.borrow().clone());
        })
    };
    let field = |contest: &str, line: &BoardLine| {
        let board = board.clone();
        let (id, line_owned) = (contest.to_owned(), line.clone());
        let oninput = Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            // An empty or unreadable field is 0, as a line the board does not give.
            let votes = input.value().trim().parse::<u32>().unwrap_or(0);
            set_line(&mut board.borrow_mut(), &id, &line_owned, votes);
        });
        let value = props.start.value(contest, line);
        html! {
            <label class="board-field">
                <span>{ line_label(lang, &props.election, contest, line) }</span>
                <input type="number" min="0" step="1" inputmode="numeric" value={value.to_string()}
                    data-contest={contest.to_owned()} data-line={line_key(line)} {oninput}
                    disabled={props.disabled} />
            </label>
        }
    };
    html! {
        <form class="board-form" {onsubmit}>
            for contest in contests {
                <fieldset data-contest={contest.to_owned()}>
                    <legend>{ office_of(&props.election, contest) }</legend>
                    for (_, line) in lines.iter().filter(|(c, _)| c == contest) {
                        { field(contest, line) }
                    }
                </fieldset>
            }
            <button type="submit" class="primary record-board" disabled={props.disabled}>
                { tr(lang, if props.again { Msg::BoardRecordAgain } else { Msg::BoardRecord }) }
            </button>
        </form>
    }
}
