//! Workspace outputs as JSON snapshots: each file of `tests/snapshots/workspace/` is a sequence
//! of calls on a fresh workspace (the test lenses of `workspace_support`, the deterministic
//! clock and ids), each step with its input and the output expected, as the JS API names and
//! shapes them:
//!
//! `{"about": "...", "steps": [{"call": "updateAnswer", "input": {...}, "result": {...}}]}`
//!
//! (`result` is the expected output; the names sort in reading order, as the files are written.)
//!
//! In an input, the string `"$workload"` stands for the id of the workload the last
//! `defineWorkload` step made, `"$portal"` for the one a step with `"as": "portal"` made, and
//! `"$step2.revision"` for the `revision` of step 2's result (steps count from 0): inputs never
//! copy an id or a revision. A failing call's output is `{"error": {"kind", "field",
//! "message"}}`. A difference is reported by JSON path; `UPDATE_GOLDEN=1 cargo test --test it
//! workspace_snapshots::` writes the current outputs into the files (review the diff).

use std::collections::BTreeMap;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

use crate::snapshot_support::*;
use crate::workspace_support::*;
use plumbline::store::memory::MemoryStore;
use plumbline::workload::{Workspace, WorkspaceError};

/// What one step's call answered: its output as JSON, or its error.
fn output<T: Serialize>(result: Result<T, WorkspaceError>) -> Value {
    match result {
        Ok(value) => serde_json::to_value(value).expect("an output serializes"),
        Err(e) => {
            json!({"error": {"kind": e.kind(), "field": e.field(), "message": e.to_string()}})
        }
    }
}

/// `input[key]`, read as `T`; a missing key reads as JSON null (so `Option`s and defaults).
fn arg<T: DeserializeOwned>(input: &Value, key: &str) -> T {
    serde_json::from_value(input.get(key).cloned().unwrap_or(Value::Null))
        .unwrap_or_else(|e| panic!("input `{key}`: {e}"))
}

/// A struct argument that may be left out (`{}` then, i.e. every field at its default).
fn arg_or_default<T: DeserializeOwned>(input: &Value, key: &str) -> T {
    serde_json::from_value(input.get(key).cloned().unwrap_or_else(|| json!({})))
        .unwrap_or_else(|e| panic!("input `{key}`: {e}"))
}

/// Runs one call, by its JS API name, on `ws`.
fn call(ws: &Workspace<MemoryStore>, name: &str, input: &Value) -> Value {
    let id = || arg::<String>(input, "workloadId");
    let alias = || arg::<String>(input, "lensAlias");
    let milestone = || arg::<Option<u32>>(input, "milestone");
    match name {
        "defineWorkload" => output(block_on(ws.define_workload(arg(input, "input")))),
        "getWorkload" => output(block_on(ws.get_workload(&id()))),
        "updateWorkload" => output(block_on(ws.update_workload(&id(), arg(input, "patch")))),
        "listWorkloads" => output(block_on(ws.list_workloads())),
        "updateAnswer" => output(block_on(ws.update_answer(
            &id(),
            &alias(),
            &arg::<String>(input, "questionId"),
            arg(input, "update"),
        ))),
        "getAnswer" => output(block_on(ws.get_answer(
            &id(),
            &alias(),
            &arg::<String>(input, "questionId"),
            milestone(),
        ))),
        "listAnswers" => output(block_on(ws.list_answers(&id(), &alias(), milestone()))),
        "getLensReview" => output(block_on(ws.get_lens_review(&id(), &alias(), milestone()))),
        "updateLensReview" => output(block_on(ws.update_lens_review(
            &id(),
            &alias(),
            arg(input, "update"),
        ))),
        "improvementPlan" => output(block_on(ws.improvement_plan(
            &id(),
            &alias(),
            arg_or_default(input, "options"),
            milestone(),
        ))),
        "createMilestone" => output(block_on(
            ws.create_milestone(&id(), &arg::<String>(input, "milestoneName")),
        )),
        "listMilestones" => output(block_on(ws.list_milestones(&id()))),
        "dashboard" => output(block_on(ws.dashboard(arg_or_default(input, "filter")))),
        other => panic!("no call `{other}` in the snapshot runner"),
    }
}

