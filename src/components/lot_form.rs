//! R7 `lot`: the tied candidates draw lots in the hall; the officer records who won. The app
//! never picks: it only offers the tied names and logs the choice (an event of its own). The
//! recorded outcome is shown with the elected (`ElectedList`); the count itself is unchanged.

use std::collections::BTreeSet;
use std::rc::Rc;

use hallcount_core::{ContestTally, Election, OpenReason};
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::i18n::result_words::display_name;
use crate::i18n::{tr, tr_args, Msg};

#[derive(Properties, PartialEq)]
pub struct LotFormProps {
    pub election: Rc<Election>,
    pub outcome: ContestTally,
    /// Winners already recorded for this contest.
    pub recorded: Option<Vec<String>>,
    pub disabled: bool,
    /// (contest id, winners).
    pub on_record: Callback<(String, Vec<String>)>,
}

#[component]
pub fn LotForm(props: &LotFormProps) -> Html {
    let lang = use_lang();
    let chosen = use_state(BTreeSet::<String>::new);
    let open = &props.outcome.open;
    if open.reason != Some(OpenReason::LotRequired) {
        return Html::default();
    }
    let contest = props
        .election
        .contests
        .iter()
        .find(|c| c.id == props.outcome.id);
    // Once recorded, the elected list shows the outcome (on screen and on the sheet).
    if props.recorded.is_some() {
        return Html::default();
    }
    let seats = open.seats as usize;
    let complete = chosen.len() == seats;
    let on_submit = {
        let chosen = chosen.clone();
        let on_record = props.on_record.clone();
        let contest = props.outcome.id.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if chosen.len() == seats {
                on_record.emit((contest.clone(), chosen.iter().cloned().collect()));
            }
        })
    };
    html! {
        <form class="lot-form" onsubmit={on_submit}>
            <fieldset>
                <legend>{ tr_args(lang, Msg::LotLegend, &[("seats", &open.seats.to_string())]) }</legend>
                for id in &open.candidates {
                    {{
                        let id = id.clone();
                        let checked = chosen.contains(&id);
                        let toggle = {
                            let chosen = chosen.clone();
                            let id = id.clone();
                            Callback::from(move |_| {
                                let mut next = (*chosen).clone();
                                if !next.remove(&id) {
                                    next.insert(id.clone());
                                }
                                chosen.set(next);
                            })
                        };
                        html! {
                            <label class="lot-candidate">
                                <input type="checkbox" checked={checked} onchange={toggle} disabled={props.disabled}
                                    data-candidate={id.clone()} />
                                { display_name(lang, contest, &id) }
                            </label>
                        }
                    }}
                }
            </fieldset>
            <button type="submit" disabled={props.disabled || !complete}>{ tr(lang, Msg::LotRecord) }</button>
        </form>
    }
}
