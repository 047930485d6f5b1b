//! The scorecard as Markdown: the text report's content with headings and tables.

use super::{GateRow, View};
use crate::report::layout::{fill, md, md_table};

pub(super) fn render(v: &View) -> String {
    let mut s = String::new();
    s.push_str(&format!("# {}\n\n", md(&v.heading)));
    s.push_str(&format!("{}  \n{}\n", md(&v.title), md(&v.framework)));

    section(&mut s, v.tr("Result", "Résultat"));
    let header = [String::new(), String::new()];
    let rows: Vec<Vec<String>> = v
        .facts
        .iter()
        .enumerate()
        .map(|(i, (k, val))| {
            let val = if i == 0 {
                format!("**{}**", md(val))
            } else {
                md(val)
            };
            vec![md(k), val]
        })
        .collect();
    md_table(&mut s, &header, &rows, &[]);

    section(&mut s, v.tr("Dimensions", "Dimensions"));
    let (header, rows, right) = v.dimension_table(v.tr("Id", "Id"));
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| md(cell)).collect())
        .collect();
    md_table(&mut s, &header, &rows, &right);

    section(
        &mut s,
        &fill(
            v.tr(
                "Benchmarks not fully met ({n})",
                "Critères non pleinement atteints ({n})",
            ),
            &[("n", &v.shortfalls.len().to_string())],
        ),
    );
    if v.shortfalls.is_empty() {
        s.push_str(v.tr(
            "None: every applicable benchmark is fully met.\n",
            "Aucun : chaque critère applicable est pleinement atteint.\n",
        ));
    } else {
        let header = [
            v.tr("Benchmark", "Critère").to_string(),
            v.tr("Rating", "Note").to_string(),
            v.tr("Basis", "Fondement").to_string(),
            v.tr("What meeting it takes", "Ce qu'il faut pour l'atteindre")
                .to_string(),
        ];
        let rows: Vec<Vec<String>> = v
            .shortfalls
            .iter()
            .map(|b| {
                vec![
                    format!("**{}** {}", md(&b.id), md(&b.title)),
                    md(&b.rating),
                    md(&b.basis),
                    b.guidance.as_deref().map_or_else(String::new, md),
                ]
            })
            .collect();
        md_table(&mut s, &header, &rows, &[]);
    }
    if !v.not_applicable.is_empty() {
        section(
            &mut s,
            &fill(
                v.tr("Not applicable ({n})", "Non applicables ({n})"),
                &[("n", &v.not_applicable.len().to_string())],
            ),
        );
        for b in &v.not_applicable {
            s.push_str(&format!("- {}\n", md(b)));
        }
    }

    match (&v.next, &v.top) {
        (Some(n), _) => {
            section(&mut s, &n.heading);
            s.push_str(&format!("{}\n\n{}\n", md(&n.score), md(&n.gates_intro)));
            gates(&mut s, v, &n.gates);
        }
        (None, Some(top)) => {
            section(&mut s, v.tr("Next tier", "Niveau suivant"));
            s.push_str(&format!("{}\n", md(top)));
        }
        (None, None) => {}
    }

    section(&mut s, v.tr("Blocked tiers", "Niveaux bloqués"));
    if v.blocked.is_empty() {
        s.push_str(&format!("{}\n", md(&v.none_blocked)));
    }
    for (i, b) in v.blocked.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(&format!("{}\n", md(&b.sentence)));
        if !b.is_next {
            gates(&mut s, v, &b.gates);
        }
    }

    section(
        &mut s,
        &fill(
            v.tr("Warnings ({n})", "Avertissements ({n})"),
            &[("n", &v.warnings.len().to_string())],
        ),
    );
    if v.warnings.is_empty() {
        s.push_str(v.tr("None.\n", "Aucun.\n"));
    }
    for w in &v.warnings {
        s.push_str(&format!("- {}\n", md(w)));
    }
    s
}

fn section(s: &mut String, title: &str) {
    s.push_str(&format!("\n## {}\n\n", md(title)));
}

/// A table of failing gates (nothing when none fails).
fn gates(s: &mut String, v: &View, gates: &[GateRow]) {
    if gates.is_empty() {
        return;
    }
    s.push('\n');
    // The owning tier matters only when a lower tier's gate is among them (cumulative gates).
    let owners = gates.iter().any(|g| g.lower);
    let mut header = vec![
        v.tr("Gate", "Condition").to_string(),
        v.tr("Required", "Requis").to_string(),
        v.tr("Actual", "Obtenu").to_string(),
    ];
    if owners {
        header.push(v.tr("Gate of tier", "Condition du niveau").to_string());
    }
    let rows: Vec<Vec<String>> = gates
        .iter()
        .map(|g| {
            let mut row = vec![md(&g.subject), md(&g.required), md(&g.actual)];
            if owners {
                row.push(md(&g.owner));
            }
            row
        })
        .collect();
    md_table(s, &header, &rows, &[]);
}
