//! The live board for the projector: each contest's names with their count growing as the
//! papers are entered, in type large enough for the back of the hall. Counts only.

use gloo::events::EventListener;
use hallcount_core::{Election, Tally};
use yew::prelude::*;

use crate::components::board_column::board_column;
use crate::components::board_fit::{board_fit, BoardContent, RESERVED_HEIGHT_PX};
use crate::components::name::bdi;
use crate::hooks::use_lang;
use crate::hooks::use_meeting;
use crate::i18n::{tr, tr_args, Msg};

fn enter_full_screen() {
    if let Some(root) = gloo::utils::document().document_element() {
        // Refused outside a user gesture or by policy: the board works in a window too.
        let _ = root.request_fullscreen();
    }
}

/// The window's inner size in CSS pixels.
fn window_size() -> (u32, u32) {
    let window = gloo::utils::window();
    let px = |value: Result<wasm_bindgen::JsValue, _>| {
        value.ok().and_then(|v| v.as_f64()).unwrap_or(0.0).max(0.0) as u32
    };
    (px(window.inner_width()), px(window.inner_height()))
}

/// The window's size, again on every resize (a projector plugged in, full screen).
#[hook]
fn use_window_size() -> (u32, u32) {
    let size = use_state(window_size);
    {
        let size = size.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| {
                size.set(window_size());
            });
            move || drop(listener)
        });
    }
    *size
}

/// What the board shows, measured for [`board_fit`].
fn board_content(election: &Election, tally: &Tally) -> BoardContent {
    let lines = tally
        .contests
        .iter()
        .map(|c| (c.candidates.len() + c.write_ins.len()) as u32)
        .collect();
    let names = election
        .contests
        .iter()
        .flat_map(|c| c.candidates.iter().map(|candidate| candidate.name.as_str()))
        .chain(
            tally
                .contests
                .iter()
                .flat_map(|c| c.write_ins.iter().map(|w| w.name.as_str())),
        );
    let longest_name = names
        .map(|name| name.chars().count() as u32)
        .max()
        .unwrap_or(0);
    let most_votes = tally
        .contests
        .iter()
        .flat_map(|c| {
            c.candidates
                .iter()
                .map(|candidate| candidate.votes_for)
                .chain(c.write_ins.iter().map(|w| w.votes))
        })
        .max()
        .unwrap_or(0);
    BoardContent {
        lines,
        longest_name,
        widest_marks: most_votes.div_ceil(5),
    }
}

#[component]
pub fn BoardPage() -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    let (width, height) = use_window_size();
    // Where the columns start, measured after each render (the header above them wraps
    // differently by language and width, and disappears in full screen).
    let columns = use_node_ref();
    let top = use_state(|| RESERVED_HEIGHT_PX);
    {
        let columns = columns.clone();
        let top = top.clone();
        use_effect(move || {
            if let Some(element) = columns.cast::<web_sys::HtmlElement>() {
                let measured = element.offset_top().max(0) as u32;
                if measured.abs_diff(*top) > 2 {
                    top.set(measured);
                }
            }
        });
    }
    let (Some(election), Some(tally)) = (meeting.election(), meeting.tally()) else {
        return html! {
            <section class="page page-board">
                <h2>{ tr(lang, Msg::NavBoard) }</h2>
                <p class="need-election"><a href="#/setup">{ tr(lang, Msg::NeedElection) }</a></p>
            </section>
        };
    };
    let counted = meeting.n_live_papers().to_string();
    let fit = board_fit(width, height, *top, &board_content(&election, &tally));
    let fit_style = format!("column-count:{};font-size:{}px", fit.columns, fit.font_px);
    html! {
        <section class="page page-board">
            <header class="board-header">
                <h2>{ bdi(&election.title) }</h2>
                <p class="board-counted" data-counted={counted.clone()}>
                    { tr_args(lang, Msg::BoardPapersCounted, &[("n", &counted)]) }
                </p>
                <button type="button" class="full-screen" onclick={Callback::from(|_| enter_full_screen())}>
                    { tr(lang, Msg::FullScreen) }
                </button>
            </header>
            <div class="board-columns" ref={columns} style={fit_style} data-columns={fit.columns.to_string()}>
                for counts in &tally.contests {
                    { board_column(lang, &election, counts) }
                }
            </div>
        </section>
    }
}
