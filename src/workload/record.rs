//! The stored documents: plain camelCase JSON, one record per document, so that CouchDB can
//! replicate them as they are.
//!
//! `workload/{id}` carries, besides the properties, a summary derived from the answers (risk
//! counts per lens and pillar, the questions at risk, the milestone index). Every write that
//! changes an answer or a lens association rewrites it in the same commit, so listing
//! workloads and the dashboard read one document per workload and never evaluate a lens.

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::sorted_map::SortedMap;
use crate::value_reader::{from_value, read_with, Reader};

use super::backlog::{BacklogFields, ItemStatus};
use super::error::WorkspaceError;
use super::milestone::MilestoneSummary;
use super::model::{
    ImprovementStatus, Workload, WorkloadEnvironment, WorkloadProperties, WorkloadSummary,
};
use super::profile::WorkloadProfile;
use crate::review::{
    Answer, AnswerReason, ChoiceAnswer, ChoiceReason, ChoiceStatus, Risk, RiskCounts,
};
use crate::store::{Document, StoreError, TypedDocument};

/// `workload/{id}`.
// `remote = "Self"`: the derived impls are inherent functions, which the trait impls below
// call; reading goes through `with_embedded` instead of serde's flatten reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct WorkloadDoc {
    pub workload_id: String,
    #[serde(flatten, skip_deserializing, default = "PropertiesRecord::unread")]
    pub properties: PropertiesRecord,
    pub lenses: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Derived: over the applied lenses.
    pub risk_counts: RiskCounts,
    pub questions_answered: u32,
    pub question_count: u32,
    /// Derived: one entry per applied lens.
    #[serde(default)]
    pub lens_summaries: SortedMap<String, LensSummaryRecord>,
    /// The milestones recorded so far (numbers, names, counts): numbering, name uniqueness
    /// and `listMilestones` need only this document.
    #[serde(default)]
    pub milestones: Vec<MilestoneEntry>,
    /// Present only on a review template (`template/{id}`, stored in this same shape so that
    /// every answer, notes and lens plan serves both): its version, raised by each change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_version: Option<u32>,
    /// On a workload defined from a review template: which one, and the version its answers
    /// were last brought up to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_template: Option<TemplateLink>,
    /// The workload's profile (at most one) as of the version it adopted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<WorkloadProfile>,
}

/// A workload's review template (`reviewTemplate` of `workload/{id}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateLink {
    pub template_id: String,
    /// As it was when last applied: the name still shows once the template is deleted.
    pub template_name: String,
    pub template_version: u32,
    /// The template was deleted; the workload keeps its data (as in AWS).
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// Where an answer came from (`fromTemplate` of `answer/…`). On a workload's answer: the
/// template and version it was copied from, until the team changes the answer (which drops
/// it). On a template's own answer: the template version that last changed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateSource {
    pub template_id: String,
    pub template_version: u32,
}

/// The edited properties of `workload/{id}`, stored inline (flattened into the workload
/// document). The API's [`WorkloadProperties`] has the same fields today; they are two types so
/// that renaming an API field cannot change what is stored (conversions: below).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PropertiesRecord {
    pub workload_name: String,
    pub description: String,
    pub environment: WorkloadEnvironment,
    pub review_owner: String,
    #[serde(default)]
    pub aws_regions: Vec<String>,
    #[serde(default)]
    pub non_aws_regions: Vec<String>,
    #[serde(default)]
    pub account_ids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub architectural_design: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default)]
    pub tags: SortedMap<String, String>,
    #[serde(default)]
    pub improvement_status: ImprovementStatus,
    #[serde(default)]
    pub pillar_priorities: Vec<String>,
}

impl From<WorkloadProperties> for PropertiesRecord {
    fn from(p: WorkloadProperties) -> Self {
        PropertiesRecord {
            workload_name: p.workload_name,
            description: p.description,
            environment: p.environment,
            review_owner: p.review_owner,
            aws_regions: p.aws_regions,
            non_aws_regions: p.non_aws_regions,
            account_ids: p.account_ids,
            architectural_design: p.architectural_design,
            industry_type: p.industry_type,
            industry: p.industry,
            notes: p.notes,
            tags: p.tags,
            improvement_status: p.improvement_status,
            pillar_priorities: p.pillar_priorities,
        }
    }
}

