//! Property tests over random lenses and answers: evaluation, the plan and analysis never
//! panic, counts add up, normalising never changes a risk, and analysis agrees with a
//! brute-force evaluation of every answer through the public answer path.

use crate::review_support::*;
use plumbline::lens::model::{Lens, LensRisk, Question};
use plumbline::review::analysis::analyze;
use plumbline::review::choices::ChoiceState;
use plumbline::review::evaluate::first_matching_rule;
use plumbline::review::selections::SelectionTable;
use plumbline::review::{
    evaluate, improvement_plan, question_risk, Answer, ChoiceStatus, PlanOptions, Risk,
};
use proptest::prelude::*;

/// A random condition over the given choice ids, as text.
fn condition(names: Vec<String>) -> impl Strategy<Value = String> {
    let leaf = proptest::sample::select(names);
    leaf.prop_recursive(4, 16, 2, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| format!("!({e})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a} && {b})")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("({a}  ||{b})")),
        ]
    })
}

fn risk_name() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("NO"), Just("MEDIUM"), Just("HIGH")]
}

/// A question with `n` choices named `cI`, the last `none_count` of them `cI_no`, up to three
/// random rules, and a `default` rule or not.
fn random_question(id: String) -> impl Strategy<Value = Question> {
    question_with(id, 1..8)
}

/// [`random_question`] with a chosen range of choice counts.
fn question_with(id: String, choices: std::ops::Range<usize>) -> impl Strategy<Value = Question> {
    choices
        .prop_flat_map(|n| (Just(n), 0usize..=2.min(n)))
        .prop_flat_map(move |(n, none_count)| {
            let names: Vec<String> = (0..n)
                .map(|i| {
                    if i >= n - none_count {
                        format!("c{i}_no")
                    } else {
                        format!("c{i}")
                    }
                })
                .collect();
            let id = id.clone();
            (
                proptest::collection::vec((condition(names.clone()), risk_name()), 0..4),
                proptest::option::of(risk_name()),
            )
                .prop_map(move |(rules, default)| {
                    let mut rules: Vec<(String, &str)> = rules;
                    rules.extend(default.map(|r| ("default".to_string(), r)));
                    let rule_refs: Vec<(&str, &str)> =
                        rules.iter().map(|(c, r)| (c.as_str(), *r)).collect();
                    question(&id, &names.join(" "), &rule_refs)
                })
        })
}

fn random_lens() -> impl Strategy<Value = Lens> {
    proptest::collection::vec(
        proptest::collection::vec(0u8..1, 1..4).prop_flat_map(|qs| {
            qs.iter()
                .enumerate()
                .map(|(i, _)| random_question(format!("q{i}")))
                .collect::<Vec<_>>()
        }),
        1..4,
    )
    .prop_map(|pillars| {
        // Make question ids unique across pillars.
        let pillars = pillars
            .into_iter()
            .enumerate()
            .map(|(p, mut questions)| {
                for q in &mut questions {
                    q.id = format!("p{p}_{}", q.id);
                }
                pillar(&format!("p{p}"), questions)
            })
            .collect();
        lens(pillars)
    })
}

/// Random answers: for each question maybe an answer with random selections (including ids
/// the question does not have), statuses and applicability.
fn random_answers(lens: &Lens) -> impl Strategy<Value = Vec<Answer>> {
    let questions: Vec<(String, Vec<String>)> = lens
        .pillars
        .iter()
        .flat_map(|p| &p.questions)
        .map(|q| {
            let mut ids: Vec<String> = q.choices.iter().map(|c| c.id.clone()).collect();
            ids.push("bogus".to_string());
            (q.id.clone(), ids)
        })
        .collect();
    let per_question: Vec<_> = questions
        .into_iter()
        .map(|(qid, ids)| {
            let k = ids.len();
            proptest::option::of((
                proptest::collection::vec(0..k, 0..k),
                proptest::collection::vec((0..k, 0u8..3), 0..k),
                proptest::bool::weighted(0.9),
            ))
            .prop_map(move |spec| {
                spec.map(|(selected, statuses, applicable)| {
                    let mut a = answer(&qid, "");
                    a.selected_choices = selected.iter().map(|&i| ids[i].clone()).collect();
                    a.choice_answers = statuses
                        .iter()
                        .map(|&(i, s)| {
                            let status = [
                                ChoiceStatus::Selected,
                                ChoiceStatus::NotApplicable,
                                ChoiceStatus::Unselected,
                            ][s as usize];
                            choice_answer(&ids[i], status)
                        })
                        .collect();
                    a.is_applicable = applicable;
                    a
                })
            })
        })
        .collect();
    per_question.prop_map(|answers| answers.into_iter().flatten().collect())
}

fn lens_and_answers() -> impl Strategy<Value = (Lens, Vec<Answer>)> {
    random_lens().prop_flat_map(|lens| {
        let answers = random_answers(&lens);
        (Just(lens), answers)
    })
}

/// Every answer selecting a subset of the question's choices, `_no` ones included.
fn every_selection(q: &Question) -> impl Iterator<Item = Answer> + '_ {
    (1usize..(1 << q.choices.len())).map(move |mask| {
        let ids: Vec<&str> = q
            .choices
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, c)| c.id.as_str())
            .collect();
        answer(&q.id, &ids.join(" "))
    })
}

