//! xtask's side: the app's wasm split into streams before it is packed.

use super::{walk, Stream, Transfer, STREAMS};
use crate::Error;

/// The wasm section that holds the functions' code.
const CODE_SECTION: u8 = 10;
/// `\0asm` and the version.
const PREAMBLE: usize = 8;

/// `wasm` in the split form [`super::join`] takes; an error if it has no code section or uses
/// an instruction the walk does not know.
pub fn split(wasm: &[u8]) -> Result<Vec<u8>, Error> {
    let (code_at, code_len) = code_section(wasm)?;
    let code = &wasm[code_at..code_at + code_len];
    let mut splitter = Splitter {
        code,
        at: 0,
        streams: Default::default(),
    };
    walk(&mut splitter, code_len)?;
    let mut split = Vec::with_capacity(wasm.len() + super::SPLIT_HEADER_LEN);
    for len in [wasm.len(), code_at, code_len]
        .into_iter()
        .chain(splitter.streams.iter().map(Vec::len))
    {
        split.extend_from_slice(&u32::try_from(len).map_err(|_| Error::Code)?.to_le_bytes());
    }
    split.extend_from_slice(&wasm[..code_at]);
    splitter
        .streams
        .iter()
        .for_each(|stream| split.extend_from_slice(stream));
    split.extend_from_slice(&wasm[code_at + code_len..]);
    Ok(split)
}

/// Where the code section's contents start, and their length.
fn code_section(wasm: &[u8]) -> Result<(usize, usize), Error> {
    let mut at = PREAMBLE;
    while let Some(&id) = wasm.get(at) {
        let mut reader = Splitter {
            code: wasm,
            at: at + 1,
            streams: Default::default(),
        };
        let len = reader.leb(Stream::Header)? as usize;
        let start = reader.at;
        let end = start.checked_add(len).filter(|&end| end <= wasm.len());
        let end = end.ok_or(Error::Code)?;
        if id == CODE_SECTION {
            return Ok((start, len));
        }
        at = end;
    }
    Err(Error::Code)
}

/// Reads each item from the code and appends it to its stream.
struct Splitter<'a> {
    code: &'a [u8],
    at: usize,
    streams: [Vec<u8>; STREAMS],
}

impl Transfer for Splitter<'_> {
    fn position(&self) -> usize {
        self.at
    }

    fn byte(&mut self, stream: Stream) -> Result<u8, Error> {
        let byte = *self.code.get(self.at).ok_or(Error::Code)?;
        self.at += 1;
        self.streams[stream as usize].push(byte);
        Ok(byte)
    }
}
