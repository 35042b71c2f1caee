//! Custom lenses: import a draft, publish versions, list, read, export and delete them.
//!
//! Each change is one atomic commit naming the revisions it read, as every workspace change:
//! the metadata document and the draft change together on import, the metadata and the new
//! version document on publish, all of the lens's documents on delete.

use std::rc::Rc;

use crate::catalog::{custom_lens_arn, CatalogLens, LensSummary};
use crate::lens::{self, Diagnostic, LintReport, MAX_FILE_BYTES};
use crate::store::{RawRecord, Store, Write};
use crate::workload::custom_lens::record::{CustomLensDoc, DraftDoc, PublishedVersion, VersionDoc};
use crate::workload::custom_lens::rules::check_version_name;
use crate::workload::custom_lens::{
    CustomLensDetail, ImportLensOptions, ImportLensResult, LensVersionInput, LensVersionSummary,
};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::operation::{change, query, Operation};
use crate::workload::plan::{Halt, Need, Planning};
use crate::workload::record::{to_body, Stored, WorkloadListing};
use crate::workload::workspace::{decode_raw, Core, Workspace};

/// The name a draft shows until its text has a readable one.
const UNTITLED: &str = "Untitled lens";

impl<S: Store> Workspace<S> {
    /// Lints `text` and keeps it as a draft, errors and all: a new custom lens, or (with
    /// `options.lens_alias`) the new draft of an existing one. Its published versions and the
    /// reviews using them do not change.
    pub async fn import_lens(
        &self,
        text: &str,
        options: ImportLensOptions,
    ) -> Result<ImportLensResult, WorkspaceError> {
        self.perform(import_lens(text.into(), options)).await
    }

    /// Publishes the current draft as version `input.lens_version`: refused with `LensInvalid`
    /// (and every diagnostic) when the draft has errors, as AWS refuses to publish them.
    pub async fn create_lens_version(
        &self,
        alias: &str,
        input: LensVersionInput,
    ) -> Result<LensVersionSummary, WorkspaceError> {
        self.perform(create_lens_version(alias.into(), input)).await
    }

    /// Every lens: the shipped ones first, then the custom ones (drafts too, with
    /// `lensStatus: "DRAFT"`) in the order they were imported.
    pub async fn list_lenses(&self) -> Result<Vec<LensSummary>, WorkspaceError> {
        self.perform(list_lenses()).await
    }

    /// A lens with its content, to render or evaluate: a shipped lens, or a custom lens at
    /// `version` (default: its latest published version; a draft is refused).
    pub async fn get_lens(
        &self,
        alias: &str,
        version: Option<&str>,
    ) -> Result<Rc<CatalogLens>, WorkspaceError> {
        self.resolve_lens("lensAlias", alias, version).await
    }

    /// A custom lens's summary, its versions and its draft's diagnostics (linted again).
    pub async fn get_custom_lens(&self, alias: &str) -> Result<CustomLensDetail, WorkspaceError> {
        let alias = self.core.custom_alias_of("lensAlias", alias)?;
        let (meta, draft) = self
            .query(|p| Ok((p.custom_lens_or_not_found(&alias)?, p.draft(&alias)?)))
            .await?;
        Ok(CustomLensDetail {
            summary: meta.body.summary(),
            diagnostics: crate::lint::lint(&draft.text).diagnostics,
            versions: meta.body.versions.iter().map(|v| v.summary()).collect(),
        })
    }

    /// The text of a published version, or of the draft when no version is named (the
    /// author's latest work; right after publishing, the two are the same). Shipped lenses are
    /// not exported, as AWS does not export its own.
    pub async fn export_lens(
        &self,
        alias: &str,
        version: Option<&str>,
    ) -> Result<String, WorkspaceError> {
        self.perform(export_lens(alias.to_string(), version.map(str::to_string)))
            .await
    }

    /// Replaces a custom lens's tags (AWS tag rules, as on workloads); its summary.
    pub async fn tag_lens(
        &self,
        alias: &str,
        tags: crate::sorted_map::SortedMap<String, String>,
    ) -> Result<LensSummary, WorkspaceError> {
        self.perform(tag_lens(alias.into(), tags)).await
    }

    /// Deletes a custom lens, its draft and every version, in one commit. Refused with
    /// `Conflict` naming the workloads while any workload has a review of it (applied now, or
    /// applied before: its answers are kept for re-association, and milestones show it), so
    /// that no review is silently broken.
    pub async fn delete_lens(&self, alias: &str) -> Result<(), WorkspaceError> {
        self.perform(delete_lens(alias.into())).await
    }
}

