//! Questions and their choices.

use super::fields::{array, object, string, Need};
use super::{description, resource, rules, Cx};
use crate::lens::json::Value;
use crate::lens::model::{Choice, Question};
use crate::lens::path::Path;
use crate::lens::schema::Level;
use crate::lens::validate::counts::{self, Counted};
use crate::lens::validate::ids::{self, SeenFew};
use crate::lens::validate::{choices, text};

pub fn question(cx: &mut Cx<'_>, value: &Value<'_>, path: &Path<'_>) -> Option<Question> {
    let obj = object(cx, value, path, Level::Question)?;
    let id = string(cx, &obj, path, "id", Need::Required);
    if let Some((id, offset)) = id {
        let at = path.key("id");
        let hyphen = cx.options.official_ids;
        ids::syntax(cx, "question id", id, hyphen, offset, &at);
        if let Some(first) = cx.question_ids.record(id, offset) {
            ids::duplicate(cx, &ids::QUESTION_IDS, id, first, offset, &at);
        }
    }
    let title = string(cx, &obj, path, "title", Need::Required);
    if let Some((title, offset)) = title {
        text::title(cx, "question title", title, offset, &path.key("title"));
    }
    let description = description(cx, &obj, path, "question");
    let helpful_resource = resource::resource(cx, &obj, path, resource::Kind::Helpful);
    let owner = id.map_or_else(
        || "this question".to_string(),
        |(id, _)| format!("question `{id}`"),
    );

    let mut choices = Vec::new();
    if let Some((items, offset)) = array(cx, &obj, path, "choices", Need::Required) {
        let at = path.key("choices");
        choices.reserve_exact(items.len());
        counts::check(cx, Counted::Choices, &owner, items, offset, &at);
        let mut seen = SeenFew::default();
        for (i, item) in items.iter().enumerate() {
            let place = Place {
                index: i,
                count: items.len(),
            };
            if let Some(c) = choice(cx, item, &at.index(i), place, &mut seen) {
                choices.push(c);
            }
        }
    }
    let risk_rules = rules::risk_rules(cx, &obj, path, id.map(|(s, _)| s), &choices);

    Some(Question {
        id: id.map(|(s, _)| s.to_string()).unwrap_or_default(),
        title: title.map(|(s, _)| s.to_string()).unwrap_or_default(),
        description,
        helpful_resource,
        choices,
        risk_rules,
    })
}

/// Where a choice sits among its question's choices.
#[derive(Debug, Clone, Copy)]
struct Place {
    index: usize,
    count: usize,
}

fn choice<'v>(
    cx: &mut Cx<'_>,
    value: &'v Value<'_>,
    path: &Path<'_>,
    place: Place,
    seen: &mut SeenFew<'v>,
) -> Option<Choice> {
    let obj = object(cx, value, path, Level::Choice)?;
    let id = string(cx, &obj, path, "id", Need::Required);
    if let Some((id, offset)) = id {
        let at = path.key("id");
        ids::syntax(cx, "choice id", id, false, offset, &at);
        ids::api_choice_limit(cx, id, offset, &at);
        if let Some(first) = seen.record(id, offset) {
            ids::duplicate(cx, &ids::CHOICE_IDS, id, first, offset, &at);
        }
        choices::no_choice_last(cx, id, place.index, place.count, offset, &at);
    }
    let title = string(cx, &obj, path, "title", Need::Required);
    if let Some((title, offset)) = title {
        let at = path.key("title");
        text::title(cx, "choice title", title, offset, &at);
        if let Some((id, _)) = id {
            choices::none_title(cx, id, title, offset, &at);
        }
    }
    // Not in the lens format (the key check warns), but the API's Choice has it: keep it.
    let description = string(cx, &obj, path, "description", Need::Optional);
    let helpful_resource = resource::resource(cx, &obj, path, resource::Kind::Helpful);
    let improvement_plan = resource::resource(cx, &obj, path, resource::Kind::ImprovementPlan);
    let plan_offset = obj.get("improvementPlan").map(|v| v.offset);
    choices::improvement_plan(cx, id.map(|(s, _)| s), plan_offset, obj.offset(), path);
    let additional_resources = resource::additional(cx, &obj, path);

    Some(Choice {
        id: id.map(|(s, _)| s.to_string()).unwrap_or_default(),
        title: title.map(|(s, _)| s.to_string()).unwrap_or_default(),
        description: description.map(|(s, _)| s.to_string()),
        helpful_resource,
        improvement_plan,
        additional_resources,
    })
}
