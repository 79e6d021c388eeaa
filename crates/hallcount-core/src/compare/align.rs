//! Edit-distance alignment of two sequences of paper readings (already reduced to numbers, equal
//! readings having equal numbers): a step is a match, a change (the same paper read twice
//! differently), a paper only in the first or only in the second sequence; each of the last three
//! costs 1.
//!
//! Cost: a full table is O(n·m). Two entries of the same papers differ in a few places, so the
//! table is filled only in a band of diagonals around the corner-to-corner one (Ukkonen): a path
//! of cost `d` never leaves the diagonals within `d` of both ends' diagonals, so the best path
//! found inside a band of half-width `k` is the best of all when its cost is at most `k`.
//! Otherwise `k` is doubled. Time and memory are O((n + m)·d); a band wider than [`MAX_CELLS`]
//! cells is refused rather than filled (two files that far apart are not two entries of the same
//! papers).

/// The most table cells filled for one alignment (one byte each): 2 × 1,000 papers always fit
/// (a whole table is about 2 million cells); 2 × 10,000 fit up to about 400 differences.
pub const MAX_CELLS: usize = 8_000_000;

/// The first band half-width tried.
const FIRST_BAND: usize = 16;

/// One step of an alignment, with 0-based positions in each sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Same { first: usize, second: usize },
    Changed { first: usize, second: usize },
    OnlyFirst { first: usize },
    OnlySecond { second: usize },
}

/// The alignment would need more than [`MAX_CELLS`] cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooFarApart;

/// Where the best path into a cell came from.
#[derive(Clone, Copy, PartialEq, Eq)]
enum From {
    Start,
    Diagonal,
    Up,
    Left,
}

/// A least-cost alignment of `first` and `second`, in order. Among equal-cost paths, a match or a
/// change is preferred to a paper missing from one side, walking back from the end.
pub fn align(first: &[u32], second: &[u32]) -> Result<Vec<Step>, TooFarApart> {
    let (n, m) = (first.len(), second.len());
    let mut half_width = FIRST_BAND;
    loop {
        let band = Band::new(n, m, half_width);
        if band.cells() > MAX_CELLS {
            return Err(TooFarApart);
        }
        let (cost, from) = fill(first, second, &band);
        if cost <= half_width || band.is_whole_table() {
            return Ok(trace_back(&band, &from));
        }
        half_width = half_width.saturating_mul(2);
    }
}

/// The cells (i, j) with `lo <= j - i <= hi`, stored row by row, `width` cells per row.
struct Band {
    n: usize,
    m: usize,
    lo: isize,
    hi: isize,
}

impl Band {
    fn new(n: usize, m: usize, half_width: usize) -> Band {
        let (n_i, m_i) = (to_isize(n), to_isize(m));
        let k = to_isize(half_width);
        let diagonal = m_i - n_i;
        Band {
            n,
            m,
            lo: (diagonal.min(0) - k).max(-n_i),
            hi: (diagonal.max(0) + k).min(m_i),
        }
    }

    fn width(&self) -> usize {
        (self.hi - self.lo + 1).unsigned_abs()
    }

    fn cells(&self) -> usize {
        self.width().saturating_mul(self.n + 1)
    }

    fn is_whole_table(&self) -> bool {
        self.lo == -to_isize(self.n) && self.hi == to_isize(self.m)
    }

    /// The index of cell (i, j), or `None` outside the band or the table.
    fn index(&self, i: usize, j: usize) -> Option<usize> {
        let offset = to_isize(j) - to_isize(i) - self.lo;
        let in_band = offset >= 0 && to_isize(j) - to_isize(i) <= self.hi && j <= self.m;
        in_band.then(|| i * self.width() + offset.unsigned_abs())
    }

    /// The columns of row `i` inside the band.
    fn columns(&self, i: usize) -> std::ops::RangeInclusive<usize> {
        let i = to_isize(i);
        let start = (i + self.lo).max(0).unsigned_abs();
        let end = (i + self.hi).min(to_isize(self.m)).unsigned_abs();
        start..=end
    }
}

fn to_isize(value: usize) -> isize {
    // Slices never hold more than isize::MAX elements.
    isize::try_from(value).unwrap_or(isize::MAX)
}

