//! The bytes of a file as JSON text: UTF-8 only (RFC 8259), with messages that say what the
//! file is instead (UTF-16 from Notepad's "Unicode", GBK or Big5 from an older Windows) and where
//! the first byte that is not UTF-8 stands. A leading UTF-8 byte order mark is skipped.

use crate::error::{LoadError, LoadErrorKind};

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// `bytes` as text, without a leading byte order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, LoadError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if looks_like_utf16(bytes) {
        return Err(encoding_error(
            (1, 1),
            "the file is UTF-16 text (Notepad's \"Unicode\"); save it as UTF-8".into(),
        ));
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let offset = error.valid_up_to();
        let valid = &bytes[..offset];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        // Only the valid prefix is decoded, so this cannot fail; 0 would only hide the column.
        let column = std::str::from_utf8(&valid[line_start..]).map_or(0, |s| s.chars().count()) + 1;
        encoding_error(
            (line, column),
            format!(
                "not UTF-8 text: byte {offset} (0x{:02x}) cannot be read; saved as GBK or Big5? \
                 save it as UTF-8",
                bytes[offset]
            ),
        )
    })
}

/// A UTF-16 byte order mark, or the zero bytes that ASCII has in UTF-16 (`{` is `7b 00`).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return true;
    }
    let start = &bytes[..bytes.len().min(64)];
    start.len() >= 2 && start.iter().filter(|&&b| b == 0).count() * 4 >= start.len()
}

fn encoding_error((line, column): (usize, usize), message: String) -> LoadError {
    LoadError {
        kind: LoadErrorKind::Syntax,
        path: String::new(),
        line,
        column,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_bom_is_skipped() {
        assert_eq!(decode(b"\xef\xbb\xbf{}").unwrap(), "{}");
    }

    #[test]
    fn gbk_names_the_byte_its_place_and_the_fix() {
        // "測試村" in GBK, on the second line.
        let error = decode(b"{\n \"title\": \"\xb2\xe2\xca\xd4\xb4\xe5\"}").unwrap_err();
        assert_eq!((error.line, error.column), (2, 12));
        let message = error.to_string();
        assert!(message.contains("byte 13 (0xb2)"), "{message}");
        assert!(message.contains("saved as GBK"), "{message}");
        assert!(message.contains("save it as UTF-8"), "{message}");
    }

    #[test]
    fn utf16_is_named_with_or_without_a_bom() {
        for bytes in [
            &b"\xff\xfe{\0}\0"[..],
            b"{\0\"\0f\0\"\0:\0 \x001\0}\0",
            b"\xfe\xff\0{\0}",
        ] {
            let message = decode(bytes).unwrap_err().to_string();
            assert!(message.contains("UTF-16"), "{message}");
        }
    }
}
