//! The result sheet cut into A4 pages by the app (issue 14, point 7), so that every printed page
//! carries the title, "page n of N" and the seal in every engine: Firefox prints no `@page`
//! margin boxes and has no page counter outside them. The sheet is laid out once as one column
//! of the printed width, each piece measured, then cut here into pages of a fixed height; the
//! print style gives each page exactly one sheet of paper.

use std::ops::Range;

/// One piece of the sheet that is never split over two pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece {
    /// The sheet's title, the meeting's figures and its status.
    Opening,
    /// Contest `c`'s heading and figures, with its table's head.
    Head(usize),
    /// Row `r` of contest `c`'s table (a candidate or a written name).
    Row(usize, usize),
    /// Contest `c`'s elected.
    Elected(usize),
    /// The checks, the seal and the signature lines.
    Closing,
}

/// The pieces of a sheet whose contests have `rows[c]` rows each, in print order.
pub fn pieces(rows: &[usize]) -> Vec<Piece> {
    let mut pieces = vec![Piece::Opening];
    for (c, &n) in rows.iter().enumerate() {
        pieces.push(Piece::Head(c));
        pieces.extend((0..n).map(|r| Piece::Row(c, r)));
        pieces.push(Piece::Elected(c));
    }
    pieces.push(Piece::Closing);
    pieces
}

/// The measured heights: one per piece, and for each contest the height of its table's head,
/// which a page continuing the table repeats. Any unit, the same as the page's.
pub struct Heights<'a> {
    pub pieces: &'a [f64],
    pub table_heads: &'a [f64],
}

/// Cuts `pieces` into pages of at most `page` high: a contest's heading is never last on a page
/// (it goes with its first row), and the closing (the signatures) never starts one: it takes the
/// last contest's last row along, so the signed page shows part of the table. A piece taller than
/// a page gets a page of its own.
pub fn paginate(pieces: &[Piece], heights: &Heights, page: f64) -> Vec<Range<usize>> {
    let cost = |range: Range<usize>| -> f64 {
        let head = match pieces.get(range.start) {
            Some(Piece::Row(c, _)) => heights.table_heads.get(*c).copied().unwrap_or(0.0),
            _ => 0.0,
        };
        head + range
            .map(|i| heights.pieces.get(i).copied().unwrap_or(0.0))
            .sum::<f64>()
    };
    let mut pages = Vec::new();
    let (mut start, mut end) = (0, 0);
    while end < pieces.len() {
        if end == start || cost(start..end + 1) <= page {
            end += 1;
            continue;
        }
        let mut cut = end;
        // What is left would start a page without a row (the last elected, the signatures):
        // the last row goes along.
        let rest = &pieces[end..];
        if rest.contains(&Piece::Closing) && !rest.iter().any(|p| matches!(p, Piece::Row(..))) {
            let last_row = (start + 1..end)
                .rev()
                .find(|&i| matches!(pieces[i], Piece::Row(..)));
            cut = last_row.unwrap_or(end - 1).max(start + 1);
        }
        while cut > start + 1 && matches!(pieces[cut - 1], Piece::Head(_)) {
            cut -= 1;
        }
        pages.push(start..cut);
        (start, end) = (cut, cut);
    }
    if start < end {
        pages.push(start..end);
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every piece 10 high, table heads 3.
    fn cut(rows: &[usize], page: f64) -> (Vec<Piece>, Vec<Range<usize>>) {
        let pieces = pieces(rows);
        let tens = vec![10.0; pieces.len()];
        let heads = vec![3.0; rows.len()];
        let heights = Heights {
            pieces: &tens,
            table_heads: &heads,
        };
        let pages = paginate(&pieces, &heights, page);
        (pieces, pages)
    }

    #[test]
    fn the_pieces_follow_the_sheet() {
        use Piece::*;
        assert_eq!(
            pieces(&[2, 0]),
            vec![
                Opening,
                Head(0),
                Row(0, 0),
                Row(0, 1),
                Elected(0),
                Head(1),
                Elected(1),
                Closing
            ]
        );
    }

    #[test]
    fn pages_cover_every_piece_once_in_order_and_none_is_empty() {
        for rows in [&[1, 4, 20][..], &[25], &[0], &[3, 3, 3], &[]] {
            for page in [5.0, 25.0, 40.0, 100.0, 1000.0] {
                let (pieces, pages) = cut(rows, page);
                let flat: Vec<usize> = pages.iter().flat_map(|r| r.clone()).collect();
                assert_eq!(
                    flat,
                    (0..pieces.len()).collect::<Vec<_>>(),
                    "{rows:?} {page}"
                );
                assert!(pages.iter().all(|r| !r.is_empty()), "{rows:?} {page}");
            }
        }
    }

    #[test]
    fn a_page_holds_no_more_than_fits_and_a_continued_table_repeats_its_head() {
        let (pieces, pages) = cut(&[1, 4, 20], 100.0);
        assert!(pages.len() >= 3, "{pages:?}");
        for range in &pages {
            let mut height = 10.0 * range.len() as f64;
            if matches!(pieces[range.start], Piece::Row(..)) {
                height += 3.0;
            }
            assert!(
                height <= 100.0 || range.len() == 1,
                "{range:?} is {height} high"
            );
        }
        let continued = pages
            .iter()
            .find(|r| matches!(pieces[r.start], Piece::Row(2, _)));
        assert!(continued.is_some(), "the 20-row table runs over: {pages:?}");
    }

    #[test]
    fn no_heading_ends_a_page_and_the_signatures_never_stand_alone() {
        // Pages that hold at least a continued row, the elected and the signatures (33 high).
        for page in [33.0, 35.0, 40.0, 55.0, 60.0, 80.0, 100.0, 130.0] {
            for rows in [&[1, 4, 20][..], &[2, 2], &[5]] {
                let (pieces, pages) = cut(rows, page);
                for range in &pages {
                    let last = pieces[range.end - 1];
                    assert!(
                        !matches!(last, Piece::Head(_)) || range.end == pieces.len(),
                        "a heading ends {range:?} at {page}: {pages:?}"
                    );
                }
                let closing = pages.last().unwrap();
                assert!(
                    pieces[closing.clone()]
                        .iter()
                        .any(|p| matches!(p, Piece::Row(..))),
                    "the signatures alone at {page} for {rows:?}: {pages:?}"
                );
            }
        }
    }
}
