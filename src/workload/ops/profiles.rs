//! Profiles: create, update (each change a new version), list, read, delete; a workload's one
//! profile (associate, disassociate, upgrade to the latest version) and the questions it
//! prioritises.
//!
//! A workload keeps a copy of the choices of the version it adopted, so a profile change
//! reaches it only through **Upgrade profile version** (a notification says one waits), and
//! deleting a profile leaves the workload its priorities with the link marked deleted, as AWS
//! keeps the data of workloads whose profile was deleted.

use crate::store::{Store, Write};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::model::Workload;
use crate::workload::operation::{change, query, workload_change, Operation};
use crate::workload::plan::{Halt, Planning};
use crate::workload::profile::{
    questionnaire, Prioritized, ProfileDoc, ProfileInput, WorkloadProfile,
};
use crate::workload::record::{to_body, Stored, WorkloadDoc, WorkloadListing};
use crate::workload::validate;
use crate::workload::workspace::{workload_write, Workspace};

const FIELD: &str = "profileId";

impl<S: Store> Workspace<S> {
    /// A new profile at version 1.
    pub async fn create_profile(&self, input: ProfileInput) -> Result<ProfileDoc, WorkspaceError> {
        self.perform(create_profile(input)).await
    }

    /// Changes the description, answers or tags and adds one to the version. The name is
    /// fixed (AWS UpdateProfile has none); giving a different one is refused.
    pub async fn update_profile(
        &self,
        id: &str,
        input: ProfileInput,
    ) -> Result<ProfileDoc, WorkspaceError> {
        self.perform(update_profile(id.into(), input)).await
    }

    pub async fn get_profile(&self, id: &str) -> Result<ProfileDoc, WorkspaceError> {
        self.perform(get_profile(id.into())).await
    }

    /// Every profile, by name.
    pub async fn list_profiles(&self) -> Result<Vec<ProfileDoc>, WorkspaceError> {
        self.perform(list_profiles()).await
    }

    /// Deletes a profile. The workloads using it keep their priorities, their link marked
    /// deleted (a `PROFILE_DELETED` notification), in the same commit; their names are
    /// returned so that the caller can say which were affected.
    pub async fn delete_profile(&self, id: &str) -> Result<Vec<String>, WorkspaceError> {
        self.perform(delete_profile(id.into())).await
    }

    /// Gives the workload profile `profile_id` at its latest version (replacing any other:
    /// a workload has at most one).
    pub async fn associate_profile(
        &self,
        workload_id: &str,
        profile_id: &str,
    ) -> Result<Workload, WorkspaceError> {
        self.perform(associate_profile(workload_id.into(), profile_id.into()))
            .await
    }

    /// Removes the workload's profile (its answers and notes do not change).
    pub async fn disassociate_profile(
        &self,
        workload_id: &str,
    ) -> Result<Workload, WorkspaceError> {
        self.perform(disassociate_profile(workload_id.into())).await
    }

    /// Moves the workload to its profile's latest version (AWS UpgradeProfileVersion). Refused
    /// when the workload has no profile, its profile was deleted, or it is already current.
    /// With `milestone_name`, a milestone of the state before is recorded first (as AWS's
    /// optional MilestoneName).
    pub async fn upgrade_profile_version(
        &self,
        workload_id: &str,
        milestone_name: Option<&str>,
    ) -> Result<Workload, WorkspaceError> {
        if let Some(name) = milestone_name {
            self.upgrade_profile_check(workload_id).await?;
            self.create_milestone(workload_id, name).await?;
        }
        self.perform(workload_change(|p| {
            let latest = upgraded_link(p, workload_id)?;
            relink(p, workload_id, |_| Ok(Some(latest)))
        }))
        .await
    }

    /// Whether an upgrade would be accepted, before a milestone is recorded for it.
    async fn upgrade_profile_check(&self, workload_id: &str) -> Result<(), WorkspaceError> {
        self.query(|p| upgraded_link(p, workload_id).map(drop))
            .await
    }

    /// The workload's profile link and the questions it prioritises in each applied lens.
    pub async fn prioritized_questions(
        &self,
        workload_id: &str,
    ) -> Result<Prioritized, WorkspaceError> {
        self.perform(prioritized_questions(workload_id.into()))
            .await
    }
}

