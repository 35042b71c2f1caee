//! Native benchmarks of the exports (`cargo bench --bench export`): how long each format takes
//! for one workload with three lenses fully answered (the framework, serverless and the
//! generated 60-question lens published as a custom lens), and the consolidated report of
//! 1,000 workloads, and defining a workload from a review template with the same three lenses
//! fully answered. Everything runs on the memory store, through the public API, as the
//! browser does minus IndexedDB. Results go to `$PLUMBLINE_BENCH_OUT/results/native-export.json`;
//! `PLUMBLINE_BENCH_QUICK=1` shortens the run. Nothing is asserted.

// The support module is shared with the core benchmarks, which use all of it.
#[allow(dead_code)]
mod support;

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::Instant;

use plumbline::export::tickets::{azure_devops, github, jira, TicketFilter};
use plumbline::export::{self, WorkloadExport};
use plumbline::review::export::{answers_to_aws, to_aws_json};
use plumbline::review::{ChoiceStatus, Risk};
use plumbline::store::memory::MemoryStore;
use plumbline::workload::{
    AnswerUpdate, ChoiceUpdate, DeterministicEnvironment, ImportLensOptions, LensVersionInput,
    TemplateInput, WorkloadEnvironment, WorkloadInput, Workspace,
};

use support::fixtures;
use support::harness::{bench, Config};
use support::record::Recorder;

/// Workloads in the consolidated report.
const WORKLOADS: usize = 1000;
/// Distinct answer sets the workloads cycle through (so that some items are shared, not all).
const ANSWER_VARIANTS: usize = 16;

/// The memory store never waits: one poll finishes every workspace future.
fn run<F: Future>(future: F) -> F::Output {
    struct NoWake;
    impl Wake for NoWake {
        fn wake(self: Arc<Self>) {}
    }
    let waker = Waker::from(Arc::new(NoWake));
    match pin!(future).poll(&mut Context::from_waker(&waker)) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("a workspace future waited on the memory store"),
    }
}

fn workspace() -> Workspace<MemoryStore> {
    let env = DeterministicEnvironment::new(1_795_428_000_000, 1000, 11);
    run(Workspace::open(MemoryStore::new(), env)).expect("workspace opens")
}

fn input(name: &str, lenses: Vec<String>) -> WorkloadInput {
    WorkloadInput {
        workload_name: Some(name.to_string()),
        description: Some("Benchmark workload".to_string()),
        environment: Some(WorkloadEnvironment::Production),
        review_owner: Some("Bench".to_string()),
        aws_regions: Some(vec!["eu-west-1".to_string()]),
        lenses: Some(lenses),
        ..WorkloadInput::default()
    }
}

/// A workload with the framework, serverless and the generated lens, every question answered
/// (a varied selection, a note on every question and on one choice of three); and a review
/// template with the same lenses and answers. Returns the workload, the template and the
/// number of questions each has answered.
fn three_lens_workload(ws: &Workspace<MemoryStore>) -> (String, String, usize) {
    let imported = run(ws.import_lens(&fixtures::eval_lens(), ImportLensOptions::default()))
        .expect("the generated lens imports");
    let version = LensVersionInput {
        lens_version: Some("1".to_string()),
        is_major_version: None,
    };
    run(ws.create_lens_version(&imported.lens_alias, version)).expect("it publishes");
    let lenses = vec!["serverless".to_string(), imported.lens_alias.clone()];
    let id = run(ws.define_workload(input("Three lenses", lenses.clone())))
        .expect("workload")
        .workload_id;
    let template = TemplateInput {
        template_name: Some("Three lenses".to_string()),
        description: Some("Benchmark template".to_string()),
        lenses: Some(lenses),
        ..TemplateInput::default()
    };
    let template = run(ws.create_review_template(template))
        .expect("template")
        .template_id;
    let answered = answer_all(ws, &id, &imported.lens_alias, false);
    answer_all(ws, &template, &imported.lens_alias, true);
    (id, template, answered)
}

/// Answers every question of the three lenses of workload (or template) `id`.
fn answer_all(ws: &Workspace<MemoryStore>, id: &str, custom: &str, template: bool) -> usize {
    let mut answered = 0;
    for alias in ["wellarchitected", "serverless", custom] {
        let lens = run(ws.get_lens(alias, None)).expect("lens");
        for (q, question) in lens
            .lens
            .pillars
            .iter()
            .flat_map(|p| &p.questions)
            .enumerate()
        {
            let practices: Vec<&str> = question
                .choices
                .iter()
                .filter(|c| !c.is_none_of_these())
                .map(|c| c.id.as_str())
                .collect();
            let selected = practices
                .iter()
                .enumerate()
                .filter(|(i, _)| (q + i) % 3 != 0)
                .map(|(_, c)| c.to_string())
                .collect();
            let choice_updates = practices
                .iter()
                .step_by(3)
                .map(|c| {
                    let note = ChoiceUpdate {
                        status: ChoiceStatus::Unselected,
                        reason: None,
                        notes: Some(format!("Choice note on {c}, with \"quotes\"")),
                    };
                    (c.to_string(), note)
                })
                .collect();
            let update = AnswerUpdate {
                selected_choices: Some(selected),
                choice_updates: Some(choice_updates),
                notes: Some(format!("Notes on question {q}: owner, plan\nsecond line")),
                ..AnswerUpdate::default()
            };
            if template {
                run(ws.update_review_template_answer(id, alias, &question.id, update))
                    .expect("template answer");
            } else {
                run(ws.update_answer(id, alias, &question.id, update)).expect("answer");
            }
            answered += 1;
        }
    }
    answered
}

