//! Backing up the whole workspace to one file and restoring it (see `backup`).
//!
//! A restore never overwrites silently: every workload and custom lens of the backup is
//! `new`, `identical` or a `conflict`, and a conflict is only written with a choice (keep
//! mine, take the backup's, keep both as a copy). All writes go in ONE commit: a restore
//! happens whole or not at all.

use serde_json::{json, Map, Value};

use crate::sorted_map::{SortedMap, SortedSet};
use crate::store::{RawRecord, Store, Write};
use crate::workload::backup::{
    self, ParsedBackup, Resolution, RestoreItem, RestoreMode, RestoreOptions, RestoreResult,
    FORMAT, FORMAT_VERSION,
};
use crate::workload::damage::DamagedRecord;
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::ops::repair::damage_of;
use crate::workload::plan::{Halt, Need, Planning};
use crate::workload::validate::name_key;
use crate::workload::workspace::Workspace;

/// The stored bodies of one workload or custom lens, by record id.
type Records = SortedMap<String, Value>;

/// The writes a restore plans, and what it tells the user.
#[derive(Default)]
struct Plan {
    writes: Vec<Write>,
    items: Vec<RestoreItem>,
    /// Name keys this restore claims, so two items never take one name.
    names: SortedSet<String>,
    /// Custom lenses replaced: their parsed versions must be forgotten.
    replaced_lenses: Vec<String>,
}

impl<S: Store> Workspace<S> {
    /// Every workload and custom lens as one backup file (JSON text, see `backup::format`).
    /// Records that cannot be read go in `damaged`, as stored.
    pub async fn export_workspace(&self) -> Result<String, WorkspaceError> {
        let mut workloads: SortedMap<String, Map<String, Value>> = SortedMap::new();
        let mut lenses: SortedMap<String, Map<String, Value>> = SortedMap::new();
        let mut damaged = Vec::new();
        let mut profiles = Vec::new();
        let mut dismissed = None;
        for raw in self.query(|p| p.raw_list("")).await? {
            if let Some(message) = damage_of(&raw) {
                damaged.push(damaged_entry(&raw, &message));
                continue;
            }
            let body = raw.stored["body"].clone();
            let segments: Vec<&str> = raw.id.split('/').collect();
            let owner = segments.get(1).map(|s| s.to_string()).unwrap_or_default();
            match segments[0] {
                kind @ ("workload" | "template") => {
                    workloads
                        .entry(owner.clone())
                        .or_default()
                        .insert(kind.into(), body);
                }
                "review" | "answer" | "milestone" => {
                    push(&mut workloads, &owner, &format!("{}s", segments[0]), body);
                }
                "customlens" => {
                    lenses
                        .entry(owner.clone())
                        .or_default()
                        .insert("lens".into(), body);
                }
                "customlensdraft" => {
                    lenses
                        .entry(owner.clone())
                        .or_default()
                        .insert("draft".into(), body);
                }
                "customlensversion" => {
                    let number: u32 = segments.get(2).and_then(|n| n.parse().ok()).unwrap_or(0);
                    push(
                        &mut lenses,
                        &owner,
                        "versions",
                        json!({ "number": number, "record": body }),
                    );
                }
                "profile" => profiles.push(body),
                "dismissed" => dismissed = Some(body),
                // Derived (name claims) or the store's own (layout): rebuilt on restore.
                "name" | "meta" => {}
                _ => damaged.push(damaged_entry(&raw, "not a record Plumbline writes")),
            }
        }
        // A template's reviews and answers share the workload keys: the owner's document says.
        let (templates, workloads): (Vec<_>, Vec<_>) = workloads
            .into_values()
            .partition(|parts| parts.contains_key("template"));
        let templates: Vec<Value> = templates
            .into_iter()
            .map(|mut parts| {
                json!({
                    "template": parts.remove("template"),
                    "reviews": parts.remove("reviews").unwrap_or(json!([])),
                    "answers": parts.remove("answers").unwrap_or(json!([])),
                })
            })
            .collect();
        let workloads: Vec<Value> = workloads
            .into_iter()
            .filter_map(|mut parts| {
                // Records of a workload that is not stored (left over) are not part of a
                // backup's workloads; they are rare enough to leave out.
                let workload = parts.remove("workload")?;
                Some(json!({
                    "workload": workload,
                    "reviews": parts.remove("reviews").unwrap_or(json!([])),
                    "answers": parts.remove("answers").unwrap_or(json!([])),
                    "milestones": parts.remove("milestones").unwrap_or(json!([])),
                }))
            })
            .collect();
        let lenses: Vec<Value> = lenses
            .into_values()
            .filter_map(|mut parts| {
                Some(json!({
                    "lens": parts.remove("lens")?,
                    "draft": parts.remove("draft").unwrap_or(Value::Null),
                    "versions": parts.remove("versions").unwrap_or(json!([])),
                }))
            })
            .collect();
        let mut file = json!({
            "format": FORMAT,
            "formatVersion": FORMAT_VERSION,
            "exportedAt": self.now(),
            "engineVersion": env!("CARGO_PKG_VERSION"),
            "workloads": workloads,
            "customLenses": lenses,
            "damaged": damaged,
        });
        if !templates.is_empty() {
            file["reviewTemplates"] = Value::Array(templates);
        }
        // Only when there are some: a workspace without them exports the same file as before.
        if !profiles.is_empty() {
            file["profiles"] = Value::Array(profiles);
        }
        if let Some(d) = dismissed {
            file["dismissed"] = d;
        }
        Ok(serde_json::to_string_pretty(&file).expect("JSON values serialise"))
    }

