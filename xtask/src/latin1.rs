//! The packed wasm as a JS string of one-byte characters: the page is windows-1252, so each byte
//! of the file is one character and most bytes go in as they are (base85 took 1.25 bytes per byte;
//! this about 1.02).
//!
//! Escaped, because the HTML parser or a JS string literal would change or end on them: NUL
//! (read as U+FFFD), CR and LF (newlines are normalised; a literal cannot hold them), `"`, `\`,
//! and `<` before `/` or `!` (`</script` ends the element, `<!--` bends the parser's state).
//! The page reads it back with [`JS_DECODER`]: windows-1252 decodes 0x80–0x9F to characters above
//! U+00FF (0x80 is `€`), which the decoder maps back by asking the browser's own `TextDecoder`.
//!
//! Everything else in the file must then be ASCII or written as a character reference:
//! [`to_windows_1252`] turns the finished page into bytes and refuses any other character.

/// `hallcountLatin1(text) -> Uint8Array`, the inverse of [`js_string_body`]. Each character's
/// byte comes from one table (its own code below 256, else the byte windows-1252 decodes to it:
/// at most U+2122): measured in Chromium three times faster than a branch and a `Map`.
pub const JS_DECODER: &str = r#"const hallcountLatin1 = (text) => {
const high = new TextDecoder("windows-1252").decode(Uint8Array.from({ length: 32 }, (_, i) => 128 + i));
const byteOf = new Uint8Array(0x2200);
for (let i = 0; i < 256; i++) byteOf[i] = i;
for (let i = 0; i < 32; i++) byteOf[high.charCodeAt(i)] = 128 + i;
const bytes = new Uint8Array(text.length);
for (let i = 0; i < text.length; i++) bytes[i] = byteOf[text.charCodeAt(i)];
return bytes;
};"#;

/// The inside of a `"..."` JS literal whose characters, written as windows-1252, are `bytes`.
/// Each char of the result is U+0000–U+00FF and stands for the byte of the same value.
pub fn js_string_body(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 32);
    for (i, &byte) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied();
        match byte {
            0 => text.push_str("\\x00"),
            b'\n' => text.push_str("\\n"),
            b'\r' => text.push_str("\\r"),
            b'"' => text.push_str("\\\""),
            b'\\' => text.push_str("\\\\"),
            b'<' if matches!(next, Some(b'/' | b'!')) => text.push_str("\\x3C"),
            _ => text.push(char::from(byte)),
        }
    }
    text
}

/// The page as windows-1252 bytes: U+0000–U+00FF each as the byte of its value (what
/// [`js_string_body`] means by them; 0xA0–0xFF are the same characters in both), anything
/// else refused with where it is.
pub fn to_windows_1252(page: &str) -> Result<Vec<u8>, String> {
    page.char_indices()
        .map(|(offset, c)| {
            u8::try_from(c).map_err(|_| {
                let context: String = page[offset..].chars().take(40).collect();
                format!("the page must be ASCII outside the wasm, but has {c:?} at byte {offset}: {context:?} (write it as &#x{:x}; in HTML, \\{:x} in CSS)", c as u32, c as u32)
            })
        })
        .collect()
}

/// Non-ASCII characters of HTML text (outside `<script>` and `<style>`) as character references.
pub fn html_references(html: &str) -> String {
    html.chars()
        .map(|c| {
            if c.is_ascii() {
                c.to_string()
            } else {
                format!("&#x{:x};", c as u32)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a JS engine makes of the literal, for the escapes used here.
    fn unescape(body: &str) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut chars = body.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                bytes.push(u8::try_from(c).expect("one byte"));
                continue;
            }
            match chars.next().expect("an escape") {
                'n' => bytes.push(b'\n'),
                'r' => bytes.push(b'\r'),
                'x' => {
                    let hex: String = chars.by_ref().take(2).collect();
                    bytes.push(u8::from_str_radix(&hex, 16).expect("hex"));
                }
                other => bytes.push(u8::try_from(other).expect("one byte")),
            }
        }
        bytes
    }

    #[test]
    fn every_byte_round_trips() {
        let bytes: Vec<u8> = (0..=255u8)
            .chain((0..=255u8).rev())
            .chain(*b"</script><!--<a\\\"")
            .collect();
        assert_eq!(unescape(&js_string_body(&bytes)), bytes);
    }

    #[test]
    fn nothing_that_ends_or_bends_the_script_is_left() {
        let body = js_string_body(b"a\"b\\c\nd\re\0f</script><!-- <b");
        assert!(!body.contains(['\0', '\n', '\r']));
        assert!(!body.contains("</") && !body.contains("<!"));
        assert_eq!(body.matches('"').count(), body.matches("\\\"").count());
        assert!(
            body.contains("<b"),
            "a `<` that starts nothing is left as it is"
        );
    }

    #[test]
    fn the_page_is_one_byte_per_character_and_refuses_wider_ones() {
        assert_eq!(
            to_windows_1252("a\u{80}\u{ff}").unwrap(),
            [b'a', 0x80, 0xff]
        );
        assert!(to_windows_1252("此").unwrap_err().contains("&#x6b64;"));
        assert_eq!(html_references("此 page"), "&#x6b64; page");
    }
}
