//! One contest of the paper being typed: its candidates with their keys and marks, the written
//! names, and a live hint saying whether the paper will count in this contest.

use std::rc::Rc;

use hallcount_core::{paper_effect, ContestEffect, ContestMarks, Election};
use yew::prelude::*;

use super::field_keys::enter_or_escape;
use super::name::bdi;
use crate::hooks::use_lang;
use crate::i18n::{tr, tr_args, Lang, Msg};
use crate::state::keyboard::{mark_symbol, KeyMap, Slot};

/// How a contest of the paper stands, for the hint's colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HintKind {
    Counts,
    Blank,
    Invalid,
}

/// "3 marked, 3 seats: counts", "4 marked, 3 seats: invalid for this office", "blank".
pub fn effect_hint(lang: Lang, effect: &ContestEffect) -> (HintKind, String) {
    let args = [
        ("n", effect.selections.to_string()),
        ("seats", effect.seats.to_string()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if effect.blank {
        (HintKind::Blank, tr(lang, Msg::HintBlank).to_owned())
    } else if effect.over_marked {
        (HintKind::Invalid, tr_args(lang, Msg::HintOverMarked, &args))
    } else {
        (HintKind::Counts, tr_args(lang, Msg::HintCounts, &args))
    }
}

fn mark_label(lang: Lang, mark: Option<hallcount_core::Mark>) -> &'static str {
    use hallcount_core::Mark;
    match mark {
        Some(Mark::For) => tr(lang, Msg::MarkFor),
        Some(Mark::Against) => tr(lang, Msg::MarkAgainst),
        Some(Mark::Unreadable) => tr(lang, Msg::MarkUnreadable),
        None | Some(Mark::Blank) => tr(lang, Msg::MarkBlank),
    }
}

#[derive(Properties, PartialEq)]
pub struct ContestMarksEditorProps {
    pub election: Rc<Election>,
    pub contest: usize,
    pub keys: Rc<KeyMap>,
    pub marks: ContestMarks,
    /// Where `+` adds a written name.
    pub current: bool,
    pub disabled: bool,
    /// The written-name field, focused by `+`.
    pub write_in_ref: NodeRef,
    /// Names already written in this contest on earlier papers, offered as the clerk types so the
    /// same person is spelled the same way (R4: the same name typed twice is the same write-in).
    #[prop_or_default]
    pub known_names: Rc<Vec<String>>,
    pub on_cycle: Callback<Slot>,
    pub on_add_write_in: Callback<(usize, String, bool)>,
    pub on_toggle_write_in: Callback<(usize, usize)>,
    pub on_remove_write_in: Callback<(usize, usize)>,
    /// Give the keyboard back to the paper.
    pub on_done: Callback<()>,
}

#[component]
pub fn ContestMarksEditor(props: &ContestMarksEditorProps) -> Html {
    let lang = use_lang();
    let with_mark = use_state(|| true);
    let Some(contest) = props.election.contests.get(props.contest) else {
        return Html::default();
    };
    let (kind, hint) = effect_hint(lang, &paper_effect(contest, &props.marks));
    let hint_class = match kind {
        HintKind::Counts => "hint hint-counts",
        HintKind::Blank => "hint hint-blank",
        HintKind::Invalid => "hint hint-invalid",
    };
    let index = props.contest;
    let on_write_in_key = {
        let add = props.on_add_write_in.clone();
        let done = props.on_done.clone();
        let with_mark = with_mark.clone();
        let escaped = done.clone();
        enter_or_escape(
            move |input| {
                if !input.value().trim().is_empty() {
                    add.emit((index, input.value(), *with_mark));
                    input.set_value("");
                }
                done.emit(());
            },
            move || escaped.emit(()),
        )
    };
    let on_with_mark = {
        let with_mark = with_mark.clone();
        Callback::from(move |_| with_mark.set(!*with_mark))
    };
    let heading_id = format!("contest-{index}-office");
    html! {
        <fieldset class={if props.current { "contest-marks current" } else { "contest-marks" }} aria-labelledby={heading_id.clone()}
            style={format!("--cells:{}", contest.candidates.len())}>
            <legend id={heading_id}>
                <span class="office">{ bdi(&contest.office) }</span>
                <span class="seats">{ tr_args(lang, Msg::SeatsCount, &[("n", &contest.seats.to_string())]) }</span>
            </legend>
            <p class={hint_class} aria-live="polite">{ hint }</p>
            <ul class="candidate-marks">
                for (i, candidate) in contest.candidates.iter().enumerate() {
                    { candidate_button(lang, props, Slot { contest: index, candidate: i }, &candidate.name) }
                }
            </ul>
            if contest.write_ins.allowed {
                <div class="write-ins">
                    <ul class="write-in-list">
                        for (i, write_in) in props.marks.write_ins.iter().enumerate() {
                            <li>
                                <span class="write-in-name">{ bdi(&write_in.name) }</span>
                                <button type="button" disabled={props.disabled}
                                    aria-pressed={write_in.marked.to_string()}
                                    onclick={props.on_toggle_write_in.reform(move |_| (index, i))}>
                                    { if write_in.marked { tr(lang, Msg::WriteInMarked) } else { tr(lang, Msg::WriteInUnmarked) } }
                                </button>
                                <button type="button" disabled={props.disabled}
                                    onclick={props.on_remove_write_in.reform(move |_| (index, i))}>
                                    { tr(lang, Msg::WriteInRemove) }
                                </button>
                            </li>
                        }
                    </ul>
                    <label class="write-in-input">
                        // The field says what it is for; the label is read by screen readers.
                        <span class="visually-hidden">{ tr(lang, Msg::WriteInLabel) }</span>
                        <input type="text" ref={props.write_in_ref.clone()} disabled={props.disabled}
                            placeholder={tr(lang, Msg::WriteInPlaceholder)}
                            list={format!("contest-{index}-names")} onkeydown={on_write_in_key} />
                    </label>
                    <datalist id={format!("contest-{index}-names")}>
                        for name in props.known_names.iter() {
                            <option value={name.clone()} />
                        }
                    </datalist>
                    <label class="write-in-mark">
                        <input type="checkbox" checked={*with_mark} onchange={on_with_mark} disabled={props.disabled} />
                        { tr(lang, Msg::WriteInWithMark) }
                    </label>
                </div>
            }
        </fieldset>
    }
}

fn candidate_button(lang: Lang, props: &ContestMarksEditorProps, slot: Slot, name: &str) -> Html {
    let mark = props
        .election
        .contests
        .get(slot.contest)
        .and_then(|c| c.candidates.get(slot.candidate))
        .and_then(|c| props.marks.marks.get(&c.id).copied());
    let mark_class = match mark {
        Some(hallcount_core::Mark::For) => "candidate mark-for",
        Some(hallcount_core::Mark::Against) => "candidate mark-against",
        Some(hallcount_core::Mark::Unreadable) => "candidate mark-unreadable",
        None | Some(hallcount_core::Mark::Blank) => "candidate mark-blank",
    };
    let code = props.keys.code(slot).to_owned();
    let label = format!("{code} {name}: {}", mark_label(lang, mark));
    html! {
        <li>
            <button type="button" class={mark_class} disabled={props.disabled}
                aria-label={label} data-key={code.clone()}
                onclick={props.on_cycle.reform(move |_| slot)}>
                <kbd>{ code }</kbd>
                <span class="name">{ bdi(name) }</span>
                <span class="mark" aria-hidden="true">{ mark_symbol(mark) }</span>
            </button>
        </li>
    }
}
