//! Building and editing [`WorkloadProperties`]: every rule of [`super::validate`] applied to a
//! define input or to the fields a patch changes.

use super::error::{Problem, WorkspaceError};
use super::model::{WorkloadEnvironment, WorkloadInput, WorkloadPatch, WorkloadProperties};
use super::validate;

/// Validates a define input into properties (lenses and name uniqueness are checked by the
/// caller, which knows the catalog and the store). `known_pillars`: pillars of the lenses the
/// workload will have. Every field is checked, and the error lists every problem found.
pub fn from_input(
    input: &WorkloadInput,
    known_pillars: &[&str],
) -> Result<WorkloadProperties, WorkspaceError> {
    let mut problems = Problems::default();
    let name = problems.keep(
        validate::required("workloadName", input.workload_name.as_ref())
            .and_then(|v| validate::name("workloadName", v).map(|()| v)),
    );
    let description = problems.keep(
        validate::required("description", input.description.as_ref())
            .and_then(|v| validate::description(v).map(|()| v)),
    );
    let environment = problems.keep(input.environment.ok_or_else(|| {
        WorkspaceError::validation("environment", "is required (PRODUCTION or PREPRODUCTION)")
    }));
    let owner = problems.keep(
        validate::required("reviewOwner", input.review_owner.as_ref())
            .and_then(|v| validate::review_owner(v).map(|()| v)),
    );

    let mut props = WorkloadProperties {
        improvement_status: input.improvement_status.unwrap_or_default(),
        ..WorkloadProperties::stated(
            name.unwrap_or_default(),
            description.unwrap_or_default(),
            // A missing value is a problem above, so this stand-in is never returned.
            environment.unwrap_or(WorkloadEnvironment::Production),
            owner.unwrap_or_default(),
        )
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
    apply_optional(&mut props, &rest, known_pillars, &mut problems);
    problems.some_region(&props);
    problems.finish()?;
    Ok(props)
}

/// Applies the fields present in `patch`, each validated; the others keep their value. The
/// error lists every problem of the patch.
pub fn apply_patch(
    current: &WorkloadProperties,
    patch: &WorkloadPatch,
    known_pillars: &[&str],
) -> Result<WorkloadProperties, WorkspaceError> {
    let mut problems = Problems::default();
    let mut props = current.clone();
    if let Some(v) = &patch.workload_name {
        if problems.passes(validate::name("workloadName", v)) {
            props.workload_name = v.clone();
        }
    }
    if let Some(v) = &patch.description {
        if problems.passes(validate::description(v)) {
            props.description = v.clone();
        }
    }
    if let Some(v) = patch.environment {
        props.environment = v;
    }
    if let Some(v) = &patch.review_owner {
        if problems.passes(validate::review_owner(v)) {
            props.review_owner = v.clone();
        }
    }
    if let Some(v) = patch.improvement_status {
        props.improvement_status = v;
    }
    apply_optional(&mut props, patch, known_pillars, &mut problems);
    if patch.aws_regions.is_some() || patch.non_aws_regions.is_some() {
        problems.some_region(&props);
    }
    problems.finish()?;
    Ok(props)
}

/// The fields that are optional both when defining and when editing. A field that breaks its
/// rule keeps its old value and adds its problem.
fn apply_optional(
    props: &mut WorkloadProperties,
    patch: &WorkloadPatch,
    known_pillars: &[&str],
    problems: &mut Problems,
) {
    if let Some(v) = &patch.aws_regions {
        if problems.passes(validate::aws_regions(v)) {
            props.aws_regions = v.clone();
        }
    }
    if let Some(v) = &patch.non_aws_regions {
        if problems.passes(validate::non_aws_regions(v)) {
            props.non_aws_regions = v.clone();
        }
    }
    if let Some(v) = &patch.account_ids {
        if problems.passes(validate::account_ids(v)) {
            props.account_ids = v.clone();
        }
    }
    if let Some(v) = &patch.architectural_design {
        if problems.passes(validate::architectural_design(v)) {
            props.architectural_design = non_empty(v);
        }
    }
    if let Some(v) = &patch.industry_type {
        if problems.passes(validate::industry_type(v)) {
            props.industry_type = non_empty(v);
        }
    }
    if let Some(v) = &patch.industry {
        if problems.passes(validate::industry(v)) {
            props.industry = non_empty(v);
        }
    }
    if let Some(v) = &patch.notes {
        if problems.passes(validate::notes("notes", v)) {
            props.notes = non_empty(v);
        }
    }
    if let Some(v) = &patch.tags {
        if problems.passes(validate::tags(v)) {
            props.tags = v.clone();
        }
    }
    if let Some(v) = &patch.pillar_priorities {
        if problems.passes(validate::pillar_priorities(v, known_pillars)) {
            props.pillar_priorities = v.clone();
        }
    }
}

/// The problems found so far in one input, in field order.
#[derive(Default)]
struct Problems(Vec<Problem>);

impl Problems {
    /// The value of a check that passed; a failed check's problems are kept.
    fn keep<T>(&mut self, check: Result<T, WorkspaceError>) -> Option<T> {
        match check {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.extend(e.problems());
                None
            }
        }
    }

    fn passes(&mut self, check: Result<(), WorkspaceError>) -> bool {
        self.keep(check).is_some()
    }

    /// "At least one region", unless a region list already has a problem of its own (its
    /// value was not taken, so the lists may look empty when they are not).
    fn some_region(&mut self, props: &WorkloadProperties) {
        let region_problem = self
            .0
            .iter()
            .any(|p| p.field == "awsRegions" || p.field == "nonAwsRegions");
        if !region_problem {
            self.keep(validate::some_region(
                &props.aws_regions,
                &props.non_aws_regions,
            ));
        }
    }

    fn finish(self) -> Result<(), WorkspaceError> {
        WorkspaceError::all_problems(self.0)
    }
}

fn non_empty(v: &str) -> Option<String> {
    (!v.is_empty()).then(|| v.to_string())
}
