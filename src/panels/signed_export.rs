//! The signed result for the town office: this laptop's key (fingerprint in groups to read
//! aloud), the signed download, and the key's backup and restore. Shown on the results page;
//! nothing here is needed to enter papers.

use hallcount_core::export::{result_file_name, AppInfo, ResultFile, ResultInput, ResultPayload};
use yew::prelude::*;

use crate::components::fingerprint::Fingerprint;
use crate::components::json_files::{JsonFiles, ReadError};
use crate::components::key_slip::{print_slip, KeySlip};
use crate::components::page_margins::seal_rules;
use crate::hooks::use_lang;
use crate::hooks::{use_meeting, use_signing_key, MeetingHandle};
use crate::i18n::{file_words, tr, tr_args, Msg};
use crate::services::file_reading::{self, Refusal};
use crate::services::files::download;
use crate::services::signing_key::{self, KeyState};

/// A key file is a few hundred bytes; anything much larger is not one (the CLI's limit).
const KEY_FILE_MAX_BYTES: usize = hallcount_core::FileKind::Key.max_bytes();

/// What the last action did, shown under the buttons.
#[derive(Clone, PartialEq)]
enum Outcome {
    Exported(String),
    KeySaved,
    Failed(String),
}

#[component]
pub fn SignedExport() -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    let key = use_signing_key(true);
    let outcome = use_state(|| None::<Outcome>);
    let slip = use_state(|| false);

    let on_export = {
        let meeting = meeting.clone();
        let outcome = outcome.clone();
        Callback::from(move |_| {
            outcome.set(Some(match export_signed(&meeting) {
                Ok(name) => Outcome::Exported(name),
                Err(message) => Outcome::Failed(message),
            }));
        })
    };
    let on_backup = {
        let outcome = outcome.clone();
        let key = key.clone();
        Callback::from(move |_| {
            if let KeyState::Ready(file) = &key {
                let done = download(
                    &signing_key::backup_file_name(file),
                    "application/json",
                    &file.to_json(),
                );
                outcome.set(Some(match done {
                    Ok(()) => Outcome::KeySaved,
                    Err(message) => Outcome::Failed(message),
                }));
            }
        })
    };
    let on_restore = {
        let outcome = outcome.clone();
        let key = key.clone();
        Callback::from(
            move |(_name, bytes): (String, Result<Vec<u8>, ReadError>)| {
                // Replacing a working key is asked first: the town knows this laptop by it.
                if let KeyState::Ready(current) = &key {
                    let question = tr_args(
                        lang,
                        Msg::KeyReplaceConfirm,
                        &[("fingerprint", &current.fingerprint)],
                    );
                    if !gloo::dialogs::confirm(&question) {
                        return;
                    }
                }
                // The core's strict reader first: its refusal is worded in the page's language.
                let restored = file_reading::key_text(bytes)
                    .map_err(|refusal| file_words::refusal(lang, &refusal))
                    .and_then(|text| {
                        signing_key::restore(&text)
                            .map_err(|e| file_words::refusal(lang, &Refusal::Key(e)))
                    });
                outcome.set(match restored {
                    Ok(_) => None,
                    Err(message) => Some(Outcome::Failed(message)),
                });
            },
        )
    };
    let on_new_key = {
        let outcome = outcome.clone();
        Callback::from(move |_| {
            if let Err(message) = signing_key::create("", &crate::services::now_iso()) {
                outcome.set(Some(Outcome::Failed(message)));
            }
        })
    };

    let status = match &key {
        KeyState::Ready(file) => html! {
            <p class="key-status">
                { tr(lang, Msg::KeyFingerprintLabel) }{ " " }
                <Fingerprint text={file.fingerprint.clone()} />
            </p>
        },
        KeyState::Missing => html! {
            <p class="key-status warning" role="status">{ tr(lang, Msg::KeyMissing) }</p>
        },
        KeyState::Damaged(detail) => html! {
            <p class="key-status warning" role="alert">{ tr_args(lang, Msg::KeyDamaged, &[("detail", detail)]) }</p>
        },
        KeyState::Unavailable(detail) => html! {
            <p class="key-status warning" role="alert">{ tr_args(lang, Msg::KeyStorageRefused, &[("detail", detail)]) }</p>
        },
    };
    let ready = matches!(key, KeyState::Ready(_));
    let on_slip = {
        let slip = slip.clone();
        Callback::from(move |_| slip.set(true))
    };
    use_effect_with(*slip, |shown| {
        if *shown {
            print_slip();
        }
    });
    let slip_view = match (&key, meeting.election(), *slip) {
        (KeyState::Ready(file), Some(election), true) => html! {
            <KeySlip fingerprint={file.fingerprint.clone()} body={election.body.clone()}
                place={election.place.clone()} date={crate::services::now_iso()[..10].to_owned()} />
        },
        _ => html! {},
    };
    html! {
        <div class="signed-export">
            <h3>{ tr(lang, Msg::SignedExportTitle) }</h3>
            <p class="intro">{ tr(lang, Msg::SignedExportIntro) }</p>
            { status }
            <div class="signed-actions">
                <button type="button" class="primary download-signed" onclick={on_export} disabled={!ready}>
                    { tr(lang, Msg::DownloadSigned) }
                </button>
                if ready {
                    <button type="button" class="backup-key" onclick={on_backup}>{ tr(lang, Msg::BackupKey) }</button>
                    <button type="button" class="print-slip" onclick={on_slip}>{ tr(lang, Msg::SlipPrint) }</button>
                } else {
                    <button type="button" class="new-key" onclick={on_new_key}>{ tr(lang, Msg::MakeNewKey) }</button>
                }
            </div>
            <JsonFiles label={Msg::RestoreKey} hint={Msg::TownDropOne} max_bytes={KEY_FILE_MAX_BYTES} on_file={on_restore} />
            <p class="hint">{ tr(lang, Msg::KeyNeverBlocks) }</p>
            { slip_view }
            {
                match &*outcome {
                    Some(Outcome::Exported(name)) => html! {
                        <p class="done" role="status">{ tr_args(lang, Msg::SignedSaved, &[("name", name)]) }</p>
                    },
                    Some(Outcome::KeySaved) => html! { <p class="done" role="status">{ tr(lang, Msg::KeyBackupSaved) }</p> },
                    Some(Outcome::Failed(message)) => html! {
                        <p class="warning" role="alert">{ tr_args(lang, Msg::SigningFailed, &[("message", message)]) }</p>
                    },
                    None => html! {},
                }
            }
        </div>
    }
}

