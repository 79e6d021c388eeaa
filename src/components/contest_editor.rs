//! One contest of the definition: the office, its seats, its candidates and every rule setting
//! of docs/rules.md (write-ins R4, threshold R6, ties R7, seats not filled R8).

use hallcount_core::{Candidate, Contest, Problem, Shortfall, ShortfallRule, Threshold, TiePolicy};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::fields::{
    check_field, field_problems, number_field, select_field, text_field, threshold_field, At,
    NumberField, SelectField, TextField, ThresholdField,
};
use crate::i18n::{tr, tr_args, Lang, Msg};
use crate::sample::letter_id;

pub struct ContestEditor<'a> {
    pub index: usize,
    pub contest: &'a Contest,
    /// Whether this election is a later round (then `round_of` is asked for).
    pub later_round: bool,
    pub problems: &'a [Problem],
    pub on_change: Callback<Contest>,
    pub on_remove: Callback<()>,
    pub disabled: bool,
}

const TIES: [(&str, TiePolicy, Msg); 3] = [
    ("runoff", TiePolicy::Runoff, Msg::TiesRunoff),
    (
        "fewer_against_then_runoff",
        TiePolicy::FewerAgainstThenRunoff,
        Msg::TiesFewerAgainst,
    ),
    ("lot", TiePolicy::Lot, Msg::TiesLot),
];

const SHORTFALLS: [(&str, ShortfallRule, Msg); 3] = [
    (
        "another_round",
        ShortfallRule::AnotherRound,
        Msg::ShortfallAnotherRound,
    ),
    (
        "leave_vacant",
        ShortfallRule::LeaveVacant,
        Msg::ShortfallLeaveVacant,
    ),
    ("repeat", ShortfallRule::Repeat, Msg::ShortfallRepeat),
];

/// The options of the two choices: each value and its label.
const TIE_OPTIONS: [(&str, Msg); 3] = [
    (TIES[0].0, TIES[0].2),
    (TIES[1].0, TIES[1].2),
    (TIES[2].0, TIES[2].2),
];
const SHORTFALL_OPTIONS: [(&str, Msg); 3] = [
    (SHORTFALLS[0].0, SHORTFALLS[0].2),
    (SHORTFALLS[1].0, SHORTFALLS[1].2),
    (SHORTFALLS[2].0, SHORTFALLS[2].2),
];

/// A contest derived from `contest` by `change`, emitted as the new value.
fn edit<T: 'static>(
    contest: &Contest,
    on_change: &Callback<Contest>,
    change: impl Fn(&mut Contest, T) + 'static,
) -> Callback<T> {
    let (contest, on_change) = (contest.clone(), on_change.clone());
    Callback::from(move |value: T| {
        let mut next = contest.clone();
        change(&mut next, value);
        on_change.emit(next);
    })
}

