//! Why a result file was not counted, in the page's language: the detail of each
//! `VerifyError` (issue 10: the Town page showed the core's English under `lang="en"`). Values
//! from the file (a format, an id, a time) are filled in as they are; the caller shows the whole
//! through `components::name::bdi`, which isolates it and makes hidden characters visible.

use hallcount_core::election::ELECTION_FORMAT;
use hallcount_core::export::result::SIGNATURE_ALGORITHM;
use hallcount_core::export::{
    ContentFault, Damage, SignatureFault, TallyFault, VerifyError, RESULT_FORMAT,
};
use hallcount_core::{Problem, Status};

use super::describe;
use super::file_words;
use crate::components::json_files::ReadError;
use crate::i18n::{tr, tr_args, Lang, Msg};

/// The detail of a failed verification: what exactly is wrong with the file.
pub fn failure_detail(lang: Lang, error: &VerifyError) -> String {
    let with = |key: Msg, args: &[(&str, &str)]| tr_args(lang, key, args);
    match error {
        VerifyError::Unreadable(detail) => {
            file_words::read_error(lang, &ReadError::Unreadable(detail.clone()))
        }
        VerifyError::TooLarge { bytes, limit } => file_words::read_error(
            lang,
            &ReadError::TooLarge {
                bytes: *bytes,
                limit: *limit,
            },
        ),
        VerifyError::DamagedJson(damage) => damage_detail(lang, damage),
        VerifyError::UnknownFormat(None) => {
            with(Msg::VerifyNoFormat, &[("expected", RESULT_FORMAT)])
        }
        VerifyError::UnknownFormat(Some(format)) => with(
            Msg::VerifyNotAResult,
            &[("format", format), ("expected", RESULT_FORMAT)],
        ),
        VerifyError::UnknownAlgorithm(algorithm) => with(
            Msg::VerifyAlgorithm,
            &[("algorithm", algorithm), ("expected", SIGNATURE_ALGORITHM)],
        ),
        VerifyError::BadSignature(fault) => tr(lang, signature_key(*fault)).to_owned(),
        VerifyError::Reformatted => tr(lang, Msg::VerifyReformattedDetail).to_owned(),
        VerifyError::InvalidContent(fault) => content_detail(lang, fault),
        VerifyError::TallyMismatch(fault) => tally_detail(lang, fault),
    }
}

fn damage_detail(lang: Lang, damage: &Damage) -> String {
    match damage {
        Damage::Load(error) => file_words::load_error(lang, error),
        Damage::MissingPart => tr(lang, Msg::VerifyMissingPart).to_owned(),
        Damage::SignatureField(field) => {
            tr_args(lang, Msg::VerifySignatureField, &[("field", field)])
        }
    }
}

fn signature_key(fault: SignatureFault) -> Msg {
    match fault {
        SignatureFault::PublicKeyNotHex => Msg::VerifyKeyNotHex,
        SignatureFault::FingerprintNotTheKeys => Msg::VerifyFingerprintNotKeys,
        SignatureFault::ValueNotHex => Msg::VerifyValueNotHex,
        SignatureFault::PayloadHashMismatch => Msg::VerifyHashMismatch,
        SignatureFault::DoesNotMatch => Msg::VerifySignatureMismatch,
    }
}

/// A problem with its place (a JSON path, e.g. `contests[0].candidates[2].id`).
fn with_problem(lang: Lang, key: Msg, problem: &Problem, args: &[(&str, &str)]) -> String {
    let words = describe::problem(lang, problem);
    let mut all = vec![
        ("place", problem.path.as_str()),
        ("problem", words.as_str()),
    ];
    all.extend_from_slice(args);
    tr_args(lang, key, &all)
}