/// Signs the meeting's log as it stands and offers the file; returns its name.
fn export_signed(meeting: &MeetingHandle) -> Result<String, String> {
    let payload = {
        let book = meeting.book();
        let input = ResultInput::from_log(book.log(), AppInfo::this_build())
            .ok_or("no election defined")?;
        ResultPayload::new(input)
    };
    let (_, signer) = signing_key::signer().ok_or("no usable signing key")?;
    let name = result_file_name(&payload.election);
    let file = ResultFile::sign(payload, &signer);
    meeting.save_file(name.clone(), "application/json", file.to_json());
    Ok(name)
}

/// For the printed result sheet: the key's fingerprint and the first characters of the payload
/// hash, so the paper signed by hand and the file on the stick can be matched.
#[component]
pub fn SheetSeal() -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    let key = use_signing_key(false);
    let n_entries = meeting.book().log().entries().len();
    let hash = use_memo((meeting.election_id(), n_entries), {
        let meeting = meeting.clone();
        move |_| {
            let book = meeting.book();
            ResultInput::from_log(book.log(), AppInfo::this_build())
                .map(|input| ResultPayload::new(input).sha256_hex())
        }
    });
    let (KeyState::Ready(file), Some(hash)) = (&key, hash.as_ref()) else {
        return html! {};
    };
    let short_hash = format!(
        "{} {} {} {}",
        &hash[0..4],
        &hash[4..8],
        &hash[8..12],
        &hash[12..16]
    );
    // The same seal in the bottom margin of every printed page.
    let margin = seal_rules(&format!(
        "{} {} · {} {short_hash}",
        tr(lang, Msg::SealKey),
        file.fingerprint,
        tr(lang, Msg::SealHash)
    ));
    html! {
        <div class="sheet-seal">
            <style>{ margin }</style>
            <p>{ tr(lang, Msg::SealKey) }{ " " }<Fingerprint text={file.fingerprint.clone()} /></p>
            <p>{ tr(lang, Msg::SealHash) }{ " " }<Fingerprint text={short_hash} /></p>
        </div>
    }
}
