//! The workspace's rules tested as plans: documents in, write set (or error) out, no executor
//! and no store. `World` stands for a store: it answers every read from the documents it holds
//! and applies a write set the way a store commit would.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::{json, Value};

use super::answers::plan_answer;
use super::lenses::{plan_associate, plan_disassociate};
use super::milestones::plan_milestone;
use super::workloads::{plan_define, plan_update};
use crate::catalog::{CatalogError, CatalogLens, LensType, FRAMEWORK_ALIAS};
use crate::store::{next_revision, Document, Write};
use crate::workload::env::DeterministicEnvironment;
use crate::workload::error::WorkspaceError;
use crate::workload::operation::Operation;
use crate::workload::plan::{Draws, Halt, Need, Planning, Reads};
use crate::workload::shipped::ShippedLenses;
use crate::workload::workspace::Core;
use crate::workload::{AnswerUpdate, WorkloadEnvironment, WorkloadInput, WorkloadPatch};

/// The review test lens under the framework alias (the only lens a workload needs).
fn test_lens() -> CatalogLens {
    let text = include_str!("../../../tests/fixtures/review-lens.json");
    let lens = crate::lens::parse(text).expect("the test lens parses");
    CatalogLens {
        alias: FRAMEWORK_ALIAS.to_string(),
        name: lens.name.clone(),
        version: "2026-11-01".to_string(),
        description: "test".to_string(),
        lens_type: LensType::AwsOfficial,
        lens,
    }
}

fn core_with(shipped: ShippedLenses) -> Core {
    Core {
        env: Box::new(DeterministicEnvironment::new(1_795_428_000_000, 1000, 7)),
        shipped,
        custom_cache: RefCell::new(Vec::new()),
    }
}

fn core() -> Core {
    core_with(ShippedLenses::all(vec![test_lens()]))
}

/// A store as a list of documents.
#[derive(Default)]
struct World {
    docs: Vec<Document>,
}

impl World {
    /// Runs `plan` over everything held (one attempt, as the shell would after its reads).
    fn plan<T>(
        &self,
        core: &Core,
        plan: impl FnOnce(&mut Planning) -> Result<T, Halt>,
    ) -> Result<T, WorkspaceError> {
        let reads = Reads::complete(self.docs.clone());
        let mut draws = Draws::default();
        match plan(&mut Planning::new(&reads, core, &mut draws)) {
            Ok(out) => Ok(out),
            Err(Halt::Failed(e)) => Err(e),
            Err(Halt::Read(need)) => panic!("a complete snapshot still needed {need:?}"),
        }
    }

    /// Applies `writes` as a commit would, checking each write's expected revision.
    fn commit(&mut self, writes: &[Write]) -> Vec<String> {
        writes
            .iter()
            .map(|w| {
                let at = self.docs.iter().position(|d| d.id == w.id);
                let current = at.map(|i| self.docs[i].rev.clone());
                assert_eq!(current, w.expected_rev, "stale write to {}", w.id);
                match (&w.body, at) {
                    (Some(body), _) => {
                        let rev = next_revision(current.as_deref(), body);
                        let doc = Document {
                            id: w.id.clone(),
                            rev: rev.clone(),
                            body: body.clone(),
                        };
                        match at {
                            Some(i) => self.docs[i] = doc,
                            None => self.docs.push(doc),
                        }
                        rev
                    }
                    (None, Some(i)) => {
                        self.docs.remove(i);
                        String::new()
                    }
                    (None, None) => String::new(),
                }
            })
            .collect()
    }

    /// Runs `op` as the shell would, in one attempt: its plan over everything held, its
    /// writes committed, then its result from the new revisions.
    fn perform<O: Operation>(
        &mut self,
        core: &Core,
        mut op: O,
    ) -> Result<O::Output, WorkspaceError> {
        let writes = self.plan(core, |p| op.plan(p))?;
        let revs = self.commit(&writes);
        op.finish(revs)
    }

    fn body(&self, id: &str) -> &Value {
        &self.docs.iter().find(|d| d.id == id).expect(id).body
    }
}

fn input(name: &str) -> WorkloadInput {
    WorkloadInput {
        workload_name: Some(name.to_string()),
        description: Some("Checkout service".to_string()),
        environment: Some(WorkloadEnvironment::Production),
        review_owner: Some("ops@example.org".to_string()),
        aws_regions: Some(vec!["eu-west-1".to_string()]),
        ..WorkloadInput::default()
    }
}

