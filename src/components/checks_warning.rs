//! Before the results are locked, the results page says plainly which check was not done (or
//! not finished): a warning, never a block. Derived from the log on each render; a function, not
//! a component (each component costs the wasm its own copy of Yew's lifecycle).

use hallcount_core::log::{DoubleEntry, Reconciliation};
use hallcount_core::{reconcile, Tally};
use yew::prelude::*;

use crate::i18n::{tr, tr_args, Lang, Msg};
use crate::route::Route;

/// One thing the officer should know before locking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckWarning {
    NoDoubleEntry,
    Unresolved(usize),
    NoBoard,
    BoardDiffers(usize),
}

impl CheckWarning {
    /// What is missing or open, against the count as it stands now.
    pub fn all(
        double: Option<&DoubleEntry>,
        reconciliations: &[Reconciliation],
        tally: &Tally,
    ) -> Vec<CheckWarning> {
        let board = reconciliations.last();
        let mut warnings = Vec::new();
        match double.map(|d| d.unresolved().count()) {
            None => warnings.push(CheckWarning::NoDoubleEntry),
            Some(0) => {}
            Some(n) => warnings.push(CheckWarning::Unresolved(n)),
        }
        match board.map(|b| reconcile(tally, &b.board).len()) {
            None => warnings.push(CheckWarning::NoBoard),
            Some(0) => {}
            Some(n) => warnings.push(CheckWarning::BoardDiffers(n)),
        }
        warnings
    }

    /// Said as the sheet says it: "雙人錄入：未做", "核對：未與黑板計票核對", ...
    pub fn sentence(self, lang: Lang) -> String {
        match self {
            CheckWarning::NoDoubleEntry => tr(lang, Msg::SheetNoDoubleEntry).to_owned(),
            CheckWarning::Unresolved(n) => {
                tr_args(lang, Msg::DiffUnresolvedCount, &[("n", &n.to_string())])
            }
            CheckWarning::NoBoard => tr(lang, Msg::SheetBoardNotChecked).to_owned(),
            CheckWarning::BoardDiffers(n) => {
                tr_args(lang, Msg::BoardDiffers, &[("n", &n.to_string())])
            }
        }
    }
}

/// The warnings above the lock button; nothing once all is checked (the page shows them only
/// before the lock).
pub fn checks_warning(lang: Lang, warnings: &[CheckWarning]) -> Html {
    if warnings.is_empty() {
        return html! {};
    }
    html! {
        <div class="checks-warning" role="status">
            for warning in warnings {
                <p>{ warning.sentence(lang) }</p>
            }
            <a href={Route::Checks.hash()}>{ tr(lang, Msg::ChecksGoTo) }</a>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use hallcount_core::{tally, BoardTally, Paper};

    use super::*;
    use crate::sample::sample_congress;

    #[test]
    fn the_warning_names_what_was_not_done_against_the_count_as_it_stands() {
        let election = sample_congress();
        let counted = tally(&election, &[Paper::default()]);
        assert_eq!(
            CheckWarning::all(None, &[], &counted),
            vec![CheckWarning::NoDoubleEntry, CheckWarning::NoBoard]
        );
        let agreeing = Reconciliation {
            board: BoardTally::agreeing_with(&counted),
            differences: Vec::new(),
        };
        assert_eq!(
            CheckWarning::all(None, std::slice::from_ref(&agreeing), &counted),
            vec![CheckWarning::NoDoubleEntry]
        );
        // The board agreed with an earlier count; a paper entered since makes it differ.
        let later = tally(&election, &[Paper::default(), Paper::default()]);
        let warnings = CheckWarning::all(None, &[agreeing], &later);
        assert!(
            matches!(warnings[1], CheckWarning::BoardDiffers(n) if n > 0),
            "{warnings:?}"
        );
    }
}
