//! The workspace backup file: one JSON document holding every workload (properties, lens
//! reviews with their notes, answers with choice updates, notes and reasons, milestones) and
//! every custom lens (metadata, draft, each published version), plus the records that could
//! not be read, kept as stored so that nothing is lost by a backup. Review templates, when
//! there are any, are in `reviewTemplates` (`{template, reviews, answers}` each).
//!
//! Records appear exactly as the store holds them (the stored document types of `record` and
//! `custom_lens::record`), so a restore writes them back unchanged and export → restore →
//! export gives the same file apart from `exportedAt`. Derived records (name claims) and the
//! layout record are not part of it: a restore rebuilds them.
//!
//! Reading is strict: a file that is not a backup, comes from a newer format, has a record of
//! the wrong shape or two records for one key is refused with the JSON path of the first
//! problem, before anything is written.

use serde::Serialize;
use serde_json::Value;

use crate::sorted_map::SortedSet;
use crate::workload::custom_lens::record::{CustomLensDoc, DraftDoc, VersionDoc};
use crate::workload::keys;
use crate::workload::profile::record::{DismissedDoc, ProfileDoc};
use crate::workload::record::{AnswerDoc, MilestoneDoc, ReviewDoc, WorkloadDoc};
use crate::workload::validate::name_key;

/// The `format` every backup carries.
pub const FORMAT: &str = "plumbline-workspace-backup";
/// The version this code writes and reads. A file of a newer version is refused.
pub const FORMAT_VERSION: u32 = 1;
/// Largest backup file accepted, in bytes (the CLI and the app read no more).
pub const MAX_BACKUP_BYTES: usize = 200 * 1024 * 1024;

/// A backup, with each record as its stored type (validated) — see the module docs.
#[derive(Debug, Clone)]
pub struct BackupFile {
    pub format: String,
    pub format_version: u32,
    pub exported_at: String,
    pub engine_version: String,
    pub workloads: Vec<WorkloadBackup>,
    pub custom_lenses: Vec<CustomLensBackup>,
    /// Present in the file only when there are some, so that a workspace without profiles
    /// writes the same file as before them.
    pub profiles: Vec<ProfileDoc>,
    pub dismissed: Option<DismissedDoc>,
    pub damaged: Vec<DamagedBackup>,
    /// `reviewTemplates`: each template as a workload without milestones (its document is
    /// under `template`); absent from files of workspaces without templates.
    pub review_templates: Vec<WorkloadBackup>,
}

#[derive(Debug, Clone)]
pub struct WorkloadBackup {
    pub workload: WorkloadDoc,
    pub reviews: Vec<ReviewDoc>,
    pub answers: Vec<AnswerDoc>,
    pub milestones: Vec<MilestoneDoc>,
}

#[derive(Debug, Clone)]
pub struct CustomLensBackup {
    pub lens: CustomLensDoc,
    pub draft: Option<DraftDoc>,
    pub versions: Vec<NumberedVersion>,
}

/// A published version with the number it is stored under (1 = the first published).
#[derive(Debug, Clone)]
pub struct NumberedVersion {
    pub number: u32,
    pub record: VersionDoc,
}

/// A record that could not be read when the backup was made, kept as stored. A restore does
/// not write it back; it is there so the data is not lost.
#[derive(Debug, Clone)]
pub struct DamagedBackup {
    pub record_id: String,
    pub stored: Value,
    pub message: String,
}

/// Why a file is not a backup we can restore: the JSON path of the first problem and what is
/// wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupError {
    /// `$`-rooted JSON path (`$.workloads[0].answers[3].lensAlias`).
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "at {}: {}", self.path, self.message)
    }
}

impl std::error::Error for BackupError {}

/// What a valid backup holds (the CLI's `backup check` prints it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupSummary {
    pub format_version: u32,
    pub exported_at: String,
    pub workloads: usize,
    pub answers: usize,
    pub milestones: usize,
    pub custom_lenses: usize,
    #[serde(skip_serializing_if = "is_zero")]
    pub profiles: usize,
    pub damaged: usize,
    pub review_templates: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A backup read from its text: the file as typed records (validated) and as JSON values
