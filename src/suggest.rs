//! "Did you mean" suggestions for unknown ids.

/// Edit distance between two strings (optimal string alignment: insertions, deletions,
/// substitutions and swaps of two neighbours each cost 1; by characters, case-insensitive).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    // Three rows of the table: two back (for swaps), previous, current.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            cur[j] = d;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate nearest to `wanted` if it is close enough to be a likely typo (ties go to the
/// first candidate in byte order).
pub(crate) fn nearest<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    // One edit per three characters (at least one): "IC7" → "IC1", never "XX" → "CK".
    let limit = wanted.chars().count().div_ceil(3).max(1);
    candidates
        .map(|c| (distance(wanted, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// `"; did you mean 'X'?"` for the nearest candidate, or an empty string.
pub(crate) fn did_you_mean<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    nearest(wanted, candidates)
        .map(|c| format!("; did you mean '{c}'?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("IC1", "ic1"), 0);
        assert_eq!(distance("RP", "PR"), 1);
        assert_eq!(distance("wieght", "weight"), 1);
        assert_eq!(distance("ca", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
    }

    #[test]
    fn suggests_only_close_ids() {
        let ids = ["IC1", "IC2", "MS1", "PR3"];
        assert_eq!(nearest("IC7", ids.iter().copied()), Some("IC1"));
        assert_eq!(nearest("PR03", ids.iter().copied()), Some("PR3"));
        assert_eq!(nearest("completely-else", ids.iter().copied()), None);
        assert_eq!(nearest("XX", ["CK", "MS"].into_iter()), None);
        // Two-letter ids are all within two edits of each other: only one edit counts.
        let dims = ["CK", "EE", "GR", "IC", "MS", "PA", "PR"];
        assert_eq!(nearest("RP", dims.iter().copied()), Some("PR"));
        assert_eq!(nearest("XY", dims.iter().copied()), None);
        assert_eq!(
            nearest("partialy_met", ["met", "partially_met"].into_iter()),
            Some("partially_met")
        );
        assert_eq!(nearest("IC12", ids.iter().copied()), Some("IC1"));
        assert_eq!(
            did_you_mean("MS", ids.iter().copied()),
            "; did you mean 'MS1'?"
        );
    }
}
