//! The `Workspace` class: workloads, their lens reviews, answers and milestones, kept in the
//! browser. This file opens and closes one and holds [`JsWorkspace::perform`], the helper
//! every method is written over (one core operation, run by one shared future; the full
//! engine's few composite methods use `call`); the methods live by area in the files below.
//!
//! - [`workloads`]: define, list, read, update, delete; associate and disassociate lenses.
//! - [`answers`]: answers, lens reviews and their notes, the improvement plan, answers files.
//! - [`backlog`]: the improvement plan as a backlog (an item's owner, status, due date, notes).
//! - [`exports`]: reports and tracker files to download, export data, the consolidated report
//!   (full engine only, like every method gated by the `full` feature: see Cargo.toml).
//! - [`milestones`]: milestones and the dashboard; [`compare`] (full engine): comparing them.
//! - [`lenses`]: the lenses a workspace offers, one lens, a custom lens's text;
//!   [`lens_edits`] (full engine): import a draft, publish a version, tag, delete.
//! - [`safety`]: damaged records, repair, and the whole workspace as one backup file.
//! - [`templates`]: review templates listed and read; [`template_edits`] (full engine): the
//!   rest of templates, their answers, "Update from template", template files.
//! - [`profiles`]: profiles listed, a workload's priorities, notifications; [`profile_edits`]
//!   (full engine): editing profiles and choosing a workload's.

mod answers;
mod backlog;
#[cfg(feature = "full")]
mod compare;
#[cfg(feature = "full")]
mod exports;
#[cfg(feature = "full")]
mod lens_edits;
mod lenses;
mod milestones;
#[cfg(feature = "full")]
mod profile_edits;
mod profiles;
mod safety;
#[cfg(feature = "full")]
mod template_edits;
mod templates;
mod workloads;

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::convert::{value, Args, Reply};
use super::dispose::{guard_disposal, WORKSPACE_DISPOSED, WORKSPACE_GUARDED};
use super::env::JsEnvironment;
use super::error::{invalid_argument, Thrown};
use super::store::indexeddb::{IndexedDbStore, DEFAULT_NAME};
use super::store::js_store::JsStore;
use super::store::localstorage::LocalStorageStore;
use super::store::{memory, BrowserStore};
use crate::catalog;
use crate::store::StoreError;
use crate::workload::operation::Operation;
use crate::workload::plan::{Planned, Planning};
use crate::workload::shipped::LensSource;
use crate::workload::turnstile::Turnstile;
use crate::workload::{Workspace, WorkspaceError};

/// What a JS `Workspace` handle drives: the core workspace, and the queue its calls wait in
/// ([`JsWorkspace::call`]). It derefs to the workspace so that every method reads
/// `ws.operation(...)`.
struct Core {
    workspace: Workspace<BrowserStore>,
    turns: Rc<Turnstile>,
}

impl std::ops::Deref for Core {
    type Target = Workspace<BrowserStore>;

    fn deref(&self) -> &Self::Target {
        &self.workspace
    }
}

/// `Workspace.open`'s argument.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct OpenOptions {
    storage: Option<String>,
    name: Option<String>,
}

/// The `store` option, read apart from the others: it is a live object, not JSON data. With a
/// store, the other options are read from a copy without it (the caller's object unchanged).
fn take_store(options: JsValue) -> Result<(JsValue, Option<JsStore>), JsValue> {
    let get = |key: &str| js_sys::Reflect::get(&options, &key.into()).unwrap_or_default();
    let store = if options.is_object() {
        get("store")
    } else {
        JsValue::UNDEFINED
    };
    if store.is_undefined() {
        return Ok((options, None));
    }
    let rest = js_sys::Object::new();
    for key in ["storage", "name", "lenses"] {
        let _ = js_sys::Reflect::set(&rest, &key.into(), &get(key));
    }
    let store = JsStore::new(store).map_err(|why| invalid_argument("store", &why))?;
    Ok((rest.into(), Some(store)))
}

/// One call's work once its arguments are read: the core call and its result as a JS value.
type Pending = Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>;

