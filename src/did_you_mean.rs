//! "Did you mean" suggestions for unknown ids, kept cheap on hostile input: the edit distance
//! is bounded (a band of the table around its diagonal, abandoned as soon as every cell is over
//! the limit), candidates whose length alone rules them out are skipped, the limit tightens to
//! the best distance found so far, and only the first [`MAX_SUGGESTIONS`] problems of a
//! document get a suggestion at all, while the table cells computed for the document's
//! suggestions stay under [`WORK_BUDGET`] (every problem is still reported).

use crate::error::Problems;

/// Problems of one document that get a suggestion; later ones are reported without one.
pub(crate) const MAX_SUGGESTIONS: usize = 100;

/// Table cells (and characters lowered) a document's suggestions may cost before later problems
/// go without one: a few tens of milliseconds. One suggestion costs at most its candidates
/// (≤ 10,000 benchmarks) × 64 characters × 45 cells.
pub(crate) const WORK_BUDGET: usize = 20_000_000;

/// The ids' characters, lowercased, in reusable buffers.
#[derive(Default)]
struct Scratch {
    a: Vec<char>,
    b: Vec<char>,
    rows: [Vec<usize>; 3],
}

fn lower_into(s: &str, out: &mut Vec<char>) {
    out.clear();
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(s.chars().flat_map(char::to_lowercase));
    }
}

/// Edit distance between `a` and `b` when it is at most `limit`, else `None` (optimal string
/// alignment: insertions, deletions, substitutions and swaps of two neighbours each cost 1; by
/// characters, case-insensitive). Work is at most `(2·limit + 1) × |a|` cells.
fn bounded(a: &[char], b: &[char], limit: usize, rows: &mut [Vec<usize>; 3]) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    // Cells farther than `limit` from the diagonal hold more than `limit`: they stay at
    // `over`, and are never read as a better value.
    let over = limit + 1;
    let [before, prev, cur] = rows;
    for row in [&mut *before, &mut *prev, &mut *cur] {
        row.clear();
        row.resize(b.len() + 1, over);
    }
    for (j, cell) in prev.iter_mut().enumerate().take(limit.min(b.len()) + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let lo = i.saturating_sub(limit).max(1);
        let hi = (i + limit).min(b.len());
        // Only the band is written; the cell left of it may hold a row from three back.
        cur[lo - 1] = over;
        cur[0] = if i <= limit { i } else { over };
        let mut best = cur[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            let d = d.min(over);
            cur[j] = d;
            best = best.min(d);
        }
        if best > limit {
            return None; // every path through this row is already over the limit
        }
        std::mem::swap(before, prev);
        std::mem::swap(prev, cur);
    }
    Some(prev[b.len()]).filter(|&d| d <= limit)
}

/// The candidate nearest to `wanted` if it is close enough to be a likely typo (ties go to the
/// first candidate in byte order).
pub(crate) fn nearest<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    nearest_counted(wanted, candidates, &mut 0)
}

/// [`nearest`], adding the cells computed (and characters lowered) to `work`.
fn nearest_counted<'a>(
    wanted: &str,
    candidates: impl Iterator<Item = &'a str>,
    work: &mut usize,
) -> Option<&'a str> {
    let mut s = Scratch::default();
    lower_into(wanted, &mut s.a);
    // One edit per three characters (at least one): "IC7" → "IC1", never "XX" → "CK".
    let mut limit = s.a.len().div_ceil(3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        // A length filter before lowering: characters can only lower to at least as many.
        if c.len() + limit < s.a.len() && c.chars().count() + limit < s.a.len() {
            continue;
        }
        lower_into(c, &mut s.b);
        *work += s.b.len() + s.a.len() * (2 * limit + 1);
        let Some(d) = bounded(&s.a, &s.b, limit, &mut s.rows) else {
            continue;
        };
        if best.is_none_or(|(bd, bc)| (d, c) < (bd, bc)) {
            best = Some((d, c));
            limit = d; // only as close or closer can still win
        }
    }
    best.map(|(_, c)| c)
}

/// `"; did you mean 'X'?"` for the nearest candidate, or an empty string.
pub(crate) fn did_you_mean<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    nearest(wanted, candidates)
        .map(|c| format!("; did you mean '{c}'?"))
        .unwrap_or_default()
}

