//! The rules of custom lens versions, as AWS documents them for CreateLensVersion.

use crate::workload::error::WorkspaceError;

/// At most this many versions per lens (AWS: "Up to 100 versions per lens").
pub const MAX_VERSIONS: usize = 100;

/// A version name is 1 to 32 characters (AWS LensVersion).
pub const MAX_VERSION_CHARS: usize = 32;

/// Checks a new version name against the names already published.
pub fn check_version_name(name: &str, existing: &[&str]) -> Result<(), WorkspaceError> {
    let field = "lensVersion";
    let chars = name.chars().count();
    if chars == 0 || name.trim().is_empty() {
        return Err(WorkspaceError::validation(
            field,
            "a version name is required (1 to 32 characters, such as `1.0`)",
        ));
    }
    if chars > MAX_VERSION_CHARS {
        return Err(WorkspaceError::validation(
            field,
            format!(
                "a version name has at most {MAX_VERSION_CHARS} characters; this one has {chars}"
            ),
        ));
    }
    if name.trim() != name || name.chars().any(char::is_control) {
        return Err(WorkspaceError::validation(
            field,
            "a version name has no leading or trailing spaces and no control characters",
        ));
    }
    if existing.contains(&name) {
        return Err(WorkspaceError::validation(
            field,
            format!("version `{name}` is already published; versions are immutable, so name the new one differently"),
        ));
    }
    if existing.len() >= MAX_VERSIONS {
        return Err(WorkspaceError::validation(
            field,
            format!(
                "a lens has at most {MAX_VERSIONS} versions; this one has {}",
                existing.len()
            ),
        ));
    }
    Ok(())
}
