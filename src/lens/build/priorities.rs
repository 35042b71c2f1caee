//! The `profilePriorities` extension of a lens file: which of the lens's questions each
//! profile choice prioritises (`{"cost-tight": ["question_id", ...]}`). Keys must be choices
//! of the profile questionnaire and ids questions of the lens, or the mapping would silently
//! prioritise nothing.

use super::fields::{field, wrong_type, Need, Obj};
use super::Cx;
use crate::lens::codes;
use crate::lens::model::Lens;
use crate::lens::path::Path;
use crate::sorted_map::SortedMap;
use crate::workload::profile::questionnaire;

pub fn read(
    cx: &mut Cx<'_>,
    obj: &Obj<'_, '_>,
    path: &Path<'_>,
    lens: &Lens,
) -> SortedMap<String, Vec<String>> {
    let mut out = SortedMap::new();
    let Some(value) = field(cx, obj, path, "profilePriorities", Need::Optional) else {
        return out;
    };
    let at = path.key("profilePriorities");
    let Some(members) = value.as_object() else {
        wrong_type(cx, value, &at, "an object");
        return out;
    };
    for m in members {
        let here = at.key(&m.key);
        if !questionnaire::choice_ids().any(|c| c == m.key) {
            cx.issues.error(
                codes::PROFILE_PRIORITY_UNKNOWN_CHOICE,
                &here,
                m.key_offset,
                format!(
                    "`{}` is not a choice of the profile questionnaire (lenses/profiles/wellarchitected.json)",
                    m.key
                ),
            );
            continue;
        }
        let Some(items) = m.value.as_array() else {
            wrong_type(cx, &m.value, &here, "an array of question ids");
            continue;
        };
        let mut ids = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Some(id) = item.as_str() else {
                wrong_type(cx, item, &here.index(i), "a question id");
                continue;
            };
            let known = lens
                .pillars
                .iter()
                .flat_map(|p| &p.questions)
                .any(|q| q.id == id);
            if known {
                ids.push(id.to_string());
            } else {
                cx.issues.error(
                    codes::PROFILE_PRIORITY_UNKNOWN_QUESTION,
                    &here.index(i),
                    item.offset,
                    format!("`{id}` is not a question of this lens"),
                );
            }
        }
        out.insert(m.key.to_string(), ids);
    }
    out
}
