//! Where every box of a printed ballot paper goes: a fixed grid of 5 mm units, so a camera that
//! finds the four corner markers and reads the printed code can find every box again
//! (`docs/formats.md`, "Printed ballot papers"). Pure: the page draws what this returns.

use hallcount_core::{sha256_hex, Election};

/// One grid unit, in millimetres.
pub const UNIT_MM: u32 = 5;
/// A candidate's cell: 4 units wide; its name 1 unit tall, the box for the mark 2 units below.
pub const CELL_W: u32 = 4;
pub const NAME_H: u32 = 1;
pub const MARK_H: u32 = 2;
pub const CELL_H: u32 = NAME_H + MARK_H;
/// The stamp box (蓋章處) at the top right.
pub const STAMP_W: u32 = 5;
pub const STAMP_H: u32 = 4;
/// Rows of the header: title (2), meeting (1), instructions (2).
pub const HEADER_H: u32 = 5;

mod sheet;
#[cfg(test)]
mod tests;

pub use sheet::{Placed, Sheet, SheetSize};

/// A box on the grid, in units from the paper's top left corner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GridBox {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

/// A cell: a printed candidate, or a blank for a written name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The candidate's index in the contest; `None` for a write-in blank.
    pub candidate: Option<usize>,
    pub at: GridBox,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContestBlock {
    pub contest: usize,
    /// The heading row: office and seats.
    pub heading: GridBox,
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaperLayout {
    /// The whole grid, in units.
    pub cols: u32,
    pub rows: u32,
    /// The four corner markers, clockwise from the top left.
    pub markers: [GridBox; 4],
    pub title: GridBox,
    pub meeting: GridBox,
    pub instructions: GridBox,
    pub stamp: GridBox,
    pub contests: Vec<ContestBlock>,
    /// The printed code, between the bottom markers.
    pub code: GridBox,
}

/// Why a paper cannot be laid out on the sheet chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutError {
    /// The contests need `needed` rows; the paper has `available`.
    TooShort { needed: u32, available: u32 },
    /// The paper is too narrow for the header and one cell beside the stamp box.
    TooNarrow,
}

/// The cells of one contest: the printed candidates in the order of the entry keys (the
/// definition's order), then one blank per seat where written names are allowed.
fn contest_cells(election: &Election, contest: usize) -> Vec<Option<usize>> {
    let Some(c) = election.contests.get(contest) else {
        return Vec::new();
    };
    let blanks = if c.write_ins.allowed {
        c.seats as usize
    } else {
        0
    };
    (0..c.candidates.len())
        .map(Some)
        .chain(std::iter::repeat_n(None, blanks))
        .collect()
}

/// Lay out one paper of `width` × `height` mm. Contests go side by side while each fits in one
/// row of what is left of the band, like the printed papers; a longer contest takes a band of
/// its own, its cells wrapping row after row.
pub fn layout_paper(
    election: &Election,
    width_mm: u32,
    height_mm: u32,
) -> Result<PaperLayout, LayoutError> {
    let cols = width_mm / UNIT_MM;
    let rows = height_mm / UNIT_MM;
    // One unit of margin all round; the markers sit in the corners inside it.
    let (left, right) = (1, cols.saturating_sub(1));
    let (top, bottom) = (1, rows.saturating_sub(1));
    let content_w = right.saturating_sub(left);
    if content_w < STAMP_W + CELL_W * 2 || rows < 8 {
        return Err(LayoutError::TooNarrow);
    }
    let markers = [
        GridBox {
            x: left,
            y: top,
            w: 1,
            h: 1,
        },
        GridBox {
            x: right - 1,
            y: top,
            w: 1,
            h: 1,
        },
        GridBox {
            x: right - 1,
            y: bottom - 1,
            w: 1,
            h: 1,
        },
        GridBox {
            x: left,
            y: bottom - 1,
            w: 1,
            h: 1,
        },
    ];
    let text_w = content_w - STAMP_W - 1;
    let head_x = left + 1;
    let title = GridBox {
        x: head_x,
        y: top,
        w: text_w - 1,
        h: 2,
    };
    let meeting = GridBox {
        x: head_x,
        y: top + 2,
        w: text_w - 1,
        h: 1,
    };
    let instructions = GridBox {
        x: left,
        y: top + 3,
        w: text_w,
        h: 2,
    };
    let stamp = GridBox {
        x: right - STAMP_W,
        y: top + 1,
        w: STAMP_W,
        h: STAMP_H,
    };
    let per_row = content_w / CELL_W;

    let mut contests = Vec::new();
    let mut band_y = top + HEADER_H + 1;
    let mut band_h = 0;
    let mut x = left;
    for contest in 0..election.contests.len() {
        let cells = contest_cells(election, contest);
        let n = cells.len() as u32;
        let one_row = n.max(1) * CELL_W;
        if x > left && x + one_row > right {
            band_y += band_h;
            band_h = 0;
            x = left;
        }
        let wide = one_row > content_w;
        let n_rows = if wide { n.div_ceil(per_row) } else { 1 };
        let block_w = if wide { per_row * CELL_W } else { one_row };
        let heading = GridBox {
            x,
            y: band_y,
            w: block_w,
            h: 1,
        };
        let placed = cells
            .into_iter()
            .enumerate()
            .map(|(i, candidate)| {
                let i = i as u32;
                let (col, row) = if wide {
                    (i % per_row, i / per_row)
                } else {
                    (i, 0)
                };
                Cell {
                    candidate,
                    at: GridBox {
                        x: x + col * CELL_W,
                        y: band_y + 1 + row * CELL_H,
                        w: CELL_W,
                        h: CELL_H,
                    },
                }
            })
            .collect();
        contests.push(ContestBlock {
            contest,
            heading,
            cells: placed,
        });
        band_h = band_h.max(1 + n_rows * CELL_H + 1);
        if wide {
            band_y += band_h;
            band_h = 0;
            x = left;
        } else {
            // One unit between contests side by side.
            x += block_w + 1;
        }
    }
    let needed = band_y + band_h;
    let available = bottom - 1;
    if needed > available {
        return Err(LayoutError::TooShort { needed, available });
    }
    let code = GridBox {
        x: left + 2,
        y: bottom - 1,
        w: content_w - 4,
        h: 1,
    };
    Ok(PaperLayout {
        cols,
        rows,
        markers,
        title,
        meeting,
        instructions,
        stamp,
        contests,
        code,
    })
}

/// The code printed on every paper: `HC1 <election> <paper> <cells per contest>`, e.g.
/// `HC1 3f2a9c01 148x105 1+1/3+2/13+11`: the first 8 hex digits of the SHA-256 of the
/// definition's JSON, the paper's size in mm, and per contest the printed names + blanks.
pub fn paper_code(election: &Election, width_mm: u32, height_mm: u32) -> String {
    let json = serde_json::to_vec(election).unwrap_or_default();
    let identity = &sha256_hex(&json)[..8];
    let cells: Vec<String> = (0..election.contests.len())
        .map(|i| {
            let all = contest_cells(election, i);
            let printed = all.iter().filter(|c| c.is_some()).count();
            format!("{printed}+{}", all.len() - printed)
        })
        .collect();
    format!("HC1 {identity} {width_mm}x{height_mm} {}", cells.join("/"))
}
