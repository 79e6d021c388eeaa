//! The sample meeting: a village women's congress a newcomer can count in a minute.
//! 27 delegates entitled, 25 present, 25 papers issued; chair (1 seat, one candidate),
//! vice-chairs (2 seats, 3 candidates), executive committee (11 seats, 13 candidates).

use hallcount_core::{Candidate, CollectedLimit, Contest, Delegates, Election, Fraction, Quorum};

const CHAIR: [&str; 1] = ["李美華"];
const VICE_CHAIRS: [&str; 3] = ["陳少芬", "黃玉蓮", "張麗娟"];
const EXECUTIVE: [&str; 13] = [
    "李美華",
    "陳少芬",
    "黃玉蓮",
    "張麗娟",
    "王秀英",
    "劉桂芳",
    "楊淑珍",
    "趙麗華",
    "周小紅",
    "吳月娥",
    "徐春梅",
    "孫翠屏",
    "馬金鳳",
];

/// A contest under the village's usual settings (`Contest::village`), its candidates given the
/// ids `A`, `B`, ...
pub fn village_contest(id: &str, office: &str, seats: u32, names: &[&str]) -> Contest {
    let candidates = names
        .iter()
        .enumerate()
        .map(|(i, name)| Candidate {
            id: letter_id(i),
            name: (*name).into(),
        })
        .collect();
    Contest::village(id, office, seats, candidates)
}

/// `A`, `B`, ... `Z`, then `A1`, `B1`, ...: short ids a clerk can read in a file.
pub fn letter_id(index: usize) -> String {
    let letter = (b'A' + (index % 26) as u8) as char;
    match index / 26 {
        0 => letter.to_string(),
        n => format!("{letter}{n}"),
    }
}

pub fn sample_congress() -> Election {
    Election {
        format: hallcount_core::election::ELECTION_FORMAT.into(),
        title: "赤坑社區第一次婦女代表大會".into(),
        body: "赤坑社區婦聯".into(),
        place: "赤坑社區".into(),
        date: "2026-03-08".into(),
        delegates: Delegates {
            entitled: 27,
            present: 25,
        },
        ballots_issued: 25,
        quorum: Some(Quorum::AtLeast(Fraction {
            numerator: 2,
            denominator: 3,
        })),
        collected_limit: CollectedLimit::Issued,
        round: 1,
        contests: vec![
            village_contest("chair", "主席", 1, &CHAIR),
            village_contest("vice", "副主席", 2, &VICE_CHAIRS),
            village_contest("exec", "執行委員", 11, &EXECUTIVE),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_passes_every_check_and_has_the_promised_shape() {
        let election = sample_congress();
        assert_eq!(hallcount_core::check_election(&election), []);
        assert_eq!(election.delegates.entitled, 27);
        let shape: Vec<(u32, usize)> = election
            .contests
            .iter()
            .map(|c| (c.seats, c.candidates.len()))
            .collect();
        assert_eq!(shape, [(1, 1), (2, 3), (11, 13)]);
    }

    #[test]
    fn the_sample_is_a_valid_election_file() {
        let json = serde_json::to_string_pretty(&sample_congress()).unwrap();
        assert_eq!(
            hallcount_core::parse_election(&json).unwrap(),
            sample_congress()
        );
    }

    #[test]
    fn letter_ids_stay_unique_past_z() {
        let ids: std::collections::HashSet<String> = (0..60).map(letter_id).collect();
        assert_eq!(ids.len(), 60);
        assert_eq!(letter_id(0), "A");
        assert_eq!(letter_id(27), "B1");
    }
}
