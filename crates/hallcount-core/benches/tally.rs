//! `cargo bench -p hallcount-core`: the batch tally of 100,000 papers (3 contests of 1, 2 and 11
//! seats, 30 candidates, write-ins) read from JSON, adding one paper to a running tally of
//! 100,000, and reading the 100,000-paper ballots JSON.
//!
//! The group "100k papers, tally vs the machine's limit" sets the tally over interned papers
//! beside a plain loop that only adds up a flat array of the same `for`/`against` marks: the
//! ratio of the two is how far the count is from what the machine can do with those marks.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hallcount_core::{
    parse_ballots, tally, tally_interned, BallotsFile, Election, InternedBallots, Mark, Paper,
    RunningTally,
};

mod synthetic;

const N_PAPERS: u32 = 100_000;

fn benchmarks(c: &mut Criterion) {
    let election = synthetic::election(N_PAPERS);
    let generated = synthetic::papers(N_PAPERS, 2026);
    let json = serde_json::to_string(&BallotsFile {
        format: "hallcount/ballots@1".into(),
        ballots: generated,
    })
    .expect("serialises");
    // As the CLI and the app have them: read from the JSON (which also lays them out in memory
    // as a reader does, in file order).
    let papers = parse_ballots(&json).expect("parses").ballots;

    let mut group = c.benchmark_group("100k papers");
    group.sample_size(20);
    group.bench_function("batch tally", |b| {
        b.iter(|| tally(black_box(&election), black_box(&papers)))
    });
    group.bench_function("parse ballots json", |b| {
        b.iter(|| parse_ballots(black_box(&json)).expect("parses"))
    });
    group.finish();

    let interned = InternedBallots::new(&election, &papers);
    let (flat, n_cells) = flat_marks(&election, &papers);
    let mut group = c.benchmark_group("100k papers, tally vs the machine's limit");
    group.sample_size(30);
    group.bench_function("tally of interned papers", |b| {
        b.iter(|| tally_interned(black_box(&election), black_box(&interned)))
    });
    group.bench_function("plain sum of a flat array of the same marks", |b| {
        b.iter(|| sum_flat(black_box(&flat), n_cells))
    });
    group.bench_function("intern the papers (at load)", |b| {
        b.iter(|| InternedBallots::new(black_box(&election), black_box(&papers)))
    });
    group.finish();

    let mut running = RunningTally::new(&election);
    for paper in &papers {
        running.add(paper);
    }
    let mut rng = synthetic::Lcg::new(7);
    let extra: Vec<_> = (0..64).map(|_| synthetic::paper(&mut rng)).collect();
    let mut next = 0;
    c.bench_function("add one paper to a running tally of 100k", |b| {
        b.iter(|| {
            next = (next + 1) % extra.len();
            running.add(black_box(&extra[next]));
        })
    });
    c.bench_function("finish a running tally of 100k", |b| {
        b.iter(|| running.finish(black_box(&election)))
    });
}

/// Every `for` and `against` mark on a known candidate of a paper not rejected, as one index
/// into a flat array of counters (candidate, for/against), and how many counters.
fn flat_marks(election: &Election, papers: &[Paper]) -> (Vec<u32>, usize) {
    let mut offsets = std::collections::HashMap::new();
    let mut n_cells = 0;
    for contest in &election.contests {
        for candidate in &contest.candidates {
            offsets.insert((contest.id.as_str(), candidate.id.as_str()), n_cells);
            n_cells += 2;
        }
    }
    let mut flat = Vec::new();
    for paper in papers.iter().filter(|p| p.rejected.is_none()) {
        for (contest, marks) in &paper.contests {
            for (id, mark) in &marks.marks {
                let Some(&at) = offsets.get(&(contest.as_str(), id.as_str())) else {
                    continue;
                };
                match mark {
                    Mark::For => flat.push(at as u32),
                    Mark::Against => flat.push(at as u32 + 1),
                    Mark::Blank | Mark::Unreadable => {}
                }
            }
        }
    }
    (flat, n_cells)
}

/// The machine's limit for these marks: one increment per mark, nothing else.
fn sum_flat(flat: &[u32], n_cells: usize) -> Vec<u64> {
    let mut counts = vec![0u64; n_cells];
    for &cell in flat {
        counts[cell as usize] += 1;
    }
    counts
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