impl PropertiesRecord {
    /// What a workload document's derived reader puts in `properties` until `with_embedded`
    /// reads them (it never leaves this value in a record).
    fn unread() -> Self {
        WorkloadProperties::stated("", "", WorkloadEnvironment::Preproduction, "").into()
    }

    /// The properties as the JS API shows them.
    pub fn to_api(&self) -> WorkloadProperties {
        let p = self.clone();
        WorkloadProperties {
            workload_name: p.workload_name,
            description: p.description,
            environment: p.environment,
            review_owner: p.review_owner,
            aws_regions: p.aws_regions,
            non_aws_regions: p.non_aws_regions,
            account_ids: p.account_ids,
            architectural_design: p.architectural_design,
            industry_type: p.industry_type,
            industry: p.industry,
            notes: p.notes,
            tags: p.tags,
            improvement_status: p.improvement_status,
            pillar_priorities: p.pillar_priorities,
        }
    }
}

/// One entry of a workload's milestone index (in `workload/{id}`); the API's
/// [`MilestoneSummary`] is made from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneEntry {
    pub milestone_number: u32,
    pub milestone_name: String,
    pub recorded_at: String,
    pub risk_counts: RiskCounts,
    pub questions_answered: u32,
    pub question_count: u32,
}

impl MilestoneEntry {
    pub fn to_api(&self) -> MilestoneSummary {
        let e = self.clone();
        MilestoneSummary {
            milestone_number: e.milestone_number,
            milestone_name: e.milestone_name,
            recorded_at: e.recorded_at,
            risk_counts: e.risk_counts,
            questions_answered: e.questions_answered,
            question_count: e.question_count,
        }
    }
}

/// What the workload list and the dashboard read of `workload/{id}`: the same document, with
/// the properties they do not show skipped while reading instead of built (no `flatten`, which
/// buffers every property first). Listing 1,000 workloads reads 1,000 of these.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadListing {
    pub workload_id: String,
    pub workload_name: String,
    pub review_owner: String,
    pub environment: WorkloadEnvironment,
    #[serde(default)]
    pub improvement_status: ImprovementStatus,
    pub lenses: Vec<String>,
    pub updated_at: String,
    pub risk_counts: RiskCounts,
    pub questions_answered: u32,
    pub question_count: u32,
    #[serde(default)]
    pub tags: SortedMap<String, String>,
    #[serde(default)]
    pub lens_summaries: SortedMap<String, LensSummaryRecord>,
    /// Only counted.
    #[serde(default)]
    pub milestones: Vec<IgnoredAny>,
    /// Which workloads use a template, and which can update from it.
    #[serde(default)]
    pub review_template: Option<TemplateLink>,
    #[serde(default)]
    pub profile: Option<WorkloadProfile>,
}

impl WorkloadListing {
    pub fn to_summary(&self) -> WorkloadSummary {
        WorkloadSummary {
            workload_id: self.workload_id.clone(),
            workload_name: self.workload_name.clone(),
            review_owner: self.review_owner.clone(),
            environment: self.environment,
            lenses: self.lenses.clone(),
            risk_counts: self.risk_counts,
            questions_answered: self.questions_answered,
            question_count: self.question_count,
            improvement_status: self.improvement_status,
            milestone_count: self.milestones.len() as u32,
            updated_at: self.updated_at.clone(),
            tags: self.tags.clone(),
        }
    }
}

/// Derived figures of one applied lens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LensSummaryRecord {
    pub lens_version: String,
    pub risk_counts: RiskCounts,
    pub questions_answered: u32,
    pub question_count: u32,
    pub pillars: Vec<PillarSummaryRecord>,
    /// The HIGH and MEDIUM questions, in lens order.
    pub risks: Vec<AtRiskQuestion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PillarSummaryRecord {
    pub pillar_id: String,
    pub pillar_name: String,
    pub risk_counts: RiskCounts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AtRiskQuestion {
    pub question_id: String,
    pub pillar_id: String,
    pub question_title: String,
    pub risk: Risk,
}

/// `name/{nameKey}`: the workload that holds a name (see `keys::workload_name`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NameDoc {
    pub workload_id: String,
    /// As written, for the message that reports a clash.
    pub workload_name: String,
}

