//! The context-mixing decoder of the single file's packed wasm: a binary arithmetic decoder over the model of
//! src/model.rs, which the packer (src/bin/pack.rs) runs too, so both make the same prediction for every bit.
//! About ten times slower than LZMA (src/lzma.rs), 11% fewer bytes.

use crate::model::{self, Model, Tables};
use crate::{BAD_END, BAD_START, DONE, MORE, TRUNCATED};
use core::ptr::addr_of_mut;
use core::slice;

/// The code left the coder's interval: a damaged stream.
const CORRUPT: i32 = -8;
/// The packed format's version (the first byte of its header; static/lzma.js passes it to `start`).
const FORMAT: u32 = 0xC1;

struct Decoder {
    input: &'static [u8],
    out: &'static mut [u8],
    in_pos: usize,
    out_pos: usize,
    /// The arithmetic coder's interval and the code in it (as the packer's `encode`).
    x1: u32,
    x2: u32,
    x: u32,
    model: Model,
}

impl Decoder {
    /// Decodes until at least `limit` bytes are out, or all are.
    fn run(&mut self, limit: usize) -> i32 {
        let limit = limit.min(self.out.len());
        while self.out_pos < limit {
            let mut c = 1u32;
            while c < 0x100 {
                let (x1, x2, x) = (self.x1, self.x2, self.x);
                // The code always lies in the interval: if it does not, the stream is damaged.
                if x < x1 || x > x2 {
                    return CORRUPT;
                }
                let xmid = x1 + ((x2 - x1) >> 12) * self.model.p();
                let y = u32::from(x <= xmid);
                if y == 1 {
                    self.x2 = xmid;
                } else {
                    self.x1 = xmid + 1;
                }
                while (self.x1 ^ self.x2) & 0xFF00_0000 == 0 {
                    let Some(&byte) = self.input.get(self.in_pos) else {
                        return TRUNCATED;
                    };
                    self.in_pos += 1;
                    self.x1 <<= 8;
                    self.x2 = (self.x2 << 8) | 255;
                    self.x = (self.x << 8) | u32::from(byte);
                }
                c = (c << 1) | y;
                if c >= 0x100 {
                    self.out[self.out_pos] = c as u8;
                    self.out_pos += 1;
                }
                self.model.update(y, &self.out[..self.out_pos]);
            }
        }
        if self.out_pos < self.out.len() {
            return MORE;
        }
        // The packer ends with its interval's low end, all four bytes: nothing may follow, and the code is it.
        if self.in_pos != self.input.len() || self.x != self.x1 {
            return BAD_END;
        }
        DONE
    }
}
/// The model's memory (src/model.rs): about 14 MB, zero until `start`, thrown away with the module. The counters'
/// groups of 32 bytes in pairs on 64-byte cache lines.
#[repr(align(64))]
struct Counters([u16; model::MEMORY]);
static mut T: Counters = Counters([0; model::MEMORY]);
static mut MT: [u32; model::MATCHES] = [0; model::MATCHES];
static mut O0: [u32; model::O0_LEN] = [0; model::O0_LEN];
static mut DT: [i32; 1024] = [0; 1024];
static mut MIXER: [i32; model::MIXER_LEN] = [0; model::MIXER_LEN];
static mut APM1: [u16; model::APM1_LEN] = [0; model::APM1_LEN];
static mut APM2: [u16; model::APM2_LEN] = [0; model::APM2_LEN];
static mut STRETCH: [i16; 4096] = [0; 4096];
static mut DECODER: Option<Decoder> = None;

/// Starts decoding the packed stream at address `input` (`input_len` bytes) into `out` (`out_len` bytes); `format`
/// is the first byte of the packed header, which must be `FORMAT`. `MORE`, or `BAD_START`.
#[no_mangle]
#[allow(static_mut_refs)]
pub extern "C" fn start(
    input: usize,
    input_len: usize,
    out: usize,
    out_len: usize,
    format: u32,
) -> i32 {
    // SAFETY: one thread (the page's), one call at a time.
    let d = unsafe { &mut *addr_of_mut!(DECODER) };
    // Once per module (static/lzma.js instantiates one for each payload): the model's tables start zero.
    if format != FORMAT || input_len < 4 || d.is_some() {
        return BAD_START;
    }
    // SAFETY: as above; the caller (static/lzma.js) gives two disjoint regions
    // of this module's memory, above its data (and the tables above).
    let (input, out, tables) = unsafe {
        (
            slice::from_raw_parts(input as *const u8, input_len),
            slice::from_raw_parts_mut(out as *mut u8, out_len),
            Tables {
                t: &mut (*addr_of_mut!(T)).0,
                mt: &mut *addr_of_mut!(MT),
                o0: &mut *addr_of_mut!(O0),
                dt: &mut *addr_of_mut!(DT),
                mixer: &mut *addr_of_mut!(MIXER),
                apm1: &mut *addr_of_mut!(APM1),
                apm2: &mut *addr_of_mut!(APM2),
                stretch: &mut *addr_of_mut!(STRETCH),
            },
        )
    };
    let x = u32::from_be_bytes([input[0], input[1], input[2], input[3]]);
    *d = Some(Decoder {
        input,
        out,
        in_pos: 4,
        out_pos: 0,
        x1: 0,
        x2: u32::MAX,
        x,
        model: Model::new(tables),
    });
    MORE
}

/// Decodes until at least `limit` bytes are out. `MORE`, `DONE` (all out, the stream used up exactly and ended
/// cleanly), or an error code.
#[no_mangle]
#[allow(static_mut_refs)]
pub extern "C" fn run(limit: usize) -> i32 {
    // SAFETY: as in `start`.
    match unsafe { &mut *addr_of_mut!(DECODER) } {
        Some(d) => d.run(limit),
        None => BAD_START,
    }
}

/// How many bytes are out so far.
#[no_mangle]
#[allow(static_mut_refs)]
pub extern "C" fn out_pos() -> usize {
    // SAFETY: as in `start`.
    unsafe { &*addr_of_mut!(DECODER) }
        .as_ref()
        .map_or(0, |d| d.out_pos)
}
