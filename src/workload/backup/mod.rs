//! Backing up and restoring a whole workspace: the file format ([`format`]) and what a
//! restore may do with records that already exist ([`RestoreOptions`], [`RestoreResult`]).
//! The operations are `Workspace::export_workspace` and `Workspace::import_workspace`.

pub mod format;

use serde::{Deserialize, Serialize};

use crate::sorted_map::SortedMap;

pub use format::{parse, BackupError, BackupSummary, ParsedBackup, FORMAT, FORMAT_VERSION};

/// `importWorkspace`'s options.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct RestoreOptions {
    /// `preview` (the default) lists what a restore would do and changes nothing; `apply`
    /// restores.
    pub mode: RestoreMode,
    /// The choice for every item that exists here with other content and has no entry in
    /// `resolutions`.
    pub on_conflict: Option<Resolution>,
    /// Choices per item, by its id (workload or template id, or custom lens alias). A review
    /// template in conflict takes `takeBackup` or keeps its own (`keepBoth` keeps it too).
    pub resolutions: SortedMap<String, Resolution>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RestoreMode {
    #[default]
    Preview,
    Apply,
}

/// What to do with an item of the backup that exists here with other content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Resolution {
    /// Keep the workspace's version; the backup's is not restored.
    KeepMine,
    /// Replace the workspace's version with the backup's.
    TakeBackup,
    /// Keep the workspace's version and restore the backup's as a copy (a new id and a name
    /// marked "(restored)").
    KeepBoth,
}

/// One workload or custom lens of the backup, and what the restore does (or would do) with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreItem {
    /// `workload`, `customLens` or `reviewTemplate`.
    pub item_kind: String,
    /// The workload id or the custom lens alias in the backup.
    pub id: String,
    pub name: String,
    /// `new` (not here yet), `identical` (here with the same content) or `conflict` (here
    /// with other content, or its name is taken by another workload).
    pub status: String,
    /// For a conflict: why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// For a conflict in `apply` mode: the choice applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
    /// For `keepBoth`: the id and name of the copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_name: Option<String>,
}

/// `importWorkspace`'s result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestoreResult {
    /// Whether anything was written (`apply` mode).
    pub applied: bool,
    pub summary: BackupSummary,
    pub items: Vec<RestoreItem>,
    /// Records the backup kept as damaged: never written back.
    pub damaged_skipped: usize,
}
