//! The user guide's tutorial, end to end, on the shipped framework lens: define "Retail
//! Website - North America", answer every question (three high risks, one medium), save a
//! milestone, read the improvement plan in the tutorial's pillar priority, fix one high risk,
//! save a second milestone, and read the dashboard.

use crate::workspace_support::*;
use plumbline::catalog::CatalogLens;
use plumbline::lens::model::Question;
use plumbline::review::{question_risk, Answer, PlanOptions, Risk, RiskCounts};
use plumbline::store::memory::MemoryStore;
use plumbline::workload::{
    AnswerUpdate, DashboardFilter, ImprovementStatus, WorkloadEnvironment, WorkloadInput,
    WorkloadPatch, Workspace,
};

const WA: &str = "wellarchitected";

/// A selection of `question`'s choices that the lens rates `risk`: every best practice, "None
/// of these", or the first k best practices. Found by asking the risk engine, so the test
/// does not depend on the exact choice ids of the shipped lens.
fn selection_for(question: &Question, risk: Risk) -> Vec<String> {
    let practices: Vec<String> = question
        .choices
        .iter()
        .filter(|c| !c.is_none_of_these())
        .map(|c| c.id.clone())
        .collect();
    let none: Vec<String> = question
        .choices
        .iter()
        .filter(|c| c.is_none_of_these())
        .map(|c| c.id.clone())
        .collect();
    let mut candidates = vec![practices.clone(), none];
    candidates.extend((1..practices.len()).rev().map(|k| practices[..k].to_vec()));
    candidates
        .into_iter()
        .filter(|s| !s.is_empty())
        .find(|s| {
            let answer = Answer {
                question_id: question.id.clone(),
                pillar_id: None,
                selected_choices: s.clone(),
                choice_answers: vec![],
                is_applicable: true,
                reason: None,
                notes: None,
            };
            question_risk(question, Some(&answer)) == risk
        })
        .unwrap_or_else(|| panic!("no selection of `{}` is rated {risk:?}", question.id))
}

fn question<'a>(lens: &'a CatalogLens, id: &str) -> &'a Question {
    lens.lens
        .pillars
        .iter()
        .flat_map(|p| &p.questions)
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("no question `{id}`"))
}

fn select(choices: Vec<String>, notes: Option<&str>) -> AnswerUpdate {
    AnswerUpdate {
        selected_choices: Some(choices),
        notes: notes.map(str::to_string),
        ..Default::default()
    }
}

fn high_medium(counts: RiskCounts) -> (u32, u32) {
    (counts.high, counts.medium)
}

/// The three high risks and the medium one of the first review.
const HIGH: [&str; 3] = ["priorities", "securely-operate", "compute-hardware"];
const MEDIUM: &str = "sus_region";

