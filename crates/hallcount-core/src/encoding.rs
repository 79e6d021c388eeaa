//! Text encodings of bytes: lowercase hex (keys, signatures, hashes, the log's chain, the sealed
//! key) and RFC 4648 base32 (the fingerprint a person reads aloud, through `data-encoding`).
//!
//! Hex is strict on purpose: only lowercase is accepted, so one byte string has exactly one
//! spelling and no edit to a signed file can leave its meaning unchanged. It is written here,
//! not through `data-encoding`: with several hex lengths decoded (the sealed key's salt, nonce
//! and seed beside keys and signatures) the app's wasm took that crate's general decoder and
//! encoder whole, about 30 KB, for what is a table and a loop.

use data_encoding::BASE32_NOPAD;
use sha2::{Digest, Sha256};

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

pub fn to_hex(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        text.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
        text.push(char::from(HEX_DIGITS[usize::from(byte & 0x0f)]));
    }
    text
}

/// Decodes exactly `N` bytes from lowercase hex; `None` for any other length or character.
pub fn from_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    decode_hex_into(text.as_bytes(), &mut bytes).then_some(bytes)
}

/// One copy of the decoding loop for every length (`from_hex` is generic).
fn decode_hex_into(text: &[u8], out: &mut [u8]) -> bool {
    fn digit(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            _ => None,
        }
    }
    if text.len() != out.len() * 2 {
        return false;
    }
    for (pair, byte) in text.chunks_exact(2).zip(out.iter_mut()) {
        match (digit(pair[0]), digit(pair[1])) {
            (Some(high), Some(low)) => *byte = high << 4 | low,
            _ => return false,
        }
    }
    true
}

/// RFC 4648 base32 without padding (the fingerprint is 20 bytes: 32 characters).
pub fn to_base32(bytes: &[u8]) -> String {
    BASE32_NOPAD.encode(bytes)
}

/// Lowercase hex SHA-256 of `bytes`: a log entry's hash (of its JSON text), a payload's hash
/// (of its canonical bytes).
pub fn sha256_hex(bytes: &[u8]) -> String {
    to_hex(&Sha256::digest(bytes))
}

/// Whether `text` is a SHA-256 written as [`sha256_hex`] writes it: 64 lowercase hex digits.
pub fn is_sha256_hex(text: &str) -> bool {
    from_hex::<32>(text).is_some()
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
        assert_eq!(from_hex::<2>("007fa5ff"), None);
    }

    proptest::proptest! {
        /// The hand-written hex agrees with `data-encoding`'s strict lowercase hex, both ways.
        #[test]
        fn hex_agrees_with_data_encoding(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..40), text in "[0-9a-fA-F]{0,16}") {
            use data_encoding::HEXLOWER;
            proptest::prop_assert_eq!(to_hex(&bytes), HEXLOWER.encode(&bytes));
            proptest::prop_assert_eq!(from_hex::<4>(&to_hex(&bytes)).is_some(), bytes.len() == 4);
            let theirs = HEXLOWER.decode(text.as_bytes()).ok().filter(|b| b.len() == 8);
            proptest::prop_assert_eq!(from_hex::<8>(&text).map(Vec::from), theirs);
        }
    }

    #[test]
    fn base32_matches_rfc_4648_vectors() {
        assert_eq!(to_base32(b"f"), "MY");
        assert_eq!(to_base32(b"fooba"), "MZXW6YTB");
        assert_eq!(to_base32(b"foobar"), "MZXW6YTBOI");
    }

    #[test]
    fn sha256_of_abc_is_the_fips_vector() {
        let abc = sha256_hex(b"abc");
        assert_eq!(
            abc,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert!(is_sha256_hex(&abc));
        assert!(!is_sha256_hex(&abc.to_uppercase()));
        assert!(!is_sha256_hex("ZZ"));
    }
}
