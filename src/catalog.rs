//! The lenses shipped with Plumbline: their metadata, and their texts from `lenses/`.
//!
//! The native CLI and crate compile the files in. The wasm engine embeds none (they were 77 KiB
//! of its gzip size): the page, or the npm package's Node entry, hands the texts over
//! ([`use_texts`]), each lens alone if need be (the web app gives one when a call first needs
//! it), and the site serves and caches them as files. Either way each is parsed once, on first
//! use, with `official_ids` set: the framework lens keeps AWS's question ids (`ops-model`) so
//! that answers exported from AWS import unchanged. The metadata that the custom-lens format has
//! no field for (alias, version, a short description), and what lists show (name, counts), so
//! that a list needs no lens file, live here.

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
    #[serde(
        default,
        skip_serializing_if = "crate::sorted_map::SortedMap::is_empty"
    )]
    pub tags: crate::sorted_map::SortedMap<String, String>,
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

/// What a shipped lens is without its text: what the custom-lens format has no field for, and
/// what lists show (name and counts), so that a list needs no lens file. A test keeps the name
/// and the counts equal to the files'.
struct Shipped {
    alias: &'static str,
    name: &'static str,
    version: &'static str,
    description: &'static str,
    pillars: usize,
    questions: usize,
}

const SHIPPED: [Shipped; 2] = [
    Shipped {
        alias: FRAMEWORK_ALIAS,
        name: "Well-Architected Framework",
        version: "2026-11-01",
        description: "Foundational questions for every cloud workload, across the six pillars.",
        pillars: 6,
        questions: 57,
    },
    Shipped {
        alias: "serverless",
        name: "Serverless Applications",
        version: "2026-11-01",
        description: "Additional questions for serverless applications: APIs, events, functions.",
        pillars: 6,
        questions: 18,
    },
];

/// The aliases of the shipped lenses, framework first: the files are `lenses/<alias>.json`.
pub fn shipped_aliases() -> impl Iterator<Item = &'static str> {
    SHIPPED.iter().map(|s| s.alias)
}

/// The list line of every shipped lens, framework first, from the metadata alone.
pub fn shipped_summaries() -> Vec<LensSummary> {
    SHIPPED
        .iter()
        .map(|s| LensSummary {
            lens_alias: s.alias.to_string(),
            lens_arn: lens_arn(s.alias),
            lens_name: s.name.to_string(),
            lens_version: s.version.to_string(),
            description: s.description.to_string(),
            lens_type: LensType::AwsOfficial,
            pillar_count: s.pillars,
            question_count: s.questions,
            lens_status: None,
            created_at: None,
            updated_at: None,
            draft_error_count: None,
            tags: Default::default(),
        })
        .collect()
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
/// `tests/it/workspace_catalog.rs` fails on it long before a user could see it.
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

/// Why a shipped lens handed over at run time cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogError {
    /// The lens's file was not given yet (the wasm engine embeds none: the page or the Node
    /// entry gives them, the page when a call first needs one).
    NotLoaded { alias: &'static str },
    /// A text was given under an alias that is not a shipped lens.
    UnknownAlias { alias: String },
    /// A text is not the lens it should be (an HTML error page served instead, a truncated file).
    Invalid {
        alias: &'static str,
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
            CatalogError::NotLoaded { .. } => "Uninitialized",
            CatalogError::UnknownAlias { .. } => "Validation",
            CatalogError::Invalid { .. } => "LensInvalid",
        }
    }

    /// The shipped lens the error is about (the file to fetch, for `NotLoaded`).
    pub fn lens_alias(&self) -> Option<&str> {
        match self {
            CatalogError::NotLoaded { alias } | CatalogError::Invalid { alias, .. } => Some(alias),
            CatalogError::UnknownAlias { .. } => None,
        }
    }
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::NotLoaded { alias } => write!(
                f,
                "the shipped lens `{alias}` is not loaded yet: give its file with \
                 Lens.useBuiltins({{ {alias}: text }}) (the text of the package's \
                 lenses/{alias}.json) and call again"
            ),
            CatalogError::UnknownAlias { alias } => write!(
                f,
                "`{}` is not a shipped lens (shipped: {})",
                crate::shown::excerpt(alias),
                shipped_aliases().collect::<Vec<_>>().join(", ")
            ),
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

/// The shipped lens texts handed over at run time (alias, text), waiting to be parsed on first
/// use; and each lens once parsed, in `SHIPPED` order.
static GIVEN_TEXTS: Mutex<Vec<(&'static str, String)>> = Mutex::new(Vec::new());
static GIVEN_LENSES: [OnceLock<CatalogLens>; 2] = [OnceLock::new(), OnceLock::new()];

/// Keeps shipped lens texts (alias → JSON text) for [`shipped`], which parses each once.
///
/// Any of the shipped lenses may be given, in any number of calls; an alias that is not shipped
/// is refused and then nothing is kept. A lens given again before it parsed replaces the text
/// (one that did not parse); once parsed, giving it again changes nothing (the lenses are the
/// same files; reviews already hold the parsed ones).
pub fn use_texts(texts: Vec<(String, String)>) -> Result<(), CatalogError> {
    let mut known = Vec::with_capacity(texts.len());
    for (alias, text) in texts {
        let Some(index) = SHIPPED.iter().position(|s| s.alias == alias) else {
            return Err(CatalogError::UnknownAlias { alias });
        };
        known.push((index, text));
    }
    let mut given = GIVEN_TEXTS.lock().unwrap_or_else(|e| e.into_inner());
    for (index, text) in known {
        let alias = SHIPPED[index].alias;
        if GIVEN_LENSES[index].get().is_none() {
            given.retain(|(a, _)| *a != alias);
            given.push((alias, text));
        }
    }
    Ok(())
}

/// The shipped lens `alias`: from the text given to [`use_texts`], else the embedded file where
/// there is one, else [`CatalogError::NotLoaded`]. Parsed once. `None` for an alias that is not
/// shipped.
pub fn shipped(alias: &str) -> Option<Result<&'static CatalogLens, CatalogError>> {
    let index = SHIPPED.iter().position(|s| s.alias == alias)?;
    Some(shipped_at(index))
}

fn shipped_at(index: usize) -> Result<&'static CatalogLens, CatalogError> {
    let meta = &SHIPPED[index];
    if let Some(lens) = GIVEN_LENSES[index].get() {
        return Ok(lens);
    }
    let given = GIVEN_TEXTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .find(|(a, _)| *a == meta.alias)
        .map(|(_, text)| text.clone());
    let lens = match given {
        Some(text) => parse_shipped(meta, &text)?,
        #[cfg(any(not(target_arch = "wasm32"), feature = "embedded-lenses"))]
        None => return Ok(&builtin()[index]),
        #[cfg(not(any(not(target_arch = "wasm32"), feature = "embedded-lenses")))]
        None => return Err(CatalogError::NotLoaded { alias: meta.alias }),
    };
    // The text is no longer needed once parsed.
    GIVEN_TEXTS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|(a, _)| *a != meta.alias);
    Ok(GIVEN_LENSES[index].get_or_init(|| lens))
}

