//! The lenses shipped with Plumbline: their metadata, and their texts from `lenses/`.
//!
//! The native CLI and crate compile the files in. The wasm engine embeds none (they were 77 KiB
//! of its gzip size): the page, or the npm package's Node entry, hands the texts over
//! ([`use_texts`]), and the site serves and caches them as files. Either way they are parsed
//! once, on first use, with `official_ids` set: the framework lens keeps AWS's question ids
//! (`ops-model`) so that answers exported from AWS import unchanged. The metadata that the
//! custom-lens format has no field for (alias, version, a short description) lives here.

use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use crate::lens::{self, Lens, LintOptions};

/// Who publishes a lens, in the AWS API's spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LensType {
    AwsOfficial,
    CustomShared,
    CustomSelf,
}

/// A lens ready for reviews, with the metadata a review records about it.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogLens {
    /// The stable handle answers are stored under (`wellarchitected`, `serverless`).
    pub alias: String,
    pub name: String,
    /// Official lenses are versioned by date, as AWS does.
    pub version: String,
    /// One sentence for lists; the lens file's own description can be long.
    pub description: String,
    pub lens_type: LensType,
    pub lens: Lens,
}

/// One line of the lens list (`ListLenses` in AWS).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LensSummary {
    pub lens_alias: String,
    pub lens_arn: String,
    pub lens_name: String,
    pub lens_version: String,
    pub description: String,
    pub lens_type: LensType,
    pub pillar_count: usize,
    pub question_count: usize,
    /// Custom lenses only: `DRAFT` (never published; cannot be applied) or `PUBLISHED`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lens_status: Option<String>,
    /// Custom lenses only: when the lens was imported and last changed (ISO 8601 UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Custom lenses only: the errors in the current draft (0: it can be published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft_error_count: Option<usize>,
    /// Custom lenses only: the lens's tags (`tagLens`), as on workloads.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub tags: std::collections::BTreeMap<String, String>,
}

impl CatalogLens {
    pub fn summary(&self) -> LensSummary {
        LensSummary {
            lens_alias: self.alias.clone(),
            lens_arn: self.arn(),
            lens_name: self.name.clone(),
            lens_version: self.version.clone(),
            description: self.description.clone(),
            lens_type: self.lens_type,
            pillar_count: self.lens.pillars.len(),
            question_count: self.question_count(),
            lens_status: None,
            created_at: None,
            updated_at: None,
            draft_error_count: None,
            tags: Default::default(),
        }
    }

    /// AWS's ARN for an official lens, a local one for a custom lens.
    pub fn arn(&self) -> String {
        match self.lens_type {
            LensType::AwsOfficial => lens_arn(&self.alias),
            _ => custom_lens_arn(&self.alias),
        }
    }

    pub fn question_count(&self) -> usize {
        self.lens.pillars.iter().map(|p| p.questions.len()).sum()
    }
}

/// The alias of the framework lens, which every workload carries and none can remove.
pub const FRAMEWORK_ALIAS: &str = "wellarchitected";

/// The ARN AWS shows for its official lenses (region and account are empty for them).
pub fn lens_arn(alias: &str) -> String {
    format!("arn:aws:wellarchitected::aws:lens/{alias}")
}

/// The ARN-like handle of a custom lens kept in this workspace. AWS puts the region and the
/// account in it; a local workspace has neither, so `local` stands for the owner.
pub fn custom_lens_arn(alias: &str) -> String {
    format!("arn:aws:wellarchitected::local:lens/{alias}")
}

/// What the custom-lens format has no field for, per shipped lens; the text is a file.
struct Shipped {
    alias: &'static str,
    version: &'static str,
    description: &'static str,
}

const SHIPPED: [Shipped; 2] = [
    Shipped {
        alias: FRAMEWORK_ALIAS,
        version: "2026-11-01",
        description: "Foundational questions for every cloud workload, across the six pillars.",
    },
    Shipped {
        alias: "serverless",
        version: "2026-11-01",
        description: "Additional questions for serverless applications: APIs, events, functions.",
    },
];

/// The aliases of the shipped lenses, framework first: the files are `lenses/<alias>.json`.
pub fn shipped_aliases() -> impl Iterator<Item = &'static str> {
    SHIPPED.iter().map(|s| s.alias)
}

