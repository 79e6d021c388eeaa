//! Help: the steps of a meeting and what each rule setting means, in plain words.
//!
//! The settings are named with the same words as the Setup form (its keys), so a clerk finds here
//! exactly the label they saw there.

use yew::prelude::*;

use crate::app::use_lang;
use crate::i18n::{tr, Key, Lang};

/// A setting's label from the Setup form, and what it means.
type Term = (Key, Key);

const STEPS: [Key; 5] = [
    Key::HelpStepSetup,
    Key::HelpStepVote,
    Key::HelpStepEnter,
    Key::HelpStepBoard,
    Key::HelpStepResults,
];

const PAPERS: [Key; 5] = [
    Key::HelpMarks,
    Key::HelpOverMarked,
    Key::HelpBlankPaper,
    Key::HelpRejectedPaper,
    Key::HelpWriteIns,
];

const BASES: [Term; 6] = [
    (Key::BaseEntitled, Key::HelpBaseEntitled),
    (Key::BasePresent, Key::HelpBasePresent),
    (Key::BaseBallotsCast, Key::HelpBaseBallotsCast),
    (Key::BaseValid, Key::HelpBaseValid),
    (Key::BaseCastNonBlank, Key::HelpBaseCastNonBlank),
    (Key::BasePlurality, Key::HelpBasePlurality),
];

const TIES: [Term; 3] = [
    (Key::TiesRunoff, Key::HelpTiesRunoff),
    (Key::TiesFewerAgainst, Key::HelpTiesFewerAgainst),
    (Key::TiesLot, Key::HelpTiesLot),
];

const SHORTFALL: [Term; 3] = [
    (Key::ShortfallAnotherRound, Key::HelpShortfallAnotherRound),
    (Key::ShortfallLeaveVacant, Key::HelpShortfallLeaveVacant),
    (Key::ShortfallRepeat, Key::HelpShortfallRepeat),
];

const SAFETY: [Key; 3] = [
    Key::HelpSafetyStorage,
    Key::HelpSafetyFiles,
    Key::HelpSafetyTown,
];

#[component]
pub fn HelpPage() -> Html {
    let lang = use_lang();
    html! {
        <section class="page page-help" aria-labelledby="help-title">
            <h2 id="help-title">{ tr(lang, Key::NavHelp) }</h2>
            <p>{ tr(lang, Key::HelpIntro) }</p>

            <section aria-labelledby="help-steps">
                <h3 id="help-steps">{ tr(lang, Key::HelpStepsTitle) }</h3>
                <ol class="help-steps">
                    for step in STEPS { <li>{ tr(lang, step) }</li> }
                </ol>
            </section>

            <section aria-labelledby="help-papers">
                <h3 id="help-papers">{ tr(lang, Key::HelpPapersTitle) }</h3>
                for text in PAPERS { <p>{ tr(lang, text) }</p> }
            </section>

            <section aria-labelledby="help-settings">
                <h3 id="help-settings">{ tr(lang, Key::HelpSettingsTitle) }</h3>
                <dl class="help-settings">
                    <dt>{ tr(lang, Key::FieldQuorum) }</dt>
                    <dd>{ tr(lang, Key::HelpQuorum) }</dd>
                    <dt>{ tr(lang, Key::FieldCollectedLimit) }</dt>
                    <dd>{ tr(lang, Key::HelpCollectedLimit) }</dd>
                    <dt>{ tr(lang, Key::FieldThreshold) }</dt>
                    <dd>
                        <p>{ tr(lang, Key::HelpThreshold) }</p>
                        { terms(lang, Key::FieldBase, &BASES) }
                    </dd>
                    <dt>{ tr(lang, Key::FieldTies) }</dt>
                    <dd>{ terms(lang, Key::FieldTies, &TIES) }</dd>
                    <dt>{ tr(lang, Key::FieldShortfall) }</dt>
                    <dd>
                        { terms(lang, Key::FieldShortfall, &SHORTFALL) }
                        <p>{ tr(lang, Key::HelpRounds) }</p>
                    </dd>
                </dl>
            </section>

            <section aria-labelledby="help-keys">
                <h3 id="help-keys">{ tr(lang, Key::HelpKeysTitle) }</h3>
                <p>{ tr(lang, Key::HelpKeysGeneral) }</p>
                <p>{ tr(lang, Key::KeyLegend) }</p>
            </section>

            <section aria-labelledby="help-safety">
                <h3 id="help-safety">{ tr(lang, Key::HelpSafetyTitle) }</h3>
                for text in SAFETY { <p>{ tr(lang, text) }</p> }
            </section>
        </section>
    }
}

/// The choices of one setting, each with its meaning; `label` names the list for screen readers.
fn terms(lang: Lang, label: Key, terms: &[Term]) -> Html {
    html! {
        <dl class="help-choices" aria-label={tr(lang, label)}>
            for (term, meaning) in terms.iter().copied() {
                <dt>{ tr(lang, term) }</dt>
                <dd>{ tr(lang, meaning) }</dd>
            }
        </dl>
    }
}
