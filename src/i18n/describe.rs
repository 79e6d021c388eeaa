//! Errors in words: every refusal, problem and break the user may meet, through the message
//! table. The core's own messages are English and name JSON paths; these name the place as the
//! screen does and speak the meeting's language.

use hallcount_core::export::KeyError;
use hallcount_core::lot::LotProblem;
use hallcount_core::{BreakKind, ChainBreak, LogError, Problem, ProblemKind};

use crate::i18n::{tr, tr_args, Lang, Msg};
use crate::services::file_reading::Refusal;
use crate::services::signing_key::KeyFailure;
use crate::state::MeetingError;

pub fn problem(lang: Lang, problem: &Problem) -> String {
    problem_kind(lang, &problem.kind)
}

pub fn problem_kind(lang: Lang, kind: &ProblemKind) -> String {
    use ProblemKind::*;
    let n = |value: &usize| value.to_string();
    match kind {
        Empty { .. } => tr(lang, Msg::ProblemEmpty).to_owned(),
        DuplicateId { id } => tr_args(lang, Msg::ProblemDuplicateId, &[("id", id)]),
        ReservedId { id } => tr_args(lang, Msg::ProblemReservedId, &[("id", id)]),
        BadDate { date } => tr_args(lang, Msg::ProblemBadDate, &[("date", date)]),
        NoEntitled => tr(lang, Msg::ProblemNoEntitled).to_owned(),
        PresentOverEntitled { present, entitled } => tr_args(
            lang,
            Msg::ProblemPresentOverEntitled,
            &[
                ("present", &present.to_string()),
                ("entitled", &entitled.to_string()),
            ],
        ),
        RoundZero => tr(lang, Msg::ProblemRoundZero).to_owned(),
        NoContests => tr(lang, Msg::ProblemNoContests).to_owned(),
        NoSeats => tr(lang, Msg::ProblemNoSeats).to_owned(),
        NoCandidates => tr(lang, Msg::ProblemNoCandidates).to_owned(),
        RoundOfInFirstRound => tr(lang, Msg::ProblemRoundOfInFirstRound).to_owned(),
        MissingRoundOf => tr(lang, Msg::ProblemMissingRoundOf).to_owned(),
        UnreachableThreshold => tr(lang, Msg::ProblemUnreachableThreshold).to_owned(),
        WholeFraction => tr(lang, Msg::ProblemWholeFraction).to_owned(),
        ShortfallSettingUnused { .. } => tr(lang, Msg::ProblemShortfallSettingUnused).to_owned(),
        FloorWithoutFraction => tr(lang, Msg::ProblemFloorWithoutFraction).to_owned(),
        UnknownContest { paper, contest } => tr_args(
            lang,
            Msg::ProblemUnknownContest,
            &[("n", &n(paper)), ("contest", contest)],
        ),
        UnknownCandidate {
            paper,
            contest,
            candidate,
        } => tr_args(
            lang,
            Msg::ProblemUnknownCandidate,
            &[
                ("n", &n(paper)),
                ("contest", contest),
                ("candidate", candidate),
            ],
        ),
        WriteInNotAllowed { paper, contest } => tr_args(
            lang,
            Msg::ProblemWriteInNotAllowed,
            &[("n", &n(paper)), ("contest", contest)],
        ),
        EmptyWriteIn { paper, .. } => tr_args(lang, Msg::ProblemEmptyWriteIn, &[("n", &n(paper))]),
        DuplicateWriteIn { paper, name, .. } => tr_args(
            lang,
            Msg::ProblemDuplicateWriteIn,
            &[("n", &n(paper)), ("name", name)],
        ),
        EmptyRejection { paper } => tr_args(lang, Msg::ProblemEmptyRejection, &[("n", &n(paper))]),
        TooMany { count, max, .. } => tr_args(
            lang,
            Msg::ProblemTooMany,
            &[("count", &count.to_string()), ("max", &max.to_string())],
        ),
        TooLong { max, .. } => tr_args(lang, Msg::ProblemTooLong, &[("max", &n(max))]),
        HiddenCharacter { code, .. } => tr_args(
            lang,
            Msg::ProblemHiddenCharacter,
            &[("code", &format!("{code:04X}"))],
        ),
    }
}

fn problems(lang: Lang, list: &[Problem]) -> String {
    let texts: Vec<String> = list
        .iter()
        .map(|p| format!("{} ({})", problem(lang, p), p.path))
        .collect();
    texts.join(tr(lang, Msg::NameSeparator))
}

