//! Build and check tasks: `cargo xtask dist | run | test`.

fn main() {
    eprintln!("xtask: no task yet");
    std::process::exit(2);
}
