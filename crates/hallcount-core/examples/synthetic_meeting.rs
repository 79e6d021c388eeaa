//! Writes a large synthetic meeting for timing the CLI:
//! `cargo run --release -p hallcount-core --example synthetic_meeting -- DIR [N_PAPERS]`
//! then `hallcount tally DIR/election.json DIR/ballots.json`.

#[path = "../benches/synthetic.rs"]
mod synthetic;

use hallcount_core::BallotsFile;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(
        args.next()
            .ok_or("usage: synthetic_meeting DIR [N_PAPERS]")?,
    );
    let n: u32 = args.next().map_or(Ok(100_000), |n| n.parse())?;
    std::fs::create_dir_all(&dir)?;
    let election = synthetic::election(n);
    let ballots = BallotsFile {
        format: "hallcount/ballots@1".into(),
        ballots: synthetic::papers(n, 2026),
    };
    std::fs::write(
        dir.join("election.json"),
        serde_json::to_string_pretty(&election)?,
    )?;
    std::fs::write(dir.join("ballots.json"), serde_json::to_string(&ballots)?)?;
    eprintln!("wrote {} papers to {}", n, dir.display());
    Ok(())
}
