//! Shared by the `workspace_*` tests: a `block_on` for always-ready futures, a small lens set
//! whose ids the tests control, a workspace over a memory store, and stores that fail or race.
//!
//! Declared once in `main.rs`; each test module uses a different part of it.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use plumbline::catalog::{CatalogLens, LensType};
use plumbline::lens::model::{Choice, Lens, LensRisk, Pillar, Question, Resource, RiskRule};
use plumbline::rule::{self, CompiledCondition, Condition};
use plumbline::store::memory::MemoryStore;
use plumbline::store::{Document, ListingText, RawRecord, Store, StoreError, Write};
use plumbline::workload::{
    DeterministicEnvironment, WorkloadEnvironment, WorkloadInput, Workspace, WorkspaceError,
};

/// Runs a future that never waits. The memory store resolves at once, so every workspace
/// future completes on its first poll; a pending one is a bug worth a loud failure.
pub fn block_on<F: Future>(future: F) -> F::Output {
    fn noop_raw() -> RawWaker {
        fn clone(_: *const ()) -> RawWaker {
            noop_raw()
        }
        fn noop(_: *const ()) {}
        static VTABLE: RawWakerVTable = RawWakerVTable::new(clone, noop, noop, noop);
        RawWaker::new(std::ptr::null(), &VTABLE)
    }
    // SAFETY: the vtable functions ignore the data pointer and do nothing.
    let waker = unsafe { Waker::from_raw(noop_raw()) };
    let mut cx = Context::from_waker(&waker);
    match pin!(future).as_mut().poll(&mut cx) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("a workspace future waited on a memory store"),
    }
}

/// 2026-11-23T10:00:00Z, the first instant the test clock gives.
pub const START: u64 = 1_795_428_000_000;

pub fn env() -> DeterministicEnvironment {
    DeterministicEnvironment::new(START, 1000, 7)
}

fn resource(text: &str) -> Resource {
    Resource {
        display_text: text.to_string(),
        url: Some("https://example.org/guide".to_string()),
    }
}

/// A question: `choices` (the `_no` one last, if any) and `(condition, risk)` rules.
pub fn question(id: &str, choices: &[&str], rules: &[(&str, LensRisk)]) -> Question {
    let choices: Vec<Choice> = choices
        .iter()
        .map(|c| Choice {
            id: c.to_string(),
            title: format!("Practice {c}"),
            description: None,
            helpful_resource: Some(resource("Why it matters")),
            improvement_plan: (!c.ends_with("_no")).then(|| resource(&format!("Do {c}"))),
            additional_resources: vec![],
        })
        .collect();
    let risk_rules = rules
        .iter()
        .map(|(cond, risk)| {
            let condition = match rule::parse_condition(cond).expect("fixture condition parses") {
                Condition::Default => CompiledCondition::Default,
                Condition::Expr(e) => CompiledCondition::Expr(
                    rule::compile(&e, &|id| choices.iter().position(|c| c.id == id))
                        .expect("fixture condition names its choices"),
                ),
            };
            RiskRule {
                source: cond.to_string(),
                condition,
                risk: *risk,
            }
        })
        .collect();
    Question {
        id: id.to_string(),
        title: format!("Question {id}?"),
        description: format!("About {id}."),
        helpful_resource: None,
        choices,
        risk_rules,
    }
}

pub fn pillar(id: &str, name: &str, questions: Vec<Question>) -> Pillar {
    Pillar {
        id: id.to_string(),
        name: name.to_string(),
        questions,
    }
}

pub fn catalog_lens(alias: &str, name: &str, pillars: Vec<Pillar>) -> CatalogLens {
    CatalogLens {
        alias: alias.to_string(),
        name: name.to_string(),
        version: "2026-11-01".to_string(),
        description: format!("The {name} test lens."),
        lens_type: LensType::AwsOfficial,
        lens: Lens {
            schema_version: "2021-11-01".to_string(),
            name: name.to_string(),
            description: format!("The {name} test lens."),
            pillars,
            profile_priorities: Default::default(),
        },
    }
}

use LensRisk::{High, Medium, NoRisk};