/// Lints `text` and keeps it as a draft, errors and all: a new custom lens, or (with
/// `options.lens_alias`) the new draft of an existing one. Its published versions and the
/// reviews using them do not change. The text is linted once, when the operation is made,
/// not on every run of its plan.
pub(crate) fn import_lens(
    text: String,
    options: ImportLensOptions,
) -> impl Operation<Output = ImportLensResult> {
    let report = (text.len() <= MAX_FILE_BYTES).then(|| crate::lint::lint(&text));
    change(
        move |p| {
            let Some(report) = &report else {
                return Err(WorkspaceError::validation(
                    "text",
                    format!(
                        "a lens file has at most {MAX_FILE_BYTES} bytes (AWS: 500 KB); this one has {}",
                        text.len()
                    ),
                )
                .into());
            };
            let existing = match options.lens_alias.as_deref() {
                Some(a) => Some(p.core.custom_alias_of("lensAlias", a)?),
                None => None,
            };
            let (writes, meta) = plan_import(p, &text, existing.as_deref(), report)?;
            Ok((writes, (meta, report.diagnostics.clone())))
        },
        |(meta, diagnostics), _| {
            Ok(ImportLensResult {
                lens_arn: custom_lens_arn(&meta.lens_alias),
                lens_alias: meta.lens_alias,
                lens_name: meta.lens_name,
                status: "DRAFT",
                diagnostics,
            })
        },
    )
}

/// Publishes the current draft as version `input.lens_version`: refused with `LensInvalid`
/// (and every diagnostic) when the draft has errors, as AWS refuses to publish them.
pub(crate) fn create_lens_version(
    alias: String,
    input: LensVersionInput,
) -> impl Operation<Output = LensVersionSummary> {
    change(
        move |p| {
            let alias = p.core.custom_alias_of("lensAlias", &alias)?;
            plan_publish(p, &alias, &input)
        },
        |version, _| Ok(version.summary()),
    )
}

/// Replaces a custom lens's tags (AWS tag rules, as on workloads); its summary.
pub(crate) fn tag_lens(
    alias: String,
    tags: crate::sorted_map::SortedMap<String, String>,
) -> impl Operation<Output = LensSummary> {
    change(
        move |p| {
            let alias = p.core.custom_alias_of("lensAlias", &alias)?;
            crate::workload::validate::tags(&tags)?;
            let mut meta = p.custom_lens_or_not_found(&alias)?;
            meta.body.tags = tags.clone();
            let write = Write {
                id: meta.id.clone(),
                expected_rev: Some(meta.rev.clone()),
                body: Some(to_body(&meta.body)),
            };
            Ok((vec![write], meta.body.summary()))
        },
        |summary, _| Ok(summary),
    )
}

/// Deletes a custom lens, its draft and every version, in one commit. Refused with
/// `Conflict` naming the workloads while any workload has a review of it (applied now, or
/// applied before: its answers are kept for re-association, and milestones show it), so
/// that no review is silently broken.
pub(crate) fn delete_lens(alias: String) -> impl Operation<Output = ()> {
    change(
        move |p| {
            let alias = p.core.custom_alias_of("lensAlias", &alias)?;
            let writes = plan_delete_lens(p, &alias)?;
            // The parsed versions are a cache: dropped before the commit, they are parsed
            // again if it fails and a review needs them.
            p.core.forget_lens(&alias);
            Ok((writes, ()))
        },
        |(), _| Ok(()),
    )
}

/// Every lens: the shipped ones first, then the custom ones (drafts too, with
/// `lensStatus: "DRAFT"`) in the order they were imported.
pub(crate) fn list_lenses() -> impl Operation<Output = Vec<LensSummary>> {
    query(|p| {
        // A damaged lens record is left out here; `damaged_records` reports it.
        let (mut custom, _damaged) = p.readable::<CustomLensDoc>(keys::CUSTOM_LENS_PREFIX)?;
        crate::sorted::by(&mut custom, |a, b| {
            (&a.body.created_at, &a.body.lens_alias).cmp(&(&b.body.created_at, &b.body.lens_alias))
        });
        let mut out = p.core.shipped.summaries();
        out.extend(custom.iter().map(|c| c.body.summary()));
        Ok(out)
    })
}

