//! The scrutineers' blackboard typed in, line by line: per contest valid, invalid and blank, per
//! candidate for and against, per written name its votes. Once a board is recorded, each line
//! shows the count beside it and the lines that differ stand out; the form keeps the board
//! recorded last, so a corrected line is the only one to change.
//!
//! A function over state the page holds, not a component: each component costs the wasm its own
//! copy of Yew's lifecycle, and the page has a size budget.

use std::cell::RefCell;
use std::rc::Rc;

use hallcount_core::reconcile::count_value;
use hallcount_core::{BoardLine, BoardTally, Election, Tally};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::board_lines::{count_lines, line_key, line_label, office_of, set_line};
use crate::i18n::{tr, tr_args, Lang, Msg};

pub struct BoardForm<'a> {
    pub election: &'a Election,
    /// The count: its lines, and its numbers beside a recorded board (never before).
    pub tally: &'a Tally,
    /// What the fields show: the board recorded last, on the count's lines (`board_to_edit`).
    pub start: &'a BoardTally,
    /// The board recorded last, if any.
    pub recorded: Option<&'a BoardTally>,
    /// The board being typed: `start`, then what is typed (set back to `start` when it changes).
    pub typed: &'a Rc<RefCell<BoardTally>>,
    pub on_record: &'a Callback<BoardTally>,
    pub disabled: bool,
}

pub fn board_form(lang: Lang, form: &BoardForm<'_>) -> Html {
    let onsubmit = {
        let (typed, on_record) = (form.typed.clone(), form.on_record.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_record.emit(typed.borrow().clone());
        })
    };
    let n_differ = form
        .recorded
        .map(|board| hallcount_core::reconcile(form.tally, board).len());
    let verdict = match n_differ {
        None => html! {},
        Some(n) => html! {
            <p class={if n == 0 { "board-verdict agrees" } else { "board-verdict differs" }}
                role="status" data-differences={n.to_string()}>
                if n == 0 {
                    { tr(lang, Msg::BoardAgrees) }
                } else {
                    { tr_args(lang, Msg::BoardDiffers, &[("n", &n.to_string())]) }
                }
            </p>
        },
    };
    let lines = count_lines(form.tally);
    html! {
        <form class="board-form" {onsubmit}>
            { verdict }
            <table>
                <thead><tr>
                    <th scope="col">{ tr(lang, Msg::ColLine) }</th>
                    <th scope="col" class="num">{ tr(lang, Msg::ColBoard) }</th>
                    if form.recorded.is_some() {
                        <th scope="col" class="num">{ tr(lang, Msg::ColCount) }</th>
                    }
                </tr></thead>
                <tbody>
                    for (contest, line) in &lines {
                        { board_row(lang, form, contest, line) }
                    }
                </tbody>
            </table>
            <button type="submit" class="primary record-board" disabled={form.disabled}>
                { tr(lang, Msg::BoardRecord) }
            </button>
        </form>
    }
}

fn board_row(lang: Lang, form: &BoardForm<'_>, contest: &str, line: &BoardLine) -> Html {
    let oninput = {
        let (typed, id, line) = (form.typed.clone(), contest.to_owned(), line.clone());
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            // An empty or unreadable field is 0, as a line the board does not give.
            let votes = input.value().trim().parse::<u32>().unwrap_or(0);
            set_line(&mut typed.borrow_mut(), &id, &line, votes);
        })
    };
    let label = format!(
        "{} · {}",
        office_of(form.election, contest),
        line_label(lang, form.election, contest, line)
    );
    let beside = form.recorded.map(|board| {
        (
            board.value(contest, line),
            count_value(form.tally, contest, line),
        )
    });
    let counted = beside.map(|(_, counted)| counted);
    html! {
        <tr class={beside.is_some_and(|(b, c)| b != c).then_some("differs")}
            data-contest={contest.to_owned()} data-line={line_key(line)}>
            <th scope="row">{ label.clone() }</th>
            <td class="num">
                <input type="number" min="0" step="1" inputmode="numeric" aria-label={label}
                    value={form.start.value(contest, line).to_string()}
                    data-contest={contest.to_owned()} data-line={line_key(line)} {oninput}
                    disabled={form.disabled} />
            </td>
            if let Some(counted) = counted {
                <td class="num count-value">{ counted }</td>
            }
        </tr>
    }
}
