//! The tier ladder (SPEC §6): cumulative gates, the awarded tier and its "strong" qualifier,
//! blocked tiers, the gap to the next tier, and ranks and targets.

use std::fmt;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::decimal::{Number, Ratio};
use crate::error::{Error, ErrorKind, Result};
use crate::fraction::Percent;
use crate::framework::{Framework, Gate};

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
    /// Parses a target such as `gold` or `silver:strong` against a framework's ladder.
    ///
    /// ```
    /// use gender_seal::{Framework, Rank};
    /// let fw = Framework::builtin("undp-gender-seal-co", "2021.1").unwrap();
    /// assert_eq!(Rank::parse_target(&fw, "silver:strong").unwrap(), Rank { level: 2, strong: true });
    /// assert!(Rank::parse_target(&fw, "platinum").is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Request`] for an unknown tier, or `:strong` on a tier without
    /// `strong_from`.
    pub fn parse_target(fw: &Framework, target: &str) -> Result<Rank> {
        let (id, strong) = match target.split_once(':') {
            Some((id, "strong")) => (id, true),
            Some((_, q)) => {
                return Err(Error::new(
                    ErrorKind::Request,
                    "",
                    format!("unknown qualifier '{q}' in target '{target}'; only ':strong' exists"),
                ));
            }
            None => (target, false),
        };
        let tiers = fw.tiers();
        let Some(pos) = tiers.iter().position(|t| &*t.id == id) else {
            return Err(Error::new(
                ErrorKind::Request,
                "",
                format!(
                    "unknown target tier '{id}'; the ladder is {}",
                    tiers.iter().map(|t| &*t.id).collect::<Vec<_>>().join(", ")
                ),
            ));
        };
        if strong && tiers[pos].strong_from.is_none() {
            return Err(Error::new(
                ErrorKind::Request,
                "",
                format!("tier '{id}' has no strong qualifier"),
            ));
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
/// big rational or a [`Fraction`](crate::fraction::Fraction), computed when a gate asks.
pub(crate) struct GateInput<'a, P = Ratio> {
    pub ratings: &'a dyn Fn(usize) -> Option<usize>,
    pub dimensions: &'a dyn Fn(usize) -> Option<P>,
}

impl<P: Percent> GateInput<'_, P> {
    /// Whether a gate holds (SPEC §6.4).
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

/// Climbs the ladder (SPEC §6). `official` is the rounded percentage.
pub(crate) fn award<P: Percent>(
    fw: &Framework,
    official: Decimal,
    gates: &GateInput<'_, P>,
) -> Award {
    let tiers = fw.tiers();
    // The official figure has at most 6 decimals (SPEC §2): compared in millionths, exactly.
    let official_micros = crate::decimal::micros_of(official);
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
