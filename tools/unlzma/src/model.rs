//! The context-mixing model of the packed wasm, shared by the packer (src/bin/pack.rs, native) and the decoder
//! (src/lib.rs, wasm): both run this same code bit by bit, so they make the same predictions; only the
//! arithmetic coder differs. Integer arithmetic only (no floats), with `u32` hashes and indices, so that the
//! 64-bit packer and the 32-bit decoder agree bit for bit.
//!
//! The input is the split blob (tools/build/assemble.py's `split_code`): a header, the wasm's prefix and suffix,
//! then 14 streams of one kind of byte each (opcodes, local indices, constants, ...). The model reads the header
//! as it goes, so every later context knows which part of the blob the byte is in (`region`): the same bytes
//! mean different things in different streams.
//!
//! Each bit's probability comes from: an order-0 counter and hashed counters for the 1, 2 and 3 bytes before
//! and three sparse contexts (each with the region; in the opcodes' stream two of them are orders 4 and 6, in the
//! suffix, where the wasm's text is, one is the word so far), a match model (the byte after the last occurrence of
//! the 5 bytes before), mixed in the logistic domain by two small neural networks whose weights are chosen by the
//! region and: the bits of the byte so far and whether the match model predicts; the byte before. A final one
//! mixes their two outputs (its weights chosen by the region). Then two adaptive probability maps (SSE) refine
//! it. The design follows Matt Mahoney's lpaq1 (counters instead of its bit-history states); the code is our own. Measured on the 512,955-byte blob of a 564,678-byte wasm (LZMA: 162,610 B): 148,708 B with orders 4
//! and 6 too and three probes per nibble; 150,089 B without them, whose decoder takes about 30% less time (4x
//! CPU in Chromium: 2.0 s against 2.9 s); 149,698 B with the match model's say in the choice of weights.
//! Measured on the 512,152-byte blob of a 564,500-byte wasm, with the decoder's CPU time under Node (the whole
//! unpack, 4 runs): 146,379 B in 321-341 ms before this paragraph's changes. The hashed counters adapting faster
//! (`dt16`), orders 4 and 6 in the opcodes' stream, the word in the suffix and the final mixer: 144,240 B in
//! 360-370 ms. The second mixer (by the byte before): 142,193 B in 431-447 ms (in Chromium at 4x CPU, loaded
//! machine, 7 runs: unpack median 2,442 -> 3,528 ms, best 2,157 -> 2,838). Measured and left out: a third mixer
//! by the byte 2 before, 593 B smaller, and a fourth by the byte 3 before, 140 B more (each another 15-20% of
//! time); a second input per order (p - 1/2 beside stretch(p)), 0.6% larger; one mixer with 8 times the weight
//! sets (by 3 bits of the byte before), 430 B smaller than one mixer; contexts of the whole LEB128 items before in
//! the immediates' streams, larger.

/// Hashed context models (orders 1, 2, 3 and three sparse ones).
pub const ORDERS: usize = 6;
/// Mixer inputs: order 0, the hashed orders, the match model's two, a bias.
const INPUTS: usize = ORDERS + 4;
/// Each hashed order's table: 2^GROUP_BITS groups of 16 u16: a check, then the 15 counters of a nibble. 2^16
/// (12 MB for the six) measured 693 B smaller than 2^15 (on a 509,189-byte blob: 142,554 -> 141,861 B), for about
/// 5-10% more decoding time (fewer hits in the processor's cache).
pub const GROUP_BITS: u32 = 16;
const TABLE_BITS: u32 = GROUP_BITS + 4;
/// The match model's table of last positions: 2^MATCH_BITS entries.
pub const MATCH_BITS: u32 = 18;
/// Regions: the header, the prefix, the suffix, then one per stream.
const STREAMS: usize = 14;
const REGIONS: usize = 3 + STREAMS;
/// The header's size up to its pair count: u32 prefix, suffix, function count, one per stream.
const HEADER: u32 = (3 + STREAMS as u32) * 4;
/// The mixers: how many weight sets each has per region (`MIX_SETS`), where each one's sets start in the table.
const MIXERS: usize = 2;
const MIX_SETS: [usize; MIXERS] = [512, 256];
const MIX_BASE: [usize; MIXERS] = [0, REGIONS * 512];
const MIXER_SETS: usize = REGIONS * 768;
/// The final mixer's weights, one set of `MIXERS` per region.
const FINAL_LEN: usize = REGIONS * MIXERS;
const APM1: usize = REGIONS * 256;
/// The second APM's rows (of 33), by a hash of the byte before, the region and the byte's bits so far: 2^10 rows
/// (67 KB) stay in the processor's cache; 2^12 measured 40 B smaller and 10% slower.
const APM2_BITS: u32 = 10;

