//! Taking one entry out of a small `BTreeMap` without `BTreeMap::remove`.
//!
//! `remove` rebalances the tree (merging and stealing between nodes), and that code is compiled
//! again for every map type that calls it: about 1.2 KiB gzip of engine each. The maps the
//! workspace edits this way are small (a workload's lens summaries, a review's pillar notes), so
//! building them again with `insert`, which every map type already has, costs nothing seen.
//! The memory store's documents, a large map, keep a deleted record as a gap instead.

use std::collections::BTreeMap;

/// Takes `key`'s entry out of `map`, as `BTreeMap::remove` does; `None` when it has none.
pub fn remove<K: Ord, V>(map: &mut BTreeMap<K, V>, key: &K) -> Option<V> {
    let mut removed = None;
    for (k, v) in std::mem::take(map) {
        if k == *key {
            removed = Some(v);
        } else {
            map.insert(k, v);
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_out_one_entry_as_btreemap_remove_does() {
        let map: BTreeMap<String, u32> = [("a", 1), ("b", 2), ("c", 3)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        for key in ["a", "b", "c", "d"] {
            let (mut ours, mut std) = (map.clone(), map.clone());
            assert_eq!(
                remove(&mut ours, &key.to_string()),
                std.remove(key),
                "{key}"
            );
            assert_eq!(ours, std, "{key}");
        }
        let mut empty: BTreeMap<String, u32> = BTreeMap::new();
        assert_eq!(remove(&mut empty, &"a".to_string()), None);
        assert!(empty.is_empty());
    }
}
