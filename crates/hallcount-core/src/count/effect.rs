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
    let position = |id: &str| contest.candidates.iter().position(|c| c.id == id);
    effect_with(contest.seats, contest.write_ins, marks, position, |_, _| {})
}

/// [`paper_effect`] with the candidate look-up supplied, so the running tally can use its index,
/// and each `for` or `against` on a known candidate handed to `visit` (look-up done once).
pub(crate) fn effect_with(
    seats: u32,
    write_ins: WriteIns,
    marks: &ContestMarks,
    mut candidate: impl FnMut(&str) -> Option<usize>,
    mut visit: impl FnMut(usize, Mark),
) -> ContestEffect {
    let mut selections: u32 = 0;
    let mut any_mark = !marks.write_ins.is_empty();
    for (id, &mark) in &marks.marks {
        if !is_mark(mark) {
            continue;
        }
        any_mark = true;
        if mark == Mark::Unreadable {
            continue;
        }
        if let Some(index) = candidate(id) {
            selections = selections.saturating_add(u32::from(mark == Mark::For));
            visit(index, mark);
        }
    }
    let counted = marks
        .write_ins
        .iter()
        .filter(|w| write_in_counts(write_ins, w))
        .count();
    selections = selections.saturating_add(u32::try_from(counted).unwrap_or(u32::MAX));
    ContestEffect {
        selections,
        seats,
        over_marked: selections > seats,
        blank: !any_mark,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::election::{Candidate, Threshold};

    fn contest(seats: u32, write_ins: WriteIns) -> Contest {
        Contest {
            id: "c".into(),
            office: "c".into(),
            seats,
            candidates: ["A", "B"]
                .iter()
                .map(|id| Candidate {
                    id: id.to_string(),
                    name: id.to_string(),
                })
                .collect(),
            write_ins,
            threshold: Threshold::MORE_THAN_HALF_OF_CAST,
            ties: Default::default(),
            shortfall: Default::default(),
            round_of: None,
        }
    }

    fn marks(marks: &[(&str, Mark)], write_ins: &[(&str, bool)]) -> ContestMarks {
        ContestMarks {
            marks: marks.iter().map(|(id, m)| (id.to_string(), *m)).collect(),
            write_ins: write_ins
                .iter()
                .map(|(n, marked)| WriteIn {
                    name: n.to_string(),
                    marked: *marked,
                })
                .collect(),
        }
    }

    #[test]
    fn blank_and_marked_papers() {
        let c = contest(1, WriteIns::default());
        let blank = paper_effect(&c, &marks(&[("A", Mark::Blank)], &[]));
        assert_eq!(
            blank,
            ContestEffect {
                selections: 0,
                seats: 1,
                over_marked: false,
                blank: true
            }
        );
        let unreadable = paper_effect(&c, &marks(&[("A", Mark::Unreadable)], &[]));
        assert!(!unreadable.blank && unreadable.counts() && unreadable.selections == 0);
        let against = paper_effect(&c, &marks(&[("A", Mark::Against), ("B", Mark::For)], &[]));
        assert_eq!((against.selections, against.over_marked), (1, false));
        let two = paper_effect(&c, &marks(&[("A", Mark::For), ("B", Mark::For)], &[]));
        assert!(two.over_marked && !two.counts());
    }

    #[test]
    fn write_ins_follow_the_contest_rules() {
        let need_mark = WriteIns {
            allowed: true,
            need_mark: true,
        };
        let unmarked = marks(&[("A", Mark::For)], &[("N", false)]);
        let marked = marks(&[("A", Mark::For)], &[("N", true)]);
        assert_eq!(
            paper_effect(&contest(1, need_mark), &unmarked).selections,
            1
        );
        assert!(paper_effect(&contest(1, need_mark), &marked).over_marked);
        let free = WriteIns {
            allowed: true,
            need_mark: false,
        };
        assert!(paper_effect(&contest(1, free), &unmarked).over_marked);
        let not_allowed = paper_effect(&contest(1, WriteIns::default()), &marked);
        assert_eq!((not_allowed.selections, not_allowed.blank), (1, false));
    }

    #[test]
    fn unknown_candidate_is_no_selection() {
        let effect = paper_effect(
            &contest(1, WriteIns::default()),
            &marks(&[("Z", Mark::For)], &[]),
        );
        assert_eq!((effect.selections, effect.blank), (0, false));
    }
}
