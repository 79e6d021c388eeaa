//! Text encodings of bytes: lowercase hex (keys, signatures, hashes, the log's chain) and
//! RFC 4648 base32 (the fingerprint a person reads aloud), through `data-encoding`.
//!
//! Hex is strict on purpose: only lowercase is accepted, so one byte string has exactly one
//! spelling and no edit to a signed file can leave its meaning unchanged.

use data_encoding::{BASE32_NOPAD, HEXLOWER};
use sha2::{Digest, Sha256};

pub fn to_hex(bytes: &[u8]) -> String {
    HEXLOWER.encode(bytes)
}

/// Decodes exactly `N` bytes from lowercase hex; `None` for any other length or character.
pub fn from_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != N * 2 {
        return None;
    }
    let mut bytes = [0u8; N];
    HEXLOWER
        .decode_mut(text.as_bytes(), &mut bytes)
        .ok()
        .map(|_| bytes)
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
