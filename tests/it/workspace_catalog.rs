//! The lenses shipped with Plumbline: they parse (a shipped lens that does not is a build
//! defect), keep AWS's ids, and are what a default workspace offers.

use crate::workspace_support::*;
use plumbline::catalog::{self, LensType, FRAMEWORK_ALIAS};
use plumbline::store::memory::MemoryStore;
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
