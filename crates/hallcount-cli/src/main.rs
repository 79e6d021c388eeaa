//! `hallcount`: the command-line face of the counting core, for auditors and tests.
//!
//! Each command lives in `commands/<name>.rs` with `run(&mut lexopt::Parser) -> Result<(),
//! CliError>`. Exit status: 0 when the command did its work (a tally was produced, whatever its
//! status; a check found no problem), 2 on bad input or usage, with the message on stderr.
//! Nothing panics: stdout is written through `commands::say`, stderr failures are ignored.

mod commands;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;

use commands::{say, CliError};

const USAGE: &str = "\
usage: hallcount <command> [arguments]

commands:
  tally ELECTION BALLOTS [--format json|text]
      count the papers; json (default) is hallcount/tally@1, text is a result sheet
  check ELECTION [BALLOTS]
      list every problem of the definition (and of the papers)
  compare FIRST SECOND --election ELECTION [--format json|text]
      double entry: two clerks' ballots files of the same papers, paper by paper;
      json (default) is hallcount/compare@1 (exit 1 when they differ)
  keygen -o KEY [--label TEXT] [--from OLD_KEY] [--passphrase-file FILE]
      make a signing key sealed under a passphrase (hallcount/key@2, the same file as the
      app's key backup), or seal a clear hallcount/key@1 file (--from); the passphrase is
      asked at the terminal (twice, without echo) unless FILE gives it (its first line)
  sign ELECTION BALLOTS --key KEY -o RESULT [--at TIME] [--passphrase-file FILE]
      write a signed result (hallcount/result@1) exactly as the app does; TIME is RFC 3339;
      a sealed key's passphrase is asked at the terminal unless FILE gives it
  verify FILE... [--trusted KEYS]
      check signed results, one line per file (exit 1 when any fails)
  aggregate FILE... [--trusted KEYS] [--csv OUT]
      verify and sum results per village and office (exit 1 when any file is left out)
  help
      show this message

exit status: 0 done (compare: identical), 1 verify/aggregate: some file failed or was
left out, compare: the entries differ; 2 bad input or usage (message on stderr)";

fn main() {
    let mut parser = lexopt::Parser::from_env();
    let result = run(&mut parser).and_then(|()| say::flush());
    if let Err(error) = result {
        // stdout may be closed or full: what is still said goes to stderr, and a failure there
        // has nowhere left to be told.
        let _ = say::flush();
        let mut stderr = std::io::stderr().lock();
        if !error.message.is_empty() {
            // Each line made visible once more: no text from a file can write on the terminal.
            let lines: Vec<_> = error
                .message
                .split('\n')
                .map(hallcount_core::visible)
                .collect();
            let _ = writeln!(stderr, "hallcount: {}", lines.join("\n"));
        }
        if error.show_usage {
            let _ = writeln!(stderr, "\n{USAGE}");
        }
        std::process::exit(error.code);
    }
}

fn run(parser: &mut lexopt::Parser) -> Result<(), CliError> {
    use lexopt::Arg;
    let command = match parser.next().map_err(CliError::usage)? {
        None => return Err(CliError::usage("no command given")),
        Some(Arg::Long("help") | Arg::Short('h')) => return say::line(USAGE),
        Some(Arg::Value(command)) => command,
        Some(Arg::Long(name)) => return Err(unknown_command(&format!("--{name}"))),
        Some(Arg::Short(letter)) => return Err(unknown_command(&format!("-{letter}"))),
    };
    match command.to_str() {
        Some("tally") => commands::tally::run(parser),
        Some("check") => commands::check::run(parser),
        Some("compare") => commands::compare::run(parser),
        Some("keygen") => commands::keygen::run(parser),
        Some("sign") => commands::sign::run(parser),
        Some("verify") => commands::verify::run(parser),
        Some("aggregate") => commands::aggregate::run(parser),
        Some("help") => say::line(USAGE),
        _ => Err(unknown_command(&command.to_string_lossy())),
    }
}

fn unknown_command(command: &str) -> CliError {
    CliError::usage(format!(
        "unknown command \"{}\"",
        hallcount_core::visible(command)
    ))
}
