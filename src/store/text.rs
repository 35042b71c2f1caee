//! A listing as ONE JSON text: what a backend that keeps JSON can hand over without building a
//! tree of every body, so that the largest reads (every workload, for the list and the
//! dashboard) decode each record once, straight into the type they need.
//!
//! Before the workspace became plans over one shell, the IndexedDB backend decoded listings
//! this way (`Store::list_as`); going through whole JSON values made the list and the
//! dashboard of 1,000 workloads 10-85 % slower (README, "Benchmarks").

use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::TypedDocument;

/// Every record under a prefix: `text` is the JSON array of their stored `{rev, body}`
/// values, `ids` their ids, both in id order.
#[derive(Debug, Clone, PartialEq)]
pub struct ListingText {
    pub ids: Vec<String>,
    pub text: String,
}

/// One stored value, as every backend keeps it.
#[derive(Deserialize)]
struct Record<T> {
    rev: String,
    body: T,
}

impl ListingText {
    /// Every record with its body read as `T`; `None` when one of them does not read (a damaged
    /// record: the caller then reads the records one by one to name it).
    pub fn decode<T: DeserializeOwned>(&self) -> Option<Vec<TypedDocument<T>>> {
        let records: Vec<Record<T>> = serde_json::from_str(&self.text).ok()?;
        if records.len() != self.ids.len() {
            return None;
        }
        let documents = self.ids.iter().zip(records);
        Some(
            documents
                .map(|(id, r)| TypedDocument {
                    id: id.clone(),
                    rev: r.rev,
                    body: r.body,
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(text: &str, ids: &[&str]) -> ListingText {
        ListingText {
            ids: ids.iter().map(|s| s.to_string()).collect(),
            text: text.to_string(),
        }
    }

    #[test]
    fn decodes_each_record_with_its_id() {
        let l = listing(
            r#"[{"rev":"1-a","body":{"n":1}},{"rev":"2-b","body":{"n":2}}]"#,
            &["x", "y"],
        );
        #[derive(Deserialize, Debug, PartialEq)]
        struct Body {
            n: u32,
        }
        let docs = l.decode::<Body>().expect("both records read");
        let seen: Vec<(&str, &str, u32)> = docs
            .iter()
            .map(|d| (d.id.as_str(), d.rev.as_str(), d.body.n))
            .collect();
        assert_eq!(seen, [("x", "1-a", 1), ("y", "2-b", 2)]);
    }

    #[test]
    fn a_record_that_does_not_read_gives_none() {
        let l = listing(
            r#"[{"rev":"1-a","body":{"n":1}},{"body":{"n":2}}]"#,
            &["x", "y"],
        );
        assert!(l.decode::<serde_json::Value>().is_none());
        let short = listing(r#"[{"rev":"1-a","body":{}}]"#, &["x", "y"]);
        assert!(short.decode::<serde_json::Value>().is_none());
    }
}
