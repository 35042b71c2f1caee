//! The one lens lookup of every review operation: shipped lenses by alias, custom lenses by
//! alias and version, each version parsed once per workspace.
//!
//! Published versions never change, so a parsed version is cached for the workspace's life
//! under `alias@version` (a short list searched in order: a workspace uses a few versions, and
//! a map would add its own code to the wasm module); a review names its version, so after the first use an answer, a plan
//! or a report costs no store read and no parse. Only "the latest version" needs the lens's
//! small metadata document, because another tab may have published meanwhile.

use std::rc::Rc;

use super::record::{CustomLensDoc, VersionDoc};
use crate::catalog::{CatalogLens, LensType};
use crate::lens;
use crate::store::StoreError;
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::plan::{Halt, Planning};
use crate::workload::record::{Stored, WorkloadDoc};
use crate::workload::workspace::Core;

impl Planning<'_> {
    /// The lens `alias` at `version` (custom lenses; shipped lenses have one version, and
    /// `version` is ignored for them), or its latest published version. A `Validation` error
    /// on `field` when there is no such lens, or when a custom lens has no such version or is
    /// only a draft (a draft cannot be used in a review).
    pub(crate) fn resolve_lens(
        &self,
        field: &str,
        alias: &str,
        version: Option<&str>,
    ) -> Result<Rc<CatalogLens>, Halt> {
        let core = self.core;
        if let Some(lens) = core.shipped_lens(alias)? {
            return Ok(lens);
        }
        if !keys::is_custom_alias(alias) {
            return Err(core.unknown_lens(field, alias).into());
        }
        if let Some(hit) = version.and_then(|v| core.cached(alias, v)) {
            return Ok(hit);
        }
        let Some(meta) = self.custom_lens_doc(alias)? else {
            return Err(core.unknown_lens(field, alias).into());
        };
        let meta = meta.body;
        let published = match version {
            Some(v) => meta.version(v).ok_or_else(|| {
                let names: Vec<&str> = meta.versions.iter().map(|v| v.lens_version.as_str()).collect();
                WorkspaceError::validation(
                    field,
                    format!(
                        "lens `{alias}` has no version `{v}` (published: {})",
                        if names.is_empty() { "none".to_string() } else { names.join(", ") }
                    ),
                )
            })?,
            None => meta.latest().ok_or_else(|| {
                WorkspaceError::validation(
                    field,
                    format!(
                        "lens `{}` ({alias}) is a draft: publish a version of it before using it in a review",
                        meta.lens_name
                    ),
                )
            })?,
        };
        if let Some(hit) = core.cached(alias, &published.lens_version) {
            return Ok(hit);
        }
        let id = keys::custom_lens_version(alias, published.number);
        let doc = self.get(&id)?.ok_or_else(|| {
            WorkspaceError::Storage(StoreError::Corrupted {
                id: id.clone(),
                message: format!(
                    "version `{}` is listed but not stored",
                    published.lens_version
                ),
            })
        })?;
        let text = Stored::<VersionDoc>::decode(doc)?.body.text;
        // It parsed when it was published; failing now means the stored text was altered.
        let parsed = lens::parse(&text).map_err(|diagnostics| WorkspaceError::LensInvalid {
            message: format!(
                "version `{}` of lens `{alias}` no longer passes validation",
                published.lens_version
            ),
            diagnostics,
        })?;
        let lens = Rc::new(CatalogLens {
            alias: alias.to_string(),
            name: parsed.name.clone(),
            version: published.lens_version.clone(),
            description: published.description.clone(),
            lens_type: LensType::CustomSelf,
            lens: parsed,
        });
        core.custom_cache
            .borrow_mut()
            .push((cache_key(alias, &published.lens_version), lens.clone()));
        Ok(lens)
    }

    /// A lens to apply now: a shipped lens, or a custom lens's latest published version.
    pub(crate) fn catalog_lens(&self, field: &str, alias: &str) -> Result<Rc<CatalogLens>, Halt> {
        self.resolve_lens(field, alias, None)
    }

    /// The lens as workload `doc` uses it: the version its review recorded.
    pub(crate) fn workload_lens(
        &self,
        field: &str,
        workload: &WorkloadDoc,
        alias: &str,
    ) -> Result<Rc<CatalogLens>, Halt> {
        let version = workload
            .lens_summaries
            .get(alias)
            .map(|s| s.lens_version.as_str());
        self.resolve_lens(field, alias, version)
    }

    pub(crate) fn custom_lens_doc(
        &self,
        alias: &str,
    ) -> Result<Option<Stored<CustomLensDoc>>, Halt> {
        match self.get(&keys::custom_lens(alias))? {
            Some(doc) => Ok(Some(Stored::decode(doc)?)),
            None => Ok(None),
        }
    }

    /// Pillar ids of the given lenses, in order, each once; custom lenses at the version
    /// `workload` uses (the latest for a workload being defined). Unknown lenses add nothing,
    /// but a read they need is still asked for.
    pub(crate) fn pillars_of(
        &self,
        aliases: &[String],
        workload: Option<&WorkloadDoc>,
    ) -> Result<Vec<String>, Halt> {
        let mut ids: Vec<String> = Vec::new();
        for alias in aliases {
            let lens = match workload {
                Some(w) => self.workload_lens("lenses", w, alias),
                None => self.catalog_lens("lenses", alias),
            };
            let lens = match lens {
                Ok(lens) => lens,
                Err(halt @ Halt::Read(_)) => return Err(halt),
                // A shipped lens not loaded yet is not a lens gone: the call waits for it.
                Err(halt @ Halt::Failed(WorkspaceError::ShippedLens(_))) => return Err(halt),
                Err(Halt::Failed(_)) => continue,
            };
            for p in &lens.lens.pillars {
                if !ids.contains(&p.id) {
                    ids.push(p.id.clone());
                }
            }
        }
        Ok(ids)
    }
}

impl Core {
    /// A shipped lens by alias, with its content (`None`: not a shipped lens).
    pub(crate) fn shipped_lens(
        &self,
        alias: &str,
    ) -> Result<Option<Rc<CatalogLens>>, WorkspaceError> {
        self.shipped.get(alias).transpose().map_err(Into::into)
    }

    /// Forgets the parsed versions of a deleted lens.
    pub(crate) fn forget_lens(&self, alias: &str) {
        let prefix = format!("{alias}@");
        self.custom_cache
            .borrow_mut()
            .retain(|(k, _)| !k.starts_with(&prefix));
    }

    fn cached(&self, alias: &str, version: &str) -> Option<Rc<CatalogLens>> {
        let key = cache_key(alias, version);
        self.custom_cache
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, lens)| lens.clone())
    }

    /// Refuses, before any read, an alias that can name no lens at all.
    pub(crate) fn check_lens_alias(&self, field: &str, alias: &str) -> Result<(), WorkspaceError> {
        if self.shipped.is_shipped(alias) || keys::is_custom_alias(alias) {
            Ok(())
        } else {
            Err(self.unknown_lens(field, alias))
        }
    }

    fn unknown_lens(&self, field: &str, alias: &str) -> WorkspaceError {
        let known: Vec<&str> = self.shipped.aliases().collect();
        WorkspaceError::validation(
            field,
            format!(
                "`{alias}` is not a known lens (shipped lenses: {}; custom lenses are named by their 32-character alias)",
                known.join(", ")
            ),
        )
    }
}

fn cache_key(alias: &str, version: &str) -> String {
    format!("{alias}@{version}")
}