    /// Restores a backup file (see `backup::RestoreOptions`). A file that is not a valid
    /// backup is refused with the JSON path of its first problem, and nothing changes.
    pub async fn import_workspace(
        &self,
        text: &str,
        options: RestoreOptions,
    ) -> Result<RestoreResult, WorkspaceError> {
        let parsed = backup::parse(text).map_err(|e| WorkspaceError::FileInvalid {
            path: e.path,
            message: e.message,
        })?;
        let mut outcome = None;
        self.run(&mut |p| {
            let plan = p.restore(&parsed, &options)?;
            let result = RestoreResult {
                applied: options.mode == RestoreMode::Apply,
                summary: parsed.summary(),
                items: plan.items,
                damaged_skipped: parsed.file.damaged.len(),
            };
            let writes = match options.mode {
                RestoreMode::Preview => Vec::new(),
                RestoreMode::Apply => {
                    check_resolved(&result.items)?;
                    plan.writes
                }
            };
            outcome = Some((result, plan.replaced_lenses));
            Ok(writes)
        })
        .await?;
        let (result, replaced_lenses) = outcome.expect("planned");
        for alias in &replaced_lenses {
            self.core.forget_lens(alias);
        }
        Ok(result)
    }
}

/// Every conflict must have a resolution before anything is written.
fn check_resolved(items: &[RestoreItem]) -> Result<(), WorkspaceError> {
    let open: Vec<&RestoreItem> = items
        .iter()
        .filter(|i| i.status == "conflict" && i.resolution.is_none())
        .collect();
    if open.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = open.iter().map(|i| format!("`{}`", i.name)).collect();
    Err(WorkspaceError::validation(
        "onConflict",
        format!(
            "{} item(s) of the backup exist here with other content: {}; choose keepMine, takeBackup or keepBoth for each (resolutions) or for all (onConflict)",
            open.len(),
            names.join(", ")
        ),
    ))
}

