//! The IndexedDB backend: the browser's default store.
//!
//! The database work is JS (`indexeddb.js`, a wasm-bindgen snippet next to this file): the
//! browser's API is JS, and driving it from Rust through the `idb` crate cost 11.5 KiB gzip of
//! the engine in futures, closure shims and error mapping. That module resolves to a
//! `DocumentStore` object, which the engine holds through the same bridge as a store the page
//! hands in ([`JsStore`]); this file opens it and offers what only this backend has (its
//! schema record, closing, deleting a database). The schema versions, the upgrade steps and
//! the one-transaction commit are described and done there.

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::js_store::{thrown, JsStore};
use crate::store::{Document, RawRecord, Store, StoreError, Write};
use crate::wasm::js_json;

/// The schema this release writes (`SCHEMA_VERSION` in `indexeddb.js`, which walks the steps).
pub const SCHEMA_VERSION: u32 = 2;
/// The database name when the app gives none.
pub const DEFAULT_NAME: &str = "plumbline";

#[wasm_bindgen(module = "/src/wasm/store/indexeddb.js")]
extern "C" {
    #[wasm_bindgen(js_name = openDatabase, catch)]
    async fn open_database(name: &str) -> Result<JsValue, JsValue>;
}

/// The `meta/schema` record (v2 on): which schema the data is in and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SchemaInfo {
    pub schema_version: u32,
    /// When this database got its `meta` store (its creation, or the v1→v2 upgrade).
    pub created_at: String,
    /// The version the database had before the upgrade that wrote this record (0: new database).
    pub upgraded_from: u32,
    pub upgraded_at: String,
}

/// An open connection to one Plumbline database, as the store a workspace holds.
#[derive(Debug)]
pub struct IndexedDbStore(JsStore);

impl IndexedDbStore {
    /// Opens (creating or upgrading) the database `name` at [`SCHEMA_VERSION`]. A blocked
    /// upgrade (another tab holds an older version open) and a database from a newer release
    /// are `Unavailable`, at once rather than a page that hangs.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        let object = open_database(name).await.map_err(thrown)?;
        JsStore::opened_by_engine(object).map(IndexedDbStore)
    }

    /// The `meta/schema` record.
    pub async fn schema_info(&self) -> Result<SchemaInfo, StoreError> {
        let value = self.0.call("schemaInfo", &JsValue::UNDEFINED).await?;
        js_json::from_js(&value).map_err(|e| StoreError::Corrupted {
            id: "schema".into(),
            message: e.0,
        })
    }

    /// Closes the connection. Pending transactions still finish; later calls are `Unavailable`.
    pub fn close(&self) {
        self.0.close();
    }

    /// The store, for a workspace.
    pub fn into_store(self) -> JsStore {
        self.0
    }
}

/// The store's own methods, for the tests of the `Store` contract; a workspace holds the
/// [`JsStore`] itself ([`IndexedDbStore::into_store`]), so the shipped engine has no copy.
impl Store for IndexedDbStore {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError> {
        self.0.get(id).await
    }

    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError> {
        self.0.list(prefix).await
    }

    async fn list_raw(&self, prefix: &str) -> Result<Vec<RawRecord>, StoreError> {
        self.0.list_raw(prefix).await
    }

    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError> {
        self.0.commit(writes).await
    }
}