/// `WORKLOADS` framework-only workloads, answered from `ANSWER_VARIANTS` answer files.
fn many_workloads(ws: &Workspace<MemoryStore>) {
    let lens = run(ws.get_lens("wellarchitected", None)).expect("framework");
    let files: Vec<String> = fixtures::answer_masks(&lens.lens, ANSWER_VARIANTS, 0xE4_9047)
        .iter()
        .map(|masks| {
            let answers = fixtures::answers_of(&lens.lens, masks);
            to_aws_json(&answers_to_aws(
                "template",
                "wellarchitected",
                &lens.lens,
                &answers,
            ))
        })
        .collect();
    for n in 0..WORKLOADS {
        let id = run(ws.define_workload(input(&format!("Workload {n:04}"), vec![])))
            .expect("workload")
            .workload_id;
        run(ws.import_answers(&id, "wellarchitected", &files[n % files.len()]))
            .expect("answers import");
    }
}

fn main() {
    let config = Config::from_env();
    let mut rec = Recorder::new("native-export");
    println!("plumbline export benchmarks (median per call; IQR and min/max of the samples)");

    let ws = workspace();
    let t = Instant::now();
    let (id, template, questions) = three_lens_workload(&ws);
    println!(
        "  (set-up: {questions} questions answered in {:.2} s)",
        t.elapsed().as_secs_f64()
    );
    let collect = || run(export::collect(&ws, &id, None, None)).expect("collect");
    let model: WorkloadExport = collect();
    let note = format!(
        "3 lenses, {questions} questions, {} choices",
        model
            .lenses
            .iter()
            .flat_map(|l| &l.pillars)
            .flat_map(|p| &p.questions)
            .map(|q| q.practices.len())
            .sum::<usize>()
    );
    let filter = TicketFilter::default();
    let stats = bench(&config, collect);
    rec.add(
        "export",
        "collect (3 lenses through the API)",
        "s",
        stats,
        None,
    )
    .note = Some(note.clone());
    type Format<'a> = (&'a str, Box<dyn Fn() -> String + 'a>);
    let formats: Vec<Format> = vec![
        ("CSV", Box::new(|| export::csv::to_csv(&model))),
        (
            "Markdown",
            Box::new(|| export::markdown::to_markdown(&model)),
        ),
        ("JSON", Box::new(|| export::json::to_json(&model))),
        ("Jira CSV", Box::new(|| jira::to_jira_csv(&model, &filter))),
        (
            "GitHub JSON",
            Box::new(|| github::to_github_json(&model, &filter)),
        ),
        (
            "Azure DevOps CSV",
            Box::new(|| azure_devops::to_azure_devops_csv(&model, &filter)),
        ),
    ];
    for (name, format) in &formats {
        let bytes = format().len();
        let stats = bench(&config, format);
        rec.add(
            "export",
            format!("{name} from the collected model"),
            "s",
            stats,
            None,
        )
        .note = Some(format!("{note}; {bytes} B"));
    }
    let stats = bench(&config, || {
        let m = collect();
        (export::csv::to_csv(&m), export::markdown::to_markdown(&m))
    });
    rec.add(
        "export",
        "collect + CSV + Markdown (one download each)",
        "s",
        stats,
        None,
    );

    // Defining a workload from the fully answered 3-lens template: every answer and lens note
    // copied with its provenance, the summaries computed, one commit.
    let defined = std::cell::Cell::new(0);
    let stats = bench(&config, || {
        defined.set(defined.get() + 1);
        let mut from = input(&format!("From template {}", defined.get()), vec![]);
        from.review_template_ids = Some(vec![template.clone()]);
        run(ws.define_workload(from)).expect("defined from the template")
    });
    rec.add(
        "export",
        "defineWorkload from a fully answered 3-lens review template",
        "s",
        stats,
        Some("<10 ms (define/update)"),
    )
    .note = Some(format!("{questions} answers copied"));
    // The same define without the template, measured alongside (the machine's load moves both).
    let lenses = run(ws.get_workload(&id)).expect("workload").lenses;
    let stats = bench(&config, || {
        defined.set(defined.get() + 1);
        let name = format!("Without template {}", defined.get());
        run(ws.define_workload(input(&name, lenses.clone()))).expect("defined")
    });
    rec.add(
        "export",
        "defineWorkload with the same 3 lenses, no template (reference)",
        "s",
        stats,
        None,
    );

    let ws = workspace();
    let t = Instant::now();
    many_workloads(&ws);
    println!(
        "  (set-up: {WORKLOADS} workloads in {:.2} s)",
        t.elapsed().as_secs_f64()
    );
    let consolidated = || run(export::collect_consolidated(&ws, None)).expect("report");
    let report = consolidated();
    let shared = report
        .improvements
        .iter()
        .filter(|i| i.risk == Risk::High)
        .count();
    let note = format!(
        "{} workloads, {} improvement items ({shared} HIGH)",
        report.workloads.len(),
        report.improvements.len()
    );
    let stats = bench(&config, consolidated);
    rec.add(
        "export",
        "consolidated: collect over 1,000 workloads",
        "s",
        stats,
        None,
    )
    .note = Some(note.clone());
    let json_bytes = export::consolidated::to_json(&report).len();
    let stats = bench(&config, || export::consolidated::to_json(&report));
    rec.add("export", "consolidated: JSON", "s", stats, None)
        .note = Some(format!("{note}; {json_bytes} B"));
    let csv_bytes = export::consolidated::to_csv(&report).len();
    let stats = bench(&config, || export::consolidated::to_csv(&report));
    rec.add("export", "consolidated: CSV", "s", stats, None)
        .note = Some(format!("{note}; {csv_bytes} B"));

    match rec.write() {
        Ok(path) => println!("results: {}", path.display()),
        Err(e) => eprintln!("cannot write the results: {e}"),
    }
}
