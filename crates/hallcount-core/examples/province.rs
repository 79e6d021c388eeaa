//! Writes a province of signed village results for timing the town's tools (issue 12):
//! `cargo run --release -p hallcount-core --example province -- DIR [VILLAGES] [PAPERS]`
//! makes VILLAGES (default 20,000) villages × 2 elections (a congress and its officers'
//! ballot), PAPERS papers each (default 28), every village signing with its own key, and the
//! town's `trusted.json` for them. `scripts/province.sh` times `verify` and `aggregate` on it.

#[path = "../benches/synthetic.rs"]
mod synthetic;

use std::path::Path;

use hallcount_core::export::trusted::{TrustedEntry, TrustedFile};
use hallcount_core::export::{
    AppInfo, ResultFile, ResultInput, ResultPayload, Signer, TRUSTED_FORMAT,
};
use hallcount_core::log_from_ballots;

const CREATED: &str = "2026-11-29T10:00:00Z";
const TITLES: [&str; 2] = ["婦女代表大會", "執行委員會選舉"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: province DIR [VILLAGES] [PAPERS]";
    let dir = std::path::PathBuf::from(args.next().ok_or(usage)?);
    let n_villages: u32 = args.next().map_or(Ok(20_000), |n| n.parse())?;
    let n_papers: u32 = args.next().map_or(Ok(28), |n| n.parse())?;
    std::fs::create_dir_all(&dir)?;
    let mut keys = Vec::with_capacity(n_villages as usize);
    for village in 1..=n_villages {
        let place = format!("第{village}村");
        let mut seed = [7u8; 32];
        seed[..4].copy_from_slice(&village.to_le_bytes());
        let signer = Signer::from_seed(&seed);
        for (index, title) in TITLES.iter().enumerate() {
            let name = format!("v{village:05}-{}.json", index + 1);
            write_result(&dir.join(name), &signer, &place, title, n_papers, village)?;
        }
        keys.push(TrustedEntry {
            fingerprint: signer.public_key().fingerprint().to_string(),
            village: place,
        });
    }
    let trusted = TrustedFile {
        format: TRUSTED_FORMAT.into(),
        keys,
    };
    std::fs::write(
        dir.join("trusted.json"),
        serde_json::to_string_pretty(&trusted)?,
    )?;
    eprintln!(
        "wrote {} results of {n_papers} papers and trusted.json to {}",
        n_villages * 2,
        dir.display()
    );
    Ok(())
}

fn write_result(
    path: &Path,
    signer: &Signer,
    place: &str,
    title: &str,
    n_papers: u32,
    seed: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut election = synthetic::election(n_papers);
    election.place = place.into();
    election.title = title.into();
    let papers = synthetic::papers(n_papers, u64::from(seed));
    let log = log_from_ballots(election, papers, CREATED)?;
    let input = ResultInput::from_replay(log.state(), AppInfo::this_build(), CREATED)
        .ok_or("the log has no definition")?;
    let file = ResultFile::sign(ResultPayload::new(input), signer);
    std::fs::write(path, file.to_json_within_limit()?)?;
    Ok(())
}
