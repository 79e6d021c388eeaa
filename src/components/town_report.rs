//! The town roll-up on screen and on paper: a verdict per file, each village's meeting, and the
//! totals per office with the seats still open and why. Functions returning `Html`, not
//! components: each component costs the wasm its own copy of Yew's lifecycle.

use hallcount_core::export::{
    FileReport, FileVerdict, MeetingResult, OpenCause, RollUp, Trust, VerifyError,
};
use yew::prelude::*;

use super::fingerprint::in_groups;
use super::name::bdi;
use crate::i18n::verify_words::{failure_detail, status_text};
use crate::i18n::{tr, tr_args, Lang, Msg};

fn failure_key(error: &VerifyError) -> Msg {
    match error {
        VerifyError::Unreadable(_) => Msg::VerdictUnreadable,
        VerifyError::TooLarge { .. } => Msg::VerdictTooLarge,
        VerifyError::DamagedJson(_) => Msg::VerdictDamaged,
        VerifyError::UnknownFormat(_) => Msg::VerdictUnknownFormat,
        VerifyError::UnknownAlgorithm(_) => Msg::VerdictUnknownAlgorithm,
        VerifyError::BadSignature(_) => Msg::VerdictBadSignature,
        VerifyError::Reformatted => Msg::VerdictReformatted,
        VerifyError::InvalidContent(_) => Msg::VerdictInvalidContent,
        VerifyError::TallyMismatch(_) => Msg::VerdictTallyMismatch,
    }
}

fn cause_text(lang: Lang, cause: OpenCause) -> &'static str {
    tr(
        lang,
        match cause {
            OpenCause::Runoff => Msg::CauseRunoff,
            OpenCause::Lot => Msg::CauseLot,
            OpenCause::AnotherRound => Msg::CauseAnotherRound,
            OpenCause::Vacant => Msg::CauseVacant,
            OpenCause::ElectionVoid => Msg::CauseVoid,
            OpenCause::QuorumNotMet => Msg::CauseQuorum,
            OpenCause::Unexplained => Msg::CauseOpen,
        },
    )
}

/// One line per file, in the order loaded: counted, or why not.
pub fn file_verdicts(lang: Lang, roll_up: &RollUp) -> Html {
    html! {
        <ul class="file-verdicts">
            for file in &roll_up.files {
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
                Trust::Trusted { village } => bdi(&tr_args(
                    lang,
                    Msg::SignedByVillage,
                    &[("village", village)],
                )),
                Trust::Untrusted => html! { tr(lang, Msg::SignedUntrusted) },
            };
            let round = tr_args(lang, Msg::RoundNumber, &[("n", &id.round.to_string())]);
            (
                "verdict counted",
                Msg::VerdictCounted,
                html! { <>
                    { bdi(&id.place) }{ format!(" {} ", id.date) }{ bdi(&id.title) }
                    { format!(" · {round} · ") }{ signer }{ " " }
                    { in_groups(&fingerprint.to_string()) }
                </> },
            )
        }
        FileVerdict::Duplicate { of_file } => (
            "verdict duplicate",
            Msg::VerdictDuplicate,
            bdi(&tr_args(lang, Msg::DuplicateOf, &[("file", of_file)])),
        ),
        FileVerdict::Conflict { id, .. } => {
            let election = format!("{} {} {}", id.place, id.date, id.title);
            (
                "verdict conflict",
                Msg::VerdictConflict,
                bdi(&tr_args(
                    lang,
                    Msg::ConflictWith,
                    &[("election", &election)],
                )),
            )
        }
        FileVerdict::UnknownSigner { fingerprint } => (
            "verdict unknown-signer",
            Msg::VerdictUnknownSigner,
            in_groups(&fingerprint.to_string()),
        ),
        FileVerdict::WrongPlace {
            fingerprint,
            registered,
            signed,
        } => {
            let detail = tr_args(
                lang,
                Msg::WrongPlaceDetail,
                &[("registered", registered), ("signed", signed)],
            );
            (
                "verdict wrong-place",
                Msg::VerdictWrongPlace,
                html! { <>{ bdi(&detail) }{ " " }{ in_groups(&fingerprint.to_string()) }</> },
            )
        }
        FileVerdict::Failed(error) => (
            "verdict failed",
            failure_key(error),
            html! { <span class="detail">{ bdi(&failure_detail(lang, error)) }</span> },
        ),
    };
    html! {
        <li {class} data-file={file.name.clone()}>
            <span class="file-name">{ bdi(&file.name) }</span>
            <strong class="verdict-name">{ tr(lang, verdict) }</strong>
            <span class="verdict-detail">{ detail }</span>
        </li>
    }
}

