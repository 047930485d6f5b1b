//! The tier ladder (docs/methodology.md): cumulative gates, the awarded tier and its "strong" qualifier,
//! blocked tiers, the gap to the next tier, and ranks and targets.

use std::fmt;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use std::sync::Arc;

use crate::assessment::Entry;
use crate::error::{Error, ErrorKind, Result};
use crate::framework::{Framework, Gate, NOT_APPLICABLE_ID};
use crate::i18n::Lang;
use crate::id::Id;
use crate::num::decimal::{self, Number, Ratio};
use crate::num::fraction::Percent;

/// The rank of a result: the awarded tier's level (1-based position in the ladder, 0 for none)
/// and whether it is strong, compared in that order.
///
/// ```
/// use gender_seal::Rank;
/// let silver_strong = Rank { level: 2, strong: true };
/// let gold = Rank { level: 3, strong: false };
/// assert!(gold > silver_strong);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
pub struct Rank {
    /// Level of the awarded tier; 0 for none.
    pub level: usize,
    /// Whether it is strong.
    pub strong: bool,
}

impl Rank {
    /// Parses a target such as `gold` or `silver:strong` against a framework's ladder. A tier
    /// may be named by its id or by its label in `lang` (`or`, `Argent`), its strong label
    /// naming the strong rank (`Argent-fort`); the qualifier is `strong` or its word in `lang`
    /// (`argent:fort`). Case does not matter.
    ///
    /// ```
    /// use gender_seal::{i18n::Lang, Framework, Rank};
    /// let fw = Framework::builtin("undp-gender-seal-co", "2021.2").unwrap();
    /// let silver_strong = Rank { level: 2, strong: true };
    /// assert_eq!(Rank::parse_target(&fw, "silver:strong", Lang::EN).unwrap(), silver_strong);
    /// assert_eq!(Rank::parse_target(&fw, "argent:fort", Lang::FR).unwrap(), silver_strong);
    /// assert_eq!(Rank::parse_target(&fw, "Argent-fort", Lang::FR).unwrap(), silver_strong);
    /// assert_eq!(Rank::parse_target(&fw, "or", Lang::FR).unwrap().level, 3);
    /// assert!(Rank::parse_target(&fw, "platinum", Lang::EN).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Request`] for an unknown tier or qualifier, or a strong target on a tier
    /// without `strong_from`.
    pub fn parse_target(fw: &Framework, target: &str, lang: Lang) -> Result<Rank> {
        let request = |message: String| Error::new(ErrorKind::Request, "", message);
        let same = |a: &str, b: &str| a.to_lowercase() == b.to_lowercase();
        let word = lang.messages().common.strong;
        let (name, strong) = match target.split_once(':') {
            Some((name, q)) if same(q, "strong") || same(q, word) => (name, true),
            Some((_, q)) => {
                let also = if word == "strong" {
                    String::new()
                } else {
                    format!(" (or ':{word}')")
                };
                return Err(request(format!(
                    "unknown qualifier '{q}' in target '{target}'; only ':strong'{also} exists"
                )));
            }
            None => (target, false),
        };
        let tiers = fw.tiers();
        let by_name = tiers
            .iter()
            .position(|t| same(&t.id, name) || same(&t.label.get(lang), name))
            .map(|pos| (pos, strong));
        let by_strong_label = || {
            tiers
                .iter()
                .position(|t| {
                    t.strong_label
                        .as_ref()
                        .is_some_and(|l| same(&l.get(lang), name))
                })
                .map(|pos| (pos, true))
        };
        let Some((pos, strong)) = by_name.or_else(by_strong_label) else {
            let ladder: Vec<String> = tiers
                .iter()
                .map(|t| format!("{} ({})", t.id, t.label.get(lang)))
                .collect();
            return Err(request(format!(
                "unknown target tier '{name}'; the ladder is {}",
                ladder.join(", ")
            )));
        };
        if strong && tiers[pos].strong_from.is_none() {
            return Err(request(format!(
                "tier '{}' has no strong qualifier",
                tiers[pos].id
            )));
        }
        Ok(Rank {
            level: pos + 1,
            strong,
        })
    }
}

