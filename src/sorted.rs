//! Stable sorting with one copy of the sort algorithm in the wasm module.
//!
//! `slice::sort_by_key` is generic over the element, the key and the closure, so each call
//! site instantiated std's whole stable sort (driftsort: a quicksort, a merge, small-sort
//! networks) again: 65 sort functions in the engine for a dozen call sites. Here only the
//! positions are sorted, through a comparator behind `&dyn`, so the algorithm exists once;
//! each call site adds a few lines that move its elements into the sorted order. The sorts in
//! the engine are over tens to a few thousand items, where the indirection costs nothing seen.
//!
//! `sorted_map::SortedMap::from_iter` sorts its pairs through here too, where collecting into a
//! std `BTreeMap` compiled a copy of driftsort per pair type.

use std::cmp::Ordering;

/// Sorts `items` by `key`, keeping the order of items with equal keys (as `sort_by_key`).
pub fn by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by `compare`, keeping the order of items it calls equal (as `sort_by`).
pub fn by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by `key`, computing each item's key once (as `sort_by_cached_key`).
pub fn by_cached_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = positions(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// Puts `items` in `order` (a permutation of their positions).
fn permute<T>(items: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The positions `0..len` in sorted order, ties by position: the one instantiation of std's
/// sort in the module.
#[inline(never)]
pub fn positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    // Ties broken by position make the order total, so the smaller unstable sort gives the
    // stable order.
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_key_orders_and_keeps_ties_in_place() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn by_cached_key_computes_each_key_once() {
        let calls = std::cell::Cell::new(0);
        let mut items = vec!["b", "a", "c", "a"];
        by_cached_key(&mut items, |s| {
            calls.set(calls.get() + 1);
            s.to_string()
        });
        assert_eq!(items, ["a", "a", "b", "c"]);
        assert_eq!(calls.get(), 4);
    }

    #[test]
    fn by_matches_std_stable_sort_on_many_ties() {
        let mut ours: Vec<(u8, usize)> = (0..500).map(|i| ((i * 7919 % 13) as u8, i)).collect();
        let mut std_sorted = ours.clone();
        std_sorted.sort_by_key(|p| std::cmp::Reverse(p.0));
        by(&mut ours, |a, b| b.0.cmp(&a.0));
        assert_eq!(ours, std_sorted);
    }
}