/// Each village's meeting: its ballots with their numbers, and per office the elected and the
/// seats still open.
pub fn meeting_tables(lang: Lang, roll_up: &RollUp) -> Html {
    html! {
        <div class="town-meetings">
            for meeting in &roll_up.meetings {
                { meeting_table(lang, meeting) }
            }
            if roll_up.meetings.is_empty() {
                <p class="hint">{ tr(lang, Msg::TownNothingCounted) }</p>
            }
        </div>
    }
}

fn meeting_table(lang: Lang, meeting: &MeetingResult) -> Html {
    html! {
        <section class="town-meeting" data-village={meeting.village.clone()}>
            <h4>{ bdi(&meeting.village) }<span class="meeting-where">{ " · " }{ bdi(&meeting.body) }{ format!(" · {}", meeting.date) }</span></h4>
            <table class="ballots">
                <thead><tr>
                    <th scope="col">{ tr(lang, Msg::ColBallot) }</th>
                    <th scope="col">{ tr(lang, Msg::ColDoubleEntered) }</th>
                    <th scope="col">{ tr(lang, Msg::ColReconciled) }</th>
                </tr></thead>
                <tbody>
                    for ballot in &meeting.ballots {
                        <tr>
                            <td>
                                { tr_args(lang, Msg::RoundNumber, &[("n", &ballot.round.to_string())]) }{ " · " }{ bdi(&ballot.title) }{ " · " }
                                { status_text(lang, ballot.figures.status) }{ " · " }
                                { tr_args(lang, Msg::TownBallotFigures, &[
                                    ("entitled", &ballot.figures.entitled.to_string()), ("present", &ballot.figures.present.to_string()),
                                    ("issued", &ballot.figures.issued.to_string()), ("collected", &ballot.figures.collected.to_string()),
                                ]) }
                            </td>
                            { check_cell(lang, "double-entered", ballot.figures.double_entered) }
                            { check_cell(lang, "reconciled", ballot.figures.reconciled) }
                        </tr>
                    }
                </tbody>
            </table>
            <table class="town-offices">
                <thead><tr>
                    <th scope="col">{ tr(lang, Msg::ColOffice) }</th>
                    <th scope="col" class="num">{ tr(lang, Msg::ColSeats) }</th>
                    <th scope="col">{ tr(lang, Msg::ColElected) }</th>
                    <th scope="col">{ tr(lang, Msg::ColOpen) }</th>
                </tr></thead>
                <tbody>
                    for office in &meeting.offices {
                        <tr>
                            <th scope="row">{ bdi(&office.office) }</th>
                            <td class="num">{ office.seats }</td>
                            <td>
                                for (i, elected) in office.elected.iter().enumerate() {
                                    if i > 0 { { "、" } }
                                    { bdi(elected) }
                                }
                            </td>
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

/// A check of a ballot (double entry, the blackboard): done or not, in words and a mark.
fn check_cell(lang: Lang, class: &'static str, done: bool) -> Html {
    let (mark, word) = if done {
        ("✓ ", Msg::CheckDone)
    } else {
        ("— ", Msg::CheckNotDone)
    };
    html! {
        <td class={format!("check {class}{}", if done { " done" } else { "" })} data-done={done.to_string()}>
            { mark }{ tr(lang, word) }
        </td>
    }
}

/// Per office over every counted village: seats, elected, open, and where seats are open.
pub fn office_totals(lang: Lang, roll_up: &RollUp) -> Html {
    html! {
        <table class="town-totals">
            <thead><tr>
                <th scope="col">{ tr(lang, Msg::ColOffice) }</th>
                <th scope="col" class="num">{ tr(lang, Msg::ColSeats) }</th>
                <th scope="col" class="num">{ tr(lang, Msg::ColElectedCount) }</th>
                <th scope="col" class="num">{ tr(lang, Msg::ColOpen) }</th>
                <th scope="col">{ tr(lang, Msg::ColWhyOpen) }</th>
            </tr></thead>
            <tbody>
                for total in &roll_up.totals {
                    <tr data-office={total.office.clone()}>
                        <th scope="row">{ bdi(&total.office) }</th>
                        <td class="num seats">{ total.seats }</td>
                        <td class="num elected">{ total.elected }</td>
                        <td class="num open">{ total.open_seats }</td>
                        <td>
                            for (i, open) in total.open.iter().enumerate() {
                                if i > 0 { { "；" } }
                                { bdi(&open.village) }
                                { format!(" {} · {}", open.seats, cause_text(lang, open.cause)) }
                            }
                        </td>
                    </tr>
                }
            </tbody>
        </table>
    }
}