fn content_detail(lang: Lang, fault: &ContentFault) -> String {
    let with = |key: Msg, args: &[(&str, &str)]| tr_args(lang, key, args);
    match fault {
        ContentFault::ElectionFormat(format) => with(
            Msg::VerifyElectionFormat,
            &[("format", format), ("expected", ELECTION_FORMAT)],
        ),
        ContentFault::Election(problem) => {
            with_problem(lang, Msg::VerifyElectionProblem, problem, &[])
        }
        ContentFault::PaperOutOfOrder {
            index,
            number,
            count,
        } => with(
            Msg::VerifyPaperOrder,
            &[
                ("position", &(index + 1).to_string()),
                ("number", &number.to_string()),
                ("count", &count.to_string()),
            ],
        ),
        ContentFault::Paper { number, problem } => with_problem(
            lang,
            Msg::VerifyPaperProblem,
            problem,
            &[("number", &number.to_string())],
        ),
        ContentFault::Created(created) => with(Msg::VerifyCreated, &[("created", created)]),
        ContentFault::LastHash => tr(lang, Msg::VerifyLastHash).to_owned(),
        ContentFault::TooFewLogEntries { events, least } => with(
            Msg::VerifyLogEntries,
            &[
                ("events", &events.to_string()),
                ("least", &least.to_string()),
            ],
        ),
        ContentFault::Lot { contest, problem } => with(
            Msg::VerifyLot,
            &[
                ("contest", contest),
                ("problem", &describe::lot_problem(lang, contest, problem)),
            ],
        ),
        ContentFault::DoubleEntryResolution => tr(lang, Msg::VerifyDoubleEntry).to_owned(),
        ContentFault::HandTallyBoard => tr(lang, Msg::VerifyHandTally).to_owned(),
    }
}

/// A tally's status as the Town page names it.
pub fn status_text(lang: Lang, status: Status) -> &'static str {
    tr(
        lang,
        match status {
            Status::Valid => Msg::TownStatusValid,
            Status::Void => Msg::CauseVoid,
            Status::QuorumNotMet => Msg::CauseQuorum,
        },
    )
}

