//! One contest of the definition: the office, its seats, its candidates and every rule setting
//! of docs/rules.md (write-ins R4, threshold R6, ties R7, seats not filled R8).

use std::rc::Rc;

use hallcount_core::{Candidate, Contest, Problem, Shortfall, ShortfallRule, Threshold, TiePolicy};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::fields::{
    CheckField, FieldProblems, NumberField, SelectField, TextField, ThresholdField,
};
use crate::hooks::use_lang;
use crate::i18n::{tr, tr_args, Msg};
use crate::sample::letter_id;

#[derive(Properties, PartialEq)]
pub struct ContestEditorProps {
    pub index: usize,
    pub contest: Contest,
    /// Whether this election is a later round (then `round_of` is asked for).
    pub later_round: bool,
    pub problems: Rc<Vec<Problem>>,
    pub on_change: Callback<Contest>,
    pub on_remove: Callback<()>,
    #[prop_or_default]
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

#[component]
pub fn ContestEditor(props: &ContestEditorProps) -> Html {
    let lang = use_lang();
    let contest = &props.contest;
    let at = format!("contests[{}]", props.index);
    let (problems, disabled) = (props.problems.clone(), props.disabled);
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

    html! {
        <fieldset class="contest-editor" data-contest={contest.id.clone()}>
            <legend>{ tr_args(lang, Msg::ContestHeading, &[("n", &(props.index + 1).to_string()), ("office", &contest.office)]) }</legend>
            <div class="field-row">
                <TextField label={Msg::FieldOffice} value={contest.office.clone()} on_change={on_office}
                    problems={problems.clone()} path={format!("{at}.office")} {disabled} />
                <TextField label={Msg::FieldContestId} value={contest.id.clone()} on_change={on_id}
                    problems={problems.clone()} path={format!("{at}.id")} {disabled} />
                <NumberField label={Msg::FieldSeats} value={contest.seats} on_change={on_seats}
                    problems={problems.clone()} path={format!("{at}.seats")} {disabled} />
                if props.later_round {
                    <TextField label={Msg::FieldRoundOf} value={contest.round_of.clone().unwrap_or_default()}
                        on_change={on_round_of} problems={problems.clone()} path={format!("{at}.round_of")} {disabled} />
                }
            </div>

            <h4>{ tr_args(lang, Msg::CandidatesHeading, &[("n", &contest.candidates.len().to_string())]) }</h4>
            <FieldProblems problems={problems.clone()} path={format!("{at}.candidates")} />
            <ol class="candidate-list">
                for (i, candidate) in contest.candidates.iter().enumerate() {
                    <CandidateRow key={i} index={i} candidate={candidate.clone()} at={format!("{at}.candidates[{i}]")}
                        problems={problems.clone()} {disabled}
                        on_change={edit(contest, on_change, move |c, v: Candidate| c.candidates[i] = v)}
                        on_remove={edit(contest, on_change, move |c, (): ()| { c.candidates.remove(i); })} />
                }
            </ol>
            <button type="button" class="add-candidate" onclick={on_add_candidate.reform(|_| ())} {disabled}>
                { tr(lang, Msg::AddCandidate) }
            </button>

            <div class="field-row">
                <CheckField label={Msg::FieldWriteInsAllowed} checked={contest.write_ins.allowed} on_change={on_allowed} {disabled} />
                if contest.write_ins.allowed {
                    <CheckField label={Msg::FieldWriteInsNeedMark} checked={contest.write_ins.need_mark} on_change={on_need_mark} {disabled} />
                }
            </div>
            <ThresholdField label={Msg::FieldThreshold} value={contest.threshold} on_change={on_threshold}
                problems={problems.clone()} path={format!("{at}.threshold")} {disabled} />
            <div class="field-row">
                <SelectField label={Msg::FieldTies} options={TIES.iter().map(|(n, _, k)| (*n, *k)).collect::<Vec<_>>()}
                    value={ties_value} on_change={on_ties} {disabled} />
                <SelectField label={Msg::FieldShortfall} options={SHORTFALLS.iter().map(|(n, _, k)| (*n, *k)).collect::<Vec<_>>()}
                    value={shortfall_value} on_change={on_shortfall} {disabled} />
            </div>
            if another_round {
                <div class="field-row">
                    <NumberField label={Msg::FieldExtra} value={contest.shortfall.extra} on_change={on_extra}
                        problems={problems.clone()} path={format!("{at}.shortfall.extra")} {disabled} />
                    <CheckField label={Msg::FieldHasFloor} checked={contest.shortfall.floor.is_some()} on_change={on_has_floor} {disabled} />
                </div>
                if let Some(floor) = contest.shortfall.floor {
                    <ThresholdField label={Msg::FieldFloor} value={floor} on_change={on_floor} no_plurality={true}
                        problems={problems.clone()} path={format!("{at}.shortfall.floor")} {disabled} />
                }
            }
            <FieldProblems problems={problems.clone()} path={format!("{at}.shortfall.extra")} />
            <FieldProblems problems={problems.clone()} path={format!("{at}.shortfall.floor")} />
            <button type="button" class="remove-contest" onclick={props.on_remove.reform(|_| ())} {disabled}>
                { tr(lang, Msg::RemoveContest) }
            </button>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct CandidateRowProps {
    index: usize,
    candidate: Candidate,
    at: AttrValue,
    problems: Rc<Vec<Problem>>,
    on_change: Callback<Candidate>,
    on_remove: Callback<()>,
    disabled: bool,
}

#[component]
fn CandidateRow(props: &CandidateRowProps) -> Html {
    let lang = use_lang();
    let field = |change: fn(&mut Candidate, String)| {
        let (candidate, on_change) = (props.candidate.clone(), props.on_change.clone());
        Callback::from(move |event: InputEvent| {
            let mut next = candidate.clone();
            change(
                &mut next,
                event.target_unchecked_into::<HtmlInputElement>().value(),
            );
            on_change.emit(next);
        })
    };
    let name_path = format!("{}.name", props.at);
    let id_path = format!("{}.id", props.at);
    let invalid = |path: &str| props.problems.iter().any(|p| p.path == path).to_string();
    html! {
        <li class="candidate-row">
            <input class="candidate-name" type="text" value={props.candidate.name.clone()} disabled={props.disabled}
                oninput={field(|c, v| c.name = v)} name={name_path.clone()} aria-invalid={invalid(&name_path)}
                aria-label={tr_args(lang, Msg::CandidateNameLabel, &[("n", &(props.index + 1).to_string())])} />
            <input class="candidate-id" type="text" size="4" value={props.candidate.id.clone()} disabled={props.disabled}
                oninput={field(|c, v| c.id = v)} name={id_path.clone()} aria-invalid={invalid(&id_path)}
                aria-label={tr(lang, Msg::CandidateIdLabel)} />
            <button type="button" onclick={props.on_remove.reform(|_| ())} disabled={props.disabled}>
                { tr(lang, Msg::RemoveCandidate) }
            </button>
            <FieldProblems problems={props.problems.clone()} path={name_path} />
            <FieldProblems problems={props.problems.clone()} path={id_path} />
        </li>
    }
}
