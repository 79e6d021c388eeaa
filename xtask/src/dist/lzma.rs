//! The app bundle packed with LZMA for the page's own decoder (`crates/hallcount-unpack`):
//! a quarter smaller than gzip on the wasm (deflate's 32 KB window and Huffman codes miss what
//! LZMA's range coder and long window catch).

use std::io::Write;

use xz2::stream::{LzmaOptions, Stream};
use xz2::write::XzEncoder;

use crate::workspace::TaskResult;

/// `.lzma` ("alone") data starts with the properties byte, the dictionary size (4 bytes) and the
/// length (8 bytes: unknown, so liblzma ends the data with the end marker the decoder expects).
const ALONE_HEADER: usize = 13;
/// liblzma's strongest preset: 9 with `LZMA_PRESET_EXTREME` (bit 31, which xz2 does not name).
const PRESET: u32 = 9 | 1 << 31;
/// Literal context bits 1, position bits 0: measured smallest on the whole bundle (its code has
/// no 2- or 4-byte alignment for `pb` to use; with the code split into streams of like things,
/// a literal's previous byte says less: lc 3 -> 1 is 1.0 KB smaller, lc 0 3.7 KB bigger).
/// `lc + lp <= 4` is what the decoder takes.
const LITERAL_CONTEXT_BITS: u32 = 1;
const POSITION_BITS: u32 = 0;

/// `bytes` in the format of `hallcount_unpack` (its header, then the LZMA data), checked by
/// unpacking it again with that same decoder.
pub(super) fn pack(bytes: &[u8]) -> TaskResult<Vec<u8>> {
    let mut options = LzmaOptions::new_preset(PRESET)?;
    let dictionary = u32::try_from(bytes.len().next_power_of_two().max(4096))?;
    options
        .dict_size(dictionary)
        .literal_context_bits(LITERAL_CONTEXT_BITS)
        .literal_position_bits(0)
        .position_bits(POSITION_BITS);
    let mut encoder = XzEncoder::new_stream(Vec::new(), Stream::new_lzma_encoder(&options)?);
    encoder.write_all(bytes)?;
    let alone = encoder.finish()?;
    let header = hallcount_unpack::header(alone[0], bytes)
        .map_err(|error| format!("packing the bundle: {error:?}"))?;
    let mut packed = header.to_vec();
    packed.extend_from_slice(&alone[ALONE_HEADER..]);
    let mut check = vec![0; bytes.len()];
    hallcount_unpack::unpack(&packed, &mut check)
        .map_err(|error| format!("the packed bundle does not unpack: {error:?}"))?;
    if check != bytes {
        return Err("the packed bundle unpacks to other bytes".into());
    }
    Ok(packed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_packs_smaller_and_unpacks_to_itself() {
        let bytes: Vec<u8> = (0..50_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        let packed = pack(&bytes).unwrap();
        assert!(packed.len() < bytes.len() / 10, "{}", packed.len());
        let mut output = vec![0; hallcount_unpack::unpacked_len(&packed).unwrap()];
        hallcount_unpack::unpack(&packed, &mut output).unwrap();
        assert_eq!(output, bytes);
    }
}
