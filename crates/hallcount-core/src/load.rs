//! Reading the files of docs/rules.md "The input files (version 1)": `hallcount/election@1` and
//! `hallcount/ballots@1`. A reader refuses an unknown format or version, and every error names
//! the JSON path and the line and column. What the rules say about the content is checked
//! afterwards by `check`.

use serde::de::DeserializeOwned;

use crate::backup::MEETING_FORMAT;
use crate::ballot::{BallotsFile, BALLOTS_FORMAT};
use crate::election::{Election, ELECTION_FORMAT};
use crate::error::{LoadError, LoadErrorKind};
use crate::json::{self, FormatProbe};
use crate::tally::TALLY_FORMAT;

/// Reads an election definition (`hallcount/election@1`) from its bytes or text.
pub fn parse_election<T: AsRef<[u8]> + ?Sized>(json: &T) -> Result<Election, LoadError> {
    parse_format(json.as_ref(), ELECTION_FORMAT, |election: &Election| {
        &election.format
    })
}

/// Reads the papers collected (`hallcount/ballots@1`) from their bytes or text.
pub fn parse_ballots<T: AsRef<[u8]> + ?Sized>(json: &T) -> Result<BallotsFile, LoadError> {
    parse_format(json.as_ref(), BALLOTS_FORMAT, |ballots: &BallotsFile| {
        &ballots.format
    })
}

pub(crate) fn parse_format<T: DeserializeOwned>(
    bytes: &[u8],
    expected: &'static str,
    format_of: impl Fn(&T) -> &String,
) -> Result<T, LoadError> {
    let json = json::decode(bytes)?;
    match json::read::<T>(json) {
        Ok(value) => match check_format(Some(format_of(&value).as_str()), expected) {
            Ok(()) => Ok(value),
            Err(message) => Err(format_error(json, message)),
        },
        Err(error) => {
            let probe: Option<FormatProbe> = json::fast(json).ok();
            if let Some(probe) = probe {
                let found = probe
                    .format
                    .as_ref()
                    .map(|v| v.as_str().unwrap_or("(not a string)"));
                if let Err(message) = check_format(found, expected) {
                    return Err(format_error(json, message));
                }
            }
            Err(error)
        }
    }
}

fn check_format(found: Option<&str>, expected: &'static str) -> Result<(), String> {
    let Some(found) = found else {
        return Err(format!("missing; expected \"{expected}\""));
    };
    if found == expected {
        return Ok(());
    }
    let kind = |format: &str| format.split('@').next().unwrap_or("").to_string();
    let known = [
        ELECTION_FORMAT,
        BALLOTS_FORMAT,
        TALLY_FORMAT,
        MEETING_FORMAT,
    ];
    let message = if kind(found) == kind(expected) {
        format!("version \"{found}\" is not supported; this reader knows \"{expected}\"")
    } else if known.contains(&found) {
        format!("this is a \"{found}\" file; expected \"{expected}\"")
    } else {
        format!("unknown format \"{found}\"; expected \"{expected}\"")
    };
    Err(message)
}

fn format_error(json: &str, message: String) -> LoadError {
    let (line, column) = position_of_format(json);
    LoadError {
        kind: LoadErrorKind::Format,
        path: "format".into(),
        line,
        column,
        message,
    }
}

/// Where the key `"format"` is written (a `"format"` followed by `:`), for the message;
/// (0, 0) when it is absent.
fn position_of_format(json: &str) -> (usize, usize) {
    let is_key = |offset: &usize| {
        json[offset + "\"format\"".len()..]
            .trim_start()
            .starts_with(':')
    };
    let Some(offset) = json
        .match_indices("\"format\"")
        .map(|(offset, _)| offset)
        .find(is_key)
    else {
        return (0, 0);
    };
    let before = &json[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_of_format_counts_lines_and_columns() {
        assert_eq!(position_of_format("{\n  \"format\": 1}"), (2, 3));
        assert_eq!(position_of_format("{}"), (0, 0));
        assert_eq!(
            position_of_format("{\"title\": \"format\",\n \"format\" : 2}"),
            (2, 2)
        );
    }
}
