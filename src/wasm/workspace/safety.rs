//! Data safety: damaged records (listed, exported as stored, repaired), and the whole
//! workspace as one backup file (export, and restore with a preview).

use wasm_bindgen::prelude::*;

use super::JsWorkspace;
use crate::wasm::convert::string;
#[cfg(feature = "full")]
use crate::wasm::convert::{document_text, input};
#[cfg(feature = "full")]
use crate::workload::backup::RestoreOptions;
use crate::workload::ops::repair;

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// The workload records that cannot be read: the rows `listWorkloads` leaves out.
    #[wasm_bindgen(js_name = damagedWorkloads, unchecked_return_type = "Promise<DamagedRecord[]>")]
    pub fn damaged_workloads(&self) -> js_sys::Promise {
        self.perform((), |()| repair::damaged_workloads())
    }

    /// The custom lens records that cannot be read: the lenses `lenses()` leaves out. Delete
    /// one with `deleteLens(recordId.slice("customlens/".length))`.
    #[wasm_bindgen(js_name = damagedLenses, unchecked_return_type = "Promise<DamagedRecord[]>")]
    pub fn damaged_lenses(&self) -> js_sys::Promise {
        self.perform((), |()| repair::damaged_lenses())
    }

    /// Recomputes a workload's local derived data (figures, milestone index, name claim) after
    /// a team sync, writing nothing shared; resolves to the records it could not read.
    #[wasm_bindgen(js_name = refreshWorkload, unchecked_return_type = "Promise<DamagedRecord[]>")]
    pub fn refresh_workload(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(workload_id, "workloadId"),), |(id,)| {
            repair::refresh_workload(id)
        })
    }
}

// Repairing a damaged workload, exporting it as stored and listing every damaged record of the
// workspace at once (no page of the app does; 0.9 KiB gzip) are rare: full engine only
// (Cargo.toml, feature `full`). The damaged workloads and lenses and the refresh after a sync
// stay in both engines: the Workloads and Lenses pages and every sync need them.
#[cfg(feature = "full")]
#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Every record of the workspace that cannot be read (reads them all).
    #[wasm_bindgen(js_name = damagedRecords, unchecked_return_type = "Promise<DamagedRecord[]>")]
    pub fn damaged_records(&self) -> js_sys::Promise {
        self.perform((), |()| repair::damaged_records())
    }

    /// Every record of a workload exactly as stored, damaged ones included, as JSON text.
    #[wasm_bindgen(js_name = exportRawWorkload, unchecked_return_type = "Promise<string>")]
    pub fn export_raw_workload(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(workload_id, "workloadId"),), |(id,)| {
            repair::export_raw_workload(id)
        })
    }

    /// Recomputes a workload's derived figures and removes its unreadable answers and
    /// milestones. `Corrupted` when its own properties cannot be read.
    #[wasm_bindgen(js_name = repairWorkload, unchecked_return_type = "Promise<RepairReport>")]
    pub fn repair_workload(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(workload_id, "workloadId"),), |(id,)| {
            repair::repair_workload(id)
        })
    }
}

// A backup and a restore are rarer still, and the backup format's reader and writer are large:
// full engine only too.
#[cfg(feature = "full")]
#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// The whole workspace as one backup file (JSON text, format `plumbline-workspace-backup`).
    #[wasm_bindgen(js_name = exportWorkspace, unchecked_return_type = "Promise<string>")]
    pub fn export_workspace(&self) -> js_sys::Promise {
        self.call((), |ws, ()| async move { ws.export_workspace().await })
    }

    /// Restores a backup file. `{mode: "preview"}` (the default) lists what would happen;
    /// `{mode: "apply"}` writes, all or nothing, and refuses (`Validation`, `onConflict`)
    /// while an item that exists here with other content has no choice. A file that is not a
    /// valid backup: `Validation` with `field: "backup"` and the JSON `path` of the problem.
    #[wasm_bindgen(js_name = importWorkspace, unchecked_return_type = "Promise<RestoreResult>")]
    pub fn import_workspace(
        &self,
        text: js_sys::JsString,
        #[wasm_bindgen(unchecked_optional_param_type = "RestoreOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let args = (
            document_text(&text, "backup", "the backup file's text"),
            input::<RestoreOptions>(options, "options"),
        );
        self.call(args, |ws, (text, options)| async move {
            ws.import_workspace(&text, options).await
        })
    }
}

#[wasm_bindgen(typescript_custom_section)]
const SAFETY_TYPES: &str = include_str!("../types/safety.d.ts");
