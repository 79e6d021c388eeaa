//! Counts drawn as Chinese tally marks: each 正 is five votes, the last group drawn stroke by
//! stroke (一 丅 下 止), as the scrutineers write on the blackboard.

/// The partial groups, by number of strokes (1 to 4).
const PARTIAL: [&str; 4] = ["一", "丅", "下", "止"];
const FULL: &str = "正";

/// `n` as tally marks: `n / 5` full groups, then the strokes of the rest.
pub fn tally_marks(n: u32) -> String {
    let full = (n / 5) as usize;
    let rest = (n % 5) as usize;
    let mut marks = FULL.repeat(full);
    if rest > 0 {
        marks.push_str(PARTIAL[rest - 1]);
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_of_five_then_strokes() {
        assert_eq!(tally_marks(0), "");
        assert_eq!(tally_marks(1), "一");
        assert_eq!(tally_marks(4), "止");
        assert_eq!(tally_marks(5), "正");
        assert_eq!(tally_marks(7), "正丅");
        assert_eq!(tally_marks(13), "正正下");
    }

    #[test]
    fn every_count_is_recoverable_from_its_marks() {
        for n in 0..200 {
            let strokes: u32 = tally_marks(n)
                .chars()
                .map(|c| match c {
                    '正' => 5,
                    '止' => 4,
                    '下' => 3,
                    '丅' => 2,
                    '一' => 1,
                    other => panic!("unexpected mark {other}"),
                })
                .sum();
            assert_eq!(strokes, n);
        }
    }
}