/// `review/{workloadId}/{lensAlias}`. Kept when the lens is removed (`associated: false`) so
/// that adding the lens back restores its notes, as AWS does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewDoc {
    pub lens_alias: String,
    pub lens_version: String,
    pub associated: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default)]
    pub pillar_notes: SortedMap<String, String>,
    pub updated_at: String,
}

impl ReviewDoc {
    /// A fresh review of `lens`: associated, no notes.
    pub fn new(lens: &crate::catalog::CatalogLens, now: &str) -> Self {
        ReviewDoc {
            lens_alias: lens.alias.clone(),
            lens_version: lens.version.clone(),
            associated: true,
            notes: None,
            pillar_notes: SortedMap::new(),
            updated_at: now.to_string(),
        }
    }
}

/// `answer/{workloadId}/{lensAlias}/{questionId}`: the AWS answer shape, normalised.
// `remote = "Self"`, as `WorkloadDoc`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", remote = "Self")]
pub struct AnswerDoc {
    pub lens_alias: String,
    #[serde(flatten, skip_deserializing)]
    pub answer: AnswerRecord,
    /// When the answer was last saved (an item update leaves it alone).
    pub updated_at: String,
    /// The improvement item's owner, status, due date and notes; absent in records written
    /// before the backlog existed, and when the item has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backlog: Option<BacklogRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_template: Option<TemplateSource>,
}

/// The `backlog` of an `answer/…` document (see `workload::backlog`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BacklogRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(default)]
    pub status: ItemStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub updated_at: String,
}

impl BacklogRecord {
    /// `fields` saved at `now`; `None` when there is nothing to keep.
    pub fn of(fields: BacklogFields, now: &str) -> Option<Self> {
        (!fields.is_empty()).then(|| BacklogRecord {
            owner: fields.owner,
            status: fields.status,
            status_reason: fields.status_reason,
            due_date: fields.due_date,
            notes: fields.notes,
            updated_at: now.to_string(),
        })
    }

    pub fn fields(&self) -> BacklogFields {
        let r = self.clone();
        BacklogFields {
            owner: r.owner,
            status: r.status,
            status_reason: r.status_reason,
            due_date: r.due_date,
            notes: r.notes,
        }
    }
}

/// The answer fields of `answer/…` (and of a milestone's answers). The review's [`Answer`] has
/// the same fields today; a type of its own keeps the stored names fixed if the API's change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerRecord {
    pub question_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pillar_id: Option<String>,
    #[serde(default)]
    pub selected_choices: Vec<String>,
    #[serde(default)]
    pub choice_answers: Vec<ChoiceRecord>,
    #[serde(default = "yes")]
    pub is_applicable: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<AnswerReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

fn yes() -> bool {
    true
}

/// One choice's state in an [`AnswerRecord`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChoiceRecord {
    pub choice_id: String,
    pub status: ChoiceStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ChoiceReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl From<Answer> for AnswerRecord {
    fn from(a: Answer) -> Self {
        AnswerRecord {
            question_id: a.question_id,
            pillar_id: a.pillar_id,
            selected_choices: a.selected_choices,
            choice_answers: a
                .choice_answers
                .into_iter()
                .map(|c| ChoiceRecord {
                    choice_id: c.choice_id,
                    status: c.status,
                    reason: c.reason,
                    notes: c.notes,
                })
                .collect(),
            is_applicable: a.is_applicable,
            reason: a.reason,
            notes: a.notes,
        }
    }
}

impl AnswerRecord {
    /// The answer as the review engine reads it.
    pub fn to_answer(&self) -> Answer {
        let a = self.clone();
        Answer {
            question_id: a.question_id,
            pillar_id: a.pillar_id,
            selected_choices: a.selected_choices,
            choice_answers: a
                .choice_answers
                .into_iter()
                .map(|c| ChoiceAnswer {
                    choice_id: c.choice_id,
                    status: c.status,
                    reason: c.reason,
                    notes: c.notes,
                })
                .collect(),
            is_applicable: a.is_applicable,
            reason: a.reason,
            notes: a.notes,
        }
    }
}

/// `milestone/{workloadId}/{NNN}`: everything needed to show the workload as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneDoc {
    pub milestone_number: u32,
    pub milestone_name: String,
    pub recorded_at: String,
    pub workload: WorkloadDoc,
    pub reviews: Vec<ReviewDoc>,
    pub answers: Vec<AnswerDoc>,
}

