//! `cargo bench -p hallcount-core --bench hostile`: the worst cases of issue 10's battery, read
//! and checked as the CLI does (`parse_*` then `check_*`): a paper with 300,000 write-ins,
//! 50 papers marking 10,000 candidates, 50 papers voting in 10,000 contests, and definitions of
//! 10,000 candidates and of 10,000 contests. Each is refused by a bound of `limits`; the bench
//! shows that the refusal is fast (linear), and so is a file at the bounds.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hallcount_core::{check_election, check_papers, parse_ballots, parse_election, tally};
use serde_json::{json, Value};

fn election(n_contests: usize, n_candidates: usize) -> String {
    let contests: Vec<Value> = (0..n_contests)
        .map(|c| {
            let candidates: Vec<Value> = (0..n_candidates)
                .map(|k| json!({"id": format!("K{k}"), "name": format!("Name {k}")}))
                .collect();
            json!({"id": format!("c{c}"), "office": "Office", "seats": 3,
                   "candidates": candidates, "write_ins": {"allowed": true},
                   "threshold": {"of": "ballots_cast", "more_than": "1/2"}})
        })
        .collect();
    json!({"format": "hallcount/election@1", "title": "T", "body": "B", "place": "P",
           "date": "2026-11-25", "delegates": {"entitled": 100, "present": 90},
           "ballots_issued": 90, "contests": contests})
    .to_string()
}

fn ballots(papers: Vec<Value>) -> String {
    json!({"format": "hallcount/ballots@1", "ballots": papers}).to_string()
}

fn write_ins(n: usize) -> String {
    let names: Vec<Value> = (0..n).map(|i| json!({"name": format!("w{i}")})).collect();
    ballots(vec![json!({"contests": {"c0": {"write_ins": names}}})])
}

fn marks(n_papers: usize, n_marks: usize) -> String {
    let marks: serde_json::Map<String, Value> = (0..n_marks)
        .map(|k| (format!("K{k}"), json!("for")))
        .collect();
    ballots(vec![
        json!({"contests": {"c0": {"marks": marks}}});
        n_papers
    ])
}

fn contests(n_papers: usize, n_contests: usize) -> String {
    let contests: serde_json::Map<String, Value> = (0..n_contests)
        .map(|c| (format!("c{c}"), json!({"marks": {"K0": "for"}})))
        .collect();
    ballots(vec![json!({"contests": contests}); n_papers])
}

fn read_and_check(election_json: &str, ballots_json: &str) -> usize {
    let election = parse_election(election_json).expect("reads");
    let papers = parse_ballots(ballots_json).expect("reads").ballots;
    let problems = check_election(&election).len() + check_papers(&election, &papers).len();
    if problems == 0 {
        black_box(tally(&election, &papers));
    }
    problems
}

fn benchmarks(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    let small = election(1, 1000);
    for (name, election_json, ballots_json) in [
        (
            "300k write-ins on one paper",
            small.clone(),
            write_ins(300_000),
        ),
        (
            "50 papers marking 10k candidates",
            small.clone(),
            marks(50, 10_000),
        ),
        (
            "50 papers voting in 10k contests",
            small.clone(),
            contests(50, 10_000),
        ),
        (
            "at the bounds: 1000 write-ins on 1000 papers",
            small.clone(),
            {
                let names: Vec<Value> = (0..1000)
                    .map(|i| json!({"name": format!("w{i}")}))
                    .collect();
                ballots(vec![
                    json!({"contests": {"c0": {"write_ins": names}}});
                    1000
                ])
            },
        ),
        (
            "at the bounds: 50 papers marking 1000 candidates",
            small.clone(),
            marks(50, 1000),
        ),
        (
            "definition of 10k candidates",
            election(1, 10_000),
            ballots(vec![]),
        ),
        (
            "definition of 10k contests",
            election(10_000, 1),
            ballots(vec![]),
        ),
        (
            "at the bounds: 100 contests of 1000 candidates",
            election(100, 1000),
            contests(50, 100),
        ),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| read_and_check(black_box(&election_json), black_box(&ballots_json)))
        });
    }
    group.finish();
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