/// The text of a published version, or of the draft when no version is named.
pub(crate) fn export_lens(
    alias: String,
    version: Option<String>,
) -> impl Operation<Output = String> {
    query(move |p| {
        let alias = p.core.custom_alias_of("lensAlias", &alias)?;
        lens_text(p, &alias, version.as_deref())
    })
}

/// The lens's metadata and its new draft (a new lens when `existing` is `None`).
fn plan_import(
    p: &mut Planning,
    text: &str,
    existing: Option<&str>,
    report: &LintReport,
) -> Result<(Vec<Write>, CustomLensDoc), Halt> {
    let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
    let now = p.now();
    let (mut meta, meta_rev, draft_rev) = match existing {
        Some(alias) => {
            let meta = p.custom_lens_or_not_found(alias)?;
            let draft_rev = p.get(&keys::custom_lens_draft(alias))?.map(|d| d.rev);
            (meta.body, Some(meta.rev), draft_rev)
        }
        None => {
            let alias = p.new_workload_id();
            let meta = CustomLensDoc {
                lens_alias: alias,
                lens_name: UNTITLED.to_string(),
                description: String::new(),
                draft_error_count: 0,
                draft_warning_count: 0,
                draft_pillar_count: 0,
                draft_question_count: 0,
                versions: Vec::new(),
                created_at: now.clone(),
                updated_at: now.clone(),
                tags: Default::default(),
            };
            (meta, None, None)
        }
    };
    if let Some(model) = &report.lens {
        if !model.name.trim().is_empty() {
            meta.lens_name = model.name.clone();
        }
        meta.description = model.description.clone();
        meta.draft_pillar_count = model.pillars.len();
        meta.draft_question_count = model.pillars.iter().map(|p| p.questions.len()).sum();
    }
    meta.draft_error_count = errors;
    meta.draft_warning_count = report.diagnostics.len() - errors;
    meta.updated_at = now;
    let alias = meta.lens_alias.clone();
    let draft = DraftDoc {
        lens_alias: alias.clone(),
        text: text.to_string(),
    };
    let writes = vec![
        Write {
            id: keys::custom_lens(&alias),
            expected_rev: meta_rev,
            body: Some(to_body(&meta)),
        },
        Write {
            id: keys::custom_lens_draft(&alias),
            expected_rev: draft_rev,
            body: Some(to_body(&draft)),
        },
    ];
    Ok((writes, meta))
}

/// The metadata with the new version in its index, and the version's own document.
fn plan_publish(
    p: &mut Planning,
    alias: &str,
    input: &LensVersionInput,
) -> Result<(Vec<Write>, PublishedVersion), Halt> {
    let name = input.lens_version.clone().unwrap_or_default();
    let meta = p.custom_lens_or_not_found(alias)?;
    let existing: Vec<&str> = meta
        .body
        .versions
        .iter()
        .map(|v| v.lens_version.as_str())
        .collect();
    check_version_name(&name, &existing)?;
    let draft = p.draft(alias)?;
    let model = lens::parse(&draft.text).map_err(|diagnostics| WorkspaceError::LensInvalid {
        message: invalid_message(&meta.body.lens_name, &diagnostics),
        diagnostics,
    })?;
    let now = p.now();
    let number = meta.body.versions.len() as u32 + 1;
    let published = PublishedVersion {
        lens_version: name.clone(),
        number,
        is_major_version: input.is_major_version.unwrap_or(false),
        lens_name: model.name.clone(),
        description: model.description.clone(),
        pillar_count: model.pillars.len(),
        question_count: model.pillars.iter().map(|p| p.questions.len()).sum(),
        created_at: now.clone(),
    };
    let mut body = meta.body.clone();
    body.versions.push(published.clone());
    body.updated_at = now.clone();
    let version = VersionDoc {
        lens_alias: alias.to_string(),
        lens_version: name,
        text: draft.text,
        created_at: now,
    };
    let writes = vec![
        Write {
            id: keys::custom_lens(alias),
            expected_rev: Some(meta.rev),
            body: Some(to_body(&body)),
        },
        Write {
            id: keys::custom_lens_version(alias, number),
            expected_rev: None,
            body: Some(to_body(&version)),
        },
    ];
    Ok((writes, published))
}