impl Planning<'_> {
    /// The writes of a restore and what it tells about each item.
    fn restore(&mut self, parsed: &ParsedBackup, options: &RestoreOptions) -> Result<Plan, Halt> {
        self.prefetch(restore_reads(parsed))?;
        let mut plan = Plan::default();
        let choice = |id: &str| options.resolutions.get(id).copied().or(options.on_conflict);
        for (i, lens) in parsed.file.custom_lenses.iter().enumerate() {
            let alias = &lens.lens.lens_alias;
            let records = lens_records(alias, &parsed.value["customLenses"][i]);
            let mut existing = Vec::new();
            existing.extend(self.raw(&keys::custom_lens(alias))?);
            existing.extend(self.raw(&keys::custom_lens_draft(alias))?);
            existing.extend(self.raw_list(&keys::custom_lens_versions_of(alias))?);
            let mut item = item("customLens", alias, &lens.lens.lens_name);
            if settled(
                &mut item,
                &existing,
                &records,
                &mut plan.writes,
                "a custom lens",
            ) {
                item.resolution = choice(alias);
                match item.resolution {
                    Some(Resolution::TakeBackup) => {
                        plan.writes.extend(replacements(&existing, &records));
                        plan.replaced_lenses.push(alias.clone());
                    }
                    Some(Resolution::KeepBoth) => {
                        let copy = self.new_workload_id();
                        let name = format!("{} (restored)", lens.lens.lens_name);
                        let mut value = parsed.value["customLenses"][i].clone();
                        rename_lens(&mut value, &copy, &name);
                        plan.writes.extend(creations(&lens_records(&copy, &value)));
                        item.copy_id = Some(copy);
                        item.copy_name = Some(name);
                    }
                    Some(Resolution::KeepMine) | None => {}
                }
            }
            plan.items.push(item);
        }
        for (i, t) in parsed.file.review_templates.iter().enumerate() {
            let id = &t.workload.workload_id;
            let value = &parsed.value["reviewTemplates"][i];
            let mut records = workload_records_of(id, value);
            records.remove(&keys::workload(id));
            records.insert(keys::template(id), value["template"].clone());
            let mut existing: Vec<RawRecord> = self.raw(&keys::template(id))?.into_iter().collect();
            existing.extend(self.raw_list(&keys::reviews_of(id))?);
            existing.extend(self.raw_list(&keys::answers_of(id))?);
            let mut item = item("reviewTemplate", id, &t.workload.properties.workload_name);
            if settled(
                &mut item,
                &existing,
                &records,
                &mut plan.writes,
                "a review template",
            ) {
                item.resolution = choice(id);
                // A template has no copy of its own: keeping both keeps this one.
                if item.resolution == Some(Resolution::TakeBackup) {
                    plan.writes.extend(replacements(&existing, &records));
                }
            }
            plan.items.push(item);
        }
        for (i, profile) in parsed.file.profiles.iter().enumerate() {
            let id = &profile.profile_id;
            let mut records = Records::new();
            records.insert(keys::profile(id), parsed.value["profiles"][i].clone());
            let existing: Vec<RawRecord> = self.raw(&keys::profile(id))?.into_iter().collect();
            let mut item = item("profile", id, &profile.profile_name);
            if settled(
                &mut item,
                &existing,
                &records,
                &mut plan.writes,
                "a profile",
            ) {
                item.resolution = choice(id);
                match item.resolution {
                    Some(Resolution::TakeBackup) => {
                        plan.writes.extend(replacements(&existing, &records))
                    }
                    Some(Resolution::KeepBoth) => {
                        let copy = self.new_workload_id();
                        let name = format!("{} (restored)", profile.profile_name);
                        let mut value = parsed.value["profiles"][i].clone();
                        value["profileId"] = json!(copy);
                        value["profileName"] = json!(name);
                        let records = Records::from([(keys::profile(&copy), value)]);
                        plan.writes.extend(creations(&records));
                        item.copy_id = Some(copy);
                        item.copy_name = Some(name);
                    }
                    Some(Resolution::KeepMine) | None => {}
                }
            }
            plan.items.push(item);
        }
        if let Some(backup) = &parsed.file.dismissed {
            // Dismissals merge: what either side dismissed stays dismissed.
            let current = self.raw(keys::DISMISSED_ID)?;
            let mut merged: Vec<String> = current
                .as_ref()
                .and_then(|r| r.stored["body"]["dismissed"].as_array().cloned())
                .unwrap_or_default()
                .iter()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect();
            let before = merged.len();
            for k in &backup.dismissed {
                if !merged.contains(k) {
                    merged.push(k.clone());
                }
            }
            if merged.len() != before || current.is_none() {
                plan.writes.push(Write {
                    id: keys::DISMISSED_ID.to_string(),
                    expected_rev: current.as_ref().map(RawRecord::write_rev),
                    body: Some(json!({ "dismissed": merged })),
                });
            }
        }
        for (i, w) in parsed.file.workloads.iter().enumerate() {
            let id = &w.workload.workload_id;
            let name = &w.workload.properties.workload_name;
            let value = &parsed.value["workloads"][i];
            let records = workload_records_of(id, value);
            let existing = self.workload_records(id)?;
            let mut item = item("workload", id, name);
            let taken = self.name_taken_by_other(id, name, &plan.names)?;
            if existing.is_empty() && !taken {
                item.status = "new".into();
                plan.writes.extend(creations(&records));
                plan.writes.push(self.claim_name(id, name)?);
                plan.names.insert(name_key(name));
            } else if !existing.is_empty() && same(&existing, &records) {
                item.status = "identical".into();
            } else {
                item.status = "conflict".into();
                item.reason = Some(if existing.is_empty() {
                    "another workload here has this name".into()
                } else {
                    "this workload exists here with other content".into()
                });
                item.resolution = choice(id);
                match item.resolution {
                    // A name held by another workload cannot be taken over: the backup's
                    // workload comes in as a copy, as with keepBoth.
                    Some(Resolution::TakeBackup) if !taken => {
                        plan.writes.extend(replacements(&existing, &records));
                        let old = existing
                            .iter()
                            .find(|r| r.id == keys::workload(id))
                            .and_then(|r| r.stored["body"]["workloadName"].as_str());
                        if let Some(old) = old.filter(|o| name_key(o) != name_key(name)) {
                            plan.writes.extend(self.release_name(id, old)?);
                        }
                        plan.writes.push(self.claim_name(id, name)?);
                        plan.names.insert(name_key(name));
                    }
                    Some(Resolution::TakeBackup | Resolution::KeepBoth) => {
                        let copy = self.new_workload_id();
                        let copy_name = self.copy_name(&copy, name, &plan.names)?;
                        let mut value = value.clone();
                        rename_workload(&mut value, &copy, &copy_name);
                        plan.writes
                            .extend(creations(&workload_records_of(&copy, &value)));
                        plan.writes.push(self.claim_name(&copy, &copy_name)?);
                        plan.names.insert(name_key(&copy_name));
                        item.copy_id = Some(copy);
                        item.copy_name = Some(copy_name);
                    }
                    Some(Resolution::KeepMine) | None => {}
                }
            }
            plan.items.push(item);
        }
        Ok(plan)
    }

    /// Whether `name` is held by a workload other than `id`, here or earlier in this restore.
    fn name_taken_by_other(
        &self,
        id: &str,
        name: &str,
        batch: &SortedSet<String>,
    ) -> Result<bool, Halt> {
        if batch.contains(&name_key(name)) {
            return Ok(true);
        }
        match self.claim_name(id, name) {
            Ok(_) => Ok(false),
            Err(Halt::Failed(WorkspaceError::Validation { .. })) => Ok(true),
            Err(e) => Err(e),
        }
    }

    /// `name (restored)`, or `name (restored N)`, whichever is free first (at most 100
    /// characters, as every workload name).
    fn copy_name(&self, id: &str, name: &str, batch: &SortedSet<String>) -> Result<String, Halt> {
        for n in 1..=100 {
            let suffix = if n == 1 {
                " (restored)".to_string()
            } else {
                format!(" (restored {n})")
            };
            let base: String = name.chars().take(100 - suffix.chars().count()).collect();
            let candidate = format!("{}{suffix}", base.trim_end());
            if !self.name_taken_by_other(id, &candidate, batch)? {
                return Ok(candidate);
            }
        }
        Err(WorkspaceError::conflict(format!(
            "no free name for a copy of `{name}`; rename the workload here and restore again"
        ))
        .into())
    }
}

