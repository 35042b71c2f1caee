//! Gathering an export's data through the public `Workspace` API only: the exports show what
//! the app shows, and keep working while the workspace's storage internals change.

use std::rc::Rc;

use super::labels::question_number;
use super::model::{
    ConsolidatedExport, ConsolidatedLens, ConsolidatedWorkload, LensExport, MilestoneRef,
    PillarExport, PillarRisk, PracticeExport, QuestionExport, SharedImprovement, WorkloadExport,
};
use crate::catalog::CatalogLens;
use crate::lens::model::Question;
use crate::review::{best_practice_impact, PlanOptions, Risk, RiskCounts};
use crate::sorted_map::SortedMap;
use crate::store::Store;
use crate::workload::{AnswerView, DashboardFilter, LensReview, Workspace, WorkspaceError};

/// Everything the exports of workload `workload_id` show: now, or as milestone `milestone`
/// froze it; every applied lens, or those of `lens_aliases` (in that order; each must be
/// applied, else `Validation` on `lensAliases`).
pub async fn collect<S: Store>(
    workspace: &Workspace<S>,
    workload_id: &str,
    lens_aliases: Option<&[String]>,
    milestone: Option<u32>,
) -> Result<WorkloadExport, WorkspaceError> {
    let (workload, milestone_ref) = match milestone {
        Some(number) => {
            let m = workspace.get_milestone(workload_id, number).await?;
            let reference = MilestoneRef {
                milestone_number: m.milestone_number,
                milestone_name: m.milestone_name,
                recorded_at: m.recorded_at,
            };
            (m.workload, Some(reference))
        }
        None => (workspace.get_workload(workload_id).await?, None),
    };
    let aliases = match lens_aliases {
        Some(asked) => {
            if let Some(missing) = asked.iter().find(|a| !workload.lenses.contains(a)) {
                return Err(WorkspaceError::validation(
                    "lensAliases",
                    format!(
                        "lens `{missing}` is not applied to workload `{}` (its lenses: {})",
                        workload.workload_id,
                        workload.lenses.join(", ")
                    ),
                ));
            }
            asked.to_vec()
        }
        None => workload.lenses.clone(),
    };

    let mut lenses = Vec::with_capacity(aliases.len());
    let mut risk_counts = RiskCounts::default();
    for alias in &aliases {
        let review = workspace
            .get_lens_review(workload_id, alias, milestone)
            .await?;
        let lens = workspace
            .get_lens(alias, Some(&review.lens_version))
            .await?;
        let answers = workspace
            .list_answers(workload_id, alias, milestone)
            .await?;
        // Empty options: the plan follows the workload's (or the milestone's) priorities.
        let plan = workspace
            .improvement_plan(workload_id, alias, PlanOptions::default(), milestone)
            .await?;
        risk_counts.merge(&review.risk_counts);
        let pillars = flatten(&lens, &review, &answers);
        lenses.push(LensExport {
            review,
            answers,
            plan,
            pillars,
        });
    }
    Ok(WorkloadExport {
        workload,
        milestone: milestone_ref,
        risk_counts,
        lenses,
    })
}

/// Pillars → numbered questions → practices with impact, from the lens and the answers.
fn flatten(lens: &CatalogLens, review: &LensReview, answers: &[AnswerView]) -> Vec<PillarExport> {
    lens.lens
        .pillars
        .iter()
        .map(|pillar| {
            let summary = review
                .pillar_review_summaries
                .iter()
                .find(|s| s.pillar_id == pillar.id);
            let questions = pillar
                .questions
                .iter()
                .enumerate()
                .map(|(i, question)| {
                    let answer = answers.iter().find(|a| a.question_id == question.id);
                    question_export(question_number(&pillar.id, i), question, answer)
                })
                .collect();
            PillarExport {
                pillar_id: pillar.id.clone(),
                name: pillar.name.clone(),
                notes: summary.and_then(|s| s.notes.clone()),
                risk_counts: summary.map(|s| s.risk_counts).unwrap_or_default(),
                questions,
            }
        })
        .collect()
}

fn question_export(
    number: String,
    question: &Question,
    answer: Option<&AnswerView>,
) -> QuestionExport {
    let practices = question
        .choices
        .iter()
        .enumerate()
        .map(|(i, choice)| {
            let view = answer.and_then(|a| a.choices.iter().find(|c| c.choice_id == choice.id));
            let none_of_these = choice.is_none_of_these();
            PracticeExport {
                choice_id: choice.id.clone(),
                title: choice.title.clone(),
                none_of_these,
                status: view.map_or(crate::review::ChoiceStatus::Unselected, |v| v.status),
                reason: view.and_then(|v| v.reason),
                impact: (!none_of_these).then(|| best_practice_impact(question, i)),
                notes: view.and_then(|v| v.notes.clone()),
            }
        })
        .collect();
    QuestionExport {
        number,
        question_id: question.id.clone(),
        title: question.title.clone(),
        risk: answer.map_or(Risk::Unanswered, |a| a.risk),
        is_applicable: answer.is_none_or(|a| a.is_applicable),
        reason: answer.and_then(|a| a.reason),
        notes: answer.and_then(|a| a.notes.clone()),
        practices,
    }
}

