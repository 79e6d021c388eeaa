//! The town roll-up on screen and on paper: a verdict per file, each village's meeting, and the
//! totals per office with the seats still open and why.

use std::rc::Rc;

use hallcount_core::export::{
    FileReport, FileVerdict, MeetingResult, OpenCause, RollUp, Trust, VerifyError,
};
use hallcount_core::Status;
use yew::prelude::*;

use super::signed_export::Fingerprint;
use crate::app::use_lang;
use crate::i18n::{tr, tr_args, Key, Lang};

#[derive(Properties, PartialEq)]
pub struct RollUpProps {
    pub roll_up: Rc<RollUp>,
}

fn failure_key(error: &VerifyError) -> Key {
    match error {
        VerifyError::Unreadable(_) => Key::VerdictUnreadable,
        VerifyError::TooLarge { .. } => Key::VerdictTooLarge,
        VerifyError::DamagedJson(_) => Key::VerdictDamaged,
        VerifyError::UnknownFormat(_) => Key::VerdictUnknownFormat,
        VerifyError::UnknownAlgorithm(_) => Key::VerdictUnknownAlgorithm,
        VerifyError::BadSignature(_) => Key::VerdictBadSignature,
        VerifyError::Reformatted => Key::VerdictReformatted,
        VerifyError::InvalidContent(_) => Key::VerdictInvalidContent,
        VerifyError::TallyMismatch(_) => Key::VerdictTallyMismatch,
    }
}

fn cause_text(lang: Lang, cause: OpenCause) -> &'static str {
    tr(
        lang,
        match cause {
            OpenCause::Runoff => Key::CauseRunoff,
            OpenCause::Lot => Key::CauseLot,
            OpenCause::AnotherRound => Key::CauseAnotherRound,
            OpenCause::Vacant => Key::CauseVacant,
            OpenCause::ElectionVoid => Key::CauseVoid,
            OpenCause::QuorumNotMet => Key::CauseQuorum,
            OpenCause::Unexplained => Key::CauseOpen,
        },
    )
}

fn status_text(lang: Lang, status: Status) -> &'static str {
    tr(
        lang,
        match status {
            Status::Valid => Key::TownStatusValid,
            Status::Void => Key::CauseVoid,
            Status::QuorumNotMet => Key::CauseQuorum,
        },
    )
}

/// One line per file, in the order loaded: counted, or why not.
#[component]
pub fn FileVerdicts(props: &RollUpProps) -> Html {
    let lang = use_lang();
    html! {
        <ul class="file-verdicts">
            for file in &props.roll_up.files {
                { verdict_line(lang, file) }
            }
        </ul>
    }
}

fn verdict_line(lang: Lang, file: &FileReport) -> Html {
    let (class, verdict, detail) = match &file.verdict {
        FileVerdict::Counted {
            id,
            fingerprint,
            trust,
            ..
        } => {
            let signer = match trust {
                Trust::Trusted { village } => {
                    tr_args(lang, Key::SignedByVillage, &[("village", village)])
                }
                Trust::Untrusted => tr(lang, Key::SignedUntrusted).to_string(),
            };
            let round = tr_args(lang, Key::RoundNumber, &[("n", &id.round.to_string())]);
            let what = format!(
                "{} {} {} · {round} · {signer} ",
                id.place, id.date, id.title
            );
            (
                "counted",
                Key::VerdictCounted,
                html! { <>{ what }<Fingerprint text={fingerprint.to_string()} /></> },
            )
        }
        FileVerdict::Duplicate { of_file } => (
            "duplicate",
            Key::VerdictDuplicate,
            html! { { tr_args(lang, Key::DuplicateOf, &[("file", of_file)]) } },
        ),
        FileVerdict::Conflict { id, .. } => {
            let election = format!("{} {} {}", id.place, id.date, id.title);
            (
                "conflict",
                Key::VerdictConflict,
                html! { { tr_args(lang, Key::ConflictWith, &[("election", &election)]) } },
            )
        }
        FileVerdict::UnknownSigner { fingerprint } => (
            "unknown-signer",
            Key::VerdictUnknownSigner,
            html! { <Fingerprint text={fingerprint.to_string()} /> },
        ),
        FileVerdict::WrongPlace {
            fingerprint,
            registered,
            signed,
        } => {
            let detail = tr_args(
                lang,
                Key::WrongPlaceDetail,
                &[("registered", registered), ("signed", signed)],
            );
            (
                "wrong-place",
                Key::VerdictWrongPlace,
                html! { <>{ detail }{ " " }<Fingerprint text={fingerprint.to_string()} /></> },
            )
        }
        FileVerdict::Failed(error) => (
            "failed",
            failure_key(error),
            html! { <span class="detail" lang="en">{ error.to_string() }</span> },
        ),
    };
    html! {
        <li class={classes!("verdict", class)} data-file={file.name.clone()}>
            <span class="file-name">{ file.name.clone() }</span>
            <strong class="verdict-name">{ tr(lang, verdict) }</strong>
            <span class="verdict-detail">{ detail }</span>
        </li>
    }
}

