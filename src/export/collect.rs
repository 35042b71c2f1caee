//! Gathering an export's data through the public `Workspace` API only: the exports show what
//! the app shows, and keep working while the workspace's storage internals change.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::labels::question_number;
use super::model::{
    ConsolidatedExport, ConsolidatedLens, ConsolidatedWorkload, LensExport, MilestoneRef,
    PillarExport, PillarRisk, PracticeExport, QuestionExport, SharedImprovement, WorkloadExport,
};
use crate::catalog::CatalogLens;
use crate::lens::model::Question;
use crate::review::{best_practice_impact, PlanOptions, Risk, RiskCounts};
use crate::store::Store;
use crate::workload::{AnswerView, LensReview, Workspace, WorkspaceError};

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
/// share. Reads each lens review and its plan (two evaluations per workload and lens).
pub async fn collect_consolidated<S: Store>(
    workspace: &Workspace<S>,
    lens_alias: Option<&str>,
) -> Result<ConsolidatedExport, WorkspaceError> {
    let mut summaries = workspace.list_workloads().await?;
    summaries.sort_by_cached_key(|w| (w.workload_name.to_lowercase(), w.workload_id.clone()));
    let mut lenses: BTreeMap<(String, String), Rc<CatalogLens>> = BTreeMap::new();
    let mut items: BTreeMap<(String, String, Risk), SharedImprovement> = BTreeMap::new();
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
            let key = (alias.clone(), review.lens_version.clone());
            let lens = match lenses.get(&key) {
                Some(lens) => lens.clone(),
                None => {
                    let lens = workspace
                        .get_lens(alias, Some(&review.lens_version))
                        .await?;
                    lenses.insert(key, lens.clone());
                    lens
                }
            };
            let plan = workspace
                .improvement_plan(id, alias, PlanOptions::default(), None)
                .await?;
            for item in plan {
                let entry = items
                    .entry((alias.clone(), item.question_id.clone(), item.risk))
                    .or_insert_with(|| SharedImprovement {
                        lens_alias: alias.clone(),
                        pillar_id: item.pillar_id.clone(),
                        question_number: number_in(&lens, &item.question_id),
                        question_id: item.question_id.clone(),
                        question_title: item.question_title.clone(),
                        risk: item.risk,
                        workload_count: 0,
                        workload_ids: Vec::new(),
                    });
                entry.workload_count += 1;
                entry.workload_ids.push(id.clone());
            }
            row.risk_counts.merge(&review.risk_counts);
            row.lenses.push(ConsolidatedLens {
                lens_alias: alias.clone(),
                lens_name: review.lens_name.clone(),
                lens_version: review.lens_version.clone(),
                risk_counts: review.risk_counts,
                pillars: review
                    .pillar_review_summaries
                    .iter()
                    .map(|p| PillarRisk {
                        pillar_id: p.pillar_id.clone(),
                        pillar_name: p.pillar_name.clone(),
                        risk_counts: p.risk_counts,
                    })
                    .collect(),
            });
        }
        workloads.push(row);
    }
    let shipped: Vec<String> = workspace
        .lenses()
        .into_iter()
        .map(|l| l.lens_alias)
        .collect();
    let mut improvements: Vec<SharedImprovement> = items.into_values().collect();
    improvements.sort_by_cached_key(|i| {
        (
            std::cmp::Reverse(i.workload_count),
            i.risk != Risk::High,
            lens_rank(&shipped, &i.lens_alias),
            question_position(&lenses, &i.lens_alias, &i.question_id),
        )
    });
    Ok(ConsolidatedExport {
        lens_alias: lens_alias.map(str::to_string),
        workloads,
        improvements,
    })
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

/// Shipped lenses in catalog order, then custom ones by alias: a stable order across reports.
fn lens_rank(shipped: &[String], alias: &str) -> (usize, String) {
    match shipped.iter().position(|a| a == alias) {
        Some(i) => (i, String::new()),
        None => (shipped.len(), alias.to_string()),
    }
}

/// The question's position in the first version of its lens that was read.
fn question_position(
    lenses: &BTreeMap<(String, String), Rc<CatalogLens>>,
    alias: &str,
    question_id: &str,
) -> usize {
    lenses
        .iter()
        .find(|((a, _), _)| a == alias)
        .and_then(|(_, lens)| {
            lens.lens
                .pillars
                .iter()
                .flat_map(|p| &p.questions)
                .position(|q| q.id == question_id)
        })
        .unwrap_or(usize::MAX)
}
