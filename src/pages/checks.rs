//! The two checks before anyone signs: double entry (start a second entry here, or import the
//! second laptop's ballots file; then every difference resolved from the paper) and the
//! blackboard (the scrutineers' totals typed in and set beside the count). While a second entry
//! is typed, the page is the second clerk's screen (`pages/second_entry.rs`) and nothing else.

use std::cell::RefCell;
use std::rc::Rc;

use hallcount_core::{BoardTally, Difference, FileKind, Paper};
use yew::prelude::*;

use crate::components::board_form::{board_form, BoardForm};
use crate::components::board_lines::board_to_edit;
use crate::components::difference_list::{difference_list, difference_rows, DifferenceList};
use crate::components::json_files::{JsonFiles, ReadError};
use crate::components::name::bdi;
use crate::hooks::{use_lang, use_meeting};
use crate::i18n::{file_words, tr, tr_args, Msg};
use crate::pages::second_entry::{second_entry_page, use_own_names};
use crate::services::file_reading;
use crate::state::SecondStep;

#[component]
pub fn ChecksPage() -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    let import_error = use_state(|| None::<String>);
    // The board being typed: the count's lines at the last recorded board's numbers, again
    // whenever either changes (a paper re-entered, a board recorded).
    let start = meeting.tally().map(|tally| {
        let reconciliations = meeting.reconciliations();
        board_to_edit(&tally, reconciliations.last().map(|r| &r.board))
    });
    let typed: Rc<RefCell<BoardTally>> = use_mut_ref(BoardTally::default);
    {
        let typed = typed.clone();
        use_effect_with(start.clone(), move |start| {
            *typed.borrow_mut() = start.clone().unwrap_or_default();
        });
    }

    let draft = meeting.second_entry_draft();
    let known_names = use_own_names(meeting.election(), draft.clone());

    let (Some(election), Some(tally)) = (meeting.election(), meeting.tally()) else {
        return html! {
            <section class="page page-checks">
                <h2>{ tr(lang, Msg::NavChecks) }</h2>
                <p class="need-election"><a href="#/setup">{ tr(lang, Msg::NeedElection) }</a></p>
            </section>
        };
    };
    // While a second entry is typed, nothing else (`MeetingAlerts` brings every route here).
    if let Some(papers) = &draft {
        return second_entry_page(lang, &meeting, &election, papers, known_names);
    }
    let can_write = meeting.can_enter();
    let double = meeting.double_entry();
    let reconciliations = meeting.reconciliations();
    let last_board = reconciliations.last().map(|r| &r.board);
    let on_start = {
        let meeting = meeting.clone();
        Callback::from(move |_: MouseEvent| meeting.second_step(SecondStep::Start))
    };
    let on_import = {
        let meeting = meeting.clone();
        let import_error = import_error.clone();
        Callback::from(move |(file, bytes): (String, Result<Vec<u8>, ReadError>)| {
            // The core's strict reader: an unknown format, version or field is refused.
            match file_reading::ballots(bytes) {
                Ok(papers) => {
                    import_error.set(None);
                    // A refusal (a paper that breaks the rules, too far apart) is shown by the app.
                    let _ = meeting.record_second_entry(papers);
                }
                Err(refusal) => import_error.set(Some(tr_args(
                    lang,
                    Msg::ImportRefused,
                    &[
                        ("file", &file),
                        ("message", &file_words::refusal(lang, &refusal)),
                    ],
                ))),
            }
        })
    };
    let on_resolve = {
        let meeting = meeting.clone();
        Callback::from(move |(difference, reading): (Difference, Option<Paper>)| {
            let _ = meeting.resolve_difference(difference, reading);
        })
    };
    let on_record_board = {
        let meeting = meeting.clone();
        Callback::from(move |board: BoardTally| {
            let _ = meeting.record_board(board);
        })
    };

    let double_entry = match &double {
        None => html! {
            <div class="second-entry-start">
                <button type="button" class="primary start-second-entry" onclick={on_start} disabled={!can_write}>
                    { tr(lang, Msg::SecondEntryStart) }
                </button>
                <JsonFiles label={Msg::SecondEntryImport} hint={Msg::DropHint}
                    max_bytes={FileKind::Ballots.max_bytes()} on_file={on_import} disabled={!can_write} />
                if let Some(message) = &*import_error {
                    <p class="warning" role="alert">{ bdi(message) }</p>
                }
            </div>
        },
        Some(double) => {
            let rows = difference_rows(double, &meeting.papers());
            let list = DifferenceList {
                election: &election,
                rows: &rows,
                on_resolve: &on_resolve,
                disabled: !can_write,
            };
            let unresolved = double.unresolved().count();
            let comparison = &double.comparison;
            html! {
                <div class="comparison" data-differences={comparison.differences.len().to_string()}
                    data-unresolved={unresolved.to_string()}>
                    <p class="compared">{ tr_args(lang, Msg::ComparedSummary, &[
                        ("first", &comparison.first.to_string()),
                        ("second", &comparison.second.to_string()),
                        ("n", &comparison.differences.len().to_string()),
                    ]) }</p>
                    { difference_list(lang, &list) }
                    if unresolved > 0 {
                        <p class="notice" role="status">{ tr_args(lang, Msg::DiffUnresolvedCount, &[("n", &unresolved.to_string())]) }</p>
                    }
                </div>
            }
        }
    };

    let start = start.unwrap_or_default();
    let board = BoardForm {
        election: &election,
        tally: &tally,
        start: &start,
        recorded: last_board,
        typed: &typed,
        on_record: &on_record_board,
        disabled: !can_write,
    };
    html! {
        <section class="page page-checks">
            <h2>{ tr(lang, Msg::NavChecks) }</h2>
            <section class="double-entry" aria-labelledby="double-entry-title">
                <h3 id="double-entry-title">{ tr(lang, Msg::DoubleEntryTitle) }</h3>
                { double_entry }
            </section>
            <section class="board-check" aria-labelledby="board-check-title">
                <h3 id="board-check-title">{ tr(lang, Msg::BoardTallyTitle) }</h3>
                { board_form(lang, &board) }
            </section>
        </section>
    }
}