pub fn log_error(lang: Lang, error: &LogError) -> String {
    use LogError::*;
    let n = |number: &u32| number.to_string();
    // A paper refused for its problems: its number, then each problem with its place.
    let paper_problems = |message: Msg, number: u32, list: &[Problem]| {
        tr_args(
            lang,
            message,
            &[("n", &n(&number)), ("problems", &problems(lang, list))],
        )
    };
    match error {
        NoElection => tr(lang, Msg::ErrNoElection).to_owned(),
        InvalidElection { problems: list } => tr_args(
            lang,
            Msg::ErrInvalidElection,
            &[("problems", &problems(lang, list))],
        ),
        DefinitionLocked => tr(lang, Msg::ErrDefinitionLocked).to_owned(),
        DefinitionNotLocked => tr(lang, Msg::ErrDefinitionNotLocked).to_owned(),
        RedefinitionBreaksPaper { number, problems } => {
            paper_problems(Msg::ErrRedefinitionBreaksPaper, *number, problems)
        }
        InvalidPaper { number, problems } => {
            paper_problems(Msg::ErrInvalidPaper, *number, problems)
        }
        ResultsLocked => tr(lang, Msg::ErrResultsLocked).to_owned(),
        ResultsAlreadyLocked => tr(lang, Msg::ErrResultsAlreadyLocked).to_owned(),
        ResultsNotLocked => tr(lang, Msg::ErrResultsNotLocked).to_owned(),
        UnknownPaper { number } => tr_args(lang, Msg::ErrUnknownPaper, &[("n", &n(number))]),
        AlreadyVoided { number } => tr_args(lang, Msg::ErrAlreadyVoided, &[("n", &n(number))]),
        MissingReason => tr(lang, Msg::ErrMissingReason).to_owned(),
        UnknownContest { contest } => {
            tr_args(lang, Msg::ErrUnknownContest, &[("contest", contest)])
        }
        InvalidLot { contest, problem } => lot_problem(lang, contest, problem),
        SecondEntryAlreadyRecorded => tr(lang, Msg::ErrSecondEntryAlreadyRecorded).to_owned(),
        InvalidSecondPaper { number, problems } => {
            paper_problems(Msg::ErrInvalidSecondPaper, *number, problems)
        }
        EntriesTooFarApart => tr(lang, Msg::ErrEntriesTooFarApart).to_owned(),
        NoSecondEntry => tr(lang, Msg::ErrNoSecondEntry).to_owned(),
        UnknownDifference => tr(lang, Msg::ErrUnknownDifference).to_owned(),
        AlreadyResolved => tr(lang, Msg::ErrAlreadyResolved).to_owned(),
        InvalidReading { problems: list } => tr_args(
            lang,
            Msg::ErrInvalidReading,
            &[("problems", &problems(lang, list))],
        ),
        OutOfSequence { .. } | BrokenLink { .. } => tr(lang, Msg::ErrOutOfStep).to_owned(),
    }
}

pub fn lot_problem(lang: Lang, contest: &str, problem: &LotProblem) -> String {
    match problem {
        LotProblem::UnknownContest => {
            tr_args(lang, Msg::ErrUnknownContest, &[("contest", contest)])
        }
        LotProblem::NotRequired => tr_args(lang, Msg::ErrLotNotRequired, &[("contest", contest)]),
        LotProblem::RepeatedWinner { winner } => {
            tr_args(lang, Msg::ErrLotRepeated, &[("name", winner)])
        }
        LotProblem::NotTied { winner } => tr_args(lang, Msg::ErrLotNotTied, &[("name", winner)]),
        LotProblem::WrongNumber { seats, winners } => tr_args(
            lang,
            Msg::ErrLotWrongNumber,
            &[("seats", &seats.to_string()), ("n", &winners.to_string())],
        ),
    }
}

pub fn meeting_error(lang: Lang, error: &MeetingError) -> String {
    match error {
        MeetingError::Refused(error) => log_error(lang, error),
        MeetingError::NoElection => tr(lang, Msg::ErrNoElection).to_owned(),
        MeetingError::OtherTab => tr(lang, Msg::AlertOtherTab).to_owned(),
        MeetingError::Paused => tr(lang, Msg::ErrPaused).to_owned(),
        MeetingError::HeadMoved => tr(lang, Msg::ErrHeadMoved).to_owned(),
        MeetingError::Storage { message } => {
            tr_args(lang, Msg::AlertStorageFailed, &[("message", message)])
        }
    }
}

pub(super) fn break_reason(lang: Lang, kind: &BreakKind) -> String {
    match kind {
        BreakKind::Sequence { .. } | BreakKind::Truncated { .. } => {
            tr(lang, Msg::BreakMissing).to_owned()
        }
        BreakKind::Link | BreakKind::HeadMismatch => tr(lang, Msg::BreakAltered).to_owned(),
        BreakKind::Unreadable { .. } => tr(lang, Msg::BreakUnreadable).to_owned(),
        BreakKind::UnreadableHead { .. } => tr(lang, Msg::BreakHeadUnreadable).to_owned(),
        BreakKind::Refused(error) => log_error(lang, error),
    }
}

pub fn chain_break(lang: Lang, broken: &ChainBreak) -> String {
    let kept = broken.index.to_string();
    let why = break_reason(lang, &broken.kind);
    tr_args(
        lang,
        Msg::AlertChainBroken,
        &[("kept", &kept), ("why", &why)],
    )
}

/// Why a key action did nothing (nothing stored changed, whatever the reason).
pub fn key_failure(lang: Lang, failure: &KeyFailure) -> String {
    match failure {
        KeyFailure::Key(KeyError::WrongPassphrase) => tr(lang, Msg::KeyWrongPassphrase).to_owned(),
        KeyFailure::Key(KeyError::EmptyPassphrase) => tr(lang, Msg::KeyEmptyPassphrase).to_owned(),
        KeyFailure::Key(error) => super::file_words::refusal(lang, &Refusal::Key(error.clone())),
        KeyFailure::PassphrasesDiffer => tr(lang, Msg::KeyPassphrasesDiffer).to_owned(),
        KeyFailure::NoSealedKey => tr(lang, Msg::KeyMissing).to_owned(),
        KeyFailure::Browser(detail) => tr_args(lang, Msg::KeyStorageRefused, &[("detail", detail)]),
    }
}
