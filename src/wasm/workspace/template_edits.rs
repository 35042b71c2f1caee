//! Review templates, the full engine's part (feature `full`; the lean engine has listing and
//! reading, which Define workload and a template's pages need first): create, edit and delete
//! a template, its answers and lens notes, "Update from template" and its notices, and
//! template files in and out. A page calls these after a user action on a template, so the
//! full engine loads then, not at start.

use wasm_bindgen::prelude::*;

use super::JsWorkspace;
use crate::wasm::convert::{document_text, input, string};
use crate::workload::ops::{template_apply, template_file, templates};
use crate::workload::template::TemplateImportOptions;

/// The arguments of a call on one template's lens: the template and the lens alias.
fn template_lens(
    template_id: JsValue,
    lens_alias: JsValue,
) -> (Result<String, JsValue>, Result<String, JsValue>) {
    (
        string(template_id, "templateId"),
        string(lens_alias, "lensAlias"),
    )
}

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// Creates a review template (version 1, no answers) with its lenses; the framework lens
    /// is always applied, first.
    #[wasm_bindgen(js_name = createReviewTemplate, unchecked_return_type = "Promise<ReviewTemplate>")]
    pub fn create_review_template(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ReviewTemplateInput")] template: JsValue,
    ) -> js_sys::Promise {
        self.perform((input(template, "template"),), |(t,)| {
            templates::create_review_template(t)
        })
    }

    #[wasm_bindgen(js_name = updateReviewTemplate, unchecked_return_type = "Promise<ReviewTemplate>")]
    pub fn update_review_template(
        &self,
        #[wasm_bindgen(js_name = templateId, unchecked_param_type = "string")] template_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ReviewTemplatePatch")] patch: JsValue,
    ) -> js_sys::Promise {
        let args = (string(template_id, "templateId"), input(patch, "patch"));
        self.call(args, |ws, (id, patch)| async move {
            ws.update_review_template(&id, patch).await
        })
    }

    /// Deletes the template; the workloads defined from it keep their data and their link is
    /// marked deleted. Resolves to those workloads.
    #[wasm_bindgen(js_name = deleteReviewTemplate, unchecked_return_type = "Promise<ReviewTemplateUser[]>")]
    pub fn delete_review_template(
        &self,
        #[wasm_bindgen(js_name = templateId, unchecked_param_type = "string")] template_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(template_id, "templateId"),), |(id,)| {
            templates::delete_review_template(id)
        })
    }

    /// Answers a template question with `updateAnswer`'s fields and rules.
    #[wasm_bindgen(js_name = updateReviewTemplateAnswer, unchecked_return_type = "Promise<ReviewTemplateAnswer>")]
    pub fn update_review_template_answer(
        &self,
        #[wasm_bindgen(js_name = templateId, unchecked_param_type = "string")] template_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(js_name = questionId, unchecked_param_type = "string")] question_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AnswerUpdate")] update: JsValue,
    ) -> js_sys::Promise {
        let (id, alias) = template_lens(template_id, lens_alias);
        let args = (
            id,
            alias,
            string(question_id, "questionId"),
            input(update, "update"),
        );
        self.call(args, |ws, (id, alias, question, update)| async move {
            ws.update_review_template_answer(&id, &alias, &question, update)
                .await
        })
    }

    #[wasm_bindgen(js_name = listReviewTemplateAnswers, unchecked_return_type = "Promise<ReviewTemplateAnswer[]>")]
    pub fn list_review_template_answers(
        &self,
        #[wasm_bindgen(js_name = templateId, unchecked_param_type = "string")] template_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
    ) -> js_sys::Promise {
        self.call(
            template_lens(template_id, lens_alias),
            |ws, (id, alias)| async move { ws.list_review_template_answers(&id, &alias).await },
        )
    }

    /// Lens notes, pillar notes and question counts (not risk counts) of a template's lens.
    #[wasm_bindgen(js_name = getReviewTemplateLensReview, unchecked_return_type = "Promise<ReviewTemplateLensReview>")]
    pub fn get_review_template_lens_review(
        &self,
        #[wasm_bindgen(js_name = templateId, unchecked_param_type = "string")] template_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
    ) -> js_sys::Promise {
        self.call(
            template_lens(template_id, lens_alias),
            |ws, (id, alias)| async move { ws.get_review_template_lens_review(&id, &alias).await },
        )
    }

    #[wasm_bindgen(js_name = updateReviewTemplateLensReview, unchecked_return_type = "Promise<ReviewTemplateLensReview>")]
    pub fn update_review_template_lens_review(
        &self,
        #[wasm_bindgen(js_name = templateId, unchecked_param_type = "string")] template_id: JsValue,
        #[wasm_bindgen(js_name = lensAlias, unchecked_param_type = "string")] lens_alias: JsValue,
        #[wasm_bindgen(unchecked_param_type = "LensReviewUpdate")] update: JsValue,
    ) -> js_sys::Promise {
        let (id, alias) = template_lens(template_id, lens_alias);
        self.call(
            (id, alias, input(update, "update")),
            |ws, (id, alias, update)| async move {
                ws.update_review_template_lens_review(&id, &alias, update)
                    .await
            },
        )
    }

    /// What updating the workload from its template would do (changes nothing).
    #[wasm_bindgen(js_name = reviewTemplateUpdate, unchecked_return_type = "Promise<ReviewTemplateUpdate>")]
    pub fn review_template_update(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(workload_id, "workloadId"),), |(id,)| {
            template_apply::review_template_update(id)
        })
    }

    /// Takes the template's changes the team did not override; each conflict needs a choice
    /// in `resolutions`, else nothing changes.
    #[wasm_bindgen(js_name = updateFromReviewTemplate, unchecked_return_type = "Promise<ReviewTemplateUpdate>")]
    pub fn update_from_review_template(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ReviewTemplateUpdateOptions")]
        options: JsValue,
    ) -> js_sys::Promise {
        let args = (string(workload_id, "workloadId"), input(options, "options"));
        self.perform(args, |(id, options)| {
            template_apply::update_from_review_template(id, options)
        })
    }

    /// The workloads whose template changed since their answers were copied.
    #[wasm_bindgen(js_name = reviewTemplateUpdates, unchecked_return_type = "Promise<ReviewTemplateNotice[]>")]
    pub fn review_template_updates(&self) -> js_sys::Promise {
        self.perform((), |()| template_apply::review_template_updates())
    }

    /// The template as a file (JSON text) to share.
    #[wasm_bindgen(js_name = exportReviewTemplate, unchecked_return_type = "Promise<string>")]
    pub fn export_review_template(
        &self,
        #[wasm_bindgen(js_name = templateId, unchecked_param_type = "string")] template_id: JsValue,
    ) -> js_sys::Promise {
        self.perform((string(template_id, "templateId"),), |(id,)| {
            template_file::export_review_template(id)
        })
    }

    /// A new template from a template file's text; `templateName` replaces the file's.
    #[wasm_bindgen(js_name = importReviewTemplate, unchecked_return_type = "Promise<ReviewTemplate>")]
    pub fn import_review_template(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ImportReviewTemplateOptions")]
        options: JsValue,
    ) -> js_sys::Promise {
        let args = (
            document_text(&text, "text", "the template file's text"),
            input::<TemplateImportOptions>(options, "options"),
        );
        self.perform(args, |(text, o)| {
            template_file::import_review_template(&text, o.template_name)
        })
    }
}
