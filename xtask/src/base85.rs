//! Base85 for the wasm inlined in the page: 5 characters per 4 bytes (base64 takes 5.33).
//!
//! The alphabet is printable ASCII without the characters that could end or bend a JS string or
//! an HTML script element: `"` `'` `` ` `` `\` `$` `<` `>` `&` `/`. The page decodes it with
//! [`JS_DECODER`]; a final group of n bytes is written as n + 1 characters (as in Ascii85).

pub const ALPHABET: &[u8; 85] =
    b"!#%()*+,-.0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~";

/// `hallcountBase85(text) -> Uint8Array`, the inverse of [`encode`].
pub fn js_decoder() -> String {
    let alphabet = std::str::from_utf8(ALPHABET).expect("ASCII");
    format!(
        r#"const hallcountBase85 = (text) => {{
const digits = "{alphabet}";
const value = new Uint8Array(128);
for (let i = 0; i < 85; i++) value[digits.charCodeAt(i)] = i;
const bytes = new Uint8Array(Math.floor(text.length / 5) * 4 + Math.max(text.length % 5 - 1, 0));
for (let i = 0, o = 0; i < text.length; i += 5) {{
let n = 0;
for (let j = i; j < i + 5; j++) n = n * 85 + (j < text.length ? value[text.charCodeAt(j)] : 84);
for (let shift = 24; shift >= 0 && o < bytes.length; shift -= 8) bytes[o++] = (n >>> shift) & 255;
}}
return bytes;
}};"#
    )
}

pub fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() / 4 * 5 + 5);
    for group in bytes.chunks(4) {
        let mut padded = [0u8; 4];
        padded[..group.len()].copy_from_slice(group);
        let mut n = u32::from_be_bytes(padded);
        let mut digits = [0u8; 5];
        for digit in digits.iter_mut().rev() {
            *digit = ALPHABET[(n % 85) as usize];
            n /= 85;
        }
        text.extend(digits[..group.len() + 1].iter().map(|&d| d as char));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decoder of the page, written again in Rust to check the encoder against it.
    fn decode(text: &str) -> Vec<u8> {
        let value = |c: u8| ALPHABET.iter().position(|&d| d == c).expect("a base85 digit") as u64;
        let mut bytes = Vec::new();
        for group in text.as_bytes().chunks(5) {
            let mut n = 0u64;
            for j in 0..5 {
                n = n * 85 + group.get(j).map_or(84, |&c| value(c));
            }
            bytes.extend_from_slice(&(n as u32).to_be_bytes()[..group.len() - 1]);
        }
        bytes
    }

    #[test]
    fn round_trips_every_tail_length_and_extreme_bytes() {
        for len in 0..=12 {
            for fill in [0x00u8, 0x01, 0x7f, 0xfe, 0xff] {
                let bytes: Vec<u8> = (0..len).map(|i| fill.wrapping_add((i as u8).wrapping_mul(37))).collect();
                assert_eq!(decode(&encode(&bytes)), bytes, "length {len}, fill {fill:#x}");
            }
        }
    }

    #[test]
    fn alphabet_is_85_distinct_safe_characters() {
        let mut sorted = ALPHABET.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 85);
        assert!(ALPHABET.iter().all(|c| c.is_ascii_graphic() && !b"\"'`\\$<>&/".contains(c)));
    }

    #[test]
    fn four_bytes_take_five_characters() {
        assert_eq!(encode(&[0, 0, 0, 0]), "!!!!!");
        assert_eq!(encode(&[0xff; 8]).len(), 10);
        assert_eq!(encode(&[1, 2, 3]).len(), 4);
    }
}