/// Brute force: some answer of ordinary choices gets riskier when one more is selected.
fn risk_can_rise(q: &Question) -> bool {
    let level = |ids: &[&str]| {
        let risk = question_risk(q, Some(&answer(&q.id, &ids.join(" "))));
        match risk {
            Risk::None => Some(0),
            Risk::Medium => Some(1),
            Risk::High => Some(2),
            _ => None,
        }
    };
    let ordinary: Vec<&str> = q
        .choices
        .iter()
        .filter(|c| !c.id.ends_with("_no"))
        .map(|c| c.id.as_str())
        .collect();
    (1usize..(1 << ordinary.len())).any(|mask| {
        let chosen: Vec<&str> = (0..ordinary.len())
            .filter(|j| mask & (1 << j) != 0)
            .map(|j| ordinary[j])
            .collect();
        let Some(before) = level(&chosen) else {
            return false;
        };
        (0..ordinary.len())
            .filter(|j| mask & (1 << j) == 0)
            .any(|j| {
                let mut more = chosen.clone();
                more.push(ordinary[j]);
                level(&more).is_some_and(|after| after > before)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn evaluation_and_plan_never_panic_and_counts_add_up((lens, answers) in lens_and_answers()) {
        let result = evaluate(&lens, &answers);
        let questions: usize = lens.pillars.iter().map(|p| p.questions.len()).sum();
        prop_assert_eq!(result.questions.len(), questions);
        let total: u32 = Risk::ALL.iter().map(|r| result.risk_counts.get(*r)).sum();
        prop_assert_eq!(total as usize, questions);
        for (pillar, evaluation) in lens.pillars.iter().zip(&result.pillars) {
            let sum: u32 = Risk::ALL.iter().map(|r| evaluation.risk_counts.get(*r)).sum();
            prop_assert_eq!(sum as usize, pillar.questions.len());
        }
        for item in improvement_plan(&lens, &answers, &PlanOptions::default()) {
            prop_assert!(matches!(item.risk, Risk::High | Risk::Medium));
            prop_assert!(item.best_practices.iter().all(|p| !p.choice_id.ends_with("_no")));
        }
    }

    #[test]
    fn normalising_keeps_every_risk((lens, answers) in lens_and_answers()) {
        for question in lens.pillars.iter().flat_map(|p| &p.questions) {
            for answer in answers.iter().filter(|a| a.question_id == question.id) {
                let mut normalised = answer.clone();
                normalised.normalise(question);
                prop_assert_eq!(
                    question_risk(question, Some(&normalised)),
                    question_risk(question, Some(answer))
                );
            }
        }
    }

    #[test]
    fn analysis_agrees_with_brute_force_evaluation(lens in random_lens()) {
        check_analysis(&lens)?;
    }
}

proptest! {
    // Brute force over 2^11 answers is slow in debug builds; fewer cases suffice here.
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// Seven or more ordinary choices make truth tables span several 64-bit words.
    #[test]
    fn analysis_agrees_with_brute_force_on_wide_questions(
        q in question_with("wide".to_string(), 8..12),
    ) {
        check_analysis(&lens_of(q))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The truth tables give, for every selection, exactly the rule that evaluating the
    /// conditions one by one gives; and the rise shown is the smallest one by brute force.
    #[test]
    fn selection_tables_equal_direct_evaluation(q in question_with("t".to_string(), 1..12)) {
        let Some(table) = SelectionTable::build(&q, Vec::new()) else {
            return Err(TestCaseError::fail("small questions are always enumerated"));
        };
        let n = q.choices.iter().filter(|c| !c.id.ends_with("_no")).count();
        for m in 1..(1usize << n) {
            prop_assert_eq!(
                table.rule_of(m),
                first_matching_rule(&q.risk_rules, table.truth(m)),
                "set {}", m
            );
        }
        let levels: Vec<u8> = q
            .risk_rules
            .iter()
            .map(|r| match r.risk {
                LensRisk::NoRisk => 0,
                LensRisk::Medium => 1,
                LensRisk::High => 2,
            })
            .collect();
        let level = |m: usize| {
            first_matching_rule(&q.risk_rules, table.truth(m)).map(|r| levels[r])
        };
        // Fewest choices, then lowest mask, then lowest added choice.
        let mut expected = None;
        for size in 1..=n as u32 {
            expected = (1usize..(1 << n)).filter(|m| m.count_ones() == size).find_map(|m| {
                let before = level(m)?;
                (0..n)
                    .find(|&j| m & (1 << j) == 0 && level(m | 1 << j).is_some_and(|a| a > before))
                    .map(|j| (m, j))
            });
            if expected.is_some() {
                break;
            }
        }
        prop_assert_eq!(table.smallest_rise(&levels), expected);
    }
}

/// Analysis findings equal what brute-force evaluation of every answer shows.
fn check_analysis(lens: &Lens) -> Result<(), TestCaseError> {
    let findings = analyze(lens);
    for (p, pillar) in lens.pillars.iter().enumerate() {
        for (q, question) in pillar.questions.iter().enumerate() {
            let path = format!("pillars[{p}].questions[{q}]");
            let mut fired = vec![false; question.risk_rules.len()];
            let mut unmatched = false;
            for answer in every_selection(question) {
                let truth = ChoiceState::of(question, &answer).truth();
                match first_matching_rule(&question.risk_rules, truth) {
                    Some(r) => fired[r] = true,
                    None => unmatched = true,
                }
            }
            for (r, rule) in question.risk_rules.iter().enumerate() {
                let reported = findings.iter().any(|f| {
                    f.code == "rule-never-fires" && f.path == format!("{path}.riskRules[{r}]")
                });
                let is_default = rule.source == "default";
                prop_assert_eq!(reported, !fired[r] && !is_default, "rule {} of {}", r, path);
            }
            let reported = findings
                .iter()
                .any(|f| f.code == "selection-matches-no-rule" && f.path == path);
            prop_assert_eq!(reported, unmatched, "no-match in {}", path);
            let reported = findings
                .iter()
                .any(|f| f.code == "risk-rises-with-practice" && f.path == path);
            prop_assert_eq!(reported, risk_can_rise(question), "rise in {}", path);
        }
    }
    Ok(())
}
