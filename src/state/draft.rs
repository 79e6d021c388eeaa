//! The paper being typed: a plain model the entry form renders, so every key's effect is tested
//! natively. A paper is taken exactly as marked; the counting rules decide what it is worth.

use hallcount_core::{ContestMarks, Election, Mark, Paper, WriteIn};

use super::keyboard::{next_mark, KeyMap, Lookup, Slot};

/// What a key press asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Press {
    /// A candidate's cell changed.
    Marked(Slot),
    /// The first characters of a longer code; waiting for the rest.
    Pending,
    /// No candidate has this code.
    Unknown(String),
    /// Enter: commit the paper.
    Commit,
    /// `+`: type a written name in this contest.
    WriteIn(usize),
    /// `/`: reject the whole paper (a reason follows).
    Reject,
    /// Escape: the pending code, else the whole paper, was cleared.
    Cleared,
    /// Not a key of the entry screen: left to the browser (Tab, arrows, shortcuts).
    Ignored,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub paper: Paper,
    /// Characters of a code typed so far (only with codes of two or more characters).
    pub pending: String,
    /// The contest of the last mark: where `+` adds a written name.
    pub current: usize,
    /// A commit of this blank paper was asked for once: "blank paper? Enter again" is shown, and
    /// the next commit enters it. Anything typed or clicked on the paper takes the question back.
    pub blank_asked: bool,
}

impl Draft {
    /// Apply one `KeyboardEvent.key`.
    pub fn press(&mut self, key: &str, keys: &KeyMap, election: &Election) -> Press {
        let press = self.apply(key, keys, election);
        if !matches!(press, Press::Commit | Press::Ignored) {
            self.blank_asked = false;
        }
        press
    }

    /// Nothing on the paper: no mark, no written name, no pending code.
    pub fn is_blank(&self) -> bool {
        self.paper.contests.is_empty() && self.paper.rejected.is_none() && self.pending.is_empty()
    }

    /// The paper to enter, and a fresh draft for the next one; but a blank paper only when
    /// asked twice (a stray second Enter after a paper must not enter a blank one): the first
    /// time, `None`, and the question is shown.
    pub fn commit(&mut self) -> Option<Paper> {
        if self.is_blank() && !self.blank_asked {
            self.blank_asked = true;
            return None;
        }
        Some(self.take())
    }

    fn apply(&mut self, key: &str, keys: &KeyMap, election: &Election) -> Press {
        match key {
            "Enter" => return Press::Commit,
            "Escape" => {
                if self.pending.is_empty() {
                    *self = Draft::default();
                } else {
                    self.pending.clear();
                }
                return Press::Cleared;
            }
            "Backspace" => {
                self.pending.pop();
                return Press::Pending;
            }
            "+" => {
                return self
                    .write_in_contest(election)
                    .map_or(Press::Ignored, Press::WriteIn)
            }
            "/" => return Press::Reject,
            _ => {}
        }
        if !KeyMap::is_code_char(key) {
            return Press::Ignored;
        }
        self.pending.push_str(&key.to_ascii_lowercase());
        match keys.lookup(&self.pending) {
            Lookup::Found(slot) => {
                self.pending.clear();
                self.cycle(slot, election);
                Press::Marked(slot)
            }
            Lookup::Partial => Press::Pending,
            Lookup::NoMatch => Press::Unknown(std::mem::take(&mut self.pending)),
        }
    }

    /// The mark of a printed candidate on this paper (`None` is blank).
    pub fn mark(&self, election: &Election, slot: Slot) -> Option<Mark> {
        let contest = election.contests.get(slot.contest)?;
        let candidate = contest.candidates.get(slot.candidate)?;
        self.paper
            .contests
            .get(&contest.id)?
            .marks
            .get(&candidate.id)
            .copied()
    }

    /// Blank → ○ → × → unreadable → blank, for one cell (a key press or a click).
    pub fn cycle(&mut self, slot: Slot, election: &Election) {
        let Some(contest) = election.contests.get(slot.contest) else {
            return;
        };
        let Some(candidate) = contest.candidates.get(slot.candidate) else {
            return;
        };
        self.current = slot.contest;
        self.blank_asked = false;
        let marks = self.paper.contests.entry(contest.id.clone()).or_default();
        match next_mark(marks.marks.get(&candidate.id).copied()) {
            Some(mark) => {
                marks.marks.insert(candidate.id.clone(), mark);
            }
            None => {
                marks.marks.remove(&candidate.id);
            }
        }
        self.drop_if_empty(&contest.id);
    }

    /// A written name, kept as typed (only the spaces around it trimmed).
    pub fn add_write_in(&mut self, contest: usize, election: &Election, name: &str, marked: bool) {
        let name = name.trim();
        let Some(contest) = election.contests.get(contest) else {
            return;
        };
        if name.is_empty() || !contest.write_ins.allowed {
            return;
        }
        self.blank_asked = false;
        let marks = self.paper.contests.entry(contest.id.clone()).or_default();
        marks.write_ins.push(WriteIn {
            name: name.to_owned(),
            marked,
        });
    }

    /// Add or take away the ○ beside a written name.
    pub fn toggle_write_in(&mut self, contest: usize, election: &Election, index: usize) {
        if let Some(write_in) = self
            .contest_marks_mut(contest, election)
            .and_then(|m| m.write_ins.get_mut(index))
        {
            write_in.marked = !write_in.marked;
        }
    }

    pub fn remove_write_in(&mut self, contest: usize, election: &Election, index: usize) {
        if let Some(marks) = self.contest_marks_mut(contest, election) {
            if index < marks.write_ins.len() {
                marks.write_ins.remove(index);
            }
        }
        if let Some(contest) = election.contests.get(contest) {
            self.drop_if_empty(&contest.id);
        }
    }

    /// The marks typed in one contest so far (empty for a blank contest).
    pub fn contest_marks(&self, election: &Election, contest: usize) -> ContestMarks {
        election
            .contests
            .get(contest)
            .and_then(|c| self.paper.contests.get(&c.id))
            .cloned()
            .unwrap_or_default()
    }

    /// The finished paper, and a fresh draft for the next one.
    pub fn take(&mut self) -> Paper {
        std::mem::take(self).paper
    }

    /// A rejected paper carries only its reason: it is invalid in every contest (R5).
    pub fn take_rejected(&mut self, reason: &str) -> Option<Paper> {
        let reason = reason.trim();
        if reason.is_empty() {
            return None;
        }
        *self = Draft::default();
        Some(Paper {
            contests: Default::default(),
            rejected: Some(reason.to_owned()),
        })
    }

    /// The contest of the last mark if it takes written names, else the first that does.
    fn write_in_contest(&self, election: &Election) -> Option<usize> {
        let allowed = |i: &usize| {
            election
                .contests
                .get(*i)
                .is_some_and(|c| c.write_ins.allowed)
        };
        Some(self.current)
            .filter(allowed)
            .or_else(|| (0..election.contests.len()).find(allowed))
    }

    fn contest_marks_mut(
        &mut self,
        contest: usize,
        election: &Election,
    ) -> Option<&mut ContestMarks> {
        let id = &election.contests.get(contest)?.id;
        self.paper.contests.get_mut(id)
    }

    /// A contest with nothing on it is left out of the paper, as the file format says.
    fn drop_if_empty(&mut self, contest_id: &str) {
        if self
            .paper
            .contests
            .get(contest_id)
            .is_some_and(|m| m.marks.is_empty() && m.write_ins.is_empty())
        {
            self.paper.contests.remove(contest_id);
        }
    }
}

#[cfg(test)]
mod tests;
