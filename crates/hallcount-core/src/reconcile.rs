//! Reconciliation with the blackboard (計票/監票): the scrutineers' own totals, counted by tally
//! marks independently of the laptop, compared line by line with the count. A line the board
//! does not give is read as 0, so a forgotten line shows as a difference rather than passing.

use serde::{Deserialize, Serialize};

use crate::tally::{ContestTally, Tally};

/// The scrutineers' totals, as typed from the board.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardTally {
    pub contests: Vec<BoardContest>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardContest {
    pub id: String,
    pub valid: u32,
    pub invalid: u32,
    pub blank: u32,
    #[serde(default)]
    pub candidates: Vec<BoardCandidate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub write_ins: Vec<BoardWriteIn>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardCandidate {
    pub id: String,
    #[serde(rename = "for")]
    pub votes_for: u32,
    pub against: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardWriteIn {
    pub name: String,
    pub votes: u32,
}

/// One line of a contest on the board.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "line", rename_all = "snake_case")]
pub enum BoardLine {
    Valid,
    Invalid,
    Blank,
    For { candidate: String },
    Against { candidate: String },
    WriteIn { name: String },
}

/// A line where the board and the count part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardDifference {
    pub contest: String,
    #[serde(flatten)]
    pub line: BoardLine,
    pub board: u32,
    pub count: u32,
}

impl BoardTally {
    /// The board that agrees with `tally` on every line: what the form starts from is the empty
    /// board, never this (the scrutineers type their own numbers); tests and examples use it.
    pub fn agreeing_with(tally: &Tally) -> BoardTally {
        BoardTally::lines_of(tally, |contest, line| count_value(tally, contest, line))
    }

    /// A board with every line of the count, in its order, each at `value(contest, line)`.
    pub fn lines_of(tally: &Tally, value: impl Fn(&str, &BoardLine) -> u32) -> BoardTally {
        let contest = |c: &ContestTally| BoardContest {
            id: c.id.clone(),
            valid: value(&c.id, &BoardLine::Valid),
            invalid: value(&c.id, &BoardLine::Invalid),
            blank: value(&c.id, &BoardLine::Blank),
            candidates: c
                .candidates
                .iter()
                .map(|k| BoardCandidate {
                    id: k.id.clone(),
                    votes_for: value(
                        &c.id,
                        &BoardLine::For {
                            candidate: k.id.clone(),
                        },
                    ),
                    against: value(
                        &c.id,
                        &BoardLine::Against {
                            candidate: k.id.clone(),
                        },
                    ),
                })
                .collect(),
            write_ins: c
                .write_ins
                .iter()
                .map(|w| BoardWriteIn {
                    name: w.name.clone(),
                    votes: value(
                        &c.id,
                        &BoardLine::WriteIn {
                            name: w.name.clone(),
                        },
                    ),
                })
                .collect(),
        };
        BoardTally {
            contests: tally.contests.iter().map(contest).collect(),
        }
    }

    /// The board's number for a line (0 when the board does not give it).
    pub fn value(&self, contest: &str, line: &BoardLine) -> u32 {
        let c = self.contests.iter().find(|c| c.id == contest);
        c.map_or(0, |c| line_value(c, line))
    }
}

/// The count's number for a line (0 for a contest, candidate or name it does not have).
pub fn count_value(tally: &Tally, contest: &str, line: &BoardLine) -> u32 {
    let c = tally.contests.iter().find(|c| c.id == contest);
    c.map_or(0, |c| line_value(c, line))
}

/// One contest's numbers, as the board gives them or as the count found them.
trait ContestNumbers {
    fn totals(&self) -> (u32, u32, u32);
    /// A candidate's (for, against), if the contest has the candidate.
    fn candidate(&self, id: &str) -> Option<(u32, u32)>;
    /// The votes of a written name: the board may write one name on two lines, which add up
    /// (the count has each name once).
    fn write_in(&self, name: &str) -> u32;
}

/// The board's contest and the count's have the same fields, so one body serves both.
macro_rules! contest_numbers {
    ($($contest:ty),*) => {$(
        impl ContestNumbers for $contest {
            fn totals(&self) -> (u32, u32, u32) {
                (self.valid, self.invalid, self.blank)
            }

            fn candidate(&self, id: &str) -> Option<(u32, u32)> {
                let k = self.candidates.iter().find(|k| k.id == id)?;
                Some((k.votes_for, k.against))
            }

            fn write_in(&self, name: &str) -> u32 {
                let lines = self.write_ins.iter().filter(|w| w.name == name);
                lines.map(|w| w.votes).sum()
            }
        }
    )*};
}

contest_numbers!(BoardContest, crate::tally::ContestTally);

fn line_value(c: &impl ContestNumbers, line: &BoardLine) -> u32 {
    let (valid, invalid, blank) = c.totals();
    match line {
        BoardLine::Valid => valid,
        BoardLine::Invalid => invalid,
        BoardLine::Blank => blank,
        BoardLine::For { candidate } => c.candidate(candidate).map_or(0, |(f, _)| f),
        BoardLine::Against { candidate } => c.candidate(candidate).map_or(0, |(_, a)| a),
        BoardLine::WriteIn { name } => c.write_in(name),
    }
}

/// Every line of the count (and every line the board adds: a written name or a contest the count
/// does not have) where the board differs, contest by contest in the count's order.
pub fn reconcile(tally: &Tally, board: &BoardTally) -> Vec<BoardDifference> {
    let mut lines: Vec<(String, BoardLine, u32)> = Vec::new();
    for c in &tally.contests {
        let id = &c.id;
        lines.push((id.clone(), BoardLine::Valid, c.valid));
        lines.push((id.clone(), BoardLine::Invalid, c.invalid));
        lines.push((id.clone(), BoardLine::Blank, c.blank));
        for k in &c.candidates {
            let candidate = k.id.clone();
            lines.push((
                id.clone(),
                BoardLine::For {
                    candidate: candidate.clone(),
                },
                k.votes_for,
            ));
            lines.push((id.clone(), BoardLine::Against { candidate }, k.against));
        }
        for w in &c.write_ins {
            let name = w.name.clone();
            lines.push((id.clone(), BoardLine::WriteIn { name }, w.votes));
        }
    }
    // Lines only the board has (a contest, a candidate or a name the count does not know)
    // count 0 on the laptop.
    for c in &board.contests {
        let mut extra = vec![BoardLine::Valid, BoardLine::Invalid, BoardLine::Blank];
        for k in &c.candidates {
            extra.push(BoardLine::For {
                candidate: k.id.clone(),
            });
            extra.push(BoardLine::Against {
                candidate: k.id.clone(),
            });
        }
        extra.extend(c.write_ins.iter().map(|w| BoardLine::WriteIn {
            name: w.name.clone(),
        }));
        for line in extra {
            if !lines.iter().any(|(id, l, _)| id == &c.id && l == &line) {
                lines.push((c.id.clone(), line, 0));
            }
        }
    }
    lines
        .into_iter()
        .filter_map(|(contest, line, count)| {
            let on_board = board.value(&contest, &line);
            (on_board != count).then_some(BoardDifference {
                contest,
                line,
                board: on_board,
                count,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
