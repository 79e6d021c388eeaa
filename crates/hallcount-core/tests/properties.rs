//! Properties of the count (proptest) over random elections and papers: the identities of R10,
//! ties never broken silently (R7), order independence, and that the incremental fold agrees with
//! the batch tally. Also: no input makes the readers or the count panic.

use std::collections::BTreeMap;

use hallcount_core::{
    paper_effect, parse_ballots, parse_election, tally, tally_interned, InternedBallots, Mark,
    OpenReason, RunningTally, Status, TiePolicy,
};
use proptest::prelude::*;

mod strategies;

use strategies::*;

/// Votes and `against` of a name in `elected` / `open.candidates`.
fn standing(counted: &hallcount_core::ContestTally, name: &str) -> (u32, Option<u32>) {
    match name.strip_prefix("write_in:") {
        Some(written) => (
            counted
                .write_ins
                .iter()
                .find(|w| w.name == written)
                .map_or(0, |w| w.votes),
            None,
        ),
        None => {
            let c = counted
                .candidates
                .iter()
                .find(|c| c.id == name)
                .expect("a listed candidate");
            (c.votes_for, Some(c.against))
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The fold over interned papers counts what a simple count over the papers as read gives,
    /// with `paper_effect` paper by paper (R3–R5): invalid, blank, every candidate's `for`,
    /// `against` and abstentions from the valid papers, and the names written on them (R4).
    #[test]
    fn interned_tally_equals_a_simple_count((election, papers) in case()) {
        let result = tally_interned(&election, &InternedBallots::new(&election, &papers));
        prop_assert_eq!(&result, &tally(&election, &papers));
        for (contest, counted) in election.contests.iter().zip(&result.contests) {
            let (mut invalid, mut blank) = (0u32, 0u32);
            let mut votes = vec![(0u32, 0u32); contest.candidates.len()];
            let mut written = BTreeMap::<&str, u32>::new();
            for paper in &papers {
                if paper.rejected.is_some() {
                    invalid += 1;
                    continue;
                }
                let Some(marks) = paper.contests.get(&contest.id) else {
                    blank += 1;
                    continue;
                };
                let effect = paper_effect(contest, marks);
                if effect.over_marked {
                    invalid += 1;
                    continue;
                }
                blank += u32::from(effect.blank);
                for (i, candidate) in contest.candidates.iter().enumerate() {
                    match marks.marks.get(&candidate.id) {
                        Some(Mark::For) => votes[i].0 += 1,
                        Some(Mark::Against) => votes[i].1 += 1,
                        _ => {}
                    }
                }
                for write_in in marks.write_ins.iter().filter(|_| contest.write_ins.allowed) {
                    let counts = write_in.marked || !contest.write_ins.need_mark;
                    *written.entry(write_in.name.as_str()).or_default() += u32::from(counts);
                }
            }
            let cast = papers.len() as u32;
            prop_assert_eq!(
                (counted.cast, counted.valid, counted.invalid, counted.blank),
                (cast, cast - invalid, invalid, blank)
            );
            let got: Vec<(u32, u32, u32)> = counted
                .candidates
                .iter()
                .map(|c| (c.votes_for, c.against, c.abstain))
                .collect();
            let valid = cast - invalid;
            let expected: Vec<(u32, u32, u32)> =
                votes.iter().map(|&(f, a)| (f, a, valid - f - a)).collect();
            prop_assert_eq!(got, expected);
            let got: BTreeMap<&str, u32> =
                counted.write_ins.iter().map(|w| (w.name.as_str(), w.votes)).collect();
            prop_assert_eq!(got, written);
        }
    }

    #[test]
    fn counts_add_up((election, papers) in case()) {
        let result = tally(&election, &papers);
        prop_assert_eq!(result.collected as usize, papers.len());
        for counted in &result.contests {
            prop_assert_eq!(counted.cast, counted.valid + counted.invalid);
            prop_assert!(counted.blank <= counted.valid);
            for c in &counted.candidates {
                prop_assert_eq!(c.votes_for + c.against + c.abstain, counted.valid, "candidate {}", c.id);
            }
            prop_assert!(counted.elected.len() as u32 <= counted.seats);
            prop_assert_eq!(counted.elected.len() as u32 + counted.open.seats, counted.seats);
            if result.status != Status::Valid {
                prop_assert!(counted.elected.is_empty());
            }
        }
    }

    /// R7: whoever is left out with at least as many votes as someone elected, having reached the
    /// threshold, lost only by the `fewer_against` rule, or is named in an open runoff or lot.
    #[test]
    fn ties_are_never_broken_silently((election, papers) in case()) {
        let result = tally(&election, &papers);
        for (contest, counted) in election.contests.iter().zip(&result.contests) {
            let needed = counted.threshold.needed;
            let names = counted.candidates.iter().map(|c| c.id.clone())
                .chain(counted.write_ins.iter().filter(|w| w.votes > 0).map(|w| format!("write_in:{}", w.name)));
            for left_out in names.filter(|n| !counted.elected.contains(n)) {
                let (votes, against) = standing(counted, &left_out);
                if votes < needed || votes == 0 {
                    continue;
                }
                for elected in &counted.elected {
                    let (elected_votes, elected_against) = standing(counted, elected);
                    if elected_votes > votes {
                        continue;
                    }
                    prop_assert_eq!(elected_votes, votes, "{} elected with fewer votes than {}", elected, left_out);
                    let by_rule = contest.ties == TiePolicy::FewerAgainstThenRunoff
                        && matches!((elected_against, against), (Some(e), Some(l)) if e < l);
                    let left_open = counted.open.candidates.contains(&left_out)
                        && matches!(counted.open.reason, Some(OpenReason::RunoffRequired | OpenReason::LotRequired));
                    prop_assert!(by_rule || left_open, "{} and {} tied, broken silently", elected, left_out);
                }
            }
            if matches!(counted.open.reason, Some(OpenReason::RunoffRequired | OpenReason::LotRequired)) {
                prop_assert!(counted.open.candidates.len() as u32 > counted.open.seats);
                let votes: Vec<u32> = counted.open.candidates.iter().map(|n| standing(counted, n).0).collect();
                prop_assert!(votes.windows(2).all(|w| w[0] == w[1]), "tied candidates have equal votes");
            }
        }
    }

    #[test]
    fn order_of_papers_does_not_matter(
        (election, papers) in case(),
        seed in any::<u64>(),
    ) {
        let mut shuffled = papers.clone();
        // A deterministic shuffle from the seed (Fisher–Yates with a small LCG).
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (state >> 33) as usize % (i + 1));
        }
        let a = serde_json::to_vec(&tally(&election, &papers)).unwrap();
        let b = serde_json::to_vec(&tally(&election, &shuffled)).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn adding_then_removing_a_paper_restores_the_tally(
        (election, papers) in case(),
        extra in paper(),
    ) {
        let mut running = RunningTally::new(&election);
        for paper in &papers {
            running.add(paper);
        }
        let before = running.clone();
        running.add(&extra);
        running.remove(&extra);
        prop_assert_eq!(&running, &before);
        prop_assert_eq!(running.finish(&election), tally(&election, &papers));
    }

    /// Entering papers one by one, with some voided on the way, gives the batch tally of the
    /// papers that stay.
    #[test]
    fn incremental_with_voids_equals_batch(
        (election, papers) in case(),
        voided in prop::collection::vec(any::<bool>(), 40),
    ) {
        let mut running = RunningTally::new(&election);
        let mut kept = Vec::new();
        for (paper, void) in papers.iter().zip(&voided) {
            running.add(paper);
            if *void {
                running.remove(paper);
            } else {
                kept.push(paper.clone());
            }
            prop_assert_eq!(running.collected() as usize, kept.len());
        }
        prop_assert_eq!(running.finish(&election), tally(&election, &kept));
    }

    #[test]
    fn same_input_same_bytes((election, papers) in case()) {
        let first = serde_json::to_string_pretty(&tally(&election, &papers)).unwrap();
        let again = serde_json::to_string_pretty(&tally(&election.clone(), &papers.clone())).unwrap();
        prop_assert_eq!(first, again);
    }

    /// No definition, even one `check_election` refuses (0 seats, any numbers), panics the count.
    #[test]
    fn unchecked_input_never_panics(election in election(0), papers in prop::collection::vec(paper(), 0..20)) {
        let result = tally(&election, &papers);
        let _ = hallcount_core::propose_next_round(&election, &result);
        let _ = hallcount_core::check_election(&election);
        for (i, p) in papers.iter().enumerate() {
            let _ = hallcount_core::check_paper(&election, i, p);
        }
    }

    #[test]
    fn readers_never_panic(text in ".{0,200}") {
        let _ = parse_election(&text);
        let _ = parse_ballots(&text);
    }

    /// Round trip: what the count was given, written and read back, counts the same.
    #[test]
    fn files_round_trip((election, papers) in case()) {
        let election_json = serde_json::to_string(&election).unwrap();
        let ballots_json = serde_json::to_string(&hallcount_core::BallotsFile {
            format: "hallcount/ballots@1".into(),
            ballots: papers.clone(),
        }).unwrap();
        let election_back = parse_election(&election_json).unwrap();
        let ballots_back = parse_ballots(&ballots_json).unwrap();
        prop_assert_eq!(&election_back, &election);
        prop_assert_eq!(tally(&election_back, &ballots_back.ballots), tally(&election, &papers));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Misuse of the running tally (finishing with another election, removing a paper never
    /// added) gives meaningless counts, never a panic.
    #[test]
    fn running_tally_misuse_never_panics((election, papers) in case(), other in election(0)) {
        let mut running = RunningTally::new(&election);
        for paper in &papers {
            running.remove(paper);
            running.add(paper);
        }
        let _ = running.finish(&other);
    }
}

proptest! {
    /// The entry screen's hint (`paper_effect`) says exactly what the count does with the paper.
    #[test]
    fn the_entry_hint_agrees_with_the_count(election in election(1), paper in paper()) {
        let result = tally(&election, std::slice::from_ref(&paper));
        for (contest, counted) in election.contests.iter().zip(&result.contests) {
            let (invalid, blank) = match (&paper.rejected, paper.contests.get(&contest.id)) {
                (Some(_), _) => (1, 0),
                (None, None) => (0, 1),
                (None, Some(marks)) => {
                    let effect = hallcount_core::paper_effect(contest, marks);
                    (u32::from(!effect.counts()), u32::from(effect.counts() && effect.blank))
                }
            };
            prop_assert_eq!((counted.invalid, counted.blank), (invalid, blank), "contest {}", contest.id);
        }
    }
}
