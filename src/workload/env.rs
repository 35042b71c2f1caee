//! What the core needs from the outside world: the time and random bytes.
//!
//! The core never reads a clock or an entropy source itself. In the browser the wasm layer
//! passes `Date.now()` and `crypto.getRandomValues`; tests pass [`DeterministicEnvironment`], so
//! that ids and timestamps are the same on every run.

use std::cell::Cell;

/// The clock and the entropy source of a [`super::Workspace`].
pub trait Environment {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    fn now(&self) -> u64;
    /// Fills `buf` with unpredictable bytes (ids are drawn from them).
    fn random_bytes(&self, buf: &mut [u8]);
}

/// A reproducible environment: the clock starts at `start` and advances by `step` milliseconds
/// at every reading; the bytes come from a SplitMix64 sequence seeded with `seed`.
#[derive(Debug)]
pub struct DeterministicEnvironment {
    next_time: Cell<u64>,
    step: u64,
    state: Cell<u64>,
}

impl DeterministicEnvironment {
    pub fn new(start: u64, step: u64, seed: u64) -> Self {
        DeterministicEnvironment {
            next_time: Cell::new(start),
            step,
            state: Cell::new(seed),
        }
    }
}

impl Environment for DeterministicEnvironment {
    fn now(&self) -> u64 {
        let t = self.next_time.get();
        self.next_time.set(t + self.step);
        t
    }

    fn random_bytes(&self, buf: &mut [u8]) {
        for chunk in buf.chunks_mut(8) {
            // SplitMix64: tiny, and every seed gives a full-period, well-mixed sequence.
            let s = self.state.get().wrapping_add(0x9e37_79b9_7f4a_7c15);
            self.state.set(s);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^= z >> 31;
            chunk.copy_from_slice(&z.to_le_bytes()[..chunk.len()]);
        }
    }
}

impl<E: Environment + ?Sized> Environment for &E {
    fn now(&self) -> u64 {
        (**self).now()
    }

    fn random_bytes(&self, buf: &mut [u8]) {
        (**self).random_bytes(buf)
    }
}

impl<E: Environment + ?Sized> Environment for Box<E> {
    fn now(&self) -> u64 {
        (**self).now()
    }

    fn random_bytes(&self, buf: &mut [u8]) {
        (**self).random_bytes(buf)
    }
}
