//! The town office: load many signed results (picker or drop), verify each, and sum them per
//! village and office; conflicts and failures are listed, never dropped silently. The roll-up
//! downloads as CSV and prints.

use std::rc::Rc;

use hallcount_core::export::trusted::{TrustedEntry, TrustedFile};
use hallcount_core::export::{
    aggregate, roll_up_csv, verify_result, ResultSummary, TrustedKeys, VerifiedResult, VerifyError,
    MAX_RESULT_FILE_BYTES, TRUSTED_FORMAT,
};
use hallcount_core::json;
use yew::prelude::*;

use crate::components::json_files::{JsonFiles, ReadError};
use crate::components::town_report::{file_verdicts, meeting_tables, office_totals};
use crate::components::trust_builder::{trust_builder, UnlistedKey};
use crate::hooks::{use_lang, use_meeting};
use crate::i18n::{file_words, tr, tr_args, Lang, Msg};
use crate::services::file_reading;
use crate::services::save::Kind;

/// What the page keeps of a verified file: its summary for the roll-up (a few hundred bytes, where
/// the file holds every paper) and its place for the trust builder. Every arrival sums all the
/// files again, so whole files kept would be copied whole at each one.
#[derive(Clone, PartialEq)]
struct Arrived {
    summary: ResultSummary,
    place: String,
}

impl Arrived {
    fn of(verified: &VerifiedResult) -> Arrived {
        Arrived {
            summary: ResultSummary::from(verified),
            place: verified.file.payload.election.place.clone(),
        }
    }
}

impl From<Arrived> for ResultSummary {
    fn from(arrived: Arrived) -> ResultSummary {
        arrived.summary
    }
}

type Loaded = Vec<(String, Result<Arrived, VerifyError>)>;

/// The name the list built here is saved under.
const TRUSTED_FILE_NAME: &str = "hallcount-trusted.json";

/// A trusted list: checked, and its entries as listed (to extend it and save it again).
#[derive(Clone, PartialEq)]
struct Trusted {
    name: String,
    keys: Rc<TrustedKeys>,
    entries: Rc<Vec<TrustedEntry>>,
}

impl Trusted {
    fn parse(lang: Lang, name: String, text: &str) -> Result<Trusted, String> {
        let keys = TrustedKeys::parse(text).map_err(|e| file_words::trusted_error(lang, &e))?;
        // Checked just above: the same text reads as the file it is.
        let file: TrustedFile = json::fast(text).map_err(|e| e.to_string())?;
        Ok(Trusted {
            name,
            keys: Rc::new(keys),
            entries: Rc::new(file.keys),
        })
    }

    fn to_json(entries: &[TrustedEntry]) -> String {
        let file = TrustedFile {
            format: TRUSTED_FORMAT.to_owned(),
            keys: entries.to_vec(),
        };
        hallcount_core::json::to_string_pretty(&file).expect("a trusted list always serializes")
    }

    /// The list with one more key, trusted for `place`.
    fn with(&self, lang: Lang, key: &UnlistedKey) -> Result<Trusted, String> {
        let mut entries = (*self.entries).clone();
        entries.push(TrustedEntry {
            fingerprint: key.fingerprint.clone(),
            village: key.place.clone(),
        });
        Trusted::parse(lang, self.name.clone(), &Trusted::to_json(&entries))
    }
}

/// A trusted list from a file, through the core's strict reader (as the CLI's `--trusted`).
fn parse_trusted(lang: Lang, name: String, bytes: &[u8]) -> Result<Trusted, String> {
    let (keys, file) =
        file_reading::trusted(bytes).map_err(|refusal| file_words::refusal(lang, &refusal))?;
    Ok(Trusted {
        name,
        keys: Rc::new(keys),
        entries: Rc::new(file.keys),
    })
}

/// The keys of the verified files that the list does not hold, each once.
fn unlisted(loaded: &Loaded, trusted: Option<&Trusted>) -> Vec<UnlistedKey> {
    let mut keys: Vec<UnlistedKey> = Vec::new();
    for (name, outcome) in loaded {
        let Ok(arrived) = outcome else { continue };
        let fingerprint = arrived.summary.fingerprint.to_string();
        let listed =
            trusted.is_some_and(|t| t.keys.village_of(&arrived.summary.fingerprint).is_some());
        if !listed && keys.iter().all(|k| k.fingerprint != fingerprint) {
            keys.push(UnlistedKey {
                fingerprint,
                place: arrived.place.clone(),
                file: name.clone(),
            });
        }
    }
    keys
}

