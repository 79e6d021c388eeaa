//! What the result sheet says about the two checks: the double entry (papers compared,
//! differences, resolved) and the blackboard ("核對：與黑板計票一致", or each line that differed
//! and how it was settled). The same records as the signed file's `double_entry`/`hand_tally`.

use hallcount_core::export::{DoubleEntryRecord, HandTallyRecord, Settled};
use hallcount_core::{BoardDifference, Election};
use yew::prelude::*;

use super::board_lines::{line_label, office_of};
use crate::i18n::{tr, tr_args, Lang, Msg};

/// The sheet's lines about the blackboard, in the page's language.
pub fn board_sentences(
    lang: Lang,
    election: &Election,
    hand: Option<&HandTallyRecord>,
) -> Vec<String> {
    let Some(hand) = hand else {
        return vec![tr(lang, Msg::SheetBoardNotChecked).to_owned()];
    };
    let verdict = if hand.agreed {
        tr(lang, Msg::BoardAgrees).to_owned()
    } else {
        tr_args(
            lang,
            Msg::BoardDiffers,
            &[("n", &hand.remaining.len().to_string())],
        )
    };
    let line = |d: &BoardDifference, how: Msg| {
        tr_args(
            lang,
            Msg::SheetBoardLine,
            &[
                ("contest", office_of(election, &d.contest)),
                ("line", &line_label(lang, election, &d.contest, &d.line)),
                ("board", &d.board.to_string()),
                ("count", &d.count.to_string()),
                ("how", tr(lang, how)),
            ],
        )
    };
    let mut sentences = vec![verdict];
    for found in &hand.differences {
        let how = match found.settled {
            // Both: the papers changed too; what the board did shows in its numbers.
            Some(Settled::BoardCorrected) => Msg::SettledBoard,
            Some(Settled::PapersCorrected | Settled::Both) => Msg::SettledPapers,
            None => Msg::SettledNot,
        };
        sentences.push(line(&found.found, how));
    }
    // Lines that differ now but did not when the board was first recorded.
    for remaining in &hand.remaining {
        let known = hand
            .differences
            .iter()
            .any(|f| f.found.contest == remaining.contest && f.found.line == remaining.line);
        if !known {
            sentences.push(line(remaining, Msg::SettledNot));
        }
    }
    sentences
}

pub fn double_entry_sentence(lang: Lang, double: Option<&DoubleEntryRecord>) -> String {
    match double {
        None => tr(lang, Msg::SheetNoDoubleEntry).to_owned(),
        Some(double) => tr_args(
            lang,
            Msg::SheetDoubleEntry,
            &[
                ("n", &double.first.to_string()),
                ("k", &double.differences.len().to_string()),
                ("r", &double.resolutions.len().to_string()),
            ],
        ),
    }
}

/// The sheet's section on the checks (a function: see `difference_list`).
pub fn sheet_checks(
    lang: Lang,
    election: &Election,
    double: Option<&DoubleEntryRecord>,
    hand: Option<&HandTallyRecord>,
) -> Html {
    html! {
        <section class="sheet-checks">
            <p class="sheet-double-entry">{ double_entry_sentence(lang, double) }</p>
            <ul class="sheet-board">
                for sentence in board_sentences(lang, election, hand) {
                    <li>{ sentence }</li>
                }
            </ul>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use hallcount_core::log::Reconciliation;
    use hallcount_core::{reconcile, tally, BoardLine, BoardTally, ContestMarks, Mark, Paper};

    use super::*;
    use crate::sample::sample_congress;

    fn first_for(election: &Election) -> Paper {
        let contest = &election.contests[0];
        let mut marks = ContestMarks::default();
        marks
            .marks
            .insert(contest.candidates[0].id.clone(), Mark::For);
        let mut paper = Paper::default();
        paper.contests.insert(contest.id.clone(), marks);
        paper
    }

    #[test]
    fn an_agreeing_board_prints_the_agreement_in_each_language_and_a_corrected_line_says_how() {
        let election = sample_congress();
        let counted = tally(&election, &[first_for(&election)]);
        let agreeing = BoardTally::agreeing_with(&counted);
        let recorded = |board: &BoardTally| Reconciliation {
            board: board.clone(),
            differences: reconcile(&counted, board),
        };
        let hand = HandTallyRecord::new(&[recorded(&agreeing)], &counted);
        assert_eq!(
            board_sentences(Lang::ZhHant, &election, hand.as_ref()),
            vec!["核對：與黑板計票一致".to_owned()]
        );
        assert_eq!(
            board_sentences(Lang::ZhHans, &election, hand.as_ref()),
            vec!["核对：与黑板计票一致".to_owned()]
        );

        // One wrong line, then corrected on the board: agreed, and the line says so.
        let mut wrong = agreeing.clone();
        let contest = counted.contests[0].id.clone();
        let candidate = counted.contests[0].candidates[0].id.clone();
        wrong.contests[0].candidates[0].votes_for = 0;
        let hand = HandTallyRecord::new(&[recorded(&wrong), recorded(&agreeing)], &counted);
        let sentences = board_sentences(Lang::En, &election, hand.as_ref());
        assert_eq!(sentences[0], tr(Lang::En, Msg::BoardAgrees));
        assert_eq!(sentences.len(), 2);
        let label = line_label(Lang::En, &election, &contest, &BoardLine::For { candidate });
        assert!(sentences[1].contains(&label), "{sentences:?}");
        assert!(sentences[1].contains(tr(Lang::En, Msg::SettledBoard)));

        // Left wrong: the sheet says it differs, and the line is not resolved.
        let hand = HandTallyRecord::new(&[recorded(&wrong)], &counted);
        let sentences = board_sentences(Lang::En, &election, hand.as_ref());
        assert_eq!(
            sentences[0],
            tr_args(Lang::En, Msg::BoardDiffers, &[("n", "1")])
        );
        assert!(sentences[1].contains(tr(Lang::En, Msg::SettledNot)));
        assert_eq!(
            board_sentences(Lang::En, &election, None),
            vec![tr(Lang::En, Msg::SheetBoardNotChecked).to_owned()]
        );
    }
}
