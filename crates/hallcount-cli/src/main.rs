//! `hallcount`: the command-line face of the counting core, for auditors and tests.

fn main() {
    eprintln!("hallcount: no command yet");
    std::process::exit(2);
}