/// A decoded document with the revision it was read at.
#[derive(Debug, Clone)]
pub struct Stored<T> {
    pub id: String,
    pub rev: String,
    pub body: T,
}

impl<T> From<TypedDocument<T>> for Stored<T> {
    fn from(doc: TypedDocument<T>) -> Self {
        Stored {
            id: doc.id,
            rev: doc.rev,
            body: doc.body,
        }
    }
}

/// The two stored records that hold an embedded record's fields beside their own (written by
/// serde's `flatten`) are read by [`with_embedded`], not by serde's flatten reader, which
/// buffered every field in a tree of its own and compiled 3.4 KiB (answers) and 5.8 KiB
/// (workloads) gzip into the engine.
macro_rules! embedding_record {
    ($record:ident . $field:ident) => {
        impl Serialize for $record {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $record::serialize(self, serializer)
            }
        }

        impl<'de> Deserialize<'de> for $record {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let (mut record, embedded) = with_embedded(deserializer, $record::deserialize)?;
                record.$field = embedded;
                Ok(record)
            }
        }
    };
}

embedding_record!(WorkloadDoc.properties);
embedding_record!(AnswerDoc.answer);

/// A record's own fields and an embedded record's, both read from the one stored object; each
/// ignores the other's fields, as every stored record ignores fields it does not know.
fn with_embedded<'de, D, T, E>(
    deserializer: D,
    own: fn(Reader) -> Result<T, serde_json::Error>,
) -> Result<(T, E), D::Error>
where
    D: serde::Deserializer<'de>,
    E: DeserializeOwned,
{
    use serde::de::Error as _;
    let value = Value::deserialize(deserializer)?;
    let record = read_with(value.clone(), own).map_err(D::Error::custom)?;
    let embedded = from_value(value).map_err(D::Error::custom)?;
    Ok((record, embedded))
}

impl<T: DeserializeOwned> Stored<T> {
    /// A document that does not have the shape we wrote is reported as `Corrupted`.
    pub fn decode(doc: Document) -> Result<Self, WorkspaceError> {
        let body = from_value(doc.body).map_err(|e| {
            WorkspaceError::Storage(StoreError::Corrupted {
                id: doc.id.clone(),
                message: e.to_string(),
            })
        })?;
        Ok(Stored {
            id: doc.id,
            rev: doc.rev,
            body,
        })
    }
}

/// Serialises a record for a `Write`. Our records are plain data, so this cannot fail.
pub fn to_body<T: Serialize>(record: &T) -> Value {
    serde_json::to_value(record).expect("workspace records serialise to JSON")
}

impl WorkloadDoc {
    /// A workload (or, with `template_version`, a review template) as it is first written:
    /// nothing answered, no milestone, no summary yet (the caller adds one per lens).
    pub fn new(
        workload_id: &str,
        properties: PropertiesRecord,
        lenses: Vec<String>,
        now: &str,
        template_version: Option<u32>,
    ) -> Self {
        WorkloadDoc {
            workload_id: workload_id.to_string(),
            properties,
            lenses,
            created_at: now.to_string(),
            updated_at: now.to_string(),
            risk_counts: Default::default(),
            questions_answered: 0,
            question_count: 0,
            lens_summaries: SortedMap::new(),
            milestones: Vec::new(),
            template_version,
            review_template: None,
            profile: None,
        }
    }

    pub fn to_workload(&self, revision: &str) -> Workload {
        Workload {
            workload_id: self.workload_id.clone(),
            properties: self.properties.to_api(),
            lenses: self.lenses.clone(),
            risk_counts: self.risk_counts,
            questions_answered: self.questions_answered,
            question_count: self.question_count,
            created_at: self.created_at.clone(),
            updated_at: self.updated_at.clone(),
            revision: revision.to_string(),
            review_template: self.review_template.clone(),
            profile: self.profile.clone(),
        }
    }

    /// The document's key: a review template's or a workload's.
    pub fn key(&self) -> String {
        match self.template_version {
            Some(_) => super::keys::template(&self.workload_id),
            None => super::keys::workload(&self.workload_id),
        }
    }

