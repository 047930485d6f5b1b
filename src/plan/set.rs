//! Sets of activities of one plan: 64-bit masks (a plan has at most 64 activities).

/// A set of activities of one plan, by index (a plan has at most 64).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActivitySet(u64);

impl ActivitySet {
    /// The empty set.
    pub const EMPTY: ActivitySet = ActivitySet(0);

    /// The first `n` activities (`n` at most 64).
    pub fn first(n: usize) -> ActivitySet {
        match n {
            0 => ActivitySet(0),
            n if n >= 64 => ActivitySet(u64::MAX),
            n => ActivitySet((1u64 << n) - 1),
        }
    }

    /// A set from its bit mask (bit i: activity i).
    pub fn from_bits(bits: u64) -> ActivitySet {
        ActivitySet(bits)
    }

    /// The bit mask.
    pub fn bits(self) -> u64 {
        self.0
    }

    /// Whether activity `i` is in the set.
    pub fn contains(self, i: usize) -> bool {
        i < 64 && self.0 & (1 << i) != 0
    }

    /// The set with activity `i` added (`i` below 64).
    #[must_use]
    pub fn with(self, i: usize) -> ActivitySet {
        ActivitySet(self.0 | 1u64.checked_shl(i as u32).unwrap_or(0))
    }

    /// The union of two sets.
    #[must_use]
    pub fn union(self, other: ActivitySet) -> ActivitySet {
        ActivitySet(self.0 | other.0)
    }

    /// Number of activities.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Indices in increasing order.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (0..64).filter(move |&i| self.0 & (1 << i) != 0)
    }
}

impl FromIterator<usize> for ActivitySet {
    fn from_iter<I: IntoIterator<Item = usize>>(iter: I) -> Self {
        iter.into_iter().fold(ActivitySet::EMPTY, ActivitySet::with)
    }
}