/// The lens files compiled in: always in the native CLI and crate, in the wasm engine only with
/// the `embedded-lenses` feature (its own tests), since the site serves them as files.
#[cfg(any(not(target_arch = "wasm32"), feature = "embedded-lenses"))]
fn embedded_text(alias: &str) -> &'static str {
    match alias {
        FRAMEWORK_ALIAS => include_str!("../lenses/wellarchitected.json"),
        "serverless" => include_str!("../lenses/serverless.json"),
        other => unreachable!("no embedded text for shipped lens `{other}`"),
    }
}

/// The shipped lenses, framework first, parsed on first use.
///
/// # Panics
/// When a shipped lens file does not parse. That is a build defect, not a user error, and
/// `tests/workspace_catalog.rs` fails on it long before a user could see it.
#[cfg(any(not(target_arch = "wasm32"), feature = "embedded-lenses"))]
pub fn builtin() -> &'static [CatalogLens] {
    static CATALOG: OnceLock<Vec<CatalogLens>> = OnceLock::new();
    CATALOG.get_or_init(|| {
        SHIPPED
            .iter()
            .map(|s| parse_shipped(s, embedded_text(s.alias)).unwrap_or_else(|e| panic!("{e}")))
            .collect()
    })
}

/// The shipped lens with this alias.
#[cfg(any(not(target_arch = "wasm32"), feature = "embedded-lenses"))]
pub fn find(alias: &str) -> Option<&'static CatalogLens> {
    builtin().iter().find(|l| l.alias == alias)
}

/// Why the shipped lens files handed over at run time cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogError {
    /// No file was given yet (the wasm engine embeds none: the page or the Node entry gives them).
    NotLoaded,
    /// A text was given under an alias that is not a shipped lens.
    UnknownAlias { alias: String },
    /// A shipped lens has no text among those given.
    Missing { alias: &'static str },
    /// A text is not the lens it should be (an HTML error page served instead, a truncated file).
    Invalid {
        alias: String,
        line: u32,
        column: u32,
        message: String,
        diagnostics: usize,
    },
}

impl CatalogError {
    /// The JS API's `kind` for this error.
    pub fn kind(&self) -> &'static str {
        match self {
            CatalogError::NotLoaded => "Uninitialized",
            CatalogError::UnknownAlias { .. } | CatalogError::Missing { .. } => "Validation",
            CatalogError::Invalid { .. } => "LensInvalid",
        }
    }
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::NotLoaded => write!(
                f,
                "the shipped lenses are not loaded yet: open a Workspace first (it fetches them), \
                 or call Lens.useBuiltins with the texts of the package's lenses/*.json"
            ),
            CatalogError::UnknownAlias { alias } => write!(
                f,
                "`{}` is not a shipped lens (shipped: {})",
                crate::shown::excerpt(alias),
                shipped_aliases().collect::<Vec<_>>().join(", ")
            ),
            CatalogError::Missing { alias } => {
                write!(f, "the text of the shipped lens `{alias}` is missing")
            }
            CatalogError::Invalid {
                alias,
                line,
                column,
                message,
                diagnostics,
            } => write!(
                f,
                "shipped lens `{alias}` does not parse at {line}:{column}: {message} \
                 ({diagnostics} diagnostics)"
            ),
        }
    }
}

impl std::error::Error for CatalogError {}

/// The shipped lens texts handed over at run time, waiting to be parsed on first use.
static GIVEN_TEXTS: Mutex<Option<Vec<(String, String)>>> = Mutex::new(None);
static GIVEN_LENSES: OnceLock<Vec<CatalogLens>> = OnceLock::new();

/// Keeps the shipped lens texts (alias → JSON text) for [`loaded`], which parses them once.
///
/// Every shipped alias must be given, and nothing else. Once they have parsed, later calls
/// change nothing (the lenses are the same files; reviews already hold the parsed ones).
pub fn use_texts(texts: Vec<(String, String)>) -> Result<(), CatalogError> {
    if GIVEN_LENSES.get().is_some() {
        return Ok(());
    }
    if let Some((alias, _)) = texts
        .iter()
        .find(|(alias, _)| !shipped_aliases().any(|a| a == alias))
    {
        return Err(CatalogError::UnknownAlias {
            alias: alias.clone(),
        });
    }
    if let Some(alias) = shipped_aliases().find(|a| !texts.iter().any(|(given, _)| given == a)) {
        return Err(CatalogError::Missing { alias });
    }
    *GIVEN_TEXTS.lock().unwrap_or_else(|e| e.into_inner()) = Some(texts);
    Ok(())
}

