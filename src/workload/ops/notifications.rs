//! The Notifications page's list: what waits for the user on each workload, and dismissing an
//! entry. Derived on every call from the workload listings, custom lens metadata and profiles
//! (nothing to keep in step); only the dismissals are stored (`dismissed/plumbline`).
//!
//! A kind is one entry of [`KINDS`] and one branch of `plan_notifications`.

use crate::store::{Store, Write};
use crate::workload::custom_lens::record::CustomLensDoc;
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::operation::{change, query, Operation};
use crate::workload::plan::{Halt, Planning};
use crate::workload::profile::record::DismissedDoc;
use crate::workload::profile::{Notification, ProfileDoc};
use crate::workload::record::{to_body, Stored, TemplateLink, WorkloadDoc};
use crate::workload::workspace::Workspace;

/// Every notification kind, as `notificationType` spells it.
pub const KINDS: [&str; 4] = [
    LENS_VERSION_DEPRECATED,
    PROFILE_ANSWERS_UPDATED,
    PROFILE_DELETED,
    TEMPLATE_UPDATED,
];
/// A custom lens used by the workload has a newer published version (Upgrade lens version).
pub const LENS_VERSION_DEPRECATED: &str = "LENS_VERSION_DEPRECATED";
/// The workload's profile changed since it adopted it (Upgrade profile version).
pub const PROFILE_ANSWERS_UPDATED: &str = "PROFILE_ANSWERS_UPDATED";
/// The workload's profile was deleted; the workload keeps its priorities.
pub const PROFILE_DELETED: &str = "PROFILE_DELETED";
/// The workload's review template has a newer version than the one its answers were copied
/// or last updated from (Update from template).
pub const TEMPLATE_UPDATED: &str = "TEMPLATE_UPDATED";

impl<S: Store> Workspace<S> {
    /// What waits, workload by workload (in name order), dismissed entries left out.
    pub async fn list_notifications(&self) -> Result<Vec<Notification>, WorkspaceError> {
        self.perform(list_notifications()).await
    }

    /// Hides the notification with this `dismissKey` (see [`dismiss_notification`]).
    pub async fn dismiss_notification(&self, dismiss_key: &str) -> Result<(), WorkspaceError> {
        self.perform(dismiss_notification(dismiss_key.into())).await
    }
}

/// What waits, workload by workload (in name order), dismissed entries left out.
pub(crate) fn list_notifications() -> impl Operation<Output = Vec<Notification>> {
    query(|p| {
        let mut all = plan_notifications(p)?;
        crate::sorted::by(&mut all, |a, b| {
            (&a.workload_name, a.notification_type).cmp(&(&b.workload_name, b.notification_type))
        });
        Ok(all)
    })
}

/// Hides the notification with this `dismissKey` (that change only: a later version of the
/// same lens or profile is a new notification).
pub(crate) fn dismiss_notification(dismiss_key: String) -> impl Operation<Output = ()> {
    change(
        move |p| {
            let well_formed = dismiss_key.split('|').count() == 4
                && KINDS
                    .iter()
                    .any(|k| dismiss_key.starts_with(&format!("{k}|")));
            if !well_formed {
                return Err(WorkspaceError::validation(
                    "dismissKey",
                    "a dismiss key is the `dismissKey` of a notification from listNotifications",
                )
                .into());
            }
            let (mut doc, rev) = p.dismissed()?;
            if doc.dismissed.contains(&dismiss_key) {
                return Ok((Vec::new(), ()));
            }
            doc.dismissed.push(dismiss_key.clone());
            let write = Write {
                id: keys::DISMISSED_ID.to_string(),
                expected_rev: rev,
                body: Some(to_body(&doc)),
            };
            Ok((vec![write], ()))
        },
        |(), _| Ok(()),
    )
}

fn plan_notifications(p: &mut Planning) -> Result<Vec<Notification>, Halt> {
    let (workloads, _damaged) = p.workload_listings()?;
    let lenses = p.all::<CustomLensDoc>(keys::CUSTOM_LENS_PREFIX)?;
    let profiles = p.all::<ProfileDoc>(keys::PROFILE_PREFIX)?;
    let templates = p.all::<WorkloadDoc>(keys::TEMPLATE_PREFIX)?;
    let (dismissed, _) = p.dismissed()?;
    let mut out = Vec::new();
    for w in workloads.iter().map(|d| &d.body) {
        let who = (w.workload_id.as_str(), w.workload_name.as_str());
        for (alias, summary) in &w.lens_summaries {
            let latest = lenses
                .iter()
                .find(|l| &l.body.lens_alias == alias)
                .and_then(|l| Some((l.body.latest()?.lens_version.clone(), &l.body.lens_name)));
            if let Some((latest, name)) = latest.filter(|(v, _)| *v != summary.lens_version) {
                if w.lenses.contains(alias) {
                    out.push(Notification::new(
                        LENS_VERSION_DEPRECATED,
                        who,
                        (alias, name),
                        summary.lens_version.clone(),
                        latest,
                    ));
                }
            }
        }
        if let Some(newer) = template_updated(w.review_template.as_ref(), &templates, who) {
            out.push(newer);
        }
        let Some(link) = &w.profile else { continue };
        let current = link.profile_version.to_string();
        let resource = (link.profile_id.as_str(), link.profile_name.as_str());
        match profiles
            .iter()
            .find(|d| d.body.profile_id == link.profile_id)
        {
            Some(d) if !link.deleted && d.body.profile_version != link.profile_version => {
                out.push(Notification::new(
                    PROFILE_ANSWERS_UPDATED,
                    who,
                    resource,
                    current,
                    d.body.profile_version.to_string(),
                ))
            }
            Some(_) if !link.deleted => {}
            // Profiles are kept in the browser that made them, never shared: a workload a
            // team sync brought here may name one this workspace never had. Only a delete
            // made here (which marks the link) is one.
            None if !link.deleted => {}
            _ => out.push(Notification::new(
                PROFILE_DELETED,
                who,
                resource,
                current.clone(),
                current,
            )),
        }
    }
    out.retain(|n| !dismissed.dismissed.contains(&n.dismiss_key));
    Ok(out)
}

/// `TEMPLATE_UPDATED` for a workload whose template (still in this workspace, not deleted)
/// has a newer version than its link records. A template only a colleague's browser has (team
/// sync shares workloads, not templates) raises nothing: there is nothing to update from here.
fn template_updated(
    link: Option<&TemplateLink>,
    templates: &[Stored<WorkloadDoc>],
    who: (&str, &str),
) -> Option<Notification> {
    let link = link.filter(|l| !l.deleted)?;
    let template = templates
        .iter()
        .find(|t| t.body.workload_id == link.template_id)?;
    let latest = template.body.template_version.unwrap_or_default();
    (latest > link.template_version).then(|| {
        Notification::new(
            TEMPLATE_UPDATED,
            who,
            (&link.template_id, &template.body.properties.workload_name),
            link.template_version.to_string(),
            latest.to_string(),
        )
    })
}

impl Planning<'_> {
    /// The dismissals and their revision (`None`: none stored yet).
    fn dismissed(&self) -> Result<(DismissedDoc, Option<String>), Halt> {
        match self.get(keys::DISMISSED_ID)? {
            Some(doc) => {
                let s = Stored::<DismissedDoc>::decode(doc)?;
                Ok((s.body, Some(s.rev)))
            }
            None => Ok((DismissedDoc::default(), None)),
        }
    }
}
