//! The entry form: one paper at a time, keyboard first.
//!
//! The paper lives in a `RefCell` read and written synchronously by each key press, so each key
//! sees the marks of the keys before it even when a clerk types faster than the screen redraws;
//! the redraw follows. Keys are caught on a focusable surface, not a text field, so a Chinese input
//! method left switched on does not swallow them.

use std::cell::RefCell;
use std::rc::Rc;

use hallcount_core::{Election, Paper};
use web_sys::HtmlElement;
use yew::prelude::*;

use super::contest_marks::ContestMarksEditor;
use super::field_keys::enter_or_escape;
use crate::hooks::use_lang;
use crate::i18n::{tr, tr_args, Msg};
use crate::state::draft::{Draft, Press};
use crate::state::keyboard::{KeyMap, Slot};

/// The element that takes the keys; the page gives the focus back to it after a void.
pub const KEY_SURFACE_ID: &str = "key-surface";

/// Give the keyboard back to the paper (after an action elsewhere on the page).
pub fn focus_key_surface() {
    if let Some(element) = gloo::utils::document().get_element_by_id(KEY_SURFACE_ID) {
        if let Ok(element) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(element) {
            let _ = element.focus();
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PaperFormProps {
    pub election: Rc<Election>,
    /// The number the next paper will get (papers entered + 1).
    pub number: usize,
    /// Entry paused (results locked, storage refused, ...): the page says why.
    pub disabled: bool,
    /// Per contest (in the definition's order), the names written on earlier papers.
    #[prop_or_default]
    pub known_names: Rc<Vec<Rc<Vec<String>>>>,
    pub on_commit: Callback<Paper>,
}

fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// Keys typed in a field inside the paper (a written name) are text, not shortcuts; on a focused
/// button, Enter and Space press the button.
fn is_shortcut_target(event: &KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return true;
    };
    match target.tag_name().as_str() {
        "INPUT" | "TEXTAREA" | "SELECT" => false,
        "BUTTON" => !matches!(event.key().as_str(), "Enter" | " "),
        _ => true,
    }
}

/// What a click on the paper needs: the paper, its election, and the redraw that follows.
struct DraftEditor {
    draft: Rc<RefCell<Draft>>,
    election: Rc<Election>,
    redraw: UseForceUpdateHandle,
}

impl DraftEditor {
    /// A callback that changes the paper with `change`, then redraws the form.
    fn callback<T: 'static>(
        &self,
        change: impl Fn(&mut Draft, &Election, T) + 'static,
    ) -> Callback<T> {
        let draft = self.draft.clone();
        let election = self.election.clone();
        let redraw = self.redraw.clone();
        Callback::from(move |value: T| {
            change(&mut draft.borrow_mut(), &election, value);
            redraw.force_update();
        })
    }
}

#[component]
pub fn PaperForm(props: &PaperFormProps) -> Html {
    let lang = use_lang();
    let draft = use_mut_ref(Draft::default);
    let redraw = use_force_update();
    let keys = use_memo(props.election.clone(), |election| {
        KeyMap::for_election(election)
    });
    let surface = use_node_ref();
    let reason_ref = use_node_ref();
    let write_in_refs = use_memo(props.election.contests.len(), |n| {
        (0..*n).map(|_| NodeRef::default()).collect::<Vec<_>>()
    });
    let unknown_key = use_state(|| None::<String>);
    let rejecting = use_state(|| false);

    // A new definition starts a new paper; so does the first render: focus the keys.
    {
        let draft = draft.clone();
        let surface = surface.clone();
        use_effect_with(props.election.clone(), move |_| {
            *draft.borrow_mut() = Draft::default();
            focus(&surface);
        });
    }

    let commit = {
        let draft = draft.clone();
        let on_commit = props.on_commit.clone();
        let disabled = props.disabled;
        let redraw = redraw.clone();
        Rc::new(move || {
            if disabled {
                return;
            }
            // A blank paper waits for a second, deliberate commit; the question shows meanwhile.
            let paper = draft.borrow_mut().commit();
            if let Some(paper) = paper {
                on_commit.emit(paper);
            }
            redraw.force_update();
        })
    };

    let on_key = {
        let draft = draft.clone();
        let keys = keys.clone();
        let election = props.election.clone();
        let redraw = redraw.clone();
        let commit = commit.clone();
        let write_in_refs = write_in_refs.clone();
        let unknown_key = unknown_key.clone();
        let rejecting = rejecting.clone();
        let disabled = props.disabled;
        Callback::from(move |event: KeyboardEvent| {
            if disabled
                || event.ctrl_key()
                || event.meta_key()
                || event.alt_key()
                || !is_shortcut_target(&event)
            {
                return;
            }
            // A held Enter repeats: only the first press counts, so holding it never enters
            // a blank paper after the marked one.
            if event.repeat() && event.key() == "Enter" {
                event.prevent_default();
                return;
            }
            let press = draft.borrow_mut().press(&event.key(), &keys, &election);
            if press != Press::Ignored {
                event.prevent_default();
            }
            match press {
                Press::Commit => commit(),
                Press::WriteIn(contest) => {
                    if let Some(node) = write_in_refs.get(contest) {
                        focus(node);
                    }
                }
                Press::Reject => {
                    rejecting.set(true);
                }
                Press::Unknown(code) => unknown_key.set(Some(code)),
                Press::Marked(_) | Press::Pending | Press::Cleared => {
                    if unknown_key.is_some() {
                        unknown_key.set(None);
                    }
                }
                Press::Ignored => return,
            }
            redraw.force_update();
        })
    };

    // The reason field appears after `/`; focus it once it is in the page.
    {
        let reason_ref = reason_ref.clone();
        use_effect_with(*rejecting, move |rejecting| {
            if *rejecting {
                focus(&reason_ref);
            }
        });
    }

    let back_to_keys = {
        let surface = surface.clone();
        Callback::from(move |()| focus(&surface))
    };
    let edit = DraftEditor {
        draft: draft.clone(),
        election: props.election.clone(),
        redraw: redraw.clone(),
    };
    let on_cycle = {
        let back = back_to_keys.clone();
        edit.callback(move |draft, election, slot: Slot| {
            draft.cycle(slot, election);
            back.emit(());
        })
    };
    let on_add_write_in = edit.callback(
        |draft, election, (contest, name, marked): (usize, String, bool)| {
            draft.add_write_in(contest, election, &name, marked)
        },
    );
    let on_toggle_write_in = edit.callback(|draft, election, (contest, index): (usize, usize)| {
        draft.toggle_write_in(contest, election, index)
    });
    let on_remove_write_in = edit.callback(|draft, election, (contest, index): (usize, usize)| {
        draft.remove_write_in(contest, election, index)
    });
    let on_reason_key = {
        let draft = draft.clone();
        let on_commit = props.on_commit.clone();
        let rejecting = rejecting.clone();
        let back = back_to_keys.clone();
        let disabled = props.disabled;
        let rejected = rejecting.clone();
        let escaped = back.clone();
        enter_or_escape(
            move |input| {
                if disabled {
                    return;
                }
                if let Some(paper) = draft.borrow_mut().take_rejected(&input.value()) {
                    on_commit.emit(paper);
                    rejected.set(false);
                    back.emit(());
                }
            },
            move || {
                rejecting.set(false);
                escaped.emit(());
            },
        )
    };
    let on_commit_click = {
        let commit = commit.clone();
        let back = back_to_keys.clone();
        Callback::from(move |_| {
            commit();
            back.emit(());
        })
    };
    let on_clear_click = {
        let draft = draft.clone();
        let redraw = redraw.clone();
        let back = back_to_keys.clone();
        Callback::from(move |_| {
            *draft.borrow_mut() = Draft::default();
            redraw.force_update();
            back.emit(());
        })
    };
    let on_reject_click = {
        let rejecting = rejecting.clone();
        Callback::from(move |_| rejecting.set(true))
    };

    let current = draft.borrow();
    let number = props.number.to_string();
    let n_cells: usize = props
        .election
        .contests
        .iter()
        .map(|c| c.candidates.len())
        .sum();
    html! {
        <section class="paper-form" aria-labelledby="paper-form-title">
            <div class="paper-head">
                <h3 id="paper-form-title">{ tr_args(lang, Msg::PaperNumber, &[("n", &number)]) }</h3>
                <p id="key-legend" class="key-legend">{ tr(lang, Msg::KeyLegend) }</p>
            </div>
            <div class="key-surface" id={KEY_SURFACE_ID} tabindex="0" role="application" ref={surface}
                aria-label={tr_args(lang, Msg::KeySurfaceLabel, &[("n", &number)])}
                aria-describedby="key-legend" onkeydown={on_key}>
                if !current.pending.is_empty() {
                    <p class="pending-code">{ tr_args(lang, Msg::PendingCode, &[("code", &current.pending)]) }</p>
                }
                if let Some(code) = &*unknown_key {
                    <p class="unknown-key" role="alert">{ tr_args(lang, Msg::UnknownKey, &[("code", code)]) }</p>
                }
                // The cells are sized from the number of names on the paper (styles/entry.css).
                <div class="contests" style={format!("--paper-cells:{n_cells}")}>
                    for (i, _) in props.election.contests.iter().enumerate() {
                        <ContestMarksEditor election={props.election.clone()} contest={i} keys={keys.clone()}
                            marks={current.contest_marks(&props.election, i)} current={current.current == i}
                            disabled={props.disabled} write_in_ref={write_in_refs[i].clone()}
                            on_cycle={on_cycle.clone()} on_add_write_in={on_add_write_in.clone()}
                            on_toggle_write_in={on_toggle_write_in.clone()}
                            on_remove_write_in={on_remove_write_in.clone()} on_done={back_to_keys.clone()}
                            known_names={props.known_names.get(i).cloned().unwrap_or_default()} />
                    }
                </div>
            </div>
            if *rejecting {
                <label class="reject-reason">
                    <span>{ tr(lang, Msg::RejectReasonLabel) }</span>
                    <input type="text" ref={reason_ref} onkeydown={on_reason_key} disabled={props.disabled}
                        placeholder={tr(lang, Msg::RejectReasonExample)} />
                </label>
            }
            if current.blank_asked {
                <p class="blank-question" role="alert">{ tr_args(lang, Msg::BlankPaperAsk, &[("n", &number)]) }</p>
            }
            <div class="paper-actions">
                <button type="button" class="primary" onclick={on_commit_click} disabled={props.disabled}>
                    { tr_args(lang, Msg::CommitPaper, &[("n", &number)]) }
                </button>
                <button type="button" onclick={on_reject_click} disabled={props.disabled}>{ tr(lang, Msg::RejectPaper) }</button>
                <button type="button" onclick={on_clear_click} disabled={props.disabled}>{ tr(lang, Msg::ClearPaper) }</button>
            </div>
        </section>
    }
}