/// A world holding one defined workload; its id.
fn defined(core: &Core, world: &mut World, name: &str) -> String {
    let (writes, doc) = world.plan(core, |p| plan_define(p, &input(name))).unwrap();
    world.commit(&writes);
    doc.workload_id
}

fn ids(writes: &[Write]) -> Vec<&str> {
    writes.iter().map(|w| w.id.as_str()).collect()
}

#[test]
fn defining_writes_the_workload_its_review_and_its_name_claim_all_new() {
    let core = core();
    let world = World::default();
    let (writes, doc) = world
        .plan(&core, |p| plan_define(p, &input("Shop")))
        .unwrap();
    let id = &doc.workload_id;
    assert_eq!(
        ids(&writes),
        [
            format!("workload/{id}"),
            format!("review/{id}/wellarchitected"),
            "name/shop".to_string()
        ]
    );
    assert!(writes.iter().all(|w| w.expected_rev.is_none()));
    assert_eq!(doc.question_count, 5);
    assert_eq!(doc.created_at, "2026-11-23T10:00:00.000Z");
}

#[test]
fn a_plan_run_again_after_a_read_draws_the_same_id_and_time() {
    let core = core();
    let nothing_read = Reads::default();
    let mut draws = Draws::default();
    let first = plan_define(
        &mut Planning::new(&nothing_read, &core, &mut draws),
        &input("Shop"),
    );
    // The plan drew the id, then stopped to ask for the name claim.
    assert!(matches!(first, Err(Halt::Read(Need::Prefix(ref k))) if k == "name/shop"));
    let everything = Reads::complete(Vec::new());
    let Ok((_, replayed)) = plan_define(
        &mut Planning::new(&everything, &core, &mut draws),
        &input("Shop"),
    ) else {
        panic!("a complete snapshot answers every read");
    };
    // The same id and clock reading as a workspace that never had to read again.
    let (_, direct) = World::default()
        .plan(&core_twin(), |p| plan_define(p, &input("Shop")))
        .unwrap();
    assert_eq!(replayed.workload_id, direct.workload_id);
    assert_eq!(replayed.created_at, direct.created_at);
}

/// A second core with the same clock and seed as [`core`].
fn core_twin() -> Core {
    core()
}

#[test]
fn a_second_workload_with_the_same_name_ignoring_case_and_spaces_is_refused() {
    let core = core();
    let mut world = World::default();
    defined(&core, &mut world, "Shop Front");
    let err = world
        .plan(&core, |p| plan_define(p, &input(" shop  FRONT")))
        .unwrap_err();
    assert_eq!(err.kind(), "Validation");
    assert!(err.to_string().contains("Shop Front"), "{err}");
}

#[test]
fn renaming_claims_the_new_name_and_releases_the_old_in_the_same_write_set() {
    let core = core();
    let mut world = World::default();
    let id = defined(&core, &mut world, "Shop");
    let patch = WorkloadPatch {
        workload_name: Some("Store".to_string()),
        ..WorkloadPatch::default()
    };
    let (writes, doc) = world.plan(&core, |p| plan_update(p, &id, &patch)).unwrap();
    assert_eq!(
        ids(&writes),
        [
            format!("workload/{id}"),
            "name/store".into(),
            "name/shop".into()
        ]
    );
    assert!(writes[2].body.is_none(), "the old claim is deleted");
    assert_eq!(doc.properties.workload_name, "Store");
    world.commit(&writes);
    assert_eq!(world.body("name/store")["workloadId"], json!(id));
}

#[test]
fn a_stale_expected_revision_is_a_conflict_never_a_write() {
    let core = core();
    let mut world = World::default();
    let id = defined(&core, &mut world, "Shop");
    let patch = WorkloadPatch {
        description: Some("new".to_string()),
        expected_revision: Some("1-0000".to_string()),
        ..WorkloadPatch::default()
    };
    let err = world
        .plan(&core, |p| plan_update(p, &id, &patch))
        .unwrap_err();
    assert_eq!(err.kind(), "Conflict");
}

