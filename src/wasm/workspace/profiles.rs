//! Profiles as the everyday pages read them: the list, a workload's prioritised questions
//! (review, plan, dashboard) and the Notifications page's list. Editing profiles and a
//! workload's choice of one are in `profile_edits` (full engine).

use wasm_bindgen::prelude::*;

use super::JsWorkspace;
use crate::wasm::convert::string;
use crate::workload::ops::{notifications, profiles};

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    #[wasm_bindgen(js_name = listProfiles, unchecked_return_type = "Promise<Profile[]>")]
    pub fn list_profiles(&self) -> js_sys::Promise {
        self.perform((), |()| profiles::list_profiles())
    }

    /// The workload's profile and, per applied lens, the question ids it prioritises.
    #[wasm_bindgen(js_name = prioritizedQuestions, unchecked_return_type = "Promise<PrioritizedQuestions>")]
    pub fn prioritized_questions(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(workload_id, "workloadId"),), |(w,)| {
            profiles::prioritized_questions(w)
        })
    }

    /// What waits for the user: newer custom lens versions, changed and deleted profiles.
    #[wasm_bindgen(js_name = listNotifications, unchecked_return_type = "Promise<Notification[]>")]
    pub fn list_notifications(&self) -> js_sys::Promise {
        self.perform((), |()| notifications::list_notifications())
    }

    /// Hides one notification (by its `dismissKey`) until the next change of its lens or profile.
    #[wasm_bindgen(js_name = dismissNotification, unchecked_return_type = "Promise<void>")]
    pub fn dismiss_notification(
        &self,
        #[wasm_bindgen(js_name = dismissKey, unchecked_param_type = "string")] key: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(key, "dismissKey"),), |(k,)| {
            notifications::dismiss_notification(k)
        })
    }
}

#[wasm_bindgen(typescript_custom_section)]
const PROFILE_TYPES: &str = include_str!("../types/profiles.d.ts");
