//! Why a meeting backup was not restored, and the elections a restore added or skipped, in the
//! page's language.

use hallcount_core::BackupError;

use super::describe::break_reason;
use super::file_words::load_error;
use crate::hooks::RestoreError;
use crate::i18n::{tr, tr_args, Lang, Msg};

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

pub fn backup_error(lang: Lang, error: &BackupError) -> String {
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