#[test]
fn answering_writes_the_answer_and_the_workloads_derived_counts_together() {
    let core = core();
    let mut world = World::default();
    let id = defined(&core, &mut world, "Shop");
    let update = AnswerUpdate {
        selected_choices: Some(vec!["backups_automated".into(), "backups_tested".into()]),
        ..AnswerUpdate::default()
    };
    let (writes, view) = world
        .plan(&core, |p| {
            plan_answer(p, &id, FRAMEWORK_ALIAS, "backups", &update)
        })
        .unwrap();
    assert_eq!(
        ids(&writes),
        [
            format!("answer/{id}/wellarchitected/backups"),
            format!("workload/{id}")
        ]
    );
    assert_eq!(serde_json::to_value(view.risk).unwrap(), json!("MEDIUM"));
    world.commit(&writes);
    let counts = &world.body(&format!("workload/{id}"))["riskCounts"];
    assert_eq!(counts["MEDIUM"], json!(1));
    assert_eq!(counts["UNANSWERED"], json!(4));
}

#[test]
fn answering_a_question_the_lens_does_not_have_names_the_field() {
    let core = core();
    let mut world = World::default();
    let id = defined(&core, &mut world, "Shop");
    let err = world
        .plan(&core, |p| {
            plan_answer(p, &id, FRAMEWORK_ALIAS, "nope", &AnswerUpdate::default())
        })
        .unwrap_err();
    assert_eq!(
        err,
        WorkspaceError::validation(
            "questionId",
            "`nope` is not a question of lens `wellarchitected`"
        )
    );
}

#[test]
fn milestones_are_numbered_in_order_and_unique_by_name() {
    let core = core();
    let mut world = World::default();
    let id = defined(&core, &mut world, "Shop");
    let (writes, first) = world
        .plan(&core, |p| plan_milestone(p, &id, "Go live"))
        .unwrap();
    assert_eq!(first.milestone_number, 1);
    assert_eq!(writes[0].id, format!("milestone/{id}/001"));
    assert!(
        writes[0].expected_rev.is_none(),
        "a milestone is written once"
    );
    world.commit(&writes);
    let (_, second) = world
        .plan(&core, |p| plan_milestone(p, &id, "Later"))
        .unwrap();
    assert_eq!(second.milestone_number, 2);
    let err = world
        .plan(&core, |p| plan_milestone(p, &id, "GO  LIVE"))
        .unwrap_err();
    assert_eq!(err.kind(), "Validation");
}

#[test]
fn the_framework_lens_cannot_be_removed_and_an_applied_lens_is_not_applied_twice() {
    let core = core();
    let mut world = World::default();
    let id = defined(&core, &mut world, "Shop");
    let again = [FRAMEWORK_ALIAS.to_string()];
    let (writes, _) = world
        .plan(&core, |p| plan_associate(p, &id, &again))
        .unwrap();
    assert!(writes.is_empty(), "nothing to write: already applied");
    let err = world
        .plan(&core, |p| {
            plan_disassociate(p, &id, &["serverless".to_string()])
        })
        .unwrap_err();
    assert_eq!(err.kind(), "Validation");
}

/// A core whose shipped lenses come on demand from `given` (what the page handed over so far).
fn core_on_demand(given: &Rc<RefCell<Vec<CatalogLens>>>) -> Core {
    let given = given.clone();
    core_with(ShippedLenses::on_demand(Box::new(move |alias| {
        given
            .borrow()
            .iter()
            .find(|l| l.alias == alias)
            .cloned()
            .ok_or(CatalogError::NotLoaded {
                alias: if alias == FRAMEWORK_ALIAS {
                    FRAMEWORK_ALIAS
                } else {
                    "serverless"
                },
            })
    })))
}

#[test]
fn without_the_framework_lens_defining_fails_naming_it_and_succeeds_once_it_is_given() {
    let given = Rc::new(RefCell::new(Vec::new()));
    let core = core_on_demand(&given);
    let mut world = World::default();
    // Listing needs no lens text.
    assert_eq!(core.shipped.summaries().len(), 2);

    let err = world
        .plan(&core, |p| plan_define(p, &input("Shop")))
        .unwrap_err();
    assert_eq!(err.kind(), "Uninitialized");
    assert_eq!(err.lens_alias(), Some(FRAMEWORK_ALIAS));
    assert!(
        err.to_string().contains("lenses/wellarchitected.json"),
        "{err}"
    );

    given.borrow_mut().push(test_lens());
    let id = defined(&core, &mut world, "Shop");
    assert_eq!(
        world.body(&format!("workload/{id}"))["lenses"],
        json!([FRAMEWORK_ALIAS])
    );
}

