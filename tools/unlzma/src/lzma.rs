//! The LZMA1 decoder of the served site's packed wasm (assets/charm-offensive.HASH.lzma; built with
//! `--features lzma`): a plain reading of Igor Pavlov's public-domain LZMA specification (LzmaSpec.cpp). It decodes
//! about ten times as fast as the context-mixing decoder (src/cm.rs) that the single file uses, for 12% more bytes:
//! on the site, where the page's time to interactive counts, speed wins. Every read and write is bounds-checked: a
//! damaged stream gives an error code, never a loop without end (a size that overflows may trap, which
//! static/lzma.js reports as damage too).

use crate::{BAD_END, BAD_START, DONE, MORE, TRUNCATED};
use core::slice;

/// LZMA's own answers (besides the shared ones).
const TOO_LONG: i32 = -2;
const BAD_DISTANCE: i32 = -3;
const TOO_SHORT: i32 = -4;

const IS_REP: usize = 192;
const IS_REP_G0: usize = 204;
const IS_REP_G1: usize = 216;
const IS_REP_G2: usize = 228;
const IS_REP0_LONG: usize = 240;
const POS_SLOT: usize = 432;
const SPEC_POS: usize = 688;
const ALIGN: usize = 803;
const LEN: usize = 819;
const REP_LEN: usize = 1333;
const LITERAL: usize = 1847;
/// lc + lp is at most 4 (as in LZMA2): the literal coders fit in a fixed table.
const PROBS: usize = LITERAL + (0x300 << 4);

struct Decoder {
    input: &'static [u8],
    out: &'static mut [u8],
    in_pos: usize,
    out_pos: usize,
    range: u32,
    code: u32,
    state: usize,
    reps: [usize; 4],
    lc: u32,
    lp_mask: usize,
    pb_mask: usize,
    probs: [u16; PROBS],
}

struct Truncated;

impl Decoder {
    #[inline(always)]
    fn normalize(&mut self) -> Result<(), Truncated> {
        if self.range < 1 << 24 {
            let Some(&byte) = self.input.get(self.in_pos) else {
                return Err(Truncated);
            };
            self.in_pos += 1;
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(byte);
        }
        Ok(())
    }

    #[inline(always)]
    fn bit(&mut self, i: usize) -> Result<usize, Truncated> {
        let p = u32::from(self.probs[i]);
        let bound = (self.range >> 11) * p;
        let b = if self.code < bound {
            self.range = bound;
            self.probs[i] = (p + ((2048 - p) >> 5)) as u16;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            self.probs[i] = (p - (p >> 5)) as u16;
            1
        };
        self.normalize()?;
        Ok(b)
    }

    fn tree(&mut self, base: usize, bits: u32) -> Result<usize, Truncated> {
        let mut m = 1;
        for _ in 0..bits {
            m = (m << 1) | self.bit(base + m)?;
        }
        Ok(m - (1 << bits))
    }

    fn reverse_tree(&mut self, base: usize, bits: u32) -> Result<usize, Truncated> {
        let (mut m, mut symbol) = (1, 0);
        for i in 0..bits {
            let b = self.bit(base + m)?;
            m = (m << 1) | b;
            symbol |= b << i;
        }
        Ok(symbol)
    }

    fn direct(&mut self, bits: u32) -> Result<u32, Truncated> {
        let mut result = 0u32;
        for _ in 0..bits {
            self.range >>= 1;
            let b = u32::from(self.code >= self.range);
            if b == 1 {
                self.code -= self.range;
            }
            result = (result << 1) | b;
            self.normalize()?;
        }
        Ok(result)
    }

    fn length(&mut self, base: usize, pos_state: usize) -> Result<usize, Truncated> {
        if self.bit(base)? == 0 {
            return self.tree(base + 2 + (pos_state << 3), 3);
        }
        if self.bit(base + 1)? == 0 {
            return Ok(8 + self.tree(base + 130 + (pos_state << 3), 3)?);
        }
        Ok(16 + self.tree(base + 258, 8)?)
    }

    /// The distance minus one; `u32::MAX` is the end marker.
    fn distance(&mut self, len: usize) -> Result<u32, Truncated> {
        let slot = self.tree(POS_SLOT + (len.min(3) << 6), 6)? as u32;
        if slot < 4 {
            return Ok(slot);
        }
        let bits = (slot >> 1) - 1;
        let dist = (2 | (slot & 1)) << bits;
        if slot < 14 {
            let base = SPEC_POS + dist as usize - slot as usize;
            return Ok(dist + self.reverse_tree(base, bits)? as u32);
        }
        let high = self.direct(bits - 4)? << 4;
        Ok(dist
            .wrapping_add(high)
            .wrapping_add(self.reverse_tree(ALIGN, 4)? as u32))
    }

    fn literal(&mut self) -> Result<(), Truncated> {
        let pos = self.out_pos;
        let prev = if pos > 0 { self.out[pos - 1] } else { 0 };
        let ctx = ((pos & self.lp_mask) << self.lc) + (usize::from(prev) >> (8 - self.lc));
        let base = LITERAL + 0x300 * ctx;
        let mut symbol = 1;
        if self.state >= 7 {
            let mut matched = usize::from(self.out[pos - self.reps[0] - 1]);
            while symbol < 0x100 {
                let match_bit = (matched >> 7) & 1;
                matched <<= 1;
                let b = self.bit(base + ((1 + match_bit) << 8) + symbol)?;
                symbol = (symbol << 1) | b;
                if match_bit != b {
                    break;
                }
            }
        }
        while symbol < 0x100 {
            symbol = (symbol << 1) | self.bit(base + symbol)?;
        }
        self.out[pos] = symbol as u8;
        self.out_pos = pos + 1;
        self.state = match self.state {
            0..=3 => 0,
            4..=9 => self.state - 3,
            _ => self.state - 6,
        };
        Ok(())
    }