/// `"$name"` anywhere in `value` becomes the workload id `workloads` has under `name`, and
/// `"$stepN.key"` the `key` of the result of step N in `results`.
fn substitute(value: &Value, workloads: &BTreeMap<String, String>, results: &[Value]) -> Value {
    match value {
        Value::String(s) if s.starts_with('$') && workloads.contains_key(&s[1..]) => {
            Value::String(workloads[&s[1..]].clone())
        }
        Value::String(s) if s.starts_with("$step") => {
            let (step, key) = s["$step".len()..]
                .split_once('.')
                .unwrap_or_else(|| panic!("`{s}`: write $stepN.key"));
            let step: usize = step
                .parse()
                .unwrap_or_else(|_| panic!("`{s}`: no step number"));
            results
                .get(step)
                .and_then(|r| r.get(key))
                .unwrap_or_else(|| panic!("`{s}`: step {step} has no result with `{key}`"))
                .clone()
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| substitute(v, workloads, results))
                .collect(),
        ),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), substitute(v, workloads, results)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Runs a case file; returns its differences (one line each, prefixed with the step), and in
/// update mode rewrites the file with the outputs instead.
fn run_case(path: &Path) -> Vec<String> {
    let mut snapshot = read_snapshot(path);
    let ws = workspace();
    let mut workloads = BTreeMap::new();
    let mut results = Vec::new();
    let mut problems = Vec::new();
    let steps = snapshot["steps"]
        .as_array_mut()
        .unwrap_or_else(|| panic!("{}: no \"steps\" array", path.display()));
    assert!(!steps.is_empty(), "{}: no step", path.display());
    for (n, step) in steps.iter_mut().enumerate() {
        let name = step["call"]
            .as_str()
            .unwrap_or_else(|| panic!("{} step {n}: no \"call\"", path.display()))
            .to_string();
        let input = substitute(
            step.get("input").unwrap_or(&json!({})),
            &workloads,
            &results,
        );
        let actual = call(&ws, &name, &input);
        results.push(actual.clone());
        if name == "defineWorkload" {
            if let Some(made) = actual["workloadId"].as_str() {
                workloads.insert("workload".to_string(), made.to_string());
                if let Some(name) = step.get("as").and_then(Value::as_str) {
                    workloads.insert(name.to_string(), made.to_string());
                }
            }
        }
        if updating() {
            step["result"] = actual;
            continue;
        }
        let expected = step.get("result").unwrap_or(&Value::Null);
        problems.extend(
            json_diff(expected, &actual)
                .into_iter()
                .map(|line| format!("step {n} ({name}): {line}")),
        );
    }
    if updating() {
        write_snapshot(path, &snapshot);
    }
    problems
}

#[test]
fn workspace_outputs_match_their_snapshots() {
    let files = snapshot_files("workspace");
    assert!(
        !files.is_empty(),
        "no snapshot in tests/snapshots/workspace"
    );
    let mut report = String::new();
    for path in &files {
        let problems = run_case(path);
        if !problems.is_empty() {
            report.push_str(&format!(
                "\n{}:\n  {}\n",
                path.display(),
                problems.join("\n  ")
            ));
        }
    }
    assert!(
        report.is_empty(),
        "workspace outputs differ from their snapshots (UPDATE_GOLDEN=1 rewrites them; review the diff):{report}"
    );
}

#[test]
fn a_changed_output_is_reported_by_path() {
    // Keys in serde_json's order (sorted), then the keys only the output has.
    let diff = json_diff(
        &json!({"risk": "MEDIUM", "choices": [{"id": "a"}], "gone": 1}),
        &json!({"risk": "HIGH", "choices": [{"id": "a"}, {"id": "b"}], "new": true}),
    );
    assert_eq!(
        diff,
        [
            "$.choices[1]: not expected, got {\"id\":\"b\"}",
            "$.gone: expected 1, missing",
            "$.risk: expected \"MEDIUM\", got \"HIGH\"",
            "$.new: not expected, got true",
        ]
    );
}
