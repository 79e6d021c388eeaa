//! One contest on the projector: big names, tally marks and the number. Counts only: who is
//! elected is for the results page, after the scrutineers agree the count.

use hallcount_core::{ContestTally, Election};
use yew::prelude::*;

use super::name::bdi;
use super::results_table::office_and_seats;
use super::tally_marks::tally_marks;

/// Above this many votes for one name, marks no longer read from the back of the hall: the
/// column shows bars instead (a village congress stays well below it).
pub const MARKS_UP_TO: u32 = 60;

/// How the counts of a column are drawn, from the largest count in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drawing {
    Marks,
    /// Bars relative to the largest count.
    Bars {
        max: u32,
    },
}

pub fn drawing_for(max: u32) -> Drawing {
    if max <= MARKS_UP_TO {
        Drawing::Marks
    } else {
        Drawing::Bars { max }
    }
}

/// A bar's width in per mille of the column's largest count (integers: no float in a count).
pub fn bar_per_mille(votes: u32, max: u32) -> u32 {
    if max == 0 {
        0
    } else {
        (u64::from(votes) * 1000 / u64::from(max)) as u32
    }
}
use crate::i18n::{tr, tr_args, Lang, Msg};

/// One contest's column; `counts` are its running counts (their `id` names the contest).
pub fn board_column(lang: Lang, election: &Election, counts: &ContestTally) -> Html {
    let Some(contest) = election.contests.iter().find(|c| c.id == counts.id) else {
        return Html::default();
    };
    let votes = |id: &str| {
        counts
            .candidates
            .iter()
            .find(|c| c.id == id)
            .map_or(0, |c| c.votes_for)
    };
    let max = counts
        .candidates
        .iter()
        .map(|c| c.votes_for)
        .chain(counts.write_ins.iter().map(|w| w.votes))
        .max();
    let drawing = drawing_for(max.unwrap_or(0));
    html! {
        <section class="board-column" aria-label={contest.office.clone()}>
            <h2>{ office_and_seats(lang, &contest.office, contest.seats) }</h2>
            <ol class="board-names">
                for candidate in &contest.candidates {
                    { board_line(&candidate.name, votes(&candidate.id), false, drawing) }
                }
                for write_in in &counts.write_ins {
                    { board_line(&write_in.name, write_in.votes, true, drawing) }
                }
            </ol>
            <p class="board-papers">
                { tr_args(lang, Msg::BoardContestSummary, &[
                    ("valid", &counts.valid.to_string()),
                    ("invalid", &counts.invalid.to_string()),
                    ("blank", &counts.blank.to_string()),
                ]) }
            </p>
            if counts.write_ins.is_empty() && contest.write_ins.allowed {
                <p class="board-note">{ tr(lang, Msg::BoardNoWriteIns) }</p>
            }
        </section>
    }
}

fn board_line(name: &str, votes: u32, written: bool, drawing: Drawing) -> Html {
    let drawn = match drawing {
        Drawing::Marks => {
            html! { <span class="tally-marks" aria-hidden="true">{ tally_marks(votes) }</span> }
        }
        Drawing::Bars { max } => {
            let width = format!(
                "width: {}.{}%",
                bar_per_mille(votes, max) / 10,
                bar_per_mille(votes, max) % 10
            );
            html! { <span class="board-bar" aria-hidden="true"><span style={width}></span></span> }
        }
    };
    html! {
        <li class={if written { "board-line written" } else { "board-line" }}>
            <span class="board-name">{ bdi(name) }</span>
            { drawn }
            <span class="board-count">{ votes }</span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_for_a_village_bars_for_a_crowd() {
        assert_eq!(drawing_for(0), Drawing::Marks);
        assert_eq!(drawing_for(MARKS_UP_TO), Drawing::Marks);
        assert_eq!(
            drawing_for(MARKS_UP_TO + 1),
            Drawing::Bars {
                max: MARKS_UP_TO + 1
            }
        );
    }

    #[test]
    fn bars_are_relative_to_the_largest_count() {
        assert_eq!(bar_per_mille(0, 0), 0);
        assert_eq!(bar_per_mille(500, 500), 1000);
        assert_eq!(bar_per_mille(1, 3), 333);
        assert_eq!(bar_per_mille(u32::MAX, u32::MAX), 1000);
    }
}