#[test]
fn a_shipped_lens_not_given_stops_an_answer_and_writes_nothing() {
    let given = Rc::new(RefCell::new(vec![test_lens()]));
    let core = core_on_demand(&given);
    let mut world = World::default();
    let id = defined(&core, &mut world, "Shop");
    // A second core, as a new page: the framework not given yet.
    let cold = core_on_demand(&Rc::new(RefCell::new(Vec::new())));
    let update = AnswerUpdate {
        selected_choices: Some(vec!["backups_automated".into()]),
        ..AnswerUpdate::default()
    };
    let err = world
        .plan(&cold, |p| {
            plan_answer(p, &id, FRAMEWORK_ALIAS, "backups", &update)
        })
        .unwrap_err();
    assert_eq!(
        (err.kind(), err.lens_alias()),
        ("Uninitialized", Some(FRAMEWORK_ALIAS))
    );
}

#[test]
fn an_operation_answers_with_the_revisions_its_writes_were_committed_at() {
    let core = core();
    let mut world = World::default();
    let workload = world
        .perform(&core, super::workloads::define_workload(input("Shop")))
        .unwrap();
    let id = workload.workload_id.clone();
    assert_eq!(
        workload.revision, world.docs[0].rev,
        "the workload document is written first"
    );
    let update = AnswerUpdate {
        selected_choices: Some(vec!["backups_automated".to_string()]),
        ..AnswerUpdate::default()
    };
    let answered = world
        .perform(
            &core,
            super::answers::update_answer(
                id.clone(),
                FRAMEWORK_ALIAS.into(),
                "backups".into(),
                update,
            ),
        )
        .unwrap();
    let answer_id = crate::workload::keys::answer(&id, FRAMEWORK_ALIAS, "backups");
    let stored_rev = world
        .docs
        .iter()
        .find(|d| d.id == answer_id)
        .expect("answer stored")
        .rev
        .clone();
    assert_eq!(answered.revision, stored_rev);
    // A read-only operation writes nothing and sees what the change committed.
    let before = world.docs.clone();
    let read = world
        .perform(
            &core,
            super::answers::get_answer(id, FRAMEWORK_ALIAS.into(), "backups".into(), None),
        )
        .unwrap();
    assert_eq!(read.revision, stored_rev);
    assert_eq!(read.selected_choices, ["backups_automated"]);
    assert_eq!(world.docs, before);
}

#[test]
fn an_operation_checks_its_arguments_in_its_plan_before_reading_anything() {
    let core = core();
    let mut world = World::default();
    // Nothing is held, so a check that came after a read would fail as "not found".
    let cases: Vec<(&str, WorkspaceError)> = vec![
        (
            "dismissKey",
            world
                .perform(
                    &core,
                    super::notifications::dismiss_notification("nope".into()),
                )
                .unwrap_err(),
        ),
        (
            "lensAlias",
            world
                .perform(
                    &core,
                    super::upgrade::upgrade_lens_review("w".into(), FRAMEWORK_ALIAS.into()),
                )
                .unwrap_err(),
        ),
        (
            "lensAliases",
            world
                .perform(
                    &core,
                    super::lenses::associate_lenses("w".into(), Vec::new()),
                )
                .unwrap_err(),
        ),
    ];
    for (field, err) in cases {
        assert_eq!(err.kind(), "Validation", "{field}: {err}");
        assert!(
            matches!(&err, WorkspaceError::Validation { field: f, .. } if f == field),
            "{field}: {err:?}"
        );
    }
    assert!(world.docs.is_empty());
}

#[test]
fn deleting_a_workload_as_an_operation_removes_every_record_of_it() {
    let core = core();
    let mut world = World::default();
    let kept = defined(&core, &mut world, "Kept");
    let gone = defined(&core, &mut world, "Gone");
    world
        .perform(&core, super::repair::delete_workload(gone.clone()))
        .unwrap();
    assert!(world
        .docs
        .iter()
        .all(|d| !d.id.contains(&gone) && d.id != "name/gone"));
    assert!(world
        .docs
        .iter()
        .any(|d| d.id == format!("workload/{kept}")));
}
