//! `hallcount`: the command-line face of the counting core, for auditors and tests.
//!
//! Each command lives in `commands/<name>.rs` with `run(&[String]) -> Result<(), CliError>`.
//! Exit status: 0 when the command did its work (a tally was produced, whatever its status;
//! a check found no problem), 2 on bad input or usage, with the message on stderr.

mod commands;

use commands::CliError;

const USAGE: &str = "\
usage: hallcount <command> [arguments]

commands:
  tally ELECTION BALLOTS [--format json|text]
      count the papers; json (default) is hallcount/tally@1, text is a result sheet
  check ELECTION [BALLOTS]
      list every problem of the definition (and of the papers)
  keygen -o KEY [--label TEXT]
      make a signing key (hallcount/key@1, the same file as the app's key backup)
  sign ELECTION BALLOTS --key KEY -o RESULT [--at TIME]
      write a signed result (hallcount/result@1) exactly as the app does
  verify FILE... [--trusted KEYS]
      check signed results, one line per file (exit 1 when any fails)
  aggregate FILE... [--trusted KEYS] [--csv OUT]
      verify and sum results per village and office (exit 1 when any file is left out)
  help
      show this message

exit status: 0 done, 1 verify/aggregate: some file failed or was left out,
2 bad input or usage (message on stderr)";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("", &[][..]),
    };
    let result = match command {
        "tally" => commands::tally::run(rest),
        "check" => commands::check::run(rest),
        "keygen" => commands::keygen::run(rest),
        "sign" => commands::sign::run(rest),
        "verify" => commands::verify::run(rest),
        "aggregate" => commands::aggregate::run(rest),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        "" => Err(CliError::usage("no command given")),
        other => Err(CliError::usage(format!("unknown command \"{other}\""))),
    };
    if let Err(error) = result {
        eprintln!("hallcount: {}", error.message);
        if error.show_usage {
            eprintln!("\n{USAGE}");
        }
        std::process::exit(error.code);
    }
}
