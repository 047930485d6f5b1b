//! JSON Schemas (draft 2020-12) of every file format, generated from the Rust types that read
//! or write them, so they cannot say something the code does not do. The published copies live
//! in `docs/schema/KIND.json`; a test fails when they drift from the types.
//!
//! ```
//! let schema = gender_seal::schema::schema("assessment")?;
//! assert_eq!(schema["title"], "Assessment");
//! assert_eq!(schema["additionalProperties"], false); // unknown fields are errors
//! # Ok::<(), gender_seal::Error>(())
//! ```

use schemars::JsonSchema;
use schemars::generate::{Contract, SchemaSettings};
use serde_json::Value;

use crate::error::{Error, ErrorKind, Result};

/// What a format is: read by the library (its schema describes what is accepted) or written
/// by it (what is produced).
#[derive(Clone, Copy)]
enum Role {
    Input,
    Output,
}

/// Generates the schema of one type for a contract.
type Generate = fn(Contract) -> schemars::Schema;

/// Every kind: name, role, and the type that reads or writes it. Adding a format is one line.
const KINDS: &[(&str, Role, Generate)] = &[
    ("framework", Role::Input, generate::<crate::RawFramework>),
    ("assessment", Role::Input, generate::<crate::Assessment>),
    (
        "expectations",
        Role::Input,
        generate::<crate::expect::Expectations>,
    ),
    ("plan", Role::Input, generate::<crate::plan::PlanFile>),
    ("scorecard", Role::Output, generate::<crate::Scorecard>),
    (
        "check-report",
        Role::Output,
        generate::<crate::expect::Report>,
    ),
    ("diff-report", Role::Output, generate::<crate::diff::Diff>),
    ("plan-report", Role::Output, generate::<crate::plan::WhatIf>),
    (
        "explain-report",
        Role::Output,
        generate::<crate::explain::Explanation>,
    ),
    (
        "history-report",
        Role::Output,
        generate::<crate::history::History>,
    ),
];

fn generate<T: JsonSchema>(contract: Contract) -> schemars::Schema {
    let mut settings = SchemaSettings::draft2020_12();
    settings.contract = contract;
    settings.into_generator().into_root_schema_for::<T>()
}

/// The names of every kind, in a fixed order.
pub fn kinds() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|(k, _, _)| *k)
}

/// The JSON Schema of a kind of file: `framework`, `assessment`, `expectations`, `plan`
/// (inputs: what is accepted), `scorecard`, `check-report`, `diff-report`, `plan-report`,
/// `explain-report`, `history-report` (outputs: what `score`, `check`, `diff`, `plan`,
/// `explain` and `history` print with `--format json`).
///
/// # Errors
///
/// [`ErrorKind::Request`] for an unknown kind.
pub fn schema(kind: &str) -> Result<Value> {
    let Some((_, role, make)) = KINDS.iter().find(|(k, _, _)| *k == kind) else {
        return Err(Error::new(
            ErrorKind::Request,
            "",
            format!(
                "unknown schema kind '{kind}'{}; expected one of {}",
                crate::did_you_mean::did_you_mean(kind, kinds()),
                kinds().collect::<Vec<_>>().join(", ")
            ),
        ));
    };
    let contract = match role {
        Role::Input => Contract::Deserialize,
        Role::Output => Contract::Serialize,
    };
    let mut value = make(contract).to_value();
    tidy_descriptions(&mut value);
    Ok(value)
}

/// Doc comments become descriptions: keep their prose for readers of the schema, without the
/// Rust examples, the intra-doc link brackets and the hard line wraps.
fn tidy_descriptions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(text) if key == "description" => *text = prose(text),
                    _ => tidy_descriptions(v),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(tidy_descriptions),
        _ => {}
    }
}

fn prose(doc: &str) -> String {
    doc.split("\n\n")
        .take_while(|para| !para.trim_start().starts_with("```"))
        .map(|para| {
            para.split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
        .replace("[`", "`")
        .replace("`]", "`")
}

/// The schema of a kind as the published file holds it: pretty JSON with a final newline.
///
/// # Errors
///
/// As [`schema`].
pub fn schema_text(kind: &str) -> Result<String> {
    schema(kind).map(|v| crate::report::json(&v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_generates_an_object_schema() {
        for kind in kinds() {
            let s = schema(kind).unwrap_or_default();
            assert_eq!(
                s["$schema"], "https://json-schema.org/draft/2020-12/schema",
                "{kind}"
            );
            assert_eq!(s["type"], "object", "{kind}");
        }
    }

    #[test]
    fn descriptions_are_prose() {
        assert_eq!(
            prose("One line\nwrapped, see [`Foo`].\n\nNext.\n\n```\ncode\n```\n\nAfter."),
            "One line wrapped, see `Foo`.\n\nNext."
        );
    }

    #[test]
    fn unknown_kind_suggests() {
        let e = schema("scorecrd").map(|_| ()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Request);
        assert!(
            e.problems()[0].message.contains("did you mean 'scorecard'"),
            "{e}"
        );
    }
}
