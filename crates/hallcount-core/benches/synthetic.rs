//! A large synthetic meeting for the benchmarks: 3 contests (1, 2 and 11 seats; 30 printed
//! candidates; write-ins allowed) and any number of papers, from a fixed seed so every run
//! counts the same papers. Shared by `benches/tally.rs` and `examples/synthetic_meeting.rs`.

use std::collections::BTreeMap;

use hallcount_core::{
    Candidate, CollectedLimit, Contest, ContestMarks, Delegates, Election, Fraction, Mark, Paper,
    Quorum, WriteIn,
};

/// (id, office, seats, candidates): 3 + 5 + 22 = 30 printed candidates.
const CONTESTS: [(&str, &str, u32, usize); 3] = [
    ("chair", "主席", 1, 3),
    ("vice", "副主席", 2, 5),
    ("exec", "執行委員", 11, 22),
];
const WRITTEN: [&str; 4] = ["王芳", "李四", "張三", "陳小紅"];

pub fn election(n_papers: u32) -> Election {
    let contests = CONTESTS
        .iter()
        .map(|&(id, office, seats, n)| {
            let candidates = (1..=n)
                .map(|i| Candidate {
                    id: format!("{id}{i}"),
                    name: format!("Candidate {id} {i}"),
                })
                .collect();
            Contest::village(id, office, seats, candidates)
        })
        .collect();
    Election {
        format: "hallcount/election@1".into(),
        title: "Synthetic congress".into(),
        body: "Synthetic body".into(),
        place: "Synthetic place".into(),
        date: "2026-11-25".into(),
        delegates: Delegates {
            entitled: n_papers + n_papers / 10,
            present: n_papers,
        },
        ballots_issued: n_papers,
        quorum: Some(Quorum::AtLeast(Fraction {
            numerator: 2,
            denominator: 3,
        })),
        collected_limit: CollectedLimit::Issued,
        round: 1,
        contests,
    }
}

/// A small deterministic generator (an LCG): no dependency, same papers on every machine.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Lcg {
        Lcg(seed)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// One paper: mostly full, popular candidates favoured, a few blank, over-marked or rejected.
pub fn paper(rng: &mut Lcg) -> Paper {
    if rng.below(200) == 0 {
        return Paper {
            contests: BTreeMap::new(),
            rejected: Some("identifying mark".into()),
        };
    }
    let mut contests = BTreeMap::new();
    for &(id, _, seats, n) in &CONTESTS {
        if rng.below(50) == 0 {
            continue; // blank in this contest
        }
        let mut marks = BTreeMap::new();
        let picks = seats as u64 + u64::from(rng.below(40) == 0); // sometimes one too many
        while (marks.len() as u64) < picks.min(n as u64) {
            // Skewed: low numbers are chosen more often.
            let i = rng.below(n as u64).min(rng.below(n as u64)) + 1;
            marks.insert(format!("{id}{i}"), Mark::For);
        }
        if rng.below(5) == 0 {
            let i = rng.below(n as u64) + 1;
            marks.entry(format!("{id}{i}")).or_insert(Mark::Against);
        }
        let mut write_ins = Vec::new();
        if rng.below(20) == 0 {
            let for_marks = marks.values().filter(|m| **m == Mark::For).count();
            if let Some((_, mark)) = marks
                .iter_mut()
                .find(|(_, m)| **m == Mark::For)
                .filter(|_| for_marks as u32 >= seats)
            {
                *mark = Mark::Blank; // make room for the written name
            }
            write_ins.push(WriteIn {
                name: WRITTEN[rng.below(4) as usize].into(),
                marked: rng.below(4) != 0,
            });
        }
        contests.insert(id.to_string(), ContestMarks { marks, write_ins });
    }
    Paper {
        contests,
        rejected: None,
    }
}

pub fn papers(n: u32, seed: u64) -> Vec<Paper> {
    let mut rng = Lcg::new(seed);
    (0..n).map(|_| paper(&mut rng)).collect()
}
