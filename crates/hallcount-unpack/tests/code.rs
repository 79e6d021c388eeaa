//! The app wasm's code split into streams and joined back (`hallcount_unpack::code`).

use hallcount_unpack::code::{join, joined_len, split, SPLIT_HEADER_LEN};
use hallcount_unpack::Error;
use proptest::prelude::*;

/// One wasm section: its id, its length, its contents.
fn section(id: u8, contents: &[u8]) -> Vec<u8> {
    let mut bytes = vec![id, u8::try_from(contents.len()).unwrap()];
    bytes.extend_from_slice(contents);
    bytes
}

/// A module of one type, two functions, and a custom section after the code. The walk needs
/// the instructions' shapes only, so the bodies are not meant to validate.
fn module(first_body: &[u8]) -> Vec<u8> {
    let second_body = [0x01, 0x02, 0x7f, 0x7e, 0x20, 0x01, 0x1a, 0x0b];
    let mut code = vec![2, u8::try_from(first_body.len()).unwrap()];
    code.extend_from_slice(first_body);
    code.push(u8::try_from(second_body.len()).unwrap());
    code.extend_from_slice(&second_body);
    let mut wasm = b"\0asm\x01\0\0\0".to_vec();
    wasm.extend(section(1, &[1, 0x60, 0, 0]));
    wasm.extend(section(3, &[2, 0, 0]));
    wasm.extend(section(10, &code));
    wasm.extend(section(0, b"\x04namex"));
    wasm
}

/// Every kind of immediate the walk moves, once.
const BODY: &[u8] = &[
    0x01, 0x01, 0x7f, // one i32 local
    0x41, 0xe5, 0x8e, 0x26, // i32.const (3-byte LEB)
    0x21, 0x00, // local.set 0
    0x02, 0x40, 0x03, 0x7f, 0x04, 0x00, // block, loop i32, if with a type index
    0x20, 0x00, 0x0d, 0x01, // local.get 0, br_if 1
    0x0e, 0x02, 0x00, 0x01, 0x02, // br_table [0 1] 2
    0x28, 0x02, 0x84, 0x01, // i32.load align 2 offset 132
    0x42, 0x7f, // i64.const -1
    0x43, 0, 0, 0x80, 0x3f, // f32.const 1
    0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, // f64.const 1
    0x10, 0x01, 0x11, 0x00, 0x00, // call 1, call_indirect type 0 table 0
    0x1c, 0x01, 0x7f, // select i32
    0x23, 0x00, 0x24, 0x00, // global.get/set 0
    0xd0, 0x70, 0xd2, 0x00, 0xd1, // ref.null func, ref.func 0, ref.is_null
    0xfc, 0x0a, 0x00, 0x00, // memory.copy
    0xfc, 0x00, // i32.trunc_sat_f32_s
    0x0b, 0x0b, 0x0b, 0x0b, // ends
];

#[test]
fn every_kind_of_instruction_splits_and_joins_back_to_the_same_bytes() {
    let wasm = module(BODY);
    let split = split(&wasm).unwrap();
    assert_ne!(
        &split[SPLIT_HEADER_LEN..],
        &wasm[..],
        "the code is moved into its streams"
    );
    assert_eq!(joined_len(&split).unwrap(), wasm.len());
    let mut joined = vec![0; wasm.len()];
    join(&split, &mut joined).unwrap();
    assert_eq!(joined, wasm);
}

#[test]
fn an_instruction_the_walk_does_not_know_is_refused_when_packing() {
    // 0xfd: a SIMD instruction, which the app's wasm does not use.
    assert_eq!(split(&module(&[0x00, 0xfd, 0x0c, 0x0b])), Err(Error::Code));
}

#[test]
fn a_wasm_without_code_is_refused_when_packing() {
    assert_eq!(split(b"\0asm\x01\0\0\0"), Err(Error::Code));
}

#[test]
fn a_split_wasm_for_another_length_is_refused() {
    let split = split(&module(BODY)).unwrap();
    let mut joined = vec![0; joined_len(&split).unwrap() + 1];
    assert_eq!(join(&split, &mut joined), Err(Error::Code));
}

proptest! {
    /// A damaged split wasm joins to an error or to some bytes, never a panic; a change in
    /// the header's lengths or the streams' shape is an error.
    #[test]
    fn a_damaged_split_wasm_never_panics(at in 0usize..4096, xor in 1u8..=255) {
        let mut split = split(&module(BODY)).unwrap();
        let at = at % split.len();
        split[at] ^= xor;
        let len = joined_len(&split).unwrap();
        if len < 1 << 16 {
            let mut joined = vec![0; len];
            let _ = join(&split, &mut joined);
        }
    }

    #[test]
    fn any_bytes_join_to_an_error_or_to_bytes_never_a_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..200),
        len in 0usize..300,
    ) {
        let mut joined = vec![0; len];
        let _ = join(&bytes, &mut joined);
    }
}
