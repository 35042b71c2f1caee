//! The rules of workload properties (AWS's limits), one function per field.
//!
//! Each check names the camelCase field and says what the rule is and what is wrong with the
//! value, so the page can put the message next to the right box. Lengths count characters,
//! not bytes, as the console does.

use std::collections::HashSet;

use super::error::WorkspaceError;
use crate::sorted_map::SortedMap;

pub type Check = Result<(), WorkspaceError>;

/// The industry types AWS accepts, spelled exactly as AWS does.
pub const INDUSTRY_TYPES: [&str; 27] = [
    "Agriculture",
    "Automobile",
    "Defense",
    "Design and Engineering",
    "Digital Advertising",
    "Education",
    "Environmental Protection",
    "Financial Services",
    "Gaming",
    "General Public Services",
    "Healthcare",
    "Hospitality",
    "InfoTech",
    "Justice and Public Safety",
    "Life Sciences",
    "Manufacturing",
    "Media & Entertainment",
    "Mining & Resources",
    "Oil & Gas",
    "Power & Utilities",
    "Professional Services",
    "Real Estate & Construction",
    "Retail & Wholesale",
    "Social Protection",
    "Telecommunications",
    "Travel, Transportation & Logistics",
    "Other",
];

pub const MAX_LENSES: usize = 20;
pub const MAX_MILESTONES: usize = 100;

fn fail(field: &str, message: impl Into<String>) -> Check {
    Err(WorkspaceError::validation(field, message))
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// A length rule: `min..=max` characters.
pub fn length(field: &str, value: &str, min: usize, max: usize) -> Check {
    let n = chars(value);
    if n < min || n > max {
        let rule = if min == 0 {
            format!("at most {max} characters")
        } else {
            format!("{min} to {max} characters")
        };
        return fail(field, format!("must be {rule}; this one has {n}"));
    }
    Ok(())
}

/// Workload and milestone names: 3..100 characters, at least 3 of them not whitespace.
pub fn name(field: &str, value: &str) -> Check {
    length(field, value, 3, 100)?;
    at_least_three_visible(field, value)
}

/// Whether `c` shows nothing where it stands: whitespace, or a Unicode format character
/// (general category Cf) such as U+200B ZERO WIDTH SPACE. design.md counts the second kind as
/// whitespace, so that five U+200B are not a name and `Check\u{200b}out` is `Checkout`.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_format_character(c)
}

/// General category Cf, as of Unicode 15.1 (the standard library has no category lookup, and a
/// dependency for one table is not worth its bytes in the wasm engine).
pub fn is_format_character(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{600}'..='\u{605}'
            | '\u{61c}'
            | '\u{6dd}'
            | '\u{70f}'
            | '\u{890}'..='\u{891}'
            | '\u{8e2}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{110bd}'
            | '\u{110cd}'
            | '\u{13430}'..='\u{1343f}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0001}'
            | '\u{e0020}'..='\u{e007f}'
    )
}

fn at_least_three_visible(field: &str, value: &str) -> Check {
    let visible = value.chars().filter(|&c| !is_blank(c)).count();
    if visible < 3 {
        return fail(
            field,
            format!(
                "must have at least 3 characters that are not whitespace (invisible format characters such as U+200B count as whitespace); this one has {visible}"
            ),
        );
    }
    Ok(())
}

/// The form names are compared in: case, every whitespace character and every invisible
/// format character ignored.
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|&c| !is_blank(c))
        .flat_map(crate::case::lowercase_char)
        .collect()
}

pub fn description(value: &str) -> Check {
    length("description", value, 3, 250)
}

pub fn review_owner(value: &str) -> Check {
    length("reviewOwner", value, 3, 255)?;
    at_least_three_visible("reviewOwner", value)
}

pub fn notes(field: &str, value: &str) -> Check {
    length(field, value, 0, 2084)
}

pub fn industry(value: &str) -> Check {
    length("industry", value, 0, 100)
}

pub fn industry_type(value: &str) -> Check {
    if value.is_empty() || INDUSTRY_TYPES.contains(&value) {
        return Ok(());
    }
    fail(
        "industryType",
        format!(
            "must be one of the AWS industry types ({}); `{value}` is not",
            INDUSTRY_TYPES.join("; ")
        ),
    )
}

fn unique(field: &str, values: &[String]) -> Check {
    let mut seen = HashSet::new();
    for v in values {
        if !seen.insert(v) {
            return fail(field, format!("values must be unique; `{v}` appears twice"));
        }
    }
    Ok(())
}

fn at_most(field: &str, values: &[String], max: usize, what: &str) -> Check {
    if values.len() > max {
        return fail(
            field,
            format!("at most {max} {what}; {} were given", values.len()),
        );
    }
    Ok(())
}

/// AWS Region codes such as `us-east-1`, `us-gov-west-1`, `ap-southeast-2`.
pub fn aws_regions(values: &[String]) -> Check {
    const FIELD: &str = "awsRegions";
    at_most(FIELD, values, 50, "AWS Regions")?;
    unique(FIELD, values)?;
    for v in values {
        if !is_region_code(v) {
            return fail(
                FIELD,
                format!("`{v}` is not an AWS Region code; codes look like `us-east-1` or `eu-central-2`"),
            );
        }
    }
    Ok(())
}

