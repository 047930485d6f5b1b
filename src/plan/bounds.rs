//! A search candidate ([`Item`]) and the exact integer bounds of the search: ratio order and
//! the fractional knapsack.

use std::cmp::Ordering;

use super::units::Units;

/// A live candidate at a node: its index, score gain against the current set, cost.
#[derive(Debug, Clone)]
pub(crate) struct Item<V> {
    pub i: usize,
    pub gain: V,
    pub cost: i128,
}

/// Best gain per cost first; free gains before everything; then lower cost, lower index.
pub(crate) fn by_ratio<V: Units>(a: &Item<V>, b: &Item<V>) -> Ordering {
    match (a.cost == 0, b.cost == 0) {
        (true, true) => b.gain.cmp(&a.gain),
        (true, false) if a.gain.is_positive() => Ordering::Less,
        (false, true) if b.gain.is_positive() => Ordering::Greater,
        _ => V::cmp_products(&b.gain, a.cost, &a.gain, b.cost),
    }
    .then(a.cost.cmp(&b.cost))
    .then(a.i.cmp(&b.i))
}

/// Whether `(gain, cost)` items can reach `need` within `room` when items may be taken in
/// fractions: the fractional knapsack, exact (free gains first, then by gain per cost).
pub(crate) fn knapsack(items: impl Iterator<Item = (i128, i128)>, room: i128, need: i128) -> bool {
    let mut got = 0;
    let mut paid = Vec::new();
    for (g, c) in items {
        if g <= 0 {
            continue;
        }
        if c == 0 {
            got += g;
        } else {
            paid.push((g, c));
        }
    }
    if got >= need {
        return true;
    }
    paid.sort_unstable_by(|a, b| i128::cmp_products(&b.0, a.1, &a.0, b.1));
    let mut left = room;
    for (g, c) in paid {
        if c <= left {
            got += g;
            left -= c;
            if got >= need {
                return true;
            }
        } else {
            // A fraction left/c of this item: reaches when (need − got) × c ≤ g × left.
            return i128::cmp_products(&(need - got), c, &g, left) != Ordering::Greater;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractional_knapsack_is_exact() {
        // Free gain 1, then ratio 3/2 and 1/1: room 3 buys 3 + 1/1 of the second.
        let items = [(1, 0), (3, 2), (2, 2)];
        assert!(knapsack(items.into_iter(), 3, 5));
        assert!(!knapsack(items.into_iter(), 3, 6));
        assert!(knapsack(items.into_iter(), 4, 6));
        assert!(!knapsack(items.into_iter(), 0, 2));
    }
}