impl fmt::Display for Rank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({}, {})", self.level, u8::from(self.strong))
    }
}

/// What the scorer knows when it checks gates: each benchmark's rating index (`None` when not
/// applicable) and each dimension's unrounded percentage (`None` when none is applicable), as a
/// big rational or a [`Fraction`](crate::num::fraction::Fraction), computed when a gate asks.
pub(crate) struct GateInput<'a, P = Ratio> {
    pub ratings: &'a dyn Fn(usize) -> Option<usize>,
    pub dimensions: &'a dyn Fn(usize) -> Option<P>,
}

impl<P: Percent> GateInput<'_, P> {
    /// Whether a gate holds (docs/methodology.md).
    pub(crate) fn holds(&self, gate: &Gate) -> bool {
        match gate {
            Gate::Benchmark {
                benchmark,
                at_least,
            } => (self.ratings)(*benchmark).is_some_and(|r| r >= *at_least),
            Gate::Dimension {
                dimension,
                at_least_percent,
            } => (self.dimensions)(*dimension).is_some_and(|p| p.at_least(*at_least_percent)),
        }
    }
}

/// A tier the result does not reach for its gates, or the next tier: its index and how many
/// of [`Award::failing`] are its gates and lower tiers' (a prefix: gates are cumulative).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shortfall {
    pub tier: usize,
    pub failing: usize,
}

/// The outcome of the ladder for one official percentage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Award {
    /// Index of the awarded tier.
    pub awarded: Option<usize>,
    /// Whether the awarded tier is strong.
    pub strong: bool,
    /// Every failing gate as `(tier index, gate index)`, in ladder order.
    pub failing: Vec<(usize, usize)>,
    /// Tiers above the awarded one whose `min` is reached but whose gates fail.
    pub blocked: Vec<Shortfall>,
    /// The lowest tier above the awarded one, with the points still missing.
    pub next: Option<(Shortfall, Decimal)>,
}

impl Award {
    /// The rank of this outcome.
    pub(crate) fn rank(&self) -> Rank {
        Rank {
            level: self.awarded.map_or(0, |t| t + 1),
            strong: self.strong,
        }
    }

    /// The failing gates of a shortfall: its own tier's and lower tiers'.
    pub(crate) fn failing(&self, s: &Shortfall) -> &[(usize, usize)] {
        self.failing.get(..s.failing).unwrap_or(&self.failing)
    }
}

/// Climbs the ladder (docs/methodology.md). `official` is the rounded percentage.
pub(crate) fn award<P: Percent>(
    fw: &Framework,
    official: Decimal,
    gates: &GateInput<'_, P>,
) -> Award {
    let tiers = fw.tiers();
    // The official figure has at most 6 decimals (docs/formats.md): compared in millionths, exactly.
    let official_micros = crate::num::decimal::micros_of(official);
    let reaches = |n: Number| match official_micros {
        Some(m) => m >= i128::from(n.micros()),
        None => official >= n.value(),
    };
    // Gates are cumulative, so the gates failing up to a tier are a prefix of one list, and
    // the number failing never decreases up the ladder: a tier reached with a failing gate is
    // above every tier that can be awarded, so it is blocked.
    let mut failing: Vec<(usize, usize)> = Vec::new();
    let mut blocked = Vec::new();
    let mut awarded = None;
    for (ti, tier) in tiers.iter().enumerate() {
        for (gi, gate) in tier.gates.iter().enumerate() {
            if !gates.holds(gate) {
                failing.push((ti, gi));
            }
        }
        if reaches(tier.min) {
            if failing.is_empty() {
                awarded = Some(ti);
            } else {
                blocked.push(Shortfall {
                    tier: ti,
                    failing: failing.len(),
                });
            }
        }
    }
    let above = awarded.map_or(0, |a| a + 1);
    let next = tiers.get(above).map(|t| {
        let missing = if reaches(t.min) {
            Decimal::ZERO
        } else {
            t.min.value() - official
        };
        let shortfall = Shortfall {
            tier: above,
            failing: failing.iter().take_while(|(ti, _)| *ti <= above).count(),
        };
        (shortfall, missing)
    });
    let strong = awarded
        .and_then(|a| tiers.get(a))
        .and_then(|t| t.strong_from)
        .is_some_and(reaches);
    Award {
        awarded,
        strong,
        failing,
        blocked,
        next,
    }
}

