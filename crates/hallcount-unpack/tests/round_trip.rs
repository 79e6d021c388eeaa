//! The decoder against liblzma's encoder (the one `cargo xtask dist` packs with): what goes in
//! comes out, and damaged input is an error, never other bytes.

use std::io::Write;

use hallcount_unpack::{header, unpack, unpacked_len, Error};
use proptest::prelude::*;
use xz2::stream::{LzmaOptions, Stream};
use xz2::write::XzEncoder;

/// `.lzma` ("alone") files start with the properties byte, the dictionary size (4 bytes) and
/// the length (8 bytes, all ones: unknown, so liblzma ends the data with the end marker).
const ALONE_HEADER: usize = 13;

fn pack(bytes: &[u8], lc: u32, lp: u32, pb: u32) -> Vec<u8> {
    let mut options = LzmaOptions::new_preset(6).unwrap();
    options
        .literal_context_bits(lc)
        .literal_position_bits(lp)
        .position_bits(pb);
    let stream = Stream::new_lzma_encoder(&options).unwrap();
    let mut encoder = XzEncoder::new_stream(Vec::new(), stream);
    encoder.write_all(bytes).unwrap();
    let alone = encoder.finish().unwrap();
    let mut packed = header(alone[0], bytes).unwrap().to_vec();
    packed.extend_from_slice(&alone[ALONE_HEADER..]);
    packed
}

fn unpacked(packed: &[u8]) -> Result<Vec<u8>, Error> {
    let mut output = vec![0; unpacked_len(packed)?];
    unpack(packed, &mut output)?;
    Ok(output)
}

/// Bytes with short and long repeats, runs and noise: every kind of LZMA packet.
fn mixed(len: usize) -> Vec<u8> {
    let mut state = 0x2545_f491_u32;
    let mut bytes = Vec::with_capacity(len);
    while bytes.len() < len {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        match state % 4 {
            0 => bytes.extend_from_slice(b"(func $count (param i32) (result i32) local.get 0)"),
            1 => bytes.extend(std::iter::repeat_n(
                (state >> 8) as u8,
                (state >> 16) as usize % 300,
            )),
            2 if bytes.len() > 70_000 => {
                let from = (state >> 4) as usize % (bytes.len() - 66_000);
                let copy = bytes[from..from + 1 + (state >> 20) as usize % 4000].to_vec();
                bytes.extend_from_slice(&copy);
            }
            _ => bytes.extend((0..(state % 64)).map(|i| (state >> (i % 24)) as u8)),
        }
    }
    bytes.truncate(len);
    bytes
}

#[test]
fn what_is_packed_is_unpacked_for_each_kind_of_input_and_properties() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("one byte", vec![42]),
        ("a run", vec![7; 100_000]),
        ("text", b"hallcount counts ballots. ".repeat(500)),
        ("mixed", mixed(400_000)),
    ];
    for (name, bytes) in &cases {
        for (lc, lp, pb) in [
            (3, 0, 0),
            (0, 0, 0),
            (1, 0, 2),
            (0, 4, 4),
            (4, 0, 0),
            (2, 2, 1),
        ] {
            let packed = pack(bytes, lc, lp, pb);
            assert_eq!(
                unpacked(&packed).as_deref(),
                Ok(&bytes[..]),
                "{name}, lc={lc} lp={lp} pb={pb}"
            );
        }
    }
}

#[test]
fn a_stream_cut_short_or_with_bytes_after_it_is_an_error() {
    let bytes = mixed(50_000);
    let packed = pack(&bytes, 3, 0, 0);
    for cut in [packed.len() - 1, packed.len() - 5, packed.len() / 2] {
        assert!(unpacked(&packed[..cut]).is_err(), "cut at {cut}");
    }
    let mut longer = packed.clone();
    longer.push(0);
    assert_eq!(unpacked(&longer), Err(Error::Length));
}

#[test]
fn a_header_that_disagrees_with_the_stream_is_an_error() {
    let bytes = mixed(20_000);
    let packed = pack(&bytes, 3, 0, 0);
    for len in [bytes.len() - 1, bytes.len() + 1] {
        let mut wrong = packed.clone();
        wrong[1..5].copy_from_slice(&(len as u32).to_le_bytes());
        assert_eq!(unpacked(&wrong), Err(Error::Length), "length {len}");
    }
    let mut wrong_sum = packed.clone();
    wrong_sum[5] ^= 1;
    assert_eq!(unpacked(&wrong_sum), Err(Error::Checksum));
    let mut wrong_props = packed.clone();
    wrong_props[0] = 225;
    assert_eq!(unpacked(&wrong_props), Err(Error::Properties));
    assert_eq!(unpacked(&packed[..8]), Err(Error::Properties));
    let mut output = vec![0; bytes.len() + 1];
    assert_eq!(unpack(&packed, &mut output), Err(Error::Length));
}

#[test]
fn adler32_matches_known_values() {
    // RFC 1950's checksum of "Wikipedia", and of nothing.
    assert_eq!(hallcount_unpack::adler32(b"Wikipedia"), 0x11E6_0398);
    assert_eq!(hallcount_unpack::adler32(b""), 1);
    // Past one chunk of 5552 bytes of 0xff, where a lazy modulo would overflow (zlib.adler32).
    assert_eq!(hallcount_unpack::adler32(&[0xff; 20_000]), 0x9f51_d664);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_bytes_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..3000), lc in 0u32..=4, pb in 0u32..=4) {
        let packed = pack(&bytes, lc, 0, pb);
        prop_assert_eq!(unpacked(&packed), Ok(bytes));
    }

    #[test]
    fn a_damaged_stream_never_unpacks_to_other_bytes(at in any::<prop::sample::Index>(), flip in 1u8..=255) {
        let bytes = mixed(5000);
        let mut packed = pack(&bytes, 3, 0, 0);
        let at = hallcount_unpack::HEADER_LEN + at.index(packed.len() - hallcount_unpack::HEADER_LEN);
        packed[at] ^= flip;
        let result = unpacked(&packed);
        prop_assert!(result.is_err() || result == Ok(bytes));
    }
}

#[test]
fn unpacking_in_slices_gives_the_same_bytes_and_checks_only_at_the_end() {
    let bytes = mixed(300_000);
    let packed = pack(&bytes, 3, 0, 0);
    for slice in [1, 4096, 65_536, 150_000] {
        let mut output = vec![0; bytes.len()];
        let mut unpacker = hallcount_unpack::Unpacker::new(&packed, output.len()).unwrap();
        let mut until = slice;
        let mut calls = 1;
        while !unpacker.run(&mut output, until).unwrap() {
            until += slice;
            calls += 1;
        }
        assert_eq!(output, bytes, "slices of {slice}");
        assert!(calls > 1, "slices of {slice}: {calls} calls");
    }
    let mut wrong_sum = packed.clone();
    wrong_sum[8] ^= 0x80;
    let mut output = vec![0; bytes.len()];
    let mut unpacker = hallcount_unpack::Unpacker::new(&wrong_sum, output.len()).unwrap();
    assert_eq!(unpacker.run(&mut output, 1000), Ok(false));
    assert_eq!(unpacker.run(&mut output, bytes.len()), Err(Error::Checksum));
}
