//! The lines of the blackboard, named for people, and the board the form edits. Shared by the
//! board form and the sheet.

use hallcount_core::{BoardLine, BoardTally, Election, Tally};

use crate::i18n::result_words::display_name;
use crate::i18n::{tr, tr_args, Lang, Msg};

/// Every line of the count, contest by contest: valid, invalid, blank, each candidate for and
/// against, each written name.
pub fn count_lines(tally: &Tally) -> Vec<(String, BoardLine)> {
    let mut lines = Vec::new();
    for contest in &tally.contests {
        let id = || contest.id.clone();
        lines.push((id(), BoardLine::Valid));
        lines.push((id(), BoardLine::Invalid));
        lines.push((id(), BoardLine::Blank));
        for k in &contest.candidates {
            let candidate = k.id.clone();
            lines.push((
                id(),
                BoardLine::For {
                    candidate: candidate.clone(),
                },
            ));
            lines.push((id(), BoardLine::Against { candidate }));
        }
        for w in &contest.write_ins {
            lines.push((
                id(),
                BoardLine::WriteIn {
                    name: w.name.clone(),
                },
            ));
        }
    }
    lines
}

/// A key for a line, unique within its contest (for the form's fields and the tests).
pub fn line_key(line: &BoardLine) -> String {
    match line {
        BoardLine::Valid => "valid".into(),
        BoardLine::Invalid => "invalid".into(),
        BoardLine::Blank => "blank".into(),
        BoardLine::For { candidate } => format!("for:{candidate}"),
        BoardLine::Against { candidate } => format!("against:{candidate}"),
        BoardLine::WriteIn { name } => format!("write_in:{name}"),
    }
}

/// A line as the hall says it: "有效", "李美華 同意", "王芳（另選）".
pub fn line_label(lang: Lang, election: &Election, contest: &str, line: &BoardLine) -> String {
    let definition = election.contests.iter().find(|c| c.id == contest);
    match line {
        BoardLine::Valid => tr(lang, Msg::StatValid).into(),
        BoardLine::Invalid => tr(lang, Msg::StatInvalid).into(),
        BoardLine::Blank => tr(lang, Msg::StatBlank).into(),
        BoardLine::For { candidate } => {
            format!(
                "{} {}",
                display_name(lang, definition, candidate),
                tr(lang, Msg::ColFor)
            )
        }
        BoardLine::Against { candidate } => {
            let name = display_name(lang, definition, candidate);
            format!("{name} {}", tr(lang, Msg::ColAgainst))
        }
        BoardLine::WriteIn { name } => tr_args(lang, Msg::WrittenName, &[("name", name)]),
    }
}

/// The office of a contest id (the id itself for a contest the definition lacks).
pub fn office_of<'a>(election: &'a Election, contest: &'a str) -> &'a str {
    election
        .contests
        .iter()
        .find(|c| c.id == contest)
        .map_or(contest, |c| c.office.as_str())
}

/// The board the form starts from: every line of the count, at the value of the board recorded
/// last (0 before any). The scrutineers type their own numbers: the count's never fill it.
pub fn board_to_edit(tally: &Tally, last: Option<&BoardTally>) -> BoardTally {
    BoardTally::lines_of(tally, |contest, line| {
        last.map_or(0, |b| b.value(contest, line))
    })
}

/// Sets one line of `board` (a line it does not have is left alone).
pub fn set_line(board: &mut BoardTally, contest: &str, line: &BoardLine, votes: u32) {
    let Some(c) = board.contests.iter_mut().find(|c| c.id == contest) else {
        return;
    };
    match line {
        BoardLine::Valid => c.valid = votes,
        BoardLine::Invalid => c.invalid = votes,
        BoardLine::Blank => c.blank = votes,
        BoardLine::For { candidate } | BoardLine::Against { candidate } => {
            if let Some(k) = c.candidates.iter_mut().find(|k| &k.id == candidate) {
                if matches!(line, BoardLine::For { .. }) {
                    k.votes_for = votes;
                } else {
                    k.against = votes;
                }
            }
        }
        BoardLine::WriteIn { name } => {
            if let Some(w) = c.write_ins.iter_mut().find(|w| &w.name == name) {
                w.votes = votes;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use hallcount_core::{tally, Paper};

    use super::*;
    use crate::sample::sample_congress;

    #[test]
    fn the_form_starts_empty_then_from_the_last_board_and_each_line_is_set_alone() {
        let election = sample_congress();
        let counted = tally(&election, &[Paper::default()]);
        let empty = board_to_edit(&counted, None);
        assert!(count_lines(&counted)
            .iter()
            .all(|(c, l)| empty.value(c, l) == 0));
        // Every line of the count is a line of the form, with a key of its own per contest.
        let lines = count_lines(&counted);
        let mut keys: Vec<(String, String)> = lines
            .iter()
            .map(|(c, l)| (c.clone(), line_key(l)))
            .collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), lines.len());

        let agreeing = BoardTally::agreeing_with(&counted);
        let mut edited = board_to_edit(&counted, Some(&agreeing));
        assert!(hallcount_core::reconcile(&counted, &edited).is_empty());
        let (contest, line) = lines[3].clone();
        set_line(&mut edited, &contest, &line, 7);
        let differences = hallcount_core::reconcile(&counted, &edited);
        assert_eq!(differences.len(), 1);
        assert_eq!(
            (differences[0].line.clone(), differences[0].board),
            (line, 7)
        );
    }
}
