//! Workloads: define, list, read, update, delete; associate and disassociate lenses.

use wasm_bindgen::prelude::*;

use super::JsWorkspace;
use crate::wasm::convert::{input, string, value};
use crate::workload::ops::workloads;
use crate::workload::ops::{lenses, repair};
use crate::workload::WorkloadInput;

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Creates a workload. Required: `workloadName`, `description`, `environment`,
    /// `reviewOwner`, and `awsRegions` or `nonAwsRegions`. The framework lens is always applied.
    #[wasm_bindgen(js_name = defineWorkload, unchecked_return_type = "Promise<Workload>")]
    pub fn define_workload(
        &self,
        #[wasm_bindgen(unchecked_param_type = "WorkloadInput")] workload: JsValue,
    ) -> js_sys::Promise {
        let workload = input::<WorkloadInput>(workload, "workload");
        // The lean engine does not copy templates (template_edits.rs): the browser entry calls
        // again in the full engine.
        #[cfg(not(feature = "full"))]
        let workload = workload.and_then(|w| {
            if w.review_template_ids
                .as_ref()
                .is_some_and(|ids| !ids.is_empty())
            {
                Err(crate::wasm::error::needs_full_engine("reviewTemplateIds"))
            } else {
                Ok(w)
            }
        });
        self.perform((workload,), |(workload,)| {
            workloads::define_workload(workload)
        })
    }

    /// Every workload, by name.
    #[wasm_bindgen(js_name = listWorkloads, unchecked_return_type = "Promise<WorkloadSummary[]>")]
    pub fn list_workloads(&self) -> js_sys::Promise {
        self.perform((), |()| workloads::list_workloads())
    }

    #[wasm_bindgen(js_name = getWorkload, unchecked_return_type = "Promise<Workload>")]
    pub fn get_workload(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(workload_id, "workloadId"),), |(id,)| {
            workloads::get_workload(id)
        })
    }

    /// Changes the properties present in `patch`; with `expectedRevision`, refuses (Conflict)
    /// if the workload changed since it was read.
    #[wasm_bindgen(js_name = updateWorkload, unchecked_return_type = "Promise<Workload>")]
    pub fn update_workload(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "WorkloadPatch")] patch: JsValue,
    ) -> js_sys::Promise {
        let args = (string(workload_id, "workloadId"), input(patch, "patch"));
        self.perform(args, |(id, patch)| workloads::update_workload(id, patch))
    }

    /// Deletes the workload with its reviews, answers and milestones, in one transaction.
    #[wasm_bindgen(js_name = deleteWorkload, unchecked_return_type = "Promise<void>")]
    pub fn delete_workload(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(workload_id, "workloadId"),), |(id,)| {
            repair::delete_workload(id)
        })
    }

    #[wasm_bindgen(js_name = associateLenses, unchecked_return_type = "Promise<Workload>")]
    pub fn associate_lenses(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAliases, unchecked_param_type = "string[]")]
        lens_aliases: JsValue,
    ) -> js_sys::Promise {
        self.perform(lens_change(workload_id, lens_aliases), |(id, aliases)| {
            lenses::associate_lenses(id, aliases)
        })
    }

    /// Removes lenses from the workload; their answers are kept and come back when the lens is
    /// added again. The framework lens cannot be removed.
    #[wasm_bindgen(js_name = disassociateLenses, unchecked_return_type = "Promise<Workload>")]
    pub fn disassociate_lenses(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = lensAliases, unchecked_param_type = "string[]")]
        lens_aliases: JsValue,
    ) -> js_sys::Promise {
        self.perform(lens_change(workload_id, lens_aliases), |(id, aliases)| {
            lenses::disassociate_lenses(id, aliases)
        })
    }
}

/// The arguments of adding or removing lenses: the workload and the lens aliases.
fn lens_change(
    workload_id: JsValue,
    lens_aliases: JsValue,
) -> (Result<String, JsValue>, Result<Vec<String>, JsValue>) {
    (
        string(workload_id, "workloadId"),
        value(lens_aliases, "lensAliases"),
    )
}
