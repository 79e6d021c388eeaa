//! The sheet a printer takes and how the papers share it: where each paper goes and where the
//! scissors cut.

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
        hallcount_core::order::sort(&mut ys);
        ys.dedup();
        (xs, ys)
    }
}
