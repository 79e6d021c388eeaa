//! The page's first wasm: it unpacks the app (styles, JS glue, the app's wasm), which xtask packs
//! with LZMA because deflate's 32 KB window misses the wasm's long-distance repeats (a quarter
//! smaller than gzip). The browser has no LZMA decoder of its own, so this crate is one: a few KB
//! of wasm, no dependencies, no allocator.
//!
//! The packed format (also in `docs/formats.md`):
//!
//! | bytes | what |
//! | --- | --- |
//! | 0 | LZMA properties byte: `lc + 9 * (lp + 5 * pb)`, with `lc + lp <= 4` |
//! | 1..5 | length of the unpacked bytes, u32 little-endian |
//! | 5..9 | Adler-32 of the unpacked bytes, u32 little-endian |
//! | 9.. | the LZMA1 range-coded data, ending with the end marker (an `.lzma` file's body) |

#![cfg_attr(target_arch = "wasm32", no_std)]

pub mod code;
mod lzma;
mod range;

pub use lzma::Properties;

/// Bytes before the range-coded data.
pub const HEADER_LEN: usize = 9;

/// Why a packed bundle could not be unpacked. The wasm export returns [`Error::code`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// Shorter than its header, or a properties byte this decoder does not take.
    Properties,
    /// The range-coded data is not a valid LZMA stream.
    Corrupt,
    /// The stream ends before or after the length in its header.
    Length,
    /// Unpacked to the right length, but not to the bytes that were packed.
    Checksum,
    /// The app's split wasm does not join back (or, packing, a wasm this crate cannot split).
    Code,
}

impl Error {
    /// A non-zero status for the page, which shows it in its error.
    pub fn code(self) -> u32 {
        match self {
            Error::Properties => 1,
            Error::Corrupt => 2,
            Error::Length => 3,
            Error::Checksum => 4,
            Error::Code => 5,
        }
    }
}

/// The unpacked length a packed bundle announces (what the output buffer must hold).
pub fn unpacked_len(packed: &[u8]) -> Result<usize, Error> {
    let bytes = packed.get(1..5).ok_or(Error::Properties)?;
    Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize)
}

/// Unpack `packed` into `output`, which must be exactly [`unpacked_len`] long.
pub fn unpack(packed: &[u8], output: &mut [u8]) -> Result<(), Error> {
    let mut unpacker = Unpacker::new(packed, output.len())?;
    match unpacker.run(output, output.len())? {
        true => Ok(()),
        false => Err(Error::Length),
    }
}

/// A packed bundle being unpacked, slice by slice.
pub struct Unpacker<'a> {
    decoder: lzma::Decoder<'a>,
    checksum: u32,
}

impl<'a> Unpacker<'a> {
    /// Checks the header against `output_len`, the length of the buffer [`Self::run`] gets.
    pub fn new(packed: &'a [u8], output_len: usize) -> Result<Self, Error> {
        if packed.len() < HEADER_LEN {
            return Err(Error::Properties);
        }
        let props = Properties::from_byte(packed[0])?;
        if unpacked_len(packed)? != output_len {
            return Err(Error::Length);
        }
        let checksum = u32::from_le_bytes([packed[5], packed[6], packed[7], packed[8]]);
        let decoder = lzma::Decoder::new(props, &packed[HEADER_LEN..])?;
        Ok(Self { decoder, checksum })
    }

    /// Unpack at least the first `until` bytes of `output` (the same buffer at every call);
    /// returns whether all of it is unpacked and checked.
    pub fn run(&mut self, output: &mut [u8], until: usize) -> Result<bool, Error> {
        if !self.decoder.run(output, until)? {
            return Ok(false);
        }
        if adler32(output) != self.checksum {
            return Err(Error::Checksum);
        }
        Ok(true)
    }
}

/// The header of a packed bundle of `unpacked`, for an encoder to put before its LZMA data.
pub fn header(props: u8, unpacked: &[u8]) -> Result<[u8; HEADER_LEN], Error> {
    Properties::from_byte(props)?;
    let len = u32::try_from(unpacked.len()).map_err(|_| Error::Length)?;
    let mut header = [0; HEADER_LEN];
    header[0] = props;
    header[1..5].copy_from_slice(&len.to_le_bytes());
    header[5..9].copy_from_slice(&adler32(unpacked).to_le_bytes());
    Ok(header)
}

/// Adler-32 (RFC 1950): cheap next to the decoding, and it catches what a wrong but
/// well-formed stream would produce.
pub fn adler32(bytes: &[u8]) -> u32 {
    const MOD: u32 = 65521;
    // The most bytes before `b` could overflow a u32 (zlib's NMAX).
    const CHUNK: usize = 5552;
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in bytes.chunks(CHUNK) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

#[cfg(target_arch = "wasm32")]
mod wasm;
