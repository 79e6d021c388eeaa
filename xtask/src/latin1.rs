//! Packed bytes as the text of a non-executed `<script type="application/octet-stream">`: the page
//! is windows-1252, so each byte of the file is one character and most bytes go in as they are
//! (base85 took 1.25 bytes per byte, a JS string literal 1.027; this about 1.008).
//!
//! A script element's text is raw text (no character references), and the page reads it with
//! `.textContent`. The HTML parser changes or ends on only a few things there:
//! - CR and CRLF become LF: a CR is escaped;
//! - `</script` ends the element and `<!--` bends the parser's state: a `<` before `/` or `!` is
//!   escaped;
//! - NUL becomes U+FFFD (a parse error, which nothing reports): no windows-1252 byte decodes to
//!   U+FFFD, so the decoder maps it back to 0 and NUL goes in as it is.
//!
//! The escape is one byte value `E`, chosen per text as the rarest byte that may be one: CR, `<`
//! and `E` itself are written as `E`, then the byte XOR [`ESCAPE_XOR`]. So the text is longer by
//! about 2/256 of the bytes. The page reads it back with [`JS_DECODER`]: windows-1252 decodes
//! 0x80–0x9F to characters above U+00FF (0x80 is `€`), which the decoder maps back by asking
//! the browser's own `TextDecoder`.
//!
//! Everything else in the file must then be ASCII or written as a character reference:
//! [`to_windows_1252`] turns the finished page into bytes and refuses any other character.

/// What follows the escape byte: the escaped byte XOR this (CR as `M`, `<` as `|`).
const ESCAPE_XOR: u8 = 0x40;

/// `hallcountBytes(id, escape) -> Uint8Array`, the inverse of [`script_data`]: the text of the
/// data script `id`, which it takes out of the page (the text goes with it once read). Each
/// character's byte comes from one table (its own code below 256, else the byte windows-1252
/// decodes to it, at most U+2122; U+FFFD, a NUL as the HTML parser reads it, stays 0):
/// measured in Chromium three times faster than a branch and a `Map`.
pub const JS_DECODER: &str = r#"const hallcountBytes = (id, escape) => {
const data = document.getElementById(id);
data.remove();
const text = data.textContent;
const high = new TextDecoder("windows-1252").decode(Uint8Array.from({ length: 32 }, (_, i) => 128 + i));
const byteOf = new Uint8Array(65536);
for (let i = 0; i < 256; i++) byteOf[i] = i;
for (let i = 0; i < 32; i++) byteOf[high.charCodeAt(i)] = 128 + i;
const bytes = new Uint8Array(text.length);
let length = 0;
for (let i = 0; i < text.length; i++) {
let byte = byteOf[text.charCodeAt(i)];
if (byte === escape) byte = byteOf[text.charCodeAt(++i)] ^ 64;
bytes[length++] = byte;
}
return bytes.subarray(0, length);
};"#;

/// The text of a data script that stands for `bytes`, and its escape byte (for [`JS_DECODER`]).
pub struct ScriptData {
    /// Each char is U+0000–U+00FF and stands for the byte of the same value.
    pub text: String,
    pub escape: u8,
}

/// `bytes` as the text of a `<script type="application/octet-stream">` (see the module's
/// comment).
pub fn script_data(bytes: &[u8]) -> ScriptData {
    let escape = rarest_escape(bytes);
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 64);
    for (i, &byte) in bytes.iter().enumerate() {
        let next = bytes.get(i + 1).copied();
        let escaped =
            byte == b'\r' || byte == escape || (byte == b'<' && matches!(next, Some(b'/' | b'!')));
        if escaped {
            text.push(char::from(escape));
            text.push(char::from(byte ^ ESCAPE_XOR));
        } else {
            text.push(char::from(byte));
        }
    }
    ScriptData { text, escape }
}

/// The byte that occurs least in `bytes` (the lowest of equals) among those that may be the
/// escape: not one the parser changes or that could start `</` or `<!`, and not one whose
/// escaped form would be.
fn rarest_escape(bytes: &[u8]) -> u8 {
    let mut counts = [0usize; 256];
    for &byte in bytes {
        counts[usize::from(byte)] += 1;
    }
    let forbidden = [b'\r', b'<', b'/', b'!'];
    (0..=255u8)
        .filter(|byte| !forbidden.contains(byte) && !forbidden.contains(&(byte ^ ESCAPE_XOR)))
        .min_by_key(|&byte| counts[usize::from(byte)])
        .expect("most bytes may be the escape")
}

/// The page as windows-1252 bytes: U+0000–U+00FF each as the byte of its value (what
/// [`script_data`] means by them; 0xA0–0xFF are the same characters in both), anything
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

    /// What the page gets back: the text as the HTML parser hands it to `.textContent` (CR and
    /// CRLF as LF, NUL as U+FFFD), then read as [`JS_DECODER`] reads it.
    fn read_back(data: &ScriptData) -> Vec<u8> {
        let parsed: Vec<u32> = data
            .text
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .map(|c| if c == '\0' { 0xfffd } else { u32::from(c) })
            .collect();
        let byte_of = |code: u32| u8::try_from(code).unwrap_or(0);
        let mut bytes = Vec::new();
        let mut codes = parsed.into_iter();
        while let Some(code) = codes.next() {
            let byte = byte_of(code);
            if byte == data.escape {
                bytes.push(byte_of(codes.next().expect("an escaped byte")) ^ ESCAPE_XOR);
            } else {
                bytes.push(byte);
            }
        }
        bytes
    }

    fn every_byte_and_pair() -> Vec<u8> {
        let pairs = (0..=255u8).flat_map(|a| (0..=255u8).flat_map(move |b| [a, b]));
        (0..=255u8)
            .chain(pairs)
            .chain(*b"</script><!--<a\r\n\r")
            .collect()
    }

    #[test]
    fn every_byte_and_pair_of_bytes_round_trips_through_the_html_parser() {
        let bytes = every_byte_and_pair();
        assert_eq!(read_back(&script_data(&bytes)), bytes);
        for escape in [0u8, b'\\', 0xff] {
            let skewed: Vec<u8> = bytes
                .iter()
                .map(|&b| if b == escape { 1 } else { b })
                .collect();
            let data = script_data(&skewed);
            assert_eq!(data.escape, escape, "the rarest byte is the escape");
            assert_eq!(read_back(&data), skewed);
        }
    }

    #[test]
    fn nothing_that_ends_or_bends_the_script_is_left() {
        let data = script_data(&every_byte_and_pair());
        assert!(!data.text.contains('\r'));
        assert!(!data.text.contains("</") && !data.text.contains("<!"));
        assert!(
            data.text.contains("<a"),
            "a `<` that starts nothing is left as it is"
        );
    }

    #[test]
    fn the_text_is_longer_by_about_two_bytes_in_256() {
        let bytes: Vec<u8> = (0..100_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let extra = script_data(&bytes).text.chars().count() - bytes.len();
        assert!(extra <= bytes.len() * 2 / 256 + 100, "{extra}");
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
