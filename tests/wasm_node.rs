//! The JS API in Node (no browser): the exported `Lens` and `Workspace` called from Rust, with
//! their results read back from JS values — so the serializer's output shape (plain objects,
//! all five risk keys) and the thrown errors (`Error` with `kind`, `field`, `diagnostics`) are
//! what is tested, exactly as JavaScript receives them.
//!
//! Run: `cargo test --target wasm32-unknown-unknown --test wasm_node`.
#![cfg(target_arch = "wasm32")]

use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

use plumbline::wasm::{version, JsLens, JsWorkspace};

const FW: &str = "wellarchitected";

/// The test lens shared with the JS and end-to-end tests: pillar `ops` (questions `deploy`,
/// `monitor`) and pillar `sec` (question `access`).
fn lens_text() -> String {
    include_str!("fixtures/test-lens.json").to_string()
}

/// A JS value as JSON (through `JSON.stringify`, i.e. what an app would see).
fn json_of(value: &JsValue) -> Value {
    let text = js_sys::JSON::stringify(value).unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

fn js(value: Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

fn prop(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// Asserts `err` is a real `Error` with this `kind`; returns it for more checks.
fn assert_error(err: &JsValue, kind: &str) {
    assert!(
        err.is_instance_of::<js_sys::Error>(),
        "not an Error: {err:?}"
    );
    assert_eq!(
        prop(err, "kind").as_string().as_deref(),
        Some(kind),
        "{err:?}"
    );
    let message = err.unchecked_ref::<js_sys::Error>().message();
    assert!(message.length() > 0);
}

async fn settle(promise: js_sys::Promise) -> Result<Value, JsValue> {
    JsFuture::from(promise).await.map(|v| json_of(&v))
}

fn counts(high: u32, medium: u32, none: u32, unanswered: u32) -> Value {
    json!({"UNANSWERED": unanswered, "HIGH": high, "MEDIUM": medium, "NONE": none, "NOT_APPLICABLE": 0})
}

// ---------------------------------------------------------------------------------------------
// Lens
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn parse_valid_lens() {
    let lens = JsLens::parse(JsValue::from(lens_text())).unwrap();
    assert_eq!(lens.name(), "Workbench Test Lens");
    assert_eq!(
        lens.description(),
        "The test lens shared by the Rust, JS and end-to-end tests (tests/fixtures/test-lens.json)."
    );
    let model = json_of(&lens.to_json().unwrap());
    assert_eq!(model["pillars"][0]["questions"][0]["id"], "deploy");
    assert_eq!(
        model["pillars"][0]["questions"][0]["riskRules"][1],
        json!({"condition": "deploy_ci", "risk": "MEDIUM_RISK"})
    );
    assert_eq!(
        model["pillars"][0]["questions"][0]["choices"][0]["improvementPlan"]["url"],
        "https://example.com/deploy_ci/plan"
    );
}

#[wasm_bindgen_test]
fn parse_invalid_lens_throws_lens_invalid_with_diagnostics() {
    let text = lens_text().replace("deploy_ci && deploy_rollback", "deploy_ci && deploy_typo");
    let err = JsLens::parse(JsValue::from(text))
        .err()
        .expect("invalid lens");
    assert_error(&err, "LensInvalid");
    let diagnostics = json_of(&prop(&err, "diagnostics"));
    let first = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .expect("an error diagnostic");
    assert_eq!(
        first["path"],
        "pillars[0].questions[0].riskRules[0].condition"
    );
    assert!(first["line"].as_u64().unwrap() >= 1);
    assert!(first["column"].as_u64().unwrap() >= 1);
    assert!(first["code"].is_string());
}

#[wasm_bindgen_test]
fn lint_reports_without_throwing() {
    let ok = json_of(&JsLens::lint(JsValue::from(lens_text()), JsValue::UNDEFINED).unwrap());
    assert_eq!(ok["valid"], true);
    assert_eq!(ok["model"]["name"], "Workbench Test Lens");

    let bad =
        json_of(&JsLens::lint(JsValue::from_str("{\"name\": 3"), JsValue::UNDEFINED).unwrap());
    assert_eq!(bad["valid"], false);
    assert_eq!(bad["model"], Value::Null);
    assert!(!bad["diagnostics"].as_array().unwrap().is_empty());
}

#[wasm_bindgen_test]
fn evaluate_camel_case_and_aws_answers() {
    let lens = JsLens::parse(JsValue::from(lens_text())).unwrap();
    let result = json_of(
        &lens
            .evaluate(js(
                json!([{"questionId": "deploy", "selectedChoices": ["deploy_ci"]}]),
            ))
            .unwrap(),
    );
    assert_eq!(
        result["questions"],
        json!([
            {"questionId": "deploy", "pillarId": "ops", "risk": "MEDIUM"},
            {"questionId": "monitor", "pillarId": "ops", "risk": "UNANSWERED"},
            {"questionId": "access", "pillarId": "sec", "risk": "UNANSWERED"}
        ])
    );
    assert_eq!(result["riskCounts"], counts(0, 1, 0, 2));
    assert_eq!(result["pillars"][0]["riskCounts"], counts(0, 1, 0, 1));
    assert_eq!(result["pillars"][1]["riskCounts"], counts(0, 0, 0, 1));

    let aws = json!({"AnswerSummaries": [
        {"QuestionId": "deploy", "SelectedChoices": ["deploy_no"]},
        {"QuestionId": "monitor", "SelectedChoices": ["monitor_metrics"], "IsApplicable": true}
    ]});
    let result = json_of(&lens.evaluate(js(aws)).unwrap());
    assert_eq!(result["riskCounts"], counts(1, 0, 1, 1));

    let err = lens.evaluate(JsValue::from(42)).err().unwrap();
    assert_error(&err, "Validation");
    assert_eq!(prop(&err, "field").as_string().as_deref(), Some("answers"));
}

#[wasm_bindgen_test]
fn explain_names_the_matched_rule_and_the_answer_as_read() {
    let lens = JsLens::parse(JsValue::from(lens_text())).unwrap();
    let explain = |answer: Value| json_of(&lens.explain(js(answer)).unwrap());
    assert_eq!(
        explain(json!({"questionId": "deploy", "selectedChoices": ["deploy_ci"]})),
        json!({"questionId": "deploy", "risk": "MEDIUM", "matchedRule": 1,
               "selectedChoices": ["deploy_ci"], "notApplicableChoices": []})
    );
    let both = explain(
        json!({"questionId": "deploy", "selectedChoices": ["deploy_ci"],
        "choiceAnswers": [{"choiceId": "deploy_rollback", "status": "NOT_APPLICABLE"}]}),
    );
    assert_eq!(both["risk"], "NONE");
    assert_eq!(both["matchedRule"], 0);
    assert_eq!(both["notApplicableChoices"], json!(["deploy_rollback"]));
    let none =
        explain(json!({"questionId": "deploy", "selectedChoices": ["deploy_ci", "deploy_no"]}));
    assert_eq!(none["selectedChoices"], json!(["deploy_no"]));
    assert_eq!(none["matchedRule"], 2);
    assert_eq!(none["risk"], "HIGH");
    let na = explain(json!({"questionId": "deploy", "isApplicable": false}));
    assert_eq!(na["risk"], "NOT_APPLICABLE");
    assert_eq!(na["matchedRule"], Value::Null);
    assert_eq!(
        explain(json!({"questionId": "monitor"}))["risk"],
        "UNANSWERED"
    );
    let err = lens
        .explain(js(json!({"questionId": "nope"})))
        .err()
        .unwrap();
    assert_error(&err, "NotFound");
}

#[wasm_bindgen_test]
fn improvement_plan_orders_and_lists_best_practices() {
    let lens = JsLens::parse(JsValue::from(lens_text())).unwrap();
    let answers = json!([
        {"questionId": "deploy", "selectedChoices": ["deploy_no"]},
        {"questionId": "monitor", "selectedChoices": ["monitor_no"]}
    ]);
    let plan = json_of(
        &lens
            .improvement_plan(js(answers.clone()), JsValue::UNDEFINED)
            .unwrap(),
    );
    let items = plan.as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(
        (items[0]["questionId"].as_str(), items[0]["risk"].as_str()),
        (Some("deploy"), Some("HIGH"))
    );
    assert_eq!(items[1]["risk"], "MEDIUM");
    let practices: Vec<&str> = items[0]["bestPractices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["choiceId"].as_str().unwrap())
        .collect();
    assert_eq!(
        practices,
        ["deploy_ci", "deploy_rollback"],
        "most impactful first, no `_no`"
    );

    let medium = json_of(
        &lens
            .improvement_plan(js(answers), js(json!({"risks": ["MEDIUM"]})))
            .unwrap(),
    );
    assert_eq!(medium.as_array().unwrap().len(), 1);
}

#[wasm_bindgen_test]
fn builtin_lenses() {
    let fw = JsLens::builtin(FW.into()).unwrap();
    let model = json_of(&fw.to_json().unwrap());
    assert_eq!(model["pillars"].as_array().unwrap().len(), 6);
    assert_error(&JsLens::builtin("nope".into()).err().unwrap(), "NotFound");
}

// ---------------------------------------------------------------------------------------------
// Workspace (memory)
// ---------------------------------------------------------------------------------------------

async fn memory_workspace() -> JsWorkspace {
    JsWorkspace::open_async(js(json!({"storage": "memory"})))
        .await
        .unwrap()
}

fn workload(name: &str) -> JsValue {
    js(json!({
        "workloadName": name,
        "description": "Customer-facing website for retail order processing",
        "environment": "PRODUCTION",
        "reviewOwner": "Ana Carolina Silva",
        "awsRegions": ["us-east-1", "us-west-2"]
    }))
}

#[wasm_bindgen_test]
async fn workspace_review_cycle_in_memory() {
    let ws = memory_workspace().await;
    assert_eq!(ws.storage(), "memory");

    let w = settle(ws.define_workload(workload("Retail Website - North America")))
        .await
        .unwrap();
    let id = w["workloadId"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 32);
    assert_eq!(w["riskCounts"]["UNANSWERED"], w["questionCount"]);

    let answer = settle(ws.update_answer(
        JsValue::from(id.clone()),
        FW.into(),
        "priorities".into(),
        js(json!({"selectedChoices": ["ops_priorities_no"], "notes": "Not yet."})),
    ))
    .await
    .unwrap();
    assert_eq!(answer["risk"], "HIGH");
    assert_eq!(answer["selectedChoices"], json!(["ops_priorities_no"]));

    let review =
        settle(ws.get_lens_review(JsValue::from(id.clone()), FW.into(), JsValue::UNDEFINED))
            .await
            .unwrap();
    assert_eq!(review["riskCounts"]["HIGH"], 1);
    assert_eq!(
        review["riskCounts"].as_object().unwrap().len(),
        5,
        "all five keys: {}",
        review["riskCounts"]
    );

    let m =
        settle(ws.create_milestone(JsValue::from(id.clone()), JsValue::from_str("Version 1.0")))
            .await
            .unwrap();
    assert_eq!(m["milestoneNumber"], 1);
    assert_eq!(m["riskCounts"]["HIGH"], 1);
    let snapshot = settle(ws.get_milestone(JsValue::from(id.clone()), JsValue::from(1)))
        .await
        .unwrap();
    assert_eq!(snapshot["milestoneName"], "Version 1.0");

    let list = settle(ws.list_workloads()).await.unwrap();
    assert_eq!(list[0]["workloadId"], id.as_str());

    let dashboard = settle(ws.dashboard(JsValue::UNDEFINED)).await.unwrap();
    assert_eq!(dashboard["totals"]["workloads"], 1);
    assert_eq!(dashboard["totals"]["highRisks"], 1);

    let plan =
        settle(ws.improvement_plan(JsValue::from(id.clone()), FW.into(), JsValue::UNDEFINED))
            .await
            .unwrap();
    assert_eq!(plan[0]["questionId"], "priorities");

    let lenses = settle(ws.lenses()).await.unwrap();
    assert_eq!(lenses[0]["lensAlias"], FW);
    let lens = settle(ws.lens("serverless".into(), JsValue::UNDEFINED))
        .await
        .unwrap();
    assert!(
        lens["pillars"].is_array(),
        "the Lens serialises through toJSON"
    );
}

#[wasm_bindgen_test]
async fn workspace_validation_error_has_kind_and_field() {
    let ws = memory_workspace().await;
    let err = settle(ws.define_workload(workload("ab")))
        .await
        .unwrap_err();
    assert_error(&err, "Validation");
    assert_eq!(
        prop(&err, "field").as_string().as_deref(),
        Some("workloadName")
    );

    let err = settle(ws.define_workload(js(
        json!({"workloadName": "Fine name", "environment": "PROD"}),
    )))
    .await
    .unwrap_err();
    assert_error(&err, "Validation");
    assert_eq!(
        prop(&err, "field").as_string().as_deref(),
        Some("environment")
    );

    let err = settle(ws.create_milestone(JsValue::from("0".repeat(32)), JsValue::UNDEFINED))
        .await
        .unwrap_err();
    assert_error(&err, "Validation");
    assert_eq!(
        prop(&err, "field").as_string().as_deref(),
        Some("milestoneName")
    );
}

#[wasm_bindgen_test]
async fn workspace_not_found_and_conflict() {
    let ws = memory_workspace().await;
    let err = settle(ws.get_workload(JsValue::from("0".repeat(32))))
        .await
        .unwrap_err();
    assert_error(&err, "NotFound");

    let w = settle(ws.define_workload(workload("Conflict test")))
        .await
        .unwrap();
    let id = w["workloadId"].as_str().unwrap().to_string();
    let stale = w["revision"].as_str().unwrap().to_string();
    settle(ws.update_workload(
        JsValue::from(id.clone()),
        js(json!({"notes": "one", "expectedRevision": stale})),
    ))
    .await
    .unwrap();
    let err = settle(ws.update_workload(
        JsValue::from(id),
        js(json!({"notes": "two", "expectedRevision": stale})),
    ))
    .await
    .unwrap_err();
    assert_error(&err, "Conflict");
}

#[wasm_bindgen_test]
async fn open_rejects_unknown_storage_and_indexeddb_in_node() {
    let err = JsWorkspace::open_async(js(json!({"storage": "cloud"})))
        .await
        .err()
        .unwrap();
    assert_error(&err, "Validation");
    assert_eq!(prop(&err, "field").as_string().as_deref(), Some("storage"));
    let err = JsWorkspace::open_async(js(json!({"storage": "indexeddb"})))
        .await
        .err()
        .unwrap();
    assert_error(&err, "Unavailable");
    let default = JsWorkspace::open_async(JsValue::UNDEFINED).await.unwrap();
    assert_eq!(default.storage(), "memory", "Node has no IndexedDB");
}
