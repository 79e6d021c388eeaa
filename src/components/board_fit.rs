//! How the board fills the projector: the number of columns and the type size, from the number
//! of lines to show and the screen's size, so every name is in view, whole, as large as fits.
//! Pure arithmetic on integers (pixels); the board page feeds it the window's size.

/// Lines of a contest besides its names: the heading and the summary below the names.
pub const CONTEST_EXTRA_LINES: u32 = 3;
/// A line's height as a multiple of the type size, in tenths.
pub const LINE_HEIGHT_TENTHS: u32 = 13;
/// Where the columns start, until the page has measured it (the app's header and the board's
/// title line are above them).
pub const RESERVED_HEIGHT_PX: u32 = 130;
/// Room kept below the last line.
pub const BOTTOM_MARGIN_PX: u32 = 12;
/// Room kept for the page's side padding.
pub const RESERVED_WIDTH_PX: u32 = 64;
/// Between two columns.
pub const COLUMN_GAP_PX: u32 = 32;
/// The type size never goes above this, however few the names.
pub const MAX_FONT_PX: u32 = 64;
pub const MAX_COLUMNS: u32 = 4;

/// What the board draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoardFit {
    pub columns: u32,
    pub font_px: u32,
}

/// What is on the board.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BoardContent {
    /// Per contest, its lines: printed names and written names.
    pub lines: Vec<u32>,
    /// The longest name, in characters (a Chinese character is one em; so is any other, which
    /// leaves room to spare for Latin names).
    pub longest_name: u32,
    /// The widest tally marks, in characters (one 正 per five votes).
    pub widest_marks: u32,
}

/// The width of one line, in ems: the name, the marks (drawn smaller), the count, and gaps.
fn line_ems_tenths(content: &BoardContent) -> u32 {
    let name = content.longest_name.max(2) * 10;
    let marks = content.widest_marks.min(12) * 8;
    let count = 30;
    let gaps = 20;
    name + marks + count + gaps
}

/// The largest type that shows every line at once on a `width` × `height` px window whose
/// columns start `top_px` from the top.
pub fn board_fit(width_px: u32, height_px: u32, top_px: u32, content: &BoardContent) -> BoardFit {
    let avail_h = height_px.saturating_sub(top_px + BOTTOM_MARGIN_PX).max(1);
    let avail_w = width_px.saturating_sub(RESERVED_WIDTH_PX).max(1);
    let total: u32 = content
        .lines
        .iter()
        .map(|lines| lines + CONTEST_EXTRA_LINES)
        .sum::<u32>()
        .max(1);
    let tallest_contest = content.lines.iter().copied().max().unwrap_or(0) + CONTEST_EXTRA_LINES;
    let line_ems = line_ems_tenths(content);
    (1..=MAX_COLUMNS)
        .map(|columns| {
            // Contests flow from column to column; a column may end up to one contest's head
            // and foot longer than an even share (headings are kept with their first names).
            let rows = total.div_ceil(columns) + CONTEST_EXTRA_LINES.min(tallest_contest);
            let by_height = avail_h * 10 / (rows * LINE_HEIGHT_TENTHS);
            let column_w = avail_w.saturating_sub((columns - 1) * COLUMN_GAP_PX) / columns;
            let by_width = column_w * 10 / line_ems;
            BoardFit {
                columns,
                font_px: by_height.min(by_width).min(MAX_FONT_PX),
            }
        })
        // The largest type; on a tie, fewer columns.
        .fold(None::<BoardFit>, |best, fit| match best {
            Some(best) if best.font_px >= fit.font_px => Some(best),
            _ => Some(fit),
        })
        .unwrap_or(BoardFit {
            columns: 1,
            font_px: MAX_FONT_PX,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(lines: &[u32], marks: u32) -> BoardContent {
        BoardContent {
            lines: lines.to_vec(),
            longest_name: 3,
            widest_marks: marks,
        }
    }

    /// The rows the fit asks for never exceed what the window holds at that size.
    fn fits(width: u32, height: u32, content: &BoardContent) -> bool {
        let fit = board_fit(width, height, RESERVED_HEIGHT_PX, content);
        let total: u32 = content.lines.iter().map(|l| l + CONTEST_EXTRA_LINES).sum();
        let rows = total.div_ceil(fit.columns) + CONTEST_EXTRA_LINES;
        let height_used = rows * fit.font_px * LINE_HEIGHT_TENTHS / 10;
        let width_used = fit.columns * fit.font_px * line_ems_tenths(content) / 10
            + (fit.columns - 1) * COLUMN_GAP_PX;
        height_used <= height - RESERVED_HEIGHT_PX - BOTTOM_MARGIN_PX
            && width_used <= width - RESERVED_WIDTH_PX
    }

    #[test]
    fn the_sample_on_a_720p_projector_reads_from_the_back() {
        let sample = content(&[1, 3, 13], 5);
        let fit = board_fit(1280, 720, RESERVED_HEIGHT_PX, &sample);
        assert!(fit.font_px >= 24, "{fit:?}");
        assert!(
            fit.columns >= 2,
            "one column would leave the right half empty: {fit:?}"
        );
        assert!(fits(1280, 720, &sample));
    }

    #[test]
    fn up_to_thirty_names_fit_both_projectors() {
        for (width, height) in [(1280, 720), (1024, 768)] {
            for lines in [vec![30], vec![1, 4, 25], vec![10, 10, 10], vec![2; 15]] {
                for marks in [0, 5, 12] {
                    let c = content(&lines, marks);
                    let fit = board_fit(width, height, RESERVED_HEIGHT_PX, &c);
                    assert!(fit.font_px >= 12, "{width}x{height} {lines:?}: {fit:?}");
                    assert!(
                        fits(width, height, &c),
                        "{width}x{height} {lines:?}: {fit:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn fewer_names_get_larger_type() {
        let few = board_fit(1280, 720, RESERVED_HEIGHT_PX, &content(&[3], 2));
        let many = board_fit(1280, 720, RESERVED_HEIGHT_PX, &content(&[30], 2));
        assert!(few.font_px > many.font_px);
        assert_eq!(few.font_px, MAX_FONT_PX.min(few.font_px));
    }
}
