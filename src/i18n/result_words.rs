//! The result of an election in words a meeting can read out: the threshold with its numbers,
//! the status explained, a candidate's name, why seats stay open. Shared by the results page,
//! the lot form and the printed sheet.

use hallcount_core::tally::ThresholdOutcome;
use hallcount_core::{
    Base, CollectedLimit, Contest, Election, OpenReason, OpenSeats, Status, Tally, WRITE_IN_PREFIX,
};

use super::{tr, tr_args, Lang, Msg};

fn base_name(lang: Lang, base: Base) -> &'static str {
    tr(
        lang,
        match base {
            Base::Entitled => Msg::BaseEntitled,
            Base::Present => Msg::BasePresent,
            Base::BallotsCast => Msg::BaseBallotsCast,
            Base::Valid => Msg::BaseValid,
            Base::CastNonBlank => Msg::BaseCastNonBlank,
            Base::None => Msg::BasePlurality,
        },
    )
}

/// "more than 1/2 of 25 ballots cast: 13 votes needed".
pub fn threshold_sentence(lang: Lang, threshold: &ThresholdOutcome) -> String {
    let fraction = threshold
        .fraction
        .map(|f| f.to_string())
        .unwrap_or_default();
    let base = threshold.base.to_string();
    let needed = threshold.needed.to_string();
    let args = [
        ("fraction", fraction.as_str()),
        ("base", &base),
        ("of", base_name(lang, threshold.of)),
        ("needed", &needed),
    ];
    let key = match (threshold.of, threshold.rule.as_deref()) {
        (Base::None, _) | (_, None) => Msg::ThresholdPlurality,
        (_, Some("at_least")) => Msg::ThresholdAtLeast,
        (_, Some(_)) => Msg::ThresholdMoreThan,
    };
    tr_args(lang, key, &args)
}

/// Why the election counts or not (R1, R2), with its numbers.
pub fn status_sentence(lang: Lang, election: &Election, tally: &Tally) -> String {
    match tally.status {
        Status::Valid => tr(lang, Msg::StatusValid).to_owned(),
        Status::QuorumNotMet => tr_args(
            lang,
            Msg::StatusQuorumNotMet,
            &[
                ("present", &tally.present.to_string()),
                ("entitled", &tally.entitled.to_string()),
            ],
        ),
        Status::Void => {
            let (limit, limit_name) = match election.collected_limit {
                CollectedLimit::Issued => (tally.issued, tr(lang, Msg::LimitIssued)),
                CollectedLimit::Present => (tally.present, tr(lang, Msg::LimitPresent)),
            };
            tr_args(
                lang,
                Msg::StatusVoid,
                &[
                    ("collected", &tally.collected.to_string()),
                    ("limit", &limit.to_string()),
                    ("limit_name", limit_name),
                ],
            )
        }
    }
}

/// A candidate id or `write_in:<name>` as a person reads it.
pub fn display_name(lang: Lang, contest: Option<&Contest>, id: &str) -> String {
    if let Some(name) = id.strip_prefix(WRITE_IN_PREFIX) {
        return tr_args(lang, Msg::WrittenName, &[("name", name)]);
    }
    contest
        .and_then(|c| c.candidates.iter().find(|candidate| candidate.id == id))
        .map_or_else(|| id.to_owned(), |candidate| candidate.name.clone())
}

pub fn names_of(lang: Lang, contest: Option<&Contest>, ids: &[String]) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| display_name(lang, contest, id))
        .collect();
    names.join(tr(lang, Msg::NameSeparator))
}

/// "Seats open: 2 — tie: a runoff is needed between 陳少芬, 黃玉蓮", or `None` when all are filled.
pub fn open_sentence(lang: Lang, contest: Option<&Contest>, open: &OpenSeats) -> Option<String> {
    if open.seats == 0 {
        return None;
    }
    let names = names_of(lang, contest, &open.candidates);
    let key = match open.reason {
        Some(OpenReason::RunoffRequired) => Msg::OpenRunoff,
        Some(OpenReason::LotRequired) => Msg::OpenLot,
        Some(OpenReason::AnotherRound) if names.is_empty() => Msg::OpenAnotherRoundNobody,
        Some(OpenReason::AnotherRound) => Msg::OpenAnotherRound,
        Some(OpenReason::Vacant) | None => Msg::OpenVacant,
    };
    Some(tr_args(
        lang,
        key,
        &[("seats", &open.seats.to_string()), ("names", &names)],
    ))
}

