//! Deterministic benchmark inputs: a ~500 KB valid lens, a 60-question lens for risk evaluation,
//! and pools of answer sets. Everything comes from a fixed-seed generator, so every run (and
//! every environment: native, Node, Chromium, which read the files this module writes) sees the
//! same bytes.
//!
//! Answer sets are kept as masks, one `[flags, selected, notApplicable]` triple per question in
//! lens order (flags: 0 = no answer, 1 = answered, 2 = question not applicable; bit `i` of a mask
//! is choice `i`), and expanded into AWS-shaped answers by each environment the same way
//! ([`answers_of`] here, `answersOf` in `benches/web/engine-bench.mjs`).

use serde::Serialize;

use plumbline::lens::Lens;
use plumbline::review::{Answer, ChoiceAnswer, ChoiceReason, ChoiceStatus};

/// The lens format's size limit is 500,000 bytes; stay just under it.
pub const GENERATED_TARGET_BYTES: usize = 495_000;

/// SplitMix64: tiny, fast, and good enough to vary test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

const WORDS: &[&str] = &[
    "workload",
    "architecture",
    "resilience",
    "operations",
    "telemetry",
    "deployment",
    "automation",
    "capacity",
    "recovery",
    "encryption",
    "identity",
    "least",
    "privilege",
    "observability",
    "runbook",
    "incident",
    "review",
    "priorities",
    "governance",
    "compliance",
    "threat",
    "model",
    "metrics",
    "alarms",
    "dashboards",
    "rollback",
    "canary",
    "pipeline",
    "testing",
    "chaos",
    "failover",
    "region",
    "zone",
    "backup",
    "restore",
    "objective",
    "latency",
    "throughput",
    "scaling",
    "elastic",
    "cost",
    "budget",
    "forecast",
    "tagging",
    "sustainability",
    "utilization",
    "efficiency",
    "caching",
    "database",
    "storage",
    "network",
    "boundary",
    "segmentation",
    "secrets",
    "rotation",
    "audit",
    "logging",
    "retention",
    "lifecycle",
    "ownership",
    "team",
    "stakeholder",
    "customer",
    "outcome",
    "mechanism",
    "feedback",
    "improvement",
    "practice",
    "standard",
    "policy",
    "control",
    "guardrail",
    "evidence",
    "documented",
    "regularly",
    "automated",
    "continuous",
    "measured",
    "defined",
];

fn words(rng: &mut Rng, max_chars: usize) -> String {
    let mut out = String::new();
    loop {
        let w = WORDS[rng.below(WORDS.len() as u64) as usize];
        if out.len() + w.len() + 1 > max_chars {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    // Capitalise and end like a sentence.
    let mut s: String = out
        .chars()
        .enumerate()
        .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c })
        .collect();
    if s.len() < max_chars {
        s.push('.');
    }
    s
}

// The custom-lens JSON shape, in the key order real lens files use.

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LensJson {
    schema_version: &'static str,
    name: String,
    description: String,
    pillars: Vec<PillarJson>,
}