/// The test framework lens (alias `wellarchitected`), four questions in three pillars:
/// - `priorities` (ops): all three → NONE, `pri_a` → MEDIUM, otherwise HIGH;
/// - `ops-model` (ops): both → NONE, otherwise HIGH;
/// - `securely-operate` (security): both → NONE, either → MEDIUM, otherwise HIGH;
/// - `limits` (reliability): `rel_a` → NONE, otherwise MEDIUM.
pub fn framework() -> CatalogLens {
    catalog_lens(
        "wellarchitected",
        "Test Framework",
        vec![
            pillar(
                "operationalExcellence",
                "Operational Excellence",
                vec![
                    question(
                        "priorities",
                        &["pri_a", "pri_b", "pri_c", "pri_no"],
                        &[
                            ("pri_a && pri_b && pri_c", NoRisk),
                            ("pri_a", Medium),
                            ("default", High),
                        ],
                    ),
                    question(
                        "ops-model",
                        &["om_a", "om_b", "om_no"],
                        &[("om_a && om_b", NoRisk), ("default", High)],
                    ),
                ],
            ),
            pillar(
                "security",
                "Security",
                vec![question(
                    "securely-operate",
                    &["so_a", "so_b", "so_no"],
                    &[
                        ("so_a && so_b", NoRisk),
                        ("so_a || so_b", Medium),
                        ("default", High),
                    ],
                )],
            ),
            pillar(
                "reliability",
                "Reliability",
                vec![question(
                    "limits",
                    &["rel_a", "rel_no"],
                    &[("rel_a", NoRisk), ("default", Medium)],
                )],
            ),
        ],
    )
}

/// The test serverless lens: one question in the (shared) security pillar and one of its own.
/// - `sls-sec` (security): `ss_a` → NONE, otherwise HIGH;
/// - `sls-events` (events): `ev_a` → NONE, otherwise MEDIUM.
pub fn serverless() -> CatalogLens {
    catalog_lens(
        "serverless",
        "Test Serverless",
        vec![
            pillar(
                "security",
                "Security",
                vec![question(
                    "sls-sec",
                    &["ss_a", "ss_no"],
                    &[("ss_a", NoRisk), ("default", High)],
                )],
            ),
            pillar(
                "events",
                "Events",
                vec![question(
                    "sls-events",
                    &["ev_a", "ev_no"],
                    &[("ev_a", NoRisk), ("default", Medium)],
                )],
            ),
        ],
    )
}

/// Lenses `extra01`..`extra{n}`, one question each, for the 20-lens limit.
pub fn extras(n: usize) -> Vec<CatalogLens> {
    (1..=n)
        .map(|i| {
            let alias = format!("extra{i:02}");
            catalog_lens(
                &alias,
                &format!("Extra {i}"),
                vec![pillar(
                    "operationalExcellence",
                    "Operational Excellence",
                    vec![question(
                        &format!("{alias}-q"),
                        &["x_a", "x_no"],
                        &[("x_a", NoRisk), ("default", High)],
                    )],
                )],
            )
        })
        .collect()
}

pub fn lenses() -> Vec<CatalogLens> {
    let mut all = vec![framework(), serverless()];
    all.extend(extras(21));
    all
}

pub fn open<S: Store>(store: S) -> Workspace<S> {
    block_on(Workspace::open_with_lenses(store, env(), lenses())).expect("workspace opens")
}

pub fn workspace() -> Workspace<MemoryStore> {
    open(MemoryStore::new())
}

/// A valid define input (the tutorial's workload).
pub fn input(name: &str) -> WorkloadInput {
    WorkloadInput {
        workload_name: Some(name.to_string()),
        description: Some("Customer-facing website for retail order processing".to_string()),
        environment: Some(WorkloadEnvironment::Production),
        review_owner: Some("Ana Carolina Silva".to_string()),
        aws_regions: Some(vec!["us-east-1".to_string(), "us-west-2".to_string()]),
        non_aws_regions: Some(vec!["Local data center".to_string()]),
        ..WorkloadInput::default()
    }
}

pub fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Writes `body` as record `id` straight into the store, past every check of the engine's: a
/// damaged record, or a document as a sync brought it.
pub fn overwrite(ws: &Workspace<MemoryStore>, id: &str, body: serde_json::Value) {
    let rev = block_on(ws.store().get(id)).unwrap().map(|d| d.rev);
    block_on(ws.store().commit(vec![Write {
        id: id.to_string(),
        expected_rev: rev,
        body: Some(body),
    }]))
    .unwrap();
}