/// How many u32 a `Model` needs, in `Tables::new`'s order.
pub const MEMORY: usize = ORDERS << TABLE_BITS;
pub const MATCHES: usize = 1 << MATCH_BITS;

/// 4096 / (1 + e^(-d/256)) for d in -2048..=2048 by 128 (a property of the function, rounded).
const SQUASH: [i32; 33] = [
    1, 2, 4, 6, 10, 17, 27, 45, 74, 120, 194, 311, 488, 747, 1102, 1546, 2048, 2550, 2994, 3349,
    3608, 3785, 3902, 3976, 4022, 4051, 4069, 4079, 4086, 4090, 4092, 4094, 4095,
];

/// The probability (12 bits) of a logit `d` (8 fractional bits), by interpolation.
fn squash(d: i32) -> i32 {
    let d = d.clamp(-2047, 2047);
    let w = d & 127;
    let i = ((d >> 7) + 16) as usize;
    (SQUASH[i] * (128 - w) + SQUASH[i + 1] * w + 64) >> 7
}

/// A counter: the probability of a 1 in its high 22 bits, how often it was updated (up to `limit`) in its low
/// 10; it adapts fast at first, then more slowly.
#[inline(always)]
fn update(slot: &mut u32, y: u32, limit: u32, dt: &[i32; 1024]) {
    let s = *slot;
    let n = s & 1023;
    let p = (s >> 10) as i32;
    let s = if n < limit {
        s + 1
    } else {
        (s & !1023) | limit
    };
    let delta = (((y << 22) as i32 - p) >> 3).wrapping_mul(dt[n as usize]) as u32 & 0xFFFF_FC00;
    *slot = s.wrapping_add(delta);
}

const HALF: u32 = 1 << 31;

/// A small counter: the probability of a 1 in its high 12 bits, how often it was updated (up to `limit`, at most
/// 15) in its low 4.
#[inline(always)]
fn update16(slot: &mut u16, y: u32, limit: u16, dt: &[i32; 16]) {
    let s = *slot;
    let n = s & 15;
    let p = i32::from(s & 0xFFF0);
    let p = p + ((i64::from(((y as i32) << 16) - p) * i64::from(dt[n as usize])) >> 16) as i32;
    *slot = (p as u16 & 0xFFF0) | if n < limit { n + 1 } else { limit };
}

#[inline(always)]
fn hash(a: u32, b: u32) -> u32 {
    let h = a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA77).rotate_left(13);
    (h ^ (h >> 15)).wrapping_mul(0x2C1B_3C6D)
}

pub struct Model {
    /// The hashed orders' counters.
    t: &'static mut [u16],
    /// The match model's last positions.
    mt: &'static mut [u32],
    o0: &'static mut [u32],
    mixer: &'static mut [i32],
    apm1: &'static mut [u16],
    apm2: &'static mut [u16],
    stretch: &'static mut [i16; 4096],
    dt: &'static mut [i32; 1024],
    dt16: [i32; 16],
    match_sm: [u32; 64],

    /// The bits of the current byte so far, after a leading 1.
    c0: u32,
    bit: u32,
    /// The last 4 bytes, and the 4 before them.
    c4: u32,
    c8: u32,
    /// A hash of the letters since the last byte that is not one (ASCII case ignored; bytes from 128 count).
    word: u32,
    pos: u32,
    region: usize,
    /// Where each region ends (from the header).
    ends: [u32; REGIONS],
    hashes: [u32; ORDERS],
    /// Each order's 16 counters for the current nibble.
    base: [u32; ORDERS],
    idx: [usize; ORDERS + 1],
    st: [i32; INPUTS],
    /// Each mixer's weight set, its output (stretched) and its probability; the final mixer's weights and set.
    wset: [usize; MIXERS],
    xs: [i32; MIXERS],
    prs: [i32; MIXERS],
    fin: [i32; FINAL_LEN],
    fset: usize,
    pr_mix: i32,
    a1: usize,
    a2: usize,
    pr: i32,
    match_ptr: u32,
    match_len: u32,
    match_byte: u32,
    match_ctx: usize,
}

