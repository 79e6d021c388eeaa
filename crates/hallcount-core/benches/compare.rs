//! `cargo bench -p hallcount-core --bench compare`: two entries of 1,000 papers compared, with
//! three differences (a paper read differently, one missed, one typed twice) and with every
//! paper different (the widest alignment 2 × 1,000 papers can need).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hallcount_core::compare_entries;

mod synthetic;

const N_PAPERS: u32 = 1_000;

fn benchmarks(c: &mut Criterion) {
    let election = synthetic::election(N_PAPERS);
    let first = synthetic::papers(N_PAPERS, 2026);
    let mut second = first.clone();
    second[100] = first[101].clone();
    second.remove(500);
    second.insert(800, first[799].clone());
    let unrelated = synthetic::papers(N_PAPERS, 7);

    let mut group = c.benchmark_group("compare 2 x 1,000 papers");
    group.bench_function("three differences", |b| {
        b.iter(|| compare_entries(black_box(&election), &first, black_box(&second)))
    });
    group.sample_size(10);
    group.bench_function("unrelated entries", |b| {
        b.iter(|| compare_entries(black_box(&election), &first, black_box(&unrelated)))
    });
    group.finish();
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
