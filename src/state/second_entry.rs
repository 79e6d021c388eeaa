//! The second clerk's entry on the same laptop, while it is being typed: papers kept beside the
//! log (not in it) until the clerk is done, then recorded at once as `SecondEntryRecorded`. The
//! handle keeps a copy in the browser's storage (`hooks/use_meeting/checks.rs`), so a reload or
//! a closed tab loses nothing. While
//! it is open the app shows only the second entry, so the clerk types blind to the first entry
//! and the board.

use std::rc::Rc;

use hallcount_core::Paper;

/// One step of the second clerk's typing.
#[derive(Clone, Debug, PartialEq)]
pub enum SecondStep {
    Start,
    Typed(Paper),
    /// The last paper typed is taken back (the clerk saw a slip).
    Undo,
    /// Given up (nothing recorded), or done (recorded in the log).
    Close,
    /// Typed before the tab was closed, read back from the browser's storage.
    Restore(Vec<Paper>),
}

/// The papers typed so far; `None` when no second entry is open.
pub fn step(draft: &Option<Rc<Vec<Paper>>>, step: SecondStep) -> Option<Option<Rc<Vec<Paper>>>> {
    match (draft, step) {
        (None, SecondStep::Start) => Some(Some(Rc::new(Vec::new()))),
        (None, SecondStep::Restore(papers)) => Some(Some(Rc::new(papers))),
        (Some(papers), SecondStep::Typed(paper)) => {
            let mut papers = (**papers).clone();
            papers.push(paper);
            Some(Some(Rc::new(papers)))
        }
        (Some(papers), SecondStep::Undo) if !papers.is_empty() => {
            let mut papers = (**papers).clone();
            papers.pop();
            Some(Some(Rc::new(papers)))
        }
        (Some(_), SecondStep::Close) => Some(None),
        // Nothing changes: the reducer keeps the same state.
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use hallcount_core::{ContestMarks, Paper};

    use crate::state::{Action, Meeting, OpenedAs, SecondStep};
    use yew::Reducible;

    fn marked(contest: &str) -> Paper {
        let mut paper = Paper::default();
        paper
            .contests
            .insert(contest.into(), ContestMarks::default());
        paper
    }

    #[test]
    fn the_second_entry_is_typed_taken_back_and_closed_and_ends_with_another_election() {
        let reduce =
            |m: std::rc::Rc<Meeting>, step: SecondStep| m.reduce(Action::SecondEntry(step));
        let closed = std::rc::Rc::new(Meeting::default());
        // Nothing is typed into a second entry that is not open.
        let same = reduce(closed.clone(), SecondStep::Typed(Paper::default()));
        assert!(std::rc::Rc::ptr_eq(&same, &closed));

        let mut m = reduce(closed, SecondStep::Start);
        for contest in ["a", "b", "c"] {
            m = reduce(m, SecondStep::Typed(marked(contest)));
        }
        m = reduce(m, SecondStep::Undo);
        let typed = m.second_entry.clone().expect("open");
        assert_eq!(*typed, vec![marked("a"), marked("b")]);
        // Starting again keeps what is typed.
        m = reduce(m, SecondStep::Start);
        assert_eq!(m.second_entry.as_deref().map(Vec::len), Some(2));

        let opened = m.clone().reduce(Action::Opened(OpenedAs::default()));
        assert_eq!(opened.second_entry, None);
        // Read back after a reload; never over papers being typed.
        let restored = reduce(opened, SecondStep::Restore(vec![marked("a")]));
        assert_eq!(restored.second_entry.as_deref(), Some(&vec![marked("a")]));
        let kept = reduce(restored.clone(), SecondStep::Restore(Vec::new()));
        assert!(std::rc::Rc::ptr_eq(&kept, &restored));
        assert_eq!(reduce(m, SecondStep::Close).second_entry, None);
    }
}
