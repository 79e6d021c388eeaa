//! A command's arguments, split by `lexopt`: positional values and `--name value`,
//! `--name=value` or `-x value` options, in any order. File names stay `OsString`s (a name that
//! is not UTF-8 is still a name); option values that are words must be UTF-8.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

use lexopt::Arg;

use super::CliError;

/// An option a command accepts: its long name and, maybe, a one-letter short name.
pub struct Known {
    pub long: &'static str,
    pub short: Option<char>,
}

/// `--long VALUE` only.
pub const fn long(long: &'static str) -> Known {
    Known { long, short: None }
}

pub struct Args {
    pub positional: Vec<PathBuf>,
    options: Vec<(&'static str, OsString)>,
}

impl Args {
    /// Reads the rest of `parser`; only the options in `known` are accepted, and each of them
    /// takes a value (the next argument, whatever it looks like: `--label -o` labels "-o").
    pub fn parse(parser: &mut lexopt::Parser, known: &[Known]) -> Result<Args, CliError> {
        let mut positional = Vec::new();
        let mut options = Vec::new();
        while let Some(arg) = parser.next().map_err(CliError::usage)? {
            let (spec, spelled) = match arg {
                Arg::Value(value) => {
                    positional.push(PathBuf::from(value));
                    continue;
                }
                Arg::Long(name) => (known.iter().find(|k| k.long == name), format!("--{name}")),
                Arg::Short(letter) => (
                    known.iter().find(|k| k.short == Some(letter)),
                    format!("-{letter}"),
                ),
            };
            let spelled = hallcount_core::visible(&spelled).into_owned();
            let Some(spec) = spec else {
                return Err(CliError::usage(format!("unknown option {spelled}")));
            };
            let value = parser
                .value()
                .map_err(|_| CliError::usage(format!("{spelled} needs a value")))?;
            options.push((spec.long, value));
        }
        Ok(Args {
            positional,
            options,
        })
    }

    /// The value of an option given more than once is the last one.
    fn raw(&self, name: &str) -> Option<&OsStr> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_os_str())
    }

    /// An option whose value is a file name.
    pub fn path(&self, name: &str) -> Option<&Path> {
        self.raw(name).map(Path::new)
    }

    /// An option whose value is a word or a text (refused when it is not UTF-8).
    pub fn text(&self, name: &str) -> Result<Option<&str>, CliError> {
        match self.raw(name) {
            None => Ok(None),
            Some(value) => value.to_str().map(Some).ok_or_else(|| {
                CliError::usage(format!(
                    "the value of --{name} is not UTF-8: {}",
                    hallcount_core::visible(&value.to_string_lossy())
                ))
            }),
        }
    }

    /// `--format json|text`: whether the text for people was asked for (json is the default).
    pub fn wants_text(&self) -> Result<bool, CliError> {
        match self.text("format")?.unwrap_or("json") {
            "json" => Ok(false),
            "text" => Ok(true),
            other => Err(CliError::usage(format!(
                "unknown format \"{}\"; expected json or text",
                hallcount_core::visible(other)
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KNOWN: &[Known] = &[
        Known {
            long: "output",
            short: Some('o'),
        },
        long("label"),
    ];

    fn parse(args: &[&str]) -> Result<Args, CliError> {
        Args::parse(&mut lexopt::Parser::from_args(args), KNOWN)
    }

    #[test]
    fn a_short_o_that_is_the_value_of_another_option_stays_a_value() {
        let args = parse(&["--label", "-o", "-o", "key.json"]).unwrap();
        assert_eq!(args.text("label").unwrap(), Some("-o"));
        assert_eq!(args.path("output"), Some(Path::new("key.json")));
        let args = parse(&["-o", "-o", "--label=x"]).unwrap();
        assert_eq!(args.path("output"), Some(Path::new("-o")));
        assert_eq!(args.text("label").unwrap(), Some("x"));
    }

    #[test]
    fn options_and_positionals_mix_and_the_last_option_wins() {
        let args = parse(&["a", "--label", "x", "b", "--output=k", "-o", "m"]).unwrap();
        assert_eq!(args.positional, [PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(args.path("output"), Some(Path::new("m")));
    }

    #[test]
    fn unknown_options_and_missing_values_are_usage_errors() {
        for (args, says) in [
            (&["--color", "x"][..], "unknown option --color"),
            (&["-x"][..], "unknown option -x"),
            (&["--label"][..], "--label needs a value"),
            (&["a", "-o"][..], "-o needs a value"),
        ] {
            let error = parse(args).err().expect("refused");
            assert!(error.show_usage, "{args:?}");
            assert_eq!(error.message, says, "{args:?}");
        }
    }

    #[test]
    fn format_is_json_unless_text_is_asked_for() {
        let format = |args: &[&str]| {
            let known = &[long("format")];
            Args::parse(&mut lexopt::Parser::from_args(args), known)?.wants_text()
        };
        assert!(!format(&[]).unwrap());
        assert!(!format(&["--format", "json"]).unwrap());
        assert!(format(&["--format=text"]).unwrap());
        let error = format(&["--format", "xml"]).expect_err("refused");
        assert_eq!(
            error.message,
            "unknown format \"xml\"; expected json or text"
        );
    }
}
