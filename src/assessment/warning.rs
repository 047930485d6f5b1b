//! Warnings of resolving an assessment: a code, the benchmark concerned and named parameters,
//! worded only from the catalogues (English for the JSON document's `message`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::id::Id;

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningCode {
    /// A benchmark without evidence took the lowest rating.
    MissingEvidence,
    /// A benchmark rated not applicable has no note saying why.
    NotApplicableWithoutNote,
    /// The assessment was written for another version of the framework.
    VersionMismatch,
    /// The assessment was written for another framework (only when explicitly allowed).
    FrameworkMismatch,
    /// Evidence for a benchmark the framework does not have was left out (only when
    /// explicitly allowed).
    UnknownBenchmarkIgnored,
    /// A plan names another office than its baseline assessment (projections only).
    OfficeMismatch,
}

/// Something an assessor should look at; never fatal. A code with the values its message
/// names: the wording is the catalogue's ([`Warning::message`]), in any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// What kind of warning.
    pub code: WarningCode,
    /// The benchmark concerned, if any.
    pub benchmark: Option<Id>,
    /// The values the message names, by placeholder (`written`, `scored`, `rating`, …).
    pub params: Vec<(&'static str, String)>,
}

impl Warning {
    /// A warning with its values.
    pub fn new(
        code: WarningCode,
        benchmark: Option<Id>,
        params: Vec<(&'static str, String)>,
    ) -> Warning {
        Warning {
            code,
            benchmark,
            params,
        }
    }

    /// The warning worded in `lang`; `rating_label` gives the label of a rating id in that
    /// language (the `{rating_label}` placeholder).
    ///
    /// ```
    /// use gender_seal::{i18n::Lang, Warning, WarningCode};
    /// let w = Warning::new(WarningCode::MissingEvidence, Some("CK4".into()),
    ///     vec![("benchmark", "CK4".into()), ("rating", "not_met".into())]);
    /// assert_eq!(w.message(Lang::EN, |id| id.to_string()),
    ///     "no evidence for CK4: rated 'not_met', the lowest rating");
    /// assert_eq!(w.message(Lang::FR, |_| "Non atteint".to_string()),
    ///     "aucune preuve pour CK4 : noté « Non atteint », la note la plus basse");
    /// ```
    pub fn message(&self, lang: Lang, rating_label: impl Fn(&str) -> String) -> String {
        let m = &lang.messages().warnings;
        let template = match self.code {
            WarningCode::MissingEvidence => m.missing_evidence,
            WarningCode::NotApplicableWithoutNote => m.not_applicable_without_note,
            WarningCode::VersionMismatch => m.version_mismatch,
            WarningCode::FrameworkMismatch => m.framework_mismatch,
            WarningCode::UnknownBenchmarkIgnored => m.unknown_benchmark_ignored,
            WarningCode::OfficeMismatch => m.office_mismatch,
        };
        let mut text = crate::i18n::fill(template, &self.params);
        if text.contains("{rating_label}") {
            let rating = self
                .params
                .iter()
                .find(|(k, _)| *k == "rating")
                .map_or_else(String::new, |(_, v)| rating_label(v));
            text = text.replace("{rating_label}", &rating);
        }
        text
    }
}

/// As JSON: the code, the benchmark and the message in English (JSON is locale-free).
impl Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        WarningDocument {
            code: self.code,
            benchmark: self.benchmark.as_ref(),
            message: self.message(Lang::EN, |id| id.to_string()),
        }
        .serialize(s)
    }
}

impl JsonSchema for Warning {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        WarningDocument::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        WarningDocument::json_schema(generator)
    }
}

/// Something an assessor should look at; never fatal.
#[derive(Serialize, JsonSchema)]
#[schemars(rename = "Warning")]
struct WarningDocument<'a> {
    /// What kind of warning.
    code: WarningCode,
    /// The benchmark concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    benchmark: Option<&'a Id>,
    /// English message.
    message: String,
}
