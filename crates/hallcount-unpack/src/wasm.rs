//! The exports the page calls. The page grows this module's memory, copies the packed bytes in,
//! calls [`begin`] once and [`step`] until it is done, grows it again for the app's wasm and
//! [`join`]s its code, and reads the bytes out of the memory: no allocator, no glue.

use core::ptr::addr_of_mut;

use crate::Unpacker;

/// [`step`]'s answer while there is more to unpack; 0 is done, other values are
/// [`crate::Error::code`]s.
const MORE: u32 = 255;

/// The one unpacking in progress, and where its output goes.
static mut CURRENT: Option<(Unpacker<'static>, &'static mut [u8])> = None;

/// Start unpacking the `packed_len` bytes at `packed` into the `output_len` bytes at `output`:
/// 0, or an error code.
///
/// # Safety
/// The page passes two disjoint ranges of this module's memory that it grew for them, and
/// leaves them alone until [`step`] has said it is done.
#[no_mangle]
pub unsafe extern "C" fn begin(
    packed: *const u8,
    packed_len: usize,
    output: *mut u8,
    output_len: usize,
) -> u32 {
    // SAFETY: see above.
    let (packed, output) = unsafe { ranges(packed, packed_len, output, output_len) };
    match Unpacker::new(packed, output.len()) {
        Ok(unpacker) => {
            // SAFETY: wasm32 without threads: nothing else touches CURRENT meanwhile.
            unsafe { *addr_of_mut!(CURRENT) = Some((unpacker, output)) };
            0
        }
        Err(error) => error.code(),
    }
}

/// Unpack at least the first `until` bytes: [`MORE`], 0 when all is unpacked and checked, or
/// an error code.
#[no_mangle]
pub extern "C" fn step(until: usize) -> u32 {
    // SAFETY: wasm32 without threads; `begin` set it up.
    let Some((unpacker, output)) = (unsafe { &mut *addr_of_mut!(CURRENT) }) else {
        return crate::Error::Properties.code();
    };
    match unpacker.run(output, until) {
        Ok(false) => MORE,
        Ok(true) => 0,
        Err(error) => error.code(),
    }
}

/// Join the `split_len` bytes of the split app wasm at `split` into the `output_len` bytes at
/// `output` ([`crate::code::join`]): 0, or an error code.
///
/// # Safety
/// As for [`begin`]: two disjoint ranges of this module's memory, grown for them.
#[no_mangle]
pub unsafe extern "C" fn join(
    split: *const u8,
    split_len: usize,
    output: *mut u8,
    output_len: usize,
) -> u32 {
    // SAFETY: see above.
    let (split, output) = unsafe { ranges(split, split_len, output, output_len) };
    match crate::code::join(split, output) {
        Ok(()) => 0,
        Err(error) => error.code(),
    }
}

/// The input and the output range the page passes to [`begin`] and [`join`].
///
/// # Safety
/// Two disjoint ranges of this module's memory, left alone by the page while they are in use.
unsafe fn ranges(
    input: *const u8,
    input_len: usize,
    output: *mut u8,
    output_len: usize,
) -> (&'static [u8], &'static mut [u8]) {
    // SAFETY: the caller's promise.
    unsafe {
        (
            core::slice::from_raw_parts(input, input_len),
            core::slice::from_raw_parts_mut(output, output_len),
        )
    }
}

/// A panic (an index out of bounds that the checks missed) traps: the page reports the trap.
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
