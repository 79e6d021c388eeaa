//! One printed ballot paper, drawn from its [`PaperLayout`]: every box placed in millimetres on
//! the 5 mm grid, so the printout matches the layout a camera will look for.

use hallcount_core::Election;
use yew::prelude::*;

use super::ballot_layout::{GridBox, PaperLayout, UNIT_MM};
use crate::i18n::{tr, tr_args, Lang, Msg};

/// `left/top/width/height` of a grid box, in millimetres.
fn place(at: GridBox) -> String {
    format!(
        "left:{}mm;top:{}mm;width:{}mm;height:{}mm",
        at.x * UNIT_MM,
        at.y * UNIT_MM,
        at.w * UNIT_MM,
        at.h * UNIT_MM
    )
}

pub struct BallotPaper<'a> {
    pub election: &'a Election,
    pub layout: &'a PaperLayout,
    pub code: &'a str,
    /// The paper's size in millimetres.
    pub width_mm: u32,
    pub height_mm: u32,
}

pub fn ballot_paper(lang: Lang, props: &BallotPaper<'_>) -> Html {
    let (election, layout) = (props.election, props.layout);
    let size = format!("width:{}mm;height:{}mm", props.width_mm, props.height_mm);
    html! {
        <div class="ballot-paper" style={size}>
            for marker in layout.markers {
                <span class="corner-marker" style={place(marker)} aria-hidden="true"></span>
            }
            <h3 class="ballot-title" style={place(layout.title)}>
                { &election.title }{ " " }{ tr(lang, Msg::BallotPaperKind) }
            </h3>
            <p class="ballot-meeting" style={place(layout.meeting)}>
                { &election.body }{ " · " }{ &election.place }{ " · " }{ &election.date }
                if election.round > 1 {
                    { " · " }{ tr_args(lang, Msg::RoundNumber, &[("n", &election.round.to_string())]) }
                }
            </p>
            <p class="ballot-instructions" style={place(layout.instructions)}>{ tr(lang, Msg::BallotInstructions) }</p>
            <div class="ballot-stamp" style={place(layout.stamp)}>{ tr(lang, Msg::BallotStamp) }</div>
            for block in &layout.contests {
                if let Some(contest) = election.contests.get(block.contest) {
                    <p class="ballot-office" style={place(block.heading)}>
                        { &contest.office }{ " " }
                        <span class="seats">{ tr_args(lang, Msg::SeatsCount, &[("n", &contest.seats.to_string())]) }</span>
                    </p>
                    for cell in &block.cells {
                        <div class={if cell.candidate.is_none() { "ballot-cell write-in" } else { "ballot-cell" }}
                            style={place(cell.at)}>
                            <span class="ballot-name">
                                { cell.candidate.and_then(|i| contest.candidates.get(i)).map(|c| c.name.clone()).unwrap_or_default() }
                            </span>
                            <span class="ballot-mark"></span>
                        </div>
                    }
                }
            }
            <p class="ballot-code" style={place(layout.code)}>{ props.code }</p>
        </div>
    }
}