fn parse_shipped(shipped: &Shipped, text: &str) -> Result<CatalogLens, CatalogError> {
    let options = LintOptions {
        official_ids: true,
        ..LintOptions::default()
    };
    let lens = lens::parse_with(text, &options).map_err(|diagnostics| {
        let first = diagnostics.first();
        CatalogError::Invalid {
            alias: shipped.alias,
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

    // A text given here is kept for every other test of this binary: only the embedded text of
    // the same file is ever accepted.
    #[test]
    fn a_text_under_an_alias_that_is_not_shipped_is_refused_and_nothing_is_kept() {
        let err = use_texts(texts(&[("serverless", "{}"), ("extra", "{}")])).unwrap_err();
        assert_eq!(
            err,
            CatalogError::UnknownAlias {
                alias: "extra".into()
            }
        );
        assert_eq!(err.kind(), "Validation");
        assert!(err.to_string().contains("wellarchitected, serverless"));
        assert!(GIVEN_TEXTS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .all(|(_, text)| text != "{}"));
    }

    #[test]
    fn one_lens_can_be_given_alone_and_giving_it_again_once_parsed_changes_nothing() {
        let text = embedded_text("serverless");
        use_texts(texts(&[("serverless", text)])).expect("a lens alone is accepted");
        let first = shipped("serverless").expect("shipped").expect("parses");
        use_texts(texts(&[("serverless", "<!doctype html>")])).expect("accepted, ignored");
        let again = shipped("serverless")
            .expect("shipped")
            .expect("still the parsed lens");
        assert!(std::ptr::eq(first, again));
        assert_eq!(first.alias, "serverless");
    }

    #[test]
    fn an_alias_that_is_not_shipped_has_no_lens() {
        assert!(shipped("extra").is_none());
    }

    #[test]
    fn the_list_metadata_matches_the_files() {
        let parsed: Vec<LensSummary> = builtin().iter().map(CatalogLens::summary).collect();
        assert_eq!(shipped_summaries(), parsed);
    }

    #[test]
    fn not_loaded_names_the_lens_and_how_to_give_it() {
        let err = CatalogError::NotLoaded {
            alias: "serverless",
        };
        assert_eq!(
            (err.kind(), err.lens_alias()),
            ("Uninitialized", Some("serverless"))
        );
        assert!(err.to_string().contains("lenses/serverless.json"));
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
        assert_eq!((*alias, *line, *column), ("serverless", 1, 1));
        assert_eq!(err.kind(), "LensInvalid");
        assert!(err
            .to_string()
            .starts_with("shipped lens `serverless` does not parse at 1:1"));
    }

    #[test]
    fn natively_the_embedded_file_is_the_lens_when_none_was_given() {
        let framework = shipped(FRAMEWORK_ALIAS)
            .expect("shipped")
            .expect("embedded");
        assert!(std::ptr::eq(framework, &builtin()[0]));
    }
}
