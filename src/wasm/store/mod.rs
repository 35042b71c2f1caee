//! The browser stores and the one store a JS `Workspace` holds.
//!
//! - [`indexeddb`]: the default in browsers, one database per workspace name; its database work
//!   is JS, held through [`js_store`].
//! - [`memory`]: `storage: "memory"`, the default in Node; a JS object too.
//! - [`localstorage`]: where IndexedDB is unavailable; in Rust, over gloo-storage.
//! - [`js_store`]: the bridge to a store written in JS: IndexedDB's, the memory store, or one
//!   the page hands in (the PouchDB store of team sync).
//! - [`BrowserStore`]: whichever of those `Workspace.open` chose.
//!   An enum rather than a `dyn Store`, because the `Store` trait has async methods and a
//!   generic one (`list_as`), which make it not object-safe.

pub mod indexeddb;
pub mod js_store;
pub mod localstorage;
pub mod memory;

use serde::de::DeserializeOwned;

use crate::store::{Document, ListingText, RawRecord, Store, StoreError, TypedDocument, Write};
use js_store::JsStore;
use localstorage::LocalStorageStore;

/// The store a JS workspace keeps its documents in, chosen by `Workspace.open({storage})`.
pub enum BrowserStore {
    LocalStorage(LocalStorageStore),
    Js(JsStore),
}

impl BrowserStore {
    /// The `storage` name that chose it (a JS store's own `kind`), as `workspace.storage`
    /// reports it.
    pub fn kind(&self) -> &str {
        match self {
            BrowserStore::LocalStorage(_) => "localstorage",
            BrowserStore::Js(s) => s.kind(),
        }
    }
}

/// Calls the same method on whichever backend this is. (Boxing the JS store's futures here
/// was measured, with four backends: it made the engine 0.8 KiB gzip larger, not smaller.)
macro_rules! each_backend {
    ($store:expr, $s:ident => $call:expr) => {
        match $store {
            BrowserStore::LocalStorage($s) => $call,
            BrowserStore::Js($s) => $call,
        }
    };
}

impl Store for BrowserStore {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError> {
        each_backend!(self, s => s.get(id).await)
    }

    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError> {
        each_backend!(self, s => s.list(prefix).await)
    }

    async fn list_as<T: DeserializeOwned>(
        &self,
        prefix: &str,
    ) -> Result<Vec<TypedDocument<T>>, StoreError> {
        each_backend!(self, s => s.list_as(prefix).await)
    }

    async fn list_text(&self, prefix: &str) -> Result<Option<ListingText>, StoreError> {
        each_backend!(self, s => s.list_text(prefix).await)
    }

    async fn list_raw(&self, prefix: &str) -> Result<Vec<RawRecord>, StoreError> {
        each_backend!(self, s => s.list_raw(prefix).await)
    }

    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError> {
        each_backend!(self, s => s.commit(writes).await)
    }
}
