//! The roll-up as CSV for a spreadsheet (RFC 4180, UTF-8 with a byte-order mark so that
//! spreadsheet programs read Chinese names correctly).
//!
//! One row per village and office, then one total row per office, then one row per file that
//! was not counted (sorted by file name: the rows do not depend on the order of the files). Columns: kind, village, place, date, office, seats, elected, open,
//! why_open, elected_names, file, detail, double_entered, reconciled.

use super::aggregate::{FileVerdict, RollUp, Trust};

const HEADER: [&str; 14] = [
    "kind",
    "village",
    "place",
    "date",
    "office",
    "seats",
    "elected",
    "open",
    "why_open",
    "elected_names",
    "file",
    "detail",
    "double_entered",
    "reconciled",
];

pub fn roll_up_csv(roll_up: &RollUp) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, HEADER.iter().map(|s| s.to_string()));
    for meeting in &roll_up.meetings {
        let files: Vec<&str> = meeting.ballots.iter().map(|b| b.file.as_str()).collect();
        let trust = match &meeting.trust {
            Trust::Trusted { .. } => "trusted",
            Trust::Untrusted => "untrusted",
        };
        for office in &meeting.offices {
            push_row(
                &mut out,
                [
                    "village".to_string(),
                    meeting.village.clone(),
                    meeting.place.clone(),
                    meeting.date.clone(),
                    office.office.clone(),
                    office.seats.to_string(),
                    office.elected.len().to_string(),
                    office.open_seats.to_string(),
                    office
                        .open_cause
                        .map(|c| c.name().to_string())
                        .unwrap_or_default(),
                    office.elected.join("、"),
                    files.join(" "),
                    trust.to_string(),
                    yes_no(meeting.double_entered()),
                    yes_no(meeting.reconciled()),
                ],
            );
        }
    }
    for total in &roll_up.totals {
        let why: Vec<String> = total
            .open
            .iter()
            .map(|o| format!("{}: {} {}", o.village, o.seats, o.cause.name()))
            .collect();
        push_row(
            &mut out,
            [
                "total".to_string(),
                String::new(),
                String::new(),
                String::new(),
                total.office.clone(),
                total.seats.to_string(),
                total.elected.to_string(),
                total.open_seats.to_string(),
                why.join("; "),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
        );
    }
    // Files left out, sorted (not in input order): the same files give the same rows.
    let mut left_out: Vec<[String; 3]> = Vec::new();
    for file in &roll_up.files {
        let (kind, detail) = match &file.verdict {
            FileVerdict::Counted { .. } => continue,
            FileVerdict::Duplicate { of_file } => (
                "duplicate",
                format!("same result as {of_file}, counted once"),
            ),
            FileVerdict::Conflict { id, .. } => (
                "conflict",
                format!(
                    "another file differs for {} {} {} round {}",
                    id.place, id.date, id.title, id.round
                ),
            ),
            FileVerdict::UnknownSigner { fingerprint } => {
                ("unknown signer", format!("key {fingerprint}"))
            }
            FileVerdict::WrongPlace {
                fingerprint,
                registered,
                signed,
            } => (
                "wrong place",
                format!(
                    "key {fingerprint} registered for {registered} signed a result for {signed}"
                ),
            ),
            FileVerdict::Failed(error) => ("failed", error.to_string()),
        };
        left_out.push([file.name.clone(), kind.to_string(), detail]);
    }
    crate::order::sort(&mut left_out);
    for [name, kind, detail] in left_out {
        let mut cells = vec![String::new(); HEADER.len()];
        cells[0] = kind;
        cells[10] = name;
        cells[11] = detail;
        push_row(&mut out, cells);
    }
    out
}

fn yes_no(done: bool) -> String {
    if done { "yes" } else { "no" }.to_string()
}

fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let quoted: Vec<String> = cells.into_iter().map(|cell| quote(&cell)).collect();
    out.push_str(&quoted.join(","));
    out.push_str("\r\n");
}

/// Quotes a cell when it needs it; a leading `=`, `+`, `-`, `@`, tab or carriage return is
/// prefixed with `'` so a spreadsheet never runs a name as a formula (`\t=HYPERLINK(` is read
/// as a formula by some). Control and bidi characters are shown as escapes (`crate::visible`),
/// so a name cannot reverse or hide the cells after it.
fn quote(cell: &str) -> String {
    let defused = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{}", crate::visible(cell))
    } else {
        crate::visible(cell).into_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(quote("李美華"), "李美華");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("=1+1"), "'=1+1");
    }

    #[test]
    fn a_leading_tab_or_return_is_defused_and_controls_are_shown() {
        for (cell, cleaned) in [
            ("\t=HYPERLINK(\"x\")", "\"'\\t=HYPERLINK(\"\"x\"\")\""),
            ("\r=1+1", "'\\r=1+1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("a\nb", "a\\nb"),
            ("第18\u{202e}村", "第18\\u{202e}村"),
            ("\u{1b}[2J", "\\u{1b}[2J"),
        ] {
            assert_eq!(quote(cell), cleaned, "{cell:?}");
        }
    }
}