/// Two letters, one or more lowercase words, a number: `us-east-1`, `us-gov-west-1`.
fn is_region_code(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let lower = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase());
    parts.len() >= 3
        && s.len() <= 100
        && parts[0].len() == 2
        && lower(parts[0])
        && parts[1..parts.len() - 1].iter().all(|p| lower(p))
        && matches!(parts[parts.len() - 1].len(), 1 | 2)
        && parts[parts.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

pub fn non_aws_regions(values: &[String]) -> Check {
    const FIELD: &str = "nonAwsRegions";
    at_most(FIELD, values, 5, "non-AWS regions")?;
    unique(FIELD, values)?;
    for v in values {
        let n = chars(v);
        if !(3..=25).contains(&n) {
            return fail(
                FIELD,
                format!("each region name must be 3 to 25 characters; `{v}` has {n}"),
            );
        }
    }
    Ok(())
}

pub fn account_ids(values: &[String]) -> Check {
    const FIELD: &str = "accountIds";
    at_most(FIELD, values, 100, "account ids")?;
    unique(FIELD, values)?;
    for v in values {
        if v.len() != 12 || !v.bytes().all(|b| b.is_ascii_digit()) {
            return fail(
                FIELD,
                format!("an AWS account id is exactly 12 digits; `{v}` is not"),
            );
        }
    }
    Ok(())
}

/// Empty, or an http, https or ftp URL of at most 2048 characters (AWS's pattern).
pub fn architectural_design(value: &str) -> Check {
    const FIELD: &str = "architecturalDesign";
    length(FIELD, value, 0, 2048)?;
    if value.is_empty() {
        return Ok(());
    }
    let rest = ["http://", "https://", "ftp://"]
        .iter()
        .find_map(|scheme| value.strip_prefix(scheme));
    let well_formed = rest.is_some_and(|rest| {
        // AWS: `(https?|ftp)://[^\s/$.?#].[^\s]*` — a host that starts sensibly, no spaces.
        let mut it = rest.chars();
        let first_ok = it
            .next()
            .is_some_and(|c| !c.is_whitespace() && !"/$.?#".contains(c));
        first_ok && it.next().is_some() && !rest.chars().any(char::is_whitespace)
    });
    if !well_formed {
        return fail(
            FIELD,
            format!("must be a URL starting with http://, https:// or ftp:// and without spaces; `{value}` is not"),
        );
    }
    Ok(())
}

pub fn tags(tags: &SortedMap<String, String>) -> Check {
    const FIELD: &str = "tags";
    if tags.len() > 50 {
        return fail(FIELD, format!("at most 50 tags; {} were given", tags.len()));
    }
    for (key, value) in tags {
        let n = chars(key);
        if !(1..=128).contains(&n) {
            return fail(
                FIELD,
                format!("a tag key must be 1 to 128 characters; `{key}` has {n}"),
            );
        }
        if key.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:")) {
            return fail(
                FIELD,
                format!("tag keys starting with `aws:` are reserved for AWS; `{key}` is one"),
            );
        }
        let m = chars(value);
        if m > 256 {
            return fail(
                FIELD,
                format!("a tag value must be at most 256 characters; the value of `{key}` has {m}"),
            );
        }
    }
    Ok(())
}

/// AWS requires at least one Region of either kind.
pub fn some_region(aws: &[String], non_aws: &[String]) -> Check {
    if aws.is_empty() && non_aws.is_empty() {
        return fail(
            "awsRegions",
            "give at least one AWS Region or non-AWS region; both lists are empty",
        );
    }
    Ok(())
}

/// Pillar ids of the applied lenses, each at most once.
pub fn pillar_priorities(values: &[String], known: &[&str]) -> Check {
    const FIELD: &str = "pillarPriorities";
    unique(FIELD, values)?;
    for v in values {
        if !known.contains(&v.as_str()) {
            return fail(
                FIELD,
                format!(
                    "`{v}` is not a pillar of the applied lenses (known pillars: {})",
                    known.join(", ")
                ),
            );
        }
    }
    Ok(())
}

/// The text of a required field, or a validation error naming it.
pub fn required<'a>(field: &str, value: Option<&'a String>) -> Result<&'a str, WorkspaceError> {
    match value {
        Some(v) => Ok(v),
        None => Err(WorkspaceError::validation(field, "is required")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_codes() {
        for ok in [
            "us-east-1",
            "us-gov-west-1",
            "ap-southeast-2",
            "il-central-1",
        ] {
            assert!(is_region_code(ok), "{ok}");
        }
        for bad in [
            "us-east",
            "US-east-1",
            "useast1",
            "u-east-1",
            "us--1",
            "us-east-123",
            "",
        ] {
            assert!(!is_region_code(bad), "{bad}");
        }
    }

    #[test]
    fn name_keys_ignore_case_and_whitespace() {
        assert_eq!(name_key(" Retail  Web\tSite "), "retailwebsite");
        assert_eq!(name_key("ÄBC"), name_key("äbc"));
        assert_eq!(name_key("Check\u{200b}out\u{feff}"), name_key("Checkout"));
    }

    #[test]
    fn format_characters_are_blank_and_letters_are_not() {
        for c in [
            '\u{ad}',
            '\u{200b}',
            '\u{200c}',
            '\u{200d}',
            '\u{2060}',
            '\u{feff}',
            '\u{202e}',
            '\u{e0041}',
            '\u{1d173}',
        ] {
            assert!(is_blank(c), "U+{:04X}", c as u32);
        }
        for c in ['a', 'é', '-', '\u{2010}', '\u{fffc}', '😀'] {
            assert!(!is_blank(c), "U+{:04X}", c as u32);
        }
    }
}
