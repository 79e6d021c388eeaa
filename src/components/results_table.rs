//! The result of one election as the core counted it, as a table a meeting can read out (the
//! words are in `i18n::result_words`). Every number comes from the core's `Tally`; nothing is
//! recounted here.

use std::rc::Rc;

use hallcount_core::{ContestTally, Election, LotOutcome, Status, Tally, WRITE_IN_PREFIX};
use yew::prelude::*;

use super::lot_form::LotForm;
use super::name::bdi;
use crate::i18n::result_words::{
    display_name, names_of, open_sentence, status_sentence, threshold_sentence,
};
use crate::i18n::{tr, tr_args, Lang, Msg};

/// One election as counted: what the results table and the printed sheet both show.
#[derive(Clone, PartialEq)]
pub struct Counted {
    pub election: Rc<Election>,
    pub tally: Rc<Tally>,
    /// Lots recorded by the officer (R7), in the order recorded.
    pub lots: Rc<Vec<LotOutcome>>,
}

/// Records a lot's outcome: (contest id, winners).
pub type OnRecordLot = Callback<(String, Vec<String>)>;

/// The winners of the lot that fills `contest`'s tied seats: the last one recorded, if it is
/// valid for the tally as it stands (the core's rule).
pub fn recorded_lot(lots: &[LotOutcome], contest: &ContestTally) -> Option<Vec<String>> {
    hallcount_core::lot::lot_for(lots, contest).map(|lot| lot.winners.clone())
}

/// Every contest of the election, with the status of the whole above them; a lot's form under
/// each contest that needs one, unless `on_record_lot` is absent (e.g. results locked).
pub fn results_table(lang: Lang, counted: &Counted, on_record_lot: Option<&OnRecordLot>) -> Html {
    let (election, tally, lots) = (&counted.election, &counted.tally, &counted.lots);
    let status_class = match tally.status {
        Status::Valid => "status status-valid",
        Status::Void | Status::QuorumNotMet => "status status-failed",
    };
    html! {
        <div class="results-table">
            <p class={status_class} data-status={format!("{:?}", tally.status)}>
                { status_sentence(lang, election, tally) }
            </p>
            for outcome in &tally.contests {
                { contest_result(lang, election, outcome, recorded_lot(lots, outcome), on_record_lot) }
            }
        </div>
    }
}

/// A contest's office and its number of seats, as its heading says them (results, board).
pub fn office_and_seats(lang: Lang, office: &str, seats: u32) -> Html {
    let seats = tr_args(lang, Msg::SeatsCount, &[("n", &seats.to_string())]);
    html! { <>{ bdi(office) }<span class="seats">{ seats }</span></> }
}

/// The headings of a candidate's counts, on screen and on the printed sheet.
pub fn count_headings(lang: Lang) -> Html {
    html! {
        <>
            <th scope="col">{ tr(lang, Msg::ColCandidate) }</th>
            <th scope="col" class="num">{ tr(lang, Msg::ColFor) }</th>
            <th scope="col" class="num">{ tr(lang, Msg::ColAgainst) }</th>
            <th scope="col" class="num">{ tr(lang, Msg::ColAbstain) }</th>
        </>
    }
}

/// One contest as counted; `lot` is the lot's winners as recorded (R7), if any.
fn contest_result(
    lang: Lang,
    election: &Rc<Election>,
    outcome: &ContestTally,
    lot: Option<Vec<String>>,
    on_record_lot: Option<&OnRecordLot>,
) -> Html {
    let contest = election.contests.iter().find(|c| c.id == outcome.id);
    let rank = |id: &str| outcome.elected.iter().position(|e| e == id);
    let stat = |key: Msg, value: u32, name: &'static str| {
        html! { <div class="stat" data-stat={name}><dt>{ tr(lang, key) }</dt><dd>{ value }</dd></div> }
    };
    html! {
        <section class="contest-result" data-contest={outcome.id.clone()}>
            <h3>{ office_and_seats(lang, &outcome.office, outcome.seats) }</h3>
            <dl class="stats">
                { stat(Msg::StatCast, outcome.cast, "cast") }
                { stat(Msg::StatValid, outcome.valid, "valid") }
                { stat(Msg::StatInvalid, outcome.invalid, "invalid") }
                { stat(Msg::StatBlank, outcome.blank, "blank") }
            </dl>
            <p class="threshold">{ threshold_sentence(lang, &outcome.threshold) }</p>
            <table class="candidates">
                <thead>
                    <tr>
                        { count_headings(lang) }
                        <th scope="col">{ tr(lang, Msg::ColResult) }</th>
                    </tr>
                </thead>
                <tbody>
                    for count in &outcome.candidates {
                        <tr data-candidate={count.id.clone()} class={rank(&count.id).is_some().then_some("elected")}>
                            <th scope="row">{ bdi(&display_name(lang, contest, &count.id)) }</th>
                            <td class="num" data-col="for">{ count.votes_for }</td>
                            <td class="num" data-col="against">{ count.against }</td>
                            <td class="num" data-col="abstain">{ count.abstain }</td>
                            <td>{ rank(&count.id).map(|r| tr_args(lang, Msg::ElectedRank, &[("n", &(r + 1).to_string())])).unwrap_or_default() }</td>
                        </tr>
                    }
                </tbody>
            </table>
            if !outcome.write_ins.is_empty() {
                <table class="write-in-votes">
                    <caption>{ tr(lang, Msg::WriteInsTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ tr(lang, Msg::ColWrittenName) }</th>
                            <th scope="col" class="num">{ tr(lang, Msg::ColVotes) }</th>
                            <th scope="col">{ tr(lang, Msg::ColResult) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for write_in in &outcome.write_ins {
                            <tr data-write-in={write_in.name.clone()}>
                                <th scope="row">{ bdi(&write_in.name) }</th>
                                <td class="num">{ write_in.votes }</td>
                                <td>{ rank(&format!("{WRITE_IN_PREFIX}{}", write_in.name)).map(|r| tr_args(lang, Msg::ElectedRank, &[("n", &(r + 1).to_string())])).unwrap_or_default() }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            }
            { elected_list(lang, election, outcome, lot.as_deref()) }
            if let Some(on_record) = on_record_lot {
                <LotForm election={election.clone()} outcome={outcome.clone()} recorded={lot}
                    disabled={false} on_record={on_record.clone()} />
            }
        </section>
    }
}

/// The elected in order, then the open seats and why, then the lot's winners as recorded, if
/// any; shared by the screen and the sheet.
pub fn elected_list(
    lang: Lang,
    election: &Election,
    outcome: &ContestTally,
    lot: Option<&[String]>,
) -> Html {
    let contest = election.contests.iter().find(|c| c.id == outcome.id);
    html! {
        <div class="elected">
            <h4>{ tr(lang, Msg::ElectedTitle) }</h4>
            if outcome.elected.is_empty() {
                <p class="none-elected">{ tr(lang, Msg::NoneElected) }</p>
            } else {
                <ol class="elected-names">
                    for id in &outcome.elected {
                        <li data-elected={id.clone()}>{ bdi(&display_name(lang, contest, id)) }</li>
                    }
                </ol>
            }
            if let Some(open) = open_sentence(lang, contest, &outcome.open) {
                <p class="open-seats" data-open={outcome.open.seats.to_string()}>{ open }</p>
            }
            if let Some(winners) = lot {
                <p class="lot-recorded" data-lot={winners.join(" ")}>
                    { tr_args(lang, Msg::LotRecorded, &[("names", &names_of(lang, contest, winners))]) }
                </p>
            }
        </div>
    }
}
