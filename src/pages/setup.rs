//! Set-up: the elections kept here, the definition of the open one (typed, imported from a
//! `hallcount/election@1` file, or the sample meeting), its lock once papers are entered, and the
//! definition and papers as files; the whole meeting backed up and restored
//! (`panels/meeting_backup.rs`).

use std::rc::Rc;

use hallcount_core::{check_election, Election, FileKind};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::election_form::{blank_election, election_form, ElectionForm};
use crate::components::election_list::{election_list, ElectionList};
use crate::components::json_files::{JsonFiles, ReadError};
use crate::components::name::bdi;
use crate::hooks::use_lang;
use crate::hooks::use_meeting;
use crate::i18n::file_words;
use crate::i18n::{tr, tr_args, Lang, Msg};
use crate::panels::meeting_backup::{meeting_backup, Outcome};
use crate::sample::sample_congress;
use crate::services::file_reading::{self, Refusal};

/// What became of the last file read.
#[derive(Clone, PartialEq)]
enum Import {
    Read {
        file: String,
    },
    /// Worded when shown, so a change of language words it again.
    Refused {
        file: String,
        refusal: Refusal,
    },
}

/// Whether the form's unsaved edits may be thrown away: asks the officer when there are any.
fn may_discard(lang: Lang, edited: bool) -> bool {
    !edited || gloo::dialogs::confirm(tr(lang, Msg::DiscardEditsConfirm))
}