/// The shipped lenses, framework first: from the texts given to [`use_texts`], else the
/// embedded files where there are any, else [`CatalogError::NotLoaded`]. Parsed once.
pub fn loaded() -> Result<&'static [CatalogLens], CatalogError> {
    if let Some(lenses) = GIVEN_LENSES.get() {
        return Ok(lenses);
    }
    let given = GIVEN_TEXTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let Some(texts) = given else {
        #[cfg(any(not(target_arch = "wasm32"), feature = "embedded-lenses"))]
        return Ok(builtin());
        #[cfg(not(any(not(target_arch = "wasm32"), feature = "embedded-lenses")))]
        return Err(CatalogError::NotLoaded);
    };
    let lenses = SHIPPED
        .iter()
        .map(|shipped| {
            let (_, text) = texts
                .iter()
                .find(|(alias, _)| alias == shipped.alias)
                .ok_or(CatalogError::Missing {
                    alias: shipped.alias,
                })?;
            parse_shipped(shipped, text)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(GIVEN_LENSES.get_or_init(|| lenses))
}

fn parse_shipped(shipped: &Shipped, text: &str) -> Result<CatalogLens, CatalogError> {
    let options = LintOptions {
        official_ids: true,
        ..LintOptions::default()
    };
    let lens = lens::parse_with(text, &options).map_err(|diagnostics| {
        let first = diagnostics.first();
        CatalogError::Invalid {
            alias: shipped.alias.to_string(),
            line: first.map_or(0, |d| d.line),
            column: first.map_or(0, |d| d.column),
            message: first.map_or_else(
                || "no diagnostic was reported".into(),
                |d| d.message.clone(),
            ),
            diagnostics: diagnostics.len(),
        }
    })?;
    Ok(CatalogLens {
        alias: shipped.alias.to_string(),
        // The lens's own name, as its file says: one name for the lens on every page.
        name: lens.name.clone(),
        version: shipped.version.to_string(),
        description: shipped.description.to_string(),
        lens_type: LensType::AwsOfficial,
        lens,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, t)| (a.to_string(), t.to_string()))
            .collect()
    }

    // Only refusals here: an accepted set would be kept for every other test of this binary.
    #[test]
    fn a_text_set_without_every_shipped_lens_is_refused_naming_the_missing_one() {
        let err = use_texts(texts(&[(FRAMEWORK_ALIAS, "{}")])).unwrap_err();
        assert_eq!(
            err,
            CatalogError::Missing {
                alias: "serverless"
            }
        );
        assert_eq!(err.kind(), "Validation");
    }

    #[test]
    fn a_text_under_an_alias_that_is_not_shipped_is_refused() {
        let err = use_texts(texts(&[
            (FRAMEWORK_ALIAS, "{}"),
            ("serverless", "{}"),
            ("extra", "{}"),
        ]))
        .unwrap_err();
        assert_eq!(
            err,
            CatalogError::UnknownAlias {
                alias: "extra".into()
            }
        );
        assert!(err.to_string().contains("wellarchitected, serverless"));
    }

    #[test]
    fn a_text_that_is_not_a_lens_is_invalid_with_its_alias_and_position() {
        let err = parse_shipped(&SHIPPED[1], "<!doctype html>").unwrap_err();
        let CatalogError::Invalid {
            alias,
            line,
            column,
            ..
        } = &err
        else {
            panic!("expected Invalid, got {err:?}");
        };
        assert_eq!((alias.as_str(), *line, *column), ("serverless", 1, 1));
        assert_eq!(err.kind(), "LensInvalid");
        assert!(err
            .to_string()
            .starts_with("shipped lens `serverless` does not parse at 1:1"));
    }

    #[test]
    fn natively_the_embedded_files_are_the_loaded_lenses() {
        let lenses = loaded().expect("embedded lenses");
        let aliases: Vec<&str> = lenses.iter().map(|l| l.alias.as_str()).collect();
        assert_eq!(aliases, shipped_aliases().collect::<Vec<_>>());
        assert!(std::ptr::eq(lenses, builtin()));
    }
}