#[derive(Serialize)]
struct PillarJson {
    id: String,
    name: String,
    questions: Vec<QuestionJson>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct QuestionJson {
    id: String,
    title: String,
    description: String,
    helpful_resource: ResourceJson,
    choices: Vec<ChoiceJson>,
    risk_rules: Vec<RuleJson>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChoiceJson {
    id: String,
    title: String,
    helpful_resource: ResourceJson,
    /// None for "None of these", whose improvement plan is never shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    improvement_plan: Option<ResourceJson>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    additional_resources: Vec<AdditionalJson>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResourceJson {
    display_text: String,
    url: String,
}

#[derive(Serialize)]
struct AdditionalJson {
    #[serde(rename = "type")]
    kind: &'static str,
    content: Vec<ResourceJson>,
}

#[derive(Serialize)]
struct RuleJson {
    condition: String,
    risk: &'static str,
}

/// The shape of a generated lens.
#[derive(Clone, Copy)]
struct Shape {
    pillars: usize,
    questions: usize,
    /// Ordinary choices per question vary in `min_choices..=max_choices`; each question also
    /// has a `_no` ("None of these") choice.
    min_choices: usize,
    max_choices: usize,
    /// Characters of each choice's improvement-plan text (the bulk of a real lens).
    plan_chars: usize,
    /// Additional resources on every n-th choice (0: none).
    additional_every: usize,
}

fn url(rng: &mut Rng, path: &str) -> String {
    format!(
        "https://docs.example.org/{path}/{}.html",
        WORDS[rng.below(WORDS.len() as u64) as usize]
    )
}

/// Risk rules over the ordinary choices `ids` (at least 4), in one of three templates that
/// real lenses use. Adding a best practice never raises the risk in any of them.
fn rules(template: usize, ids: &[String]) -> Vec<RuleJson> {
    let rule = |condition: String, risk| RuleJson { condition, risk };
    match template % 3 {
        0 => vec![
            rule(
                format!("{} && {} && {} && {}", ids[0], ids[1], ids[2], ids[3]),
                "NO_RISK",
            ),
            rule(
                format!("{} && ({} || {})", ids[0], ids[1], ids[2]),
                "MEDIUM_RISK",
            ),
            rule("default".into(), "HIGH_RISK"),
        ],
        1 => vec![
            rule(format!("(!{} && !{})", ids[0], ids[1]), "HIGH_RISK"),
            rule(
                format!("!({} && {} && {})", ids[0], ids[1], ids[2]),
                "MEDIUM_RISK",
            ),
            rule("default".into(), "NO_RISK"),
        ],
        _ => vec![
            rule(ids[..ids.len() - 1].join(" && "), "NO_RISK"),
            rule("default".into(), "MEDIUM_RISK"),
        ],
    }
}

fn generate(seed: u64, shape: Shape, name: &str) -> String {
    let mut rng = Rng::new(seed);
    let mut pillars = Vec::new();
    let mut choice_no = 0usize;
    for p in 0..shape.pillars {
        let mut questions = Vec::new();
        for q in 0..shape.questions {
            let qid = format!("p{p:02}_q{q:02}");
            let span = (shape.max_choices - shape.min_choices + 1) as u64;
            let k = shape.min_choices + rng.below(span) as usize;
            let ids: Vec<String> = (0..k).map(|c| format!("{qid}_c{c:02}")).collect();
            let mut choices = Vec::new();
            for id in ids.iter().cloned().chain([format!("{qid}_no")]) {
                choice_no += 1;
                let none = id.ends_with("_no");
                let additional = if !none
                    && shape.additional_every > 0
                    && choice_no % shape.additional_every == 0
                {
                    vec![
                        AdditionalJson {
                            kind: "HELPFUL_RESOURCE",
                            content: vec![ResourceJson {
                                display_text: words(&mut rng, 60),
                                url: url(&mut rng, "guide"),
                            }],
                        },
                        AdditionalJson {
                            kind: "IMPROVEMENT_PLAN",
                            content: vec![ResourceJson {
                                display_text: words(&mut rng, 60),
                                url: url(&mut rng, "howto"),
                            }],
                        },
                    ]
                } else {
                    Vec::new()
                };
                choices.push(ChoiceJson {
                    title: if none {
                        "None of these".into()
                    } else {
                        words(&mut rng, 70)
                    },
                    helpful_resource: ResourceJson {
                        display_text: words(&mut rng, 100),
                        url: url(&mut rng, "bp"),
                    },
                    improvement_plan: (!none).then(|| ResourceJson {
                        display_text: words(&mut rng, shape.plan_chars),
                        url: url(&mut rng, "plan"),
                    }),
                    additional_resources: additional,
                    id,
                });
            }
            questions.push(QuestionJson {
                title: format!("{} — {}?", q + 1, words(&mut rng, 90)),
                description: words(&mut rng, 300),
                helpful_resource: ResourceJson {
                    display_text: words(&mut rng, 200),
                    url: url(&mut rng, "question"),
                },
                risk_rules: rules(p + q, &ids),
                choices,
                id: qid,
            });
        }
        pillars.push(PillarJson {
            id: format!("pillar_{p:02}"),
            name: words(&mut rng, 40),
            questions,
        });
    }
    let lens = LensJson {
        schema_version: "2021-11-01",
        name: name.into(),
        description: words(&mut rng, 600),
        pillars,
    };
    serde_json::to_string_pretty(&lens).expect("a lens serializes")
}

/// The ~500 KB valid lens: 10 pillars × 6 questions × 4–8 choices (+ "None of these"),
/// improvement-plan texts sized so that the file is as large as possible under
/// [`GENERATED_TARGET_BYTES`].
pub fn generated_lens() -> String {
    let shape = |plan_chars| Shape {
        pillars: 10,
        questions: 6,
        min_choices: 4,
        max_choices: 8,
        plan_chars,
        additional_every: 5,
    };
    // The size grows with plan_chars: find the largest that fits (binary search).
    let (mut lo, mut hi) = (0usize, 2000usize);
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if generate(0x5EED_0500, shape(mid), "Generated benchmark lens (500 KB)").len()
            <= GENERATED_TARGET_BYTES
        {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    generate(0x5EED_0500, shape(lo), "Generated benchmark lens (500 KB)")
}

/// The 60-question lens for risk evaluation: 6 pillars × 10 questions, 4–10 choices each.
pub fn eval_lens() -> String {
    generate(
        0x5EED_0060,
        Shape {
            pillars: 6,
            questions: 10,
            min_choices: 4,
            max_choices: 10,
            plan_chars: 60,
            additional_every: 0,
        },
        "Generated evaluation lens (60 questions)",
    )
}

/// One question's answer as masks: `[flags, selected, not_applicable]`.
pub type Mask = [u32; 3];

/// `count` answer sets for `lens`: about 8% of questions unanswered, 5% not applicable, 10%
/// "None of these", the rest a random selection with a few best practices marked not applicable.
pub fn answer_masks(lens: &Lens, count: usize, seed: u64) -> Vec<Vec<Mask>> {
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|_| {
            lens.pillars
                .iter()
                .flat_map(|p| &p.questions)
                .map(|q| {
                    let none = q.choices.iter().position(|c| c.is_none_of_these());
                    let ordinary: Vec<usize> =
                        (0..q.choices.len()).filter(|&i| Some(i) != none).collect();
                    let roll = rng.below(100);
                    let random_selection = |rng: &mut Rng| {
                        let (mut sel, mut na) = (0u32, 0u32);
                        for &i in &ordinary {
                            if rng.chance(0.6) {
                                sel |= 1 << i;
                            } else if rng.chance(0.1) {
                                na |= 1 << i;
                            }
                        }
                        if sel == 0 && na == 0 {
                            sel = 1 << ordinary[rng.below(ordinary.len() as u64) as usize];
                        }
                        (sel, na)
                    };
                    if roll < 8 {
                        [0, 0, 0]
                    } else if roll < 13 {
                        let (sel, na) = random_selection(&mut rng);
                        [2, sel, na]
                    } else if roll < 23 && none.is_some() {
                        [1, 1 << none.unwrap_or(0), 0]
                    } else {
                        let (sel, na) = random_selection(&mut rng);
                        [1, sel, na]
                    }
                })
                .collect()
        })
        .collect()
}

/// The AWS-shaped answers a mask set stands for (questions without an answer are left out).
pub fn answers_of(lens: &Lens, masks: &[Mask]) -> Vec<Answer> {
    lens.pillars
        .iter()
        .flat_map(|p| &p.questions)
        .zip(masks)
        .filter(|(_, m)| m[0] != 0)
        .map(|(q, m)| {
            let ids = |mask: u32| {
                q.choices
                    .iter()
                    .enumerate()
                    .filter(move |(i, _)| mask & (1 << i) != 0)
                    .map(|(_, c)| c.id.clone())
            };
            Answer {
                question_id: q.id.clone(),
                pillar_id: None,
                selected_choices: ids(m[1]).collect(),
                choice_answers: ids(m[2])
                    .map(|choice_id| ChoiceAnswer {
                        choice_id,
                        status: ChoiceStatus::NotApplicable,
                        reason: Some(ChoiceReason::OutOfScope),
                        notes: None,
                    })
                    .collect(),
                is_applicable: m[0] != 2,
                reason: None,
                notes: None,
            }
        })
        .collect()
}

/// A hostile lens for the linearity figures: the first pillar object repeats one key `n` times,
/// so the reader reports `n` repeated keys (and the builder `n` unknown keys). `"":1` is five
/// bytes, so 93,000 repeats still fit the 500,000-byte limit.
pub fn repeated_keys_lens(n: usize) -> String {
    let keys = vec![r#""":1"#; n].join(",");
    format!(
        r#"{{"schemaVersion":"2021-11-01","name":"Repeated keys","description":"d","pillars":[{{"id":"p1","name":"P",{keys},"questions":[]}}]}}"#
    )
}

/// A hostile lens whose `pillars` array holds `n` `NaN`s: one non-finite-number error and one
/// wrong-type error each.
pub fn nan_pillars_lens(n: usize) -> String {
    let items = vec!["NaN"; n].join(",");
    format!(
        r#"{{"schemaVersion":"2021-11-01","name":"NaN","description":"d","pillars":[{items}]}}"#
    )
}
