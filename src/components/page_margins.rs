//! What every printed page of the result sheet carries in its margins (the meeting's title,
//! "page n of N", the key's fingerprint and the start of the result hash), so a page cannot be
//! detached or swapped unnoticed. Written as CSS `@page` margin boxes: only the print engine
//! knows where pages break and how many there are.

/// `text` as a CSS string literal: quotes and backslashes escaped, line breaks as `\A`.
pub fn css_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' | '\r' => quoted.push_str("\\A "),
            c if c.is_control() => {}
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// A CSS `content` value from a message with `{n}` (this page) and `{total}` (all pages):
/// `第 {n} 頁，共 {total} 頁` → `"第 " counter(page) " 頁，共 " counter(pages) " 頁"`.
pub fn page_number_content(template: &str) -> String {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let (text, from) = rest.split_at(start);
        let counter = if from.starts_with("{n}") {
            Some(("counter(page)", 3))
        } else if from.starts_with("{total}") {
            Some(("counter(pages)", 7))
        } else {
            None
        };
        match counter {
            Some((counter, len)) => {
                if !text.is_empty() {
                    parts.push(css_string(text));
                }
                parts.push(counter.to_owned());
                rest = &from[len..];
            }
            None => {
                parts.push(css_string(&rest[..start + 1]));
                rest = &from[1..];
            }
        }
    }
    if !rest.is_empty() {
        parts.push(css_string(rest));
    }
    parts.join(" ")
}

/// The top margins of every printed page: the title at the left, the page number at the right.
pub fn title_and_page_rules(title: &str, page_template: &str) -> String {
    format!(
        "@media print {{ @page {{ \
         @top-left {{ content: {}; font-size: 9pt; }} \
         @top-right {{ content: {}; font-size: 9pt; }} }} }}",
        css_string(title),
        page_number_content(page_template)
    )
}

/// The bottom margin of every printed page: the seal (fingerprint and result hash).
pub fn seal_rules(seal: &str) -> String {
    format!(
        "@media print {{ @page {{ @bottom-center {{ content: {}; font-size: 7pt; \
         font-family: monospace; }} }} }}",
        css_string(seal)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_quoted_so_no_title_can_end_the_rule() {
        let cases = [
            ("選舉", "\"選舉\""),
            ("a \"b\"", "\"a \\\"b\\\"\""),
            ("a\\b", "\"a\\\\b\""),
            ("a\nb", "\"a\\A b\""),
            ("}{ @x", "\"}{ @x\""),
        ];
        for (text, expected) in cases {
            assert_eq!(css_string(text), expected, "{text:?}");
        }
    }

    #[test]
    fn page_placeholders_become_counters() {
        let cases = [
            (
                "第 {n} 頁，共 {total} 頁",
                "\"第 \" counter(page) \" 頁，共 \" counter(pages) \" 頁\"",
            ),
            (
                "page {n} of {total}",
                "\"page \" counter(page) \" of \" counter(pages)",
            ),
            ("{n}/{total}", "counter(page) \"/\" counter(pages)"),
            ("{x} {n}", "\"{\" \"x} \" counter(page)"),
        ];
        for (template, expected) in cases {
            assert_eq!(page_number_content(template), expected, "{template:?}");
        }
    }

    #[test]
    fn the_rules_name_the_margin_boxes() {
        let rules = title_and_page_rules("T", "{n}");
        assert!(rules.contains("@top-left { content: \"T\""));
        assert!(rules.contains("@top-right { content: counter(page)"));
        assert!(seal_rules("K").contains("@bottom-center { content: \"K\""));
    }
}
