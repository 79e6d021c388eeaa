//! The definition being edited: the meeting (title, body, place, date, delegates, ballots,
//! quorum R1, collected limit R2) and its contests. It edits a draft; nothing is defined until
//! the page saves it. Every problem `check_election` finds is shown at its field.

use std::rc::Rc;

use hallcount_core::{CollectedLimit, Contest, Election, Fraction, Problem, Quorum};
use yew::prelude::*;

use crate::components::contest_editor::{contest_editor, ContestEditor};
use crate::components::fields::{
    field_problems, number_field, select_field, text_field, At, FractionField, NumberField,
    SelectField, TextField,
};
use crate::i18n::{tr, Lang, Msg};
use crate::sample::village_contest;

pub struct ElectionForm<'a> {
    pub draft: &'a Rc<Election>,
    pub problems: &'a [Problem],
    pub on_change: &'a Callback<Election>,
    pub disabled: bool,
}

/// A blank meeting with the village's usual settings, ready to be filled in.
pub fn blank_election() -> Election {
    Election {
        format: hallcount_core::election::ELECTION_FORMAT.into(),
        title: String::new(),
        body: String::new(),
        place: String::new(),
        date: String::new(),
        delegates: hallcount_core::Delegates {
            entitled: 0,
            present: 0,
        },
        ballots_issued: 0,
        quorum: Some(Quorum::AtLeast(Fraction {
            numerator: 2,
            denominator: 3,
        })),
        collected_limit: CollectedLimit::Issued,
        round: 1,
        contests: vec![village_contest("c1", "", 1, &[""])],
    }
}

fn edit<T: 'static>(
    draft: &Rc<Election>,
    on_change: &Callback<Election>,
    change: impl Fn(&mut Election, T) + 'static,
) -> Callback<T> {
    let (draft, on_change) = (draft.clone(), on_change.clone());
    Callback::from(move |value: T| {
        let mut next = (*draft).clone();
        change(&mut next, value);
        on_change.emit(next);
    })
}

const QUORUMS: [(&str, Msg); 3] = [
    ("at_least", Msg::QuorumAtLeast),
    ("more_than", Msg::QuorumMoreThan),
    ("none", Msg::QuorumNone),
];
const LIMITS: [(&str, Msg); 2] = [("issued", Msg::LimitIssued), ("present", Msg::LimitPresent)];

pub fn election_form(lang: Lang, props: &ElectionForm<'_>) -> Html {
    let (draft, on_change) = (props.draft, props.on_change);
    let (problems, disabled) = (props.problems, props.disabled);

    let quorum_fraction = match draft.quorum {
        Some(Quorum::AtLeast(f) | Quorum::MoreThan(f)) => f,
        None => Fraction {
            numerator: 2,
            denominator: 3,
        },
    };
    let quorum_value = match draft.quorum {
        Some(Quorum::AtLeast(_)) => "at_least",
        Some(Quorum::MoreThan(_)) => "more_than",
        None => "none",
    };
    let on_quorum = edit(draft, on_change, move |e, v: String| {
        e.quorum = match v.as_str() {
            "at_least" => Some(Quorum::AtLeast(quorum_fraction)),
            "more_than" => Some(Quorum::MoreThan(quorum_fraction)),
            _ => None,
        }
    });
    let on_quorum_fraction = edit(draft, on_change, |e, f: Fraction| {
        e.quorum = match e.quorum {
            Some(Quorum::MoreThan(_)) => Some(Quorum::MoreThan(f)),
            _ => Some(Quorum::AtLeast(f)),
        }
    });
    let limit_value = match draft.collected_limit {
        CollectedLimit::Issued => "issued",
        CollectedLimit::Present => "present",
    };
    let on_limit = edit(draft, on_change, |e, v: String| {
        e.collected_limit = if v == "present" {
            CollectedLimit::Present
        } else {
            CollectedLimit::Issued
        };
    });
    let on_add_contest = edit(draft, on_change, |e, (): ()| {
        let id = (1..)
            .map(|n| format!("c{n}"))
            .find(|id| !e.contests.iter().any(|c| &c.id == id))
            .expect("ids never run out");
        let mut contest = village_contest(&id, "", 1, &[""]);
        if e.round > 1 {
            contest.round_of = Some(String::new());
        }
        e.contests.push(contest);
    });

    let at = |path: &'static str| At {
        problems,
        path: path.into(),
    };
    let text = |path, label, value: &String, change: fn(&mut Election, String)| {
        text_field(
            lang,
            TextField {
                label,
                value: value.clone(),
                kind: "text",
                on_change: edit(draft, on_change, change),
                at: at(path),
                disabled,
            },
        )
    };
    let number = |path, label, value: u32, change: fn(&mut Election, u32)| {
        number_field(
            lang,
            NumberField {
                label,
                value,
                on_change: edit(draft, on_change, change),
                at: at(path),
                disabled,
            },
        )
    };

    html! {
        <div class="election-form">
            <fieldset class="meeting-fields">
                <legend>{ tr(lang, Msg::MeetingHeading) }</legend>
                { text("title", Msg::FieldTitle, &draft.title, |e, v| e.title = v) }
                <div class="field-row">
                    { text("body", Msg::FieldBody, &draft.body, |e, v| e.body = v) }
                    { text("place", Msg::FieldPlace, &draft.place, |e, v| e.place = v) }
                    { text_field(lang, TextField {
                        label: Msg::FieldDate,
                        value: draft.date.clone(),
                        kind: "date",
                        on_change: edit(draft, on_change, |e, v: String| e.date = v),
                        at: at("date"),
                        disabled,
                    }) }
                </div>
                <div class="field-row">
                    { number("delegates.entitled", Msg::FigureEntitled, draft.delegates.entitled,
                        |e, v| e.delegates.entitled = v) }
                    { number("delegates.present", Msg::FigurePresent, draft.delegates.present,
                        |e, v| e.delegates.present = v) }
                    { number("ballots_issued", Msg::FigureIssued, draft.ballots_issued,
                        |e, v| e.ballots_issued = v) }
                    { number("round", Msg::FieldRound, draft.round, |e, v| e.round = v) }
                </div>
                <div class="field-row">
                    { select_field(lang, SelectField {
                        label: Msg::FieldQuorum,
                        options: &QUORUMS,
                        value: quorum_value,
                        on_change: on_quorum,
                        disabled,
                    }) }
                    if draft.quorum.is_some() {
                        <label class="field">
                            <span class="field-label">{ tr(lang, Msg::FieldQuorumFraction) }</span>
                            <FractionField value={quorum_fraction} on_change={on_quorum_fraction} {disabled} />
                        </label>
                    }
                    { select_field(lang, SelectField {
                        label: Msg::FieldCollectedLimit,
                        options: &LIMITS,
                        value: limit_value,
                        on_change: on_limit,
                        disabled,
                    }) }
                </div>
            </fieldset>

            { field_problems(lang, &at("contests")) }
            for (i, contest) in draft.contests.iter().enumerate() {
                { contest_editor(lang, ContestEditor {
                    index: i,
                    contest,
                    later_round: draft.round > 1,
                    problems,
                    on_change: edit(draft, on_change, move |e, c: Contest| e.contests[i] = c),
                    on_remove: edit(draft, on_change, move |e, (): ()| { e.contests.remove(i); }),
                    disabled,
                }) }
            }
            <button type="button" class="add-contest" onclick={on_add_contest.reform(|_| ())} {disabled}>
                { tr(lang, Msg::AddContest) }
            </button>
        </div>
    }
}
