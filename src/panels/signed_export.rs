//! The signed result for the town office: this laptop's key (fingerprint in groups to read
//! aloud), sealed under the officer's passphrase; the signed download and the key's backup, each
//! asking the passphrase; the import of a backup (a clear `key@1` is sealed on the way in).
//! Shown on the results page; nothing here is needed to enter papers.
//!
//! Opening or sealing a key runs Argon2id on the page's only thread (about a second): the panel
//! first says it is working and lets the page paint it (`after_paint`), then does the work.

use std::rc::Rc;

use hallcount_core::export::{
    result_file_name, AnyKeyFile, AppInfo, ResultFile, ResultInput, ResultPayload, SealedKey,
    Signer,
};
use yew::prelude::*;

use crate::components::fingerprint::in_groups;
use crate::components::json_files::{JsonFiles, ReadError};
use crate::components::key_slip::{key_slip, print_slip};
use crate::components::passphrase_form::PassphraseForm;
use crate::components::result_sheet::Seal;
use crate::hooks::use_lang;
use crate::hooks::{use_meeting, use_signing_key, MeetingHandle};
use crate::i18n::{describe, file_words, tr, tr_args, Msg};
use crate::services::file_reading;
use crate::services::save::{Kind, SaveError, Saved};
use crate::services::signing_key::{self, KeyFailure, KeyState, Passphrase};
use crate::services::{after_paint, mark};

/// A key file is a few hundred bytes; anything much larger is not one (the CLI's limit).
const KEY_FILE_MAX_BYTES: usize = hallcount_core::FileKind::Key.max_bytes();

/// What the last action did, shown under the buttons.
#[derive(Clone, PartialEq)]
enum Outcome {
    Exported(String),
    KeySaved,
    KeyStored,
    KeyRefused(KeyFailure),
    Failed(String),
}

/// The actions of the sealed key's form, in the order of its buttons.
const EXPORT: usize = 0;

