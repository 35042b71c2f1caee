//! A workspace operation as data: its plan and what it returns once the plan's writes are
//! committed, with nothing to await of its own.
//!
//! The async shell (`shell.rs`) runs any [`Operation`] the same way, so an operation adds no
//! future of its own to the wasm module: the JS API boxes each one as a trait object and one
//! future drives them all. Before, each method's `async fn` was a state machine of its own,
//! inlined into the JS method's future with its result's conversion (about 64 KiB raw of
//! the lean engine). Native callers keep their `async fn`s, each one line over
//! [`Workspace::perform`](super::Workspace::perform).

use super::error::WorkspaceError;
use super::model::Workload;
use super::plan::{Halt, Planned, Planning};
use super::record::{Stored, WorkloadDoc};
use crate::store::Write;

/// A plan, run again after every read it asks for, and its result once its writes are
/// committed (with their new revisions, in write order; none for a read-only operation).
pub(crate) trait Operation {
    type Output;
    fn plan(&mut self, p: &mut Planning) -> Planned;
    fn finish(self, revs: Vec<String>) -> Result<Self::Output, WorkspaceError>;
}

/// An operation from two closures: `plan` returns the writes and what `finish` needs of the
/// last run (a document written, a view), which `finish` turns into the result.
pub(crate) struct Change<T, P, F> {
    plan: P,
    planned: Option<T>,
    finish: F,
}

/// The operation that plans with `plan` and answers with `finish`.
pub(crate) fn change<T, O, P, F>(plan: P, finish: F) -> Change<T, P, F>
where
    P: FnMut(&mut Planning) -> Result<(Vec<Write>, T), Halt>,
    F: FnOnce(T, Vec<String>) -> Result<O, WorkspaceError>,
{
    Change {
        plan,
        planned: None,
        finish,
    }
}

/// An operation that rewrites a workload document (its first write, when it writes) and
/// returns the workload at its new revision.
pub(crate) fn workload_change(
    plan: impl FnMut(&mut Planning) -> Result<(Vec<Write>, Stored<WorkloadDoc>), Halt>,
) -> impl Operation<Output = Workload> {
    change(plan, |doc: Stored<WorkloadDoc>, revs| {
        let rev = revs.first().unwrap_or(&doc.rev);
        Ok(doc.body.to_workload(rev))
    })
}

/// A read-only operation: `read` returns the result and writes nothing.
pub(crate) fn query<T>(
    mut read: impl FnMut(&mut Planning) -> Result<T, Halt>,
) -> impl Operation<Output = T> {
    change(move |p| Ok((Vec::new(), read(p)?)), |found, _| Ok(found))
}

impl<T, O, P, F> Operation for Change<T, P, F>
where
    P: FnMut(&mut Planning) -> Result<(Vec<Write>, T), Halt>,
    F: FnOnce(T, Vec<String>) -> Result<O, WorkspaceError>,
{
    type Output = O;

    fn plan(&mut self, p: &mut Planning) -> Planned {
        let (writes, planned) = (self.plan)(p)?;
        self.planned = Some(planned);
        Ok(writes)
    }

    fn finish(self, revs: Vec<String>) -> Result<O, WorkspaceError> {
        (self.finish)(
            self.planned
                .expect("an operation is finished after it planned"),
            revs,
        )
    }
}
