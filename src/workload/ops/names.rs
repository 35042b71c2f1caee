//! Workload name claims (`name/{nameKey}`): uniqueness in one read instead of a list of every
//! workload, and the layout-2 migration that creates the claims of older data.
//!
//! A claim is written in the same commit as the workload it names, expecting the revision it
//! read (none for a new claim), so the store's atomic commit is what keeps names unique across
//! tabs: of two defines racing for one name, the second commit is refused and planned again.

use crate::sorted_map::SortedMap;
use crate::store::Write;
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::plan::{Halt, Planned, Planning};
use crate::workload::record::{to_body, NameDoc, WorkloadDoc, WorkloadListing};
use crate::workload::validate::name_key;
use crate::workload::workspace::decode_raw;

impl Planning<'_> {
    /// The write that claims `name` for workload `id`, or a validation error naming the
    /// workload that holds it. A claim whose workload is gone or renamed (data copied or edited
    /// outside Plumbline) is stale and taken over.
    pub(crate) fn claim_name(&self, id: &str, name: &str) -> Result<Write, Halt> {
        let key = keys::workload_name(&name_key(name));
        let body = Some(to_body(&NameDoc {
            workload_id: id.to_string(),
            workload_name: name.to_string(),
        }));
        let Some(raw) = self.raw(&key)? else {
            return Ok(Write {
                id: key,
                expected_rev: None,
                body,
            });
        };
        // The name index is derived data: a damaged claim is rebuilt, unless a readable
        // workload still holds the name.
        let Ok(claim) = decode_raw::<NameDoc>(&raw) else {
            if let Some(holder) = self.any_holder(id, name)? {
                return Err(name_taken(name, &holder).into());
            }
            return Ok(Write {
                id: key,
                expected_rev: Some(raw.write_rev()),
                body,
            });
        };
        if claim.body.workload_id != id {
            if let Some(holder) = self.holder(&claim.body.workload_id, name)? {
                return Err(name_taken(name, &holder).into());
            }
        }
        Ok(Write {
            id: key,
            expected_rev: Some(claim.rev),
            body,
        })
    }

    /// The write that gives up workload `id`'s claim on `name`, if it holds one.
    pub(crate) fn release_name(&self, id: &str, name: &str) -> Result<Option<Write>, Halt> {
        let key = keys::workload_name(&name_key(name));
        let Some(raw) = self.raw(&key)? else {
            return Ok(None);
        };
        // A damaged claim is left for the next claim of the name to rebuild.
        let Ok(claim) = decode_raw::<NameDoc>(&raw) else {
            return Ok(None);
        };
        Ok((claim.body.workload_id == id).then_some(Write {
            id: key,
            expected_rev: Some(claim.rev),
            body: None,
        }))
    }

    /// The name of workload `id` if it still exists and its name still has `name`'s key.
    fn holder(&self, id: &str, name: &str) -> Result<Option<String>, Halt> {
        let Some(raw) = self.raw(&keys::workload(id))? else {
            return Ok(None);
        };
        // A damaged holder still holds its name until it is repaired or deleted.
        let held = match decode_raw::<WorkloadDoc>(&raw) {
            Ok(w) => w.body.properties.workload_name,
            Err(_) => return Ok(Some(format!("{name} (a damaged workload, id {id})"))),
        };
        Ok((name_key(&held) == name_key(name)).then_some(held))
    }

    /// The name of any readable workload other than `id` whose name has `name`'s key.
    fn any_holder(&self, id: &str, name: &str) -> Result<Option<String>, Halt> {
        let (docs, _damaged) = self.readable::<WorkloadListing>(keys::WORKLOAD_PREFIX)?;
        let key = name_key(name);
        Ok(docs
            .into_iter()
            .find(|d| d.body.workload_id != id && name_key(&d.body.workload_name) == key)
            .map(|d| d.body.workload_name))
    }

    /// Layout 1 → 2: a claim for every stored workload name, and the new layout in the meta
    /// record (`meta_rev`: its revision as read, `None` if there is none yet), in ONE commit.
    pub(crate) fn name_claims(&self, meta_rev: Option<&str>, meta: serde_json::Value) -> Planned {
        let (workloads, _damaged) = self.readable::<WorkloadDoc>(keys::WORKLOAD_PREFIX)?;
        let mut existing: SortedMap<String, String> = SortedMap::new();
        for r in self.raw_list(keys::NAME_PREFIX)? {
            existing.insert(r.id.clone(), r.write_rev());
        }
        // The oldest workload keeps a name that (through an old race) two workloads share.
        let mut claims: SortedMap<String, (&str, &WorkloadDoc)> = SortedMap::new();
        for w in &workloads {
            let key = keys::workload_name(&name_key(&w.body.properties.workload_name));
            let older = |held: &(&str, &WorkloadDoc)| held.1.created_at <= w.body.created_at;
            if !claims.get(&key).is_some_and(older) {
                claims.insert(key, (&w.body.properties.workload_name, &w.body));
            }
        }
        let mut writes = vec![Write {
            id: keys::META_ID.to_string(),
            expected_rev: meta_rev.map(str::to_string),
            body: Some(meta),
        }];
        for (key, (name, doc)) in claims {
            writes.push(Write {
                expected_rev: existing.get(&key).cloned(),
                id: key,
                body: Some(to_body(&NameDoc {
                    workload_id: doc.workload_id.clone(),
                    workload_name: name.to_string(),
                })),
            });
        }
        Ok(writes)
    }
}

fn name_taken(name: &str, holder: &str) -> WorkspaceError {
    WorkspaceError::validation(
        "workloadName",
        format!(
            "must be unique ignoring case and spaces; `{name}` matches the existing workload `{holder}`"
        ),
    )
}