/// The awarded tier of a rank, labels in `lang`; `None` for rank 0.
pub(crate) fn tier_result(fw: &Framework, rank: Rank, lang: Lang) -> Option<TierResult> {
    let tier = fw.tiers().get(rank.level.checked_sub(1)?)?;
    let label = match (&tier.strong_label, rank.strong) {
        (Some(l), true) => l.get(lang),
        _ => tier.label.get(lang),
    };
    Some(TierResult {
        id: tier.id.clone(),
        level: rank.level,
        strong: rank.strong,
        label,
    })
}

/// A failing gate, with the actual rating or percentage (`percent` gives a dimension's
/// unrounded percentage).
pub(crate) fn gate_failure<P: Percent>(
    fw: &Framework,
    tier: usize,
    gate: usize,
    entries: &[Entry],
    percent: &dyn Fn(usize) -> Option<P>,
) -> GateFailure {
    let t = &fw.tiers()[tier];
    match &t.gates[gate] {
        Gate::Benchmark {
            benchmark,
            at_least,
        } => GateFailure::Benchmark {
            tier: t.id.clone(),
            benchmark: fw.benchmarks()[*benchmark].id.clone(),
            required: fw.ratings()[*at_least].id.clone(),
            actual: entries[*benchmark]
                .rating
                .map_or_else(|| NOT_APPLICABLE_ID.clone(), |r| fw.ratings()[r].id.clone()),
        },
        Gate::Dimension {
            dimension,
            at_least_percent,
        } => GateFailure::Dimension {
            tier: t.id.clone(),
            dimension: fw.dimensions()[*dimension].id.clone(),
            required_percent: *at_least_percent,
            actual_percent: percent(*dimension)
                .as_ref()
                .map(crate::num::fraction::report4),
        },
    }
}

/// The awarded tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TierResult {
    /// Tier id.
    pub id: Id,
    /// 1-based position in the ladder.
    pub level: usize,
    /// Whether the official percentage reaches `strong_from`.
    pub strong: bool,
    /// Label (the strong label when strong).
    pub label: Arc<str>,
}

/// A tier not reached: a blocked tier, or the next one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TierShortfall {
    /// Tier id.
    pub id: Id,
    /// 1-based position in the ladder.
    pub level: usize,
    /// Label.
    pub label: Arc<str>,
    /// Percentage points still missing: max(0, min − official).
    #[serde(with = "decimal::string")]
    #[schemars(with = "decimal::DecimalString")]
    pub points_missing: Decimal,
    /// Gates failing, this tier's and lower tiers' (gates are cumulative).
    pub failing: Vec<GateFailure>,
}

/// A gate that does not hold, with the actual rating or percentage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum GateFailure {
    /// A benchmark rated below the gate (or not applicable).
    Benchmark {
        /// Tier whose gate this is.
        tier: Id,
        /// Benchmark id.
        benchmark: Id,
        /// Lowest passing rating id.
        required: Id,
        /// Actual rating id, or `not_applicable`.
        actual: Id,
    },
    /// A dimension below the gate's percentage (or with nothing applicable: `actual` null).
    Dimension {
        /// Tier whose gate this is.
        tier: Id,
        /// Dimension id.
        dimension: Id,
        /// Lowest passing unrounded percentage.
        required_percent: Number,
        /// Actual percentage, rounded half-even to 4 decimals; null when none applicable.
        #[serde(with = "decimal::string::option")]
        #[schemars(with = "Option<decimal::DecimalString>")]
        actual_percent: Option<Decimal>,
    },
}
