//! The elections kept in this browser (the congress, then the committee's plenary, ...): open
//! one, start a new one, or try the sample meeting.

use yew::prelude::*;

use super::name::bdi;
use crate::i18n::{tr, tr_args, Lang, Msg};
use crate::state::ElectionSummary;

pub struct ElectionList<'a> {
    pub elections: &'a [ElectionSummary],
    /// The id of the election open now.
    pub current: &'a str,
    pub on_open: &'a Callback<String>,
    pub on_new: &'a Callback<()>,
    pub on_sample: &'a Callback<()>,
}

pub fn election_list(lang: Lang, props: &ElectionList<'_>) -> Html {
    html! {
        <section class="election-list" aria-labelledby="election-list-title">
            <h3 id="election-list-title">{ tr(lang, Msg::ElectionsKept) }</h3>
            if props.elections.is_empty() {
                <p>{ tr(lang, Msg::ElectionsNone) }</p>
            }
            <ul>
                for summary in props.elections.iter() {
                    <li class={(summary.id == props.current).then_some("current")}>
                        <span class="election-title">{ bdi(&summary.title) }</span>
                        <span class="election-date">{ &summary.date }</span>
                        if summary.round > 1 {
                            <span class="election-round">{ tr_args(lang, Msg::RoundNumber, &[("n", &summary.round.to_string())]) }</span>
                        }
                        if summary.id == props.current {
                            <span class="election-open">{ tr(lang, Msg::ElectionOpenNow) }</span>
                        } else {
                            <button type="button" onclick={props.on_open.reform({
                                let id = summary.id.clone();
                                move |_| id.clone()
                            })}>{ tr(lang, Msg::ElectionOpen) }</button>
                        }
                    </li>
                }
            </ul>
            <div class="election-list-actions">
                <button type="button" class="new-election" onclick={props.on_new.reform(|_| ())}>{ tr(lang, Msg::NewElection) }</button>
                <button type="button" class="sample-meeting" onclick={props.on_sample.reform(|_| ())}>{ tr(lang, Msg::SampleMeeting) }</button>
            </div>
        </section>
    }
}
