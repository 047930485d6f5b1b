//! The scorecard as plain text for a terminal.

use super::{GateRow, View};
use crate::report::layout::{columns, fill, heading, push_wrapped};

pub(super) fn render(v: &View) -> String {
    let mut s = String::new();
    s.push_str(&v.heading);
    s.push('\n');
    s.push_str(&v.title);
    s.push('\n');
    s.push_str(&v.framework);
    s.push('\n');

    heading(&mut s, v.tr("Result", "Résultat"));
    let facts: Vec<Vec<String>> = v
        .facts
        .iter()
        .map(|(k, val)| vec![k.clone(), val.clone()])
        .collect();
    columns(&mut s, "  ", &facts, &[]);

    heading(&mut s, v.tr("Dimensions", "Dimensions"));
    let (header, dimensions, right) = v.dimension_table("");
    let mut rows = vec![header];
    rows.extend(dimensions);
    columns(&mut s, "  ", &rows, &right);

    let title = fill(
        v.tr(
            "Benchmarks not fully met ({n})",
            "Critères non pleinement atteints ({n})",
        ),
        &[("n", &v.shortfalls.len().to_string())],
    );
    heading(&mut s, &title);
    if v.shortfalls.is_empty() {
        s.push_str(v.tr(
            "  None: every applicable benchmark is fully met.\n",
            "  Aucun : chaque critère applicable est pleinement atteint.\n",
        ));
    }
    let width = v
        .shortfalls
        .iter()
        .map(|b| b.id.chars().count())
        .max()
        .unwrap_or(0);
    let indent = " ".repeat(width + 4);
    for (i, b) in v.shortfalls.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        let first = format!("  {:width$}  ", b.id);
        push_wrapped(&mut s, &first, &b.title);
        push_wrapped(&mut s, &indent, &format!("{} — {}", b.rating, b.basis));
        if let Some(g) = &b.guidance {
            let text = format!(
                "{} {g}",
                v.tr("What meeting it takes:", "Ce qu'il faut pour l'atteindre :")
            );
            push_wrapped(&mut s, &indent, &text);
        }
    }
    if !v.not_applicable.is_empty() {
        let title = fill(
            v.tr("Not applicable ({n})", "Non applicables ({n})"),
            &[("n", &v.not_applicable.len().to_string())],
        );
        heading(&mut s, &title);
        for b in &v.not_applicable {
            push_wrapped(&mut s, "  ", b);
        }
    }

    match (&v.next, &v.top) {
        (Some(n), _) => {
            heading(&mut s, &n.heading);
            push_wrapped(&mut s, "  ", &n.score);
            push_wrapped(&mut s, "  ", &n.gates_intro);
            gates(&mut s, v, &n.gates);
        }
        (None, Some(top)) => {
            heading(&mut s, v.tr("Next tier", "Niveau suivant"));
            push_wrapped(&mut s, "  ", top);
        }
        (None, None) => {}
    }

    heading(&mut s, v.tr("Blocked tiers", "Niveaux bloqués"));
    if v.blocked.is_empty() {
        push_wrapped(&mut s, "  ", &v.none_blocked);
    }
    for b in &v.blocked {
        push_wrapped(&mut s, "  ", &b.sentence);
        if !b.is_next {
            gates(&mut s, v, &b.gates);
        }
    }

    let title = fill(
        v.tr("Warnings ({n})", "Avertissements ({n})"),
        &[("n", &v.warnings.len().to_string())],
    );
    heading(&mut s, &title);
    if v.warnings.is_empty() {
        s.push_str(v.tr("  None.\n", "  Aucun.\n"));
    }
    for w in &v.warnings {
        push_wrapped(&mut s, "  - ", w);
    }
    s
}

/// One line per failing gate: "- MS1 Costed …: needs Met, is Partially met [Bronze gate]".
fn gates(s: &mut String, v: &View, gates: &[GateRow]) {
    for g in gates {
        let mut line = fill(
            v.tr(
                "{subject}: needs {required}, is {actual}",
                "{subject} : requis {required}, obtenu {actual}",
            ),
            &[
                ("subject", &g.subject),
                ("required", &g.required),
                ("actual", &g.actual),
            ],
        );
        if g.lower {
            line.push(' ');
            line.push_str(&fill(
                v.tr("[{tier} gate]", "[condition du niveau {tier}]"),
                &[("tier", &g.owner)],
            ));
        }
        push_wrapped(s, "    - ", &line);
    }
}