/// What a restore reads, asked for at once: each lens's and each workload's records and the
/// claim of each workload's name.
fn restore_reads(parsed: &ParsedBackup) -> Vec<Need> {
    let mut needs = Vec::new();
    for lens in &parsed.file.custom_lenses {
        let alias = &lens.lens.lens_alias;
        needs.push(Need::Prefix(keys::custom_lens(alias)));
        needs.push(Need::Prefix(keys::custom_lens_draft(alias)));
        needs.push(Need::Prefix(keys::custom_lens_versions_of(alias)));
    }
    for t in &parsed.file.review_templates {
        let id = &t.workload.workload_id;
        needs.push(Need::Prefix(keys::template(id)));
        needs.push(Need::Prefix(keys::reviews_of(id)));
        needs.push(Need::Prefix(keys::answers_of(id)));
    }
    for p in &parsed.file.profiles {
        needs.push(Need::Prefix(keys::profile(&p.profile_id)));
    }
    needs.push(Need::Prefix(keys::DISMISSED_ID.to_string()));
    for w in &parsed.file.workloads {
        let id = &w.workload.workload_id;
        needs.push(Need::Prefix(keys::workload(id)));
        needs.push(Need::Prefix(keys::reviews_of(id)));
        needs.push(Need::Prefix(keys::answers_of(id)));
        needs.push(Need::Prefix(keys::milestones_of(id)));
        let claim = keys::workload_name(&name_key(&w.workload.properties.workload_name));
        needs.push(Need::Prefix(claim));
    }
    needs
}

fn item(kind: &str, id: &str, name: &str) -> RestoreItem {
    RestoreItem {
        item_kind: kind.into(),
        id: id.into(),
        name: name.into(),
        status: String::new(),
        reason: None,
        resolution: None,
        copy_id: None,
        copy_name: None,
    }
}

/// Appends `v` to the array `key` of `owner`'s entry, creating both as needed.
fn push(map: &mut SortedMap<String, Map<String, Value>>, owner: &str, key: &str, v: Value) {
    let entry = map.entry(owner.to_string()).or_default();
    if let Value::Array(a) = entry.entry(key).or_insert_with(|| json!([])) {
        a.push(v);
    }
}

