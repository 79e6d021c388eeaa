//! An LZMA1 decoder (the coder of `.lzma` and `.xz`), written from the format's description,
//! for one case: the whole output is one buffer of known length, so the "dictionary" is that
//! buffer and a distance is valid when it points into what is already decoded.

use crate::range::{Prob, RangeDecoder, PROB_INIT};
use crate::Error;

/// Literal context bits + literal position bits this decoder takes at most (the tables are
/// fixed-size: 0x300 probabilities per context). xtask packs with lc=1, lp=0.
const MAX_LC_LP: u32 = 4;
const MAX_POS_STATES: usize = 1 << 4;
const STATES: usize = 12;
/// Lengths are coded from 2 up.
const MIN_MATCH: usize = 2;
/// Distance slots are coded per length bucket: 2, 3, 4, 5 and longer.
const LEN_BUCKETS: usize = 4;
/// Slots up to this are followed by reverse-coded bits with probabilities of their own.
const END_POS_MODEL: u32 = 14;
const FULL_DISTANCES: usize = 1 << (END_POS_MODEL / 2);
const ALIGN_BITS: u32 = 4;
/// The distance of the optional end marker.
const END_MARKER: u32 = u32::MAX;

/// The properties byte: literal context bits, literal position bits, position bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Properties {
    pub lc: u32,
    pub lp: u32,
    pub pb: u32,
}

impl Properties {
    pub fn from_byte(byte: u8) -> Result<Self, Error> {
        let byte = u32::from(byte);
        if byte >= 9 * 5 * 5 {
            return Err(Error::Properties);
        }
        let (lc, lp, pb) = (byte % 9, byte / 9 % 5, byte / 45);
        if lc + lp > MAX_LC_LP || pb > 4 {
            return Err(Error::Properties);
        }
        Ok(Self { lc, lp, pb })
    }
}

/// Lengths: a 3-bit symbol for 2..9 and 10..17 per position state, an 8-bit one above.
struct LenDecoder {
    choice: Prob,
    choice2: Prob,
    low: [[Prob; 8]; MAX_POS_STATES],
    mid: [[Prob; 8]; MAX_POS_STATES],
    high: [Prob; 256],
}

impl LenDecoder {
    fn new() -> Self {
        Self {
            choice: PROB_INIT,
            choice2: PROB_INIT,
            low: [[PROB_INIT; 8]; MAX_POS_STATES],
            mid: [[PROB_INIT; 8]; MAX_POS_STATES],
            high: [PROB_INIT; 256],
        }
    }

    /// The length less [`MIN_MATCH`].
    #[inline(always)]
    fn decode(&mut self, rc: &mut RangeDecoder, pos_state: usize) -> usize {
        (if rc.bit(&mut self.choice) == 0 {
            rc.tree(&mut self.low[pos_state])
        } else if rc.bit(&mut self.choice2) == 0 {
            8 + rc.tree(&mut self.mid[pos_state])
        } else {
            16 + rc.tree(&mut self.high)
        }) as usize
    }
}

/// Every adaptive probability of one stream.
struct Model {
    literal: [Prob; 0x300 << MAX_LC_LP],
    is_match: [Prob; STATES * MAX_POS_STATES],
    is_rep: [Prob; STATES],
    is_rep_g0: [Prob; STATES],
    is_rep_g1: [Prob; STATES],
    is_rep_g2: [Prob; STATES],
    is_rep0_long: [Prob; STATES * MAX_POS_STATES],
    slot: [[Prob; 64]; LEN_BUCKETS],
    /// Reverse trees of the low bits of slots 4..13, laid end to end as the format does.
    special: [Prob; 1 + FULL_DISTANCES - END_POS_MODEL as usize],
    align: [Prob; 1 << ALIGN_BITS],
    len: LenDecoder,
    rep_len: LenDecoder,
}

impl Model {
    fn new() -> Self {
        Self {
            literal: [PROB_INIT; 0x300 << MAX_LC_LP],
            is_match: [PROB_INIT; STATES * MAX_POS_STATES],
            is_rep: [PROB_INIT; STATES],
            is_rep_g0: [PROB_INIT; STATES],
            is_rep_g1: [PROB_INIT; STATES],
            is_rep_g2: [PROB_INIT; STATES],
            is_rep0_long: [PROB_INIT; STATES * MAX_POS_STATES],
            slot: [[PROB_INIT; 64]; LEN_BUCKETS],
            special: [PROB_INIT; 1 + FULL_DISTANCES - END_POS_MODEL as usize],
            align: [PROB_INIT; 1 << ALIGN_BITS],
            len: LenDecoder::new(),
            rep_len: LenDecoder::new(),
        }
    }

    /// The distance less one, after a match of `len` (less [`MIN_MATCH`]).
    fn distance(&mut self, rc: &mut RangeDecoder, len: usize) -> u32 {
        let slot = rc.tree(&mut self.slot[len.min(LEN_BUCKETS - 1)]);
        if slot < 4 {
            return slot;
        }
        let bits = (slot >> 1) - 1;
        let base = (2 | (slot & 1)) << bits;
        if slot < END_POS_MODEL {
            let probs = &mut self.special[(base - slot) as usize..];
            return base + rc.reverse_tree(probs, bits);
        }
        let high = rc.direct_bits(bits - ALIGN_BITS) << ALIGN_BITS;
        base.wrapping_add(high) + rc.reverse_tree(&mut self.align, ALIGN_BITS)
    }
}

/// The state after a literal, a match, a repeated match, a one-byte repeat.
fn after_literal(state: usize) -> usize {
    match state {
        0..=3 => 0,
        4..=9 => state - 3,
        _ => state - 6,
    }
}
fn after_match(state: usize) -> usize {
    if state < 7 {
        7
    } else {
        10
    }
}
fn after_rep(state: usize) -> usize {
    if state < 7 {
        8
    } else {
        11
    }
}
fn after_short_rep(state: usize) -> usize {
    if state < 7 {
        9
    } else {
        11
    }
}

