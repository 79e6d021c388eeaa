//! LZMA's range decoder: bits coded against adaptive 11-bit probabilities, and "direct" bits
//! coded at one half.

use crate::Error;

/// An 11-bit probability that the next bit is 0, as LZMA keeps it.
pub type Prob = u16;
const PROB_BITS: u32 = 11;
/// Where every probability starts: one half.
pub const PROB_INIT: Prob = 1 << (PROB_BITS - 1);
/// How fast a probability moves toward the bit just seen.
const MOVE_BITS: u32 = 5;
/// Below this the range takes in one more byte of input.
const TOP: u32 = 1 << 24;

pub struct RangeDecoder<'a> {
    input: &'a [u8],
    at: usize,
    range: u32,
    code: u32,
}

impl<'a> RangeDecoder<'a> {
    /// The first byte of a range-coded stream is always 0; the next four start the code.
    pub fn new(input: &'a [u8]) -> Result<Self, Error> {
        if input.len() < 5 || input[0] != 0 {
            return Err(Error::Corrupt);
        }
        let code = u32::from_be_bytes([input[1], input[2], input[3], input[4]]);
        if code == u32::MAX {
            return Err(Error::Corrupt);
        }
        Ok(Self {
            input,
            at: 5,
            range: u32::MAX,
            code,
        })
    }

    /// Past the end of the input the decoder reads zeros; [`Self::finish`] then refuses.
    #[inline(always)]
    fn normalize(&mut self) {
        if self.range < TOP {
            let byte = self.input.get(self.at).copied().unwrap_or(0);
            self.at += 1;
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(byte);
        }
    }

    #[inline(always)]
    pub fn bit(&mut self, prob: &mut Prob) -> u32 {
        let bound = (self.range >> PROB_BITS) * u32::from(*prob);
        let bit = if self.code < bound {
            self.range = bound;
            *prob += ((1 << PROB_BITS) - *prob) >> MOVE_BITS;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            *prob -= *prob >> MOVE_BITS;
            1
        };
        self.normalize();
        bit
    }

    /// `count` bits at probability one half, most significant first.
    pub fn direct_bits(&mut self, count: u32) -> u32 {
        let mut value = 0;
        for _ in 0..count {
            self.range >>= 1;
            let bit = u32::from(self.code >= self.range);
            self.code -= self.range & 0u32.wrapping_sub(bit);
            value = (value << 1) | bit;
            self.normalize();
        }
        value
    }

    /// A symbol of `probs.len().trailing_zeros()` bits, most significant first.
    #[inline(always)]
    pub fn tree(&mut self, probs: &mut [Prob]) -> u32 {
        let limit = probs.len() as u32;
        let mut node = 1;
        while node < limit {
            node = (node << 1) | self.bit(&mut probs[node as usize]);
        }
        node - limit
    }

    /// A symbol of `bits` bits, least significant first.
    pub fn reverse_tree(&mut self, probs: &mut [Prob], bits: u32) -> u32 {
        let mut node = 1;
        let mut symbol = 0;
        for i in 0..bits {
            let bit = self.bit(&mut probs[node]);
            node = (node << 1) | bit as usize;
            symbol |= bit << i;
        }
        symbol
    }

    /// A whole stream ends with the code at 0, and with no byte read past its end.
    pub fn finish(&self) -> Result<(), Error> {
        if self.code != 0 {
            return Err(Error::Corrupt);
        }
        if self.at != self.input.len() {
            return Err(Error::Length);
        }
        Ok(())
    }
}
