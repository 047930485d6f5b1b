//! Plan answers ([`WhatIf`]) as text, Markdown or JSON, in English or French.

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::decimal::{RoundingMode, decimal_ratio, format_decimal, round_ratio};
use crate::framework::Framework;
use crate::plan::{Plan, WhatIf};
use crate::report::layout::columns_with_gap;
use crate::report::scorecard::warning;
use crate::report::{Format, json, tr};
use crate::scorecard::{GateFailure, TierResult};

/// Renders a plan answer. Titles come from `plan`, labels from `fw`, in the answer's language.
pub fn what_if(w: &WhatIf, plan: &Plan, fw: &Framework, format: Format) -> String {
    if format == Format::Json {
        return json(w);
    }
    let r = Renderer {
        w,
        plan,
        fw,
        lang: &w.scorecard.lang,
        md: format == Format::Markdown,
    };
    r.render()
}

struct Renderer<'a> {
    w: &'a WhatIf<'a>,
    plan: &'a Plan,
    fw: &'a Framework,
    lang: &'a str,
    md: bool,
}

/// A number for reading: thousands grouped, French decimal comma.
fn num(d: Decimal, lang: &str) -> String {
    let s = format_decimal(d);
    let (sign, s) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let sep = if lang == "fr" { '\u{202f}' } else { ',' };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    match (frac.is_empty(), lang == "fr") {
        (true, _) => format!("{sign}{grouped}"),
        (false, true) => format!("{sign}{grouped},{frac}"),
        (false, false) => format!("{sign}{grouped}.{frac}"),
    }
}

