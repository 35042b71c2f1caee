//! Where the reader keeps the children of every object and array: two growing lists of chunks,
//! one for object members and one for array items, that live as long as the tree.
//!
//! Why: a lens file has thousands of small objects and arrays. As one `Vec` each, reading one
//! cost a heap allocation per container and dropping the tree walked it recursively and freed
//! each of them again, about a tenth of `Lens.parse`. Here a container's children are copied
//! into the current chunk when it closes (its slice never moves: a chunk is never grown past
//! the capacity it was made with), and the whole tree is let go in a few frees.

use std::cell::RefCell;

use super::value::{Member, Value};

/// The children of one tree's containers. Make one, hand it to [`read`](super::read), and keep
/// it while the tree is used.
#[derive(Default)]
pub struct Arena<'a> {
    pub(super) members: Chunks<Member<'a>>,
    pub(super) items: Chunks<Value<'a>>,
}

impl std::fmt::Debug for Arena<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Arena")
    }
}

/// The first chunk's capacity in elements; each next one doubles, up to [`LARGEST`].
const FIRST: usize = 64;
const LARGEST: usize = 16 * 1024;

pub(super) struct Chunks<T> {
    chunks: RefCell<Vec<Vec<T>>>,
}

impl<T> Default for Chunks<T> {
    fn default() -> Self {
        Chunks {
            chunks: RefCell::new(Vec::new()),
        }
    }
}

impl<T> Chunks<T> {
    /// Moves `children` (the tail of the reader's scratch list) into the arena and returns
    /// them as a slice that lives as long as the arena.
    pub(super) fn keep(&self, children: std::vec::Drain<'_, T>) -> &[T] {
        let count = children.len();
        if count == 0 {
            return &[];
        }
        let mut chunks = self.chunks.borrow_mut();
        let fits = chunks
            .last()
            .is_some_and(|chunk| chunk.capacity() - chunk.len() >= count);
        if !fits {
            let next = chunks
                .last()
                .map_or(FIRST, |chunk| (chunk.capacity() * 2).min(LARGEST));
            chunks.push(Vec::with_capacity(next.max(count)));
        }
        let chunk = chunks
            .last_mut()
            .expect("a chunk with room was just ensured");
        let start = chunk.len();
        chunk.extend(children);
        debug_assert_eq!(chunk.len(), start + count);
        let kept = chunk[start..].as_ptr();
        // SAFETY: the elements sit in the heap buffer of a chunk that is never grown past the
        // capacity it was made with (checked above), never shrunk and never dropped before the
        // arena, so they stay where they are for as long as `&self` lives. Nothing hands out a
        // mutable reference to them, and `keep` only ever appends after them.
        unsafe { std::slice::from_raw_parts(kept, count) }
    }
}

#[cfg(test)]
mod tests {
    use super::Chunks;

    #[test]
    fn kept_slices_stay_put_as_chunks_fill_and_new_ones_start() {
        let chunks = Chunks::<String>::default();
        let mut scratch = Vec::new();
        let mut kept = Vec::new();
        // Sizes that fill the first chunk, overflow it, and exceed a whole chunk at once.
        for (round, size) in [3, 50, 20, 0, 200, 1].into_iter().enumerate() {
            scratch.extend((0..size).map(|i| format!("{round}:{i}")));
            kept.push((round, size, chunks.keep(scratch.drain(..))));
        }
        for (round, size, slice) in kept {
            let expected: Vec<String> = (0..size).map(|i| format!("{round}:{i}")).collect();
            assert_eq!(slice, expected.as_slice());
        }
    }
}
