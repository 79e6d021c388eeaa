//! "Back up this meeting" and "Restore": where the meeting is kept (Firefox keeps each
//! `file://` page apart), one file with every election and its whole log, and that file read
//! back on another laptop, in another browser or after the HTML file moved. Shown on Setup.

use hallcount_core::{BackupError, FileKind};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::json_files::{JsonFiles, ReadError};
use crate::hooks::{MeetingHandle, RestoreError, Restored};
use crate::i18n::backup_words::{listed, restore_error};
use crate::i18n::{tr, tr_args, Lang, Msg};

/// What the last backup or restore did, shown under the buttons; the page keeps it.
#[derive(Clone, PartialEq)]
pub enum Outcome {
    Restored { file: String, restored: Restored },
    Refused { file: String, message: String },
    BackupFailed(String),
}

/// The panel, over the page's meeting and its `outcome` state. `edited`: the set-up form has
/// unsaved edits, which opening the restored election would discard. A function, not a
/// component: each component costs the wasm its own copy of Yew's lifecycle.
pub fn meeting_backup(
    lang: Lang,
    meeting: &MeetingHandle,
    outcome: &UseStateHandle<Option<Outcome>>,
    edited: bool,
) -> Html {
    let on_backup = {
        let (meeting, outcome) = (meeting.clone(), outcome.clone());
        Callback::from(move |_| {
            let (meeting, outcome) = (meeting.clone(), outcome.clone());
            spawn_local(async move {
                match meeting.back_up().await {
                    Ok(()) => outcome.set(None),
                    Err(error) => outcome.set(Some(Outcome::BackupFailed(error.0))),
                }
            });
        })
    };
    let on_file = {
        let (meeting, outcome) = (meeting.clone(), outcome.clone());
        Callback::from(move |(file, bytes): (String, Result<Vec<u8>, ReadError>)| {
            let bytes = match bytes {
                Ok(bytes) => bytes,
                Err(error) => {
                    let message = match error {
                        ReadError::TooLarge { bytes, limit } => {
                            let too_large = BackupError::TooLarge { bytes, limit };
                            restore_error(lang, &RestoreError::File(too_large))
                        }
                        ReadError::Unreadable(detail) => detail,
                    };
                    outcome.set(Some(Outcome::Refused { file, message }));
                    return;
                }
            };
            if edited && !gloo::dialogs::confirm(tr(lang, Msg::DiscardEditsConfirm)) {
                return;
            }
            let (meeting, outcome) = (meeting.clone(), outcome.clone());
            spawn_local(async move {
                outcome.set(Some(match meeting.restore(&bytes).await {
                    Ok(restored) => Outcome::Restored { file, restored },
                    Err(error) => Outcome::Refused {
                        file,
                        message: restore_error(lang, &error),
                    },
                }));
            });
        })
    };

    html! {
        <section class="meeting-backup" aria-labelledby="meeting-backup-title">
            <h3 id="meeting-backup-title">{ tr(lang, Msg::MeetingBackupHeading) }</h3>
            <p class="kept-where">{ tr(lang, Msg::MeetingKeptWhere) }</p>
            <button type="button" class="backup-meeting" onclick={on_backup}
                disabled={meeting.elections().is_empty() && meeting.election().is_none()}>
                { tr(lang, Msg::BackUpMeeting) }
            </button>
            <JsonFiles label={Msg::RestoreMeeting} hint={Msg::RestoreHint}
                max_bytes={FileKind::Meeting.max_bytes()} {on_file} />
            { outcome_view(lang, outcome.as_ref()) }
        </section>
    }
}

fn outcome_view(lang: Lang, outcome: Option<&Outcome>) -> Html {
    match outcome {
        None => html! {},
        Some(Outcome::Restored { file, restored }) => html! {
            <div class="restore-done" role="status">
                if !restored.added.is_empty() {
                    <p>{ tr_args(lang, Msg::RestoreDone, &[("file", file), ("elections", &listed(lang, &restored.added))]) }</p>
                }
                if !restored.already_here.is_empty() {
                    <p class="restore-already">{ tr_args(lang, Msg::RestoreAlreadyHere, &[("elections", &listed(lang, &restored.already_here))]) }</p>
                }
            </div>
        },
        Some(Outcome::Refused { file, message }) => html! {
            <p class="restore-refused field-problem" role="alert">
                { tr_args(lang, Msg::RestoreRefused, &[("file", file), ("message", message)]) }
            </p>
        },
        Some(Outcome::BackupFailed(message)) => html! {
            <p class="backup-failed field-problem" role="alert">
                { tr_args(lang, Msg::BackupFailed, &[("message", message)]) }
            </p>
        },
    }
}
