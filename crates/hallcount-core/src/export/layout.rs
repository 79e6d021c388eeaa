//! Whether a text is exactly what [`super::ResultFile::to_json`] writes for a value, checked
//! without writing it: the value is serialised in the same layout into a writer that compares
//! each piece with the text as it comes and stops at the first difference.
//!
//! Writing the file again and comparing took a fifth of the time of verifying a village file
//! (issue 12): a 35 KB string grown piece by piece, the indentation two bytes at a time.

use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

/// Whether `text` is `serde_json::to_string_pretty(value)` followed by one newline.
pub fn is_pretty_layout_of<T: Serialize + ?Sized>(value: &T, text: &str) -> bool {
    // The page checks a file at a time, and keeps the one serializer it has (no second one
    // compiled into the wasm): the compact one, laid out pretty by `json::to_string_pretty`.
    if cfg!(target_arch = "wasm32") {
        let written = crate::json::to_string_pretty(value);
        return written.is_ok_and(|written| text.strip_suffix('\n') == Some(written.as_str()));
    }
    let Some(body) = text.strip_suffix('\n') else {
        return false;
    };
    let mut same = SameAs {
        rest: body.as_bytes(),
    };
    let mut serializer = serde_json::Serializer::with_formatter(&mut same, Pretty::default());
    value.serialize(&mut serializer).is_ok() && same.rest.is_empty()
}

/// A writer that takes only the bytes `rest` starts with, consuming them.
struct SameAs<'t> {
    rest: &'t [u8],
}

impl io::Write for SameAs<'_> {
    fn write(&mut self, piece: &[u8]) -> io::Result<usize> {
        self.write_all(piece).map(|()| piece.len())
    }

    fn write_all(&mut self, piece: &[u8]) -> io::Result<()> {
        match self.rest.split_at_checked(piece.len()) {
            Some((head, tail)) if head == piece => {
                self.rest = tail;
                Ok(())
            }
            // A plain kind: no allocation, and the serializer stops here.
            _ => Err(io::ErrorKind::InvalidData.into()),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// What serde_json's `PrettyFormatter` writes (two spaces a level), each line break and its
/// indentation written as one piece.
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

/// `,` then a line break then the indentation of [`MAX_LEVEL`] levels: every break is a slice.
const BREAKS: &[u8; 2 + 2 * MAX_LEVEL] = &{
    let mut bytes = [b' '; 2 + 2 * MAX_LEVEL];
    bytes[0] = b',';
    bytes[1] = b'\n';
    bytes
};
const MAX_LEVEL: usize = 24;

impl Pretty {
    /// A line break (after a comma unless `first`) and the indentation of the current level.
    fn line_break<W: ?Sized + io::Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        let start = usize::from(first);
        match BREAKS.get(start..2 + 2 * self.level) {
            Some(piece) => writer.write_all(piece),
            None => {
                // Deeper than any file hallcount writes: as serde_json does, a level at a time.
                writer.write_all(&BREAKS[start..2])?;
                (0..self.level).try_for_each(|_| writer.write_all(b"  "))
            }
        }
    }

    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line_break(writer, true)?;
        }
        writer.write_all(bracket)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line_break(writer, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line_break(writer, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
