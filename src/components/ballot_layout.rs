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

/// The sheet the printer takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetSize {
    A4,
    A5,
}

impl SheetSize {
    pub const ALL: [SheetSize; 2] = [SheetSize::A4, SheetSize::A5];

    /// Portrait width and height in millimetres.
    pub fn mm(self) -> (u32, u32) {
        match self {
            SheetSize::A4 => (210, 297),
            SheetSize::A5 => (148, 210),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SheetSize::A4 => "A4",
            SheetSize::A5 => "A5",
        }
    }
}

/// How the papers share a sheet: 1 whole, 2 or 3 stacked strips, or 4 quarters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub size: SheetSize,
    /// 1 to 4.
    pub per_sheet: u32,
}

/// A paper's place on its sheet, in millimetres.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    pub left: u32,
    pub top: u32,
    pub width: u32,
    pub height: u32,
}

impl Sheet {
    pub const PER_SHEET: [u32; 4] = [1, 2, 3, 4];

    /// The papers of one sheet, in reading order.
    pub fn papers(self) -> Vec<Placed> {
        let (w, h) = self.size.mm();
        let (cols, rows) = match self.per_sheet {
            4 => (2, 2),
            n => (1, n.clamp(1, 3)),
        };
        let (width, height) = (w / cols, h / rows);
        (0..rows)
            .flat_map(|row| {
                (0..cols).map(move |col| Placed {
                    left: col * width,
                    top: row * height,
                    width,
                    height,
                })
            })
            .collect()
    }

    /// Where the scissors go: vertical cuts at these x, horizontal cuts at these y (mm).
    pub fn cuts(self) -> (Vec<u32>, Vec<u32>) {
        let papers = self.papers();
        let mut xs: Vec<u32> = papers.iter().map(|p| p.left).filter(|&x| x > 0).collect();
        let mut ys: Vec<u32> = papers.iter().map(|p| p.top).filter(|&y| y > 0).collect();
        xs.dedup();
        ys.sort_unstable();
        ys.dedup();
        (xs, ys)
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_congress;

    fn overlaps(a: GridBox, b: GridBox) -> bool {
        a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
    }

    fn inside(a: GridBox, layout: &PaperLayout) -> bool {
        a.x + a.w < layout.cols && a.y + a.h < layout.rows && a.x >= 1 && a.y >= 1
    }

    fn every_box(layout: &PaperLayout) -> Vec<GridBox> {
        let mut boxes = vec![
            layout.title,
            layout.meeting,
            layout.instructions,
            layout.stamp,
        ];
        boxes.extend(layout.markers);
        boxes.push(layout.code);
        for block in &layout.contests {
            boxes.push(block.heading);
            boxes.extend(block.cells.iter().map(|c| c.at));
        }
        boxes
    }

    #[test]
    fn the_sample_fits_every_sheet_of_one_or_two_papers_and_no_box_overlaps() {
        let election = sample_congress();
        for size in SheetSize::ALL {
            for per_sheet in [1, 2] {
                let sheet = Sheet { size, per_sheet };
                let paper = sheet.papers()[0];
                let result = layout_paper(&election, paper.width, paper.height);
                if size == SheetSize::A5 && per_sheet == 2 {
                    assert!(result.is_err(), "A5 halves are too small for 31 cells");
                    continue;
                }
                let layout = result.unwrap_or_else(|e| panic!("{sheet:?}: {e:?}"));
                let boxes = every_box(&layout);
                for (i, a) in boxes.iter().enumerate() {
                    assert!(inside(*a, &layout), "{sheet:?}: {a:?} outside the paper");
                    for b in &boxes[i + 1..] {
                        assert!(!overlaps(*a, *b), "{sheet:?}: {a:?} overlaps {b:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn cells_follow_the_entry_keys_then_one_blank_per_seat() {
        let election = sample_congress();
        let layout = layout_paper(&election, 210, 297).expect("A4 fits");
        for (block, contest) in layout.contests.iter().zip(&election.contests) {
            let printed: Vec<usize> = block.cells.iter().filter_map(|c| c.candidate).collect();
            assert_eq!(printed, (0..contest.candidates.len()).collect::<Vec<_>>());
            let blanks = block.cells.iter().filter(|c| c.candidate.is_none()).count();
            assert_eq!(blanks, contest.seats as usize);
            // Blanks after every printed name.
            let first_blank = block.cells.iter().position(|c| c.candidate.is_none());
            assert_eq!(first_blank, Some(contest.candidates.len()));
        }
    }

    #[test]
    fn small_contests_sit_side_by_side() {
        let election = sample_congress();
        let layout = layout_paper(&election, 210, 297).expect("A4 fits");
        let [chair, vice, _] = &layout.contests[..] else {
            panic!("three contests");
        };
        assert_eq!(chair.heading.y, vice.heading.y);
        assert!(vice.heading.x > chair.heading.x);
    }

    #[test]
    fn too_many_names_for_a_small_paper_is_an_error_not_a_cut() {
        let election = sample_congress();
        let quarter = Sheet {
            size: SheetSize::A5,
            per_sheet: 4,
        }
        .papers()[0];
        assert!(layout_paper(&election, quarter.width, quarter.height).is_err());
    }

    #[test]
    fn sheets_split_into_papers_with_cuts_between() {
        let four = Sheet {
            size: SheetSize::A4,
            per_sheet: 4,
        };
        assert_eq!(four.papers().len(), 4);
        assert_eq!(four.cuts(), (vec![105], vec![148]));
        let three = Sheet {
            size: SheetSize::A4,
            per_sheet: 3,
        };
        assert_eq!(three.cuts(), (vec![], vec![99, 198]));
        let one = Sheet {
            size: SheetSize::A5,
            per_sheet: 1,
        };
        assert_eq!(one.cuts(), (vec![], vec![]));
        assert_eq!(
            one.papers(),
            vec![Placed {
                left: 0,
                top: 0,
                width: 148,
                height: 210
            }]
        );
    }

    #[test]
    fn the_code_names_the_election_the_paper_and_its_cells() {
        let election = sample_congress();
        let code = paper_code(&election, 210, 148);
        assert!(code.starts_with("HC1 "));
        assert!(code.ends_with(" 210x148 1+1/3+2/13+11"), "{code}");
        let mut other = election.clone();
        other.title.push('!');
        assert_ne!(
            paper_code(&other, 210, 148),
            code,
            "another definition, another code"
        );
    }
}
