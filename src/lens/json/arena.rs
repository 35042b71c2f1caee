//! Where the reader keeps the children of every object and array: two growing lists of chunks,
//! one for object members and one for array items, that live as long as the tree.
//!
//! Why: a lens file has thousands of small objects and arrays. As one `Vec` each, reading one
//! cost a heap allocation per container and dropping the tree walked it recursively and freed
//! each of them again, about a tenth of `Lens.parse`. Here a container's children are copied
//! into the current chunk when it closes (its slice never moves: a chunk is never grown past
//! the capacity it was made with), and the whole tree is let go in a few frees.

use std::cell::UnsafeCell;

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
    /// Not a `RefCell`: only [`Chunks::keep`] touches the list, and it calls nothing that could
    /// reach this arena again, so there is never a second borrow to check for.
    chunks: UnsafeCell<Vec<Vec<T>>>,
}

impl<T> Default for Chunks<T> {
    fn default() -> Self {
        Chunks {
            chunks: UnsafeCell::new(Vec::new()),
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
        // SAFETY: the list is only ever reached here; this call makes no other reference to it
        // (moving the children out of the scratch list runs no code of this arena), and the
        // arena is not `Sync`, so this is the one reference to the list while it lives. The
        // slices handed out earlier point into the chunks' heap buffers, which this only
        // appends to (below), never moves or shrinks.
        let chunks = unsafe { &mut *self.chunks.get() };
        let fits = chunks
            .last()
            .is_some_and(|chunk| chunk.capacity() - chunk.len() >= count);
        if !fits {
            let next = chunks
                .last()
                .map_or(FIRST, |chunk| (chunk.capacity() * 2).min(LARGEST));
            chunks.push(Vec::with_capacity(next.max(count)));
        }
        let last = chunks.len() - 1;
        let chunk = &mut chunks[last];
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
