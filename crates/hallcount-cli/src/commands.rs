//! One module per command, and what they share: arguments (`args`), reading and checking the
//! input files (`inputs`), writing to stdout without panicking (`say`) and reporting errors.

pub mod aggregate;
pub mod args;
pub mod check;
pub mod compare;
pub mod inputs;
pub mod keygen;
pub mod output;
pub mod passphrase;
pub mod say;
pub mod sign;
pub mod tally;
pub mod verify;

use std::fmt::Display;
use std::path::Path;

/// Exit status for bad input or usage.
pub const EXIT_BAD_INPUT: i32 = 2;

/// Why a command stopped: printed on stderr (unless empty), the process exits with `code`.
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

    /// The reader of stdout went away (`| head -1`): nothing more to say, and nothing wrong.
    pub fn reader_gone() -> CliError {
        CliError {
            message: String::new(),
            code: 0,
            show_usage: false,
        }
    }

    /// A problem with the file at `path`: the message starts with the file's name.
    pub fn in_file(path: &Path, message: impl Display) -> CliError {
        let message = message.to_string();
        CliError::input(format!(
            "{}: {}",
            shown(path),
            hallcount_core::visible(&message)
        ))
    }
}

/// A file name as it is shown on the terminal: lossy for names that are not UTF-8, and with
/// control and bidi characters made visible, so that a name cannot start a forged line.
pub fn shown(path: &Path) -> String {
    hallcount_core::visible(&path.to_string_lossy()).into_owned()
}

/// Prints every problem on stderr and fails when there is any.
pub fn refuse_problems(file: &Path, problems: &[hallcount_core::Problem]) -> Result<(), CliError> {
    if problems.is_empty() {
        return Ok(());
    }
    let name = shown(file);
    let lines: Vec<String> = problems
        .iter()
        .map(|p| format!("{name}: {}", hallcount_core::visible(&p.to_string())))
        .collect();
    Err(CliError::input(format!(
        "{} problem(s):\n{}",
        problems.len(),
        lines.join("\n")
    )))
}
