//! The export the page calls. The page grows this module's memory, copies the packed bytes in
//! and reads the unpacked ones out of it: no allocator, no glue.

/// Unpack the `packed_len` bytes at `packed` into the `output_len` bytes at `output`; 0 when
/// done, otherwise an [`crate::Error::code`].
///
/// # Safety
/// The page passes two disjoint ranges of this module's memory that it grew for them.
#[no_mangle]
pub unsafe extern "C" fn unpack(
    packed: *const u8,
    packed_len: usize,
    output: *mut u8,
    output_len: usize,
) -> u32 {
    // SAFETY: see above; the page wrote `packed` and reads `output` only after this returns.
    let (packed, output) = unsafe {
        (
            core::slice::from_raw_parts(packed, packed_len),
            core::slice::from_raw_parts_mut(output, output_len),
        )
    };
    match crate::unpack(packed, output) {
        Ok(()) => 0,
        Err(error) => error.code(),
    }
}

/// A panic (an index out of bounds that the checks missed) traps: the page reports the trap.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