/// The memory a model works in: the caller's (static arrays in the decoder, the heap in the packer).
pub struct Tables {
    pub t: &'static mut [u16],
    pub mt: &'static mut [u32],
    pub o0: &'static mut [u32],
    pub dt: &'static mut [i32; 1024],
    pub mixer: &'static mut [i32],
    pub apm1: &'static mut [u16],
    pub apm2: &'static mut [u16],
    pub stretch: &'static mut [i16; 4096],
}

pub const O0_LEN: usize = REGIONS * 256;
pub const MIXER_LEN: usize = MIXER_SETS * INPUTS;
pub const APM1_LEN: usize = APM1 * 33;
pub const APM2_LEN: usize = (1 << APM2_BITS) * 33;

fn apm_init(a: &mut [u16]) {
    for (i, v) in a.iter_mut().enumerate() {
        *v = (squash((i % 33) as i32 * 128 - 2048) * 16) as u16;
    }
}

impl Model {
    /// A model in `tables`, whose `t` and `mt` must be zero (fresh memory: the decoder's module is used once, the
    /// packer's vectors are new), so that starting does not write 13 MB.
    pub fn new(tables: Tables) -> Model {
        let Tables {
            t,
            mt,
            o0,
            dt,
            mixer,
            apm1,
            apm2,
            stretch,
        } = tables;
        o0.fill(HALF);
        mixer.fill(1 << 14);
        apm_init(apm1);
        apm_init(apm2);
        let mut pi = 0;
        for x in -2047..=2047 {
            let v = squash(x) as usize;
            for s in stretch[pi..=v].iter_mut() {
                *s = x as i16;
            }
            pi = v + 1;
        }
        for s in stretch[pi..].iter_mut() {
            *s = 2047;
        }
        for (i, d) in dt.iter_mut().enumerate() {
            *d = 16384 / (i as i32 + i as i32 + 3);
        }
        let mut dt16 = [0; 16];
        for (i, d) in dt16.iter_mut().enumerate() {
            // From 0.92 of the way at the first update to 1/10 from the 15th: 2.2% smaller than 2/3 to 1/16.5.
            *d = 120000 / (i as i32 + 2);
        }
        let mut m = Model {
            dt16,
            t,
            mt,
            o0,
            mixer,
            apm1,
            apm2,
            stretch,
            dt,
            match_sm: [HALF; 64],
            c0: 1,
            bit: 0,
            c4: 0,
            c8: 0,
            word: 0,
            pos: 0,
            region: 0,
            ends: [u32::MAX; REGIONS],
            hashes: [0; ORDERS],
            base: [0; ORDERS],
            idx: [0; ORDERS + 1],
            st: [0; INPUTS],
            wset: [0; MIXERS],
            xs: [0; MIXERS],
            prs: [2048; MIXERS],
            fin: [65536 / MIXERS as i32; FINAL_LEN],
            fset: 0,
            pr_mix: 2048,
            a1: 0,
            a2: 0,
            pr: 2048,
            match_ptr: 0,
            match_len: 0,
            match_byte: 0,
            match_ctx: 0,
        };
        m.byte_contexts();
        m.nibble_contexts();
        m.predict();
        m
    }

    pub fn region(&self) -> usize {
        self.region
    }

    /// The probability (12 bits, 1..4095) that the next bit is a 1.
    #[inline(always)]
    pub fn p(&self) -> u32 {
        self.pr as u32
    }

    /// Each context's hash for the next byte, with the region: the 1, 2 and 3 bytes before; for tables of 4-byte
    /// numbers, the byte 4 before with the position in 4; the byte 2 before alone; the bytes 2 and 4 before with
    /// the 6 and 8 before (measured on the blob: -4.6 KB together). Orders 4 and 6 saved 1.2 KB more, for 30% of
    /// the decoding time. In the opcodes' stream (the last region) the fourth and fifth are orders 4 and 6 (-0.8
    /// KB); in the suffix the fifth is the word so far (-0.7 KB).
    fn byte_contexts(&mut self) {
        let r = self.region as u32;
        let (c4, c8) = (self.c4, self.c8);
        let mut ctx = [
            c4 & 0xFF,
            c4 & 0xFFFF,
            c4 & 0xFF_FFFF,
            c4 & 0xFF00_0000 | self.pos & 3,
            c4 & 0xFF00,
            hash(c4 & 0xFF00_FF00, c8 & 0xFF00_FF00),
        ];
        if self.region == 2 {
            ctx[4] = self.word;
        } else if self.region == REGIONS - 1 {
            ctx[3] = hash(c4, 1);
            ctx[4] = hash(c4, c8 & 0xFFFF);
        }
        for (i, h) in self.hashes.iter_mut().enumerate() {
            *h = hash(ctx[i], (r << 4) | i as u32);
        }
    }

