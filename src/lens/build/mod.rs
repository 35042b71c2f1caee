//! From the JSON tree to the [`Lens`] model, with a diagnostic for everything that does not
//! fit: shape and types here and in [`fields`], the documented rules in
//! [`crate::lens::validate`], conditions in [`crate::lens::conditions`].
//!
//! The model is built whenever the root is an object, also when there are errors, so that a
//! draft can be previewed with its errors listed. What could not be read is left out rather
//! than guessed: a pillar, question or choice that is not an object, a rule whose condition or
//! risk is invalid, a resource of an unknown type. So the model's indices equal the file's
//! indices only when there is no error (which is when rule analysis runs).

mod fields;
mod priorities;
mod question;
mod resource;
mod rules;

use std::cell::OnceCell;

use fields::{array, object, string, wrong_type, Need};

use super::codes;
use super::conditions::{report_unknown_ids, UnknownId};
use super::issue::Issues;
use super::json::Value;
use super::model::{Lens, Pillar};
use super::path::Path;
use super::position::LineIndex;
use super::schema::Level;
use super::validate::counts::{self, Counted};
use super::validate::ids::{self, Seen};
use super::validate::{lens as lens_rules, text, Owner};
use super::LintOptions;

/// Everything the walk carries: the text (for positions), the options, what was found, and the
/// lens-wide state that uniqueness and condition checks need.
pub struct Cx<'t> {
    pub text: &'t str,
    pub options: LintOptions,
    pub issues: Issues,
    pub unknown_ids: Vec<UnknownId>,
    pillar_ids: Seen,
    question_ids: Seen,
    lines: OnceCell<LineIndex<'t>>,
}

impl<'t> Cx<'t> {
    /// `lines`: a line index if one is already at hand (the reader's), else built on demand.
    pub fn new(text: &'t str, options: LintOptions, lines: Option<LineIndex<'t>>) -> Self {
        Cx {
            text,
            options,
            issues: Issues::default(),
            unknown_ids: Vec::new(),
            pillar_ids: Seen::default(),
            question_ids: Seen::default(),
            lines: lines.map(OnceCell::from).unwrap_or_default(),
        }
    }

    /// Line and column of an offset, for messages that point at another place in the file.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        self.lines().position(offset)
    }

    /// The line index, built on first use.
    pub fn lines(&self) -> &LineIndex<'t> {
        self.lines.get_or_init(|| LineIndex::new(self.text))
    }
}

/// Builds the lens from the root value; `None` when the root is not an object.
pub fn lens(cx: &mut Cx<'_>, root: &Value<'_>) -> Option<Lens> {
    let path = Path::Root;
    if root.as_object().is_none() {
        wrong_type(cx, root, &path, "a JSON object");
        return None;
    }
    let obj = object(cx, root, &path, Level::Lens)?;

    let schema_version = string(cx, &obj, &path, "schemaVersion", Need::Required);
    if let Some((version, offset)) = schema_version {
        lens_rules::schema_version(cx, version, offset, &path.key("schemaVersion"));
    }
    let name = string(cx, &obj, &path, "name", Need::Required);
    if let Some((name, offset)) = name {
        text::title(cx, "lens name", name, offset, &path.key("name"));
    }
    let description = description(cx, &obj, &path, "lens");

    let mut pillars = Vec::new();
    if let Some((items, offset)) = array(cx, &obj, &path, "pillars", Need::Required) {
        let at = path.key("pillars");
        pillars.reserve_exact(items.len());
        let owner = Owner {
            kind: "lens",
            id: None,
        };
        counts::check(cx, Counted::Pillars, owner, items, offset, &at);
        for (i, item) in items.iter().enumerate() {
            if let Some(pillar) = pillar(cx, item, &at.index(i)) {
                pillars.push(pillar);
            }
        }
    }

    let lens = Lens {
        schema_version: schema_version
            .map(|(s, _)| s.to_string())
            .unwrap_or_default(),
        name: name.map(|(s, _)| s.to_string()).unwrap_or_default(),
        description,
        pillars,
        profile_priorities: Default::default(),
    };
    report_unknown_ids(cx, &lens);
    let mut lens = lens;
    lens.profile_priorities = priorities::read(cx, &obj, &path, &lens);
    Some(lens)
}

fn pillar(cx: &mut Cx<'_>, value: &Value<'_>, path: &Path<'_>) -> Option<Pillar> {
    let obj = object(cx, value, path, Level::Pillar)?;
    let id = string(cx, &obj, path, "id", Need::Required);
    if let Some((id, offset)) = id {
        let at = path.key("id");
        ids::syntax(cx, "pillar id", id, false, offset, &at);
        if let Some(first) = cx.pillar_ids.record(id, offset) {
            ids::duplicate(cx, &ids::PILLAR_IDS, id, first, offset, &at);
        }
    }
    let name = string(cx, &obj, path, "name", Need::Required);
    if let Some((name, offset)) = name {
        text::title(cx, "pillar name", name, offset, &path.key("name"));
    }
    let owner = Owner {
        kind: "pillar",
        id: id.map(|(id, _)| id),
    };
    let mut questions = Vec::new();
    if let Some((items, offset)) = array(cx, &obj, path, "questions", Need::Required) {
        let at = path.key("questions");
        questions.reserve_exact(items.len());
        counts::check(cx, Counted::Questions, owner, items, offset, &at);
        for (i, item) in items.iter().enumerate() {
            if let Some(q) = question::question(cx, item, &at.index(i)) {
                questions.push(q);
            }
        }
    }
    Some(Pillar {
        id: id.map(|(s, _)| s.to_string()).unwrap_or_default(),
        name: name.map(|(s, _)| s.to_string()).unwrap_or_default(),
        questions,
    })
}

/// A lens or question description: optional in practice (generated lenses omit it), but the
/// format lists it, so its absence is a warning.
fn description(cx: &mut Cx<'_>, obj: &fields::Obj<'_, '_>, path: &Path<'_>, owner: &str) -> String {
    match string(cx, obj, path, "description", Need::Optional) {
        Some((description, offset)) => {
            let what = if owner == "lens" {
                "lens description"
            } else {
                "question description"
            };
            text::text(cx, what, description, offset, &path.key("description"));
            description.to_string()
        }
        None => {
            if !obj.has("description") {
                cx.issues.warning(
                    codes::MISSING_DESCRIPTION,
                    &path.key("description"),
                    obj.offset(),
                    format!("the {owner} has no `description`; the lens format lists one for every {owner} (up to 2048 characters)"),
                );
            }
            String::new()
        }
    }
}
