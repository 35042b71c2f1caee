//! Exports of a workload (now or a milestone) and the consolidated report, as files to
//! download and as plain data (the app builds its spreadsheets from the data).
//!
//! JSON files are written by `JSON.stringify` from the plain value: the engine carries no JSON
//! writer of its own for them (size), and the text is the core's `to_json` text.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::{Core, JsWorkspace};
use crate::export::file::{self, Format};
use crate::export::tickets::TicketFilter;
use crate::export::{consolidated, json, ConsolidatedExport, WorkloadExport};
use crate::review::Risk;
use crate::wasm::convert::{input, string, to_js};
use crate::wasm::error::Thrown;
use crate::workload::{ItemStatus, WorkspaceError};

/// `exportReport`'s options.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct ReportOptions {
    format: Option<String>,
    lens_aliases: Option<Vec<String>>,
    milestone_number: Option<u32>,
    pillars: Vec<String>,
    risks: Option<Vec<Risk>>,
    statuses: Option<Vec<ItemStatus>>,
}

/// `exportData`'s options.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct DataOptions {
    lens_aliases: Option<Vec<String>>,
    milestone_number: Option<u32>,
}

/// `consolidatedReport`'s and `exportConsolidatedReport`'s options.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct ConsolidatedOptions {
    lens_alias: Option<String>,
    format: Option<String>,
}

/// A file to download.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ExportFile {
    file_name: String,
    media_type: &'static str,
    text: String,
}

#[wasm_bindgen(js_class = Workspace)]
impl JsWorkspace {
    /// The workload's report as a file: `format` one of `csv`, `markdown`, `json`, `jira`,
    /// `github`, `azure-devops` (else `Validation` naming `format`); every applied lens or
    /// `lensAliases`; now or milestone `milestoneNumber`. `pillars`, `risks` and `statuses` keep
    /// plan items for the tracker formats (default: every pillar, HIGH and MEDIUM, items Open
    /// or In progress).
    #[wasm_bindgen(js_name = exportReport, unchecked_return_type = "Promise<ExportFile>")]
    pub fn export_report(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ReportOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            input::<ReportOptions>(options, "options"),
        );
        self.call(args, |ws, (id, o)| async move {
            let format = Format::parse(&required_format(o.format)?).map_err(Thrown::thrown)?;
            let export = workload_data(ws, id, o.lens_aliases, o.milestone_number)
                .await
                .map_err(Thrown::thrown)?;
            // Over the default: fields added to the filter keep their default.
            let mut filter = TicketFilter {
                pillars: o.pillars,
                ..TicketFilter::default()
            };
            if let Some(risks) = o.risks {
                filter.risks = risks;
            }
            if let Some(statuses) = o.statuses {
                filter.statuses = statuses;
            }
            let text = match file::text(&export, format, &filter) {
                Some(text) => text,
                None if format == Format::Github => stringify(&to_js(
                    &crate::export::tickets::github::issues(&export, &filter),
                )?)?,
                None => stringify(&to_js(&json::document(&export))?)?,
            };
            Ok::<_, JsValue>(ExportFile {
                file_name: file::file_name(&export, format),
                media_type: format.media_type(),
                text,
            })
        })
    }

    /// Everything the exports show, as plain data: the workload, and per lens its review,
    /// answers, improvement plan and the questions flattened by pillar with each best
    /// practice's impact.
    #[wasm_bindgen(js_name = exportData, unchecked_return_type = "Promise<ExportData>")]
    pub fn export_data(
        &self,
        #[wasm_bindgen(js_name = workloadId, unchecked_param_type = "string")] workload_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ExportDataOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let args = (
            string(workload_id, "workloadId"),
            input::<DataOptions>(options, "options"),
        );
        self.call(args, |ws, (id, o)| {
            workload_data(ws, id, o.lens_aliases, o.milestone_number)
        })
    }

    /// AWS `GetConsolidatedReport`: every workload, or those using `lensAlias`, with risk
    /// counts per lens and pillar, and the questions at risk in several of them.
    #[wasm_bindgen(
        js_name = consolidatedReport,
        unchecked_return_type = "Promise<ConsolidatedReport>"
    )]
    pub fn consolidated_report(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ConsolidatedReportOptions")]
        options: JsValue,
    ) -> js_sys::Promise {
        let args = (consolidated_options(options, false),);
        self.call(args, |ws, (o,)| consolidated_data(ws, o.lens_alias))
    }

    /// The consolidated report as a file: `format` `json` or `csv`.
    #[wasm_bindgen(
        js_name = exportConsolidatedReport,
        unchecked_return_type = "Promise<ExportFile>"
    )]
    pub fn export_consolidated_report(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ConsolidatedExportOptions")] options: JsValue,
    ) -> js_sys::Promise {
        let args = (consolidated_options(options, true),);
        self.call(args, |ws, (o,)| async move {
            let report = consolidated_data(ws, o.lens_alias.clone())
                .await
                .map_err(Thrown::thrown)?;
            let lens = o.lens_alias.as_deref().map(|a| file::safe_name(a, "lens"));
            let base = match lens {
                Some(lens) => format!("consolidated-report-{lens}"),
                None => "consolidated-report".to_string(),
            };
            let (text, media_type, extension) = if o.format.as_deref() == Some("csv") {
                (
                    consolidated::to_csv(&report),
                    "text/csv;charset=utf-8",
                    "csv",
                )
            } else {
                let text = stringify(&to_js(&consolidated::document(&report))?)?;
                (text, "application/json", "json")
            };
            Ok::<_, JsValue>(ExportFile {
                file_name: format!("{base}.{extension}"),
                media_type,
                text,
            })
        })
    }
}

