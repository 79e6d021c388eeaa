//! The page's side: the split wasm joined back into the app's wasm, in place in the decoder's
//! memory, without an allocator.

use super::{read_u32, walk, Stream, Transfer, SPLIT_HEADER_LEN, STREAMS};
use crate::Error;

/// The length of the wasm that `split` joins to (what the output buffer must hold).
pub fn joined_len(split: &[u8]) -> Result<usize, Error> {
    read_u32(split, 0)
}

/// Join `split` into `output`, which must be exactly [`joined_len`] long.
pub fn join(split: &[u8], output: &mut [u8]) -> Result<(), Error> {
    let code_at = read_u32(split, 4)?;
    let code_len = read_u32(split, 8)?;
    if joined_len(split)? != output.len() {
        return Err(Error::Code);
    }
    let mut rest = split.get(SPLIT_HEADER_LEN..).ok_or(Error::Code)?;
    let (before, after) = rest.split_at_checked(code_at).ok_or(Error::Code)?;
    rest = after;
    let mut streams: [&[u8]; STREAMS] = [&[]; STREAMS];
    for (i, stream) in streams.iter_mut().enumerate() {
        let (this, after) = rest
            .split_at_checked(read_u32(split, 12 + 4 * i)?)
            .ok_or(Error::Code)?;
        (*stream, rest) = (this, after);
    }
    let code_end = code_at.checked_add(code_len).ok_or(Error::Code)?;
    if code_end.checked_add(rest.len()) != Some(output.len()) {
        return Err(Error::Code);
    }
    output[..code_at].copy_from_slice(before);
    output[code_end..].copy_from_slice(rest);
    let mut joiner = Joiner {
        streams,
        code: &mut output[code_at..code_end],
        at: 0,
    };
    walk(&mut joiner, code_len)?;
    match joiner.streams.iter().all(|stream| stream.is_empty()) {
        true => Ok(()),
        false => Err(Error::Code),
    }
}

/// Takes each item from its stream and writes it into the code.
struct Joiner<'a> {
    streams: [&'a [u8]; STREAMS],
    code: &'a mut [u8],
    at: usize,
}

impl Transfer for Joiner<'_> {
    fn position(&self) -> usize {
        self.at
    }

    fn byte(&mut self, stream: Stream) -> Result<u8, Error> {
        let (&byte, rest) = self.streams[stream as usize]
            .split_first()
            .ok_or(Error::Code)?;
        self.streams[stream as usize] = rest;
        *self.code.get_mut(self.at).ok_or(Error::Code)? = byte;
        self.at += 1;
        Ok(byte)
    }
}
