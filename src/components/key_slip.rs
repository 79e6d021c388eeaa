//! The registration slip of a village's signing key, printed and taken to the town office before
//! the meeting: the body, the place the key signs for, the fingerprint in large groups to be
//! checked one by one, the date and lines for the signatures. The town trusts a key only once
//! its clerk has matched a result file's fingerprint against this paper.

use hallcount_core::Election;
use yew::prelude::*;

use super::fingerprint::in_groups;
use super::name::bdi;
use crate::i18n::{tr, Lang, Msg};

/// The attribute set on `<html>` while the slip alone is printed (see `styles/key-slip.css`).
const PRINTING: &str = "data-printing";

/// The slip of `fingerprint` for the meeting of `election`, printed on `date` (YYYY-MM-DD).
pub fn key_slip(lang: Lang, fingerprint: &str, election: &Election, date: &str) -> Html {
    html! {
        <section class="key-slip" aria-labelledby="key-slip-title">
            <h3 id="key-slip-title">{ tr(lang, Msg::SlipTitle) }</h3>
            <p class="intro">{ tr(lang, Msg::SlipIntro) }</p>
            <dl>
                <dt>{ tr(lang, Msg::SlipBody) }</dt>
                <dd class="slip-body">{ bdi(&election.body) }</dd>
                <dt>{ tr(lang, Msg::SlipPlace) }</dt>
                <dd class="slip-place">{ bdi(&election.place) }</dd>
                <dt>{ tr(lang, Msg::SlipFingerprint) }</dt>
                <dd class="slip-fingerprint">{ in_groups(fingerprint) }</dd>
                <dt>{ tr(lang, Msg::SlipDate) }</dt>
                <dd class="slip-date">{ date }</dd>
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