#[test]
fn retail_website_north_america() {
    let ws = block_on(Workspace::open(MemoryStore::new(), env())).unwrap();
    let lens = ws.lens(WA).expect("loaded").expect("framework lens");

    // Step 1: define the workload.
    let w = block_on(ws.define_workload(WorkloadInput {
        workload_name: Some("Retail Website - North America".into()),
        description: Some("Customer-facing website for retail order processing".into()),
        review_owner: Some("Ana Carolina Silva".into()),
        environment: Some(WorkloadEnvironment::Production),
        aws_regions: Some(strings(&["us-east-1", "us-west-2"])),
        non_aws_regions: Some(strings(&["Local data center"])),
        lenses: Some(strings(&[WA])),
        ..Default::default()
    }))
    .unwrap();
    let id = w.workload_id.clone();
    assert_eq!(w.lenses, strings(&[WA]));
    assert_eq!(w.questions_answered, 0);

    // Step 2: document the workload state: every question, three high risks and one medium.
    for pillar in &lens.lens.pillars {
        for q in &pillar.questions {
            let (risk, notes) = if HIGH.contains(&q.id.as_str()) {
                (Risk::High, Some("We don't do any of these as part of version 3. We've added this as a high priority item for version 4."))
            } else if q.id == MEDIUM {
                (Risk::Medium, None)
            } else {
                (Risk::None, None)
            };
            let answer =
                block_on(ws.update_answer(&id, WA, &q.id, select(selection_for(q, risk), notes)))
                    .unwrap();
            assert_eq!(answer.risk, risk, "{}", q.id);
        }
    }
    let w = block_on(ws.get_workload(&id)).unwrap();
    assert_eq!(
        w.questions_answered, w.question_count,
        "every question answered"
    );
    assert_eq!(high_medium(w.risk_counts), (3, 1));
    let m1 = block_on(ws.create_milestone(&id, "Version 1.0 - initial review")).unwrap();
    assert_eq!(high_medium(m1.risk_counts), (3, 1));

    // Step 3: the improvement plan, high risks first, in the tutorial's pillar priority.
    let priority = strings(&[
        "security",
        "operationalExcellence",
        "costOptimization",
        "performance",
        "reliability",
    ]);
    block_on(ws.update_workload(
        &id,
        WorkloadPatch {
            improvement_status: Some(ImprovementStatus::NotStarted),
            pillar_priorities: Some(priority),
            ..Default::default()
        },
    ))
    .unwrap();
    let plan = block_on(ws.improvement_plan(&id, WA, PlanOptions::default(), None)).unwrap();
    let order: Vec<(&str, Risk)> = plan
        .iter()
        .map(|i| (i.question_id.as_str(), i.risk))
        .collect();
    assert_eq!(
        order,
        vec![
            ("securely-operate", Risk::High),
            ("priorities", Risk::High),
            ("compute-hardware", Risk::High),
            (MEDIUM, Risk::Medium)
        ]
    );
    assert!(plan.iter().all(|i| !i.best_practices.is_empty()));

    // Step 4: improve. CloudWatch and Auto Scaling fix the compute question; the priorities
    // question is now partly addressed.
    block_on(ws.update_workload(
        &id,
        WorkloadPatch {
            improvement_status: Some(ImprovementStatus::InProgress),
            ..Default::default()
        },
    ))
    .unwrap();
    let compute = question(&lens, "compute-hardware");
    let fixed = block_on(ws.update_answer(
        &id,
        WA,
        "compute-hardware",
        select(selection_for(compute, Risk::None), Some("Added Amazon CloudWatch to get better metrics and AWS Auto Scaling to enable elasticity.")),
    ))
    .unwrap();
    assert_eq!(fixed.risk, Risk::None);
    let priorities = question(&lens, "priorities");
    block_on(ws.update_answer(
        &id,
        WA,
        "priorities",
        select(selection_for(priorities, Risk::Medium), None),
    ))
    .unwrap();
    let review = block_on(ws.get_lens_review(&id, WA, None)).unwrap();
    assert_eq!(
        high_medium(review.risk_counts),
        (1, 2),
        "high risks down from three to one"
    );

    let m2 = block_on(ws.create_milestone(&id, "Version 1.1")).unwrap();
    let milestones: Vec<_> = block_on(ws.list_milestones(&id))
        .unwrap()
        .into_iter()
        .map(|m| (m.milestone_name, high_medium(m.risk_counts)))
        .collect();
    assert_eq!(
        milestones,
        vec![
            ("Version 1.0 - initial review".to_string(), (3, 1)),
            ("Version 1.1".to_string(), (1, 2))
        ]
    );
    assert_eq!(m2.milestone_number, 2);
    // The first milestone still shows the initial review.
    let first = block_on(ws.get_lens_review(&id, WA, Some(1))).unwrap();
    assert_eq!(high_medium(first.risk_counts), (3, 1));

    // The dashboard.
    let d = block_on(ws.dashboard(DashboardFilter::default())).unwrap();
    let t = &d.totals;
    assert_eq!(
        (
            t.workloads,
            t.workloads_with_high_risks,
            t.workloads_with_medium_risks,
            t.high_risks,
            t.medium_risks
        ),
        (1, 1, 1, 1, 2)
    );
    let row = &d.workloads[0];
    assert_eq!(row.workload_name, "Retail Website - North America");
    assert_eq!(row.improvement_status, ImprovementStatus::InProgress);
    assert_eq!(row.top_risk_pillar.as_deref(), Some("security"));
    let items: Vec<(&str, Risk)> = d
        .improvements
        .iter()
        .map(|i| (i.question_id.as_str(), i.risk))
        .collect();
    assert_eq!(
        items,
        vec![
            ("securely-operate", Risk::High),
            ("priorities", Risk::Medium),
            (MEDIUM, Risk::Medium)
        ]
    );
}
