//! The ids of an election's contests or of a contest's candidates, in byte order: a paper's
//! contests and marks are `BTreeMap`s, so they arrive in that same order and one merge-walk of the
//! two sorted lists finds every id, with no hashing and no allocation.

use std::cmp::Ordering;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SortedIds {
    /// Sorted by id, each id once.
    entries: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    /// The first 8 bytes of `id` (see [`prefix`]): most comparisons end on this one word.
    prefix: u64,
    id: String,
    /// Position in the definition.
    index: usize,
}

impl SortedIds {
    /// Where an id is given twice (a definition `check_election` refuses), the last one wins, as
    /// in a map built from the list.
    pub(crate) fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> SortedIds {
        let mut entries: Vec<Entry> = ids
            .into_iter()
            .enumerate()
            .map(|(index, id)| Entry {
                prefix: prefix(id.as_bytes()),
                id: id.to_string(),
                index,
            })
            .collect();
        // Stable: equal ids stay in definition order, and the dedup keeps the last of them.
        crate::order::sort_by(&mut entries, |a, b| a.id.cmp(&b.id));
        entries.reverse();
        entries.dedup_by(|later, earlier| later.id == earlier.id);
        entries.reverse();
        SortedIds { entries }
    }

    /// A walk over ids to be asked in ascending order.
    pub(crate) fn walk(&self) -> Walk<'_> {
        Walk {
            rest: &self.entries,
        }
    }
}

/// A merge-walk: each `find` must be given an id not smaller than the one before.
pub(crate) struct Walk<'a> {
    rest: &'a [Entry],
}

impl Walk<'_> {
    /// The position of `id` in the definition, if it is there. Ids before it are passed over for
    /// good, so the whole walk costs at most one comparison per id of either list.
    #[inline(always)]
    pub(crate) fn find(&mut self, id: &str) -> Option<usize> {
        let id_prefix = prefix(id.as_bytes());
        while let Some((known, rest)) = self.rest.split_first() {
            match compare(known, id_prefix, id) {
                Ordering::Less => self.rest = rest,
                Ordering::Equal => {
                    self.rest = rest;
                    return Some(known.index);
                }
                Ordering::Greater => return None,
            }
        }
        None
    }
}

/// The first 8 bytes of an id as a big-endian word, zero-padded: where two prefixes differ, they
/// order as the ids do (a shorter id padded with zeros sorts before any longer one it begins).
#[inline(always)]
fn prefix(bytes: &[u8]) -> u64 {
    if let Some(word) = bytes.first_chunk::<8>() {
        return u64::from_be_bytes(*word);
    }
    // Shorter ids, without a variable-length copy (a call to memcpy for a few bytes) or slice
    // helpers the size-optimised build leaves uninlined: from 4 bytes up, two overlapping loads.
    let len = bytes.len();
    if len >= 4 {
        let head = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        let last = u32::from_be_bytes([
            bytes[len - 4],
            bytes[len - 3],
            bytes[len - 2],
            bytes[len - 1],
        ]);
        // `last` ends with bytes 4.. of the id; the shift drops the ones `head` already has.
        let tail = (u64::from(last) << (8 * (8 - len))) as u32;
        return u64::from(head) << 32 | u64::from(tail);
    }
    let mut word = 0;
    let mut i = 0;
    while i < bytes.len() {
        word |= u64::from(bytes[i]) << (56 - 8 * i);
        i += 1;
    }
    word
}

/// `known.id` against `id` in byte order, `id_prefix` being `prefix(id)`.
#[inline(always)]
fn compare(known: &Entry, id_prefix: u64, id: &str) -> Ordering {
    match known.prefix.cmp(&id_prefix) {
        // Both whole in their prefixes, which agree: the shorter one is the other's beginning.
        Ordering::Equal if known.id.len() <= 8 && id.len() <= 8 => known.id.len().cmp(&id.len()),
        Ordering::Equal => known.id.as_str().cmp(id),
        unequal => unequal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_given_in_order_and_passes_over_unknown_ones() {
        let ids = SortedIds::new(["b", "a10", "a2", "c"]);
        let mut walk = ids.walk();
        assert_eq!(walk.find("a"), None);
        assert_eq!(walk.find("a10"), Some(1));
        assert_eq!(walk.find("a11"), None);
        assert_eq!(walk.find("a2"), Some(2));
        assert_eq!(walk.find("c"), Some(3));
        assert_eq!(walk.find("d"), None);
    }

    #[test]
    fn prefixes_order_as_the_ids_do() {
        let ids = [
            "",
            "a",
            "a\0",
            "a\0\0",
            "ab",
            "abc",
            "abcd",
            "abcd\0",
            "abcde",
            "abcdf",
            "abcdefg",
            "abcdefz",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefghi",
            "abcdefgi",
            "b",
            "é",
        ];
        for x in ids {
            for y in ids {
                let known = Entry {
                    prefix: prefix(x.as_bytes()),
                    id: x.to_string(),
                    index: 0,
                };
                assert_eq!(
                    compare(&known, prefix(y.as_bytes()), y),
                    x.cmp(y),
                    "{x:?} against {y:?}"
                );
            }
        }
    }

    #[test]
    fn an_id_given_twice_keeps_its_last_position() {
        let ids = SortedIds::new(["x", "y", "x"]);
        assert_eq!(ids.walk().find("x"), Some(2));
    }
}