/// A new profile at version 1.
pub(crate) fn create_profile(input: ProfileInput) -> impl Operation<Output = ProfileDoc> {
    change(
        move |p| {
            let name = validate::required("profileName", input.profile_name.as_ref())?.to_string();
            validate::name("profileName", &name)?;
            let now = p.now();
            let profile_id = p.new_workload_id();
            let taken = p
                .all::<ProfileDoc>(keys::PROFILE_PREFIX)?
                .into_iter()
                .any(|d| validate::name_key(&d.body.profile_name) == validate::name_key(&name));
            if taken {
                return Err(WorkspaceError::validation(
                    "profileName",
                    format!("a profile is already named `{name}` (names are unique ignoring case and spaces)"),
                )
                .into());
            }
            let doc = ProfileDoc {
                profile_id,
                profile_name: name.clone(),
                profile_description: String::new(),
                profile_version: 1,
                profile_questions: Vec::new(),
                tags: Default::default(),
                created_at: now.clone(),
                updated_at: now,
            };
            let doc = apply(doc, &input)?;
            let write = profile_write(&doc, None);
            Ok((vec![write], doc))
        },
        |doc, _| Ok(doc),
    )
}

/// Changes the description, answers or tags and adds one to the version. The name is
/// fixed (AWS UpdateProfile has none); giving a different one is refused.
pub(crate) fn update_profile(
    id: String,
    input: ProfileInput,
) -> impl Operation<Output = ProfileDoc> {
    change(
        move |p| {
            let current = p.profile(&id)?;
            if let Some(name) = &input.profile_name {
                if *name != current.body.profile_name {
                    return Err(WorkspaceError::validation(
                        "profileName",
                        "a profile's name cannot be changed (as in AWS); create a new profile instead",
                    )
                    .into());
                }
            }
            let mut doc = apply(current.body.clone(), &input)?;
            doc.profile_version += 1;
            doc.updated_at = p.now();
            let write = profile_write(&doc, Some(current.rev));
            Ok((vec![write], doc))
        },
        |doc, _| Ok(doc),
    )
}

pub(crate) fn get_profile(id: String) -> impl Operation<Output = ProfileDoc> {
    query(move |p| Ok(p.profile(&id)?.body))
}

/// Deletes a profile. The workloads using it keep their priorities, their link marked
/// deleted (a `PROFILE_DELETED` notification), in the same commit; their names are
/// returned so that the caller can say which were affected.
pub(crate) fn delete_profile(id: String) -> impl Operation<Output = Vec<String>> {
    change(
        move |p| {
            let profile = p.profile(&id)?;
            let mut writes = vec![Write {
                id: profile.id.clone(),
                expected_rev: Some(profile.rev.clone()),
                body: None,
            }];
            let mut names = Vec::new();
            for w in p.users_of(&id)? {
                let mut doc = p.workload(&w.workload_id)?;
                if let Some(link) = doc.body.profile.as_mut() {
                    link.deleted = true;
                }
                names.push(doc.body.properties.workload_name.clone());
                writes.push(workload_write(&doc));
            }
            Ok((writes, names))
        },
        |names, _| Ok(names),
    )
}

/// Gives the workload profile `profile_id` at its latest version (replacing any other:
/// a workload has at most one).
pub(crate) fn associate_profile(
    workload_id: String,
    profile_id: String,
) -> impl Operation<Output = Workload> {
    workload_change(move |p| {
        let profile = p.profile(&profile_id)?;
        relink(p, &workload_id, |_| Ok(Some(profile.body.link())))
    })
}

/// Removes the workload's profile (its answers and notes do not change).
pub(crate) fn disassociate_profile(workload_id: String) -> impl Operation<Output = Workload> {
    workload_change(move |p| relink(p, &workload_id, |_| Ok(None)))
}

/// Every profile, by name (ignoring case).
pub(crate) fn list_profiles() -> impl Operation<Output = Vec<ProfileDoc>> {
    query(|p| {
        let mut all: Vec<ProfileDoc> = p
            .all::<ProfileDoc>(keys::PROFILE_PREFIX)?
            .into_iter()
            .map(|d| d.body)
            .collect();
        crate::sorted::by(&mut all, |a, b| {
            validate::name_key(&a.profile_name).cmp(&validate::name_key(&b.profile_name))
        });
        Ok(all)
    })
}

