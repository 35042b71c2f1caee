//! Which keys each level of a lens file may have, and what an unexpected key most likely is.
//!
//! Unknown keys are common in real lenses (`_version`, `number`, ...) and harmless: a warning.
//! Two kinds are not harmless, because the author clearly meant data that will silently vanish:
//! a known key in the wrong case (`Url`), and a content-carrying key at a level where the
//! format does not have it (a question-level `url` or `additionalResources`). Those are errors.

/// A kind of object in a lens file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Lens,
    Pillar,
    Question,
    Choice,
    /// `helpfulResource` or `improvementPlan`.
    Resource,
    /// An item of a choice's `additionalResources`.
    AdditionalResources,
    /// An item of an additionalResources `content` array.
    ContentItem,
    RiskRule,
}

impl Level {
    /// The keys the lens format defines at this level.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            // `profilePriorities` is Plumbline's extension (profile choice → question ids).
            Level::Lens => &[
                "schemaVersion",
                "name",
                "description",
                "pillars",
                "profilePriorities",
            ],
            Level::Pillar => &["id", "name", "questions"],
            Level::Question => &[
                "id",
                "title",
                "description",
                "helpfulResource",
                "choices",
                "riskRules",
            ],
            Level::Choice => &[
                "id",
                "title",
                "description",
                "helpfulResource",
                "improvementPlan",
                "additionalResources",
            ],
            Level::Resource | Level::ContentItem => &["displayText", "url"],
            Level::AdditionalResources => &["type", "content"],
            Level::RiskRule => &["condition", "risk"],
        }
    }

    /// How messages name an object of this level.
    pub fn noun(self) -> &'static str {
        match self {
            Level::Lens => "the lens",
            Level::Pillar => "a pillar",
            Level::Question => "a question",
            Level::Choice => "a choice",
            Level::Resource => "a helpfulResource or improvementPlan",
            Level::AdditionalResources => "an additionalResources item",
            Level::ContentItem => "a content item",
            Level::RiskRule => "a risk rule",
        }
    }
}

/// What an object key is, at the level it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyVerdict {
    Known,
    /// Known, but outside the lens format (choice `description`): kept, with a warning.
    Undocumented,
    /// Differs from `expected` only in letter case.
    CaseMismatch {
        expected: &'static str,
    },
    /// Belongs elsewhere; `hint` says where.
    WrongLevel {
        key: &'static str,
        hint: &'static str,
    },
    Unknown,
}

pub fn classify(level: Level, key: &str) -> KeyVerdict {
    if is_known(level, key) {
        if level == Level::Choice && key == "description" {
            return KeyVerdict::Undocumented;
        }
        return KeyVerdict::Known;
    }
    if let Some(expected) = level.keys().iter().find(|k| k.eq_ignore_ascii_case(key)) {
        return KeyVerdict::CaseMismatch { expected };
    }
    if let Some((right, hint)) = misplaced(level, key) {
        return KeyVerdict::WrongLevel { key: right, hint };
    }
    KeyVerdict::Unknown
}

/// [`Level::keys`] as a `match`, which compiles to length-then-bytes comparisons: this runs for
/// every key of the file.
fn is_known(level: Level, key: &str) -> bool {
    use Level::*;
    matches!(
        (level, key),
        (
            Lens,
            "schemaVersion" | "name" | "description" | "pillars" | "profilePriorities"
        ) | (Pillar, "id" | "name" | "questions")
            | (
                Question,
                "id" | "title" | "description" | "helpfulResource" | "choices" | "riskRules"
            )
            | (
                Choice,
                "id" | "title"
                    | "description"
                    | "helpfulResource"
                    | "improvementPlan"
                    | "additionalResources"
            )
            | (Resource | ContentItem, "displayText" | "url")
            | (AdditionalResources, "type" | "content")
            | (RiskRule, "condition" | "risk")
    )
}

/// Content-carrying keys and where they belong. Plain metadata keys (`id`, `name`, `title`,
/// `description`) are deliberately absent: at a foreign level they are extensions (a pillar
/// `description` is common), so they stay warnings.
fn misplaced(level: Level, key: &str) -> Option<(&'static str, &'static str)> {
    const WHERE: &[(&str, &str)] = &[
        ("schemaVersion", "it belongs at the top level of the lens"),
        ("pillars", "it belongs at the top level of the lens"),
        ("questions", "questions belong in a pillar's `questions`"),
        ("choices", "choices belong in a question's `choices`"),
        ("riskRules", "risk rules belong in a question's `riskRules`"),
        ("improvementPlan", "an improvementPlan belongs on a choice"),
        (
            "additionalResources",
            "additionalResources belong on a choice",
        ),
        (
            "helpfulResource",
            "a helpfulResource belongs on a question or a choice",
        ),
    ];
    // Generic words: only where an author plausibly forgot the wrapper around them.
    const WRAPPED: &[(Level, &str, &str)] = &[
        (
            Level::Question,
            "condition",
            "a condition belongs in a `riskRules` item",
        ),
        (
            Level::Question,
            "risk",
            "a risk belongs in a `riskRules` item",
        ),
        (
            Level::Choice,
            "type",
            "`type` belongs in an `additionalResources` item",
        ),
        (
            Level::Choice,
            "content",
            "`content` belongs in an `additionalResources` item",
        ),
    ];
    let (right, hint) = match key.to_ascii_lowercase().as_str() {
        // Links and their text have a home at every level that shows text.
        "url" | "displaytext" => {
            let right = if key.eq_ignore_ascii_case("url") {
                "url"
            } else {
                "displayText"
            };
            let hint = match level {
                Level::AdditionalResources => "put it in a `content` item of this entry",
                Level::Question => "put it in the question's `helpfulResource`",
                Level::Choice => "put it in the choice's `helpfulResource` or `improvementPlan`",
                _ => "it belongs in a `helpfulResource` or `improvementPlan`",
            };
            (right, hint)
        }
        lower => WHERE
            .iter()
            .map(|(k, hint)| (level, *k, *hint))
            .chain(WRAPPED.iter().copied())
            .find(|(l, k, _)| *l == level && k.to_ascii_lowercase() == lower)
            .map(|(_, k, hint)| (k, hint))?,
    };
    Some((right, hint))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_keys_agree_with_the_key_lists() {
        use Level::*;
        let levels = [
            Lens,
            Pillar,
            Question,
            Choice,
            Resource,
            AdditionalResources,
            ContentItem,
            RiskRule,
        ];
        let all: Vec<&str> = levels
            .iter()
            .flat_map(|l| l.keys().iter().copied())
            .collect();
        for level in levels {
            for key in &all {
                assert_eq!(
                    is_known(level, key),
                    level.keys().contains(key),
                    "{level:?} {key}"
                );
            }
        }
    }

    #[test]
    fn verdicts() {
        assert_eq!(classify(Level::Question, "title"), KeyVerdict::Known);
        assert_eq!(
            classify(Level::Choice, "description"),
            KeyVerdict::Undocumented
        );
        assert_eq!(
            classify(Level::Resource, "Url"),
            KeyVerdict::CaseMismatch { expected: "url" }
        );
        assert!(matches!(
            classify(Level::Question, "url"),
            KeyVerdict::WrongLevel { key: "url", .. }
        ));
        assert!(matches!(
            classify(Level::Question, "additionalResources"),
            KeyVerdict::WrongLevel { .. }
        ));
        assert_eq!(classify(Level::Pillar, "description"), KeyVerdict::Unknown);
        assert_eq!(classify(Level::Lens, "_version"), KeyVerdict::Unknown);
    }
}