/// The draft's text, or a published version's.
fn lens_text(p: &mut Planning, alias: &str, version: Option<&str>) -> Result<String, Halt> {
    let meta = p.custom_lens_or_not_found(alias)?;
    let Some(version) = version else {
        return Ok(p.draft(alias)?.text);
    };
    let Some(published) = meta.body.version(version) else {
        return Err(WorkspaceError::validation(
            "lensVersion",
            format!("lens `{}` has no version `{version}`", meta.body.lens_name),
        )
        .into());
    };
    let id = keys::custom_lens_version(alias, published.number);
    match p.get(&id)? {
        Some(doc) => Ok(Stored::<VersionDoc>::decode(doc)?.body.text),
        None => Err(WorkspaceError::not_found(format!(
            "version `{version}` of lens `{alias}` is not stored"
        ))
        .into()),
    }
}

/// Every record of the lens deleted, read raw: a damaged lens record must not stop its own
/// deletion. Refused while a workload has a review of the lens.
fn plan_delete_lens(p: &mut Planning, alias: &str) -> Result<Vec<Write>, Halt> {
    let Some(meta) = p.raw(&keys::custom_lens(alias))? else {
        return Err(
            WorkspaceError::not_found(format!("custom lens `{alias}` does not exist")).into(),
        );
    };
    let name = decode_raw::<CustomLensDoc>(&meta)
        .map(|m| m.body.lens_name)
        .unwrap_or_else(|_| alias.to_string());
    let users = p.workloads_using(alias)?;
    if !users.is_empty() {
        return Err(WorkspaceError::conflict(format!(
            "lens `{name}` is used by {} workload(s): {}; remove it from them (and delete their milestones that use it) before deleting it",
            users.len(),
            users.join(", ")
        ))
        .into());
    }
    let mut records = vec![meta];
    records.extend(p.raw(&keys::custom_lens_draft(alias))?);
    records.extend(p.raw_list(&keys::custom_lens_versions_of(alias))?);
    Ok(records.iter().map(RawRecord::deletion).collect())
}

impl Planning<'_> {
    /// Names of the workloads that have a review record of `alias` (associated or not).
    fn workloads_using(&self, alias: &str) -> Result<Vec<String>, Halt> {
        let (docs, _damaged) = self.readable::<WorkloadListing>(keys::WORKLOAD_PREFIX)?;
        // Every review this needs is asked for at once, not one read per workload.
        let reviews = docs
            .iter()
            .filter(|d| !d.body.lenses.iter().any(|l| l == alias))
            .map(|d| Need::Key(keys::review(&d.body.workload_id, alias)))
            .collect();
        self.prefetch(reviews)?;
        let mut names = Vec::new();
        for doc in docs {
            let w = doc.body;
            let applied = w.lenses.iter().any(|l| l == alias);
            if applied || self.get(&keys::review(&w.workload_id, alias))?.is_some() {
                names.push(format!("`{}`", w.workload_name));
            }
        }
        Ok(names)
    }

    fn custom_lens_or_not_found(&self, alias: &str) -> Result<Stored<CustomLensDoc>, Halt> {
        self.custom_lens_doc(alias)?.ok_or_else(|| {
            WorkspaceError::not_found(format!("custom lens `{alias}` does not exist")).into()
        })
    }

    fn draft(&self, alias: &str) -> Result<DraftDoc, Halt> {
        let id = keys::custom_lens_draft(alias);
        match self.get(&id)? {
            Some(doc) => Ok(Stored::<DraftDoc>::decode(doc)?.body),
            None => {
                Err(WorkspaceError::not_found(format!("custom lens `{alias}` has no draft")).into())
            }
        }
    }
}

impl Core {
    /// The alias of a custom lens from its alias or its ARN; shipped lenses are refused.
    fn custom_alias_of(&self, field: &str, alias: &str) -> Result<String, WorkspaceError> {
        let bare = alias.strip_prefix(&custom_lens_arn("")).unwrap_or(alias);
        if keys::is_custom_alias(bare) {
            return Ok(bare.to_string());
        }
        let why = if self.shipped.is_shipped(alias) {
            format!("`{alias}` is a lens shipped with Plumbline; only custom lenses can be changed, published or exported")
        } else {
            format!("`{alias}` is not a custom lens alias (32 hexadecimal characters, or its ARN)")
        };
        Err(WorkspaceError::validation(field, why))
    }
}

/// "the draft of X has N error(s); first at L:C (path): message".
fn invalid_message(name: &str, diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    match diagnostics.iter().find(|d| d.is_error()) {
        Some(first) => format!(
            "the draft of `{name}` has {errors} error(s), so it cannot be published; first at {}:{} ({}): {}",
            first.line,
            first.column,
            if first.path.is_empty() { "$" } else { &first.path },
            first.message
        ),
        None => format!("the draft of `{name}` could not be read, so it cannot be published"),
    }
}
