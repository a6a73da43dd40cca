//! LZMA1 decoder for the wasm packed by tools/build/assemble.py, driven from static/lzma.js: a plain reading
//! of Igor Pavlov's public-domain LZMA specification (LzmaSpec.cpp), as static/lzma.js was before, compiled
//! to wasm because it runs about twice as fast there. The caller puts the packed stream and room for the
//! output in this module's memory, calls `start`, then `run` in slices until it returns `DONE` (or an error);
//! the output is the split blob (the wasm with its code section's instructions in streams by kind), which
//! `unsplit`, then `unsplit_run` in slices, put back into the wasm; then `crc32` over the wasm. Every read and
//! write is bounds-checked: a damaged stream gives an error code, never a loop without end (a size that
//! overflows may trap, which static/lzma.js reports as damage too).
#![no_std]

use core::slice;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// `run`'s answers: more to do, finished, or what is wrong.
const MORE: i32 = 0;
const DONE: i32 = 1;
const TRUNCATED: i32 = -1;
const TOO_LONG: i32 = -2;
const BAD_DISTANCE: i32 = -3;
const TOO_SHORT: i32 = -4;
const BAD_END: i32 = -5;
const BAD_START: i32 = -6;
const BAD_SPLIT: i32 = -7;

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

static mut CRC_TABLE: [u32; 256] = [0; 256];

/// The CRC-32 of `len` bytes at `at`, with the reversed polynomial `poly` (zlib's is 0xEDB88320).
#[no_mangle]
#[allow(static_mut_refs)]
pub extern "C" fn crc32(at: usize, len: usize, poly: u32) -> u32 {
    // SAFETY: one thread. The table is filled here at run time from the caller's polynomial (with a constant
    // one the compiler writes the table into this module: 1 KB of incompressible data).
    let table = unsafe { &mut CRC_TABLE };
    for (n, entry) in table.iter_mut().enumerate() {
        let mut c = n as u32;
        for _ in 0..8 {
            c = if c & 1 == 1 { poly ^ (c >> 1) } else { c >> 1 };
        }
        *entry = c;
    }
    // SAFETY: as in `start`, a region of this module's memory.
    let bytes = unsafe { slice::from_raw_parts(at as *const u8, len) };
    !bytes.iter().fold(!0u32, |crc, &b| {
        table[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8)
    })
}

/// The code section's streams, in the order of the unpacked blob (tools/build/assemble.py's `SPLIT_STREAMS`).
const OP: usize = 13;
const LGET: usize = 0;
const LOCAL: usize = 1;
const I32: usize = 2;
const I32_MEM: usize = 3;
const I32_SMALL: usize = 4;
const OFFSET: usize = 5;
const CALL: usize = 6;
const I64: usize = 7;
const BLOCK_TYPE: usize = 8;
const LOCALS: usize = 9;
const BR: usize = 10;
const GLOBAL: usize = 11;
const MISC: usize = 12;
const STREAMS: usize = 14;
/// In the opcode stream: `i32.const` with a one-byte immediate, in the `I32_SMALL` stream; `PAIRS + n` is the
/// header's n-th (opcode, one-byte immediate) pair (at most 16: 0xF0-0xFF are opcodes' prefixes).
const SMALL_I32: u8 = 0xDF;
const PAIRS: u8 = 0xE0;

/// A bad split blob (`unsplit`'s error).
struct Bad;

/// One of the blob's streams, read from the front.
#[derive(Clone, Copy)]
struct Stream {
    at: usize,
    end: usize,
}

struct Unsplit {
    blob: &'static [u8],
    out: &'static mut [u8],
    pos: usize,
    /// The bodies still to rebuild.
    funcs: usize,
    /// Where the pairs and the suffix are in the blob.
    pairs: core::ops::Range<usize>,
    suffix: core::ops::Range<usize>,
    s: [Stream; STREAMS],
}

impl Unsplit {
    fn byte(&mut self, s: usize) -> Result<u8, Bad> {
        let st = &mut self.s[s];
        if st.at >= st.end {
            return Err(Bad);
        }
        st.at += 1;
        Ok(self.blob[st.at - 1])
    }