#[cfg(test)]
mod tests {
    use hallcount_core::Fraction;

    use super::*;

    fn outcome(of: Base, rule: Option<&str>, base: u32, needed: u32) -> ThresholdOutcome {
        ThresholdOutcome {
            of,
            rule: rule.map(str::to_owned),
            fraction: rule.map(|_| Fraction::HALF),
            base,
            needed,
        }
    }

    #[test]
    fn threshold_reads_with_its_numbers() {
        let more = outcome(Base::BallotsCast, Some("more_than"), 25, 13);
        let at_least = outcome(Base::Present, Some("at_least"), 9, 5);
        let plurality = outcome(Base::None, None, 9, 1);
        let cases = [
            (
                &more,
                Lang::En,
                "more than 1/2 of 25 ballots cast: 13 votes needed",
            ),
            (
                &more,
                Lang::ZhHant,
                "得票須超過投票總數 25 的 1/2：至少 13 票",
            ),
            (
                &at_least,
                Lang::En,
                "at least 1/2 of 9 delegates present: 5 votes needed",
            ),
            (
                &plurality,
                Lang::En,
                "most votes wins (plurality); votes needed: 1",
            ),
        ];
        for (outcome, lang, expected) in cases {
            assert_eq!(threshold_sentence(lang, outcome), expected);
        }
    }

    #[test]
    fn the_status_is_explained_with_its_numbers() {
        let election: Election = serde_json::from_str(
            r#"{ "format": "hallcount/election@1", "title": "t", "body": "b", "place": "p",
                 "date": "2017-08-25", "delegates": { "entitled": 27, "present": 17 }, "ballots_issued": 2,
                 "quorum": { "at_least": "2/3" },
                 "contests": [ { "id": "chair", "office": "主席", "seats": 1, "candidates": [ { "id": "M", "name": "M" } ],
                                 "threshold": { "of": "ballots_cast", "more_than": "1/2" } } ] }"#,
        )
        .unwrap();
        let papers = vec![hallcount_core::Paper::default(); 3];
        let no_quorum = hallcount_core::tally(&election, &papers);
        assert_eq!(
            status_sentence(Lang::En, &election, &no_quorum),
            "Quorum not met: 17 present of 27 entitled. Nobody is elected (R1)."
        );
        let quorate = Election {
            delegates: hallcount_core::Delegates {
                entitled: 27,
                present: 25,
            },
            ..election
        };
        let void = hallcount_core::tally(&quorate, &papers);
        assert_eq!(
            status_sentence(Lang::En, &quorate, &void),
            "Void: 3 papers collected, more than the 2 ballots issued. Nobody is elected; the meeting must vote again (R2)."
        );
    }

    #[test]
    fn open_seats_name_their_reason_and_candidates() {
        let open = OpenSeats {
            seats: 0,
            reason: None,
            candidates: vec![],
        };
        assert_eq!(open_sentence(Lang::En, None, &open), None);
        let open = OpenSeats {
            seats: 1,
            reason: Some(OpenReason::RunoffRequired),
            candidates: vec!["B".into(), "write_in:王芳".into()],
        };
        assert_eq!(
            open_sentence(Lang::En, None, &open).unwrap(),
            "Seats open: 1. Tie: a runoff is needed between B, 王芳 (written in)"
        );
        let vacant = OpenSeats {
            seats: 2,
            reason: Some(OpenReason::Vacant),
            candidates: vec![],
        };
        assert_eq!(
            open_sentence(Lang::ZhHans, None, &vacant).unwrap(),
            "2 席从缺"
        );
    }
}