/// Each village's meeting: its ballots with their numbers, and per office the elected and the
/// seats still open.
#[component]
pub fn MeetingTables(props: &RollUpProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="town-meetings">
            for meeting in &props.roll_up.meetings {
                <MeetingTable meeting={Rc::new(meeting.clone())} />
            }
            if props.roll_up.meetings.is_empty() {
                <p class="hint">{ tr(lang, Key::TownNothingCounted) }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct MeetingTableProps {
    meeting: Rc<MeetingResult>,
}

#[component]
fn MeetingTable(props: &MeetingTableProps) -> Html {
    let lang = use_lang();
    let meeting = &props.meeting;
    html! {
        <section class="town-meeting" data-village={meeting.village.clone()}>
            <h4>{ meeting.village.clone() }<span class="meeting-where">{ format!(" · {} · {}", meeting.body, meeting.date) }</span></h4>
            <ul class="ballots">
                for ballot in &meeting.ballots {
                    <li>
                        { tr_args(lang, Key::RoundNumber, &[("n", &ballot.round.to_string())]) }{ " · " }{ ballot.title.clone() }{ " · " }
                        { status_text(lang, ballot.status) }{ " · " }
                        { tr_args(lang, Key::TownBallotFigures, &[
                            ("entitled", &ballot.entitled.to_string()), ("present", &ballot.present.to_string()),
                            ("issued", &ballot.issued.to_string()), ("collected", &ballot.collected.to_string()),
                        ]) }
                    </li>
                }
            </ul>
            <table class="town-offices">
                <thead><tr>
                    <th scope="col">{ tr(lang, Key::ColOffice) }</th>
                    <th scope="col" class="num">{ tr(lang, Key::ColSeats) }</th>
                    <th scope="col">{ tr(lang, Key::ColElected) }</th>
                    <th scope="col">{ tr(lang, Key::ColOpen) }</th>
                </tr></thead>
                <tbody>
                    for office in &meeting.offices {
                        <tr>
                            <th scope="row">{ office.office.clone() }</th>
                            <td class="num">{ office.seats }</td>
                            <td>{ office.elected.join("、") }</td>
                            <td>{
                                match office.open_cause {
                                    Some(cause) => format!("{} · {}", office.open_seats, cause_text(lang, cause)),
                                    None => String::new(),
                                }
                            }</td>
                        </tr>
                    }
                </tbody>
            </table>
        </section>
    }
}

/// Per office over every counted village: seats, elected, open, and where seats are open.
#[component]
pub fn OfficeTotals(props: &RollUpProps) -> Html {
    let lang = use_lang();
    html! {
        <table class="town-totals">
            <thead><tr>
                <th scope="col">{ tr(lang, Key::ColOffice) }</th>
                <th scope="col" class="num">{ tr(lang, Key::ColSeats) }</th>
                <th scope="col" class="num">{ tr(lang, Key::ColElectedCount) }</th>
                <th scope="col" class="num">{ tr(lang, Key::ColOpen) }</th>
                <th scope="col">{ tr(lang, Key::ColWhyOpen) }</th>
            </tr></thead>
            <tbody>
                for total in &props.roll_up.totals {
                    <tr data-office={total.office.clone()}>
                        <th scope="row">{ total.office.clone() }</th>
                        <td class="num seats">{ total.seats }</td>
                        <td class="num elected">{ total.elected }</td>
                        <td class="num open">{ total.open_seats }</td>
                        <td>{
                            total.open.iter()
                                .map(|open| format!("{} {} · {}", open.village, open.seats, cause_text(lang, open.cause)))
                                .collect::<Vec<_>>().join("；")
                        }</td>
                    </tr>
                }
            </tbody>
        </table>
    }
}
