//! Lens-level rules: the schema version.

use crate::lens::build::Cx;
use crate::lens::codes;
use crate::lens::path::Path;
use crate::shown::excerpt;

/// The only schema version the lens format defines ("set by the template, do not change").
pub const SCHEMA_VERSION: &str = "2021-11-01";

/// Any other value is an error: a file with another version was written against a format we
/// (and AWS, as far as anyone knows) do not have, e.g. the corpus's `2023-06-22`.
pub fn schema_version(cx: &mut Cx<'_>, version: &str, offset: usize, path: &Path<'_>) {
    if version != SCHEMA_VERSION {
        cx.issues.error(
            codes::UNSUPPORTED_SCHEMA_VERSION,
            path,
            offset,
            format!(
                "schemaVersion is `{}`; the only accepted value is `{SCHEMA_VERSION}`",
                excerpt(version)
            ),
        );
    }
}