fn damaged_entry(raw: &RawRecord, message: &str) -> Value {
    let d = DamagedRecord::new(&raw.id, message);
    json!({ "recordId": d.record_id, "stored": raw.stored, "message": d.message })
}

/// The records of a backup workload (`value`: its entry in the file), by the ids they are
/// stored under when the workload has id `id`.
fn workload_records_of(id: &str, value: &Value) -> Records {
    let mut records = Records::new();
    records.insert(keys::workload(id), value["workload"].clone());
    for r in array(&value["reviews"]) {
        let alias = r["lensAlias"].as_str().unwrap_or_default();
        records.insert(keys::review(id, alias), r.clone());
    }
    for a in array(&value["answers"]) {
        let alias = a["lensAlias"].as_str().unwrap_or_default();
        let question = a["questionId"].as_str().unwrap_or_default();
        records.insert(keys::answer(id, alias, question), a.clone());
    }
    for m in array(&value["milestones"]) {
        let n = m["milestoneNumber"].as_u64().unwrap_or_default() as u32;
        records.insert(keys::milestone(id, n), m.clone());
    }
    records
}

fn lens_records(alias: &str, value: &Value) -> Records {
    let mut records = Records::new();
    records.insert(keys::custom_lens(alias), value["lens"].clone());
    if !value["draft"].is_null() {
        records.insert(keys::custom_lens_draft(alias), value["draft"].clone());
    }
    for v in array(&value["versions"]) {
        let n = v["number"].as_u64().unwrap_or_default() as u32;
        records.insert(keys::custom_lens_version(alias, n), v["record"].clone());
    }
    records
}

fn array(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or_default()
}

/// Gives `item` its status against what is stored: `new` (its records' creations added to
/// `writes`), `identical`, or `conflict` (true: the caller applies the resolution).
fn settled(
    item: &mut RestoreItem,
    existing: &[RawRecord],
    records: &Records,
    writes: &mut Vec<Write>,
    what: &str,
) -> bool {
    if existing.is_empty() {
        item.status = "new".into();
        writes.extend(creations(records));
        false
    } else if same(existing, records) {
        item.status = "identical".into();
        false
    } else {
        item.status = "conflict".into();
        item.reason = Some(format!(
            "{what} with this id exists here with other content"
        ));
        true
    }
}

/// Whether the stored records are exactly the backup's (same ids, same bodies).
fn same(existing: &[RawRecord], records: &Records) -> bool {
    existing.len() == records.len()
        && existing.iter().all(|r| {
            r.document()
                .is_some_and(|d| records.get(&r.id) == Some(&d.body))
        })
}

fn creations(records: &Records) -> Vec<Write> {
    records
        .iter()
        .map(|(id, body)| Write {
            id: id.clone(),
            expected_rev: None,
            body: Some(body.clone()),
        })
        .collect()
}

/// The backup's records over the existing ones: overwrite, create, and delete what the backup
/// does not have.
fn replacements(existing: &[RawRecord], records: &Records) -> Vec<Write> {
    let mut current: SortedMap<&str, &RawRecord> = SortedMap::new();
    for r in existing {
        current.insert(r.id.as_str(), r);
    }
    let mut writes: Vec<Write> = records
        .iter()
        .map(|(id, body)| Write {
            id: id.clone(),
            expected_rev: current.get(id.as_str()).map(|r| r.write_rev()),
            body: Some(body.clone()),
        })
        .collect();
    writes.extend(
        existing
            .iter()
            .filter(|r| !records.contains_key(&r.id))
            .map(RawRecord::deletion),
    );
    writes
}

/// A workload entry of the file as a copy: new id and name (also in its milestones' frozen
/// workloads, which name the workload they belong to).
fn rename_workload(value: &mut Value, id: &str, name: &str) {
    value["workload"]["workloadId"] = json!(id);
    value["workload"]["workloadName"] = json!(name);
    if let Some(milestones) = value["milestones"].as_array_mut() {
        for m in milestones {
            m["workload"]["workloadId"] = json!(id);
        }
    }
}

/// A custom lens entry of the file as a copy: a new alias everywhere, and a new name.
fn rename_lens(value: &mut Value, alias: &str, name: &str) {
    value["lens"]["lensAlias"] = json!(alias);
    value["lens"]["lensName"] = json!(name);
    if value["draft"].is_object() {
        value["draft"]["lensAlias"] = json!(alias);
    }
    if let Some(versions) = value["versions"].as_array_mut() {
        for v in versions {
            v["record"]["lensAlias"] = json!(alias);
        }
    }
}
