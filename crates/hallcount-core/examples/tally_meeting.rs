//! Tallies a meeting read from disk, for profiling the count apart from the parse:
//! `cargo run --release -p hallcount-core --example tally_meeting -- DIR [TIMES]` (DIR as written
//! by `synthetic_meeting`). Under callgrind, `--toggle-collect=tally_meeting::count` counts only
//! the tallies.

use hallcount_core::{parse_ballots, parse_election, tally, Paper, Election, Tally};

#[inline(never)]
fn count(election: &Election, papers: &[Paper]) -> Tally {
    tally(std::hint::black_box(election), std::hint::black_box(papers))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().ok_or("usage: tally_meeting DIR [TIMES]")?);
    let times: u32 = args.next().map_or(Ok(1), |n| n.parse())?;
    let election = parse_election(&std::fs::read_to_string(dir.join("election.json"))?)?;
    let papers = parse_ballots(&std::fs::read_to_string(dir.join("ballots.json"))?)?.ballots;
    let mut result = None;
    let start = std::time::Instant::now();
    for _ in 0..times {
        result = Some(count(&election, &papers));
    }
    let elapsed = start.elapsed() / times.max(1);
    let result = result.ok_or("TIMES must be at least 1")?;
    println!("{}", serde_json::to_string(&result)?);
    eprintln!("{} papers, {:?} per tally", papers.len(), elapsed);
    Ok(())
}
