//! Milestones (immutable snapshots of a workload) and the dashboard across every workload;
//! comparing two states is [`super::compare`] (full engine).

use wasm_bindgen::prelude::*;

use super::JsWorkspace;
use crate::wasm::convert::{input, milestone_number, required_string, string};
use crate::workload::ops::{dashboard, milestones};

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Records an immutable snapshot of the workload (at most 100 per workload).
    #[wasm_bindgen(js_name = createMilestone, unchecked_return_type = "Promise<MilestoneSummary>")]
    pub fn create_milestone(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = milestoneName, unchecked_param_type = "string")]
        milestone_name: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            required_string(milestone_name, "milestoneName"),
        );
        self.perform(args, |(id, name)| milestones::create_milestone(id, name))
    }

    #[wasm_bindgen(js_name = listMilestones, unchecked_return_type = "Promise<MilestoneSummary[]>")]
    pub fn list_milestones(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(workload_id, "workloadId"),), |(id,)| {
            milestones::list_milestones(id)
        })
    }

    /// The snapshot: the workload as it was, its lens reviews and every answer.
    /// `milestoneNumber` is a whole number from 1 to 100 (else `Validation`).
    #[wasm_bindgen(js_name = getMilestone, unchecked_return_type = "Promise<Milestone>")]
    pub fn get_milestone(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = milestoneNumber, unchecked_param_type = "number")]
        milestone_number: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            self::milestone_number(milestone_number),
        );
        self.perform(args, |(id, number)| milestones::get_milestone(id, number))
    }

    /// Risks across every workload, by pillar, by workload and by question.
    #[wasm_bindgen(unchecked_return_type = "Promise<Dashboard>")]
    pub fn dashboard(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "DashboardFilter")] filter: JsValue,
    ) -> js_sys::Promise {
        self.perform((input(filter, "filter"),), |(filter,)| {
            dashboard::dashboard(filter)
        })
    }
}

#[wasm_bindgen(typescript_custom_section)]
const COMPARE_TYPES: &str = include_str!("../types/compare.d.ts");
