//! The keyboard of the entry screen: which key marks which candidate, and how a mark cycles.
//!
//! Keys run across the whole paper (contest after contest) so a clerk never has to switch
//! contests before pressing a name: `1`–`9`, then `a`–`z`. A paper with more names than that gets
//! codes of two characters (`11`, `12`, ...), typed one after the other.

use hallcount_core::{Election, Mark};

/// The characters codes are made of, in the order they are handed out.
const ALPHABET: &[char] = &[
    '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j',
    'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z',
];

/// A candidate's place on the paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub contest: usize,
    pub candidate: usize,
}

/// What the characters typed so far designate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    Found(Slot),
    /// A prefix of a longer code: wait for the next character.
    Partial,
    NoMatch,
}

/// One code per printed candidate, all of the same width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyMap {
    /// `codes[contest][candidate]`.
    codes: Vec<Vec<String>>,
    width: usize,
}

impl KeyMap {
    pub fn for_election(election: &Election) -> KeyMap {
        let sizes: Vec<usize> = election
            .contests
            .iter()
            .map(|c| c.candidates.len())
            .collect();
        KeyMap::for_sizes(&sizes)
    }

    /// Codes for contests of `sizes` candidates each.
    pub fn for_sizes(sizes: &[usize]) -> KeyMap {
        let total: usize = sizes.iter().sum();
        let width = code_width(total);
        let mut next = 0;
        let codes = sizes
            .iter()
            .map(|&n| {
                (0..n)
                    .map(|_| {
                        next += 1;
                        code(next - 1, width)
                    })
                    .collect()
            })
            .collect();
        KeyMap { codes, width }
    }

    pub fn code(&self, slot: Slot) -> &str {
        self.codes
            .get(slot.contest)
            .and_then(|c| c.get(slot.candidate))
            .map_or("", String::as_str)
    }

    pub fn width(&self) -> usize {
        self.width
    }

    pub fn lookup(&self, typed: &str) -> Lookup {
        let typed = typed.to_ascii_lowercase(); // codes are ASCII; no Unicode case tables in the page
        for (contest, codes) in self.codes.iter().enumerate() {
            for (candidate, code) in codes.iter().enumerate() {
                if *code == typed {
                    return Lookup::Found(Slot { contest, candidate });
                }
                if code.starts_with(&typed) {
                    return Lookup::Partial;
                }
            }
        }
        Lookup::NoMatch
    }

    /// Whether `key` may start or continue a code (the other keys are commands).
    pub fn is_code_char(key: &str) -> bool {
        let mut chars = key.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if ALPHABET.contains(&c.to_ascii_lowercase()))
    }
}

/// The least width giving every candidate a code (1 for up to 35 names, 2 for up to 1225, ...).
fn code_width(total: usize) -> usize {
    let mut width = 1;
    let mut capacity = ALPHABET.len();
    while capacity < total {
        width += 1;
        capacity = capacity.saturating_mul(ALPHABET.len());
    }
    width
}

/// The `index`-th code of `width` characters, in base 35 over [`ALPHABET`].
fn code(index: usize, width: usize) -> String {
    let mut digits = vec![ALPHABET[0]; width];
    let mut rest = index;
    for digit in digits.iter_mut().rev() {
        *digit = ALPHABET[rest % ALPHABET.len()];
        rest /= ALPHABET.len();
    }
    digits.into_iter().collect()
}

/// A key press cycles a cell: blank → for (○) → against (×) → unreadable → blank.
pub fn next_mark(current: Option<Mark>) -> Option<Mark> {
    match current {
        None | Some(Mark::Blank) => Some(Mark::For),
        Some(Mark::For) => Some(Mark::Against),
        Some(Mark::Against) => Some(Mark::Unreadable),
        Some(Mark::Unreadable) => None,
    }
}

/// The sign a mark is shown with, as on the paper.
pub fn mark_symbol(mark: Option<Mark>) -> &'static str {
    match mark {
        Some(Mark::For) => "○",
        Some(Mark::Against) => "×",
        Some(Mark::Unreadable) => "?",
        None | Some(Mark::Blank) => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_run_across_contests() {
        let keys = KeyMap::for_sizes(&[1, 2, 13]);
        assert_eq!(keys.width(), 1);
        assert_eq!(
            keys.code(Slot {
                contest: 0,
                candidate: 0
            }),
            "1"
        );
        assert_eq!(
            keys.code(Slot {
                contest: 1,
                candidate: 1
            }),
            "3"
        );
        assert_eq!(
            keys.code(Slot {
                contest: 2,
                candidate: 5
            }),
            "9"
        );
        assert_eq!(
            keys.code(Slot {
                contest: 2,
                candidate: 6
            }),
            "a"
        );
        assert_eq!(
            keys.code(Slot {
                contest: 2,
                candidate: 12
            }),
            "g"
        );
        assert_eq!(
            keys.lookup("G"),
            Lookup::Found(Slot {
                contest: 2,
                candidate: 12
            })
        );
        assert_eq!(keys.lookup("h"), Lookup::NoMatch);
    }

    #[test]
    fn thirty_five_names_fit_one_key_and_more_take_two() {
        assert_eq!(KeyMap::for_sizes(&[35]).width(), 1);
        assert_eq!(
            KeyMap::for_sizes(&[35]).code(Slot {
                contest: 0,
                candidate: 34
            }),
            "z"
        );
        let keys = KeyMap::for_sizes(&[20, 20]);
        assert_eq!(keys.width(), 2);
        assert_eq!(
            keys.code(Slot {
                contest: 0,
                candidate: 0
            }),
            "11"
        );
        assert_eq!(
            keys.code(Slot {
                contest: 0,
                candidate: 19
            }),
            "1k"
        );
        assert_eq!(
            keys.code(Slot {
                contest: 1,
                candidate: 14
            }),
            "1z"
        );
        assert_eq!(
            keys.code(Slot {
                contest: 1,
                candidate: 15
            }),
            "21"
        );
        assert_eq!(keys.lookup("2"), Lookup::Partial);
        assert_eq!(
            keys.lookup("21"),
            Lookup::Found(Slot {
                contest: 1,
                candidate: 15
            })
        );
        assert_eq!(keys.lookup("z"), Lookup::NoMatch);
    }

    #[test]
    fn every_code_is_distinct() {
        let keys = KeyMap::for_sizes(&[300, 400]);
        let mut all: Vec<&str> = (0..2)
            .flat_map(|c| {
                (0..[300, 400][c]).map(move |k| Slot {
                    contest: c,
                    candidate: k,
                })
            })
            .map(|slot| keys.code(slot))
            .collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 700);
    }

    #[test]
    fn commands_are_not_code_characters() {
        assert!(KeyMap::is_code_char("a"));
        assert!(KeyMap::is_code_char("7"));
        assert!(!KeyMap::is_code_char("0"));
        assert!(!KeyMap::is_code_char("+"));
        assert!(!KeyMap::is_code_char("Enter"));
    }

    #[test]
    fn a_mark_cycles_through_every_state() {
        let mut mark = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            mark = next_mark(mark);
            seen.push(mark);
        }
        assert_eq!(
            seen,
            [
                Some(Mark::For),
                Some(Mark::Against),
                Some(Mark::Unreadable),
                None
            ]
        );
    }
}
