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