/// A stream being decoded: everything it needs between two calls of [`Decoder::run`], so the page
/// can unpack in slices (a wasm function still running is never swapped for its optimised
/// build: only the calls after the first slice run at full speed).
pub struct Decoder<'a> {
    rc: RangeDecoder<'a>,
    model: Model,
    props: Properties,
    state: usize,
    reps: [usize; 4],
    pos: usize,
}

impl<'a> Decoder<'a> {
    pub fn new(props: Properties, input: &'a [u8]) -> Result<Self, Error> {
        Ok(Self {
            rc: RangeDecoder::new(input)?,
            model: Model::new(),
            props,
            state: 0,
            reps: [0; 4],
            pos: 0,
        })
    }

    /// Decode into `output` (the same buffer at every call) until at least `until` bytes of it
    /// are done. When it is full, the end marker must follow, and then nothing: returns whether
    /// the stream is done and whole.
    pub fn run(&mut self, output: &mut [u8], until: usize) -> Result<bool, Error> {
        let until = until.min(output.len());
        let Self {
            rc,
            model,
            props,
            state,
            reps,
            pos,
        } = self;
        let (mut state, mut pos) = (*state, *pos);
        let pos_mask = (1usize << props.pb) - 1;
        let lp_mask = (1usize << props.lp) - 1;
        let lc = props.lc;
        while pos < until {
            let pos_state = pos & pos_mask;
            if rc.bit(&mut model.is_match[(state << 4) + pos_state]) == 0 {
                let previous = if pos > 0 { output[pos - 1] as usize } else { 0 };
                let context = ((pos & lp_mask) << lc) + (previous >> (8 - lc));
                let probs = &mut model.literal[0x300 * context..0x300 * (context + 1)];
                let mut symbol = 1usize;
                if state >= 7 {
                    // After a match: the byte at the last distance guides the first bits.
                    let mut matched = output[pos - reps[0] - 1] as usize;
                    while symbol < 0x100 {
                        let match_bit = (matched >> 7) & 1;
                        matched <<= 1;
                        let bit = rc.bit(&mut probs[((1 + match_bit) << 8) + symbol]) as usize;
                        symbol = (symbol << 1) | bit;
                        if match_bit != bit {
                            break;
                        }
                    }
                }
                while symbol < 0x100 {
                    symbol = (symbol << 1) | rc.bit(&mut probs[symbol]) as usize;
                }
                output[pos] = symbol as u8;
                pos += 1;
                state = after_literal(state);
                continue;
            }
            let len;
            if rc.bit(&mut model.is_rep[state]) != 0 {
                if pos == 0 {
                    return Err(Error::Corrupt);
                }
                if rc.bit(&mut model.is_rep_g0[state]) == 0 {
                    if rc.bit(&mut model.is_rep0_long[(state << 4) + pos_state]) == 0 {
                        output[pos] = output[pos - reps[0] - 1];
                        pos += 1;
                        state = after_short_rep(state);
                        continue;
                    }
                } else {
                    let distance;
                    if rc.bit(&mut model.is_rep_g1[state]) == 0 {
                        distance = reps[1];
                    } else {
                        if rc.bit(&mut model.is_rep_g2[state]) == 0 {
                            distance = reps[2];
                        } else {
                            distance = reps[3];
                            reps[3] = reps[2];
                        }
                        reps[2] = reps[1];
                    }
                    reps[1] = reps[0];
                    reps[0] = distance;
                }
                len = model.rep_len.decode(rc, pos_state);
                state = after_rep(state);
            } else {
                reps[3] = reps[2];
                reps[2] = reps[1];
                reps[1] = reps[0];
                len = model.len.decode(rc, pos_state);
                state = after_match(state);
                let distance = model.distance(rc, len);
                if distance == END_MARKER || distance as usize >= pos {
                    // An end marker before the output is full, or a distance before its start.
                    return Err(if distance == END_MARKER {
                        Error::Length
                    } else {
                        Error::Corrupt
                    });
                }
                reps[0] = distance as usize;
            }
            let len = len + MIN_MATCH;
            if len > output.len() - pos {
                return Err(Error::Length);
            }
            copy_match(output, pos, reps[0] + 1, len);
            pos += len;
        }
        (self.state, self.pos) = (state, pos);
        if pos < output.len() {
            return Ok(false);
        }
        end_marker(&mut self.rc, &mut self.model, state, pos & pos_mask)?;
        self.rc.finish()?;
        Ok(true)
    }
}

/// `len` bytes at `pos` copied from `distance` back, overlapping where `distance < len` (a run).
#[inline(always)]
fn copy_match(output: &mut [u8], pos: usize, distance: usize, len: usize) {
    let from = pos - distance;
    if distance >= len {
        output.copy_within(from..from + len, pos);
    } else {
        for i in 0..len {
            output[pos + i] = output[from + i];
        }
    }
}

/// After the last byte, the end marker: a match whose distance is [`END_MARKER`]. Anything else
/// there is damage, or a stream longer than its header said.
fn end_marker(
    rc: &mut RangeDecoder,
    model: &mut Model,
    state: usize,
    pos_state: usize,
) -> Result<(), Error> {
    if rc.bit(&mut model.is_match[(state << 4) + pos_state]) == 0
        || rc.bit(&mut model.is_rep[state]) != 0
    {
        return Err(Error::Length);
    }
    let len = model.len.decode(rc, pos_state);
    if model.distance(rc, len) != END_MARKER {
        return Err(Error::Length);
    }
    Ok(())
}
