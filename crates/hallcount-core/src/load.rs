//! Reading the files of docs/rules.md "The input files (version 1)": `hallcount/election@1` and
//! `hallcount/ballots@1`. A reader refuses an unknown format or version, and every error names
//! the JSON path and the line and column. What the rules say about the content is checked
//! afterwards by `check`.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::ballot::{BallotsFile, BALLOTS_FORMAT};
use crate::election::{Election, ELECTION_FORMAT};
use crate::error::{LoadError, LoadErrorKind};
use crate::tally::TALLY_FORMAT;

/// Reads an election definition (`hallcount/election@1`).
pub fn parse_election(json: &str) -> Result<Election, LoadError> {
    parse_format(json, ELECTION_FORMAT, |election: &Election| {
        &election.format
    })
}

/// Reads the papers collected (`hallcount/ballots@1`).
pub fn parse_ballots(json: &str) -> Result<BallotsFile, LoadError> {
    parse_format(json, BALLOTS_FORMAT, |ballots: &BallotsFile| {
        &ballots.format
    })
}

/// Only the `format` field: read when the full parse fails, to tell "this is not the right kind
/// of file" before "field X is wrong".
#[derive(Deserialize)]
struct FormatProbe {
    format: Option<serde_json::Value>,
}

fn parse_format<T: DeserializeOwned>(
    json: &str,
    expected: &'static str,
    format_of: impl Fn(&T) -> &String,
) -> Result<T, LoadError> {
    // Fast path without path tracking (which allocates for every key); read again with it only
    // to say where a file is wrong.
    let parsed = serde_json::from_str::<T>(json).map_err(|_| located_error::<T>(json));
    match parsed {
        Ok(value) => match check_format(Some(format_of(&value).as_str()), expected) {
            Ok(()) => Ok(value),
            Err(message) => Err(format_error(json, message)),
        },
        Err(error) => {
            let probe: Option<FormatProbe> = serde_json::from_str(json).ok();
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

/// Reads `json` again, tracking the path, for the error the fast path found.
fn located_error<T: DeserializeOwned>(json: &str) -> LoadError {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(error) => shape_error(error),
        Ok(_) => match deserializer.end() {
            Err(trailing) => json_error(String::new(), trailing),
            Ok(()) => LoadError {
                kind: LoadErrorKind::Shape,
                path: String::new(),
                line: 0,
                column: 0,
                message: "could not be read".into(),
            },
        },
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
    let known = [ELECTION_FORMAT, BALLOTS_FORMAT, TALLY_FORMAT];
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

fn shape_error(error: serde_path_to_error::Error<serde_json::Error>) -> LoadError {
    let path = error.path().to_string();
    let path = if path == "." { String::new() } else { path };
    json_error(path, error.into_inner())
}

fn json_error(path: String, inner: serde_json::Error) -> LoadError {
    let (line, column) = (inner.line(), inner.column());
    let kind = match inner.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            LoadErrorKind::Syntax
        }
        _ => LoadErrorKind::Shape,
    };
    let full = inner.to_string();
    let suffix = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    LoadError {
        kind,
        path,
        line,
        column,
        message,
    }
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
