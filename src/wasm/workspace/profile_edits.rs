//! Profiles, the full engine's part (feature `full`; the lean engine lists profiles and
//! reads a workload's priorities, which the review, plan and dashboard show): the
//! questionnaire, create, read, edit and delete a profile, choose or remove a workload's
//! profile, and Upgrade profile version. Each follows a user action on the Profiles page or a
//! workload's profile, so the full engine loads then.

use wasm_bindgen::prelude::*;

use super::JsWorkspace;
use crate::wasm::convert::{input, string};
use crate::workload::ops::profiles;
use crate::workload::profile::{questionnaire, ProfileInput};

/// `upgradeProfileVersion`'s options.
#[derive(serde::Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct UpgradeOptions {
    milestone_name: Option<String>,
}

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// The profile questionnaire and its mapping to prioritised framework questions (the
    /// shipped `lenses/profiles/wellarchitected.json`).
    #[wasm_bindgen(js_name = getProfileTemplate, unchecked_return_type = "ProfileTemplate")]
    pub fn get_profile_template(&self) -> Result<JsValue, JsValue> {
        crate::wasm::convert::to_js(questionnaire::template())
    }

    #[wasm_bindgen(js_name = createProfile, unchecked_return_type = "Promise<Profile>")]
    pub fn create_profile(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ProfileInput")] profile: JsValue,
    ) -> js_sys::Promise {
        self.perform((input::<ProfileInput>(profile, "profile"),), |(p,)| {
            profiles::create_profile(p)
        })
    }

    /// Changes a profile's description, answers or tags; its version goes up by one and the
    /// workloads using it get a `PROFILE_ANSWERS_UPDATED` notification.
    #[wasm_bindgen(js_name = updateProfile, unchecked_return_type = "Promise<Profile>")]
    pub fn update_profile(
        &self,
        #[wasm_bindgen(js_name = profileId, unchecked_param_type = "string")] profile_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ProfileInput")] profile: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(profile_id, "profileId"),
            input::<ProfileInput>(profile, "profile"),
        );
        self.perform(args, |(id, p)| profiles::update_profile(id, p))
    }

    #[wasm_bindgen(js_name = getProfile, unchecked_return_type = "Promise<Profile>")]
    pub fn get_profile(
        &self,
        #[wasm_bindgen(js_name = profileId, unchecked_param_type = "string")] profile_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(profile_id, "profileId"),), |(id,)| {
            profiles::get_profile(id)
        })
    }

    /// Deletes a profile; resolves to the names of the workloads that used it (they keep their
    /// priorities, the link marked `deleted`).
    #[wasm_bindgen(js_name = deleteProfile, unchecked_return_type = "Promise<string[]>")]
    pub fn delete_profile(
        &self,
        #[wasm_bindgen(js_name = profileId, unchecked_param_type = "string")] profile_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(profile_id, "profileId"),), |(id,)| {
            profiles::delete_profile(id)
        })
    }

    /// Gives the workload this profile (its latest version), replacing any other.
    #[wasm_bindgen(js_name = associateProfile, unchecked_return_type = "Promise<Workload>")]
    pub fn associate_profile(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(js_name = profileId, unchecked_param_type = "string")] profile_id: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            string(profile_id, "profileId"),
        );
        self.perform(args, |(w, p)| profiles::associate_profile(w, p))
    }

    #[wasm_bindgen(js_name = disassociateProfile, unchecked_return_type = "Promise<Workload>")]
    pub fn disassociate_profile(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(workload_id, "workloadId"),), |(w,)| {
            profiles::disassociate_profile(w)
        })
    }

    /// Moves the workload to its profile's latest version; with `{milestoneName}`, records a
    /// milestone of the state before first.
    #[wasm_bindgen(js_name = upgradeProfileVersion, unchecked_return_type = "Promise<Workload>")]
    pub fn upgrade_profile_version(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "UpgradeProfileOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            input::<UpgradeOptions>(options, "options"),
        );
        self.call(args, |ws, (w, o)| async move {
            ws.upgrade_profile_version(&w, o.milestone_name.as_deref())
                .await
        })
    }
}