/// [`did_you_mean`] while `problems` holds fewer than [`MAX_SUGGESTIONS`] and their
/// suggestions have cost less than [`WORK_BUDGET`], else an empty string: a document with
/// thousands of unknown ids costs no more than a hundred cheap suggestions.
pub(crate) fn suggest<'a>(
    problems: &Problems,
    wanted: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> String {
    let mut work = problems.suggestion_work.get();
    if problems.len() >= MAX_SUGGESTIONS || work >= WORK_BUDGET {
        return String::new();
    }
    let found = nearest_counted(wanted, candidates, &mut work);
    problems.suggestion_work.set(work);
    found
        .map(|c| format!("; did you mean '{c}'?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The full table, for checking the bounded one.
    fn distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.to_lowercase().chars().collect();
        let b: Vec<char> = b.to_lowercase().chars().collect();
        let mut t = vec![vec![0; b.len() + 1]; a.len() + 1];
        for i in 0..=a.len() {
            for j in 0..=b.len() {
                t[i][j] = if i == 0 || j == 0 {
                    i + j
                } else {
                    let cost = usize::from(a[i - 1] != b[j - 1]);
                    let mut d = (t[i - 1][j - 1] + cost)
                        .min(t[i - 1][j] + 1)
                        .min(t[i][j - 1] + 1);
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        d = d.min(t[i - 2][j - 2] + 1);
                    }
                    d
                };
            }
        }
        t[a.len()][b.len()]
    }

    fn within(a: &str, b: &str, limit: usize) -> Option<usize> {
        let mut s = Scratch::default();
        lower_into(a, &mut s.a);
        lower_into(b, &mut s.b);
        bounded(&s.a, &s.b, limit, &mut s.rows)
    }

    #[test]
    fn distances() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("IC1", "ic1"), 0);
        assert_eq!(distance("RP", "PR"), 1);
        assert_eq!(distance("wieght", "weight"), 1);
        assert_eq!(distance("ca", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("", ""), 0);
    }

    #[test]
    fn bounded_distance_agrees_within_the_limit_and_refuses_beyond() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "kitten",
            "sitting",
            "saturday",
            "sunday",
            "IC1",
            "ic12",
            "PR03",
            "partialy_met",
            "partially_met",
            "abcdef",
            "badcfe",
            "ÉTÉ",
            "été",
            "abcdefghij",
            "bacdefghji",
            "xabcdefghij",
            "abcdefghijx",
            "jihgfedcba",
        ];
        for a in words {
            for b in words {
                let full = distance(a, b);
                for limit in 0..8 {
                    let want = (full <= limit).then_some(full);
                    assert_eq!(within(a, b, limit), want, "{a:?} {b:?} within {limit}");
                }
            }
        }
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
        // Ties go to the first in byte order, wherever it comes among the candidates.
        assert_eq!(nearest("IC3", ["IC2", "IC1"].into_iter()), Some("IC1"));
        assert_eq!(nearest("ic3", ["IC1", "IC3"].into_iter()), Some("IC3"));
        assert_eq!(
            did_you_mean("MS", ids.iter().copied()),
            "; did you mean 'MS1'?"
        );
    }

    #[test]
    fn only_the_first_problems_get_suggestions() {
        let mut p = Problems::default();
        let ids = ["IC1"];
        assert_eq!(suggest(&p, "IC2", ids.into_iter()), "; did you mean 'IC1'?");
        for i in 0..MAX_SUGGESTIONS {
            p.push(format!("x[{i}]"), "bad");
        }
        assert_eq!(suggest(&p, "IC2", ids.into_iter()), "");
    }

    #[test]
    fn suggestions_stop_when_their_work_is_spent() {
        let p = Problems::default();
        let ids: Vec<String> = (0..1000)
            .map(|i| format!("{}{i:04}", "b".repeat(60)))
            .collect();
        let wanted = format!("c{}", &ids[7][1..]);
        let mut given = 0;
        while suggest(&p, &wanted, ids.iter().map(|s| &**s))
            == format!("; did you mean '{}'?", ids[7])
        {
            given += 1;
        }
        assert!(
            given > 0 && p.suggestion_work.get() >= WORK_BUDGET,
            "{given}"
        );
        assert_eq!(suggest(&p, "IC2", ["IC1"].into_iter()), "");
    }
}
