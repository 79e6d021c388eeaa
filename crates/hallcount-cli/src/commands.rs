//! One module per command, and what they share: reading files and reporting errors.

pub mod aggregate;
pub mod check;
pub mod keygen;
pub mod output;
pub mod sign;
pub mod tally;
pub mod verify;

use std::fmt::Display;

use hallcount_core::{parse_ballots, parse_election, BallotsFile, Election};

/// Exit status for bad input or usage.
pub const EXIT_BAD_INPUT: i32 = 2;

/// Why a command failed: printed on stderr, the process exits with `code`.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub code: i32,
    /// Whether to print the usage after the message.
    pub show_usage: bool,
}

impl CliError {
    /// Bad input (exit 2).
    pub fn input(message: impl Display) -> CliError {
        CliError {
            message: message.to_string(),
            code: EXIT_BAD_INPUT,
            show_usage: false,
        }
    }

    /// Wrong arguments (exit 2, with the usage).
    pub fn usage(message: impl Display) -> CliError {
        CliError {
            message: message.to_string(),
            code: EXIT_BAD_INPUT,
            show_usage: true,
        }
    }
}

pub fn read_text(path: &str) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|e| CliError::input(format!("{path}: {e}")))
}

pub fn read_election(path: &str) -> Result<Election, CliError> {
    parse_election(&read_text(path)?).map_err(|e| CliError::input(format!("{path}: {e}")))
}

pub fn read_ballots(path: &str) -> Result<BallotsFile, CliError> {
    parse_ballots(&read_text(path)?).map_err(|e| CliError::input(format!("{path}: {e}")))
}

/// Positional arguments and `--name value` / `--name=value` options, in any order.
pub struct Args {
    pub positional: Vec<String>,
    pub options: Vec<(String, String)>,
}

impl Args {
    /// Splits `args`; only the options named in `known` are accepted.
    pub fn parse(args: &[String], known: &[&str]) -> Result<Args, CliError> {
        let mut positional = Vec::new();
        let mut options = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let Some(option) = arg.strip_prefix("--") else {
                positional.push(arg.clone());
                continue;
            };
            let (name, value) = match option.split_once('=') {
                Some((name, value)) => (name.to_string(), value.to_string()),
                None => {
                    let value = rest
                        .next()
                        .ok_or_else(|| CliError::usage(format!("--{option} needs a value")))?;
                    (option.to_string(), value.clone())
                }
            };
            if !known.contains(&name.as_str()) {
                return Err(CliError::usage(format!("unknown option --{name}")));
            }
            options.push((name, value));
        }
        Ok(Args {
            positional,
            options,
        })
    }

    pub fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Prints every problem on stderr and fails when there is any.
pub fn refuse_problems(file: &str, problems: &[hallcount_core::Problem]) -> Result<(), CliError> {
    if problems.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = problems.iter().map(|p| format!("{file}: {p}")).collect();
    Err(CliError::input(format!(
        "{} problem(s):\n{}",
        problems.len(),
        lines.join("\n")
    )))
}
