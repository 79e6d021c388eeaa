//! The results as the core counts them from the log, the lock, the next round for open seats,
//! and the result sheet to print and sign.

use std::rc::Rc;

use hallcount_core::export::{DoubleEntryRecord, HandTallyRecord};
use hallcount_core::propose_next_round;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::checks_warning::{checks_warning, CheckWarning};
use crate::components::result_sheet::ResultSheet;
use crate::components::results_table::{results_table, Counted};
use crate::components::sheet_checks::sheet_checks;
use crate::hooks::use_lang;
use crate::hooks::use_meeting;
use crate::i18n::{tr, tr_args, Msg};
use crate::panels::signed_export::{use_sheet_seal, SignedExport};
use crate::route::Route;

fn print_page() {
    // Nothing to do if printing is refused: the sheet stays on screen.
    let _ = gloo::utils::window().print();
}

#[component]
pub fn ResultsPage() -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    let unlocking = use_state(|| false);
    let reason_ref = use_node_ref();
    let seal = use_sheet_seal();

    let (Some(election), Some(tally)) = (meeting.election(), meeting.tally()) else {
        return html! {
            <section class="page page-results">
                <h2>{ tr(lang, Msg::NavResults) }</h2>
                <p class="need-election"><a href="#/setup">{ tr(lang, Msg::NeedElection) }</a></p>
            </section>
        };
    };
    let locked = meeting.results_locked();
    let lots = Rc::new(meeting.book().state().lots.clone());
    // R7: the officer records a lot drawn in the hall; not once the results are locked.
    let on_record_lot = (!locked).then(|| {
        let meeting = meeting.clone();
        Callback::from(move |(contest, winners): (String, Vec<String>)| {
            // A refusal is kept in the state and shown by the app.
            let _ = meeting.record_lot(contest, winners);
        })
    });
    let next_round = propose_next_round(&election, &tally);
    // What the sheet says of the checks: the same records as the signed file carries.
    let double_entry = DoubleEntryRecord::from_replay(meeting.book().state());
    let reconciliations = meeting.reconciliations();
    let hand_tally = HandTallyRecord::new(&reconciliations, &tally);
    let checks = sheet_checks(lang, &election, double_entry.as_ref(), hand_tally.as_ref());
    let warnings = if locked {
        Vec::new()
    } else {
        CheckWarning::all(meeting.double_entry().as_ref(), &reconciliations, &tally)
    };

    let on_lock = {
        let meeting = meeting.clone();
        Callback::from(move |_| {
            // A refusal is kept in the state and shown by the app.
            let _ = meeting.lock_results();
        })
    };
    let on_unlock_open = {
        let unlocking = unlocking.clone();
        Callback::from(move |_| unlocking.set(true))
    };
    let on_unlock = {
        let meeting = meeting.clone();
        let unlocking = unlocking.clone();
        let reason_ref = reason_ref.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(field) = reason_ref.cast::<HtmlInputElement>() else {
                return;
            };
            let reason = field.value().trim().to_owned();
            if !reason.is_empty() && meeting.unlock_results(reason).is_ok() {
                unlocking.set(false);
            }
        })
    };
    let on_next_round = {
        let meeting = meeting.clone();
        let next_round = next_round.clone();
        Callback::from(move |_| {
            if let Some(next) = next_round.clone() {
                if meeting.start_election(next).is_ok() {
                    let _ = gloo::utils::window()
                        .location()
                        .set_hash(Route::Entry.hash());
                }
            }
        })
    };

    // What becomes of the file (checked on the stick, or why not) shows above every page.
    let on_download = |ballots: bool| {
        let meeting = meeting.clone();
        Callback::from(move |_| {
            if ballots {
                meeting.download_ballots()
            } else {
                meeting.download_election()
            }
        })
    };

    let counted = Counted {
        election,
        tally,
        lots,
    };
    html! {
        <section class="page page-results">
            <div class="screen-only">
                <h2>{ tr(lang, Msg::NavResults) }</h2>
                <p class="intro">{ tr(lang, Msg::ResultsIntro) }</p>
                { results_table(lang, &counted, on_record_lot.as_ref()) }
                { checks_warning(lang, &warnings) }
                <div class="results-actions">
                    if locked {
                        <p class="locked-note" role="status">{ tr(lang, Msg::LockedNote) }</p>
                        if *unlocking {
                            <form class="unlock-form" onsubmit={on_unlock}>
                                <label>
                                    <span>{ tr(lang, Msg::UnlockReasonLabel) }</span>
                                    <input type="text" ref={reason_ref} required=true />
                                </label>
                                <button type="submit">{ tr(lang, Msg::UnlockConfirm) }</button>
                            </form>
                        } else {
                            <button type="button" onclick={on_unlock_open}>{ tr(lang, Msg::UnlockResults) }</button>
                        }
                    } else {
                        <button type="button" class="primary lock-results" onclick={on_lock}>{ tr(lang, Msg::LockResults) }</button>
                    }
                    <button type="button" class="print-sheet" onclick={Callback::from(|_| print_page())}>
                        { tr(lang, Msg::PrintSheet) }
                    </button>
                </div>
                <div class="export">
                    <h3>{ tr(lang, Msg::ExportTitle) }</h3>
                    <button type="button" class="download-ballots" onclick={on_download(true)}>{ tr(lang, Msg::DownloadBallots) }</button>
                    <button type="button" class="download-election" onclick={on_download(false)}>{ tr(lang, Msg::DownloadElection) }</button>
                </div>
                <SignedExport />
                if let Some(next) = &next_round {
                    <div class="next-round">
                        <p>{ tr(lang, Msg::NextRoundHint) }</p>
                        <button type="button" class="next-round-action" onclick={on_next_round}>
                            { tr_args(lang, Msg::NextRoundAction, &[("n", &next.round.to_string())]) }
                        </button>
                    </div>
                }
                <h2 class="sheet-preview-title">{ tr(lang, Msg::SheetPreviewTitle) }</h2>
            </div>
            <ResultSheet {counted} checks={checks} {seal} />
        </section>
    }
}