/// (what a restore writes, unchanged).
#[derive(Debug, Clone)]
pub struct ParsedBackup {
    pub file: BackupFile,
    pub value: Value,
}

fn at(path: impl Into<String>, message: impl Into<String>) -> BackupError {
    BackupError {
        path: path.into(),
        message: message.into(),
    }
}

/// Reads and checks a backup file's text.
pub fn parse(text: &str) -> Result<ParsedBackup, BackupError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(at(
            "$",
            format!("the file is larger than {MAX_BACKUP_BYTES} bytes"),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| {
        at(
            "$",
            format!(
                "not JSON: {} (line {}, column {})",
                e.to_string().split(" at line").next().unwrap_or_default(),
                e.line(),
                e.column()
            ),
        )
    })?;
    match value.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        _ => {
            return Err(at(
                "$.format",
                format!("not a Plumbline workspace backup (expected \"format\": \"{FORMAT}\")"),
            ))
        }
    }
    match value.get("formatVersion").and_then(Value::as_u64) {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        Some(v) if v > u64::from(FORMAT_VERSION) => {
            return Err(at(
                "$.formatVersion",
                format!("written by a newer Plumbline (format {v}; this version reads format {FORMAT_VERSION})"),
            ))
        }
        _ => {
            return Err(at(
                "$.formatVersion",
                format!("expected the format version {FORMAT_VERSION}"),
            ))
        }
    }
    let file = typed(&value)?;
    check(&file)?;
    Ok(ParsedBackup { file, value })
}

