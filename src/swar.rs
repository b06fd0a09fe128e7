//! Eight bytes at a time in one `u64` ("SIMD within a register"): the byte tests the
//! scanners of the text share. A test gives bit 7 of each byte it holds for.

/// Bit 7 of every byte.
pub const HIGHS: u64 = 0x8080_8080_8080_8080;

/// `b` in each of the eight bytes.
#[inline(always)]
pub const fn bytes_of(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The bytes of `x` that are zero.
///
/// Exact, unlike the usual `(x - 0x01…) & !x & 0x80…` (which may flag a 0x01 byte
/// above a zero one): the low seven bits plus 0x7f reach bit 7 unless they are all
/// clear, with no carry out of a byte, and bit 7 itself is or'ed in.
#[inline(always)]
pub fn zero_bytes(x: u64) -> u64 {
    !(((x & !HIGHS) + !HIGHS) | x) & HIGHS
}

/// The bytes of `v`, each of seven bits (bit 7 clear), from `lo` to `hi`.
///
/// A byte `b` plus `0x80 - lo` reaches bit 7 when `b >= lo`, plus `0x7f - hi` when
/// `b > hi`; no sum passes 0xff, so no carry spills into the next byte.
#[inline(always)]
pub fn within(v: u64, lo: u8, hi: u8) -> u64 {
    (v + bytes_of(0x80 - lo)) & !(v + bytes_of(0x7f - hi)) & HIGHS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each test against its definition, for every byte in every lane among bytes of
    /// other kinds (a carry into or out of a lane would show).
    #[test]
    fn tests_hold_for_every_byte_in_every_lane() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut block = [0x00, 0x01, 0x7f, 0x80, 0xff, b'a', b' ', 0x41];
                block[lane] = b;
                let x = u64::from_le_bytes(block);
                for (k, &byte) in block.iter().enumerate() {
                    let bit = 0x80u64 << (8 * k);
                    assert_eq!(zero_bytes(x) & bit != 0, byte == 0, "{block:x?}");
                    let v = x & !HIGHS;
                    for (lo, hi) in [(b'0', b'9'), (b'a', b'z'), (0, 0x1e), (0x41, 0x7f)] {
                        assert_eq!(
                            within(v, lo, hi) & bit != 0,
                            (lo..=hi).contains(&(byte & 0x7f)),
                            "{block:x?} {lo:#x}..={hi:#x}"
                        );
                    }
                }
            }
        }
    }
}
