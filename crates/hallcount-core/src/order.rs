//! Stable sorts that the page compiles once. Each `slice::sort_by` of another type or comparison
//! is a new copy of the whole sorting algorithm (a few KB each, fifteen of them in the wasm:
//! issue 12), so in the wasm these sort the positions `0..n` with one comparison through a
//! `dyn Fn`, which compiles one sort, then move the items into that order. Natively they are
//! the standard library's sorts. Either way the order is that of the stable `sort_by`.

use std::cmp::Ordering;

/// `items.sort_by(compare)`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if cfg!(target_arch = "wasm32") {
        sort_through_positions(items, compare);
    } else {
        items.sort_by(compare);
    }
}

/// `items.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// `items.sort()`.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The page's way of [`sort_by`]: the positions sorted, then the items moved.
fn sort_through_positions<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    move_into_order(items, order);
}

/// `0..n` sorted stably by `compare`: the one sort the page compiles.
#[inline(never)]
fn sorted_positions(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts the item at `order[k]` at `k`, for every `k`, by following each cycle of the
/// permutation with swaps (`order` ends as `0..n`).
fn move_into_order<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != start {
            let next = order[at];
            items.swap(at, next);
            order[at] = at;
            at = next;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::sort_through_positions;

    proptest! {
        /// Sorted by the key only, so that equal keys show whether the sort is stable.
        #[test]
        fn the_page_s_sort_is_the_stable_sort(keys in prop::collection::vec(0u8..6, 0..64)) {
            let items: Vec<(u8, usize)> = keys.into_iter().zip(0..).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut sorted = items;
            sort_through_positions(&mut sorted, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(sorted, expected);
        }
    }

    #[test]
    fn owned_items_are_moved_into_order() {
        let mut names: Vec<String> = ["第10村", "第4村", "甲", "乙", "第4村"]
            .map(String::from)
            .into();
        let mut expected = names.clone();
        expected.sort_by(|a, b| b.cmp(a));
        sort_through_positions(&mut names, |a, b| b.cmp(a));
        assert_eq!(names, expected);
    }
}