#[component]
pub fn SignedExport() -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    let key = use_signing_key();
    let outcome = use_state(|| None::<Outcome>);
    let busy = use_state(|| false);
    // A key file chosen for import, waiting for its passphrase (in memory only).
    let pending = use_state(|| None::<Rc<AnyKeyFile>>);
    let slip = use_state(|| false);

    // Runs a key action after the "working" line is painted, then shows what it did (a save
    // says it later, once the file is written: `saved`).
    let run = {
        let (outcome, busy) = (outcome.clone(), busy.clone());
        move |work: Box<dyn FnOnce() -> Option<Outcome>>| {
            busy.set(true);
            outcome.set(None);
            let (outcome, busy) = (outcome.clone(), busy.clone());
            after_paint(move || {
                mark("hallcount-key-work-start");
                let done = work();
                mark("hallcount-key-work-end");
                outcome.set(done);
                busy.set(false);
            });
        }
    };
    let on_use = {
        let (meeting, run, outcome) = (meeting.clone(), run.clone(), outcome.clone());
        Callback::from(move |(action, passphrase): (usize, Passphrase)| {
            let (meeting, outcome) = (meeting.clone(), outcome.clone());
            run(Box::new(move || match signing_key::open(&passphrase) {
                Err(failure) => Some(Outcome::KeyRefused(failure)),
                Ok((_, signer)) if action == EXPORT => export_signed(&meeting, &signer, outcome)
                    .err()
                    .map(Outcome::Failed),
                Ok((key, _)) => {
                    back_up(&meeting, &key, outcome);
                    None
                }
            }));
        })
    };
    let on_new = {
        let run = run.clone();
        Callback::from(move |(_, passphrase): (usize, Passphrase)| {
            run(Box::new(move || {
                Some(stored(signing_key::create(
                    &passphrase,
                    &crate::services::now_iso(),
                )))
            }));
        })
    };
    let on_seal = {
        let run = run.clone();
        Callback::from(move |(_, passphrase): (usize, Passphrase)| {
            run(Box::new(move || {
                Some(stored(signing_key::seal_stored(&passphrase)))
            }));
        })
    };
    let on_import = {
        let (run, pending) = (run.clone(), pending.clone());
        Callback::from(move |(_, passphrase): (usize, Passphrase)| {
            let Some(file) = (*pending).clone() else {
                return;
            };
            let pending = pending.clone();
            run(Box::new(move || {
                let done = stored(signing_key::import(&file, &passphrase));
                if done == Outcome::KeyStored {
                    pending.set(None);
                }
                Some(done)
            }));
        })
    };
    let on_cancel_import = {
        let pending = pending.clone();
        Callback::from(move |_| pending.set(None))
    };
    let on_restore = {
        let (outcome, pending) = (outcome.clone(), pending.clone());
        let fingerprint = key.fingerprint().map(str::to_owned);
        Callback::from(
            move |(_name, bytes): (String, Result<Vec<u8>, ReadError>)| {
                // Replacing a working key is asked first: the town knows this laptop by it.
                if let Some(current) = &fingerprint {
                    let question =
                        tr_args(lang, Msg::KeyReplaceConfirm, &[("fingerprint", current)]);
                    if !gloo::dialogs::confirm(&question) {
                        return;
                    }
                }
                // The core's strict reader first: its refusal is worded in the page's language.
                match file_reading::key_file(bytes) {
                    Ok(file) => {
                        outcome.set(None);
                        pending.set(Some(Rc::new(file)));
                    }
                    Err(refusal) => {
                        outcome.set(Some(Outcome::Failed(file_words::refusal(lang, &refusal))))
                    }
                }
            },
        )
    };

    // What to say about the key (or the file waiting to be imported): words, class, role.
    let clear_file = (*pending)
        .as_ref()
        .map(|file| matches!(**file, AnyKeyFile::Clear(..)));
    let notice = match (&key, clear_file) {
        (_, Some(clear)) => Some((
            tr(
                lang,
                if clear {
                    Msg::KeyImportClear
                } else {
                    Msg::KeyImportSealed
                },
            )
            .to_owned(),
            "key-import-note",
            "status",
        )),
        (KeyState::Sealed(_), None) => None,
        (KeyState::Clear(_), None) => Some((
            tr(lang, Msg::KeyClearFound).to_owned(),
            "key-clear warning",
            "alert",
        )),
        (KeyState::Missing, None) => Some((
            tr(lang, Msg::KeyMissing).to_owned(),
            "key-status warning",
            "status",
        )),
        (KeyState::Damaged(detail), None) => Some((
            tr_args(lang, Msg::KeyDamaged, &[("detail", detail)]),
            "key-status warning",
            "alert",
        )),
        (KeyState::Unavailable(detail), None) => Some((
            tr_args(lang, Msg::KeyStorageRefused, &[("detail", detail)]),
            "key-status warning",
            "alert",
        )),
    };
    let fingerprint = key.fingerprint().map(|fingerprint| {
        html! {
            <p class="key-status">
                { tr(lang, Msg::KeyFingerprintLabel) }{ " " }
                { in_groups(fingerprint) }
            </p>
        }
    });
    let on_slip = {
        let slip = slip.clone();
        Callback::from(move |_| slip.set(true))
    };
    use_effect_with(*slip, |shown| {
        if *shown {
            print_slip();
        }
    });
    let slip_view = match (key.fingerprint(), meeting.election(), *slip) {
        (Some(fingerprint), Some(election), true) => html! {
            { key_slip(lang, fingerprint, &election, &crate::services::now_iso()[..10]) }
        },
        _ => html! {},
    };
    // The form of the moment. Keyed by the results' lock, so locking or unlocking empties it.
    let locked = meeting.results_locked();
    let sealed = matches!(key, KeyState::Sealed(_)) && clear_file.is_none();
    let (class, prompt, confirm, actions, on_submit) = match (&key, clear_file) {
        (_, Some(clear)) => (
            "key-import",
            if clear {
                Msg::KeyNewPassphrase
            } else {
                Msg::KeyPassphrase
            },
            clear,
            vec![(Msg::ImportKey, "import-key".into())],
            on_import,
        ),
        (KeyState::Sealed(_), None) => (
            "key-use",
            Msg::KeyPassphrase,
            false,
            vec![
                (Msg::DownloadSigned, "download-signed".into()),
                (Msg::BackupKey, "backup-key".into()),
            ],
            on_use,
        ),
        (KeyState::Clear(_), None) => (
            "key-seal",
            Msg::KeyNewPassphrase,
            true,
            vec![(Msg::SealKeyNow, "seal-key".into())],
            on_seal,
        ),
        _ => (
            "key-new",
            Msg::KeyNewPassphrase,
            true,
            vec![(Msg::MakeNewKey, "make-key".into())],
            on_new,
        ),
    };
    let said = (*outcome).as_ref().map(|outcome| match outcome {
        Outcome::Exported(name) => (
            tr_args(lang, Msg::SignedSaved, &[("name", name)]),
            "done",
            "status",
        ),
        Outcome::KeySaved => (tr(lang, Msg::KeyBackupSaved).to_owned(), "done", "status"),
        Outcome::KeyStored => (tr(lang, Msg::KeyStoredSealed).to_owned(), "done", "status"),
        Outcome::KeyRefused(failure) => (
            describe::key_failure(lang, failure),
            "warning key-refused",
            "alert",
        ),
        Outcome::Failed(message) => (
            tr_args(lang, Msg::SigningFailed, &[("message", message)]),
            "warning",
            "alert",
        ),
    });
    html! {
        <div class="signed-export">
            <h3>{ tr(lang, Msg::SignedExportTitle) }</h3>
            <p class="intro">{ tr(lang, Msg::SignedExportIntro) }</p>
            { for fingerprint }
            if let Some((words, class, role)) = notice {
                <p {class} {role}>{ words }</p>
            }
            <p class="hint">{ tr(lang, Msg::KeySealedIntro) }</p>
            <PassphraseForm key={format!("{class}-{locked}")} {class} {prompt} {confirm} {actions} busy={*busy} {on_submit} />
            if clear_file.is_some() {
                <button type="button" class="cancel-import" onclick={on_cancel_import} disabled={*busy}>{ tr(lang, Msg::CancelImport) }</button>
            }
            if sealed {
                <button type="button" class="print-slip" onclick={on_slip}>{ tr(lang, Msg::SlipPrint) }</button>
            }
            if *busy {
                <p class="key-working" role="status" aria-busy="true">{ tr(lang, Msg::KeyWorking) }</p>
            }
            if let Some((words, class, role)) = said {
                <p {class} {role}>{ words }</p>
            }
            <JsonFiles label={Msg::RestoreKey} hint={Msg::TownDropOne} max_bytes={KEY_FILE_MAX_BYTES} on_file={on_restore} />
            <p class="hint">{ tr(lang, Msg::KeyNeverBlocks) }</p>
            { slip_view }
        </div>
    }
}