/// The questions the workload's profile prioritises, lens by lens.
pub(crate) fn prioritized_questions(workload_id: String) -> impl Operation<Output = Prioritized> {
    query(move |p| {
        let doc = p.workload(&workload_id)?.body;
        let mut questions = crate::sorted_map::SortedMap::new();
        for alias in &doc.lenses {
            let ids = match &doc.profile {
                Some(link) => prioritized_in(p, &doc, alias, &link.choice_ids)?,
                None => Vec::new(),
            };
            questions.insert(alias.clone(), ids);
        }
        Ok(Prioritized {
            profile: doc.profile,
            questions,
        })
    })
}

/// The question ids of `alias` that `choice_ids` prioritise, in lens order: the shipped
/// mapping for the framework lens, the lens's own `profilePriorities` for the others.
fn prioritized_in(
    p: &mut Planning,
    doc: &WorkloadDoc,
    alias: &str,
    choice_ids: &[String],
) -> Result<Vec<String>, Halt> {
    let lens = p.workload_lens("lensAlias", doc, alias)?;
    if alias != crate::catalog::FRAMEWORK_ALIAS {
        return Ok(lens.lens.prioritized_by(choice_ids));
    }
    let marked = questionnaire::prioritized(choice_ids);
    Ok(lens
        .lens
        .pillars
        .iter()
        .flat_map(|p| &p.questions)
        .filter(|q| marked.contains(&q.id))
        .map(|q| q.id.clone())
        .collect())
}

/// The link an upgrade gives the workload: its profile's latest version.
fn upgraded_link(p: &mut Planning, workload_id: &str) -> Result<WorkloadProfile, Halt> {
    let doc = p.workload(workload_id)?;
    let Some(link) = doc.body.profile.clone().filter(|l| !l.deleted) else {
        return Err(WorkspaceError::validation(
            FIELD,
            "this workload has no profile to upgrade (none, or it was deleted)",
        )
        .into());
    };
    let latest = p.profile(&link.profile_id)?.body;
    if latest.profile_version == link.profile_version {
        return Err(WorkspaceError::validation(
            FIELD,
            format!(
                "this workload already uses version {} of profile `{}`, its latest",
                link.profile_version, link.profile_name
            ),
        )
        .into());
    }
    Ok(latest.link())
}

/// The profile's fields from `input` (those given), validated.
fn apply(mut doc: ProfileDoc, input: &ProfileInput) -> Result<ProfileDoc, WorkspaceError> {
    if let Some(d) = &input.profile_description {
        doc.profile_description = d.clone();
    }
    validate::length("profileDescription", &doc.profile_description, 3, 250)?;
    if let Some(q) = &input.profile_questions {
        doc.profile_questions = q.clone();
    }
    questionnaire::check(&doc.profile_questions)?;
    if let Some(t) = &input.tags {
        validate::tags(t)?;
        doc.tags = t.clone();
    }
    Ok(doc)
}

fn profile_write(doc: &ProfileDoc, rev: Option<String>) -> Write {
    Write {
        id: keys::profile(&doc.profile_id),
        expected_rev: rev,
        body: Some(to_body(doc)),
    }
}

/// The workload with its profile link replaced by `link(current)`.
fn relink(
    p: &mut Planning,
    workload_id: &str,
    link: impl FnOnce(Option<&WorkloadProfile>) -> Result<Option<WorkloadProfile>, Halt>,
) -> Result<(Vec<Write>, Stored<WorkloadDoc>), Halt> {
    let mut doc = p.workload(workload_id)?;
    doc.body.profile = link(doc.body.profile.as_ref())?;
    doc.body.updated_at = p.now();
    Ok((vec![workload_write(&doc)], doc))
}

impl Planning<'_> {
    pub(crate) fn profile(&self, id: &str) -> Result<Stored<ProfileDoc>, Halt> {
        keys::check_workload_id(id).map_err(|_| {
            WorkspaceError::validation(
                FIELD,
                format!("a profile id is 32 lowercase hexadecimal characters; got `{id}`"),
            )
        })?;
        match self.get(&keys::profile(id))? {
            Some(doc) => Ok(Stored::decode(doc)?),
            None => Err(WorkspaceError::not_found(format!("profile `{id}` does not exist")).into()),
        }
    }

    /// The workloads linked to profile `id` (deleted links left out).
    fn users_of(&self, id: &str) -> Result<Vec<WorkloadListing>, Halt> {
        let (docs, _damaged) = self.workload_listings()?;
        Ok(docs
            .into_iter()
            .map(|d| d.body)
            .filter(|w| {
                w.profile
                    .as_ref()
                    .is_some_and(|l| l.profile_id == id && !l.deleted)
            })
            .collect())
    }
}
