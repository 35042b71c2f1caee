//! helpfulResource, improvementPlan and additionalResources: a displayText with an optional url.

use super::fields::{array, object, string, Need, Obj};
use super::Cx;
use crate::lens::json::Value;
use crate::lens::model::{AdditionalResources, Resource};
use crate::lens::path::Path;
use crate::lens::schema::Level;
use crate::lens::validate::resources::{self, Tally};
use crate::lens::validate::text;

/// Which resource is being read; decides its key and whether displayText is always required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Helpful,
    ImprovementPlan,
    /// An item of an additionalResources `content` list.
    Content,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Helpful => "helpfulResource",
            Kind::ImprovementPlan => "improvementPlan",
            Kind::Content => "content",
        }
    }
}

/// The optional resource `kind.key()` of `owner` (a question or choice).
pub fn resource(
    cx: &mut Cx<'_>,
    owner: &Obj<'_, '_>,
    path: &Path<'_>,
    kind: Kind,
) -> Option<Resource> {
    let key = kind.key();
    let value = owner.get(key)?;
    read(cx, value, &path.key(key), kind)
}

/// Reads one resource object. `None` when it is not an object or says nothing at all.
fn read(cx: &mut Cx<'_>, value: &Value<'_>, path: &Path<'_>, kind: Kind) -> Option<Resource> {
    let level = if kind == Kind::Content {
        Level::ContentItem
    } else {
        Level::Resource
    };
    let obj = object(cx, value, path, level)?;
    let url = string(cx, &obj, path, "url", Need::Optional)
        .and_then(|(raw, offset)| resources::url(cx, raw, offset, &path.key("url")));
    let display = string(cx, &obj, path, "displayText", Need::Optional);
    let what = match kind {
        Kind::Helpful => "helpfulResource",
        Kind::ImprovementPlan => "improvementPlan",
        Kind::Content => "additional resource",
    };
    match display {
        Some((display, offset)) => {
            let name = format!("{what} displayText");
            text::text(cx, &name, display, offset, &path.key("displayText"));
        }
        // Present but of the wrong type: already reported.
        None if obj.has("displayText") => {}
        None if url.is_some() => resources::display_text_for_url(cx, what, obj.offset(), path),
        None if kind == Kind::ImprovementPlan => {
            super::fields::field(cx, &obj, path, "displayText", Need::Required);
        }
        None => {}
    }
    if display.is_none() && url.is_none() {
        return None;
    }
    Some(Resource {
        display_text: display.map(|(s, _)| s.to_string()).unwrap_or_default(),
        url,
    })
}

/// A choice's additionalResources: typed lists of extra helpful or improvement-plan items.
pub fn additional(
    cx: &mut Cx<'_>,
    choice: &Obj<'_, '_>,
    path: &Path<'_>,
) -> Vec<AdditionalResources> {
    let mut out = Vec::new();
    let Some((entries, _)) = array(cx, choice, path, "additionalResources", Need::Optional) else {
        return out;
    };
    let at = path.key("additionalResources");
    out.reserve_exact(entries.len());
    let mut tally = Tally::default();
    for (i, entry) in entries.iter().enumerate() {
        let entry_path = at.index(i);
        let Some(obj) = object(cx, entry, &entry_path, Level::AdditionalResources) else {
            continue;
        };
        let type_path = entry_path.key("type");
        let kind =
            string(cx, &obj, &entry_path, "type", Need::Required).and_then(|(raw, offset)| {
                let kind = resources::resource_type(cx, raw, offset, &type_path)?;
                tally.entry(cx, kind, offset, &type_path);
                Some(kind)
            });
        let mut content = Vec::new();
        if let Some((items, _)) = array(cx, &obj, &entry_path, "content", Need::Required) {
            let content_path = entry_path.key("content");
            content.reserve_exact(items.len());
            for (j, item) in items.iter().enumerate() {
                let item_path = content_path.index(j);
                if let Some(kind) = kind {
                    tally.item(cx, kind, item.offset, &item_path);
                }
                if let Some(resource) = read(cx, item, &item_path, Kind::Content) {
                    content.push(resource);
                }
            }
        }
        if let Some(kind) = kind {
            out.push(AdditionalResources { kind, content });
        }
    }
    out
}
