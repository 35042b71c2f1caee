//! The lenses a workspace offers (shipped and custom), one lens as a `Lens` object, and a
//! custom lens's JSON text (Preview reads the draft with it); the rest of the custom-lens
//! workbench is [`super::lens_edits`] (full engine).

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::JsWorkspace;
use crate::wasm::convert::{input, string};
use crate::wasm::lens::JsLens;
use crate::workload::operation::query;
use crate::workload::ops::custom_lenses;
use crate::workload::LensVersionOptions;

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Every lens: the shipped ones (framework first), then the custom lenses of this
    /// workspace (`lensType: "CUSTOM_SELF"`, `lensStatus: "DRAFT"` until published).
    #[wasm_bindgen(unchecked_return_type = "Promise<LensSummary[]>")]
    pub fn lenses(&self) -> js_sys::Promise {
        self.perform((), |()| custom_lenses::list_lenses())
    }

    /// One lens with its content, to render its questions or evaluate answers outside a
    /// workload: a shipped lens, or a custom lens at `lensVersion` (default: its latest
    /// published version). A draft-only custom lens is refused (`Validation`, `lensAlias`).
    // Queued like every other call: a lens read right after a publish on the same handle must
    // see it.
    #[wasm_bindgen(unchecked_return_type = "Promise<Lens>")]
    pub fn lens(
        &self,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LensVersionOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(lens_alias, "lensAlias"),
            input::<LensVersionOptions>(options, "options"),
        );
        self.perform(args, |(alias, options)| {
            query(move |p| {
                let version = options.lens_version.as_deref();
                let lens = p.resolve_lens("lensAlias", &alias, version)?;
                Ok(JsLens::new(Rc::new(lens.lens.clone())))
            })
        })
    }

    /// The JSON text of a published version, or of the draft when no version is named.
    #[wasm_bindgen(js_name = exportLens, unchecked_return_type = "Promise<string>")]
    pub fn export_lens(
        &self,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "LensVersionOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(lens_alias, "lensAlias"),
            input::<LensVersionOptions>(options, "options"),
        );
        self.perform(args, |(alias, options)| {
            custom_lenses::export_lens(alias, options.lens_version)
        })
    }
}

#[wasm_bindgen(typescript_custom_section)]
const CUSTOM_LENS_TYPES: &str = include_str!("../types/custom_lens.d.ts");
