//! What the officer must know about the record whatever the page: a log found broken on load,
//! storage refused (entry paused, papers kept in memory, download offered), another tab writing
//! this election, a lot read back that is not valid, the last refusal, and what became of the
//! last export saved (checked on the stick, or why not). And while a second entry is typed, any
//! page is the checks page, where it is typed.

use yew::prelude::*;

use crate::hooks::use_lang;
use crate::hooks::use_meeting;
use crate::i18n::{backup_words, describe, file_words, verify_words};
use crate::i18n::{tr, tr_args, Lang, Msg};
use crate::route::Route;
use crate::services::save::{SaveError, Saved, Unreadable};
use crate::state::{MeetingError, Saving};

#[derive(Properties, PartialEq)]
pub struct MeetingAlertsProps {
    pub route: Route,
}

#[component]
pub fn MeetingAlerts(props: &MeetingAlertsProps) -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    let state = meeting.state();
    // While a second entry is typed the app shows only it (on the checks page): the second clerk
    // is blind to the first entry and the board until done.
    let typing = state.second_entry.is_some();
    use_effect_with((typing, props.route), |&(typing, route)| {
        if typing && route != Route::Checks {
            let _ = gloo::utils::window()
                .location()
                .set_hash(Route::Checks.hash());
        }
    });
    let book = meeting.book();
    let n_unstored = book.unstored().len();
    let download = {
        let meeting = meeting.clone();
        Callback::from(move |_| {
            meeting.download_ballots();
        })
    };
    let retry = {
        let meeting = meeting.clone();
        Callback::from(move |_| meeting.retry_saving())
    };
    let go_on = {
        let meeting = meeting.clone();
        Callback::from(move |_| meeting.continue_in_memory())
    };
    let take_over = {
        let meeting = meeting.clone();
        Callback::from(move |_| meeting.take_over())
    };
    let dismiss = {
        let meeting = meeting.clone();
        Callback::from(move |_| meeting.dismiss_error())
    };
    // Storage failures have their own banner; the last refusal shows when it is something else.
    let other_error = state
        .last_error
        .as_ref()
        .filter(|e| !matches!(e, MeetingError::Storage { .. } | MeetingError::Paused));
    html! {
        <div class={if state.version > 0 { "meeting-alerts meeting-ready" } else { "meeting-alerts" }} aria-live="assertive"
            data-papers={meeting.n_papers().to_string()} data-stored={book.n_stored().to_string()}>
            if let Some(broken) = &state.chain_break {
                <div class="alert alert-danger chain-broken" role="alert">
                    { describe::chain_break(lang, broken) }
                </div>
            } else if let Some((from, count)) = book.set_aside() {
                <div class="alert alert-warning set-aside" role="status">
                    { tr_args(lang, Msg::AlertSetAside, &[("from", &from.to_string()), ("count", &count.to_string())]) }
                </div>
            }
            // Lots read back that were not valid (an older version accepted more): kept in the
            // record, counted nowhere, said.
            { for book.state().refused_lots.iter().map(|refused| html! {
                <div class="alert alert-warning refused-lot" role="status" data-seq={refused.seq.to_string()}>
                    { tr_args(lang, Msg::AlertRefusedLot, &[
                        ("seq", &refused.seq.to_string()),
                        ("why", &describe::log_error(lang, &refused.error)),
                    ]) }
                </div>
            }) }
            {
                match &state.saving {
                    Saving::Failed { message } => html! {
                        <div class="alert alert-danger storage-failed" role="alert">
                            <p>{ tr_args(lang, Msg::AlertStorageFailed, &[("message", message)]) }</p>
                            <p>{ tr_args(lang, Msg::AlertEntryPaused, &[("n", &n_unstored.to_string())]) }</p>
                            <button type="button" class="download-ballots" onclick={download.clone()}>{ tr(lang, Msg::DownloadBallots) }</button>
                            <button type="button" onclick={retry.clone()}>{ tr(lang, Msg::RetrySaving) }</button>
                            <button type="button" class="continue-in-memory" onclick={go_on}>{ tr(lang, Msg::ContinueInMemory) }</button>
                        </div>
                    },
                    Saving::InMemory { message } => html! {
                        <div class="alert alert-warning in-memory" role="alert">
                            <p>{ tr_args(lang, Msg::AlertInMemory, &[("n", &n_unstored.to_string()), ("message", message)]) }</p>
                            <button type="button" class="download-ballots" onclick={download.clone()}>{ tr(lang, Msg::DownloadBallots) }</button>
                            <button type="button" onclick={retry.clone()}>{ tr(lang, Msg::RetrySaving) }</button>
                        </div>
                    },
                    Saving::ReadOnly => html! {
                        <div class="alert alert-warning other-tab" role="alert">
                            <p>{ tr(lang, Msg::AlertOtherTab) }</p>
                            <button type="button" onclick={take_over}>{ tr(lang, Msg::TakeOver) }</button>
                        </div>
                    },
                    Saving::Stored => html! {},
                }
            }
            { save_view(lang, state.last_save.as_ref()) }
            if let Some(error) = other_error {
                <div class="alert alert-error last-error" role="alert">
                    <span>{ describe::meeting_error(lang, error) }</span>
                    <button type="button" onclick={dismiss}>{ tr(lang, Msg::Dismiss) }</button>
                </div>
            }
        </div>
    }
}

/// What became of the last export: checked on the disk, not saved (the dialog closed), or why
/// not. A download says nothing (the browser shows its own).
fn save_view(lang: Lang, saved: Option<&Result<Saved, SaveError>>) -> Html {
    match saved {
        Some(Ok(Saved::Checked { name })) => html! {
            <div class="alert save-checked" role="status">
                { tr_args(lang, Msg::SaveChecked, &[("file", name)]) }
            </div>
        },
        Some(Err(SaveError::Differs {
            name,
            written,
            read,
        })) => html! {
            <div class="alert alert-danger save-differs" role="alert">
                { tr_args(lang, Msg::SaveDiffers, &[("file", name), ("written", &written.to_string()), ("read", &read.to_string())]) }
            </div>
        },
        Some(Err(SaveError::Failed { name, message })) => html! {
            <div class="alert alert-danger save-failed" role="alert">
                { tr_args(lang, Msg::SaveFailed, &[("file", name), ("message", message)]) }
            </div>
        },
        Some(Err(SaveError::Unreadable { name, why })) => html! {
            <div class="alert alert-danger save-unreadable" role="alert">
                { tr_args(lang, Msg::SaveUnreadable, &[("file", name), ("why", &unreadable(lang, why))]) }
            </div>
        },
        // The officer closed the dialog: nothing was written, and the page says so.
        Some(Ok(Saved::Cancelled)) => html! {
            <div class="alert save-cancelled" role="status">{ tr(lang, Msg::SaveCancelled) }</div>
        },
        Some(Ok(Saved::Downloaded { .. })) | None => html! {},
    }
}

/// Why a file read back does not read as its kind, in the page's language.
fn unreadable(lang: Lang, why: &Unreadable) -> String {
    match why {
        Unreadable::File(refusal) => file_words::refusal(lang, refusal),
        Unreadable::Result(error) => verify_words::failure_detail(lang, error),
        Unreadable::Backup(error) => backup_words::backup_error(lang, error),
        Unreadable::NotText => tr(lang, Msg::SaveNotText).to_owned(),
    }
}