#[component]
pub fn TownPage() -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    // Verified once when loaded; the roll-up is derived from these and the trusted list.
    let loaded = use_state(|| Rc::new(Loaded::new()));
    let trusted = use_state(|| None::<Trusted>);
    let added = use_state(|| 0usize);
    let trusted_error = use_state(|| None::<String>);

    let roll_up = use_memo(
        ((*loaded).clone(), (*trusted).clone()),
        |(loaded, trusted)| {
            aggregate(
                loaded.as_ref().clone(),
                trusted.as_ref().map(|t| t.keys.as_ref()),
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
                .and_then(|bytes| verify_result(&bytes))
                .map(|verified| Arrived::of(&verified));
            latest.borrow_mut().push((name, outcome));
            loaded.set(Rc::new(latest.borrow().clone()));
        })
    };
    let on_trusted = {
        let trusted = trusted.clone();
        let trusted_error = trusted_error.clone();
        let added = added.clone();
        Callback::from(move |(name, bytes): (String, Result<Vec<u8>, ReadError>)| {
            match bytes
                .map_err(|e| file_words::read_error(lang, &e))
                .and_then(|bytes| parse_trusted(lang, name, &bytes))
            {
                Ok(list) => {
                    trusted.set(Some(list));
                    trusted_error.set(None);
                    added.set(0);
                }
                Err(message) => trusted_error.set(Some(message)),
            }
        })
    };
    let unlisted_keys = use_memo(
        ((*loaded).clone(), (*trusted).clone()),
        |(loaded, trusted)| Rc::new(unlisted(loaded, trusted.as_ref())),
    );
    let on_confirm = {
        let trusted = trusted.clone();
        let trusted_error = trusted_error.clone();
        let added = added.clone();
        Callback::from(move |key: UnlistedKey| {
            let empty = || Trusted {
                name: TRUSTED_FILE_NAME.to_owned(),
                keys: Rc::default(),
                entries: Rc::default(),
            };
            let current = (*trusted).clone().unwrap_or_else(empty);
            match current.with(lang, &key) {
                Ok(list) => {
                    trusted.set(Some(list));
                    added.set(*added + 1);
                }
                Err(message) => trusted_error.set(Some(message)),
            }
        })
    };
    // Both saved as every export is (`MeetingHandle::save_file`): through the save dialog and
    // checked where there is one; what became of it shows above the page.
    let on_save_trusted = {
        let (trusted, meeting) = (trusted.clone(), meeting.clone());
        Callback::from(move |()| {
            let entries = (*trusted)
                .as_ref()
                .map(|t| t.entries.to_vec())
                .unwrap_or_default();
            let text = Trusted::to_json(&entries);
            let name = TRUSTED_FILE_NAME.to_owned();
            meeting.save_file(name, "application/json", Kind::Trusted, text);
        })
    };
    let on_csv = {
        let (roll_up, meeting) = (roll_up.clone(), meeting.clone());
        Callback::from(move |_| {
            let name = "hallcount-roll-up.csv".to_owned();
            let text = roll_up_csv(&roll_up);
            meeting.save_file(name, "text/csv;charset=utf-8", Kind::Csv, text);
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
                        max_bytes={hallcount_core::FileKind::Trusted.max_bytes()} on_file={on_trusted} />
                    {
                        match &*trusted {
                            Some(list) => html! {
                                <p class="done" role="status">{ tr_args(lang, Msg::TownTrustedLoaded,
                                    &[("file", &list.name), ("n", &list.keys.len().to_string())]) }</p>
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
                    { file_verdicts(lang, &roll_up) }
                    <div class="screen-only">
                        { trust_builder(lang, &unlisted_keys, *added, &on_confirm, &on_save_trusted) }
                    </div>
                    <h3>{ tr(lang, Msg::TownTotalsTitle) }</h3>
                    { office_totals(lang, &roll_up) }
                    <h3>{ tr(lang, Msg::TownVillagesTitle) }</h3>
                    { meeting_tables(lang, &roll_up) }
                    <div class="screen-only town-actions">
                        <button type="button" class="download-csv" onclick={on_csv}>{ tr(lang, Msg::TownDownloadCsv) }</button>
                        <button type="button" class="print-roll-up" onclick={on_print}>{ tr(lang, Msg::TownPrint) }</button>
                    </div>
                </div>
            }
        </section>
    }
}
