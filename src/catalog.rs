//! The lenses shipped with Plumbline, embedded from `lenses/`.
//!
//! They are compiled into the binary (so the app works offline from its first load) and parsed
//! once, on first use, with `official_ids` set: the framework lens keeps AWS's question ids
//! (`ops-model`) so that answers exported from AWS import unchanged. The metadata that the
//! custom-lens format has no field for (alias, version, a short description) lives here.

use std::sync::OnceLock;

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

struct Shipped {
    alias: &'static str,
    name: &'static str,
    version: &'static str,
    description: &'static str,
    text: &'static str,
}

const SHIPPED: [Shipped; 2] = [
    Shipped {
        alias: FRAMEWORK_ALIAS,
        name: "AWS Well-Architected Framework",
        version: "2026-11-01",
        description: "Foundational questions for every cloud workload, across the six pillars.",
        text: include_str!("../lenses/wellarchitected.json"),
    },
    Shipped {
        alias: "serverless",
        name: "Serverless Lens",
        version: "2026-11-01",
        description: "Additional questions for serverless applications: APIs, events, functions.",
        text: include_str!("../lenses/serverless.json"),
    },
];

/// The shipped lenses, framework first, parsed on first use.
///
/// # Panics
/// When a shipped lens file does not parse. That is a build defect, not a user error, and
/// `tests/workspace_catalog.rs` fails on it long before a user could see it.
pub fn builtin() -> &'static [CatalogLens] {
    static CATALOG: OnceLock<Vec<CatalogLens>> = OnceLock::new();
    CATALOG.get_or_init(|| SHIPPED.iter().map(parse_shipped).collect())
}

/// The shipped lens with this alias.
pub fn find(alias: &str) -> Option<&'static CatalogLens> {
    builtin().iter().find(|l| l.alias == alias)
}

fn parse_shipped(shipped: &Shipped) -> CatalogLens {
    let options = LintOptions {
        official_ids: true,
        ..LintOptions::default()
    };
    let lens = lens::parse_with(shipped.text, &options).unwrap_or_else(|diagnostics| {
        let first = diagnostics
            .first()
            .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
            .unwrap_or_else(|| "no diagnostic was reported".to_string());
        panic!(
            "shipped lens `{}` does not parse ({} diagnostics; first: {first})",
            shipped.alias,
            diagnostics.len()
        )
    });
    CatalogLens {
        alias: shipped.alias.to_string(),
        name: shipped.name.to_string(),
        version: shipped.version.to_string(),
        description: shipped.description.to_string(),
        lens_type: LensType::AwsOfficial,
        lens,
    }
}