/// Workloads, their lens reviews, answers and milestones, kept in the browser.
///
/// ```javascript
/// const ws = await Workspace.open({ storage: "indexeddb" });
/// const w = await ws.defineWorkload({ workloadName: "Retail Website - North America", ... });
/// await ws.updateAnswer(w.workloadId, "wellarchitected", "priorities", { selectedChoices: [...] });
/// const review = await ws.getLensReview(w.workloadId, "wellarchitected");
/// ```
#[wasm_bindgen(js_name = Workspace)]
pub struct JsWorkspace {
    core: Rc<Core>,
}

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Opens the workspace `name` (default `"plumbline"`) in `storage`: `"indexeddb"` (the
    /// default where IndexedDB exists), `"localstorage"`, or `"memory"` (the default elsewhere,
    /// e.g. Node; nothing is kept). Rejects with `kind: "Unavailable"` when the storage cannot
    /// be used (blocked upgrade, data from a newer release, storage disabled). With `store`
    /// (a `DocumentStore` object, see `store::js_store`), the documents are kept there instead.
    /// The engine needs no shipped lens file to open: a call that needs one not given yet
    /// rejects with `kind: "Uninitialized"` and `lensAlias` (the glue gives both first, unless
    /// `loadLenses: false`).
    // The promise comes from `to_promise`, the module's one `future_to_promise` (an `async fn`
    // here compiled a second copy of its executor glue).
    #[wasm_bindgen(unchecked_return_type = "Promise<Workspace>")]
    pub fn open(
        #[wasm_bindgen(unchecked_optional_param_type = "OpenOptions")] options: JsValue,
    ) -> js_sys::Promise {
        to_promise(Box::pin(async move {
            Self::open_async(options).await.map(JsValue::from)
        }))
    }

    /// Which storage this workspace uses: `"indexeddb"`, `"localstorage"` or `"memory"`, or
    /// the `kind` of the store handed in (`"pouchdb"`).
    #[wasm_bindgen(getter, unchecked_return_type = "StorageKind | (string & {})")]
    pub fn storage(&self) -> String {
        self.core.store().kind().to_string()
    }

    /// Closes the database connection (IndexedDB); later calls reject with `Unavailable`.
    pub fn close(&self) {
        if let BrowserStore::Js(s) = self.core.store() {
            s.close();
        }
    }

    /// The records of a workspace kept in this engine's memory (`storage: "memory"`), as the
    /// store object that holds them, for the package's browser entry to open the full engine
    /// over the same records; `undefined` for any other storage. Not part of the API, and only
    /// in the lean engine: the full one has no other engine to hand its records to.
    #[cfg(not(feature = "full"))]
    #[wasm_bindgen(js_name = __memoryStore, skip_typescript)]
    pub fn memory_store(&self) -> JsValue {
        match self.core.store() {
            BrowserStore::Js(s) if s.kind() == "memory" => {
                s.engine_object().cloned().unwrap_or_default()
            }
            _ => JsValue::UNDEFINED,
        }
    }
}

impl JsWorkspace {
    /// `Workspace.open` for Rust callers (the wasm tests): the workspace itself, not a promise.
    pub async fn open_async(options: JsValue) -> Result<JsWorkspace, JsValue> {
        let (options, js_store) = take_store(options)?;
        let options: OpenOptions = if options.is_undefined() || options.is_null() {
            OpenOptions::default()
        } else {
            value(options, "options")?
        };
        let name = options.name.unwrap_or_else(|| DEFAULT_NAME.to_string());
        if name.trim().is_empty() || name.chars().count() > 100 {
            return Err(invalid_argument("name", "must be 1 to 100 characters"));
        }
        let storage = match options.storage {
            Some(s) => s,
            None if has_indexed_db() => "indexeddb".into(),
            None => "memory".into(),
        };
        let store_error = |e: StoreError| WorkspaceError::from(e).thrown();
        let store = match storage.as_str() {
            _ if js_store.is_some() => BrowserStore::Js(js_store.expect("checked")),
            "memory" => BrowserStore::Js(memory::open().map_err(store_error)?),
            "indexeddb" => {
                let opened = IndexedDbStore::open(&name).await.map_err(store_error)?;
                BrowserStore::Js(opened.into_store())
            }
            "localstorage" => {
                BrowserStore::LocalStorage(LocalStorageStore::open(&name).map_err(store_error)?)
            }
            other => {
                return Err(invalid_argument(
                    "storage",
                    &format!(
                    "`{other}` is not a storage; use \"indexeddb\", \"localstorage\" or \"memory\""
                ),
                ))
            }
        };
        // The shipped lenses the page gave (`Lens.useBuiltins`), each got when a call first
        // needs it: none is needed to open or to list workloads.
        let shipped: LensSource = Box::new(|alias| match catalog::shipped(alias) {
            Some(lens) => lens.cloned(),
            None => unreachable!("`{alias}` is listed as shipped"),
        });
        let workspace = Workspace::open_on_demand(store, JsEnvironment, shipped)
            .await
            .map_err(Thrown::thrown)?;
        let core = Rc::new(Core {
            workspace,
            turns: Turnstile::new(),
        });
        guard_disposal(&WORKSPACE_GUARDED, WORKSPACE_DISPOSED, || {
            JsWorkspace { core: core.clone() }.into()
        });
        Ok(JsWorkspace { core })
    }

