//! Damaged records: finding them, exporting a workload's records as stored, repairing what
//! the core can recompute (or, after a team sync, recomputing only local derived data), and
//! deleting a workload whatever state its records are in.
//!
//! These operations read records raw ([`Store::list_raw`]) so that no damaged record can stop
//! them, and name damaged records in writes by [`RawRecord::write_rev`].

use serde_json::{json, Value};

use crate::sorted_map::SortedMap;
use crate::store::StoreError;
use crate::store::{RawRecord, Store, Write};
use crate::workload::custom_lens::record::CustomLensDoc;
use crate::workload::damage::{record_kind, DamagedRecord, RepairReport};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::operation::{change, query, Operation};
use crate::workload::plan::{Halt, Need, Planning};
use crate::workload::record::{to_body, AnswerDoc, MilestoneDoc, NameDoc, ReviewDoc, WorkloadDoc};
use crate::workload::record::{MilestoneEntry, WorkloadListing};
use crate::workload::summary::summarize;
use crate::workload::workspace::{decode_raw, Workspace};

/// The fields of `workload/{id}` derived from other records: a repair recomputes them.
const DERIVED_FIELDS: [&str; 5] = [
    "riskCounts",
    "questionsAnswered",
    "questionCount",
    "lensSummaries",
    "milestones",
];

impl<S: Store> Workspace<S> {
    /// Every damaged record of the workspace, by id (reads every record: for a check page,
    /// not for each list).
    pub async fn damaged_records(&self) -> Result<Vec<DamagedRecord>, WorkspaceError> {
        self.perform(damaged_records()).await
    }

    /// The workload records that cannot be read, as the workload list leaves them out.
    pub async fn damaged_workloads(&self) -> Result<Vec<DamagedRecord>, WorkspaceError> {
        self.perform(damaged_workloads()).await
    }

    /// The custom lens records that cannot be read, as the lens list leaves them out. Each
    /// can still be deleted with `delete_lens` (its alias is the id after `customlens/`).
    pub async fn damaged_lenses(&self) -> Result<Vec<DamagedRecord>, WorkspaceError> {
        self.perform(damaged_lenses()).await
    }

    /// Every record of workload `id` exactly as stored (see [`export_raw_workload`]).
    pub async fn export_raw_workload(&self, id: &str) -> Result<String, WorkspaceError> {
        self.perform(export_raw_workload(id.into())).await
    }

    /// Deletes the workload with its lens reviews, answers, milestones and name claim, in one
    /// commit — also when some of them (the workload record itself included) are damaged, and
    /// when only leftovers of a workload remain.
    pub async fn delete_workload(&self, id: &str) -> Result<(), WorkspaceError> {
        self.perform(delete_workload(id.into())).await
    }

    /// Rebuilds what the core can of workload `id` (see [`repair_workload`]).
    pub async fn repair_workload(&self, id: &str) -> Result<RepairReport, WorkspaceError> {
        self.perform(repair_workload(id.into())).await
    }

    /// Recomputes the local, derived data of workload `id` (see [`refresh_workload`]).
    pub async fn refresh_workload(&self, id: &str) -> Result<Vec<DamagedRecord>, WorkspaceError> {
        self.perform(refresh_workload(id.into())).await
    }
}

pub(crate) fn damaged_records() -> impl Operation<Output = Vec<DamagedRecord>> {
    query(|p| {
        Ok(p.raw_list("")?
            .iter()
            .filter_map(|raw| Some(DamagedRecord::new(&raw.id, damage_of(raw)?)))
            .collect())
    })
}

pub(crate) fn damaged_workloads() -> impl Operation<Output = Vec<DamagedRecord>> {
    query(|p| Ok(p.readable::<WorkloadListing>(keys::WORKLOAD_PREFIX)?.1))
}

