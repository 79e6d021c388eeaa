//! Errors in words: every refusal, problem and break the user may meet, through the message
//! table. The core's own messages are English and name JSON paths; these name the place as the
//! screen does and speak the meeting's language.

use hallcount_core::export::{KeyError, TrustedError};
use hallcount_core::lot::LotProblem;
use hallcount_core::{
    BackupError, BreakKind, ChainBreak, LoadError, LoadErrorKind, LogError, Problem, ProblemKind,
};

use crate::hooks::RestoreError;
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
    match error {
        NoElection => tr(lang, Msg::ErrNoElection).to_owned(),
        InvalidElection { problems: list } => tr_args(
            lang,
            Msg::ErrInvalidElection,
            &[("problems", &problems(lang, list))],
        ),
        DefinitionLocked => tr(lang, Msg::ErrDefinitionLocked).to_owned(),
        DefinitionNotLocked => tr(lang, Msg::ErrDefinitionNotLocked).to_owned(),
        RedefinitionBreaksPaper {
            number,
            problems: list,
        } => tr_args(
            lang,
            Msg::ErrRedefinitionBreaksPaper,
            &[("n", &n(number)), ("problems", &problems(lang, list))],
        ),
        InvalidPaper {
            number,
            problems: list,
        } => tr_args(
            lang,
            Msg::ErrInvalidPaper,
            &[("n", &n(number)), ("problems", &problems(lang, list))],
        ),
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
        InvalidSecondPaper {
            number,
            problems: list,
        } => tr_args(
            lang,
            Msg::ErrInvalidSecondPaper,
            &[("n", &n(number)), ("problems", &problems(lang, list))],
        ),
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

/// A file that could not be read: what is wrong, where, and the reader's reason, all in the
/// meeting's language (`file_words::detail`).
pub fn load_error(lang: Lang, error: &LoadError) -> String {
    let what = match error.kind {
        LoadErrorKind::Syntax => Msg::LoadErrorSyntax,
        LoadErrorKind::Format => Msg::LoadErrorFormat,
        LoadErrorKind::Shape => Msg::LoadErrorShape,
    };
    let path = if error.path.is_empty() {
        tr(lang, Msg::LoadErrorWholeFile)
    } else {
        error.path.as_str()
    };
    let place = match error.line {
        0 => path.to_owned(),
        line => tr_args(
            lang,
            Msg::LoadErrorPlace,
            &[
                ("path", path),
                ("line", &line.to_string()),
                ("column", &error.column.to_string()),
            ],
        ),
    };
    tr_args(
        lang,
        Msg::LoadErrorDescribed,
        &[
            ("what", tr(lang, what)),
            ("place", &place),
            ("detail", &super::file_words::detail(lang, error)),
        ],
    )
}

/// A trusted keys list the town office cannot use, in its language.
pub fn trusted_error(lang: Lang, error: &TrustedError) -> String {
    match error {
        TrustedError::Damaged(detail) => tr_args(lang, Msg::TrustedDamaged, &[("detail", detail)]),
        TrustedError::UnknownFormat(format) => {
            tr_args(lang, Msg::TrustedNotAList, &[("format", format)])
        }
        TrustedError::BadFingerprint { index, text } => tr_args(
            lang,
            Msg::TrustedBadFingerprint,
            &[("n", &(index + 1).to_string()), ("text", text)],
        ),
        TrustedError::Duplicate { fingerprint } => {
            tr_args(lang, Msg::TrustedDuplicate, &[("fingerprint", fingerprint)])
        }
    }
}

/// Why a meeting backup was not restored, in the page's language.
pub fn restore_error(lang: Lang, error: &RestoreError) -> String {
    match error {
        RestoreError::File(error) => backup_error(lang, error),
        RestoreError::Conflict { titles } => tr_args(
            lang,
            Msg::RestoreConflict,
            &[("elections", &listed(lang, titles))],
        ),
        RestoreError::Storage(error) => {
            tr_args(lang, Msg::RestoreStopped, &[("message", &error.0)])
        }
    }
}

/// Titles as a list in the page's language, each in quotes.
pub fn listed(lang: Lang, titles: &[String]) -> String {
    let quoted: Vec<String> = titles
        .iter()
        .map(|title| match lang {
            Lang::En => format!("\"{title}\""),
            Lang::ZhHant => format!("「{title}」"),
            Lang::ZhHans => format!("“{title}”"),
        })
        .collect();
    quoted.join(tr(lang, Msg::NameSeparator))
}

fn backup_error(lang: Lang, error: &BackupError) -> String {
    match error {
        BackupError::TooLarge { bytes, limit } => tr_args(
            lang,
            Msg::BackupTooLarge,
            &[("bytes", &bytes.to_string()), ("limit", &limit.to_string())],
        ),
        BackupError::Load(error) => load_error(lang, error),
        BackupError::NoElections => tr(lang, Msg::BackupNoElections).to_owned(),
        BackupError::TooManyElections { found } => {
            tr_args(lang, Msg::BackupTooMany, &[("n", &found.to_string())])
        }
        BackupError::BadId { index } => {
            tr_args(lang, Msg::BackupBadId, &[("n", &(index + 1).to_string())])
        }
        BackupError::DuplicateId { id } => tr_args(lang, Msg::BackupDuplicateId, &[("id", id)]),
        BackupError::EmptyLog { id } => tr_args(lang, Msg::BackupEmptyLog, &[("id", id)]),
        BackupError::Broken { id, at } => tr_args(
            lang,
            Msg::BackupBroken,
            &[("id", id), ("why", &break_reason(lang, &at.kind))],
        ),
        BackupError::UnknownCurrent => tr(lang, Msg::BackupUnknownCurrent).to_owned(),
    }
}

fn break_reason(lang: Lang, kind: &BreakKind) -> String {
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

#[cfg(test)]
mod load_error_tests {
    use super::*;

    #[test]
    fn a_refused_file_is_described_in_the_meeting_s_language_with_its_place() {
        let error = hallcount_core::parse_election(
            "{\n  \"format\": \"hallcount/election@1\",\n  \"title\": 7\n}",
        )
        .unwrap_err();
        let hant = load_error(Lang::ZhHant, &error);
        assert!(
            hant.starts_with(tr(Lang::ZhHant, Msg::LoadErrorShape)),
            "{hant}"
        );
        assert!(hant.contains("title"), "the place is named: {hant}");
        assert!(hant.contains("第 3 行"), "the line is named: {hant}");
        let syntax = hallcount_core::parse_election("{ not json").unwrap_err();
        assert!(load_error(Lang::En, &syntax).starts_with(tr(Lang::En, Msg::LoadErrorSyntax)));
        let format =
            hallcount_core::parse_election(r#"{ "format": "hallcount/ballots@1", "ballots": [] }"#)
                .unwrap_err();
        assert!(
            load_error(Lang::ZhHans, &format).starts_with(tr(Lang::ZhHans, Msg::LoadErrorFormat))
        );
    }
}

#[cfg(test)]
mod trusted_error_tests {
    use super::*;
    use hallcount_core::export::TrustedKeys;

    #[test]
    fn an_unusable_trusted_list_is_described_in_the_town_s_language() {
        let other = TrustedKeys::parse(r#"{ "format": "hallcount/ballots@1", "ballots": [] }"#)
            .unwrap_err();
        assert_eq!(
            trusted_error(Lang::ZhHant, &other),
            "不是受信任金鑰清單（格式為「hallcount/ballots@1」）"
        );
        let damaged = TrustedKeys::parse("{").unwrap_err();
        assert!(
            trusted_error(Lang::ZhHans, &damaged).starts_with("文件已损坏（"),
            "{damaged:?}"
        );
    }
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

#[cfg(test)]
mod restore_error_tests {
    use super::*;

    #[test]
    fn a_refused_restore_is_described_in_the_page_s_language() {
        let conflict = RestoreError::Conflict {
            titles: vec!["甲".into(), "乙".into()],
        };
        assert!(restore_error(Lang::ZhHant, &conflict).contains("「甲」、「乙」"));
        assert!(restore_error(Lang::En, &conflict).contains("\"甲\", \"乙\""));
        let empty = br#"{"format": "hallcount/meeting@1", "saved_at": "x", "elections": []}"#;
        let empty = hallcount_core::parse_backup(empty).unwrap_err();
        assert_eq!(
            restore_error(Lang::ZhHans, &RestoreError::File(empty)),
            tr(Lang::ZhHans, Msg::BackupNoElections)
        );
        let other = br#"{"format": "hallcount/ballots@1", "ballots": []}"#;
        let other = hallcount_core::parse_backup(other).unwrap_err();
        assert!(restore_error(Lang::En, &RestoreError::File(other))
            .starts_with(tr(Lang::En, Msg::LoadErrorFormat)));
    }
}