    /// Finds each order's 16 for this nibble: the group (of two, in one 64-byte cache line) whose check matches,
    /// else the less used of them, emptied (three groups: 0.1% smaller, 15% slower).
    fn nibble_contexts(&mut self) {
        let c0 = self.c0;
        for i in 0..ORDERS {
            let h = hash(self.hashes[i], c0);
            let check = h as u16;
            let g = (h >> (32 - GROUP_BITS)) as usize;
            let table = i << TABLE_BITS;
            let mut pick = table | g << 4;
            let mut least = u16::MAX;
            for k in 0..2 {
                let at = table | (g ^ k) << 4;
                if self.t[at] == check {
                    pick = at;
                    least = u16::MAX;
                    break;
                }
                let used = self.t[at + 1] & 15;
                if used < least {
                    least = used;
                    pick = at;
                }
            }
            if least != u16::MAX {
                self.t[pick] = check;
                self.t[pick + 1..pick + 16].fill(0x8000);
            }
            self.base[i] = pick as u32;
        }
    }

    fn predict(&mut self) {
        // The counter within the nibble's 16: 1, then 2-3, 4-7, 8-15 as the nibble's bits come.
        let within = if self.bit < 4 {
            self.c0 as usize
        } else {
            (self.c0 as usize & ((1 << (self.bit - 4)) - 1)) | (1 << (self.bit - 4))
        };
        let within = within & 15;
        for i in 0..ORDERS {
            let j = self.base[i] as usize | within;
            self.idx[i] = j;
            self.st[i] = i32::from(self.stretch[(self.t[j] >> 4) as usize]);
        }
        let o0 = self.region << 8 | self.c0 as usize;
        self.idx[ORDERS] = o0;
        self.st[ORDERS] = i32::from(self.stretch[(self.o0[o0] >> 20) as usize]);
        // The match model: the bit the byte after the match predicts, if the bits so far agree.
        if self.match_len > 0 && (self.match_byte | 256) >> (8 - self.bit) == self.c0 {
            let expected = (self.match_byte >> (7 - self.bit)) & 1;
            self.match_ctx = (self.match_len.min(31) as usize) << 1 | expected as usize;
            let p = i32::from(self.stretch[(self.match_sm[self.match_ctx] >> 20) as usize]);
            self.st[ORDERS + 1] = p;
            self.st[ORDERS + 2] = if expected == 1 { 256 } else { -256 };
        } else {
            if self.match_len > 0 {
                self.match_len = 0;
            }
            self.match_ctx = 0;
            self.st[ORDERS + 1] = 0;
            self.st[ORDERS + 2] = 0;
        }
        self.st[ORDERS + 3] = 256;
        let c0 = self.c0 as usize;
        let sel = [
            usize::from(self.match_ctx > 0) << 8 | c0,
            (self.c4 & 0xFF) as usize,
        ];
        for k in 0..MIXERS {
            let set = (MIX_BASE[k] + self.region * MIX_SETS[k] + sel[k]) * INPUTS;
            self.wset[k] = set;
            let dot: i64 = self.mixer[set..set + INPUTS]
                .iter()
                .zip(self.st.iter())
                .map(|(&w, &x)| i64::from(w) * i64::from(x))
                .sum();
            let x = ((dot >> 16) as i32).clamp(-2047, 2047);
            self.xs[k] = x;
            self.prs[k] = squash(x);
        }
        self.fset = self.region * MIXERS;
        let dot: i64 = self.fin[self.fset..self.fset + MIXERS]
            .iter()
            .zip(self.xs.iter())
            .map(|(&w, &x)| i64::from(w) * i64::from(x))
            .sum();
        self.pr_mix = squash((dot >> 16) as i32);
        let s = i32::from(self.stretch[self.pr_mix as usize]) + 2048;
        let (lo, wt) = ((s >> 7) as usize, s & 127);
        self.a1 = (self.region << 8 | self.c0 as usize) * 33 + lo;
        let h2 = (hash(self.c4 & 0xFF | (self.region as u32) << 8, self.c0) >> (32 - APM2_BITS))
            as usize;
        self.a2 = h2 * 33 + lo;
        let p1 = (i32::from(self.apm1[self.a1]) * (128 - wt)
            + i32::from(self.apm1[self.a1 + 1]) * wt)
            >> 11;
        let p2 = (i32::from(self.apm2[self.a2]) * (128 - wt)
            + i32::from(self.apm2[self.a2 + 1]) * wt)
            >> 11;
        // Which of the two neighbours to train: the nearer.
        if wt >= 64 {
            self.a1 += 1;
            self.a2 += 1;
        }
        self.pr = ((self.pr_mix + p1 + p2 * 2 + 2) >> 2).clamp(1, 4095);
    }