/// The file as typed records. Each record is read on its own, by the same reader the
/// workspace uses for stored records (no second serde path in the wasm), so an error names
/// the record's JSON path and serde's message names the field.
fn typed(value: &Value) -> Result<BackupFile, BackupError> {
    fn read<T: serde::de::DeserializeOwned>(v: &Value, path: &str) -> Result<T, BackupError> {
        crate::value_reader::from_value(v.clone()).map_err(|e| at(path, e.to_string()))
    }
    fn list<'v>(v: &'v Value, path: &str) -> Result<&'v [Value], BackupError> {
        v.as_array()
            .map(Vec::as_slice)
            .ok_or_else(|| at(path, "expected an array"))
    }
    fn each<T: serde::de::DeserializeOwned>(v: &Value, path: &str) -> Result<Vec<T>, BackupError> {
        list(v, path)?
            .iter()
            .enumerate()
            .map(|(i, item)| read(item, &format!("{path}[{i}]")))
            .collect()
    }
    let Some(top) = value.as_object() else {
        return Err(at("$", "expected an object"));
    };
    const TOP: [&str; 10] = [
        "reviewTemplates",
        "format",
        "formatVersion",
        "exportedAt",
        "engineVersion",
        "workloads",
        "customLenses",
        "profiles",
        "dismissed",
        "damaged",
    ];
    if let Some(key) = top.keys().find(|k| !TOP.contains(&k.as_str())) {
        return Err(at(format!("$.{key}"), "not a field of a backup"));
    }
    let text =
        |key: &str| -> Result<String, BackupError> { read(&value[key], &format!("$.{key}")) };
    let mut workloads = Vec::new();
    for (i, w) in list(&value["workloads"], "$.workloads")?.iter().enumerate() {
        let path = format!("$.workloads[{i}]");
        if let Some(key) = w.as_object().and_then(|o| {
            o.keys()
                .find(|k| !["workload", "reviews", "answers", "milestones"].contains(&k.as_str()))
        }) {
            return Err(at(
                format!("{path}.{key}"),
                "not a field of a backed-up workload",
            ));
        }
        workloads.push(WorkloadBackup {
            workload: read(&w["workload"], &format!("{path}.workload"))?,
            reviews: each(&w["reviews"], &format!("{path}.reviews"))?,
            answers: each(&w["answers"], &format!("{path}.answers"))?,
            milestones: each(&w["milestones"], &format!("{path}.milestones"))?,
        });
    }
    let mut review_templates = Vec::new();
    let templates = match &value["reviewTemplates"] {
        Value::Null => &[][..],
        t => list(t, "$.reviewTemplates")?,
    };
    for (i, t) in templates.iter().enumerate() {
        let path = format!("$.reviewTemplates[{i}]");
        if let Some(key) = t.as_object().and_then(|o| {
            o.keys()
                .find(|k| !["template", "reviews", "answers"].contains(&k.as_str()))
        }) {
            return Err(at(
                format!("{path}.{key}"),
                "not a field of a backed-up review template",
            ));
        }
        review_templates.push(WorkloadBackup {
            workload: read(&t["template"], &format!("{path}.template"))?,
            reviews: each(&t["reviews"], &format!("{path}.reviews"))?,
            answers: each(&t["answers"], &format!("{path}.answers"))?,
            milestones: Vec::new(),
        });
    }
    let mut custom_lenses = Vec::new();
    for (i, l) in list(&value["customLenses"], "$.customLenses")?
        .iter()
        .enumerate()
    {
        let path = format!("$.customLenses[{i}]");
        let mut versions = Vec::new();
        for (j, v) in list(&l["versions"], &format!("{path}.versions"))?
            .iter()
            .enumerate()
        {
            let vpath = format!("{path}.versions[{j}]");
            versions.push(NumberedVersion {
                number: read(&v["number"], &format!("{vpath}.number"))?,
                record: read(&v["record"], &format!("{vpath}.record"))?,
            });
        }
        custom_lenses.push(CustomLensBackup {
            lens: read(&l["lens"], &format!("{path}.lens"))?,
            draft: match &l["draft"] {
                Value::Null => None,
                d => Some(read(d, &format!("{path}.draft"))?),
            },
            versions,
        });
    }
    let damaged = match &value["damaged"] {
        Value::Null => Vec::new(),
        d => list(d, "$.damaged")?
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let path = format!("$.damaged[{i}]");
                Ok(DamagedBackup {
                    record_id: read(&d["recordId"], &format!("{path}.recordId"))?,
                    stored: d["stored"].clone(),
                    message: read(&d["message"], &format!("{path}.message"))?,
                })
            })
            .collect::<Result<_, BackupError>>()?,
    };
    let profiles = match &value["profiles"] {
        Value::Null => Vec::new(),
        p => each(p, "$.profiles")?,
    };
    let dismissed = match &value["dismissed"] {
        Value::Null => None,
        d => Some(read(d, "$.dismissed")?),
    };
    Ok(BackupFile {
        format: text("format")?,
        format_version: FORMAT_VERSION,
        exported_at: text("exportedAt")?,
        engine_version: text("engineVersion")?,
        workloads,
        custom_lenses,
        profiles,
        dismissed,
        damaged,
        review_templates,
    })
}

