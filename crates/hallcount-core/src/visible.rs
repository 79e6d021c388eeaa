//! Text from a file, made safe to show on a terminal or in a CSV cell: a name may hold a
//! newline (to start a forged `OK` line), an ANSI escape (to recolour or erase the screen) or a
//! bidi override (to reverse what follows). Those characters are shown as escapes instead.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with every control, line-separator and bidi-control character written visibly:
/// `\n`, `\r`, `\t`, and `\u{1b}` style for the others. Other text is unchanged.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => shown.push_str("\\n"),
            '\r' => shown.push_str("\\r"),
            '\t' => shown.push_str("\\t"),
            c if is_hidden(c) => {
                let _ = write!(shown, "\\u{{{:x}}}", c as u32);
            }
            c => shown.push(c),
        }
    }
    Cow::Owned(shown)
}

/// Whether `c` would act on the display instead of being shown as a sign.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        for text in ["", "第18村", "a\\nb", "O'Brien & 王芳"] {
            assert!(matches!(visible(text), Cow::Borrowed(t) if t == text));
        }
    }

    #[test]
    fn line_breaks_escapes_and_bidi_overrides_are_shown() {
        for (text, shown) in [
            ("a\nOK", "a\\nOK"),
            ("a\r\tb", "a\\r\\tb"),
            ("\u{1b}[2J", "\\u{1b}[2J"),
            ("第18\u{202e}村", "第18\\u{202e}村"),
            ("x\u{2028}y\u{85}z\u{7f}", "x\\u{2028}y\\u{85}z\\u{7f}"),
            ("\u{2066}a\u{2069}\u{feff}", "\\u{2066}a\\u{2069}\\u{feff}"),
        ] {
            assert_eq!(visible(text), shown);
        }
    }
}
