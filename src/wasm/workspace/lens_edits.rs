//! The custom-lens workbench, the full engine's part (feature `full`; the lean engine lists
//! lenses, reads one and exports a draft or version, which Preview uses): import a draft,
//! publish a version, tag and delete a lens. Each follows a lens author's action on the Custom
//! lenses page, so the full engine loads then.

use wasm_bindgen::prelude::*;

use super::JsWorkspace;
use crate::wasm::convert::{input, lens_text, string};
use crate::workload::ops::custom_lenses;
use crate::workload::{ImportLensOptions, LensVersionInput};

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Lints a lens JSON text (a string, or its UTF-8 bytes as for `Lens.parse`) and keeps it
    /// as a draft custom lens (also with errors, which `diagnostics` lists); with
    /// `{lensAlias}`, replaces that lens's draft. At most 500,000 bytes. A draft cannot be
    /// applied until `createLensVersion` publishes it.
    #[wasm_bindgen(js_name = importLens, unchecked_return_type = "Promise<ImportLensResult>")]
    pub fn import_lens(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ImportLensOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let args = (
            lens_text(&text),
            input::<ImportLensOptions>(options, "options"),
        );
        self.perform(args, |(text, options)| {
            custom_lenses::import_lens(text, options)
        })
    }

    /// Publishes the draft as an immutable version. Throws `kind: "LensInvalid"` with
    /// `diagnostics` when the draft has errors; `Validation` (`lensVersion`) for a name that is
    /// empty, longer than 32 characters or already used, or past 100 versions.
    #[wasm_bindgen(js_name = createLensVersion, unchecked_return_type = "Promise<LensVersionSummary>")]
    pub fn create_lens_version(
        &self,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_param_type = "LensVersionInput")] version: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(lens_alias, "lensAlias"),
            input::<LensVersionInput>(version, "version"),
        );
        self.perform(args, |(alias, version)| {
            custom_lenses::create_lens_version(alias, version)
        })
    }

    /// Replaces a custom lens's tags (the workload tag rules); resolves to its summary.
    #[wasm_bindgen(js_name = tagLens, unchecked_return_type = "Promise<LensSummary>")]
    pub fn tag_lens(
        &self,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Record<string, string>")] tags: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(lens_alias, "lensAlias"),
            input::<crate::sorted_map::SortedMap<String, String>>(tags, "tags"),
        );
        self.perform(args, |(alias, tags)| custom_lenses::tag_lens(alias, tags))
    }

    /// Deletes a custom lens with its draft and versions. Throws `kind: "Conflict"` naming
    /// the workloads while any has a review of it.
    #[wasm_bindgen(js_name = deleteLens, unchecked_return_type = "Promise<void>")]
    pub fn delete_lens(
        &self,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(lens_alias, "lensAlias"),), |(alias,)| {
            custom_lenses::delete_lens(alias)
        })
    }
}