/// A key stored (made, sealed or imported), or why nothing changed.
fn stored(done: Result<SealedKey, KeyFailure>) -> Outcome {
    match done {
        Ok(_) => Outcome::KeyStored,
        Err(failure) => Outcome::KeyRefused(failure),
    }
}

/// Signs the meeting's log as it stands and saves the file; says so once it is saved.
fn export_signed(
    meeting: &MeetingHandle,
    signer: &Signer,
    outcome: UseStateHandle<Option<Outcome>>,
) -> Result<(), String> {
    let payload = {
        let book = meeting.book();
        let input = ResultInput::from_log(book.log(), AppInfo::this_build())
            .ok_or("no election defined")?;
        ResultPayload::new(input)
    };
    let name = result_file_name(&payload.election);
    let file = ResultFile::sign(payload, signer);
    let said = Outcome::Exported(name.clone());
    let text = file.to_json();
    meeting.save_file_then(name, JSON, Kind::SignedResult, text, saved(outcome, said));
    Ok(())
}

/// The backup is the sealed key as stored: it opens with the same passphrase.
fn back_up(meeting: &MeetingHandle, key: &SealedKey, outcome: UseStateHandle<Option<Outcome>>) {
    let name = signing_key::backup_file_name(key);
    let said = saved(outcome, Outcome::KeySaved);
    meeting.save_file_then(name, JSON, Kind::Key, key.to_json(), said);
}

const JSON: &str = "application/json";

/// After a save: a download is said here (the page above says a checked save or a failure);
/// a closed dialog says nothing here, so nothing claims an export that did not happen.
fn saved(
    outcome: UseStateHandle<Option<Outcome>>,
    said: Outcome,
) -> impl FnOnce(&Result<Saved, SaveError>) {
    move |result| outcome.set(matches!(result, Ok(Saved::Downloaded { .. })).then_some(said))
}

/// For the printed result sheet: the key's fingerprint and the first characters of the payload
/// hash, so the paper signed by hand and the file on the stick can be matched. None until the
/// key exists.
#[hook]
pub fn use_sheet_seal() -> Option<Seal> {
    let meeting = use_meeting();
    let key = use_signing_key();
    let n_entries = meeting.book().log().entries().len();
    let hash = use_memo((meeting.election_id(), n_entries), {
        let meeting = meeting.clone();
        move |_| {
            let book = meeting.book();
            ResultInput::from_log(book.log(), AppInfo::this_build())
                .map(|input| ResultPayload::new(input).sha256_hex())
        }
    });
    let (KeyState::Sealed(file), Some(hash)) = (&key, hash.as_ref()) else {
        return None;
    };
    let short_hash = [&hash[0..4], &hash[4..8], &hash[8..12], &hash[12..16]].join(" ");
    Some(Seal {
        fingerprint: file.fingerprint.clone(),
        short_hash,
    })
}
