//! Natural order for names with numbers in them, as people sort villages: 第4村 before 第10村.
//! Runs of digits (ASCII or full-width, as typed with a Chinese input method) compare by their
//! value; everything else compares character by character.

use std::cmp::Ordering;

/// The digit value of `c`, for `0`–`9` and `０`–`９`.
fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// A run of digits at the start of `chars`, consumed; its value's digits without leading zeros.
fn take_number(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Vec<u8> {
    let mut digits = Vec::new();
    while let Some(d) = chars.peek().copied().and_then(digit) {
        chars.next();
        if !(digits.is_empty() && d == 0) {
            digits.push(d);
        }
    }
    digits
}

/// `a` and `b` in natural order. Numbers of any length compare without overflow (by their
/// number of digits, then digit by digit); equal numbers written differently (`04`, `4`, `４`)
/// fall back to plain order, so the order stays total and consistent with `==`.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) => {
                if digit(p).is_some() && digit(q).is_some() {
                    let (m, n) = (take_number(&mut x), take_number(&mut y));
                    let by_value = m.len().cmp(&n.len()).then_with(|| m.cmp(&n));
                    if by_value != Ordering::Equal {
                        return by_value;
                    }
                } else {
                    // A digit against a letter: as its ASCII digit, so full-width digits sit
                    // with the others and the order stays transitive.
                    let as_ascii = |c: char| digit(c).map_or(c, |d| char::from(b'0' + d));
                    if p != q {
                        return as_ascii(p).cmp(&as_ascii(q));
                    }
                    x.next();
                    y.next();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_by_value() {
        let cases = [
            ("第4村", "第10村", Ordering::Less),
            ("第10村", "第4村", Ordering::Greater),
            ("第2村", "第2村", Ordering::Equal),
            ("第９村", "第10村", Ordering::Less),
            ("a2b10", "a2b9", Ordering::Greater),
            ("赤坑", "赤坑2", Ordering::Less),
            (
                "x99999999999999999999999",
                "x100000000000000000000000",
                Ordering::Less,
            ),
            ("東村", "西村", "東".cmp("西")),
        ];
        for (a, b, expected) in cases {
            assert_eq!(natural_cmp(a, b), expected, "{a} vs {b}");
        }
    }

    #[test]
    fn the_order_is_total_and_agrees_with_equality() {
        let names = [
            "第04村",
            "第4村",
            "第４村",
            "第10村",
            "村",
            "",
            "第4村甲",
            "9",
            "10",
            "a５",
            "a10",
            "aA",
        ];
        for a in names {
            assert_eq!(natural_cmp(a, a), Ordering::Equal);
            for b in names {
                assert_eq!(natural_cmp(a, b), natural_cmp(b, a).reverse(), "{a} {b}");
                assert_eq!(natural_cmp(a, b) == Ordering::Equal, a == b, "{a} {b}");
                for c in names {
                    if natural_cmp(a, b).is_le() && natural_cmp(b, c).is_le() {
                        assert!(natural_cmp(a, c).is_le(), "{a} <= {b} <= {c}");
                    }
                }
            }
        }
    }

    #[test]
    fn villages_sort_as_people_count_them() {
        let mut villages = vec!["第10村", "第2村", "第1村", "第4村", "第11村"];
        villages.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(villages, ["第1村", "第2村", "第4村", "第10村", "第11村"]);
    }
}
