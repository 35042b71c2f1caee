//! Review templates, listed and read: what Define workload offers and a template's pages show
//! first, so the lean engine has them. Creating and editing templates, their answers, "Update
//! from template" and template files are in `template_edits` (full engine); defining a
//! workload from a template is `defineWorkload({reviewTemplateIds})`.

use wasm_bindgen::prelude::*;

use super::JsWorkspace;
use crate::wasm::convert::string;
use crate::workload::ops::templates;

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    #[wasm_bindgen(js_name = listReviewTemplates, unchecked_return_type = "Promise<ReviewTemplate[]>")]
    pub fn list_review_templates(&self) -> js_sys::Promise {
        self.perform((), |()| templates::list_review_templates())
    }

    #[wasm_bindgen(js_name = getReviewTemplate, unchecked_return_type = "Promise<ReviewTemplate>")]
    pub fn get_review_template(
        &self,
        #[wasm_bindgen(js_name = templateId, unchecked_param_type = "string")] template_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(template_id, "templateId"),), |(id,)| {
            templates::get_review_template(id)
        })
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TEMPLATE_TYPES: &str = include_str!("../types/templates.d.ts");
