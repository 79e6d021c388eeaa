//! Building the town's trusted list (`hallcount/trusted@1`) from the result files loaded: each
//! key not on the list yet is shown with the place it signed for, and the clerk confirms it
//! only after matching its fingerprint against the village's registration slip.

use yew::prelude::*;

use super::fingerprint::in_groups;
use super::name::bdi;
use crate::i18n::{tr, tr_args, Lang, Msg};

/// A key seen in a verified result file, not on the trusted list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnlistedKey {
    /// As printed, in groups.
    pub fingerprint: String,
    /// The place of the election it signed: the one it will be trusted for.
    pub place: String,
    /// The file it came in.
    pub file: String,
}

/// The keys not on the list yet, each with its button, then the keys added in this session
/// (`added`) and the button that saves the list.
pub fn trust_builder(
    lang: Lang,
    unlisted: &[UnlistedKey],
    added: usize,
    on_confirm: &Callback<UnlistedKey>,
    on_save: &Callback<()>,
) -> Html {
    if unlisted.is_empty() && added == 0 {
        return html! {};
    }
    html! {
        <div class="trust-builder">
            <h3>{ tr(lang, Msg::TrustBuildTitle) }</h3>
            if !unlisted.is_empty() {
                <p class="intro">{ tr(lang, Msg::TrustBuildIntro) }</p>
                <ul class="unlisted-keys">
                    for key in unlisted.iter() {
                        <li class="unlisted-key" data-place={key.place.clone()}>
                            <span class="file-name">{ bdi(&key.file) }</span>
                            { in_groups(&key.fingerprint) }
                            <button type="button" class="confirm-key"
                                onclick={on_confirm.reform({ let key = key.clone(); move |_| key.clone() })}>
                                { tr_args(lang, Msg::TrustConfirm, &[("place", &key.place)]) }
                            </button>
                        </li>
                    }
                </ul>
            }
            if added > 0 {
                <p class="done" role="status">{ tr_args(lang, Msg::TrustAdded, &[("n", &added.to_string())]) }</p>
                <button type="button" class="save-trusted" onclick={on_save.reform(|_| ())}>
                    { tr(lang, Msg::TrustSave) }
                </button>
            }
        </div>
    }
}
