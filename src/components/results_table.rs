//! The result of one election as the core counted it, in words a meeting can read out:
//! the threshold with its numbers, the status explained, the elected in order and why seats
//! stay open. Every number comes from the core's `Tally`; nothing is recounted here.

use std::rc::Rc;

use hallcount_core::tally::ThresholdOutcome;
use hallcount_core::{
    Base, CollectedLimit, Contest, ContestTally, Election, LotOutcome, OpenReason, OpenSeats,
    Status, Tally, WRITE_IN_PREFIX,
};
use yew::prelude::*;

use super::lot_form::LotForm;
use crate::app::use_lang;
use crate::i18n::{tr, tr_args, Key, Lang};

fn base_name(lang: Lang, base: Base) -> &'static str {
    tr(
        lang,
        match base {
            Base::Entitled => Key::BaseEntitled,
            Base::Present => Key::BasePresent,
            Base::BallotsCast => Key::BaseBallotsCast,
            Base::Valid => Key::BaseValid,
            Base::CastNonBlank => Key::BaseCastNonBlank,
            Base::None => Key::BasePlurality,
        },
    )
}

/// "more than 1/2 of 25 ballots cast: 13 votes needed".
pub fn threshold_sentence(lang: Lang, threshold: &ThresholdOutcome) -> String {
    let fraction = threshold
        .fraction
        .map(|f| f.to_string())
        .unwrap_or_default();
    let base = threshold.base.to_string();
    let needed = threshold.needed.to_string();
    let args = [
        ("fraction", fraction.as_str()),
        ("base", &base),
        ("of", base_name(lang, threshold.of)),
        ("needed", &needed),
    ];
    let key = match (threshold.of, threshold.rule.as_deref()) {
        (Base::None, _) | (_, None) => Key::ThresholdPlurality,
        (_, Some("at_least")) => Key::ThresholdAtLeast,
        (_, Some(_)) => Key::ThresholdMoreThan,
    };
    tr_args(lang, key, &args)
}

/// Why the election counts or not (R1, R2), with its numbers.
pub fn status_sentence(lang: Lang, election: &Election, tally: &Tally) -> String {
    match tally.status {
        Status::Valid => tr(lang, Key::StatusValid).to_owned(),
        Status::QuorumNotMet => tr_args(
            lang,
            Key::StatusQuorumNotMet,
            &[
                ("present", &tally.present.to_string()),
                ("entitled", &tally.entitled.to_string()),
            ],
        ),
        Status::Void => {
            let (limit, limit_name) = match election.collected_limit {
                CollectedLimit::Issued => (tally.issued, tr(lang, Key::LimitIssued)),
                CollectedLimit::Present => (tally.present, tr(lang, Key::LimitPresent)),
            };
            tr_args(
                lang,
                Key::StatusVoid,
                &[
                    ("collected", &tally.collected.to_string()),
                    ("limit", &limit.to_string()),
                    ("limit_name", limit_name),
                ],
            )
        }
    }
}

/// A candidate id or `write_in:<name>` as a person reads it.
pub fn display_name(lang: Lang, contest: Option<&Contest>, id: &str) -> String {
    if let Some(name) = id.strip_prefix(WRITE_IN_PREFIX) {
        return tr_args(lang, Key::WrittenName, &[("name", name)]);
    }
    contest
        .and_then(|c| c.candidates.iter().find(|candidate| candidate.id == id))
        .map_or_else(|| id.to_owned(), |candidate| candidate.name.clone())
}

fn names_of(lang: Lang, contest: Option<&Contest>, ids: &[String]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| display_name(lang, contest, id))
        .collect();
    names.join(tr(lang, Key::NameSeparator))
}

/// "Seats open: 2 — tie: a runoff is needed between 陳少芬, 黃玉蓮", or `None` when all are filled.
pub fn open_sentence(lang: Lang, contest: Option<&Contest>, open: &OpenSeats) -> Option<String> {
    if open.seats == 0 {
        return None;
    }
    let names = names_of(lang, contest, &open.candidates);
    let key = match open.reason {
        Some(OpenReason::RunoffRequired) => Key::OpenRunoff,
        Some(OpenReason::LotRequired) => Key::OpenLot,
        Some(OpenReason::AnotherRound) if names.is_empty() => Key::OpenAnotherRoundNobody,
        Some(OpenReason::AnotherRound) => Key::OpenAnotherRound,
        Some(OpenReason::Vacant) | None => Key::OpenVacant,
    };
    Some(tr_args(
        lang,
        key,
        &[("seats", &open.seats.to_string()), ("names", &names)],
    ))
}

#[derive(Properties, PartialEq)]
pub struct ResultsTableProps {
    pub election: Rc<Election>,
    pub tally: Rc<Tally>,
    /// Lots recorded by the officer (R7), in the order recorded.
    #[prop_or_default]
    pub lots: Rc<Vec<LotOutcome>>,
    /// Records a lot's outcome: (contest id, winners). Absent: no form (e.g. results locked).
    #[prop_or_default]
    pub on_record_lot: Option<Callback<(String, Vec<String>)>>,
}

