//! The result sheet as printed on A4 and signed by hand: the meeting, its numbers (應到, 實到,
//! 發出, 收回), each contest's table and elected, and the signature lines. On screen it is a
//! preview; `styles/print.css` makes it the only thing printed.

use std::rc::Rc;

use hallcount_core::{ContestTally, Election, LotOutcome};
use yew::prelude::*;

use super::name::bdi;
use super::page_margins::title_and_page_rules;
use super::results_table::{count_headings, recorded_lot, Counted, ElectedList};
use crate::hooks::use_lang;
use crate::i18n::result_words::{display_name, status_sentence, threshold_sentence};
use crate::i18n::{tr, tr_args, Lang, Msg};

/// The roles that sign the sheet, in the order of the count.
const SIGNERS: [Msg; 5] = [
    Msg::SignReader,
    Msg::SignCounter,
    Msg::SignScrutineer,
    Msg::SignChiefScrutineer,
    Msg::SignOfficer,
];

#[derive(Properties, PartialEq)]
pub struct ResultSheetProps {
    pub counted: Counted,
    /// SIGNING SLOT: the key fingerprint and the first characters of the payload hash, which bind
    /// this paper to the signed result file. Filled by the signing feature; nothing shown if absent.
    #[prop_or_default]
    pub signature: Option<Html>,
    /// What was checked before signing (double entry, the blackboard): `SheetChecks`.
    #[prop_or_default]
    pub checks: Option<Html>,
}

#[component]
pub fn ResultSheet(props: &ResultSheetProps) -> Html {
    let lang = use_lang();
    let Counted {
        election,
        tally,
        lots,
    } = &props.counted;
    let figure = |key: Msg, value: u32, name: &'static str| {
        html! { <div class="figure" data-figure={name}><dt>{ tr(lang, key) }</dt><dd>{ value }</dd></div> }
    };
    let (last, rest) = match tally.contests.split_last() {
        Some((last, rest)) => (Some(last), rest),
        None => (None, &[][..]),
    };
    let margins = title_and_page_rules(&election.title, tr(lang, Msg::SheetPageOf));
    html! {
        <article class="result-sheet" aria-labelledby="sheet-title">
            <style>{ margins }</style>
            <header>
                <p class="sheet-kind">{ tr(lang, Msg::SheetTitle) }</p>
                <h2 id="sheet-title">{ bdi(&election.title) }</h2>
                <p class="sheet-meeting">
                    { bdi(&election.body) }{ " · " }{ bdi(&election.place) }{ " · " }{ &election.date }
                    if election.round > 1 {
                        { " · " }{ tr_args(lang, Msg::RoundNumber, &[("n", &election.round.to_string())]) }
                    }
                </p>
            </header>
            <dl class="sheet-figures">
                { figure(Msg::FigureEntitled, tally.entitled, "entitled") }
                { figure(Msg::FigurePresent, tally.present, "present") }
                { figure(Msg::FigureIssued, tally.issued, "issued") }
                { figure(Msg::FigureCollected, tally.collected, "collected") }
            </dl>
            <p class="sheet-status">{ status_sentence(lang, election, tally) }</p>
            for outcome in rest {
                { contest_section(lang, election, outcome, lots) }
            }
            // The last contest goes with the signatures (and the seal), so the signatures are
            // never alone on a page.
            <div class="sheet-closing">
                if let Some(outcome) = last {
                    { contest_section(lang, election, outcome, lots) }
                }
                if let Some(checks) = &props.checks {
                    { checks.clone() }
                }
                if let Some(signature) = &props.signature {
                    <section class="sheet-signature-slot">{ signature.clone() }</section>
                }
                <section class="sheet-signatures" aria-label={tr(lang, Msg::SignaturesTitle)}>
                    for role in SIGNERS {
                        <div class="signature-line">
                            <span class="role">{ tr(lang, role) }</span>
                            <span class="line"></span>
                            <span class="date-label">{ tr(lang, Msg::SignDate) }</span>
                            <span class="line short"></span>
                        </div>
                    }
                </section>
            </div>
        </article>
    }
}

/// One contest of the sheet: its figures, the counts of every name, and who is elected.
fn contest_section(
    lang: Lang,
    election: &Rc<Election>,
    outcome: &ContestTally,
    lots: &[LotOutcome],
) -> Html {
    html! {
        <section class="sheet-contest" data-contest={outcome.id.clone()}>
            <h3>
                { bdi(&outcome.office) }{ " " }
                { tr_args(lang, Msg::SeatsCount, &[("n", &outcome.seats.to_string())]) }
            </h3>
            <p>
                { tr_args(lang, Msg::SheetContestFigures, &[
                    ("cast", &outcome.cast.to_string()),
                    ("valid", &outcome.valid.to_string()),
                    ("invalid", &outcome.invalid.to_string()),
                    ("blank", &outcome.blank.to_string()),
                ]) }
                <br />
                { threshold_sentence(lang, &outcome.threshold) }
            </p>
            <table>
                <thead>
                    <tr>{ count_headings(lang) }</tr>
                </thead>
                <tbody>
                    for count in &outcome.candidates {
                        <tr>
                            <th scope="row">{ bdi(&display_name(lang, election.contests.iter().find(|c| c.id == outcome.id), &count.id)) }</th>
                            <td class="num">{ count.votes_for }</td>
                            <td class="num">{ count.against }</td>
                            <td class="num">{ count.abstain }</td>
                        </tr>
                    }
                    for write_in in &outcome.write_ins {
                        <tr class="written">
                            <th scope="row">{ bdi(&tr_args(lang, Msg::WrittenName, &[("name", &write_in.name)])) }</th>
                            <td class="num">{ write_in.votes }</td>
                            <td class="num">{ "—" }</td>
                            <td class="num">{ "—" }</td>
                        </tr>
                    }
                </tbody>
            </table>
            <ElectedList election={election.clone()} outcome={outcome.clone()} lot={recorded_lot(lots, outcome)} />
        </section>
    }
}