pub fn contest_editor(lang: Lang, props: ContestEditor<'_>) -> Html {
    let contest = props.contest;
    let here = format!("contests[{}]", props.index);
    let (problems, disabled) = (props.problems, props.disabled);
    let on_change = &props.on_change;

    let on_office = edit(contest, on_change, |c, v: String| c.office = v);
    let on_id = edit(contest, on_change, |c, v: String| c.id = v);
    let on_seats = edit(contest, on_change, |c, v: u32| c.seats = v);
    let on_allowed = edit(contest, on_change, |c, v: bool| c.write_ins.allowed = v);
    let on_need_mark = edit(contest, on_change, |c, v: bool| c.write_ins.need_mark = v);
    let on_threshold = edit(contest, on_change, |c, v: Threshold| c.threshold = v);
    let on_ties = edit(contest, on_change, |c, v: String| {
        if let Some((_, ties, _)) = TIES.iter().find(|(name, ..)| *name == v) {
            c.ties = *ties;
        }
    });
    let on_shortfall = edit(contest, on_change, |c, v: String| {
        let Some((_, rule, _)) = SHORTFALLS.iter().find(|(name, ..)| *name == v) else {
            return;
        };
        // `extra` and `floor` belong to another round only (check_election refuses them elsewhere).
        c.shortfall = match rule {
            ShortfallRule::AnotherRound => Shortfall::VILLAGE,
            rule => Shortfall {
                rule: *rule,
                extra: 0,
                floor: None,
            },
        };
    });
    let on_extra = edit(contest, on_change, |c, v: u32| c.shortfall.extra = v);
    let on_has_floor = edit(contest, on_change, |c, v: bool| {
        c.shortfall.floor = if v { Shortfall::VILLAGE.floor } else { None };
    });
    let on_floor = edit(contest, on_change, |c, v: Threshold| {
        c.shortfall.floor = Some(v)
    });
    let on_round_of = edit(contest, on_change, |c, v: String| {
        c.round_of = (!v.trim().is_empty()).then_some(v)
    });
    let on_add_candidate = edit(contest, on_change, |c, (): ()| {
        let id = (0..)
            .map(letter_id)
            .find(|id| !c.candidates.iter().any(|k| &k.id == id))
            .expect("ids never run out");
        c.candidates.push(Candidate {
            id,
            name: String::new(),
        });
    });
    let ties_value = TIES
        .iter()
        .find(|(_, t, _)| *t == contest.ties)
        .map_or("runoff", |(name, ..)| *name);
    let shortfall_value = SHORTFALLS
        .iter()
        .find(|(_, r, _)| *r == contest.shortfall.rule)
        .map_or("another_round", |(name, ..)| *name);
    let another_round = contest.shortfall.rule == ShortfallRule::AnotherRound;
    let at = |field: &str| At {
        problems,
        path: format!("{here}.{field}").into(),
    };
    let text = |at, label, value, on_change| {
        let kind = "text";
        text_field(
            lang,
            TextField {
                label,
                value,
                kind,
                on_change,
                at,
                disabled,
            },
        )
    };
    let number = |at, label, value, on_change| {
        number_field(
            lang,
            NumberField {
                label,
                value,
                on_change,
                at,
                disabled,
            },
        )
    };
    let select = |label, options, value, on_change| {
        select_field(
            lang,
            SelectField {
                label,
                options,
                value,
                on_change,
                disabled,
            },
        )
    };

    html! {
        <fieldset key={props.index} class="contest-editor" data-contest={contest.id.clone()}>
            <legend>{ tr_args(lang, Msg::ContestHeading, &[("n", &(props.index + 1).to_string()), ("office", &contest.office)]) }</legend>
            <div class="field-row">
                { text(at("office"), Msg::FieldOffice, contest.office.clone(), on_office) }
                { text(at("id"), Msg::FieldContestId, contest.id.clone(), on_id) }
                { number(at("seats"), Msg::FieldSeats, contest.seats, on_seats) }
                if props.later_round {
                    { text(at("round_of"), Msg::FieldRoundOf, contest.round_of.clone().unwrap_or_default(), on_round_of) }
                }
            </div>

            <h4>{ tr_args(lang, Msg::CandidatesHeading, &[("n", &contest.candidates.len().to_string())]) }</h4>
            { field_problems(lang, &at("candidates")) }
            <ol class="candidate-list">
                for (i, candidate) in contest.candidates.iter().enumerate() {
                    { candidate_row(lang, CandidateRow {
                        index: i,
                        candidate,
                        at: format!("{here}.candidates[{i}]"),
                        problems,
                        on_change: edit(contest, on_change, move |c, v: Candidate| c.candidates[i] = v),
                        on_remove: edit(contest, on_change, move |c, (): ()| { c.candidates.remove(i); }),
                        disabled,
                    }) }
                }
            </ol>
            <button type="button" class="add-candidate" onclick={on_add_candidate.reform(|_| ())} {disabled}>
                { tr(lang, Msg::AddCandidate) }
            </button>

            <div class="field-row">
                { check_field(lang, Msg::FieldWriteInsAllowed, contest.write_ins.allowed, on_allowed, disabled) }
                if contest.write_ins.allowed {
                    { check_field(lang, Msg::FieldWriteInsNeedMark, contest.write_ins.need_mark, on_need_mark, disabled) }
                }
            </div>
            { threshold_field(lang, ThresholdField {
                label: Msg::FieldThreshold,
                value: contest.threshold,
                on_change: on_threshold,
                no_plurality: false,
                at: at("threshold"),
                disabled,
            }) }
            <div class="field-row">
                { select(Msg::FieldTies, &TIE_OPTIONS, ties_value, on_ties) }
                { select(Msg::FieldShortfall, &SHORTFALL_OPTIONS, shortfall_value, on_shortfall) }
            </div>
            if another_round {
                <div class="field-row">
                    { number(at("shortfall.extra"), Msg::FieldExtra, contest.shortfall.extra, on_extra) }
                    { check_field(lang, Msg::FieldHasFloor, contest.shortfall.floor.is_some(), on_has_floor, disabled) }
                </div>
                if let Some(floor) = contest.shortfall.floor {
                    { threshold_field(lang, ThresholdField {
                        label: Msg::FieldFloor,
                        value: floor,
                        on_change: on_floor,
                        no_plurality: true,
                        at: at("shortfall.floor"),
                        disabled,
                    }) }
                }
            }
            { field_problems(lang, &at("shortfall.extra")) }
            { field_problems(lang, &at("shortfall.floor")) }
            <button type="button" class="remove-contest" onclick={props.on_remove.reform(|_| ())} {disabled}>
                { tr(lang, Msg::RemoveContest) }
            </button>
        </fieldset>
    }
}

