//! `cargo bench -p hallcount-core`: the batch tally of 100,000 papers (3 contests of 1, 2 and 11
//! seats, 30 candidates, write-ins) read from JSON, adding one paper to a running tally of
//! 100,000, and reading the 100,000-paper ballots JSON.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hallcount_core::{parse_ballots, tally, BallotsFile, RunningTally};

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

criterion_group!(benches, benchmarks);
criterion_main!(benches);