pub(crate) fn damaged_lenses() -> impl Operation<Output = Vec<DamagedRecord>> {
    query(|p| Ok(p.readable::<CustomLensDoc>(keys::CUSTOM_LENS_PREFIX)?.1))
}

/// Every record of workload `id` exactly as stored, damaged ones included, as JSON text
/// (`{format, workloadId, exportedAt, records: [{id, stored}]}`): what a user keeps before
/// a repair or a delete, or sends with a bug report.
pub(crate) fn export_raw_workload(id: String) -> impl Operation<Output = String> {
    query(move |p| {
        keys::check_workload_id(&id)?;
        let records = p.workload_records(&id)?;
        if records.is_empty() {
            return Err(no_workload(&id).into());
        }
        let records: Vec<Value> = records
            .into_iter()
            .map(|r| json!({ "id": r.id, "stored": r.stored }))
            .collect();
        let file = json!({
            "format": "plumbline-raw-records",
            "workloadId": id,
            "exportedAt": p.now(),
            "records": records,
        });
        Ok(serde_json::to_string_pretty(&file).expect("JSON values serialise"))
    })
}

pub(crate) fn delete_workload(id: String) -> impl Operation<Output = ()> {
    change(
        move |p| {
            keys::check_workload_id(&id)?;
            Ok((plan_delete_workload(p, &id)?, ()))
        },
        |(), _| Ok(()),
    )
}

/// Rebuilds what the core can of workload `id`: its derived figures from the answers (risk
/// counts per lens and pillar, the milestone index), and its name claim. Answers and
/// milestones that cannot be read are removed; an unreadable lens review is replaced by an
/// empty one. A workload whose own properties cannot be read is refused (`Corrupted`):
/// export it raw and delete it.
pub(crate) fn repair_workload(id: String) -> impl Operation<Output = RepairReport> {
    change(
        move |p| {
            keys::check_workload_id(&id)?;
            let (writes, gone) = plan_repair(p, &id, Mode::Repair)?;
            let removed: Vec<String> = gone.into_iter().map(|d| d.record_id).collect();
            Ok((writes, (id.clone(), removed)))
        },
        |(workload_id, removed), _| {
            Ok(RepairReport {
                workload_id,
                removed,
                recomputed: true,
            })
        },
    )
}

/// Recomputes the local, derived data of workload `id` (its figures, milestone index and
/// name claim) from its documents, as after a team sync brought some: unlike
/// [`repair_workload`] it writes nothing a replica shares, so answers, reviews and
/// milestones that cannot be read are reported (and left out of the figures), never
/// removed or replaced — deleting them would delete them for every replica. A name
/// another workload holds is left unclaimed: the duplicate is the user's to rename.
pub(crate) fn refresh_workload(id: String) -> impl Operation<Output = Vec<DamagedRecord>> {
    change(
        move |p| {
            keys::check_workload_id(&id)?;
            plan_repair(p, &id, Mode::Refresh)
        },
        |unreadable, _| Ok(unreadable),
    )
}

/// What a rebuild of a workload may write: everything ([`Workspace::repair_workload`], the
/// user asked), or only what is local and derived ([`Workspace::refresh_workload`], after a
/// sync).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Repair,
    Refresh,
}

/// Every record of the workload deleted, and its name claim released.
fn plan_delete_workload(p: &mut Planning, id: &str) -> Result<Vec<Write>, Halt> {
    let records = p.workload_records(id)?;
    if records.is_empty() {
        return Err(no_workload(id).into());
    }
    let mut writes: Vec<Write> = records.iter().map(RawRecord::deletion).collect();
    let workload = records.iter().find(|r| r.id == keys::workload(id));
    match workload.map(decode_raw::<WorkloadDoc>) {
        Some(Ok(doc)) => writes.extend(p.release_name(id, &doc.body.properties.workload_name)?),
        // The name is unknown: release every readable claim that names this workload.
        _ => writes.extend(p.claims_of(id)?.iter().map(RawRecord::deletion)),
    }
    Ok(writes)
}

