//! Building and editing [`WorkloadProperties`]: every rule of [`super::validate`] applied to a
//! define input or to the fields a patch changes.

use super::error::WorkspaceError;
use super::model::{WorkloadInput, WorkloadPatch, WorkloadProperties};
use super::validate;

/// Validates a define input into properties (lenses and name uniqueness are checked by the
/// caller, which knows the catalog and the store). `known_pillars`: pillars of the lenses the
/// workload will have.
pub fn from_input(
    input: &WorkloadInput,
    known_pillars: &[&str],
) -> Result<WorkloadProperties, WorkspaceError> {
    let name = validate::required("workloadName", input.workload_name.as_ref())?;
    validate::name("workloadName", name)?;
    let description = validate::required("description", input.description.as_ref())?;
    validate::description(description)?;
    let environment = input.environment.ok_or_else(|| {
        WorkspaceError::validation("environment", "is required (PRODUCTION or PREPRODUCTION)")
    })?;
    let owner = validate::required("reviewOwner", input.review_owner.as_ref())?;
    validate::review_owner(owner)?;

    let mut props = WorkloadProperties {
        workload_name: name.to_string(),
        description: description.to_string(),
        environment,
        review_owner: owner.to_string(),
        aws_regions: Vec::new(),
        non_aws_regions: Vec::new(),
        account_ids: Vec::new(),
        architectural_design: None,
        industry_type: None,
        industry: None,
        notes: None,
        tags: Default::default(),
        improvement_status: input.improvement_status.unwrap_or_default(),
        pillar_priorities: Vec::new(),
    };
    // The remaining fields are exactly what a patch can carry, with the same rules.
    let rest = WorkloadPatch {
        aws_regions: input.aws_regions.clone(),
        non_aws_regions: input.non_aws_regions.clone(),
        account_ids: input.account_ids.clone(),
        architectural_design: input.architectural_design.clone(),
        industry_type: input.industry_type.clone(),
        industry: input.industry.clone(),
        notes: input.notes.clone(),
        tags: input.tags.clone(),
        pillar_priorities: input.pillar_priorities.clone(),
        ..WorkloadPatch::default()
    };
    apply_optional(&mut props, &rest, known_pillars)?;
    validate::some_region(&props.aws_regions, &props.non_aws_regions)?;
    Ok(props)
}

/// Applies the fields present in `patch`, each validated; the others keep their value.
pub fn apply_patch(
    current: &WorkloadProperties,
    patch: &WorkloadPatch,
    known_pillars: &[&str],
) -> Result<WorkloadProperties, WorkspaceError> {
    let mut props = current.clone();
    if let Some(v) = &patch.workload_name {
        validate::name("workloadName", v)?;
        props.workload_name = v.clone();
    }
    if let Some(v) = &patch.description {
        validate::description(v)?;
        props.description = v.clone();
    }
    if let Some(v) = patch.environment {
        props.environment = v;
    }
    if let Some(v) = &patch.review_owner {
        validate::review_owner(v)?;
        props.review_owner = v.clone();
    }
    if let Some(v) = patch.improvement_status {
        props.improvement_status = v;
    }
    apply_optional(&mut props, patch, known_pillars)?;
    if patch.aws_regions.is_some() || patch.non_aws_regions.is_some() {
        validate::some_region(&props.aws_regions, &props.non_aws_regions)?;
    }
    Ok(props)
}

/// The fields that are optional both when defining and when editing.
fn apply_optional(
    props: &mut WorkloadProperties,
    patch: &WorkloadPatch,
    known_pillars: &[&str],
) -> Result<(), WorkspaceError> {
    if let Some(v) = &patch.aws_regions {
        validate::aws_regions(v)?;
        props.aws_regions = v.clone();
    }
    if let Some(v) = &patch.non_aws_regions {
        validate::non_aws_regions(v)?;
        props.non_aws_regions = v.clone();
    }
    if let Some(v) = &patch.account_ids {
        validate::account_ids(v)?;
        props.account_ids = v.clone();
    }
    if let Some(v) = &patch.architectural_design {
        validate::architectural_design(v)?;
        props.architectural_design = non_empty(v);
    }
    if let Some(v) = &patch.industry_type {
        validate::industry_type(v)?;
        props.industry_type = non_empty(v);
    }
    if let Some(v) = &patch.industry {
        validate::industry(v)?;
        props.industry = non_empty(v);
    }
    if let Some(v) = &patch.notes {
        validate::notes("notes", v)?;
        props.notes = non_empty(v);
    }
    if let Some(v) = &patch.tags {
        validate::tags(v)?;
        props.tags = v.clone();
    }
    if let Some(v) = &patch.pillar_priorities {
        validate::pillar_priorities(v, known_pillars)?;
        props.pillar_priorities = v.clone();
    }
    Ok(())
}

fn non_empty(v: &str) -> Option<String> {
    (!v.is_empty()).then(|| v.to_string())
}
