//! A refused file in words: why it was not read, the strict reader's reason (the detail of a
//! `LoadError`, which the core keeps in English), a key or trusted list that cannot be used.
//! Everything in the page's language (issue 10 point 6: "details included").

use hallcount_core::export::{KeyError, TrustedError};
use hallcount_core::json::Reason;
use hallcount_core::{LoadError, LoadErrorKind};

use crate::components::json_files::ReadError;
use crate::i18n::{tr, tr_args, Lang, Msg};
use crate::services::file_reading::Refusal;

/// Why a file was not taken, whole: what, where and the detail.
pub fn refusal(lang: Lang, refusal: &Refusal) -> String {
    match refusal {
        Refusal::Read(error) => read_error(lang, error),
        Refusal::Load(error) => load_error(lang, error),
        Refusal::Key(error) => key_error(lang, error),
        Refusal::Trusted(error) => trusted_error(lang, error),
    }
}

pub fn read_error(lang: Lang, error: &ReadError) -> String {
    match error {
        ReadError::TooLarge { bytes, limit } => tr_args(
            lang,
            Msg::FileTooLarge,
            &[("bytes", &bytes.to_string()), ("limit", &limit.to_string())],
        ),
        ReadError::Unreadable(detail) => tr_args(lang, Msg::FileUnreadable, &[("detail", detail)]),
    }
}

fn key_error(lang: Lang, error: &KeyError) -> String {
    match error {
        KeyError::UnknownFormat(format) => {
            tr_args(lang, Msg::KeyNotAKeyFile, &[("format", format)])
        }
        KeyError::Inconsistent => tr(lang, Msg::KeyInconsistentFile).to_owned(),
        KeyError::Damaged(detail) => tr_args(lang, Msg::KeyDamagedFile, &[("detail", detail)]),
        // A clear key has no passphrase: only the CLI's sealed keys meet these.
        other => tr_args(lang, Msg::KeyDamagedFile, &[("detail", &other.to_string())]),
    }
}

/// The reader's reason, in words: any reason it does not know stays as the reader gave it.
pub fn detail(lang: Lang, error: &LoadError) -> String {
    let with = |key: Msg, args: &[(&str, &str)]| tr_args(lang, key, args);
    match error.reason() {
        Reason::NotUtf8 { offset, byte } => {
            with(Msg::DetailNotUtf8, &[("offset", offset), ("byte", byte)])
        }
        Reason::Utf16 => with(Msg::DetailUtf16, &[]),
        Reason::CutShort => with(Msg::DetailCutShort, &[]),
        Reason::ExpectedValue => with(Msg::DetailExpectedValue, &[]),
        Reason::TrailingCharacters => with(Msg::DetailTrailing, &[]),
        Reason::Punctuation => with(Msg::DetailPunctuation, &[]),
        Reason::BadString => with(Msg::DetailBadString, &[]),
        Reason::BadNumber => with(Msg::DetailBadNumber, &[]),
        Reason::TooDeep => with(Msg::DetailTooDeep, &[]),
        Reason::DuplicateKey { key } => with(Msg::DetailDuplicateKey, &[("key", key)]),
        Reason::UnknownField { field, expected } => with(
            Msg::DetailUnknownField,
            &[("field", field), ("expected", expected)],
        ),
        Reason::MissingField { field } => with(Msg::DetailMissingField, &[("field", field)]),
        Reason::WrongType { found, expected } => with(
            Msg::DetailWrongType,
            &[("found", found), ("expected", expected)],
        ),
        Reason::UnknownVariant { variant, expected } => with(
            Msg::DetailUnknownVariant,
            &[("variant", variant), ("expected", expected)],
        ),
        Reason::MalformedFraction { text } => with(Msg::DetailMalformedFraction, &[("text", text)]),
        Reason::FractionOutOfRange { text } => with(Msg::DetailFractionRange, &[("text", text)]),
        Reason::Other(message) => message.to_owned(),
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
            ("detail", &detail(lang, error)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::file_reading::election;
    use hallcount_core::export::TrustedKeys;

    /// Issue 10: "細節：EOF while parsing a value" under the Chinese page. Each language now
    /// says the detail in its own words, with the place.
    #[test]
    fn a_refused_definition_is_described_wholly_in_the_page_s_language() {
        let cases: &[(&[u8], [&str; 3])] = &[
            (
                b"{\"title\": \"\xb2\xe2\xca\xd4\"}",
                [
                    "位置 11 的位元組（0xb2）",
                    "位置 11 的字节（0xb2）",
                    "byte 11 (0xb2)",
                ],
            ),
            (
                b"{\"format\": \"hallcount/election@1\"",
                ["斷了", "断了", "cut short"],
            ),
            (
                b"{\"format\": \"hallcount/election@1\", \"format\": \"x\"}",
                [
                    "鍵「format」出現了兩次",
                    "键“format”出现了两次",
                    "\"format\" is given twice",
                ],
            ),
            (b"\xff\xfe{\0}\0", ["記事本", "记事本", "Notepad"]),
        ];
        for (bytes, says) in cases {
            let refused = election(Ok(bytes.to_vec())).unwrap_err();
            for (lang, says) in Lang::ALL.into_iter().zip(says) {
                let text = refusal(lang, &refused);
                assert!(text.contains(says), "{}: {text}", lang.tag());
                if lang != Lang::En {
                    for english in ["EOF", "duplicate", "UTF-8 text", "Notepad's"] {
                        assert!(!text.contains(english), "{}: {text}", lang.tag());
                    }
                }
            }
        }
        let large = election(Err(ReadError::TooLarge {
            bytes: 20_000_000,
            limit: 16_777_216,
        }))
        .unwrap_err();
        assert_eq!(
            refusal(Lang::ZhHant, &large),
            "檔案太大：20000000 位元組，上限 16777216 位元組"
        );
    }

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
