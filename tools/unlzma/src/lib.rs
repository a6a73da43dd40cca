//! The decoders of the wasm packed by tools/build/assemble.py, driven from static/lzma.js, in two builds: by
//! default the context-mixing decoder of the single file (src/cm.rs, with the model of src/model.rs that the
//! packer src/bin/pack.rs runs too), with `--features lzma` the LZMA decoder of the served site (src/lzma.rs). The
//! caller puts the packed stream and room for the output in this module's memory, calls `start`, then `run` in
//! slices until it returns `DONE` (or an error); the output is the split blob (the wasm with its code section's
//! instructions in streams by kind), which `unsplit`, then `unsplit_run` in slices, put back into the wasm; then
//! `crc32` over the wasm. A damaged stream gives an error code, never a loop without end (an index out of range
//! traps, which static/lzma.js reports as damage too).
#![cfg_attr(target_arch = "wasm32", no_std)]

use core::slice;

#[cfg(not(feature = "lzma"))]
mod cm;
#[cfg(feature = "lzma")]
mod lzma;
#[cfg(not(feature = "lzma"))]
#[allow(dead_code)]
mod model;

#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// `run`'s answers: more to do, finished, or what is wrong (each decoder has a few of its own).
const MORE: i32 = 0;
const DONE: i32 = 1;
const TRUNCATED: i32 = -1;
const BAD_END: i32 = -5;
const BAD_START: i32 = -6;
const BAD_SPLIT: i32 = -7;

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