impl Renderer<'_> {
    fn t(&self, en: &'static str, fr: &'static str) -> &'static str {
        tr(self.lang, en, fr)
    }

    /// A colon, with the narrow space French puts before it.
    fn colon(&self) -> &'static str {
        self.t(":", "\u{202f}:")
    }

    fn money(&self, d: Decimal) -> String {
        match &self.w.currency {
            Some(c) => format!("{} {c}", num(d, self.lang)),
            None => num(d, self.lang),
        }
    }

    fn tier(&self, t: Option<&TierResult>) -> String {
        t.map_or_else(
            || self.t("no tier", "aucun niveau").to_string(),
            |t| t.label.to_string(),
        )
    }

    fn rating(&self, id: &str) -> String {
        self.fw.rating_index(id).map_or_else(
            || id.to_string(),
            |r| self.fw.ratings()[r].label.get(self.lang).to_string(),
        )
    }

    fn result(&self) -> String {
        let c = &self.w.scorecard;
        format!(
            "{} % {} ({} {} %)",
            num(c.percentage_rounded, self.lang),
            self.tier(c.tier().as_ref()),
            self.t("exact", "exact"),
            num(c.percentage(), self.lang)
        )
    }

    fn heading(&self, s: &mut String, level: usize, text: &str) {
        if self.md && level == 1 {
            let _ = writeln!(s, "# {text}");
        } else if self.md {
            let _ = writeln!(s, "\n{} {text}\n", "#".repeat(level));
        } else if level == 1 {
            let _ = writeln!(s, "{text}");
        } else {
            let _ = writeln!(s, "\n{text}");
        }
    }

    /// A table: Markdown, or aligned text columns.
    fn table(&self, s: &mut String, head: &[&str], rows: &[Vec<String>], right: &[bool]) {
        if self.md {
            let _ = writeln!(s, "| {} |", head.join(" | "));
            let rule: Vec<&str> = right
                .iter()
                .map(|&r| if r { "---:" } else { "---" })
                .collect();
            let _ = writeln!(s, "|{}|", rule.join("|"));
            for row in rows {
                let cells: Vec<String> = row.iter().map(|c| c.replace('|', "\\|")).collect();
                let _ = writeln!(s, "| {} |", cells.join(" | "));
            }
            return;
        }
        let mut lines = vec![head.iter().map(|h| (*h).to_string()).collect()];
        lines.extend(rows.iter().cloned());
        columns_with_gap(s, "  ", " ", &lines, right);
    }

    fn render(&self) -> String {
        let w = self.w;
        let mut s = String::new();
        let period = w
            .period
            .as_ref()
            .map(|p| format!(" {p}"))
            .unwrap_or_default();
        let title = format!(
            "{} — {}{period} ({} {})",
            w.office,
            self.t("plan", "plan"),
            w.framework.id,
            w.framework.version
        );
        self.heading(&mut s, 1, &title);
        s.push('\n');
        let (c, sc) = (self.colon(), self.t(";", "\u{202f};"));
        let _ = writeln!(s, "{}", self.summary());
        let _ = writeln!(
            s,
            "{}{c} {} % {}{sc} {}{c} {} {}, {}.",
            self.t("Baseline", "Référence"),
            num(w.baseline_percentage_rounded, self.lang),
            self.tier(w.baseline_tier.as_ref()),
            self.t("plan", "plan"),
            w.plan_activities,
            self.t("activities", "activités"),
            self.money(w.plan_cost)
        );
        if let Some(sf) = &w.shortfall {
            let _ = writeln!(s, "{}", self.shortfall(sf));
        }
        self.activities(&mut s);
        self.changes(&mut s);
        self.timeline(&mut s);
        self.marginal(&mut s);
        self.warnings(&mut s);
        s
    }

    /// The baseline's and the plan's warnings, when there are any.
    fn warnings(&self, s: &mut String) {
        let warnings = &self.w.scorecard.warnings;
        if warnings.is_empty() {
            return;
        }
        self.heading(s, 2, self.t("Warnings", "Avertissements"));
        let bullet = if self.md { "- " } else { "  " };
        for w in warnings {
            let _ = writeln!(s, "{bullet}{}", warning(self.fw, w, self.lang));
        }
    }

    fn summary(&self) -> String {
        let w = self.w;
        let c = self.colon();
        let n = w.activities.len();
        let acts = format!(
            "{n} {} {} {}, {}",
            self.t("of", "sur"),
            w.plan_activities,
            self.t("activities", "activités"),
            self.money(w.cost)
        );
        let target = w.target.as_ref().map_or("?", |t| &*t.label);
        match (w.question.as_str(), w.feasible) {
            ("cheapest", true) => format!(
                "{} {target}{c} {acts} → {}.",
                self.t("Cheapest set reaching", "Ensemble le moins cher atteignant"),
                self.result()
            ),
            ("cheapest", false) => format!(
                "{} {target}. {}{c} {acts} → {}.",
                self.t(
                    "No set of activities reaches",
                    "Aucun ensemble d'activités n'atteint"
                ),
                self.t("Best reachable", "Meilleur résultat atteignable"),
                self.result()
            ),
            ("best", _) => format!(
                "{} {}{c} {acts} → {}.",
                self.t("Best use of", "Meilleur usage de"),
                w.budget.map_or_else(String::new, |b| self.money(b)),
                self.result()
            ),
            ("committed", _) => format!(
                "{}{c} {acts} → {}.",
                self.t("Committed activities", "Activités engagées"),
                self.result()
            ),
            _ => format!(
                "{}{c} {acts} → {}.",
                self.t("Whole plan", "Plan complet"),
                self.result()
            ),
        }
    }

    fn shortfall(&self, sf: &crate::plan::Shortfall) -> String {
        let c = self.colon();
        let mut parts = Vec::new();
        if sf.points_missing > Decimal::ZERO {
            let one = sf.points_missing == Decimal::ONE;
            parts.push(format!(
                "{} {}",
                num(sf.points_missing, self.lang),
                match (one, self.lang == "fr") {
                    (true, false) => "percentage point",
                    (false, false) => "percentage points",
                    (true, true) => "point de pourcentage",
                    (false, true) => "points de pourcentage",
                }
            ));
        }
        for f in &sf.failing {
            parts.push(self.gate(f));
        }
        format!(
            "{}{c} {}.",
            self.t("Still missing", "Il manque encore"),
            parts.join(self.t("; ", "\u{202f}; "))
        )
    }

    fn gate(&self, f: &GateFailure) -> String {
        match f {
            GateFailure::Benchmark {
                benchmark,
                required,
                actual,
                ..
            } => format!(
                "{benchmark} {} {}, {} {}",
                self.t("is", "est"),
                self.rating(actual),
                self.t("needs", "requis\u{202f}:"),
                self.rating(required)
            ),
            GateFailure::Dimension {
                dimension,
                required_percent,
                actual_percent,
                ..
            } => format!(
                "{dimension} {} {} %, {} {} %",
                self.t("is", "est à"),
                actual_percent.map_or_else(|| "—".to_string(), |p| num(p, self.lang)),
                self.t("needs", "requis\u{202f}:"),
                num(required_percent.value(), self.lang)
            ),
        }
    }

    /// Points per 1,000 of currency, exactly rounded half-even to 2 decimals; "free" at 0.
    fn per_thousand(&self, points: Decimal, cost: Decimal) -> String {
        if cost.is_zero() {
            return self.t("free", "gratuit").to_string();
        }
        let r = decimal_ratio(points) * decimal_ratio(Decimal::ONE_THOUSAND) / decimal_ratio(cost);
        round_ratio(&r, 2, RoundingMode::HalfEven)
            .map_or_else(|_| "—".to_string(), |d| num(d, self.lang))
    }

    fn activities(&self, s: &mut String) {
        if self.w.activities.is_empty() {
            return;
        }
        self.heading(s, 2, self.t("Activities", "Activités"));
        let rows: Vec<Vec<String>> = self
            .w
            .activities
            .iter()
            .filter_map(|id| self.plan.activity_index(id))
            .map(|i| {
                let a = &self.plan.activities()[i];
                vec![
                    a.id.to_string(),
                    num(a.cost.value(), self.lang),
                    format!("{}{}", self.t("Q", "T"), a.quarter),
                    a.title.get(self.lang).to_string(),
                ]
            })
            .collect();
        let cost = self.w.currency.as_deref().unwrap_or(self.t("cost", "coût"));
        let head = [
            "id",
            cost,
            self.t("lands", "effet"),
            self.t("activity", "activité"),
        ];
        self.table(s, &head, &rows, &[false, true, false, false]);
    }

    fn changes(&self, s: &mut String) {
        if self.w.changes.is_empty() {
            return;
        }
        self.heading(s, 2, self.t("Benchmarks raised", "Critères relevés"));
        let rows: Vec<Vec<String>> = self
            .w
            .changes
            .iter()
            .map(|c| {
                vec![
                    c.benchmark.to_string(),
                    format!("{} → {}", self.rating(&c.from), self.rating(&c.to)),
                    c.by.join(", "),
                ]
            })
            .collect();
        let head = [
            self.t("benchmark", "critère"),
            self.t("rating", "notation"),
            self.t("by", "par"),
        ];
        self.table(s, &head, &rows, &[false, false, false]);
    }

    fn timeline(&self, s: &mut String) {
        let Some(points) = &self.w.timeline else {
            return;
        };
        self.heading(s, 2, self.t("Timeline", "Calendrier"));
        let rows: Vec<Vec<String>> = points
            .iter()
            .map(|p| {
                vec![
                    if p.quarter == 0 {
                        self.t("baseline", "référence").to_string()
                    } else {
                        format!("{}{}", self.t("Q", "T"), p.quarter)
                    },
                    num(p.cost, self.lang),
                    format!("{} %", num(p.percentage_rounded, self.lang)),
                    self.tier(p.tier.as_ref()),
                    p.landed.join(", "),
                ]
            })
            .collect();
        let head = [
            self.t("quarter", "trimestre"),
            self.t("cumulative cost", "coût cumulé"),
            "%",
            self.t("tier", "niveau"),
            self.t("landed", "effets"),
        ];
        self.table(s, &head, &rows, &[false, true, true, false, false]);
    }

    fn marginal(&self, s: &mut String) {
        let Some(rows) = &self.w.marginal else {
            return;
        };
        self.heading(
            s,
            2,
            self.t(
                "Each other activity added alone",
                "Chaque autre activité ajoutée seule",
            ),
        );
        let per = format!(
            "{} 1{}000{}",
            self.t("points per", "points par"),
            if self.lang == "fr" { "\u{202f}" } else { "," },
            self.w
                .currency
                .as_ref()
                .map(|c| format!(" {c}"))
                .unwrap_or_default()
        );
        let table: Vec<Vec<String>> = rows
            .iter()
            .map(|m| {
                vec![
                    m.id.to_string(),
                    num(m.cost, self.lang),
                    format!("+{}", num(m.points, self.lang)),
                    self.per_thousand(m.points, m.cost),
                    self.tier(m.tier_after.as_ref()),
                    m.title.to_string(),
                ]
            })
            .collect();
        let cost = self.w.currency.as_deref().unwrap_or(self.t("cost", "coût"));
        let head = [
            "id",
            cost,
            self.t("points", "points"),
            &per,
            self.t("tier then", "niveau alors"),
            self.t("activity", "activité"),
        ];
        self.table(s, &head, &table, &[false, true, true, true, false, false]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_thousands_per_language() {
        assert_eq!(num(Decimal::new(64000, 0), "en"), "64,000");
        assert_eq!(num(Decimal::new(12345678, 2), "fr"), "123\u{202f}456,78");
        assert_eq!(num(Decimal::new(-1000, 0), "en"), "-1,000");
        assert_eq!(num(Decimal::new(999, 0), "en"), "999");
    }

    /// The Mali plan over the Mali baseline, with the plan's office renamed to `office`,
    /// answering `best` in text.
    fn mali_best(office: &str, lang: &str) -> (Vec<crate::WarningCode>, String) {
        use crate::plan::{Planner, Question, Views};
        let root = env!("CARGO_MANIFEST_DIR");
        let fw = Framework::builtin("undp-gender-seal-co", "2021.1").unwrap();
        let baseline =
            crate::Assessment::from_path(format!("{root}/fixtures/mali-2020.json")).unwrap();
        let mut doc: serde_json::Value = serde_json::from_slice(
            &std::fs::read(format!("{root}/fixtures/mali-2021-plan.json")).unwrap(),
        )
        .unwrap();
        doc["office"] = office.into();
        let plan = Plan::from_json(doc.to_string().as_bytes(), &fw).unwrap();
        let planner = Planner::new(&fw, &baseline, &plan).unwrap();
        let w = planner
            .what_if(Question::Best(None), Views::default(), lang)
            .unwrap();
        let text = what_if(&w, &plan, &fw, Format::Text);
        (w.scorecard.warnings.iter().map(|w| w.code).collect(), text)
    }

    #[test]
    fn a_plan_for_another_office_warns_and_the_report_shows_it() {
        let (codes, text) = mali_best("PNUD Mali", "en");
        assert_eq!(codes, [crate::WarningCode::OfficeMismatch]);
        assert!(
            text.ends_with(
                "\nWarnings\n  the plan is for office 'PNUD Mali' but its baseline assessment \
                 is for 'UNDP Mali'\n"
            ),
            "{text}"
        );
        let (_, fr) = mali_best("PNUD Mali", "fr");
        assert!(
            fr.contains("\nAvertissements\n  le plan et son évaluation de référence"),
            "{fr}"
        );
    }

    #[test]
    fn the_same_office_gives_no_warning_section() {
        let (codes, text) = mali_best("UNDP Mali", "en");
        assert!(codes.is_empty());
        assert!(!text.contains("Warnings"), "{text}");
    }
}
