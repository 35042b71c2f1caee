//! The packed answers of the JS fast path (`review::packed`) evaluate exactly as
//! `review::evaluate` does, over random answers to the shipped lenses: unknown questions and
//! choices, repeated questions, waived and "None of these" choices, non-ASCII ids.

use plumbline::catalog;
use plumbline::review::packed::PackedIndex;
use plumbline::review::{evaluate, Answer, ChoiceAnswer, ChoiceStatus};

/// The packer of `src/wasm.rs` (`packAnswers`), in Rust.
fn pack(answers: &[Answer]) -> String {
    let token = |tag: char, s: &str| format!("{tag}{}:{s}", s.encode_utf16().count());
    let mut out = String::new();
    for a in answers {
        out += &token('q', &a.question_id);
        if !a.is_applicable {
            out.push('x');
        }
        for id in &a.selected_choices {
            out += &token('s', id);
        }
        for c in &a.choice_answers {
            match c.status {
                ChoiceStatus::Selected => out += &token('s', &c.choice_id),
                ChoiceStatus::NotApplicable => out += &token('a', &c.choice_id),
                ChoiceStatus::Unselected => {}
            }
        }
    }
    out
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn random_answers(lens: &plumbline::lens::Lens, rng: &mut Rng) -> Vec<Answer> {
    let questions: Vec<_> = lens.pillars.iter().flat_map(|p| &p.questions).collect();
    let mut ids: Vec<String> = questions.iter().map(|q| q.id.clone()).collect();
    ids.push("not-a-question".into());
    ids.push("ünïcødé😀".into());
    (0..rng.next(questions.len() + 5))
        .map(|_| {
            let qid = ids[rng.next(ids.len())].clone();
            let mut choices: Vec<String> = questions
                .iter()
                .find(|q| q.id == qid)
                .map(|q| q.choices.iter().map(|c| c.id.clone()).collect())
                .unwrap_or_default();
            choices.push("no_such_choice".into());
            let pick = |rng: &mut Rng| choices[rng.next(choices.len())].clone();
            let statuses = [
                ChoiceStatus::Selected,
                ChoiceStatus::NotApplicable,
                ChoiceStatus::Unselected,
            ];
            Answer {
                question_id: qid.clone(),
                pillar_id: None,
                selected_choices: (0..rng.next(4)).map(|_| pick(rng)).collect(),
                choice_answers: (0..rng.next(3))
                    .map(|_| ChoiceAnswer {
                        choice_id: pick(rng),
                        status: statuses[rng.next(3)],
                        reason: None,
                        notes: None,
                    })
                    .collect(),
                is_applicable: rng.next(6) != 0,
                reason: None,
                notes: None,
            }
        })
        .collect()
}

#[test]
fn packed_answers_evaluate_like_answers() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for shipped in catalog::builtin() {
        let lens = &shipped.lens;
        let index = PackedIndex::new(lens);
        for _ in 0..2000 {
            let answers = random_answers(lens, &mut rng);
            let expected: Vec<_> = evaluate(lens, &answers)
                .questions
                .iter()
                .map(|q| q.risk)
                .collect();
            assert_eq!(
                index.risks(lens, &pack(&answers)),
                Some(expected),
                "{answers:?}"
            );
        }
    }
}

#[test]
fn malformed_text_is_refused() {
    let lens = &catalog::builtin()[0].lens;
    let index = PackedIndex::new(lens);
    for bad in ["x", "s3:abc", "q9:short", "z1:a", "q1"] {
        assert_eq!(index.risks(lens, bad), None, "{bad}");
    }
    assert!(index.risks(lens, "").is_some());
}