/// The winners of the lot that fills `contest`'s tied seats: the last one recorded, if it is
/// valid for the tally as it stands (the core's rule).
pub fn recorded_lot(lots: &[LotOutcome], contest: &ContestTally) -> Option<Vec<String>> {
    hallcount_core::lot::lot_for(lots, contest).map(|lot| lot.winners.clone())
}

/// Every contest of the election, with the status of the whole above them.
#[component]
pub fn ResultsTable(props: &ResultsTableProps) -> Html {
    let lang = use_lang();
    let status_class = match props.tally.status {
        Status::Valid => "status status-valid",
        Status::Void | Status::QuorumNotMet => "status status-failed",
    };
    html! {
        <div class="results-table">
            <p class={status_class} data-status={format!("{:?}", props.tally.status)}>
                { status_sentence(lang, &props.election, &props.tally) }
            </p>
            for outcome in &props.tally.contests {
                <ContestResult election={props.election.clone()} outcome={outcome.clone()}
                    lot={recorded_lot(&props.lots, outcome)} on_record_lot={props.on_record_lot.clone()} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ContestResultProps {
    pub election: Rc<Election>,
    pub outcome: ContestTally,
    /// The lot's winners as recorded (R7), if any.
    #[prop_or_default]
    pub lot: Option<Vec<String>>,
    #[prop_or_default]
    pub on_record_lot: Option<Callback<(String, Vec<String>)>>,
}

#[component]
pub fn ContestResult(props: &ContestResultProps) -> Html {
    let lang = use_lang();
    let outcome = &props.outcome;
    let contest = props.election.contests.iter().find(|c| c.id == outcome.id);
    let rank = |id: &str| outcome.elected.iter().position(|e| e == id);
    let stat = |key: Key, value: u32, name: &'static str| {
        html! { <div class="stat" data-stat={name}><dt>{ tr(lang, key) }</dt><dd>{ value }</dd></div> }
    };
    html! {
        <section class="contest-result" data-contest={outcome.id.clone()}>
            <h3>
                { &outcome.office }
                <span class="seats">{ tr_args(lang, Key::SeatsCount, &[("n", &outcome.seats.to_string())]) }</span>
            </h3>
            <dl class="stats">
                { stat(Key::StatCast, outcome.cast, "cast") }
                { stat(Key::StatValid, outcome.valid, "valid") }
                { stat(Key::StatInvalid, outcome.invalid, "invalid") }
                { stat(Key::StatBlank, outcome.blank, "blank") }
            </dl>
            <p class="threshold">{ threshold_sentence(lang, &outcome.threshold) }</p>
            <table class="candidates">
                <thead>
                    <tr>
                        <th scope="col">{ tr(lang, Key::ColCandidate) }</th>
                        <th scope="col" class="num">{ tr(lang, Key::ColFor) }</th>
                        <th scope="col" class="num">{ tr(lang, Key::ColAgainst) }</th>
                        <th scope="col" class="num">{ tr(lang, Key::ColAbstain) }</th>
                        <th scope="col">{ tr(lang, Key::ColResult) }</th>
                    </tr>
                </thead>
                <tbody>
                    for count in &outcome.candidates {
                        <tr data-candidate={count.id.clone()} class={classes!(rank(&count.id).is_some().then_some("elected"))}>
                            <th scope="row">{ display_name(lang, contest, &count.id) }</th>
                            <td class="num" data-col="for">{ count.votes_for }</td>
                            <td class="num" data-col="against">{ count.against }</td>
                            <td class="num" data-col="abstain">{ count.abstain }</td>
                            <td>{ rank(&count.id).map(|r| tr_args(lang, Key::ElectedRank, &[("n", &(r + 1).to_string())])).unwrap_or_default() }</td>
                        </tr>
                    }
                </tbody>
            </table>
            if !outcome.write_ins.is_empty() {
                <table class="write-in-votes">
                    <caption>{ tr(lang, Key::WriteInsTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ tr(lang, Key::ColWrittenName) }</th>
                            <th scope="col" class="num">{ tr(lang, Key::ColVotes) }</th>
                            <th scope="col">{ tr(lang, Key::ColResult) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        for write_in in &outcome.write_ins {
                            <tr data-write-in={write_in.name.clone()}>
                                <th scope="row">{ &write_in.name }</th>
                                <td class="num">{ write_in.votes }</td>
                                <td>{ rank(&format!("{WRITE_IN_PREFIX}{}", write_in.name)).map(|r| tr_args(lang, Key::ElectedRank, &[("n", &(r + 1).to_string())])).unwrap_or_default() }</td>
                            </tr>
                        }
                    </tbody>
                </table>
            }
            <ElectedList election={props.election.clone()} outcome={outcome.clone()} lot={props.lot.clone()} />
            if let Some(on_record) = &props.on_record_lot {
                <LotForm election={props.election.clone()} outcome={outcome.clone()} recorded={props.lot.clone()}
                    disabled={false} on_record={on_record.clone()} />
            }
        </section>
    }
}

/// The elected in order, then the open seats and why; shared by the screen and the sheet.
#[component]
pub fn ElectedList(props: &ContestResultProps) -> Html {
    let lang = use_lang();
    let outcome = &props.outcome;
    let contest = props.election.contests.iter().find(|c| c.id == outcome.id);
    html! {
        <div class="elected">
            <h4>{ tr(lang, Key::ElectedTitle) }</h4>
            if outcome.elected.is_empty() {
                <p class="none-elected">{ tr(lang, Key::NoneElected) }</p>
            } else {
                <ol class="elected-names">
                    for id in &outcome.elected {
                        <li data-elected={id.clone()}>{ display_name(lang, contest, id) }</li>
                    }
                </ol>
            }
            if let Some(open) = open_sentence(lang, contest, &outcome.open) {
                <p class="open-seats" data-open={outcome.open.seats.to_string()}>{ open }</p>
            }
            if let Some(winners) = &props.lot {
                <p class="lot-recorded" data-lot={winners.join(" ")}>
                    { tr_args(lang, Key::LotRecorded, &[("names", &names_of(lang, contest, winners))]) }
                </p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use hallcount_core::Fraction;

    use super::*;

    fn outcome(of: Base, rule: Option<&str>, base: u32, needed: u32) -> ThresholdOutcome {
        ThresholdOutcome {
            of,
            rule: rule.map(str::to_owned),
            fraction: rule.map(|_| Fraction::HALF),
            base,
            needed,
        }
    }

    #[test]
    fn threshold_reads_with_its_numbers() {
        let more = outcome(Base::BallotsCast, Some("more_than"), 25, 13);
        assert_eq!(
            threshold_sentence(Lang::En, &more),
            "more than 1/2 of 25 ballots cast: 13 votes needed"
        );
        assert_eq!(
            threshold_sentence(Lang::ZhHant, &more),
            "得票須超過投票總數 25 的 1/2：至少 13 票"
        );
        let at_least = outcome(Base::Present, Some("at_least"), 9, 5);
        assert_eq!(
            threshold_sentence(Lang::En, &at_least),
            "at least 1/2 of 9 delegates present: 5 votes needed"
        );
        let plurality = outcome(Base::None, None, 9, 1);
        assert_eq!(
            threshold_sentence(Lang::En, &plurality),
            "most votes wins (plurality); votes needed: 1"
        );
    }

    #[test]
    fn the_status_is_explained_with_its_numbers() {
        let election: Election = serde_json::from_str(
            r#"{ "format": "hallcount/election@1", "title": "t", "body": "b", "place": "p",
                 "date": "2017-08-25", "delegates": { "entitled": 27, "present": 17 }, "ballots_issued": 2,
                 "quorum": { "at_least": "2/3" },
                 "contests": [ { "id": "chair", "office": "主席", "seats": 1, "candidates": [ { "id": "M", "name": "M" } ],
                                 "threshold": { "of": "ballots_cast", "more_than": "1/2" } } ] }"#,
        )
        .unwrap();
        let papers = vec![hallcount_core::Paper::default(); 3];
        let no_quorum = hallcount_core::tally(&election, &papers);
        assert_eq!(
            status_sentence(Lang::En, &election, &no_quorum),
            "Quorum not met: 17 present of 27 entitled. Nobody is elected (R1)."
        );
        let quorate = Election {
            delegates: hallcount_core::Delegates {
                entitled: 27,
                present: 25,
            },
            ..election
        };
        let void = hallcount_core::tally(&quorate, &papers);
        assert_eq!(
            status_sentence(Lang::En, &quorate, &void),
            "Void: 3 papers collected, more than the 2 ballots issued. Nobody is elected; the meeting must vote again (R2)."
        );
    }

    #[test]
    fn open_seats_name_their_reason_and_candidates() {
        let open = OpenSeats {
            seats: 0,
            reason: None,
            candidates: vec![],
        };
        assert_eq!(open_sentence(Lang::En, None, &open), None);
        let open = OpenSeats {
            seats: 1,
            reason: Some(OpenReason::RunoffRequired),
            candidates: vec!["B".into(), "write_in:王芳".into()],
        };
        assert_eq!(
            open_sentence(Lang::En, None, &open).unwrap(),
            "Seats open: 1. Tie: a runoff is needed between B, 王芳 (written in)"
        );
        let vacant = OpenSeats {
            seats: 2,
            reason: Some(OpenReason::Vacant),
            candidates: vec![],
        };
        assert_eq!(
            open_sentence(Lang::ZhHans, None, &vacant).unwrap(),
            "2 席从缺"
        );
    }
}