#[component]
pub fn SetupPage() -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    // What the last backup or restore did (`panels/meeting_backup.rs` shows it).
    let backup_outcome = use_state(|| None::<Outcome>);
    let defined = meeting.election();
    let id = meeting.election_id();
    let draft = use_state(|| defined.clone().unwrap_or_else(|| Rc::new(blank_election())));
    let import = use_state(|| None::<Import>);
    let unlock_reason = use_state(String::new);
    {
        // Another election opened, or the definition saved or corrected: the form shows it.
        let (draft, import) = (draft.clone(), import.clone());
        use_effect_with((id.clone(), defined.clone()), move |(_, defined)| {
            draft.set(defined.clone().unwrap_or_else(|| Rc::new(blank_election())));
            import.set(None);
        });
    }
    let problems = use_memo((*draft).clone(), |draft| check_election(draft));
    let problems = Rc::new((*problems).clone());

    let definition_locked = meeting.definition_locked();
    let results_locked = meeting.results_locked();
    let frozen = definition_locked || results_locked || !meeting.can_write();
    let unsaved = defined.as_deref() != Some(&**draft);
    // Typed or imported but not saved: replacing the form with another election asks first.
    let edited = match defined.as_deref() {
        Some(defined) => defined != &**draft,
        None => **draft != blank_election(),
    };

    let on_change = {
        let draft = draft.clone();
        Callback::from(move |next: Election| draft.set(Rc::new(next)))
    };
    let on_save = {
        let (meeting, draft) = (meeting.clone(), draft.clone());
        Callback::from(move |_| {
            let _ = meeting.define((*draft).as_ref().clone());
        })
    };
    let on_file = {
        let (draft, import) = (draft.clone(), import.clone());
        Callback::from(move |(file, bytes): (String, Result<Vec<u8>, ReadError>)| {
            match file_reading::election(bytes) {
                Ok(election) => {
                    if !may_discard(lang, edited) {
                        return;
                    }
                    draft.set(Rc::new(election));
                    import.set(Some(Import::Read { file }));
                }
                Err(refusal) => import.set(Some(Import::Refused { file, refusal })),
            }
        })
    };
    let on_open = {
        let meeting = meeting.clone();
        Callback::from(move |id: String| {
            if may_discard(lang, edited) {
                meeting.switch_to(&id);
            }
        })
    };
    let on_new = {
        let meeting = meeting.clone();
        Callback::from(move |()| {
            if may_discard(lang, edited) {
                meeting.new_election();
            }
        })
    };
    let on_sample = {
        let meeting = meeting.clone();
        Callback::from(move |()| {
            if !may_discard(lang, edited) {
                return;
            }
            let _ = meeting.start_election(sample_congress());
        })
    };
    let on_reason = {
        let unlock_reason = unlock_reason.clone();
        Callback::from(move |event: InputEvent| {
            unlock_reason.set(event.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_unlock = {
        let (meeting, unlock_reason) = (meeting.clone(), unlock_reason.clone());
        Callback::from(move |_| {
            if meeting.unlock_definition((*unlock_reason).clone()).is_ok() {
                unlock_reason.set(String::new());
            }
        })
    };
    let on_download_election = {
        let meeting = meeting.clone();
        Callback::from(move |_| {
            meeting.download_election();
        })
    };
    let on_download_ballots = {
        let meeting = meeting.clone();
        Callback::from(move |_| {
            meeting.download_ballots();
        })
    };

    html! {
        <section class="page page-setup">
            <h2>{ tr(lang, Msg::NavSetup) }</h2>
            <p>{ tr(lang, Msg::SetupIntro) }</p>
            { election_list(lang, &ElectionList {
                elections: &meeting.elections(),
                current: &id,
                on_open: &on_open,
                on_new: &on_new,
                on_sample: &on_sample,
            }) }

            <section class="definition" aria-labelledby="definition-title">
                <h3 id="definition-title">{ tr(lang, Msg::DefinitionHeading) }</h3>
                if definition_locked {
                    <div class="definition-locked" role="status">
                        <p>{ tr_args(lang, Msg::DefinitionLockedNote, &[("n", &meeting.n_papers().to_string())]) }</p>
                        if !results_locked {
                            <label class="field">
                                <span class="field-label">{ tr(lang, Msg::UnlockDefinitionReason) }</span>
                                <input type="text" class="unlock-reason" value={(*unlock_reason).clone()} oninput={on_reason} />
                            </label>
                            <button type="button" class="unlock-definition" onclick={on_unlock}
                                disabled={unlock_reason.trim().is_empty()}>
                                { tr(lang, Msg::UnlockDefinition) }
                            </button>
                        }
                    </div>
                }
                <JsonFiles label={Msg::ImportElection} hint={Msg::DropHint}
                    max_bytes={FileKind::Election.max_bytes()} {on_file} disabled={frozen} />
                {
                    match &*import {
                        Some(Import::Read { file }) => html! {
                            <p class="import-read" role="status">{ bdi(&tr_args(lang, Msg::ImportRead, &[("file", file)])) }</p>
                        },
                        Some(Import::Refused { file, refusal }) => html! {
                            <p class="import-refused field-problem" role="alert">
                                { bdi(&tr_args(lang, Msg::ImportRefused, &[("file", file), ("message", &file_words::refusal(lang, refusal))])) }
                            </p>
                        },
                        None => html! {},
                    }
                }
                { election_form(lang, &ElectionForm {
                    draft: &draft,
                    problems: &problems,
                    on_change: &on_change,
                    disabled: frozen,
                }) }
                <div class="definition-actions">
                    if !problems.is_empty() {
                        <p class="problem-count" role="status">
                            { tr_args(lang, Msg::ProblemsToFix, &[("n", &problems.len().to_string())]) }
                        </p>
                    } else if unsaved && !frozen {
                        <p class="unsaved" role="status">{ tr(lang, Msg::DefinitionUnsaved) }</p>
                    } else if !unsaved {
                        <p class="saved" role="status">{ tr(lang, Msg::DefinitionSaved) }</p>
                    }
                    <button type="button" class="save-definition primary" onclick={on_save}
                        disabled={frozen || !problems.is_empty() || !unsaved}>
                        { tr(lang, Msg::SaveDefinition) }
                    </button>
                    <button type="button" class="download-election" onclick={on_download_election} disabled={defined.is_none()}>
                        { tr(lang, Msg::DownloadElection) }
                    </button>
                    <button type="button" class="download-ballots" onclick={on_download_ballots} disabled={defined.is_none()}>
                        { tr(lang, Msg::DownloadBallots) }
                    </button>
                </div>
            </section>
            { meeting_backup(lang, &meeting, &backup_outcome, edited) }
        </section>
    }
}