/// The rules the types alone do not fix: ids in their shapes, one record per key, each record
/// under the workload or lens it names.
fn check(file: &BackupFile) -> Result<(), BackupError> {
    let mut workload_ids = SortedSet::new();
    let mut names = SortedSet::new();
    for (i, w) in file.workloads.iter().enumerate() {
        let path = format!("$.workloads[{i}]");
        let id = &w.workload.workload_id;
        keys::check_workload_id(id)
            .map_err(|e| at(format!("{path}.workload.workloadId"), e.to_string()))?;
        if !workload_ids.insert(id.clone()) {
            return Err(at(
                format!("{path}.workload.workloadId"),
                format!("workload `{id}` appears twice"),
            ));
        }
        if !names.insert(name_key(&w.workload.properties.workload_name)) {
            return Err(at(
                format!("{path}.workload.workloadName"),
                "two workloads of the backup have this name (names are unique ignoring case and spaces)",
            ));
        }
        unique(
            w.reviews.iter().map(|r| r.lens_alias.clone()),
            |j| format!("{path}.reviews[{j}].lensAlias"),
            "a second review of this lens",
        )?;
        unique(
            w.answers
                .iter()
                .map(|a| format!("{}/{}", a.lens_alias, a.answer.question_id)),
            |j| format!("{path}.answers[{j}]"),
            "a second answer to this question of this lens",
        )?;
        for (j, m) in w.milestones.iter().enumerate() {
            if !(1..=100).contains(&m.milestone_number) {
                return Err(at(
                    format!("{path}.milestones[{j}].milestoneNumber"),
                    "milestone numbers are 1 to 100",
                ));
            }
            if m.workload.workload_id != *id {
                return Err(at(
                    format!("{path}.milestones[{j}].workload.workloadId"),
                    format!("the milestone belongs to another workload (expected `{id}`)"),
                ));
            }
        }
        unique(
            w.milestones.iter().map(|m| m.milestone_number.to_string()),
            |j| format!("{path}.milestones[{j}].milestoneNumber"),
            "a second milestone with this number",
        )?;
    }
    for (i, t) in file.review_templates.iter().enumerate() {
        let path = format!("$.reviewTemplates[{i}].template");
        let id = &t.workload.workload_id;
        keys::check_workload_id(id).map_err(|e| at(format!("{path}.workloadId"), e.to_string()))?;
        if t.workload.template_version.is_none() || !workload_ids.insert(id.clone()) {
            return Err(at(
                format!("{path}.workloadId"),
                format!("`{id}` is not a review template of its own (no templateVersion, or its id is taken)"),
            ));
        }
    }
    let mut aliases = SortedSet::new();
    for (i, l) in file.custom_lenses.iter().enumerate() {
        let path = format!("$.customLenses[{i}]");
        let alias = &l.lens.lens_alias;
        if !keys::is_custom_alias(alias) {
            return Err(at(
                format!("{path}.lens.lensAlias"),
                "a custom lens alias is 32 lowercase hexadecimal characters",
            ));
        }
        if !aliases.insert(alias.clone()) {
            return Err(at(
                format!("{path}.lens.lensAlias"),
                format!("custom lens `{alias}` appears twice"),
            ));
        }
        if l.draft.as_ref().is_some_and(|d| &d.lens_alias != alias) {
            return Err(at(
                format!("{path}.draft.lensAlias"),
                format!("the draft belongs to another lens (expected `{alias}`)"),
            ));
        }
        for (j, v) in l.versions.iter().enumerate() {
            if v.record.lens_alias != *alias {
                return Err(at(
                    format!("{path}.versions[{j}].record.lensAlias"),
                    format!("the version belongs to another lens (expected `{alias}`)"),
                ));
            }
            if !(1..=100).contains(&v.number) {
                return Err(at(
                    format!("{path}.versions[{j}].number"),
                    "version numbers are 1 to 100",
                ));
            }
        }
        unique(
            l.versions.iter().map(|v| v.number.to_string()),
            |j| format!("{path}.versions[{j}].number"),
            "a second version with this number",
        )?;
    }
    let mut profile_ids = SortedSet::new();
    for (i, p) in file.profiles.iter().enumerate() {
        let path = format!("$.profiles[{i}].profileId");
        keys::check_workload_id(&p.profile_id).map_err(|_| {
            at(
                path.as_str(),
                "a profile id is 32 lowercase hexadecimal characters",
            )
        })?;
        if !profile_ids.insert(p.profile_id.clone()) {
            return Err(at(
                path,
                format!("profile `{}` appears twice", p.profile_id),
            ));
        }
    }
    Ok(())
}

fn unique(
    items: impl Iterator<Item = String>,
    path: impl Fn(usize) -> String,
    what: &str,
) -> Result<(), BackupError> {
    let mut seen = SortedSet::new();
    for (j, item) in items.enumerate() {
        if !seen.insert(item) {
            return Err(at(path(j), what.to_string()));
        }
    }
    Ok(())
}

impl ParsedBackup {
    pub fn summary(&self) -> BackupSummary {
        let f = &self.file;
        BackupSummary {
            format_version: f.format_version,
            exported_at: f.exported_at.clone(),
            workloads: f.workloads.len(),
            answers: f.workloads.iter().map(|w| w.answers.len()).sum(),
            milestones: f.workloads.iter().map(|w| w.milestones.len()).sum(),
            custom_lenses: f.custom_lenses.len(),
            profiles: f.profiles.len(),
            damaged: f.damaged.len(),
            review_templates: f.review_templates.len(),
        }
    }
}
