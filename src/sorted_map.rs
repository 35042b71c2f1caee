//! Ordered maps and sets kept as one sorted `Vec`.
//!
//! The engine's maps hold a few entries to a few thousand (a workload's lens summaries, a
//! review's choices, the names of a workspace's workloads) and are mostly filled in key order,
//! from stored JSON whose objects were written sorted. std's `BTreeMap` compiled its node
//! code (search, insert with splits, iteration, drop) again for every key and value type, about
//! 35 KiB raw of the wasm engine; a sorted `Vec` needs a binary search and `Vec::insert`. Filling
//! one from an iterator sorts through `sorted::by`, the module's one sort.
//!
//! The API is the part of `BTreeMap`/`BTreeSet` the engine uses, with the same meaning:
//! iteration in key order, `insert` replacing a value and returning the old one, maps written
//! and read by serde as maps.

use std::borrow::Borrow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A map whose entries are kept sorted by key in one `Vec`.
#[derive(Clone, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Where `key` is (`Ok`), or where it would go (`Err`).
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// Sets `key` to `value`; the value it replaced, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        // Entries mostly arrive in key order: appending needs no search.
        match self.entries.last() {
            Some((last, _)) if *last < key => {
                self.entries.push((key, value));
                return None;
            }
            None => {
                self.entries.push((key, value));
                return None;
            }
            _ => {}
        }
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|at| &self.entries[at].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Takes `key`'s entry out; its value, if it had one.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        match self.find(key) {
            Ok(at) => Some(self.entries.remove(at).1),
            Err(_) => None,
        }
    }

    /// `key`'s value, inserted with `make` first when it has none.
    fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let at = match self.find(&key) {
            Ok(at) => at,
            Err(at) => {
                self.entries.insert(at, (key, make()));
                at
            }
        };
        &mut self.entries[at].1
    }

    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        Entry { map: self, key }
    }
}

impl<K, V> SortedMap<K, V> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.entries.iter())
    }

    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        IterMut(self.entries.iter_mut())
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn into_values(self) -> impl DoubleEndedIterator<Item = V> + ExactSizeIterator {
        self.entries.into_iter().map(|(_, v)| v)
    }

    /// Keeps the entries `keep` says yes to, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }
}

/// A key's place in a [`SortedMap`], as `BTreeMap::entry` gives it.
pub struct Entry<'a, K, V> {
    map: &'a mut SortedMap<K, V>,
    key: K,
}

impl<'a, K: Ord, V> Entry<'a, K, V> {
    pub fn or_insert_with(self, make: impl FnOnce() -> V) -> &'a mut V {
        self.map.get_or_insert_with(self.key, make)
    }

    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.map.get_or_insert_with(self.key, V::default)
    }
}

/// The entries by reference, in key order.
pub struct Iter<'a, K, V>(std::slice::Iter<'a, (K, V)>);

impl<'a, K, V> Iterator for Iter<'a, K, V> {
    type Item = (&'a K, &'a V);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V> DoubleEndedIterator for Iter<'_, K, V> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k, v))
    }
}

impl<K, V> ExactSizeIterator for Iter<'_, K, V> {}

impl<K, V> Clone for Iter<'_, K, V> {
    fn clone(&self) -> Self {
        Iter(self.0.clone())
    }
}

/// The entries with their values writable, in key order.
pub struct IterMut<'a, K, V>(std::slice::IterMut<'a, (K, V)>);

impl<'a, K, V> Iterator for IterMut<'a, K, V> {
    type Item = (&'a K, &'a mut V);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (&*k, v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

/// The entries taken out, in key order.
pub struct IntoIter<K, V>(std::vec::IntoIter<(K, V)>);

impl<K, V> Iterator for IntoIter<K, V> {
    type Item = (K, V);
    fn next(&mut self) -> Option<(K, V)> {
        self.0.next()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl<K, V> DoubleEndedIterator for IntoIter<K, V> {
    fn next_back(&mut self) -> Option<(K, V)> {
        self.0.next_back()
    }
}

impl<K, V> ExactSizeIterator for IntoIter<K, V> {}

impl<K, V> IntoIterator for SortedMap<K, V> {
    type Item = (K, V);
    type IntoIter = IntoIter<K, V>;
    fn into_iter(self) -> IntoIter<K, V> {
        IntoIter(self.entries.into_iter())
    }
}

impl<'a, K, V> IntoIterator for &'a SortedMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;
    fn into_iter(self) -> Iter<'a, K, V> {
        self.iter()
    }
}

impl<'a, K, V> IntoIterator for &'a mut SortedMap<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = IterMut<'a, K, V>;
    fn into_iter(self) -> IterMut<'a, K, V> {
        self.iter_mut()
    }
}