    fn put(&mut self, b: u8) -> Result<(), Bad> {
        *self.out.get_mut(self.pos).ok_or(Bad)? = b;
        self.pos += 1;
        Ok(())
    }

    /// Copies one LEB128 number from stream `s` to the output and returns its value (low 32 bits).
    fn leb(&mut self, s: usize) -> Result<u32, Bad> {
        let (mut value, mut shift) = (0u32, 0);
        loop {
            let b = self.byte(s)?;
            self.put(b)?;
            value |= u32::from(b & 0x7F).wrapping_shl(shift);
            shift += 7;
            if b < 0x80 {
                return Ok(value);
            }
        }
    }

    fn lebs(&mut self, s: usize, n: u32) -> Result<(), Bad> {
        for _ in 0..n {
            self.leb(s)?;
        }
        Ok(())
    }

    fn bytes(&mut self, s: usize, n: u32) -> Result<(), Bad> {
        for _ in 0..n {
            let b = self.byte(s)?;
            self.put(b)?;
        }
        Ok(())
    }

    /// One function body's locals and instructions, up to its final `end`.
    fn body(&mut self, pairs: &[u8]) -> Result<(), Bad> {
        let n = self.leb(LOCALS)?;
        self.lebs(LOCALS, n.checked_mul(2).ok_or(Bad)?)?;
        let mut depth = 0u32;
        loop {
            let op = self.byte(OP)?;
            let i = usize::from(op.wrapping_sub(PAIRS)) * 2;
            if let Some(pair) = pairs.get(i..i + 2) {
                let (a, b) = (pair[0], pair[1]);
                self.put(a)?;
                self.put(b)?;
                continue;
            }
            if op == SMALL_I32 {
                self.put(0x41)?;
                self.bytes(I32_SMALL, 1)?;
                continue;
            }
            self.put(op)?;
            match op {
                0x02..=0x04 => {
                    depth += 1;
                    self.leb(BLOCK_TYPE)?;
                }
                0x0B if depth == 0 => return Ok(()),
                0x0B => depth -= 1,
                0x0C | 0x0D => {
                    self.leb(BR)?;
                }
                0x0E => {
                    let n = self.leb(BR)?;
                    self.lebs(BR, n.checked_add(1).ok_or(Bad)?)?;
                }
                0x10 | 0xD2 => {
                    self.leb(CALL)?;
                }
                0x11 => self.lebs(MISC, 2)?,
                0x1C => {
                    let n = self.leb(MISC)?;
                    self.lebs(MISC, n)?;
                }
                0x20 => {
                    self.leb(LGET)?;
                }
                0x21 | 0x22 => {
                    self.leb(LOCAL)?;
                }
                0x23 | 0x24 => {
                    self.leb(GLOBAL)?;
                }
                0x25 | 0x26 | 0x3F | 0x40 | 0xD0 => {
                    self.leb(MISC)?;
                }
                0x28..=0x3E => {
                    self.leb(OP)?;
                    self.leb(OFFSET)?;
                }
                0x41 => {
                    // Followed by a load or store: an address, in a stream of its own.
                    let next = self.s[OP];
                    let address = next.at < next.end && (0x28..=0x3E).contains(&self.blob[next.at]);
                    self.leb(if address { I32_MEM } else { I32 })?;
                }
                0x42 => {
                    self.leb(I64)?;
                }
                0x43 => self.bytes(MISC, 4)?,
                0x44 => self.bytes(MISC, 8)?,
                0xFC => {
                    let n = match self.leb(OP)? {
                        9 | 11 | 13 | 15..=17 => 1,
                        8 | 10 | 12 | 14 => 2,
                        _ => 0,
                    };
                    self.lebs(MISC, n)?;
                }
                _ => {}
            }
        }
    }

