//! `hallcount tally ELECTION BALLOTS [--format json|text]`: the result, computed by the core's
//! `tally`. json is exactly `hallcount/tally@1` (pretty, keys in a fixed order); text is a
//! result sheet for people.

use std::collections::HashMap;
use std::fmt::Write as _;

use hallcount_core::{
    tally, visible, Comparison, ContestTally, Election, OpenReason, Status, Tally,
};

use super::args::{long, Args};
use super::inputs::read_checked;
use super::{say, CliError};

pub fn run(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    let args = Args::parse(parser, &[long("format")])?;
    let [election_path, ballots_path] = args.positional.as_slice() else {
        return Err(CliError::usage("tally takes ELECTION and BALLOTS"));
    };
    let text = args.wants_text()?;
    let (election, papers) = read_checked(election_path, ballots_path)?;
    let result = tally(&election, &papers);
    if text {
        say::print(&result_sheet(&election, &result))
    } else {
        let json = serde_json::to_string_pretty(&result).map_err(CliError::input)?;
        say::line(&json)
    }
}

/// The result as the scrutineers would write it on the result sheet (R10).
pub fn result_sheet(election: &Election, tally: &Tally) -> String {
    let mut out = String::new();
    let status = match tally.status {
        Status::Valid => "valid",
        Status::Void => "VOID: more papers collected than allowed, vote again (R2)",
        Status::QuorumNotMet => "QUORUM NOT MET: nothing is elected (R1)",
    };
    let _ = writeln!(out, "{}", visible(&election.title));
    let (body, place, date) = (
        visible(&election.body),
        visible(&election.place),
        visible(&election.date),
    );
    let _ = writeln!(out, "{body}, {place}, {date}, round {}", tally.round);
    let numbers = [tally.entitled, tally.present, tally.issued, tally.collected];
    let named = figures(["entitled", "present", "issued", "collected"], numbers);
    let _ = writeln!(out, "{named}");
    let _ = writeln!(out, "status: {status}");
    for (contest, counted) in election.contests.iter().zip(&tally.contests) {
        out.push('\n');
        contest_sheet(&mut out, contest, counted);
    }
    out
}

/// Numbers of the sheet on one line: `name value`, two spaces between.
fn figures(names: [&str; 4], numbers: [u32; 4]) -> String {
    let each: Vec<String> = names
        .iter()
        .zip(numbers)
        .map(|(name, n)| format!("{name} {n}"))
        .collect();
    each.join("  ")
}

fn contest_sheet(out: &mut String, contest: &hallcount_core::Contest, counted: &ContestTally) {
    // Names are shown visibly: a newline or an escape in a name cannot write on the sheet.
    let names: HashMap<&str, &str> = contest
        .candidates
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    let name_of = |id: &str| -> String {
        let name = match id.strip_prefix(hallcount_core::WRITE_IN_PREFIX) {
            Some(written) => format!("{written} (write-in)"),
            None => names
                .get(id)
                .map_or_else(|| id.to_string(), |name| format!("{id} {name}")),
        };
        visible(&name).into_owned()
    };
    let round_of = counted
        .round_of
        .as_ref()
        .map(|of| format!(", fills {}", visible(of)))
        .unwrap_or_default();
    let (office, id) = (visible(&counted.office), visible(&counted.id));
    let _ = writeln!(out, "{office} [{id}], {} seat(s){round_of}", counted.seats);
    let numbers = [counted.cast, counted.valid, counted.invalid, counted.blank];
    let named = figures(["cast", "valid", "invalid", "blank"], numbers);
    let _ = writeln!(out, "  {named}");
    let rule = match contest.threshold.comparison {
        Some(Comparison::MoreThan(f)) => Some(format!("more than {f} of")),
        Some(Comparison::AtLeast(f)) => Some(format!("at least {f} of")),
        None => None,
    };
    let base = serde_json::to_value(counted.threshold.of)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string));
    let _ = match rule {
        Some(rule) => writeln!(
            out,
            "  threshold: {rule} {} ({}): {} vote(s) needed",
            base.unwrap_or_default(),
            counted.threshold.base,
            counted.threshold.needed
        ),
        None => writeln!(
            out,
            "  threshold: none, most votes win (at least {} vote)",
            counted.threshold.needed
        ),
    };
    let _ = writeln!(
        out,
        "  {:>7} {:>7} {:>7}  candidate",
        "for", "against", "abstain"
    );
    for candidate in &counted.candidates {
        let mark = if counted.elected.contains(&candidate.id) {
            "  ELECTED"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {:>7} {:>7} {:>7}  {}{mark}",
            candidate.votes_for,
            candidate.against,
            candidate.abstain,
            name_of(&candidate.id)
        );
    }
    for write_in in &counted.write_ins {
        let id = format!("{}{}", hallcount_core::WRITE_IN_PREFIX, write_in.name);
        let mark = if counted.elected.contains(&id) {
            "  ELECTED"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {:>7} {:>7} {:>7}  {}{mark}",
            write_in.votes,
            "",
            "",
            name_of(&id)
        );
    }
    let elected: Vec<String> = counted.elected.iter().map(|id| name_of(id)).collect();
    let _ = writeln!(
        out,
        "  elected: {}",
        if elected.is_empty() {
            "none".into()
        } else {
            elected.join(", ")
        }
    );
    if counted.open.seats > 0 {
        let reason = match counted.open.reason {
            Some(OpenReason::RunoffRequired) => "runoff required (R7)",
            Some(OpenReason::LotRequired) => "lot required: the officer draws and records it (R7)",
            Some(OpenReason::AnotherRound) => "another round (R8)",
            Some(OpenReason::Vacant) => "vacant (R8)",
            None => "nobody elected: the election does not count",
        };
        let _ = write!(out, "  open: {} seat(s), {reason}", counted.open.seats);
        if !counted.open.candidates.is_empty() {
            let names: Vec<String> = counted
                .open
                .candidates
                .iter()
                .map(|id| name_of(id))
                .collect();
            let _ = write!(out, ": {}", names.join(", "));
        }
        out.push('\n');
    }
}