/// The workload's derived figures recomputed and its name claimed; in [`Mode::Repair`] also
/// the unreadable records removed and the missing reviews rebuilt. Returns the writes and the
/// unreadable records (removed in [`Mode::Repair`], left as they are in [`Mode::Refresh`]).
fn plan_repair(
    p: &mut Planning,
    id: &str,
    mode: Mode,
) -> Result<(Vec<Write>, Vec<DamagedRecord>), Halt> {
    let records = p.workload_records(id)?;
    let Some(raw) = records.iter().find(|r| r.id == keys::workload(id)) else {
        return Err(no_workload(id).into());
    };
    let (mut doc, versions) = rebuildable(raw)?;
    if doc.workload_id != id {
        return Err(unrepairable(raw, format!("it names workload `{}`", doc.workload_id)).into());
    }
    let mut writes = Vec::new();
    let mut unreadable = Vec::new();
    let mut answers: SortedMap<String, Vec<AnswerDoc>> = SortedMap::new();
    let mut reviews: Vec<String> = Vec::new();
    let mut milestones: Vec<MilestoneEntry> = Vec::new();
    for r in records.iter().filter(|r| r.id != raw.id) {
        let read = match record_kind(&r.id) {
            "answer" => decode_raw::<AnswerDoc>(r).map(|a| {
                answers
                    .entry(a.body.lens_alias.clone())
                    .or_default()
                    .push(a.body)
            }),
            "review" => decode_raw::<ReviewDoc>(r).map(|rv| reviews.push(rv.body.lens_alias)),
            "milestone" => {
                decode_raw::<MilestoneDoc>(r).map(|m| milestones.push(summary_of(&m.body)))
            }
            _ => Ok(()),
        };
        if let Err(why) = read {
            if mode == Mode::Repair {
                writes.push(r.deletion());
            }
            unreadable.push(DamagedRecord::new(&r.id, why));
        }
    }
    for alias in doc.lenses.clone() {
        let lens = p.resolve_lens("lenses", &alias, versions.get(&alias).map(String::as_str))?;
        let given: Vec<_> = answers
            .get(&alias)
            .map(|a| a.iter().map(|d| d.answer.to_answer()).collect())
            .unwrap_or_default();
        doc.lens_summaries
            .insert(alias.clone(), summarize(&lens, &given));
        if mode == Mode::Repair && !reviews.contains(&alias) {
            // Absent, or removed above as unreadable: an empty review in its place.
            let key = keys::review(id, &alias);
            let expected = records.iter().find(|r| r.id == key);
            writes.retain(|w| w.id != key);
            writes.push(Write {
                id: key,
                expected_rev: expected.map(RawRecord::write_rev),
                body: Some(to_body(&ReviewDoc::new(&lens, &doc.updated_at))),
            });
        }
    }
    crate::sorted::by_key(&mut milestones, |m| m.milestone_number);
    doc.milestones = milestones;
    doc.refresh_totals();
    writes.push(Write {
        id: raw.id.clone(),
        expected_rev: Some(raw.write_rev()),
        body: Some(to_body(&doc)),
    });
    match p.claim_name(id, &doc.properties.workload_name) {
        Ok(claim) => writes.push(claim),
        // Another workload holds the name (a pull brought it): flagged for rename, not claimed.
        Err(Halt::Failed(WorkspaceError::Validation { .. })) if mode == Mode::Refresh => {}
        Err(halt) => return Err(halt),
    }
    Ok((writes, unreadable))
}

