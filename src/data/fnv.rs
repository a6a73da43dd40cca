//! The checksum that ties `src/data/frozen.rs` to the files it was made from: FNV-1a (64 bits) over each
//! file's bytes, each file ended by a zero byte. One definition for the test that writes the file
//! (`freeze.rs`) and for build.rs, which uses the frozen views only while the sums agree.

/// The sum of no file.
pub const START: u64 = 0xcbf2_9ce4_8422_2325;

/// `sum` with one more file's `bytes` (and its closing zero byte) added.
pub fn add(sum: u64, bytes: &[u8]) -> u64 {
    bytes.iter().chain([&0]).fold(sum, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
