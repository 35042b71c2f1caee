//! Concurrent calls on the JS `Workspace`, in headless Chromium, on IndexedDB and localStorage:
//! the calls made on one handle never conflict with each other and run in call order, and a
//! write that another handle on the same storage made stale is refused with `kind: "Conflict"`
//! and a message that says what is known (another writer of the same storage).
//!
//! Run: `cargo test --target wasm32-unknown-unknown --test wasm_browser_concurrency`
//! (CHROMEDRIVER set). Every test uses its own database name / key prefix.
#![cfg(target_arch = "wasm32")]

use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

use plumbline::wasm::{JsLens, JsWorkspace};

wasm_bindgen_test_configure!(run_in_browser);

/// A name no other test (or earlier run in the same profile) uses.
fn unique(prefix: &str) -> String {
    format!(
        "{prefix}-{}-{}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 1e9) as u64
    )
}

fn js(value: Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap()
}

fn json_of(value: &JsValue) -> Value {
    let text = js_sys::JSON::stringify(value).unwrap().as_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

async fn settle(promise: js_sys::Promise) -> Result<Value, JsValue> {
    Ok(json_of(&JsFuture::from(promise).await?))
}

fn prop(err: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(err, &JsValue::from_str(key))
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

async fn open(storage: &str, name: &str) -> JsWorkspace {
    JsWorkspace::open_async(js(json!({"storage": storage, "name": name})))
        .await
        .unwrap()
}

async fn define(ws: &JsWorkspace) -> String {
    let w = settle(ws.define_workload(js(json!({
        "workloadName": "Order processing",
        "description": "Customer-facing website for retail order processing",
        "environment": "PRODUCTION",
        "reviewOwner": "Ana Carolina Silva",
        "awsRegions": ["us-east-1"]
    }))))
    .await
    .unwrap();
    w["workloadId"].as_str().unwrap().to_string()
}

const FW: &str = "wellarchitected";

/// 50 `updateAnswer` calls on 50 different questions, all made before any settles: every one
/// succeeds, and the stored counts (lens review, workload list) are those of the answers.
async fn fifty_concurrent_answers(storage: &str) {
    let name = unique("queue");
    let ws = open(storage, &name).await;
    let id = define(&ws).await;
    let lens = JsLens::builtin(FW.into()).unwrap();
    // Questions of every pillar, each given its first or its "None of these" choice, so the
    // answers land at different risks.
    // The lens as JS sees it (`toJSON`), so the test goes through the API alone.
    let model = json_of(&lens.to_json().unwrap());
    let questions: Vec<&Value> = model["pillars"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["questions"].as_array().unwrap())
        .collect();
    let answers: Vec<Value> = questions
        .iter()
        .take(50)
        .enumerate()
        .map(|(i, q)| {
            let choices = q["choices"].as_array().unwrap();
            let choice = match i % 2 {
                0 => &choices[0]["id"],
                _ => &choices.last().unwrap()["id"],
            };
            json!({"questionId": q["id"], "selectedChoices": [choice]})
        })
        .collect();
    assert_eq!(answers.len(), 50);

    let calls: Vec<js_sys::Promise> = answers
        .iter()
        .map(|a| {
            ws.update_answer(
                JsValue::from(id.clone()),
                FW.into(),
                a["questionId"].as_str().unwrap().into(),
                js(json!({"selectedChoices": a["selectedChoices"]})),
            )
        })
        .collect();
    let mut failures = Vec::new();
    for (call, a) in calls.into_iter().zip(&answers) {
        if let Err(e) = settle(call).await {
            failures.push(format!("{}: {}", a["questionId"], prop(&e, "message")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failed: {failures:?}",
        failures.len()
    );

    // The counts the engine gives these answers, computed apart from the store.
    let expected =
        json_of(&lens.evaluate(js(Value::Array(answers))).unwrap())["riskCounts"].clone();
    assert_eq!(
        expected["UNANSWERED"].as_u64().unwrap() + 50,
        questions.len() as u64
    );
    let review =
        settle(ws.get_lens_review(JsValue::from(id.clone()), FW.into(), JsValue::UNDEFINED))
            .await
            .unwrap();
    assert_eq!(review["riskCounts"], expected);
    assert_eq!(review["questionsAnswered"], 50);
    let list = settle(ws.list_workloads()).await.unwrap();
    assert_eq!(list[0]["riskCounts"], expected);
    assert_eq!(list[0]["questionsAnswered"], 50);
}

/// Writes and reads of one question, made without waiting: each read sees exactly the writes
/// made before it, and a call that fails in between does not hold the others up.
async fn calls_run_in_call_order(storage: &str) {
    let ws = open(storage, &unique("order")).await;
    let id = define(&ws).await;
    let update = |choice: &str| {
        ws.update_answer(
            JsValue::from(id.clone()),
            FW.into(),
            "priorities".into(),
            js(json!({"selectedChoices": [choice]})),
        )
    };
    let read = || {
        ws.get_answer(
            JsValue::from(id.clone()),
            FW.into(),
            "priorities".into(),
            JsValue::UNDEFINED,
        )
    };
    let first = update("ops_priorities_ext_cust_needs");
    let read_first = read();
    let failing = ws.update_answer(
        JsValue::from(id.clone()),
        FW.into(),
        "no-such-question".into(),
        js(json!({"selectedChoices": []})),
    );
    let second = update("ops_priorities_no");
    let read_second = read();

    settle(first).await.unwrap();
    let seen = settle(read_first).await.unwrap();
    assert_eq!(
        seen["selectedChoices"],
        json!(["ops_priorities_ext_cust_needs"])
    );
    let err = settle(failing).await.unwrap_err();
    assert_eq!(prop(&err, "kind"), "Validation");
    settle(second).await.unwrap();
    let seen = settle(read_second).await.unwrap();
    assert_eq!(seen["selectedChoices"], json!(["ops_priorities_no"]));
    assert_eq!(seen["risk"], "HIGH");
}

#[wasm_bindgen_test]
async fn indexeddb_fifty_concurrent_answers_all_succeed() {
    fifty_concurrent_answers("indexeddb").await;
}

#[wasm_bindgen_test]
async fn localstorage_fifty_concurrent_answers_all_succeed() {
    fifty_concurrent_answers("localstorage").await;
}

#[wasm_bindgen_test]
async fn indexeddb_calls_run_in_call_order() {
    calls_run_in_call_order("indexeddb").await;
}

#[wasm_bindgen_test]
async fn localstorage_calls_run_in_call_order() {
    calls_run_in_call_order("localstorage").await;
}

/// Two handles on one IndexedDB database stand for two tabs: a write based on what one read
/// before the other changed it is refused, naming what is known rather than guessing a tab.
#[wasm_bindgen_test]
async fn a_stale_write_from_another_handle_is_a_conflict_that_says_what_is_known() {
    let name = unique("two-handles");
    let first = open("indexeddb", &name).await;
    let second = open("indexeddb", &name).await;
    let id = define(&first).await;
    let answer = |ws: &JsWorkspace, choice: &str, revision: Option<&str>| {
        let mut update = json!({"selectedChoices": [choice]});
        if let Some(r) = revision {
            update["expectedRevision"] = json!(r);
        }
        ws.update_answer(
            JsValue::from(id.clone()),
            FW.into(),
            "priorities".into(),
            js(update),
        )
    };
    settle(answer(&first, "ops_priorities_ext_cust_needs", None))
        .await
        .unwrap();
    let read = settle(second.get_answer(
        JsValue::from(id.clone()),
        FW.into(),
        "priorities".into(),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap();
    let revision = read["revision"].as_str().unwrap().to_string();
    settle(answer(&first, "ops_priorities_no", None))
        .await
        .unwrap();

    let err = settle(answer(
        &second,
        "ops_priorities_eval_threat_landscape",
        Some(&revision),
    ))
    .await
    .unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(prop(&err, "kind"), "Conflict");
    let message = prop(&err, "message");
    assert!(
        message.contains("another writer using the same storage (another tab, window or program)")
            && !message.contains("another tab?"),
        "{message}"
    );
    // The other handle's answer stands.
    let now = settle(second.get_answer(
        JsValue::from(id.clone()),
        FW.into(),
        "priorities".into(),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap();
    assert_eq!(now["selectedChoices"], json!(["ops_priorities_no"]));
    first.close();
    second.close();
}