impl Planning<'_> {
    /// Every record of workload `id` as stored: the workload, its reviews, answers and
    /// milestones (not its name claim, which is keyed by name).
    pub(crate) fn workload_records(&self, id: &str) -> Result<Vec<RawRecord>, Halt> {
        let prefixes = [
            keys::workload(id),
            keys::reviews_of(id),
            keys::answers_of(id),
            keys::milestones_of(id),
        ];
        self.prefetch(prefixes.iter().map(|p| Need::Prefix(p.clone())).collect())?;
        let mut records: Vec<RawRecord> = self.raw(&prefixes[0])?.into_iter().collect();
        for prefix in &prefixes[1..] {
            records.extend(self.raw_list(prefix)?);
        }
        Ok(records)
    }

    /// The readable name claims that name workload `id`.
    fn claims_of(&self, id: &str) -> Result<Vec<RawRecord>, Halt> {
        Ok(self
            .raw_list(keys::NAME_PREFIX)?
            .into_iter()
            .filter(|r| decode_raw::<NameDoc>(r).is_ok_and(|c| c.body.workload_id == id))
            .collect())
    }
}

/// Why a record does not read as the type its id says, or `None` when it reads.
pub(crate) fn damage_of(raw: &RawRecord) -> Option<String> {
    let result = match record_kind(&raw.id) {
        "workload" | "reviewTemplate" => decode_raw::<WorkloadDoc>(raw).map(drop),
        "name" => decode_raw::<NameDoc>(raw).map(drop),
        "review" => decode_raw::<ReviewDoc>(raw).map(drop),
        "answer" => decode_raw::<AnswerDoc>(raw).map(drop),
        "milestone" => decode_raw::<MilestoneDoc>(raw).map(drop),
        "customLens" => {
            decode_raw::<crate::workload::custom_lens::record::CustomLensDoc>(raw).map(drop)
        }
        "customLensDraft" => {
            decode_raw::<crate::workload::custom_lens::record::DraftDoc>(raw).map(drop)
        }
        "customLensVersion" => {
            decode_raw::<crate::workload::custom_lens::record::VersionDoc>(raw).map(drop)
        }
        _ => decode_raw::<Value>(raw).map(drop),
    };
    result.err()
}

/// The workload document with its derived fields reset, and the lens version each lens
/// summary named (custom lenses are resolved at the version the workload uses).
fn rebuildable(
    raw: &RawRecord,
) -> Result<(WorkloadDoc, SortedMap<String, String>), WorkspaceError> {
    let Some(Value::Object(mut body)) = raw.stored.get("body").cloned() else {
        return Err(unrepairable(
            raw,
            "it is not a {rev, body} record with an object body",
        ));
    };
    let mut versions = SortedMap::new();
    if let Some(Value::Object(summaries)) = body.get("lensSummaries") {
        for (alias, s) in summaries {
            if let Some(v) = s.get("lensVersion").and_then(Value::as_str) {
                versions.insert(alias.clone(), v.to_string());
            }
        }
    }
    for field in DERIVED_FIELDS {
        body.remove(field);
    }
    body.insert("riskCounts".into(), json!({}));
    body.insert("questionsAnswered".into(), json!(0));
    body.insert("questionCount".into(), json!(0));
    let doc = crate::value_reader::from_value(Value::Object(body))
        .map_err(|e| unrepairable(raw, format!("its properties do not read: {e}")))?;
    Ok((doc, versions))
}

fn summary_of(m: &MilestoneDoc) -> MilestoneEntry {
    MilestoneEntry {
        milestone_number: m.milestone_number,
        milestone_name: m.milestone_name.clone(),
        recorded_at: m.recorded_at.clone(),
        risk_counts: m.workload.risk_counts,
        questions_answered: m.workload.questions_answered,
        question_count: m.workload.question_count,
    }
}

fn no_workload(id: &str) -> WorkspaceError {
    WorkspaceError::not_found(format!("workload `{id}` does not exist"))
}

fn unrepairable(raw: &RawRecord, why: impl std::fmt::Display) -> WorkspaceError {
    WorkspaceError::Storage(StoreError::Corrupted {
        id: raw.id.clone(),
        message: format!(
            "cannot be repaired: {why}; export the workload's records as stored, then delete it"
        ),
    })
}
