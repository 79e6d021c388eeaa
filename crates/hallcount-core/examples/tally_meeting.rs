//! Tallies a meeting read from disk, for profiling the count apart from the parse:
//! `cargo run --release -p hallcount-core --example tally_meeting -- DIR [TIMES]` (DIR as written
//! by `synthetic_meeting`). Under callgrind, `--toggle-collect=tally_meeting::count` counts only
//! the tallies.

use hallcount_core::{parse_ballots, parse_election, tally, Election, Paper, Tally};

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
    let (start, start_cpu) = (std::time::Instant::now(), cpu_time_ns());
    // The fastest run is the nearest to an unshared machine.
    let mut fastest = std::time::Duration::MAX;
    for _ in 0..times {
        let run = std::time::Instant::now();
        result = Some(count(&election, &papers));
        fastest = fastest.min(run.elapsed());
    }
    let wall = start.elapsed() / times.max(1);
    let cpu = cpu_time_ns()
        .zip(start_cpu)
        .map(|(end, start)| (end - start) / u64::from(times.max(1)));
    let result = result.ok_or("TIMES must be at least 1")?;
    println!("{}", serde_json::to_string(&result)?);
    let cpu = cpu.map_or("unknown".to_string(), |ns| {
        format!("{:.1} ms", ns as f64 / 1e6)
    });
    eprintln!(
        "{} papers, per tally: {:.1} ms wall (fastest {:.1} ms), {cpu} on the CPU (all threads)",
        papers.len(),
        wall.as_secs_f64() * 1e3,
        fastest.as_secs_f64() * 1e3
    );
    Ok(())
}

/// CPU time of this process, threads included (Linux, in clock ticks of 10 ms: tally many times):
/// on a machine shared with other builds, the wall clock mostly measures waiting for a core.
fn cpu_time_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which may hold spaces) in brackets; utime and stime
    // are the 14th and 15th of the whole line.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10_000_000)
}
