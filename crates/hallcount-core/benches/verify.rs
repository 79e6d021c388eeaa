//! `cargo bench -p hallcount-core --bench verify`: verifying one signed village result (the
//! synthetic meeting's 3 contests, 28 papers: the size of a real village's file), whole and by
//! its steps, so that the town's `verify` and `aggregate` of many files can be read per file.
//! `scripts/province.sh` times the CLI on a province of such files.

#[path = "synthetic.rs"]
mod synthetic;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use hallcount_core::export::{
    verify_result, AppInfo, ResultFile, ResultInput, ResultPayload, Signer,
};
use hallcount_core::log_from_ballots;

fn village_file(n_papers: u32) -> String {
    let election = synthetic::election(n_papers);
    let papers = synthetic::papers(n_papers, 2026);
    let at = "2026-11-29T10:00:00Z";
    let log = log_from_ballots(election, papers, at).expect("synthetic papers fit");
    let input = ResultInput::from_replay(log.state(), AppInfo::this_build(), at).expect("defined");
    let signer = Signer::from_seed(&[9; 32]);
    ResultFile::sign(ResultPayload::new(input), &signer).to_json()
}

fn verify(c: &mut Criterion) {
    let text = village_file(28);
    let bytes = text.as_bytes();
    assert!(verify_result(bytes).is_ok());
    let mut group = c.benchmark_group(format!("verify one village file ({} bytes)", text.len()));
    group.bench_function("verify_result", |b| {
        b.iter(|| verify_result(black_box(bytes)))
    });
    // The steps, to see where the time goes.
    group.bench_function("step: parse as a serde_json Value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)))
    });
    group.bench_function("step: parse as a ResultFile", |b| {
        b.iter(|| serde_json::from_str::<ResultFile>(black_box(&text)))
    });
    let file: ResultFile = serde_json::from_str(&text).expect("parses");
    group.bench_function("step: write the layout again (to_json)", |b| {
        b.iter(|| black_box(&file).to_json())
    });
    // What verify does instead of the step above.
    group.bench_function(
        "step: check the layout without writing it (is_written_as)",
        |b| b.iter(|| black_box(&file).is_written_as(black_box(&text))),
    );
    group.bench_function("step: canonical payload bytes (JCS)", |b| {
        b.iter(|| black_box(&file.payload).canonical_bytes())
    });
    group.finish();
}

criterion_group!(benches, verify);
criterion_main!(benches);