/// The export's data, as one boxed future: its code exists once in the engine, not once per
/// method that awaits it (each of those copies cost kilobytes).
fn workload_data(
    ws: Rc<Core>,
    id: String,
    lens_aliases: Option<Vec<String>>,
    milestone: Option<u32>,
) -> Pin<Box<dyn Future<Output = Result<WorkloadExport, WorkspaceError>>>> {
    Box::pin(async move {
        crate::export::collect(&ws.workspace, &id, lens_aliases.as_deref(), milestone).await
    })
}

/// The consolidated report's data, boxed for the same reason as [`workload_data`].
fn consolidated_data(
    ws: Rc<Core>,
    lens_alias: Option<String>,
) -> Pin<Box<dyn Future<Output = Result<ConsolidatedExport, WorkspaceError>>>> {
    Box::pin(async move {
        crate::export::collect_consolidated(&ws.workspace, lens_alias.as_deref()).await
    })
}

/// `format` must be given: a missing one is named, not read as some default.
fn required_format(format: Option<String>) -> Result<String, JsValue> {
    format.ok_or_else(|| {
        WorkspaceError::validation(
            "format",
            format!("is required: one of {}", file::FORMAT_NAMES.join(", ")),
        )
        .thrown()
    })
}

/// The consolidated options; with `file`, `format` must be `json` or `csv`, else it must be
/// absent.
fn consolidated_options(value: JsValue, file: bool) -> Result<ConsolidatedOptions, JsValue> {
    let options = input::<ConsolidatedOptions>(value, "options")?;
    let format_ok = match options.format.as_deref() {
        Some("json" | "csv") => file,
        Some(_) => false,
        None => !file,
    };
    if !format_ok {
        let rule = if file {
            "is required: \"json\" or \"csv\""
        } else {
            "is not an option here (exportConsolidatedReport takes it)"
        };
        return Err(WorkspaceError::validation("format", rule).thrown());
    }
    Ok(options)
}

/// A plain value as JSON text indented by two spaces, as the core's `to_json` writes it.
fn stringify(value: &JsValue) -> Result<String, JsValue> {
    js_sys::JSON::stringify_with_replacer_and_space(value, &JsValue::NULL, &JsValue::from_f64(2.0))
        .map(String::from)
}

#[wasm_bindgen(typescript_custom_section)]
const EXPORT_TYPES: &str = include_str!("../types/exports.d.ts");
