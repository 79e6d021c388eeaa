//! The registration slip of a village's signing key, printed and taken to the town office before
//! the meeting: the body, the place the key signs for, the fingerprint in large groups to be
//! checked one by one, the date and lines for the signatures. The town trusts a key only once
//! its clerk has matched a result file's fingerprint against this paper.

use yew::prelude::*;

use super::fingerprint::Fingerprint;
use super::name::bdi;
use crate::hooks::use_lang;
use crate::i18n::{tr, Msg};

/// The attribute set on `<html>` while the slip alone is printed (see `styles/key-slip.css`).
const PRINTING: &str = "data-printing";

#[derive(Properties, PartialEq)]
pub struct KeySlipProps {
    pub fingerprint: String,
    pub body: String,
    pub place: String,
    /// The day it is printed (YYYY-MM-DD).
    pub date: String,
}

#[component]
pub fn KeySlip(props: &KeySlipProps) -> Html {
    let lang = use_lang();
    html! {
        <section class="key-slip" aria-labelledby="key-slip-title">
            <h3 id="key-slip-title">{ tr(lang, Msg::SlipTitle) }</h3>
            <p class="intro">{ tr(lang, Msg::SlipIntro) }</p>
            <dl>
                <dt>{ tr(lang, Msg::SlipBody) }</dt>
                <dd class="slip-body">{ bdi(&props.body) }</dd>
                <dt>{ tr(lang, Msg::SlipPlace) }</dt>
                <dd class="slip-place">{ bdi(&props.place) }</dd>
                <dt>{ tr(lang, Msg::SlipFingerprint) }</dt>
                <dd class="slip-fingerprint"><Fingerprint text={props.fingerprint.clone()} /></dd>
                <dt>{ tr(lang, Msg::SlipDate) }</dt>
                <dd class="slip-date">{ props.date.clone() }</dd>
            </dl>
            <div class="slip-signatures">
                for signer in [Msg::SlipSignOfficer, Msg::SlipSignWitness, Msg::SlipSignTown] {
                    <div class="slip-signature">
                        <span class="slip-line"></span>
                        <span>{ tr(lang, signer) }</span>
                    </div>
                }
            </div>
        </section>
    }
}

/// Prints the slip alone: the rest of the page is hidden while the print dialog is open.
pub fn print_slip() {
    let root = gloo::utils::document().document_element();
    if let Some(root) = &root {
        let _ = root.set_attribute(PRINTING, "slip");
    }
    let _ = gloo::utils::window().print();
    if let Some(root) = &root {
        let _ = root.remove_attribute(PRINTING);
    }
}
