//! The dashboard's pillar and risk filters, and an empty workspace. The whole dashboard of the
//! three workloads below (totals, pillars, workloads, shared improvement items) is a JSON
//! snapshot: `tests/snapshots/workspace/dashboard-three-workloads.json`.

use crate::workspace_support::*;
use plumbline::review::Risk;
use plumbline::workload::{AnswerUpdate, DashboardFilter};

const WA: &str = "wellarchitected";

fn select(choices: &[&str]) -> AnswerUpdate {
    AnswerUpdate {
        selected_choices: Some(strings(choices)),
        ..Default::default()
    }
}

/// Three workloads:
/// - "Internal Portal": priorities HIGH, ops-model HIGH, securely-operate MEDIUM;
/// - "Mobile App": priorities HIGH, limits MEDIUM, serverless sls-sec HIGH;
/// - "Prototype": everything answered without risk.
fn three_workloads() -> (
    plumbline::workload::Workspace<plumbline::store::memory::MemoryStore>,
    [String; 3],
) {
    let ws = workspace();
    let portal = block_on(ws.define_workload(input("Internal Portal")))
        .unwrap()
        .workload_id;
    let mut mobile_input = input("Mobile App");
    mobile_input.lenses = Some(strings(&["serverless"]));
    let mobile = block_on(ws.define_workload(mobile_input))
        .unwrap()
        .workload_id;
    let proto = block_on(ws.define_workload(input("Prototype")))
        .unwrap()
        .workload_id;
    let answer = |id: &str, lens: &str, q: &str, c: &[&str]| {
        block_on(ws.update_answer(id, lens, q, select(c))).unwrap();
    };
    answer(&portal, WA, "priorities", &["pri_no"]);
    answer(&portal, WA, "ops-model", &["om_a"]);
    answer(&portal, WA, "securely-operate", &["so_b"]);
    answer(&mobile, WA, "priorities", &["pri_b"]);
    answer(&mobile, WA, "limits", &["rel_no"]);
    answer(&mobile, "serverless", "sls-sec", &["ss_no"]);
    answer(&proto, WA, "priorities", &["pri_a", "pri_b", "pri_c"]);
    answer(&proto, WA, "limits", &["rel_a"]);
    (ws, [portal, mobile, proto])
}

#[test]
fn the_risk_filter_keeps_matching_workloads_and_items() {
    let (ws, _) = three_workloads();
    let high = block_on(ws.dashboard(DashboardFilter {
        risks: Some(vec![Risk::High]),
        ..Default::default()
    }))
    .unwrap();
    let names: Vec<_> = high
        .workloads
        .iter()
        .map(|w| w.workload_name.as_str())
        .collect();
    assert_eq!(names, vec!["Internal Portal", "Mobile App"]);
    assert!(high.improvements.iter().all(|i| i.risk == Risk::High));
    assert_eq!(high.improvements.len(), 3);
    assert_eq!(high.totals.workloads, 3, "totals ignore the risk filter");
    assert_eq!(high.totals.medium_risks, 2);
}

#[test]
fn the_pillar_filter_restricts_every_figure() {
    let (ws, _) = three_workloads();
    let security = block_on(ws.dashboard(DashboardFilter {
        pillars: Some(strings(&["security"])),
        ..Default::default()
    }))
    .unwrap();
    let t = &security.totals;
    assert_eq!(
        (
            t.workloads,
            t.workloads_with_high_risks,
            t.workloads_with_medium_risks,
            t.high_risks,
            t.medium_risks
        ),
        (3, 1, 1, 1, 1)
    );
    assert_eq!(security.pillars.len(), 1);
    let rows: Vec<_> = security
        .workloads
        .iter()
        .map(|w| {
            (
                w.workload_name.as_str(),
                w.risk_counts.high,
                w.risk_counts.medium,
                w.top_risk_pillar.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("Internal Portal", 0, 1, Some("security")),
            ("Mobile App", 1, 0, Some("security")),
            ("Prototype", 0, 0, None)
        ]
    );
    let items: Vec<_> = security
        .improvements
        .iter()
        .map(|i| i.question_id.as_str())
        .collect();
    assert_eq!(items, vec!["sls-sec", "securely-operate"]);

    let both = DashboardFilter {
        pillars: Some(strings(&["security"])),
        risks: Some(vec![Risk::Medium]),
    };
    let d = block_on(ws.dashboard(both)).unwrap();
    assert_eq!(d.workloads.len(), 1);
    assert_eq!(d.improvements.len(), 1);
}

#[test]
fn an_empty_workspace_has_an_empty_dashboard() {
    let ws = workspace();
    let d = block_on(ws.dashboard(DashboardFilter::default())).unwrap();
    assert_eq!(d.totals.workloads, 0);
    assert!(d.pillars.is_empty() && d.workloads.is_empty() && d.improvements.is_empty());
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["totals"]["workloadsWithHighRisks"], 0);
}