    /// Raises a template's version (a change of its content); a workload has none.
    pub fn bump_template(&mut self) {
        if let Some(v) = &mut self.template_version {
            *v += 1;
        }
    }

    /// What a template's changed answer records of its origin (`None` on a workload, where
    /// a change by the team drops the provenance).
    pub fn own_source(&self) -> Option<TemplateSource> {
        self.template_version.map(|v| TemplateSource {
            template_id: self.workload_id.clone(),
            template_version: v,
        })
    }

    /// Keeps only the pillar priorities that name one of `known` (the applied lenses' pillars).
    pub fn retain_pillar_priorities(&mut self, known: &[String]) {
        self.properties
            .pillar_priorities
            .retain(|p| known.contains(p));
    }

    /// Recomputes the workload totals from the per-lens summaries of the applied lenses.
    pub fn refresh_totals(&mut self) {
        let mut counts = RiskCounts::default();
        let (mut answered, mut questions) = (0, 0);
        for alias in &self.lenses {
            if let Some(s) = self.lens_summaries.get(alias) {
                counts.merge(&s.risk_counts);
                answered += s.questions_answered;
                questions += s.question_count;
            }
        }
        self.risk_counts = counts;
        self.questions_answered = answered;
        self.question_count = questions;
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn answer() -> AnswerDoc {
        AnswerDoc {
            lens_alias: "wellarchitected".into(),
            answer: AnswerRecord {
                question_id: "priorities".into(),
                selected_choices: vec!["priorities_biz_own".into()],
                notes: Some("Agreed with the owners".into()),
                ..AnswerRecord::default()
            },
            updated_at: "2026-12-07T10:00:00.000Z".into(),
            backlog: None,
            from_template: None,
        }
    }

    fn workload() -> WorkloadDoc {
        let mut properties = PropertiesRecord::unread();
        properties.workload_name = "Checkout".into();
        properties.aws_regions = vec!["eu-west-1".into()];
        let mut doc = WorkloadDoc::new("w1", properties, vec!["wellarchitected".into()], "t", None);
        doc.template_version = Some(2);
        doc
    }

    /// The body with `change` applied, read back as `T`: its message when it does not read.
    fn read<T: Serialize + DeserializeOwned>(
        record: &T,
        change: impl FnOnce(&mut Value),
    ) -> Result<T, String> {
        let mut body = to_body(record);
        change(&mut body);
        from_value(body).map_err(|e| e.to_string())
    }

    #[test]
    fn records_with_an_embedded_record_read_back_as_written() {
        assert_eq!(read(&answer(), |_| ()), Ok(answer()));
        assert_eq!(read(&workload(), |_| ()), Ok(workload()));
        // Both parts ignore fields they do not know, as every stored record does.
        let later = |b: &mut Value| b["writtenByALaterRelease"] = json!(1);
        assert_eq!(read(&answer(), later), Ok(answer()));
        assert_eq!(read(&workload(), later), Ok(workload()));
    }

    #[test]
    fn records_with_an_embedded_record_name_what_does_not_read() {
        let cases: [(&str, Result<(), String>); 4] = [
            ("lensAlias", Err("missing field `lensAlias`".into())),
            ("questionId", Err("missing field `questionId`".into())),
            ("selectedChoices", Ok(())),
            ("notes", Ok(())),
        ];
        for (field, expected) in cases {
            let got = read(&answer(), |b| {
                drop(b.as_object_mut().unwrap().remove(field))
            });
            assert_eq!(got.map(drop), expected, "without {field}");
        }
        let got = read(&workload(), |b| {
            drop(b.as_object_mut().unwrap().remove("workloadName"))
        });
        assert_eq!(got.map(drop), Err("missing field `workloadName`".into()));
        let got = read(&answer(), |b| b["selectedChoices"] = json!("x"));
        assert_eq!(
            got.map(drop),
            Err("invalid type: string \"x\", expected a sequence".into())
        );
        let got = read(&answer(), |b| *b = json!("x"));
        assert_eq!(
            got.map(drop),
            Err("invalid type: string \"x\", expected struct AnswerDoc".into())
        );
        let got = read(&workload(), |b| *b = json!([]));
        assert_eq!(
            got.map(drop),
            Err("invalid type: sequence, expected struct WorkloadDoc".into())
        );
    }
}