    /// Decodes until at least `limit` bytes are out, or the end marker.
    fn run(&mut self, limit: usize) -> Result<i32, Truncated> {
        let size = self.out.len();
        while self.out_pos < limit {
            let pos_state = self.out_pos & self.pb_mask;
            let state = self.state;
            if self.bit((state << 4) | pos_state)? == 0 {
                if self.out_pos >= size {
                    return Ok(TOO_LONG);
                }
                self.literal()?;
                continue;
            }
            let len;
            if self.bit(IS_REP + state)? == 1 {
                if self.out_pos == 0 {
                    return Ok(BAD_DISTANCE);
                }
                if self.bit(IS_REP_G0 + state)? == 0 {
                    if self.bit(IS_REP0_LONG + ((state << 4) | pos_state))? == 0 {
                        if self.out_pos >= size {
                            return Ok(TOO_LONG);
                        }
                        self.state = if state < 7 { 9 } else { 11 };
                        self.out[self.out_pos] = self.out[self.out_pos - self.reps[0] - 1];
                        self.out_pos += 1;
                        continue;
                    }
                } else {
                    let dist;
                    if self.bit(IS_REP_G1 + state)? == 0 {
                        dist = self.reps[1];
                    } else {
                        if self.bit(IS_REP_G2 + state)? == 0 {
                            dist = self.reps[2];
                        } else {
                            dist = self.reps[3];
                            self.reps[3] = self.reps[2];
                        }
                        self.reps[2] = self.reps[1];
                    }
                    self.reps[1] = self.reps[0];
                    self.reps[0] = dist;
                }
                len = self.length(REP_LEN, pos_state)?;
                self.state = if state < 7 { 8 } else { 11 };
            } else {
                self.reps = [0, self.reps[0], self.reps[1], self.reps[2]];
                len = self.length(LEN, pos_state)?;
                self.state = if state < 7 { 7 } else { 10 };
                let dist = self.distance(len)?;
                if dist == u32::MAX {
                    return Ok(DONE);
                }
                if dist as usize >= self.out_pos {
                    return Ok(BAD_DISTANCE);
                }
                self.reps[0] = dist as usize;
            }
            let len = len + 2;
            if self.out_pos + len > size {
                return Ok(TOO_LONG);
            }
            let from = self.out_pos - self.reps[0] - 1;
            if self.reps[0] + 1 >= len {
                self.out.copy_within(from..from + len, self.out_pos);
            } else {
                for i in 0..len {
                    self.out[self.out_pos + i] = self.out[from + i];
                }
            }
            self.out_pos += len;
        }
        Ok(MORE)
    }
}

static mut DECODER: Decoder = Decoder {
    input: &[],
    out: &mut [],
    in_pos: 0,
    out_pos: 0,
    range: 0,
    code: 0,
    state: 0,
    reps: [0; 4],
    lc: 0,
    lp_mask: 0,
    pb_mask: 0,
    probs: [0; PROBS],
};

#[allow(static_mut_refs)]
fn decoder() -> &'static mut Decoder {
    // SAFETY: one decoder, used by one thread (the page's), one call at a time.
    unsafe { &mut DECODER }
}

/// Starts decoding the raw LZMA1 stream at address `input` (`input_len` bytes) into `out` (`out_len` bytes) with
/// properties `props` ((pb * 5 + lp) * 9 + lc). `MORE`, or an error code.
#[no_mangle]
pub extern "C" fn start(
    input: usize,
    input_len: usize,
    out: usize,
    out_len: usize,
    props: u32,
) -> i32 {
    let (lc, lp, pb) = (props % 9, props / 9 % 5, props / 45);
    if props >= 225 || lc + lp > 4 || input_len < 5 {
        return BAD_START;
    }
    let d = decoder();
    // SAFETY: the caller (static/lzma.js) gives two disjoint regions of this module's memory, above its data.
    unsafe {
        d.input = slice::from_raw_parts(input as *const u8, input_len);
        d.out = slice::from_raw_parts_mut(out as *mut u8, out_len);
    }
    if d.input[0] != 0 {
        return BAD_START;
    }
    d.code = u32::from_be_bytes([d.input[1], d.input[2], d.input[3], d.input[4]]);
    d.range = u32::MAX;
    if d.code == u32::MAX {
        return BAD_START;
    }
    d.in_pos = 5;
    d.out_pos = 0;
    d.state = 0;
    d.reps = [0; 4];
    d.lc = lc;
    d.lp_mask = (1 << lp) - 1;
    d.pb_mask = (1 << pb) - 1;
    d.probs.fill(1024);
    MORE
}

/// Decodes until at least `limit` bytes are out. `MORE`, `DONE` (the end marker, exactly at the end of the
/// output, with the range coder finished cleanly), or an error code.
#[no_mangle]
pub extern "C" fn run(limit: usize) -> i32 {
    let d = decoder();
    match d.run(limit) {
        Err(Truncated) => TRUNCATED,
        Ok(DONE) if d.out_pos != d.out.len() => TOO_SHORT,
        Ok(DONE) if d.code != 0 => BAD_END,
        Ok(answer) => answer,
    }
}

/// How many bytes are out so far.
#[no_mangle]
pub extern "C" fn out_pos() -> usize {
    decoder().out_pos
}
