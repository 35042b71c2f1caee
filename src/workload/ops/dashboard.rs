//! The dashboard over every workload.

use crate::store::Store;
use crate::workload::dashboard::{self, Dashboard, DashboardFilter};
use crate::workload::error::WorkspaceError;
use crate::workload::keys;
use crate::workload::record::{Stored, WorkloadListing};
use crate::workload::workspace::Workspace;

impl<S: Store> Workspace<S> {
    /// Risk totals, issues per pillar and per workload, and the improvement items shared by
    /// the most workloads. Reads one document per workload; evaluates nothing.
    pub async fn dashboard(&self, filter: DashboardFilter) -> Result<Dashboard, WorkspaceError> {
        dashboard::check_filter(&filter)?;
        let docs: Vec<Stored<WorkloadListing>> = self.load_all(keys::WORKLOAD_PREFIX).await?;
        let docs: Vec<WorkloadListing> = docs.into_iter().map(|d| d.body).collect();
        Ok(dashboard::compute(&docs, &filter, &self.lenses))
    }
}
