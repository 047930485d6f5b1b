//! The words that name a field in a workbook or CSV file: its machine key (`rating`) or its
//! header in any language of the catalogues ("Rating", "Notation"), trimmed, any case.

use crate::i18n::Lang;
use crate::i18n::OfficeMessages;

/// A field of a sheet: its machine key and its header word in a catalogue.
#[derive(Clone, Copy)]
pub(crate) struct Field {
    /// The key, as CSV files may name the column.
    pub(crate) key: &'static str,
    /// The header word, by language.
    pub(crate) word: fn(&OfficeMessages) -> &'static str,
}

impl Field {
    /// The field's header in `lang`.
    pub(crate) fn header(self, lang: Lang) -> &'static str {
        (self.word)(&lang.messages().office)
    }

    /// Whether a header cell names this field.
    pub(crate) fn named_by(self, text: &str) -> bool {
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        let lower = text.to_lowercase();
        lower == self.key || Lang::all().any(|l| self.header(l).to_lowercase() == lower)
    }

    /// The column of `row` that names this field, if any.
    pub(crate) fn column_in(self, row: &[String]) -> Option<usize> {
        row.iter().position(|c| self.named_by(c))
    }
}

/// Declares fields as constants: `NAME = "key", word`.
macro_rules! fields {
    ($($name:ident = $key:literal, $word:ident;)*) => {
        $(
            #[doc = concat!("The `", $key, "` field.")]
            pub(crate) const $name: Field = Field { key: $key, word: |m| m.$word };
        )*
    };
}

fields! {
    OFFICE = "office", office;
    PERIOD = "period", period;
    FRAMEWORK = "framework", framework;
    VERSION = "version", version;
    LANGUAGE = "language", language;
    ID = "id", id;
    BENCHMARK = "benchmark", benchmark;
    GUIDANCE = "guidance", guidance;
    RATING = "rating", rating;
    VALUE = "value", value;
    UNIT = "unit", unit;
    STATUS = "status", status;
    NOTE = "note", note;
    SOURCES = "sources", sources;
    VERIFICATION = "verification", verification;
    CURRENCY = "currency", currency;
    BUDGET = "budget", budget;
    ACTIVITY = "activity", activity;
    TITLE = "title", title;
    COST = "cost", cost;
    QUARTER = "quarter", quarter;
    COMMITTED = "committed", committed;
    FUNDING = "funding", funding;
    EFFECT_NOTE = "effect_note", effect_note;
}
