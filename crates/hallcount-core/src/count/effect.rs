//! What one paper does in one contest: R3 (marks), R4 (write-ins) and R5 (validity per contest).
//! The entry screen shows this as a live hint; the running tally applies the same rules.

use crate::ballot::{ContestMarks, Mark, WriteIn};
use crate::election::{Contest, WriteIns};

/// The effect of one paper's marks in one contest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContestEffect {
    /// `for` marks on printed candidates plus counted write-ins.
    pub selections: u32,
    pub seats: u32,
    /// R5: more selections than seats; the paper is invalid for this contest only.
    pub over_marked: bool,
    /// R5: no mark at all (every cell blank or absent, no name written).
    pub blank: bool,
}

impl ContestEffect {
    /// Whether this paper's marks are counted in the contest (blank papers count, as valid).
    pub fn counts(&self) -> bool {
        !self.over_marked
    }
}

/// R4: a written name is a selection only where write-ins are allowed and, where `need_mark` is
/// set, a ○ was written beside it. An uncounted name leaves the paper valid.
pub fn write_in_counts(rules: WriteIns, write_in: &WriteIn) -> bool {
    rules.allowed && (write_in.marked || !rules.need_mark)
}

/// R3: anything but a blank cell is a mark (an unreadable one too: it invalidates only its cell).
pub fn is_mark(mark: Mark) -> bool {
    mark != Mark::Blank
}

/// The effect of `marks` in `contest`. A `for` on a candidate the contest does not have is not a
/// selection (`check_paper` reports it).
pub fn paper_effect(contest: &Contest, marks: &ContestMarks) -> ContestEffect {
    effect_with(contest.seats, contest.write_ins, marks, |id| contest.candidates.iter().any(|c| c.id == id))
}

/// [`paper_effect`] with the candidate look-up supplied, so the running tally can use its index.
pub(crate) fn effect_with(
    seats: u32,
    write_ins: WriteIns,
    marks: &ContestMarks,
    is_candidate: impl Fn(&str) -> bool,
) -> ContestEffect {
    let mut selections: u32 = 0;
    let mut any_mark = !marks.write_ins.is_empty();
    for (id, &mark) in &marks.marks {
        any_mark |= is_mark(mark);
        if mark == Mark::For && is_candidate(id) {
            selections = selections.saturating_add(1);
        }
    }
    let counted = marks.write_ins.iter().filter(|w| write_in_counts(write_ins, w)).count();
    selections = selections.saturating_add(u32::try_from(counted).unwrap_or(u32::MAX));
    ContestEffect { selections, seats, over_marked: selections > seats, blank: !any_mark }
}
