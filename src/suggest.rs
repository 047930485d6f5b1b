//! "Did you mean" suggestions for unknown ids.

/// Edit distance between two strings (Levenshtein, by characters, case-insensitive).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
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
    }

    #[test]
    fn suggests_only_close_ids() {
        let ids = ["IC1", "IC2", "MS1", "PR3"];
        assert_eq!(nearest("IC7", ids.iter().copied()), Some("IC1"));
        assert_eq!(nearest("PR03", ids.iter().copied()), Some("PR3"));
        assert_eq!(nearest("completely-else", ids.iter().copied()), None);
        assert_eq!(nearest("XX", ["CK", "MS"].into_iter()), None);
        assert_eq!(
            did_you_mean("MS", ids.iter().copied()),
            "; did you mean 'MS1'?"
        );
    }
}