/// Fills the band: the cost of the best path to (n, m) and, per cell, where its best path came
/// from. Costs are kept for two rows only.
fn fill(first: &[u32], second: &[u32], band: &Band) -> (usize, Vec<From>) {
    const UNREACHED: usize = usize::MAX / 2;
    let width = band.width();
    let mut from = vec![From::Start; band.cells()];
    let mut previous = vec![UNREACHED; width];
    let mut current = vec![UNREACHED; width];
    let row_offset = |i: usize, j: usize| (to_isize(j) - to_isize(i) - band.lo).unsigned_abs();
    for i in 0..=band.n {
        current.fill(UNREACHED);
        for j in band.columns(i) {
            let here = row_offset(i, j);
            let mut best = (UNREACHED, From::Start);
            if i == 0 && j == 0 {
                best = (0, From::Start);
            }
            if i > 0 && j > 0 {
                let changed = usize::from(first[i - 1] != second[j - 1]);
                // (i-1, j-1) sits at the same offset in the previous row.
                best = (previous[here] + changed, From::Diagonal);
            }
            if i > 0 && band.index(i - 1, j).is_some() {
                let cost = previous[here + 1] + 1;
                if cost < best.0 {
                    best = (cost, From::Up);
                }
            }
            if j > 0 && band.index(i, j - 1).is_some() {
                let cost = current[here - 1] + 1;
                if cost < best.0 {
                    best = (cost, From::Left);
                }
            }
            current[here] = best.0;
            from[i * width + here] = best.1;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    (previous[row_offset(band.n, band.m)], from)
}

fn trace_back(band: &Band, from: &[From]) -> Vec<Step> {
    let mut steps = Vec::new();
    let (mut i, mut j) = (band.n, band.m);
    while let Some(index) = band.index(i, j) {
        match from[index] {
            From::Start => break,
            From::Diagonal => {
                i -= 1;
                j -= 1;
                steps.push(Step::Same {
                    first: i,
                    second: j,
                });
            }
            From::Up => {
                i -= 1;
                steps.push(Step::OnlyFirst { first: i });
            }
            From::Left => {
                j -= 1;
                steps.push(Step::OnlySecond { second: j });
            }
        }
    }
    steps.reverse();
    steps
}

/// Marks the diagonal steps between different readings as changes.
pub fn mark_changes(steps: &mut [Step], first: &[u32], second: &[u32]) {
    for step in steps {
        if let Step::Same {
            first: i,
            second: j,
        } = *step
        {
            if first[i] != second[j] {
                *step = Step::Changed {
                    first: i,
                    second: j,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook full table, for the cost only.
    fn full_table_cost(a: &[u32], b: &[u32]) -> usize {
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut diagonal = row[0];
            row[0] = i;
            for j in 1..=b.len() {
                let next = (diagonal + usize::from(a[i - 1] != b[j - 1]))
                    .min(row[j] + 1)
                    .min(row[j - 1] + 1);
                diagonal = row[j];
                row[j] = next;
            }
        }
        row[b.len()]
    }

    fn cost(steps: &[Step]) -> usize {
        steps
            .iter()
            .filter(|s| !matches!(s, Step::Same { .. }))
            .count()
    }

    fn aligned(a: &[u32], b: &[u32]) -> Vec<Step> {
        let mut steps = align(a, b).expect("fits");
        mark_changes(&mut steps, a, b);
        steps
    }

    #[test]
    fn the_cost_is_the_full_tables_on_small_cases() {
        let cases: [(&[u32], &[u32]); 7] = [
            (&[], &[]),
            (&[1, 2, 3], &[]),
            (&[], &[4, 5]),
            (&[1, 2, 3, 4], &[1, 3, 4]),
            (&[1, 2, 3], &[9, 8, 7, 6, 5, 4, 3]),
            (&[1; 40], &[2; 3]),
            (
                &[
                    5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                ],
                &[1],
            ),
        ];
        for (a, b) in cases {
            assert_eq!(cost(&aligned(a, b)), full_table_cost(a, b), "{a:?} / {b:?}");
        }
    }

    proptest::proptest! {
        /// Few distinct readings make many equal-cost paths and costs beyond the first band.
        #[test]
        fn the_cost_is_the_full_tables(
            a in proptest::collection::vec(0u32..4, 0..60),
            b in proptest::collection::vec(0u32..4, 0..60),
        ) {
            proptest::prop_assert_eq!(cost(&aligned(&a, &b)), full_table_cost(&a, &b));
        }
    }

    #[test]
    fn a_band_too_narrow_widens_until_the_cost_fits() {
        // 100 papers, every one different: the cost (100) is far beyond the first band.
        let a: Vec<u32> = (0..100).collect();
        let b: Vec<u32> = (1000..1100).collect();
        let steps = aligned(&a, &b);
        assert_eq!(cost(&steps), 100);
        assert!(steps.iter().all(|s| matches!(s, Step::Changed { .. })));
    }

    #[test]
    fn one_paper_missed_is_one_step_not_a_change_on_every_later_paper() {
        let a: Vec<u32> = (0..1000).collect();
        let mut b = a.clone();
        b.remove(500);
        let steps = aligned(&a, &b);
        let odd: Vec<&Step> = steps
            .iter()
            .filter(|s| !matches!(s, Step::Same { .. }))
            .collect();
        assert_eq!(odd, [&Step::OnlyFirst { first: 500 }]);
    }

    #[test]
    fn the_positions_of_every_step_cover_both_sequences_in_order() {
        let a = [1, 2, 3, 4, 5, 6];
        let b = [1, 9, 3, 5, 6, 7];
        let steps = aligned(&a, &b);
        let firsts: Vec<usize> = steps
            .iter()
            .filter_map(|s| match *s {
                Step::Same { first, .. } | Step::Changed { first, .. } => Some(first),
                Step::OnlyFirst { first } => Some(first),
                Step::OnlySecond { .. } => None,
            })
            .collect();
        let seconds: Vec<usize> = steps
            .iter()
            .filter_map(|s| match *s {
                Step::Same { second, .. } | Step::Changed { second, .. } => Some(second),
                Step::OnlySecond { second } => Some(second),
                Step::OnlyFirst { .. } => None,
            })
            .collect();
        assert_eq!(firsts, (0..a.len()).collect::<Vec<_>>());
        assert_eq!(seconds, (0..b.len()).collect::<Vec<_>>());
    }

    #[test]
    fn too_far_apart_is_refused_not_filled() {
        // 20,000 papers against 20,000 others: a band wide enough would exceed MAX_CELLS.
        let a: Vec<u32> = (0..20_000).collect();
        let b: Vec<u32> = (20_000..40_000).collect();
        assert_eq!(align(&a, &b), Err(TooFarApart));
        // The same length with one paper missed fits.
        let mut c = a.clone();
        c.remove(7);
        assert_eq!(cost(&aligned(&a, &c)), 1);
    }
}