/// One candidate of the list: the name, the id and the button that removes it.
struct CandidateRow<'a> {
    index: usize,
    candidate: &'a Candidate,
    /// The candidate's JSON path, e.g. `contests[0].candidates[1]`.
    at: String,
    problems: &'a [Problem],
    on_change: Callback<Candidate>,
    on_remove: Callback<()>,
    disabled: bool,
}

fn candidate_row(lang: Lang, row: CandidateRow<'_>) -> Html {
    let field = |change: fn(&mut Candidate, String)| {
        let (candidate, on_change) = (row.candidate.clone(), row.on_change.clone());
        Callback::from(move |event: InputEvent| {
            let mut next = candidate.clone();
            change(
                &mut next,
                event.target_unchecked_into::<HtmlInputElement>().value(),
            );
            on_change.emit(next);
        })
    };
    let at = |field: &str| At {
        problems: row.problems,
        path: format!("{}.{field}", row.at).into(),
    };
    let (name_at, id_at) = (at("name"), at("id"));
    html! {
        <li key={row.index} class="candidate-row">
            <input class="candidate-name" type="text" value={row.candidate.name.clone()} disabled={row.disabled}
                oninput={field(|c, v| c.name = v)} name={name_at.path.clone()} aria-invalid={name_at.invalid().to_string()}
                aria-label={tr_args(lang, Msg::CandidateNameLabel, &[("n", &(row.index + 1).to_string())])} />
            <input class="candidate-id" type="text" size="4" value={row.candidate.id.clone()} disabled={row.disabled}
                oninput={field(|c, v| c.id = v)} name={id_at.path.clone()} aria-invalid={id_at.invalid().to_string()}
                aria-label={tr(lang, Msg::CandidateIdLabel)} />
            <button type="button" onclick={row.on_remove.reform(|_| ())} disabled={row.disabled}>
                { tr(lang, Msg::RemoveCandidate) }
            </button>
            { field_problems(lang, &name_at) }
            { field_problems(lang, &id_at) }
        </li>
    }
}
