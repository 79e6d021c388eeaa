//! The two checks before signing, as the handle reads and records them: double entry (the
//! second clerk's papers, typed here or imported, and each difference resolved) and the
//! scrutineers' blackboard.

use std::rc::Rc;

use gloo::storage::{LocalStorage, Storage};
use hallcount_core::log::{DoubleEntry, Reconciliation};
use hallcount_core::{parse_ballots, BoardTally, Difference, Event, Paper};

use super::MeetingHandle;
use crate::services::files::ballots_json;
use crate::state::{Action, MeetingError, SecondStep};

/// Where the second entry being typed for election `id` is kept (as `hallcount/ballots@1`).
pub fn draft_key(id: &str) -> String {
    format!("hallcount.second-entry.{id}")
}

/// Keeps the second entry being typed for election `id` in the browser's storage, or forgets it
/// once recorded or given up. A refused write only loses the copy: the papers stay in the state.
pub fn keep_draft(id: &str, draft: Option<&[Paper]>) {
    if id.is_empty() {
        return;
    }
    let storage = LocalStorage::raw();
    let _ = match draft {
        Some(papers) => storage.set_item(&draft_key(id), &ballots_json(papers.iter().cloned())),
        None => storage.remove_item(&draft_key(id)),
    };
}

impl MeetingHandle {
    /// After an election is opened: the second entry typed for it before a reload, if any and
    /// if no second entry is recorded yet.
    pub(super) fn restore_second_entry(&self) {
        let id = self.election_id();
        if self.book().state().double_entry.is_some() {
            return;
        }
        let Ok(Some(text)) = LocalStorage::raw().get_item(&draft_key(&id)) else {
            return;
        };
        if let Ok(file) = parse_ballots(&text) {
            self.second_step(SecondStep::Restore(file.ballots));
        }
    }

    /// The second entry as recorded, with its comparison and resolutions; `None` before.
    pub fn double_entry(&self) -> Option<DoubleEntry> {
        self.book().state().double_entry.as_deref().cloned()
    }

    /// Every blackboard recorded, in order: the last is the board as it stands.
    pub fn reconciliations(&self) -> Rc<Vec<Reconciliation>> {
        Rc::new(self.book().state().reconciliations.clone())
    }

    /// The second entry being typed on this laptop, if one is open.
    pub fn second_entry_draft(&self) -> Option<Rc<Vec<Paper>>> {
        self.meeting.second_entry.clone()
    }

    /// One step of the second clerk's typing (kept beside the log until recorded).
    pub fn second_step(&self, step: SecondStep) {
        self.meeting.dispatch(Action::SecondEntry(step));
    }

    /// Records the second clerk's papers (typed here, or the second laptop's file); the entry
    /// being typed here is closed once the log has it.
    pub fn record_second_entry(&self, papers: Vec<Paper>) -> Result<(), MeetingError> {
        self.submit(
            Event::SecondEntryRecorded { papers },
            Vec::new(),
            Some(Action::SecondEntry(SecondStep::Close)),
        )
    }

    /// The officer's reading of the paper where the entries differ (`None`: no such paper).
    pub fn resolve_difference(
        &self,
        difference: Difference,
        reading: Option<Paper>,
    ) -> Result<(), MeetingError> {
        self.submit(
            Event::DifferenceResolved {
                difference,
                reading,
            },
            Vec::new(),
            None,
        )
    }

    /// Records the scrutineers' blackboard totals (again, when a line is corrected).
    pub fn record_board(&self, board: BoardTally) -> Result<(), MeetingError> {
        self.submit(Event::ReconciliationRecorded { board }, Vec::new(), None)
    }
}
