//! The dashboard: risks across all workloads, by pillar, by workload and by question.
//!
//! Built from the derived summaries in the workload documents only: one read per workload,
//! no lens evaluation, however many workloads there are.

use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::damage::DamagedRecord;
use super::error::WorkspaceError;
use super::record::WorkloadListing;
use crate::catalog::CatalogLens;
use crate::review::{Risk, RiskCounts};
use crate::sorted_map::SortedMap;

/// What to count. `pillars` restricts every figure to those pillars; `risks` (HIGH and/or
/// MEDIUM) keeps only the workloads and improvement items that have such a risk. The totals
/// ignore `risks`: they are the counts one clicks to filter by risk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct DashboardFilter {
    pub pillars: Option<Vec<String>>,
    pub risks: Option<Vec<Risk>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    pub totals: DashboardTotals,
    /// Issues per pillar over all workloads, in lens order.
    pub pillars: Vec<PillarIssues>,
    /// Sorted by name, like the workload list.
    pub workloads: Vec<WorkloadIssues>,
    /// Questions at risk across workloads: the most widespread first, then HIGH before
    /// MEDIUM, then lens and question order.
    pub improvements: Vec<ImprovementItem>,
    /// Workload records that could not be read: left out of every figure above.
    #[serde(default)]
    pub damaged_workloads: Vec<DamagedRecord>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DashboardTotals {
    pub workloads: u32,
    pub workloads_with_high_risks: u32,
    pub workloads_with_medium_risks: u32,
    /// High risk issues (questions at HIGH) over all workloads.
    pub high_risks: u32,
    pub medium_risks: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PillarIssues {
    pub pillar_id: String,
    pub pillar_name: String,
    pub risk_counts: RiskCounts,
    pub workloads_with_high_risks: u32,
    pub workloads_with_medium_risks: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadIssues {
    pub workload_id: String,
    pub workload_name: String,
    pub review_owner: String,
    pub improvement_status: super::model::ImprovementStatus,
    pub updated_at: String,
    pub questions_answered: u32,
    pub question_count: u32,
    /// Over the counted pillars.
    pub risk_counts: RiskCounts,
    pub pillars: Vec<WorkloadPillar>,
    /// The pillar with the most HIGH risks (then the most MEDIUM); absent when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub top_risk_pillar: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadPillar {
    pub pillar_id: String,
    pub pillar_name: String,
    pub risk_counts: RiskCounts,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImprovementItem {
    pub lens_alias: String,
    pub question_id: String,
    pub question_title: String,
    pub pillar_id: String,
    pub risk: Risk,
    pub workload_count: u32,
    /// In workload name order.
    pub workload_ids: Vec<String>,
}

/// Checks the filter before anything is read.
pub fn check_filter(filter: &DashboardFilter) -> Result<(), WorkspaceError> {
    for risk in filter.risks.iter().flatten() {
        if !matches!(risk, Risk::High | Risk::Medium) {
            return Err(WorkspaceError::validation(
                "risks",
                format!(
                    "the dashboard filters by HIGH or MEDIUM risk; `{}` is neither",
                    risk.as_str()
                ),
            ));
        }
    }
    Ok(())
}

/// Lens and question positions in the catalog, for a stable order of improvement items.
struct Positions<'a> {
    pillars: Vec<(&'a str, &'a str)>,
    questions: HashMap<(&'a str, &'a str), (usize, usize)>,
}

impl<'a> Positions<'a> {
    fn new(catalog: &'a [Rc<CatalogLens>]) -> Self {
        let mut pillars: Vec<(&str, &str)> = Vec::new();
        let mut questions = HashMap::new();
        for (li, lens) in catalog.iter().enumerate() {
            let mut qi = 0;
            for pillar in &lens.lens.pillars {
                if !pillars.iter().any(|(id, _)| *id == pillar.id) {
                    pillars.push((&pillar.id, &pillar.name));
                }
                for question in &pillar.questions {
                    questions.insert((lens.alias.as_str(), question.id.as_str()), (li, qi));
                    qi += 1;
                }
            }
        }
        Positions { pillars, questions }
    }

    fn question(&self, alias: &str, question_id: &str) -> (usize, usize) {
        self.questions
            .get(&(alias, question_id))
            .copied()
            .unwrap_or((usize::MAX, usize::MAX))
    }
}

/// Computes the dashboard over `workloads`.
pub fn compute(
    workloads: &[WorkloadListing],
    filter: &DashboardFilter,
    catalog: &[Rc<CatalogLens>],
) -> Dashboard {
    let positions = Positions::new(catalog);
    let counted = |pillar_id: &str| {
        filter
            .pillars
            .as_ref()
            .is_none_or(|ps| ps.is_empty() || ps.iter().any(|p| p == pillar_id))
    };
    let risk_filter: &[Risk] = filter.risks.as_deref().unwrap_or(&[]);
    let has_filtered_risk =
        |c: &RiskCounts| risk_filter.is_empty() || risk_filter.iter().any(|r| c.get(*r) > 0);

    let mut totals = DashboardTotals {
        workloads: workloads.len() as u32,
        ..DashboardTotals::default()
    };
    // Pillar id → (name, counts, workloads with high, with medium); ordered below.
    let mut pillar_totals: SortedMap<String, (String, RiskCounts, u32, u32)> = SortedMap::new();
    let mut rows = Vec::new();
    let mut items: SortedMap<(String, String, Risk), ImprovementItem> = SortedMap::new();

    // Name order for the rows and for the workload ids listed in each improvement item.
    let mut ordered: Vec<&WorkloadListing> = workloads.iter().collect();
    crate::sorted::by_cached_key(&mut ordered, |d| {
        (
            crate::case::lowercase(&d.workload_name),
            d.workload_id.clone(),
        )
    });

    for doc in ordered {
        // The workload's pillars: the same pillar id in two lenses is one pillar.
        let mut by_pillar: Vec<WorkloadPillar> = Vec::new();
        for summary in doc.lenses.iter().filter_map(|a| doc.lens_summaries.get(a)) {
            for p in summary.pillars.iter().filter(|p| counted(&p.pillar_id)) {
                match by_pillar.iter_mut().find(|w| w.pillar_id == p.pillar_id) {
                    Some(w) => w.risk_counts.merge(&p.risk_counts),
                    None => by_pillar.push(WorkloadPillar {
                        pillar_id: p.pillar_id.clone(),
                        pillar_name: p.pillar_name.clone(),
                        risk_counts: p.risk_counts,
                    }),
                }
            }
        }
        let mut counts = RiskCounts::default();
        for p in &by_pillar {
            counts.merge(&p.risk_counts);
            let entry = pillar_totals
                .entry(p.pillar_id.clone())
                .or_insert_with(|| (p.pillar_name.clone(), RiskCounts::default(), 0, 0));
            entry.1.merge(&p.risk_counts);
            entry.2 += u32::from(p.risk_counts.high > 0);
            entry.3 += u32::from(p.risk_counts.medium > 0);
        }
        totals.high_risks += counts.high;
        totals.medium_risks += counts.medium;
        totals.workloads_with_high_risks += u32::from(counts.high > 0);
        totals.workloads_with_medium_risks += u32::from(counts.medium > 0);

        for alias in &doc.lenses {
            let Some(summary) = doc.lens_summaries.get(alias) else {
                continue;
            };
            for q in summary.risks.iter().filter(|q| counted(&q.pillar_id)) {
                if !risk_filter.is_empty() && !risk_filter.contains(&q.risk) {
                    continue;
                }
                let item = items
                    .entry((alias.clone(), q.question_id.clone(), q.risk))
                    .or_insert_with(|| ImprovementItem {
                        lens_alias: alias.clone(),
                        question_id: q.question_id.clone(),
                        question_title: q.question_title.clone(),
                        pillar_id: q.pillar_id.clone(),
                        risk: q.risk,
                        workload_count: 0,
                        workload_ids: Vec::new(),
                    });
                item.workload_count += 1;
                item.workload_ids.push(doc.workload_id.clone());
            }
        }

        if has_filtered_risk(&counts) {
            let top_risk_pillar = by_pillar
                .iter()
                .enumerate()
                .filter(|(_, p)| p.risk_counts.high + p.risk_counts.medium > 0)
                // Most HIGH, then most MEDIUM, then the earlier pillar.
                .max_by_key(|(i, p)| (p.risk_counts.high, p.risk_counts.medium, usize::MAX - i))
                .map(|(_, p)| p.pillar_id.clone());
            rows.push(WorkloadIssues {
                workload_id: doc.workload_id.clone(),
                workload_name: doc.workload_name.clone(),
                review_owner: doc.review_owner.clone(),
                improvement_status: doc.improvement_status,
                updated_at: doc.updated_at.clone(),
                questions_answered: doc.questions_answered,
                question_count: doc.question_count,
                risk_counts: counts,
                pillars: by_pillar,
                top_risk_pillar,
            });
        }
    }

    let mut pillars = Vec::with_capacity(pillar_totals.len());
    // Sorted by id, as the map holds them, and taken as the known order meets them: a list
    // rather than the map's own removal, whose rebalancing code the engine then needs for this
    // one map type.
    let (ids, mut by_id): (Vec<String>, Vec<_>) = pillar_totals
        .into_iter()
        .map(|(id, t)| (id, Some(t)))
        .unzip();
    for (id, _) in &positions.pillars {
        if let Ok(i) = ids.binary_search_by(|known| known.as_str().cmp(id)) {
            if let Some((name, counts, high, medium)) = by_id[i].take() {
                pillars.push(pillar_issues(id.to_string(), name, counts, high, medium));
            }
        }
    }
    // Pillars of lenses no longer in the catalog, after the known ones.
    for (id, total) in ids.into_iter().zip(by_id) {
        if let Some((name, counts, high, medium)) = total {
            pillars.push(pillar_issues(id, name, counts, high, medium));
        }
    }

    let mut improvements: Vec<ImprovementItem> = items.into_values().collect();
    crate::sorted::by_key(&mut improvements, |i| {
        (
            std::cmp::Reverse(i.workload_count),
            i.risk != Risk::High,
            positions.question(&i.lens_alias, &i.question_id),
        )
    });

    Dashboard {
        totals,
        pillars,
        workloads: rows,
        improvements,
        damaged_workloads: Vec::new(),
    }
}

fn pillar_issues(
    id: String,
    name: String,
    counts: RiskCounts,
    high: u32,
    medium: u32,
) -> PillarIssues {
    PillarIssues {
        pillar_id: id,
        pillar_name: name,
        risk_counts: counts,
        workloads_with_high_risks: high,
        workloads_with_medium_risks: medium,
    }
}
