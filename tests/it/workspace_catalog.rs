//! The lenses shipped with Plumbline: they parse (a shipped lens that does not is a build
//! defect), keep AWS's ids, and are what a default workspace offers.

use std::cell::RefCell;
use std::rc::Rc;

use crate::workspace_support::*;
use plumbline::catalog::{self, CatalogError, CatalogLens, LensType, FRAMEWORK_ALIAS};
use plumbline::store::memory::MemoryStore;
use plumbline::workload::shipped::LensSource;
use plumbline::workload::Workspace;

#[test]
fn shipped_lenses_parse_framework_first() {
    let lenses = catalog::builtin();
    let aliases: Vec<&str> = lenses.iter().map(|l| l.alias.as_str()).collect();
    assert_eq!(aliases, vec![FRAMEWORK_ALIAS, "serverless"]);
    for lens in lenses {
        assert_eq!(lens.lens_type, LensType::AwsOfficial);
        assert_eq!(lens.version, "2026-11-01");
        assert!(
            !lens.description.is_empty() && lens.description.len() < 120,
            "{}",
            lens.alias
        );
        assert!(lens.question_count() > 0, "{}", lens.alias);
    }
}

#[test]
fn the_framework_lens_keeps_aws_ids() {
    let framework = catalog::find(FRAMEWORK_ALIAS).expect("framework lens");
    let pillars: Vec<&str> = framework
        .lens
        .pillars
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        pillars,
        vec![
            "operationalExcellence",
            "security",
            "reliability",
            "performance",
            "costOptimization",
            "sustainability"
        ]
    );
    let questions: Vec<&str> = framework
        .lens
        .pillars
        .iter()
        .flat_map(|p| &p.questions)
        .map(|q| q.id.as_str())
        .collect();
    for id in ["priorities", "ops-model", "securely-operate"] {
        assert!(questions.contains(&id), "`{id}` missing");
    }
}

#[test]
fn a_default_workspace_offers_the_shipped_lenses() {
    let ws = block_on(Workspace::open(MemoryStore::new(), env())).unwrap();
    let summaries = ws.lenses();
    assert_eq!(summaries.len(), 2);
    assert_eq!(
        summaries[0].lens_arn,
        "arn:aws:wellarchitected::aws:lens/wellarchitected"
    );
    assert_eq!(
        summaries[0].question_count,
        catalog::builtin()[0].question_count()
    );
    let w = block_on(ws.define_workload(input("Defaults"))).unwrap();
    assert_eq!(
        w.question_count as usize,
        catalog::builtin()[0].question_count()
    );
}

/// A workspace whose shipped lenses come from `given` on first need, as in the wasm engine
/// (where the page hands each file over when a call asks for it).
fn on_demand(given: &Rc<RefCell<Vec<CatalogLens>>>) -> Workspace<MemoryStore> {
    let given = given.clone();
    let source: LensSource = Box::new(move |alias| {
        given
            .borrow()
            .iter()
            .find(|l| l.alias == alias)
            .cloned()
            .ok_or(CatalogError::NotLoaded {
                alias: catalog::shipped_aliases()
                    .find(|a| *a == alias)
                    .expect("asked for a shipped alias"),
            })
    });
    block_on(Workspace::open_on_demand(MemoryStore::new(), env(), source)).expect("opens")
}

#[test]
fn a_workspace_opens_and_lists_with_no_lens_given_then_waits_for_the_one_a_call_needs() {
    let given = Rc::new(RefCell::new(Vec::new()));
    let ws = on_demand(&given);
    assert!(block_on(ws.list_workloads()).unwrap().is_empty());
    let listed: Vec<String> = block_on(ws.list_lenses())
        .unwrap()
        .into_iter()
        .map(|l| l.lens_alias)
        .collect();
    assert_eq!(listed, catalog::shipped_aliases().collect::<Vec<_>>());

    let err = block_on(ws.define_workload(input("Lazy"))).unwrap_err();
    assert_eq!(
        (err.kind(), err.lens_alias()),
        ("Uninitialized", Some(FRAMEWORK_ALIAS))
    );
    assert!(block_on(ws.list_workloads()).unwrap().is_empty());

    given.borrow_mut().push(catalog::builtin()[0].clone());
    let w = block_on(ws.define_workload(input("Lazy"))).expect("defined once given");
    assert_eq!(
        w.question_count as usize,
        catalog::builtin()[0].question_count()
    );

    // The framework is had; the serverless lens is still to come.
    let err =
        block_on(ws.associate_lenses(&w.workload_id, &["serverless".to_string()])).unwrap_err();
    assert_eq!(err.lens_alias(), Some("serverless"));
    given.borrow_mut().push(catalog::builtin()[1].clone());
    let w = block_on(ws.associate_lenses(&w.workload_id, &["serverless".to_string()]))
        .expect("associated once given");
    assert_eq!(w.lenses, [FRAMEWORK_ALIAS, "serverless"]);
}

#[test]
fn a_lens_once_had_is_kept_by_the_workspace() {
    let given = Rc::new(RefCell::new(vec![catalog::builtin()[0].clone()]));
    let ws = on_demand(&given);
    let first = ws.lens(FRAMEWORK_ALIAS).unwrap().expect("shipped");
    given.borrow_mut().clear();
    let again = ws.lens(FRAMEWORK_ALIAS).unwrap().expect("kept");
    assert!(Rc::ptr_eq(&first, &again));
    assert!(ws.lens("serverless").is_err());
}
