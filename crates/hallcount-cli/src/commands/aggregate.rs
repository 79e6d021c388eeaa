//! `hallcount aggregate FILE... [--trusted KEYS] [--csv OUT]`: the town roll-up. Every file gets
//! a verdict line; the files left out are named with the reason. Exit 0 when every file was
//! counted (a duplicate counts once and is fine), 1 when any file was left out.

use hallcount_core::export::{
    aggregate, roll_up_csv, FileVerdict, MeetingResult, ResultSummary, RollUp, Trust,
};
use rayon::prelude::*;

use super::args::{long, Args};
use super::inputs::read_trusted;
use super::output::write_file;
use super::verify::{read_and_verify, status_name, EXIT_SOME_FAILED};
use super::{say, shown, CliError};

pub fn run(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let args = Args::parse(parser, &[long("trusted"), long("csv")])?;
    if args.positional.is_empty() {
        return Err(CliError::usage("aggregate needs at least one FILE"));
    }
    let trusted = read_trusted(args.path("trusted"))?;
    // In parallel, in the order given (`collect` keeps it): the roll-up sorts as before. Each
    // file is reduced to its summary where it was verified, so its papers are dropped at once:
    // memory grows with the number of files, not with their papers.
    let inputs: Vec<(String, Result<ResultSummary, _>)> = args
        .positional
        .par_iter()
        .map(|path| (shown(path), read_and_verify(path).map(ResultSummary::from)))
        .collect();
    let roll_up = aggregate(inputs, trusted.as_ref());
    say::print(&render(&roll_up))?;
    if let Some(csv_path) = args.path("csv") {
        write_file(csv_path, roll_up_csv(&roll_up).as_bytes())?;
        say::line(&format!("CSV written to {}", shown(csv_path)))?;
    }
    let n_failing = roll_up
        .files
        .iter()
        .filter(|f| !f.verdict.is_counted())
        .count();
    match n_failing {
        0 => Ok(()),
        n => Err(CliError {
            message: format!(
                "{n} of {} files left out of the roll-up",
                roll_up.files.len()
            ),
            code: EXIT_SOME_FAILED,
            show_usage: false,
        }),
    }
}

fn render(roll_up: &RollUp) -> String {
    let mut out = String::from("files:\n");
    for file in &roll_up.files {
        let line = match &file.verdict {
            FileVerdict::Counted { id, fingerprint, trust, .. } => {
                let signer = match trust {
                    Trust::Trusted { village } => format!("signed by {village}"),
                    Trust::Untrusted => format!("untrusted key {fingerprint}"),
                };
                format!("counted         {}: {} {} {} round {}, {signer}", file.name, id.place, id.date, id.title, id.round)
            }
            FileVerdict::Duplicate { of_file } => {
                format!("duplicate       {}: the same result as {of_file}, counted once", file.name)
            }
            FileVerdict::Conflict { id, payload_sha256 } => format!(
                "CONFLICT        {}: another file has a different result for {} {} {} round {} (payload {}); none counted",
                file.name,
                id.place,
                id.date,
                id.title,
                id.round,
                &payload_sha256[..16]
            ),
            FileVerdict::UnknownSigner { fingerprint } => {
                format!("UNKNOWN SIGNER  {}: key {fingerprint} is not in the trusted keys; not counted", file.name)
            }
            FileVerdict::WrongPlace { fingerprint, registered, signed } => format!(
                "WRONG PLACE     {}: key {fingerprint} registered for {registered} signed a result for {signed}; not counted",
                file.name
            ),
            FileVerdict::Failed(error) => format!("FAILED          {}: {error}; not counted", file.name),
        };
        push_line(&mut out, &format!("  {line}"));
    }
    out.push_str("\nvillages:\n");
    for meeting in &roll_up.meetings {
        out.push_str(&render_meeting(meeting));
    }
    out.push_str("\ntotals:\n");
    for total in &roll_up.totals {
        let mut line = format!(
            "  {}: {} seats, {} elected, {} open",
            total.office, total.seats, total.elected, total.open_seats
        );
        let open: Vec<String> = total
            .open
            .iter()
            .map(|o| format!("{} {} {}", o.village, o.seats, o.cause.name()))
            .collect();
        if !open.is_empty() {
            line.push_str(&format!(" ({})", open.join("; ")));
        }
        push_line(&mut out, &line);
    }
    out
}

/// One line of the report: names from the files are in it, shown visibly (a newline in a
/// title cannot start a forged line, an escape cannot recolour the screen).
fn push_line(out: &mut String, line: &str) {
    out.push_str(&hallcount_core::visible(line));
    out.push('\n');
}

fn render_meeting(meeting: &MeetingResult) -> String {
    let trust = match meeting.trust {
        Trust::Trusted { .. } => "trusted",
        Trust::Untrusted => "untrusted",
    };
    let mut out = String::new();
    push_line(
        &mut out,
        &format!(
            "  {} ({} {}, {}) [{trust}] double entry: {}, blackboard: {}",
            meeting.village,
            meeting.body,
            meeting.place,
            meeting.date,
            if meeting.double_entered() {
                "yes"
            } else {
                "no"
            },
            if meeting.reconciled() { "agreed" } else { "no" },
        ),
    );
    for ballot in &meeting.ballots {
        push_line(
            &mut out,
            &format!(
                "    round {} {}: {}, entitled {}, present {}, issued {}, collected {}",
                ballot.round,
                ballot.title,
                status_name(ballot.figures.status),
                ballot.figures.entitled,
                ballot.figures.present,
                ballot.figures.issued,
                ballot.figures.collected
            ),
        );
    }
    for office in &meeting.offices {
        let mut line = format!(
            "    {}: {} of {} elected: {}",
            office.office,
            office.elected.len(),
            office.seats,
            office.elected.join("、")
        );
        if let Some(cause) = office.open_cause {
            line.push_str(&format!("; {} open ({})", office.open_seats, cause.name()));
            if !office.open_candidates.is_empty() {
                line.push_str(&format!(": {}", office.open_candidates.join("、")));
            }
        }
        push_line(&mut out, &line);
    }
    out
}