    /// Every method that is one core operation (all of the lean engine's): reads `args` now
    /// (the caller may change its objects once the call returns), then runs the operation `op`
    /// makes of them in this handle's turn and settles the promise with its result as a JS
    /// value, or with the first bad argument's or the core's error.
    ///
    /// Calls on one handle run one after another, in call order: the place in the queue is
    /// taken here, synchronously, and the call starts when every earlier call has settled.
    /// Concurrent calls that interleaved all rewrote the workload's summary document and
    /// defeated each other's revisions, so most failed with a `Conflict` that no other writer
    /// caused. The turn is released when the call settles, with a result or an error.
    fn perform<A, O>(&self, args: A, op: impl FnOnce(A::Values) -> O) -> js_sys::Promise
    where
        A: Args,
        O: Operation + 'static,
        O::Output: Reply,
    {
        let op = args
            .decoded()
            .map(|values| Box::new(Replying(op(values))) as Box<dyn JsOperation>);
        perform_in_turn(self.core.clone(), op)
    }

    /// The methods that await several core calls (the full engine's exports, imports and
    /// template edits): as [`JsWorkspace::perform`], with `op`'s future run in the turn.
    #[cfg(feature = "full")]
    fn call<A, T, E, F, Fut>(&self, args: A, op: F) -> js_sys::Promise
    where
        A: Args,
        A::Values: 'static,
        F: FnOnce(Rc<Core>, A::Values) -> Fut + 'static,
        Fut: Future<Output = Result<T, E>> + 'static,
        T: Reply,
        E: Thrown,
    {
        let args = args.decoded();
        let core = self.core.clone();
        let work: Pending =
            Box::pin(async move { op(core, args?).await.map_err(Thrown::thrown)?.reply() });
        in_turn(&self.core.turns, work)
    }
}

/// The one place a promise is made: `work` runs when this call's turn comes. Not generic, so
/// the executor glue exists once in the module instead of once per method.
fn in_turn(turns: &Rc<Turnstile>, work: Pending) -> js_sys::Promise {
    let ticket = turns.enter();
    to_promise(Box::pin(async move {
        let turn = ticket.await;
        let result = work.await;
        drop(turn);
        result
    }))
}

/// The module's one `future_to_promise`, over a boxed future, so its executor glue is compiled
/// once.
fn to_promise(work: Pending) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(work)
}

/// An operation as the JS API runs it: the core operation's plan, and its result as a JS value.
/// A trait object, so that ONE future ([`perform_in_turn`]'s) drives every method: a future
/// per method, each inlining its result's conversion, was 34 KiB raw of the lean engine.
trait JsOperation {
    fn plan(&mut self, p: &mut Planning) -> Planned;
    fn finish(self: Box<Self>, revs: Vec<String>) -> Result<JsValue, JsValue>;
}

/// A core operation whose result is converted for JS.
struct Replying<O>(O);

impl<O: Operation> JsOperation for Replying<O>
where
    O::Output: Reply,
{
    fn plan(&mut self, p: &mut Planning) -> Planned {
        self.0.plan(p)
    }

    fn finish(self: Box<Self>, revs: Vec<String>) -> Result<JsValue, JsValue> {
        self.0.finish(revs).map_err(Thrown::thrown)?.reply()
    }
}

/// The promise of one operation: it runs when this call's turn comes. Not generic: its future
/// exists once in the module.
fn perform_in_turn(core: Rc<Core>, op: Result<Box<dyn JsOperation>, JsValue>) -> js_sys::Promise {
    let turns = core.turns.clone();
    in_turn(
        &turns,
        Box::pin(async move {
            let mut op = op?;
            let revs = core
                .workspace
                .run(&mut |p| op.plan(p))
                .await
                .map_err(Thrown::thrown)?;
            op.finish(revs)
        }),
    )
}

/// Whether this runtime has IndexedDB (browsers: yes; Node: no).
fn has_indexed_db() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false)
}

#[wasm_bindgen(typescript_custom_section)]
const WORKSPACE_TYPES: &str = include_str!("../types/workspace.d.ts");