impl<K: Ord, V> Extend<(K, V)> for SortedMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, pairs: I) {
        for (k, v) in pairs {
            self.insert(k, v);
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SortedMap<K, V> {
    /// Later pairs replace earlier ones with the same key, as in `BTreeMap`.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut pairs: Vec<(K, V)> = pairs.into_iter().collect();
        // One sort for the lot instead of an insertion each; stable, so of equal keys the
        // last one given ends up last, and it is the one kept.
        if !pairs.windows(2).all(|w| w[0].0 < w[1].0) {
            crate::sorted::by(&mut pairs, |a, b| a.0.cmp(&b.0));
        }
        let mut entries: Vec<(K, V)> = Vec::with_capacity(pairs.len());
        for (k, v) in pairs {
            match entries.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => entries.push((k, v)),
            }
        }
        SortedMap { entries }
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for SortedMap<K, V> {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl<K: Ord + Borrow<Q>, V, Q: Ord + ?Sized> std::ops::Index<&Q> for SortedMap<K, V> {
    type Output = V;
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry found for key")
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for SortedMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Serialize, V: Serialize> Serialize for SortedMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (k, v) in self {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for SortedMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(PhantomData<(K, V)>);

        impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for MapVisitor<K, V> {
            type Value = SortedMap<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = SortedMap::new();
                while let Some((k, v)) = access.next_entry()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }

        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// A set whose members are kept sorted in one `Vec`.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SortedSet<T> {
    members: Vec<T>,
}

impl<T: Ord> SortedSet<T> {
    pub fn new() -> Self {
        SortedSet {
            members: Vec::new(),
        }
    }

    /// Adds `member`; `false` when it was already there (as `BTreeSet::insert`).
    pub fn insert(&mut self, member: T) -> bool {
        match self.members.binary_search(&member) {
            Ok(_) => false,
            Err(at) => {
                self.members.insert(at, member);
                true
            }
        }
    }

    pub fn contains<Q: Ord + ?Sized>(&self, member: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.members
            .binary_search_by(|m| m.borrow().cmp(member))
            .is_ok()
    }
}

impl<T> SortedSet<T> {
    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.members.iter()
    }
}

impl<T> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.members.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.members.iter()
    }
}

impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, members: I) {
        for m in members {
            self.insert(m);
        }
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(members: I) -> Self {
        let mut set = SortedSet::new();
        set.extend(members);
        set
    }
}

impl<T: fmt::Debug> fmt::Debug for SortedSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use proptest::prelude::*;

    use super::*;

    /// One edit, applied to a `SortedMap` and a `BTreeMap` alike.
    #[derive(Debug, Clone)]
    enum Edit {
        Insert(u8, u16),
        Remove(u8),
        AddToEntry(u8, u16),
        KeepEven,
    }

    fn edit() -> impl Strategy<Value = Edit> {
        // Few keys, so that inserts replace and removes find entries.
        prop_oneof![
            (0u8..24, any::<u16>()).prop_map(|(k, v)| Edit::Insert(k, v)),
            (0u8..24).prop_map(Edit::Remove),
            (0u8..24, any::<u16>()).prop_map(|(k, v)| Edit::AddToEntry(k, v)),
            Just(Edit::KeepEven),
        ]
    }

    proptest! {
        #[test]
        fn edits_leave_the_same_map_as_btreemap(edits in prop::collection::vec(edit(), 0..80)) {
            let mut ours: SortedMap<String, u32> = SortedMap::new();
            let mut std: BTreeMap<String, u32> = BTreeMap::new();
            for e in edits {
                match e {
                    Edit::Insert(k, v) => prop_assert_eq!(
                        ours.insert(k.to_string(), v.into()),
                        std.insert(k.to_string(), v.into())
                    ),
                    Edit::Remove(k) => {
                        prop_assert_eq!(ours.remove(&k.to_string()), std.remove(&k.to_string()))
                    }
                    Edit::AddToEntry(k, v) => {
                        *ours.entry(k.to_string()).or_default() += u32::from(v);
                        *std.entry(k.to_string()).or_default() += u32::from(v);
                    }
                    Edit::KeepEven => {
                        ours.retain(|_, v| *v % 2 == 0);
                        std.retain(|_, v| *v % 2 == 0);
                    }
                }
                prop_assert!(ours.iter().eq(std.iter()));
            }
            prop_assert_eq!(ours.len(), std.len());
            for k in 0u8..24 {
                let k = k.to_string();
                prop_assert_eq!(ours.get(k.as_str()), std.get(k.as_str()));
                prop_assert_eq!(ours.contains_key(k.as_str()), std.contains_key(k.as_str()));
            }
            // Written and read back by serde exactly as a BTreeMap is.
            let text = serde_json::to_string(&ours).unwrap();
            prop_assert_eq!(&text, &serde_json::to_string(&std).unwrap());
            let back: SortedMap<String, u32> = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(back, ours.clone());
            let value = serde_json::from_str(&text).unwrap();
            let read: SortedMap<String, u32> = crate::value_reader::from_value(value).unwrap();
            prop_assert_eq!(read, ours);
        }

        #[test]
        fn collecting_pairs_keeps_the_last_of_equal_keys(
            pairs in prop::collection::vec((0u8..16, any::<u16>()), 0..60)
        ) {
            let ours: SortedMap<u8, u16> = pairs.iter().copied().collect();
            let std: BTreeMap<u8, u16> = pairs.iter().copied().collect();
            prop_assert!(ours.into_iter().eq(std));
        }

        #[test]
        fn sets_behave_as_btreeset(members in prop::collection::vec(0u16..40, 0..60)) {
            let mut ours = SortedSet::new();
            let mut std = BTreeSet::new();
            for m in members {
                prop_assert_eq!(ours.insert(m), std.insert(m));
            }
            prop_assert!(ours.iter().eq(std.iter()));
            for m in 0..40 {
                prop_assert_eq!(ours.contains(&m), std.contains(&m));
            }
            prop_assert_eq!(ours.len(), std.len());
        }
    }

    #[test]
    fn a_map_that_is_not_a_map_is_refused_as_serde_refuses_it() {
        let got = serde_json::from_str::<SortedMap<String, u32>>("[1]").unwrap_err();
        assert_eq!(
            got.to_string(),
            "invalid type: sequence, expected a map at line 1 column 0"
        );
        let got = serde_json::from_str::<SortedMap<String, u32>>(r#"{"a": "x"}"#).unwrap_err();
        assert!(
            got.to_string()
                .starts_with("invalid type: string \"x\", expected u32"),
            "{got}"
        );
    }
}