    /// Learns bit `y` (0 or 1); `buf` is every byte so far (with this one, once its last bit is in).
    pub fn update(&mut self, y: u32, buf: &[u8]) {
        // The mixers: each weight moves along its input, by the error of its mixer's output.
        for k in 0..MIXERS {
            let err = ((y as i32) << 12) - self.prs[k];
            let w = &mut self.mixer[self.wset[k]..self.wset[k] + INPUTS];
            for (w, &x) in w.iter_mut().zip(self.st.iter()) {
                *w += (x * err) >> 11;
            }
        }
        let err = ((y as i32) << 12) - self.pr_mix;
        let w = &mut self.fin[self.fset..self.fset + MIXERS];
        for (w, &x) in w.iter_mut().zip(self.xs.iter()) {
            *w += (x * err) >> 13;
        }
        for &j in &self.idx[..ORDERS] {
            update16(&mut self.t[j], y, 15, &self.dt16);
        }
        update(&mut self.o0[self.idx[ORDERS]], y, 127, self.dt);
        if self.match_ctx > 0 {
            update(&mut self.match_sm[self.match_ctx], y, 1023, self.dt);
        }
        let target = (y << 16) as i32 - (y as i32);
        for (a, i) in [(&mut *self.apm1, self.a1), (&mut *self.apm2, self.a2)] {
            let v = i32::from(a[i]);
            a[i] = (v + ((target - v) >> 6)) as u16;
        }

        self.c0 = (self.c0 << 1) | y;
        self.bit += 1;
        if self.bit == 8 {
            let c = self.c0 & 0xFF;
            self.c8 = (self.c8 << 8) | (self.c4 >> 24);
            self.c4 = (self.c4 << 8) | c;
            self.c0 = 1;
            self.bit = 0;
            self.pos += 1;
            self.byte_done(c, buf);
            self.byte_contexts();
            self.nibble_contexts();
        } else if self.bit == 4 {
            self.nibble_contexts();
        }
        self.predict();
    }

    fn byte_done(&mut self, c: u32, buf: &[u8]) {
        let pos = self.pos;
        let letter = c | 32;
        self.word = if letter.wrapping_sub(u32::from(b'a')) < 26 || c >= 128 {
            hash(self.word, letter)
        } else {
            0
        };
        if pos == HEADER + 1 {
            // The header's lengths: the pairs end the header, then the prefix, the suffix, each stream.
            let u = |i: usize| {
                u32::from_le_bytes([buf[i * 4], buf[i * 4 + 1], buf[i * 4 + 2], buf[i * 4 + 3]])
            };
            let mut end = pos.saturating_add(c * 2);
            self.ends[0] = end;
            end = end.saturating_add(u(0));
            self.ends[1] = end;
            end = end.saturating_add(u(1));
            self.ends[2] = end;
            for i in 0..STREAMS {
                end = end.saturating_add(u(3 + i));
                self.ends[3 + i] = end;
            }
        }
        while self.region < REGIONS - 1 && pos >= self.ends[self.region] {
            self.region += 1;
        }
        // The match model.
        if self.match_len > 0 {
            self.match_len += 1;
            self.match_ptr += 1;
        }
        if pos >= 5 {
            let h = (hash(self.c4, self.c8 & 0xFF) >> (32 - MATCH_BITS)) as usize;
            if self.match_len == 0 {
                let ptr = self.mt[h];
                if ptr > 0 {
                    let mut len = 0;
                    while len < 32
                        && len < ptr
                        && buf[(ptr - 1 - len) as usize] == buf[(pos - 1 - len) as usize]
                    {
                        len += 1;
                    }
                    if len >= 5 {
                        self.match_len = len;
                        self.match_ptr = ptr;
                    }
                }
            }
            self.mt[h] = pos;
        }
        if self.match_len > 0 {
            self.match_byte = u32::from(buf[self.match_ptr as usize]);
        }
    }
}
