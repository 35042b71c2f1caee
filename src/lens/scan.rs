//! Word-at-a-time byte search ("SWAR"): test eight bytes with a few integer operations instead
//! of eight compares. The reader spends most of its time inside long strings (descriptions,
//! improvement texts) and the line index inside long lines; both only need to find the next
//! interesting byte. Plain `u64` arithmetic, so it is portable and fast in wasm too.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// High bit set in every byte of `word` that is zero. Bytes above the first zero byte may be
/// flagged wrongly (borrow propagation), but the lowest flagged byte is always exact, which is
/// all the searches below use.
#[inline(always)]
fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGHS
}

/// Flags the bytes equal to `byte` (same caveat as [`zero_bytes`]).
#[inline(always)]
fn equal_bytes(word: u64, byte: u8) -> u64 {
    zero_bytes(word ^ (ONES * u64::from(byte)))
}

/// Flags the bytes below `n`, for n ≤ 128 (same caveat).
#[inline(always)]
fn less_bytes(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGHS
}

/// The first offset ≥ `from` whose byte `flags` marks, scanning eight bytes at a time;
/// `bytes.len()` when there is none.
// An index loop, always inlined with its helpers: the release build optimises for size, which
// left a call per word (the chunk iterator's `next`) and per flag test in this, the reader's
// hottest loop (`Lens.parse` profile in Node, issue 11).
#[inline(always)]
fn find(bytes: &[u8], from: usize, flags: impl Fn(u64) -> u64, is: impl Fn(u8) -> bool) -> usize {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let found = flags(load(chunk));
        if found != 0 {
            // Little-endian: the lowest flagged byte is the first one in the text.
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if is(b) {
            return at;
        }
        at += 1;
    }
    bytes.len()
}

/// The first offset ≥ `from` that holds `"`, `\` or a control character (< 0x20): the bytes
/// that end the plain run of a JSON string. `bytes.len()` when there is none.
pub fn string_special(bytes: &[u8], from: usize) -> usize {
    find(
        bytes,
        from,
        |w| equal_bytes(w, b'"') | equal_bytes(w, b'\\') | less_bytes(w, 0x20),
        |b| b == b'"' || b == b'\\' || b < 0x20,
    )
}

/// The first offset ≥ `from` that holds `\n` or `\r`; `bytes.len()` when there is none.
pub fn line_break(bytes: &[u8], from: usize) -> usize {
    find(
        bytes,
        from,
        |w| equal_bytes(w, b'\n') | equal_bytes(w, b'\r'),
        |b| b == b'\n' || b == b'\r',
    )
}

/// Words of `bytes` (little-endian) and the leftover tail.
fn words(bytes: &[u8]) -> (impl Iterator<Item = u64> + '_, &[u8]) {
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    (chunks.map(load), tail)
}

/// An 8-byte chunk as a little-endian word. Spelled out element by element: the optimizer
/// then sees a plain 8-byte load, where a fallible `try_into` left a check in the loop.
#[inline(always)]
pub fn load(c: &[u8]) -> u64 {
    u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])
}

/// How many characters the UTF-8 `bytes` hold: the bytes that are not continuation bytes
/// (`10xx_xxxx`).
pub fn chars(bytes: &[u8]) -> usize {
    let (words, tail) = words(bytes);
    // A continuation byte has bit 7 set and bit 6 clear.
    let continuations: usize = words
        .map(|w| (w & !(w << 1) & HIGHS).count_ones() as usize)
        .sum::<usize>()
        + tail.iter().filter(|&&b| b & 0xc0 == 0x80).count();
    bytes.len() - continuations
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word-at-a-time search must agree with a plain loop at every start offset.
    #[test]
    fn agrees_with_a_plain_search() {
        let samples: [&[u8]; 5] = [
            b"abcdefghijklmnopqrstuvwxyz\"tail",
            b"0123456789abcdef\\x",
            b"\x7f\x80\xff\xc3\xa9 plain text with no end",
            b"tab\there and newline\n",
            b"line one\r\nline two\rthree\nfour",
        ];
        let mut owned: Vec<Vec<u8>> = samples.iter().map(|s| s.to_vec()).collect();
        // Plus pseudo-random buffers mixing ASCII, high bytes and every special byte.
        let mut seed: u32 = 12345;
        for _ in 0..3000 {
            let len = (seed % 40) as usize;
            let buf = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    let r = (seed >> 16) as u8;
                    match r % 8 {
                        0 => r % 0x21,
                        4 => b'\n',
                        5 => b'\r',
                        1 => b'"',
                        2 => b'\\',
                        3 => 0x80 | r,
                        _ => b'a' + r % 26,
                    }
                })
                .collect();
            owned.push(buf);
        }
        for bytes in owned.iter().map(Vec::as_slice) {
            for from in 0..=bytes.len() {
                let plain = (from..bytes.len())
                    .find(|&i| matches!(bytes[i], b'"' | b'\\') || bytes[i] < 0x20)
                    .unwrap_or(bytes.len());
                assert_eq!(string_special(bytes, from), plain);
                let plain = (from..bytes.len())
                    .find(|&i| matches!(bytes[i], b'\n' | b'\r'))
                    .unwrap_or(bytes.len());
                assert_eq!(line_break(bytes, from), plain);
                let rest = &bytes[from..];
                let plain = rest.iter().filter(|&&b| b & 0xc0 != 0x80).count();
                assert_eq!(chars(rest), plain);
            }
        }
    }
}
