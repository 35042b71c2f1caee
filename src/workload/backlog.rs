//! The improvement plan as a backlog: each improvement item (a question at HIGH or MEDIUM risk)
//! can carry an owner, a status, a due date and notes.
//!
//! The fields live in the question's answer document (`backlog`, see `record::BacklogRecord`),
//! so that they travel with the answer into milestones, backups and, later, team sync; but an
//! answer update never rewrites them and an item update never rewrites the answer.
//!
//! Rules:
//! - `owner` is trimmed and at most 100 characters; `notes` at most 2,084 (AWS's answer notes);
//!   `dueDate` a calendar date written `YYYY-MM-DD`.
//! - `POSTPONED` and `RISK_ACKNOWLEDGED` need a `statusReason` (at most 250 characters): both
//!   leave a risk in place, and the reason is what a reader of the plan asks for. Another
//!   status drops the reason, as an answer's reason goes when the question applies again.
//! - An empty string clears a field; an item left with nothing (status `OPEN`, no texts) has
//!   no backlog fields at all, which is how items written before the backlog read.
//! - An item whose question is no longer at risk keeps its fields and is listed as resolved.

use serde::{Deserialize, Serialize};

use super::error::WorkspaceError;
use super::validate;
use crate::review::{PlanBestPractice, PlanItem, Risk};

/// Where the work on one improvement item stands. No backlog fields = `Open`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ItemStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Postponed,
    RiskAcknowledged,
}

impl ItemStatus {
    /// The words the app and the exports show.
    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Open => "Open",
            ItemStatus::InProgress => "In progress",
            ItemStatus::Done => "Done",
            ItemStatus::Postponed => "Postponed",
            ItemStatus::RiskAcknowledged => "Risk acknowledged",
        }
    }

    /// Statuses that leave the risk in place on purpose, so they must say why.
    pub fn needs_reason(self) -> bool {
        matches!(self, ItemStatus::Postponed | ItemStatus::RiskAcknowledged)
    }
}

pub const MAX_OWNER: usize = 100;
pub const MAX_STATUS_REASON: usize = 250;

/// `updateImprovementItem`'s argument; every field optional, an empty string clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ImprovementItemUpdate {
    pub owner: Option<String>,
    pub status: Option<ItemStatus>,
    pub status_reason: Option<String>,
    pub due_date: Option<String>,
    pub notes: Option<String>,
    /// The item's `revision` as read; a stale one is refused with `Conflict`.
    pub expected_revision: Option<String>,
}

/// The backlog fields of one item, validated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BacklogFields {
    pub owner: Option<String>,
    pub status: ItemStatus,
    pub status_reason: Option<String>,
    pub due_date: Option<String>,
    pub notes: Option<String>,
}

impl BacklogFields {
    /// Nothing set: the item reads as one that never had backlog fields.
    pub fn is_empty(&self) -> bool {
        *self == BacklogFields::default()
    }
}

/// Applies `update` to `fields`; the first broken rule comes back with its field.
pub fn apply(
    mut fields: BacklogFields,
    update: &ImprovementItemUpdate,
) -> Result<BacklogFields, WorkspaceError> {
    if let Some(owner) = &update.owner {
        let owner = owner.trim();
        validate::length("owner", owner, 0, MAX_OWNER)?;
        fields.owner = (!owner.is_empty()).then(|| owner.to_string());
    }
    if let Some(status) = update.status {
        fields.status = status;
    }
    if let Some(reason) = &update.status_reason {
        let reason = reason.trim();
        validate::length("statusReason", reason, 0, MAX_STATUS_REASON)?;
        fields.status_reason = (!reason.is_empty()).then(|| reason.to_string());
    }
    if let Some(date) = &update.due_date {
        let date = date.trim();
        if !date.is_empty() {
            check_date("dueDate", date)?;
        }
        fields.due_date = (!date.is_empty()).then(|| date.to_string());
    }
    if let Some(notes) = &update.notes {
        validate::notes("notes", notes)?;
        fields.notes = (!notes.is_empty()).then(|| notes.clone());
    }
    if !fields.status.needs_reason() {
        fields.status_reason = None;
    } else if fields.status_reason.is_none() {
        return Err(WorkspaceError::validation(
            "statusReason",
            format!(
                "is required when the status is {}: say why the risk stays",
                fields.status.label()
            ),
        ));
    }
    Ok(fields)
}

/// A calendar date written `YYYY-MM-DD` (29 February only in leap years).
pub fn check_date(field: &str, text: &str) -> Result<(), WorkspaceError> {
    let bad = || {
        WorkspaceError::validation(
            field,
            format!("must be a date written YYYY-MM-DD, such as 2027-03-31; `{text}` is not"),
        )
    };
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return Err(bad());
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if year == 0 || day == 0 || day > days {
        return Err(bad());
    }
    Ok(())
}

/// An improvement item as the workspace's plan gives it: the plan item, its backlog fields,
/// and whether it is resolved (kept for its fields after its question left HIGH and MEDIUM).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BacklogItem {
    pub question_id: String,
    pub pillar_id: String,
    pub question_title: String,
    /// The question's risk now: HIGH or MEDIUM, any other for a resolved item.
    pub risk: Risk,
    /// Empty for a resolved item.
    pub best_practices: Vec<PlanBestPractice>,
    pub resolved: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub status: ItemStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// When the backlog fields were last saved; absent when the item has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// The answer document's revision: pass it back as `expectedRevision` (`""` in a
    /// milestone, or when the question was never answered).
    pub revision: String,
}

impl BacklogItem {
    /// `item` with `fields` (saved at `updated_at`).
    pub fn new(
        item: PlanItem,
        fields: BacklogFields,
        updated_at: Option<String>,
        revision: String,
    ) -> Self {
        BacklogItem {
            question_id: item.question_id,
            pillar_id: item.pillar_id,
            question_title: item.question_title,
            risk: item.risk,
            best_practices: item.best_practices,
            resolved: !matches!(item.risk, Risk::High | Risk::Medium),
            owner: fields.owner,
            status: fields.status,
            status_reason: fields.status_reason,
            due_date: fields.due_date,
            notes: fields.notes,
            updated_at,
            revision,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_the_calendar() {
        for good in ["2027-03-31", "2028-02-29", "2000-02-29", "1999-12-01"] {
            assert!(check_date("dueDate", good).is_ok(), "{good}");
        }
        for bad in [
            "2027-02-29",
            "1900-02-29",
            "2027-13-01",
            "2027-04-31",
            "2027-00-10",
            "2027-1-01",
            "27-01-01",
            "2027/01/01",
            "2027-01-01T00:00",
            "0000-01-01",
            "２０２７-01-01",
        ] {
            assert!(check_date("dueDate", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_reason_is_required_only_where_the_risk_stays() {
        let postpone = ImprovementItemUpdate {
            status: Some(ItemStatus::Postponed),
            ..Default::default()
        };
        let err = apply(BacklogFields::default(), &postpone).unwrap_err();
        assert_eq!(err.field(), Some("statusReason"));
        let with_reason = ImprovementItemUpdate {
            status_reason: Some(" next quarter ".into()),
            ..postpone
        };
        let fields = apply(BacklogFields::default(), &with_reason).unwrap();
        assert_eq!(fields.status_reason.as_deref(), Some("next quarter"));
        let reopen = ImprovementItemUpdate {
            status: Some(ItemStatus::InProgress),
            ..Default::default()
        };
        assert_eq!(apply(fields, &reopen).unwrap().status_reason, None);
    }
}
