//! `#/papers`: the official ballot papers printed from the definition, so the paper in the
//! voter's hand and the entry screen list the same names in the same order. No serial numbers:
//! the ballot is secret. One sheet is drawn; the officer sets the copies in the print dialog.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::ballot_layout::{layout_paper, paper_code, LayoutError, Sheet, SheetSize};
use crate::components::ballot_paper::{ballot_paper, BallotPaper};
use crate::hooks::use_lang;
use crate::hooks::use_meeting;
use crate::i18n::{tr, tr_args, Msg};

fn print_page() {
    // Nothing to do if printing is refused: the papers stay on screen.
    let _ = gloo::utils::window().print();
}

#[component]
pub fn PapersPage() -> Html {
    let lang = use_lang();
    let meeting = use_meeting();
    let sheet = use_state(|| Sheet {
        size: SheetSize::A4,
        per_sheet: 2,
    });
    let Some(election) = meeting.election() else {
        return html! {
            <section class="page page-papers">
                <h2>{ tr(lang, Msg::NavPapers) }</h2>
                <p class="need-election"><a href="#/setup">{ tr(lang, Msg::NeedElection) }</a></p>
            </section>
        };
    };
    let on_size = {
        let sheet = sheet.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let size = SheetSize::ALL
                .into_iter()
                .find(|s| s.name() == select.value())
                .unwrap_or(SheetSize::A4);
            sheet.set(Sheet { size, ..*sheet });
        })
    };
    let on_per_sheet = {
        let sheet = sheet.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let per_sheet = select.value().parse().unwrap_or(1);
            sheet.set(Sheet {
                per_sheet,
                ..*sheet
            });
        })
    };
    let papers = sheet.papers();
    let first = papers[0];
    let layout = layout_paper(&election, first.width, first.height);
    let code = paper_code(&election, first.width, first.height);
    let (sheet_w, sheet_h) = sheet.size.mm();
    let (cut_xs, cut_ys) = sheet.cuts();
    let sheet_class = format!(
        "paper-sheet sheet-{}",
        sheet.size.name().to_ascii_lowercase()
    );
    html! {
        <section class="page page-papers">
            <div class="screen-only papers-controls">
                <h2>{ tr(lang, Msg::NavPapers) }</h2>
                <p>{ tr(lang, Msg::PapersIntro) }</p>
                <div class="papers-choice">
                    <label>
                        <span>{ tr(lang, Msg::PapersSheetSize) }</span>
                        <select onchange={on_size}>
                            for size in SheetSize::ALL {
                                <option value={size.name()} selected={size == sheet.size}>{ size.name() }</option>
                            }
                        </select>
                    </label>
                    <label>
                        <span>{ tr(lang, Msg::PapersPerSheet) }</span>
                        <select onchange={on_per_sheet}>
                            for n in Sheet::PER_SHEET {
                                <option value={n.to_string()} selected={n == sheet.per_sheet}>{ n }</option>
                            }
                        </select>
                    </label>
                    <button type="button" class="primary" onclick={Callback::from(|_| print_page())}
                        disabled={layout.is_err()}>
                        { tr(lang, Msg::PapersPrint) }
                    </button>
                </div>
                <p class="hint">{ tr(lang, Msg::PapersCopies) }</p>
            </div>
            { match layout {
                Err(error) => html! {
                    <p class="warning papers-too-small" role="alert">{ too_small(lang, error) }</p>
                },
                Ok(layout) => html! {
                    <div class={sheet_class} style={format!("width:{sheet_w}mm;height:{sheet_h}mm")}
                        data-sheet={sheet.size.name()} data-per-sheet={sheet.per_sheet.to_string()}>
                        for placed in papers {
                            <div class="paper-slot" style={format!("left:{}mm;top:{}mm", placed.left, placed.top)}>
                                { ballot_paper(lang, &BallotPaper {
                                    election: &election,
                                    layout: &layout,
                                    code: &code,
                                    width_mm: placed.width,
                                    height_mm: placed.height,
                                }) }
                            </div>
                        }
                        for x in cut_xs {
                            <span class="cut-line vertical" style={format!("left:{x}mm")} aria-hidden="true"></span>
                        }
                        for y in cut_ys {
                            <span class="cut-line horizontal" style={format!("top:{y}mm")} aria-hidden="true"></span>
                        }
                    </div>
                },
            } }
        </section>
    }
}

fn too_small(lang: crate::i18n::Lang, error: LayoutError) -> String {
    match error {
        LayoutError::TooShort { needed, available } => tr_args(
            lang,
            Msg::PapersTooSmall,
            &[
                ("needed", &needed.to_string()),
                ("available", &available.to_string()),
            ],
        ),
        LayoutError::TooNarrow => tr_args(
            lang,
            Msg::PapersTooSmall,
            &[("needed", "-"), ("available", "-")],
        ),
    }
}
