//! The town office: load many signed results (picker or drop), verify each, and sum them per
//! village and office; conflicts and failures are listed, never dropped silently. The roll-up
//! downloads as CSV and prints.

use std::rc::Rc;

use hallcount_core::export::{
    aggregate, roll_up_csv, verify_result, TrustedKeys, VerifiedResult, VerifyError,
    MAX_RESULT_FILE_BYTES,
};
use yew::prelude::*;

use crate::components::json_files::{JsonFiles, ReadError};
use crate::components::town_report::{FileVerdicts, MeetingTables, OfficeTotals};
use crate::hooks::use_lang;
use crate::i18n::describe;
use crate::i18n::{tr, tr_args, Lang, Msg};
use crate::services::files::download;

type Loaded = Vec<(String, Result<VerifiedResult, VerifyError>)>;

fn parse_trusted(lang: Lang, bytes: &[u8]) -> Result<TrustedKeys, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    TrustedKeys::parse(text).map_err(|e| describe::trusted_error(lang, &e))
}

#[component]
pub fn TownPage() -> Html {
    let lang = use_lang();
    // Verified once when loaded; the roll-up is derived from these and the trusted list.
    let loaded = use_state(|| Rc::new(Loaded::new()));
    let trusted = use_state(|| None::<(String, Rc<TrustedKeys>)>);
    let trusted_error = use_state(|| None::<String>);
    let csv_error = use_state(|| None::<String>);

    let roll_up = use_memo(
        ((*loaded).clone(), (*trusted).clone()),
        |(loaded, trusted)| {
            aggregate(
                loaded.as_ref().clone(),
                trusted.as_ref().map(|(_, keys)| keys.as_ref()),
            )
        },
    );

    let on_file = {
        let loaded = loaded.clone();
        // Files arrive one by one from the readers: append to the latest list, not a stale copy.
        let latest = use_mut_ref(Loaded::new);
        Callback::from(move |(name, bytes): (String, Result<Vec<u8>, ReadError>)| {
            let outcome = bytes
                .map_err(VerifyError::from)
                .and_then(|bytes| verify_result(&bytes));
            latest.borrow_mut().push((name, outcome));
            loaded.set(Rc::new(latest.borrow().clone()));
        })
    };
    let on_trusted = {
        let trusted = trusted.clone();
        let trusted_error = trusted_error.clone();
        Callback::from(move |(name, bytes): (String, Result<Vec<u8>, ReadError>)| {
            match bytes
                .map_err(|e| e.to_string())
                .and_then(|bytes| parse_trusted(lang, &bytes))
            {
                Ok(keys) => {
                    trusted.set(Some((name, Rc::new(keys))));
                    trusted_error.set(None);
                }
                Err(message) => trusted_error.set(Some(message)),
            }
        })
    };
    let on_csv = {
        let roll_up = roll_up.clone();
        let csv_error = csv_error.clone();
        Callback::from(move |_| {
            csv_error.set(
                download(
                    "hallcount-roll-up.csv",
                    "text/csv;charset=utf-8",
                    &roll_up_csv(&roll_up),
                )
                .err(),
            );
        })
    };
    let on_print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });

    let n_files = roll_up.files.len();
    html! {
        <section class="page page-town">
            <div class="screen-only">
                <h2>{ tr(lang, Msg::NavTown) }</h2>
                <p class="intro">{ tr(lang, Msg::TownIntro) }</p>
                <JsonFiles label={Msg::TownLoadFiles} hint={Msg::TownDropHint} multiple=true
                    max_bytes={MAX_RESULT_FILE_BYTES} {on_file} />
                <div class="town-trusted">
                    <JsonFiles label={Msg::TownTrustedLoad} hint={Msg::TownDropOne}
                        max_bytes={MAX_RESULT_FILE_BYTES} on_file={on_trusted} />
                    {
                        match &*trusted {
                            Some((name, keys)) => html! {
                                <p class="done" role="status">{ tr_args(lang, Msg::TownTrustedLoaded,
                                    &[("file", name), ("n", &keys.len().to_string())]) }</p>
                            },
                            None => html! { <p class="hint">{ tr(lang, Msg::TownNoTrusted) }</p> },
                        }
                    }
                    if let Some(message) = &*trusted_error {
                        <p class="warning" role="alert">{ tr_args(lang, Msg::TownTrustedFailed, &[("message", message)]) }</p>
                    }
                </div>
            </div>
            if n_files > 0 {
                <div class="town-report">
                    <h3>{ tr(lang, Msg::TownFilesTitle) }</h3>
                    <p class="town-summary" role="status">{ tr_args(lang, Msg::TownSummary, &[
                        ("n", &n_files.to_string()),
                        ("counted", &roll_up.n_counted().to_string()),
                        ("duplicates", &(n_files - roll_up.n_counted() - roll_up.n_left_out()).to_string()),
                        ("left_out", &roll_up.n_left_out().to_string()),
                    ]) }</p>
                    <FileVerdicts roll_up={roll_up.clone()} />
                    <h3>{ tr(lang, Msg::TownTotalsTitle) }</h3>
                    <OfficeTotals roll_up={roll_up.clone()} />
                    <h3>{ tr(lang, Msg::TownVillagesTitle) }</h3>
                    <MeetingTables roll_up={roll_up.clone()} />
                    <div class="screen-only town-actions">
                        <button type="button" class="download-csv" onclick={on_csv}>{ tr(lang, Msg::TownDownloadCsv) }</button>
                        <button type="button" class="print-roll-up" onclick={on_print}>{ tr(lang, Msg::TownPrint) }</button>
                        if let Some(message) = &*csv_error {
                            <p class="warning" role="alert">{ tr_args(lang, Msg::DownloadFailed, &[("message", message)]) }</p>
                        }
                    </div>
                </div>
            }
        </section>
    }
}
