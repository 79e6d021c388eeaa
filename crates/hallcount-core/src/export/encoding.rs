//! Text encodings of bytes used in the signed files: lowercase hex (keys, signatures, hashes)
//! and RFC 4648 base32 (the fingerprint a person reads aloud).
//!
//! Hex is strict on purpose: only lowercase is accepted, so one byte string has exactly one
//! spelling and no edit to a signed file can leave its meaning unchanged.

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";
const BASE32_ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

pub fn to_hex(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(HEX_DIGITS[(byte >> 4) as usize] as char);
        text.push(HEX_DIGITS[(byte & 0x0f) as usize] as char);
    }
    text
}

/// Decodes exactly `N` bytes from lowercase hex; `None` for any other length or character.
pub fn from_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let digits = text.as_bytes();
    if digits.len() != N * 2 {
        return None;
    }
    let mut bytes = [0u8; N];
    for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
        *byte = (hex_value(pair[0])? << 4) | hex_value(pair[1])?;
    }
    Some(bytes)
}

fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        _ => None,
    }
}

/// RFC 4648 base32 without padding. Callers pass a multiple of 5 bytes (the fingerprint is 20).
pub fn to_base32(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for &byte in bytes {
        buffer = (buffer << 8) | byte as u32;
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            text.push(BASE32_ALPHABET[((buffer >> bits) & 0x1f) as usize] as char);
        }
    }
    if bits > 0 {
        text.push(BASE32_ALPHABET[((buffer << (5 - bits)) & 0x1f) as usize] as char);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_refuses_uppercase() {
        let bytes = [0x00, 0x7f, 0xa5, 0xff];
        assert_eq!(to_hex(&bytes), "007fa5ff");
        assert_eq!(from_hex::<4>("007fa5ff"), Some(bytes));
        assert_eq!(from_hex::<4>("007FA5FF"), None);
        assert_eq!(from_hex::<4>("007fa5f"), None);
        assert_eq!(from_hex::<4>("007fa5fg"), None);
    }

    #[test]
    fn base32_matches_rfc_4648_vectors() {
        assert_eq!(to_base32(b"f"), "MY");
        assert_eq!(to_base32(b"fooba"), "MZXW6YTB");
        assert_eq!(to_base32(b"foobar"), "MZXW6YTBOI");
    }
}
