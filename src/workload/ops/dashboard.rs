//! The dashboard over every workload.

use crate::store::Store;
use crate::workload::dashboard::{self, Dashboard, DashboardFilter};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::operation::{query, Operation};
use crate::workload::plan::{Halt, Planning};
use crate::workload::record::WorkloadListing;
use crate::workload::workspace::Workspace;

impl<S: Store> Workspace<S> {
    /// Risk totals, issues per pillar and per workload, and the improvement items shared by
    /// the most workloads. Reads one document per workload; evaluates nothing.
    pub async fn dashboard(&self, filter: DashboardFilter) -> Result<Dashboard, WorkspaceError> {
        self.perform(dashboard(filter)).await
    }
}

pub(crate) fn dashboard(filter: DashboardFilter) -> impl Operation<Output = Dashboard> {
    query(move |p| {
        dashboard::check_filter(&filter)?;
        plan_dashboard(p, &filter)
    })
}

fn plan_dashboard(p: &mut Planning, filter: &DashboardFilter) -> Result<Dashboard, Halt> {
    let (docs, damaged) = p.workload_listings()?;
    let docs: Vec<WorkloadListing> = docs.into_iter().map(|d| d.body).collect();
    // The lenses in use, to order pillars and items as the lenses do: the shipped lenses a
    // workload uses (a lens no workload uses orders nothing, and its file may not be loaded),
    // then each custom lens at a version a workload uses (cached after the first dashboard).
    let mut lenses = Vec::new();
    for alias in p.core.shipped.aliases() {
        if docs.iter().any(|d| d.lenses.iter().any(|a| a == alias)) {
            lenses.extend(p.core.shipped_lens(alias)?);
        }
    }
    for doc in &docs {
        for alias in doc.lenses.iter().filter(|a| keys::is_custom_alias(a)) {
            let version = doc
                .lens_summaries
                .get(alias)
                .map(|s| s.lens_version.as_str());
            if lenses.iter().any(|l| &l.alias == alias) {
                continue;
            }
            match p.resolve_lens("lenses", alias, version) {
                Ok(lens) => lenses.push(lens),
                Err(halt @ Halt::Read(_)) => return Err(halt),
                // A lens that cannot be read orders nothing; its workload still counts.
                Err(Halt::Failed(_)) => {}
            }
        }
    }
    let mut dashboard = dashboard::compute(&docs, filter, &lenses);
    dashboard.damaged_workloads = damaged;
    Ok(dashboard)
}
