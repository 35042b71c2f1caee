//! Comparing two states of a workload, the full engine's part (feature `full`): it follows the
//! user's Compare on the Milestones page, so the full engine loads then, and the comparison's
//! code (8.5 KiB gzip) stays out of the lean engine every page starts with.

use wasm_bindgen::prelude::*;

use super::JsWorkspace;
use crate::wasm::convert::{input, string};
use crate::workload::CompareRequest;

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Compares two states of a workload lens by lens: `from` before, `to` after (milestone
    /// numbers; omitted = the current state; both omitted = the latest milestone against the
    /// current state). Rejects with `NotFound` for a missing workload or milestone, and with
    /// `Validation` naming `from` or `to` for a bad number.
    #[wasm_bindgen(
        js_name = compareMilestones,
        unchecked_return_type = "Promise<MilestoneComparison>"
    )]
    pub fn compare_milestones(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CompareOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            input::<CompareRequest>(options, "options"),
        );
        self.call(args, |ws, (id, request)| async move {
            ws.compare_milestones(&id, request).await
        })
    }
}