    /// Reads the header and puts the prefix in place.
    fn start(&mut self) -> Result<(), Bad> {
        let u32_at = |blob: &[u8], i: usize| -> Result<usize, Bad> {
            let b = blob.get(i * 4..i * 4 + 4).ok_or(Bad)?;
            Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
        };
        let (prefix, suffix) = (u32_at(self.blob, 0)?, u32_at(self.blob, 1)?);
        self.funcs = u32_at(self.blob, 2)?;
        let mut at = (3 + STREAMS) * 4;
        let npairs = usize::from(*self.blob.get(at).ok_or(Bad)?);
        self.pairs = at + 1..at + 1 + npairs * 2;
        at = self.pairs.end;
        let prefix_at = at;
        self.suffix = at + prefix..at + prefix + suffix;
        at = self.suffix.end;
        for i in 0..STREAMS {
            let end = at + u32_at(self.blob, 3 + i)?;
            self.s[i] = Stream { at, end };
            at = end;
        }
        if at != self.blob.len() || prefix + suffix > self.out.len() {
            return Err(Bad);
        }
        self.out[..prefix].copy_from_slice(&self.blob[prefix_at..prefix_at + prefix]);
        self.pos = prefix;
        Ok(())
    }

    /// Rebuilds bodies until at least `limit` bytes are out; the suffix after the last. `true` when all is out.
    fn run(&mut self, limit: usize) -> Result<bool, Bad> {
        let blob = self.blob;
        let pairs = &blob[self.pairs.clone()];
        // Each body goes 5 bytes on (the longest size a u32 takes), then moves back behind its size.
        while self.funcs > 0 && self.pos < limit {
            self.funcs -= 1;
            let start = self.pos;
            self.pos += 5;
            self.body(pairs)?;
            let mut size = self.pos - start - 5;
            let body = start + 5..self.pos;
            self.pos = start;
            loop {
                let more = size >= 0x80;
                self.put((size as u8 & 0x7F) | (u8::from(more) << 7))?;
                size >>= 7;
                if !more {
                    break;
                }
            }
            self.out.copy_within(body.clone(), self.pos);
            self.pos += body.len();
        }
        if self.funcs > 0 {
            return Ok(false);
        }
        let suffix = &blob[self.suffix.clone()];
        let rest = self
            .out
            .get_mut(self.pos..self.pos + suffix.len())
            .ok_or(Bad)?;
        rest.copy_from_slice(suffix);
        self.pos += suffix.len();
        if self.pos != self.out.len() || self.s.iter().any(|s| s.at != s.end) {
            return Err(Bad);
        }
        Ok(true)
    }
}

static mut UNSPLIT: Unsplit = Unsplit {
    blob: &[],
    out: &mut [],
    pos: 0,
    funcs: 0,
    pairs: 0..0,
    suffix: 0..0,
    s: [Stream { at: 0, end: 0 }; STREAMS],
};

/// Starts rebuilding the wasm (`out_len` bytes at `out`) from the split blob that `run` unpacked (`blob_len` bytes
/// at `blob`): the wasm before its code section's bodies, the wasm after them, and the bodies' bytes in streams by
/// kind, put back in order by reading the opcodes (the format: tools/build/assemble.py's `split_code`). `MORE`, or
/// `BAD_SPLIT`.
#[no_mangle]
#[allow(static_mut_refs)]
pub extern "C" fn unsplit(blob: usize, blob_len: usize, out: usize, out_len: usize) -> i32 {
    // SAFETY: one thread, one call at a time; as in `start`, two disjoint regions of this module's memory.
    let u = unsafe { &mut UNSPLIT };
    unsafe {
        u.blob = slice::from_raw_parts(blob as *const u8, blob_len);
        u.out = slice::from_raw_parts_mut(out as *mut u8, out_len);
    }
    match u.start() {
        Ok(()) => MORE,
        Err(Bad) => BAD_SPLIT,
    }
}

/// Rebuilds until at least `limit` bytes of the wasm are out. `MORE`, `DONE` (the blob filled the output exactly,
/// every stream read to its end), or `BAD_SPLIT`.
#[no_mangle]
#[allow(static_mut_refs)]
pub extern "C" fn unsplit_run(limit: usize) -> i32 {
    // SAFETY: as in `unsplit`.
    let u = unsafe { &mut UNSPLIT };
    match u.run(limit) {
        Ok(true) => DONE,
        Ok(false) => MORE,
        Err(Bad) => BAD_SPLIT,
    }
}