/// The consolidated report: every workload, or those with lens `lens_alias` applied (then only
/// that lens counts), with risk counts per lens and pillar and the questions at risk they
/// share. One lens review read per workload and lens; the shared items come from the
/// dashboard, which reads the risks each workload keeps and evaluates nothing.
pub async fn collect_consolidated<S: Store>(
    workspace: &Workspace<S>,
    lens_alias: Option<&str>,
) -> Result<ConsolidatedExport, WorkspaceError> {
    let mut summaries = workspace.list_workloads().await?;
    crate::sorted::by_cached_key(&mut summaries, |w| {
        (
            crate::case::lowercase(&w.workload_name),
            w.workload_id.clone(),
        )
    });
    // The version of each lens first met: shared items are numbered as in that version.
    let mut versions: SortedMap<String, String> = SortedMap::new();
    let mut workloads = Vec::new();
    for summary in summaries {
        let aliases: Vec<&String> = match lens_alias {
            Some(only) => summary.lenses.iter().filter(|a| *a == only).collect(),
            None => summary.lenses.iter().collect(),
        };
        if aliases.is_empty() {
            continue;
        }
        let id = &summary.workload_id;
        let mut row = ConsolidatedWorkload {
            workload_id: id.clone(),
            workload_name: summary.workload_name.clone(),
            review_owner: summary.review_owner.clone(),
            updated_at: summary.updated_at.clone(),
            risk_counts: RiskCounts::default(),
            lenses: Vec::with_capacity(aliases.len()),
        };
        for alias in aliases {
            let review = workspace.get_lens_review(id, alias, None).await?;
            versions
                .entry(alias.clone())
                .or_insert_with(|| review.lens_version.clone());
            row.risk_counts.merge(&review.risk_counts);
            row.lenses.push(consolidated_lens(review));
        }
        workloads.push(row);
    }

    // The dashboard orders its items as the report wants them (most widespread first, HIGH
    // before MEDIUM, then lens and question order); each item is one lens's question, so
    // keeping the chosen lens's items restricts them to that lens.
    let dashboard = workspace.dashboard(DashboardFilter::default()).await?;
    let mut lenses: SortedMap<String, Rc<CatalogLens>> = SortedMap::new();
    let mut improvements = Vec::new();
    for item in dashboard.improvements {
        if lens_alias.is_some_and(|only| only != item.lens_alias) {
            continue;
        }
        let question_number = match versions.get(&item.lens_alias) {
            Some(version) => {
                if !lenses.contains_key(&item.lens_alias) {
                    let lens = workspace.get_lens(&item.lens_alias, Some(version)).await?;
                    lenses.insert(item.lens_alias.clone(), lens);
                }
                number_in(&lenses[&item.lens_alias], &item.question_id)
            }
            None => String::new(),
        };
        improvements.push(SharedImprovement {
            lens_alias: item.lens_alias,
            pillar_id: item.pillar_id,
            question_id: item.question_id,
            question_number,
            question_title: item.question_title,
            risk: item.risk,
            workload_count: item.workload_count,
            workload_ids: item.workload_ids,
        });
    }
    Ok(ConsolidatedExport {
        lens_alias: lens_alias.map(str::to_string),
        workloads,
        improvements,
    })
}

fn consolidated_lens(review: LensReview) -> ConsolidatedLens {
    ConsolidatedLens {
        pillars: review
            .pillar_review_summaries
            .into_iter()
            .map(|p| PillarRisk {
                pillar_id: p.pillar_id,
                pillar_name: p.pillar_name,
                risk_counts: p.risk_counts,
            })
            .collect(),
        lens_alias: review.lens_alias,
        lens_name: review.lens_name,
        lens_version: review.lens_version,
        risk_counts: review.risk_counts,
    }
}

/// The question's number in `lens` ("" when the lens no longer has it).
fn number_in(lens: &CatalogLens, question_id: &str) -> String {
    for pillar in &lens.lens.pillars {
        if let Some(i) = pillar.questions.iter().position(|q| q.id == question_id) {
            return question_number(&pillar.id, i);
        }
    }
    String::new()
}