fn tally_detail(lang: Lang, fault: &TallyFault) -> String {
    let with = |key: Msg, args: &[(&str, &str)]| tr_args(lang, key, args);
    match fault {
        TallyFault::Status { written, recounted } => with(
            Msg::VerifyTallyStatus,
            &[
                ("written", status_text(lang, *written)),
                ("recounted", status_text(lang, *recounted)),
            ],
        ),
        TallyFault::Contest(id) => with(Msg::VerifyTallyContest, &[("contest", id)]),
        TallyFault::MissingContest(id) => with(Msg::VerifyTallyMissing, &[("contest", id)]),
        TallyFault::Totals => tr(lang, Msg::VerifyTallyTotals).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use hallcount_core::export::verify_result;
    use hallcount_core::lot::LotProblem;
    use hallcount_core::ProblemKind;

    use super::*;

    /// One error of each kind and detail, as the core gives them.
    fn every_failure() -> Vec<VerifyError> {
        let cut_short = verify_result(b"{\"format\": \"hallcount/result@1\"").unwrap_err();
        assert!(matches!(
            cut_short,
            VerifyError::DamagedJson(Damage::Load(_))
        ));
        let problem = || {
            Problem::new(
                "contests[0].candidates[1].id",
                ProblemKind::DuplicateId { id: "A".into() },
            )
        };
        let mut failures = vec![
            VerifyError::Unreadable("NotReadableError".into()),
            VerifyError::TooLarge {
                bytes: 20_000_000,
                limit: 16_777_216,
            },
            cut_short,
            VerifyError::DamagedJson(Damage::MissingPart),
            VerifyError::DamagedJson(Damage::SignatureField("value")),
            VerifyError::UnknownFormat(None),
            VerifyError::UnknownFormat(Some("hallcount/ballots@1".into())),
            VerifyError::UnknownAlgorithm("rsa".into()),
            VerifyError::Reformatted,
        ];
        let signature = [
            SignatureFault::PublicKeyNotHex,
            SignatureFault::FingerprintNotTheKeys,
            SignatureFault::ValueNotHex,
            SignatureFault::PayloadHashMismatch,
            SignatureFault::DoesNotMatch,
        ];
        failures.extend(signature.map(VerifyError::BadSignature));
        let content = [
            ContentFault::ElectionFormat("hallcount/election@9".into()),
            ContentFault::Election(problem()),
            ContentFault::PaperOutOfOrder {
                index: 2,
                number: 7,
                count: 9,
            },
            ContentFault::Paper {
                number: 4,
                problem: problem(),
            },
            ContentFault::Created("2026-13-01".into()),
            ContentFault::LastHash,
            ContentFault::TooFewLogEntries {
                events: 3,
                least: 12,
            },
            ContentFault::Lot {
                contest: "chair".into(),
                problem: LotProblem::NotTied { winner: "B".into() },
            },
            ContentFault::DoubleEntryResolution,
            ContentFault::HandTallyBoard,
        ];
        failures.extend(content.map(VerifyError::InvalidContent));
        let tally = [
            TallyFault::Status {
                written: Status::Valid,
                recounted: Status::Void,
            },
            TallyFault::Contest("chair".into()),
            TallyFault::MissingContest("chair".into()),
            TallyFault::Totals,
        ];
        failures.extend(tally.map(VerifyError::TallyMismatch));
        failures
    }

    /// Issue 10: "bad signature: the payload hash…" under the Chinese Town page. Every detail
    /// is now worded in each Chinese script, and none of the core's English text shows.
    #[test]
    fn every_failure_detail_is_in_the_page_s_language() {
        let english_words = [
            " is ",
            "not ",
            "missing",
            "does",
            "differ",
            "expected",
            "numbered",
            "the ",
            "EOF",
            "lowercase",
            "recount",
            "Valid",
            "Void",
        ];
        for error in every_failure() {
            let core_text = error.to_string();
            let core_detail = core_text
                .split_once(": ")
                .map_or(core_text.as_str(), |(_, d)| d);
            for lang in [Lang::ZhHant, Lang::ZhHans] {
                let text = failure_detail(lang, &error);
                assert!(
                    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{} has no Chinese wording for {error:?}: {text}",
                    lang.tag()
                );
                // An unreadable file's detail is the browser's, not the core's: it is quoted.
                let quoted = matches!(error, VerifyError::Unreadable(_));
                assert!(
                    quoted || !text.contains(core_detail),
                    "{}: {text}",
                    lang.tag()
                );
                for english in english_words {
                    assert!(
                        !text.contains(english),
                        "{}: {english:?} in {text}",
                        lang.tag()
                    );
                }
            }
            assert!(!failure_detail(Lang::En, &error).is_empty(), "{error:?}");
        }
    }

    /// The two scripts are not one text, and each detail says which value it is about.
    #[test]
    fn details_name_the_values_from_the_file() {
        let cases = [
            (VerifyError::UnknownAlgorithm("rsa".into()), "rsa"),
            (
                VerifyError::TallyMismatch(TallyFault::Contest("主席".into())),
                "主席",
            ),
            (
                VerifyError::InvalidContent(ContentFault::Created("2026-13-01".into())),
                "2026-13-01",
            ),
        ];
        for (error, value) in cases {
            for lang in Lang::ALL {
                let text = failure_detail(lang, &error);
                assert!(text.contains(value), "{}: {text}", lang.tag());
            }
        }
        let hash = VerifyError::BadSignature(SignatureFault::PayloadHashMismatch);
        let words = [
            (Lang::ZhHant, "內容的雜湊值與內容不符：內容被改過"),
            (Lang::ZhHans, "内容的哈希值与内容不符：内容被改过"),
        ];
        for (lang, expected) in words {
            assert_eq!(failure_detail(lang, &hash), expected);
        }
    }
}
