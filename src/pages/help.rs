//! Help: the steps of a meeting and what each rule setting means, in plain words.
//!
//! The settings are named with the same words as the Setup form (its keys), so a clerk finds here
//! exactly the label they saw there.

use yew::prelude::*;

use crate::i18n::{tr, Lang, Msg};

/// A setting's label from the Setup form, and what it means.
type Term = (Msg, Msg);

const STEPS: [Msg; 5] = [
    Msg::HelpStepSetup,
    Msg::HelpStepVote,
    Msg::HelpStepEnter,
    Msg::HelpStepBoard,
    Msg::HelpStepResults,
];

const PAPERS: [Msg; 5] = [
    Msg::HelpMarks,
    Msg::HelpOverMarked,
    Msg::HelpBlankPaper,
    Msg::HelpRejectedPaper,
    Msg::HelpWriteIns,
];

const BASES: [Term; 6] = [
    (Msg::BaseEntitled, Msg::HelpBaseEntitled),
    (Msg::BasePresent, Msg::HelpBasePresent),
    (Msg::BaseBallotsCast, Msg::HelpBaseBallotsCast),
    (Msg::BaseValid, Msg::HelpBaseValid),
    (Msg::BaseCastNonBlank, Msg::HelpBaseCastNonBlank),
    (Msg::BasePlurality, Msg::HelpBasePlurality),
];

const TIES: [Term; 3] = [
    (Msg::TiesRunoff, Msg::HelpTiesRunoff),
    (Msg::TiesFewerAgainst, Msg::HelpTiesFewerAgainst),
    (Msg::TiesLot, Msg::HelpTiesLot),
];

const SHORTFALL: [Term; 3] = [
    (Msg::ShortfallAnotherRound, Msg::HelpShortfallAnotherRound),
    (Msg::ShortfallLeaveVacant, Msg::HelpShortfallLeaveVacant),
    (Msg::ShortfallRepeat, Msg::HelpShortfallRepeat),
];

const SAFETY: [Msg; 3] = [
    Msg::HelpSafetyStorage,
    Msg::HelpSafetyFiles,
    Msg::HelpSafetyTown,
];

/// A function of the language, not a component: each component costs the wasm its own copy of
/// Yew's lifecycle.
pub fn help_page(lang: Lang) -> Html {
    html! {
        <section class="page page-help" aria-labelledby="help-title">
            <h2 id="help-title">{ tr(lang, Msg::NavHelp) }</h2>
            <p>{ tr(lang, Msg::HelpIntro) }</p>

            <section aria-labelledby="help-steps">
                <h3 id="help-steps">{ tr(lang, Msg::HelpStepsTitle) }</h3>
                <ol class="help-steps">
                    for step in STEPS { <li>{ tr(lang, step) }</li> }
                </ol>
            </section>

            <section aria-labelledby="help-papers">
                <h3 id="help-papers">{ tr(lang, Msg::HelpPapersTitle) }</h3>
                for text in PAPERS { <p>{ tr(lang, text) }</p> }
            </section>

            <section aria-labelledby="help-checks" class="help-checks">
                <h3 id="help-checks">{ tr(lang, Msg::NavChecks) }</h3>
                <p>{ tr(lang, Msg::HelpDoubleEntry) }</p>
                <p>{ tr(lang, Msg::HelpBoardCheck) }</p>
            </section>

            <section aria-labelledby="help-settings">
                <h3 id="help-settings">{ tr(lang, Msg::HelpSettingsTitle) }</h3>
                <dl class="help-settings">
                    <dt>{ tr(lang, Msg::FieldQuorum) }</dt>
                    <dd>{ tr(lang, Msg::HelpQuorum) }</dd>
                    <dt>{ tr(lang, Msg::FieldCollectedLimit) }</dt>
                    <dd>{ tr(lang, Msg::HelpCollectedLimit) }</dd>
                    <dt>{ tr(lang, Msg::FieldThreshold) }</dt>
                    <dd>
                        <p>{ tr(lang, Msg::HelpThreshold) }</p>
                        { terms(lang, Msg::FieldBase, &BASES) }
                    </dd>
                    <dt>{ tr(lang, Msg::FieldTies) }</dt>
                    <dd>{ terms(lang, Msg::FieldTies, &TIES) }</dd>
                    <dt>{ tr(lang, Msg::FieldShortfall) }</dt>
                    <dd>
                        { terms(lang, Msg::FieldShortfall, &SHORTFALL) }
                        <p>{ tr(lang, Msg::HelpRounds) }</p>
                    </dd>
                </dl>
            </section>

            <section aria-labelledby="help-keys">
                <h3 id="help-keys">{ tr(lang, Msg::HelpKeysTitle) }</h3>
                <p>{ tr(lang, Msg::HelpKeysGeneral) }</p>
                <p>{ tr(lang, Msg::KeyLegend) }</p>
            </section>

            <section aria-labelledby="help-safety">
                <h3 id="help-safety">{ tr(lang, Msg::HelpSafetyTitle) }</h3>
                for text in SAFETY { <p>{ tr(lang, text) }</p> }
            </section>
        </section>
    }
}

/// The choices of one setting, each with its meaning; `label` names the list for screen readers.
fn terms(lang: Lang, label: Msg, terms: &[Term]) -> Html {
    html! {
        <dl class="help-choices" aria-label={tr(lang, label)}>
            for (term, meaning) in terms.iter().copied() {
                <dt>{ tr(lang, term) }</dt>
                <dd>{ tr(lang, meaning) }</dd>
            }
        </dl>
    }
}
