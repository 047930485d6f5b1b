//! A search candidate ([`Item`]) and the exact integer helpers of the search's bounds: ratio
//! order, fractional knapsack, products and floors that never overflow silently.

use std::cmp::Ordering;

use num_bigint::BigInt;

/// A live candidate at a node: its index, gain against the current set, cost.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item {
    pub i: usize,
    pub gain: i128,
    pub cost: i128,
}

/// Best gain per cost first; free gains before everything; then lower cost, lower index.
pub(crate) fn by_ratio(a: &Item, b: &Item) -> Ordering {
    match (a.cost == 0, b.cost == 0) {
        (true, true) => b.gain.cmp(&a.gain),
        (true, false) if a.gain > 0 => Ordering::Less,
        (false, true) if b.gain > 0 => Ordering::Greater,
        _ => cmp_products(b.gain, a.cost, a.gain, b.cost),
    }
    .then(a.cost.cmp(&b.cost))
    .then(a.i.cmp(&b.i))
}

/// `⌊a × b / c⌋` for non-negative `a`, `b` and positive `c`, exactly.
pub(crate) fn mul_div_floor(a: i128, b: i128, c: i128) -> i128 {
    match a.checked_mul(b) {
        Some(p) => p / c,
        None => (BigInt::from(a) * b / c).try_into().unwrap_or(i128::MAX),
    }
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
    paid.sort_unstable_by(|a, b| cmp_products(b.0, a.1, a.0, b.1));
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
            return cmp_products(need - got, c, g, left) != Ordering::Greater;
        }
    }
    false
}

/// Compares `a × b` with `c × d` exactly (big integers when `i128` would overflow).
pub(crate) fn cmp_products(a: i128, b: i128, c: i128, d: i128) -> Ordering {
    match (a.checked_mul(b), c.checked_mul(d)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => (BigInt::from(a) * b).cmp(&(BigInt::from(c) * d)),
    }
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

    #[test]
    fn products_compare_beyond_i128() {
        let big = i128::MAX / 2;
        assert_eq!(cmp_products(big, 4, big, 3), Ordering::Greater);
        assert_eq!(cmp_products(2, 3, 3, 2), Ordering::Equal);
    }
}
