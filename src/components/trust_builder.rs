//! Building the town's trusted list (`hallcount/trusted@1`) from the result files loaded: each
//! key not on the list yet is shown with the place it signed for, and the clerk confirms it
//! only after matching its fingerprint against the village's registration slip.

use std::rc::Rc;

use yew::prelude::*;

use super::fingerprint::Fingerprint;
use super::name::bdi;
use crate::hooks::use_lang;
use crate::i18n::{tr, tr_args, Msg};

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

#[derive(Properties, PartialEq)]
pub struct TrustBuilderProps {
    pub unlisted: Rc<Vec<UnlistedKey>>,
    /// How many keys the clerk added in this session.
    pub added: usize,
    pub on_confirm: Callback<UnlistedKey>,
    pub on_save: Callback<()>,
}

#[component]
pub fn TrustBuilder(props: &TrustBuilderProps) -> Html {
    let lang = use_lang();
    if props.unlisted.is_empty() && props.added == 0 {
        return html! {};
    }
    html! {
        <div class="trust-builder">
            <h3>{ tr(lang, Msg::TrustBuildTitle) }</h3>
            if !props.unlisted.is_empty() {
                <p class="intro">{ tr(lang, Msg::TrustBuildIntro) }</p>
                <ul class="unlisted-keys">
                    for key in props.unlisted.iter() {
                        <li class="unlisted-key" data-place={key.place.clone()}>
                            <span class="file-name">{ bdi(&key.file) }</span>
                            <Fingerprint text={key.fingerprint.clone()} />
                            <button type="button" class="confirm-key"
                                onclick={props.on_confirm.reform({ let key = key.clone(); move |_| key.clone() })}>
                                { tr_args(lang, Msg::TrustConfirm, &[("place", &key.place)]) }
                            </button>
                        </li>
                    }
                </ul>
            }
            if props.added > 0 {
                <p class="done" role="status">{ tr_args(lang, Msg::TrustAdded, &[("n", &props.added.to_string())]) }</p>
                <button type="button" class="save-trusted" onclick={props.on_save.reform(|_| ())}>
                    { tr(lang, Msg::TrustSave) }
                </button>
            }
        </div>
    }
}