/// Deletes record `id` straight from the store, past every check of the engine's: a record
/// lost, or one this workspace never had.
pub fn remove(ws: &Workspace<MemoryStore>, id: &str) {
    let rev = block_on(ws.store().get(id)).unwrap().map(|d| d.rev);
    block_on(ws.store().commit(vec![Write {
        id: id.to_string(),
        expected_rev: rev,
        body: None,
    }]))
    .unwrap();
}

/// Every document of the store, for before/after comparisons.
pub fn dump<S: Store>(store: &S) -> Vec<Document> {
    block_on(store.list("")).expect("list")
}

pub fn expect_validation<T: std::fmt::Debug>(
    result: Result<T, WorkspaceError>,
    field: &str,
    fragment: &str,
) {
    match result {
        Err(WorkspaceError::Validation {
            field: f, message, ..
        }) => {
            assert_eq!(f, field, "wrong field (message: {message})");
            assert!(
                message.contains(fragment),
                "message `{message}` lacks `{fragment}`"
            );
        }
        other => panic!("expected a validation error on `{field}`, got {other:?}"),
    }
}

/// A memory store whose commits can be made to fail, as a full disk would.
#[derive(Default)]
pub struct FailingStore {
    pub inner: MemoryStore,
    pub fail: Cell<bool>,
}

impl Store for FailingStore {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError> {
        self.inner.get(id).await
    }

    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError> {
        self.inner.list(prefix).await
    }

    async fn list_raw(&self, prefix: &str) -> Result<Vec<RawRecord>, StoreError> {
        self.inner.list_raw(prefix).await
    }

    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError> {
        if self.fail.get() {
            return Err(StoreError::QuotaExceeded {
                message: "test quota".to_string(),
            });
        }
        self.inner.commit(writes).await
    }
}

/// A memory store where "another tab" rewrites a document just before each of our next
/// `races` commits, so that they meet a changed revision.
#[derive(Default)]
pub struct RacingStore {
    pub inner: MemoryStore,
    /// The document the other tab touches.
    pub target: RefCell<String>,
    pub races: Cell<u32>,
    pub commits: Cell<u32>,
}

impl Store for RacingStore {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError> {
        self.inner.get(id).await
    }

    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError> {
        self.inner.list(prefix).await
    }

    async fn list_raw(&self, prefix: &str) -> Result<Vec<RawRecord>, StoreError> {
        self.inner.list_raw(prefix).await
    }

    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError> {
        self.commits.set(self.commits.get() + 1);
        if self.races.get() > 0 {
            self.races.set(self.races.get() - 1);
            let target = self.target.borrow().clone();
            if let Some(doc) = self.inner.get(&target).await? {
                // Same content, new revision: exactly what a second tab saving it would do.
                self.inner
                    .commit(vec![Write {
                        id: target,
                        expected_rev: Some(doc.rev),
                        body: Some(doc.body),
                    }])
                    .await?;
            }
        }
        self.inner.commit(writes).await
    }
}

/// A memory store that also hands over a listing as one JSON text of the stored records, as
/// the browser backends do, counting the texts it gave; `documents_only` makes it give none.
#[derive(Default)]
pub struct TextStore {
    pub inner: MemoryStore,
    pub documents_only: Cell<bool>,
    pub texts: Cell<u32>,
}

impl Store for TextStore {
    async fn get(&self, id: &str) -> Result<Option<Document>, StoreError> {
        self.inner.get(id).await
    }

    async fn list(&self, prefix: &str) -> Result<Vec<Document>, StoreError> {
        self.inner.list(prefix).await
    }

    async fn list_text(&self, prefix: &str) -> Result<Option<ListingText>, StoreError> {
        if self.documents_only.get() {
            return Ok(None);
        }
        self.texts.set(self.texts.get() + 1);
        let raw = self.inner.list_raw(prefix).await?;
        let stored: Vec<&serde_json::Value> = raw.iter().map(|r| &r.stored).collect();
        Ok(Some(ListingText {
            ids: raw.iter().map(|r| r.id.clone()).collect(),
            text: serde_json::to_string(&stored).expect("JSON values write"),
        }))
    }

    async fn list_raw(&self, prefix: &str) -> Result<Vec<RawRecord>, StoreError> {
        self.inner.list_raw(prefix).await
    }

    async fn commit(&self, writes: Vec<Write>) -> Result<Vec<String>, StoreError> {
        self.inner.commit(writes).await
    }
}
