//! A plan answer ([`WhatIf`]) for people: the set chosen and what it reaches, the baseline,
//! what is still missing, the activities, the benchmarks raised, the timeline and the value of
//! each other activity, in the answer's language.

use rust_decimal::Decimal;

use crate::framework::Framework;
use crate::i18n::{Lang, fill};
use crate::num::{RoundingMode, decimal_ratio, round_ratio};
use crate::plan::{Plan, Shortfall, WhatIf};
use crate::report::chart::{Chart, Kind, Point, Series, amount_ticks, tier_marks};
use crate::report::doc::{Block, Doc, Rich, Table};
use crate::report::names;
use crate::score::TierResult;

/// The answer as a report. Titles come from `plan`, labels from `fw`.
pub(crate) fn doc(w: &WhatIf, plan: &Plan, fw: &Framework) -> Doc {
    let view = View {
        w,
        plan,
        fw,
        lang: w.scorecard.lang(),
    };
    view.doc()
}

struct View<'a> {
    w: &'a WhatIf<'a>,
    plan: &'a Plan,
    fw: &'a Framework,
    lang: Lang,
}

impl View<'_> {
    fn m(&self) -> &'static crate::i18n::PlanMessages {
        &self.lang.messages().plan
    }

    fn money(&self, d: Decimal) -> String {
        self.lang.money(d, self.w.currency.as_deref())
    }

    fn tier(&self, t: Option<&TierResult>) -> String {
        names::awarded(t, self.lang)
    }

    fn quarter(&self, q: u8) -> String {
        fill(self.m().quarter, &[("q", q.to_string().as_str())])
    }

    fn doc(&self) -> Doc {
        let (w, lang, m) = (self.w, self.lang, self.m());
        let mut doc = Doc::new(lang);
        let period = w
            .period
            .as_ref()
            .map(|p| format!(" {p}"))
            .unwrap_or_default();
        doc.title(fill(
            m.title,
            &[
                ("office", w.office.as_str()),
                ("period", &period),
                (
                    "framework",
                    &format!("{} {}", w.framework.id, w.framework.version),
                ),
            ],
        ));
        doc.paragraph(self.summary());
        if !w.optimal {
            doc.paragraph(self.not_proven());
        }
        doc.paragraph(fill(
            lang.count(w.plan_activities, &m.baseline),
            &[
                (
                    "official",
                    lang.percent(w.baseline_percentage_rounded).as_str(),
                ),
                ("tier", &self.tier(w.baseline_tier.as_ref())),
                ("n", &w.plan_activities.to_string()),
                ("cost", &self.money(w.plan_cost)),
            ],
        ));
        if let Some(sf) = &w.shortfall {
            doc.paragraph(self.shortfall(sf));
        }
        self.activities(&mut doc);
        self.changes(&mut doc);
        self.timeline(&mut doc);
        self.marginal(&mut doc);
        self.warnings(&mut doc);
        doc
    }

    /// "74 % Silver-strong (exact 74.3902 %)".
    fn result(&self) -> String {
        let c = &self.w.scorecard;
        fill(
            self.m().result,
            &[
                (
                    "official",
                    self.lang.percent(c.percentage_rounded()).as_str(),
                ),
                ("tier", &self.tier(c.tier().as_ref())),
                ("exact", &self.lang.percent(c.percentage())),
            ],
        )
    }

    fn summary(&self) -> String {
        let (w, m) = (self.w, self.m());
        let set = fill(
            self.lang.count(w.plan_activities, &m.set),
            &[
                ("n", w.activities.len().to_string().as_str()),
                ("total", &w.plan_activities.to_string()),
                ("cost", &self.money(w.cost)),
            ],
        );
        let target = w.target.as_ref().map_or("?", |t| &*t.label);
        let budget = w.budget.map_or_else(String::new, |b| self.money(b));
        let template = match (w.question.as_str(), w.feasible) {
            ("cheapest", true) => m.cheapest,
            ("cheapest", false) => m.unreachable,
            ("best", _) => m.best,
            ("committed", _) => m.committed,
            _ => m.whole_plan,
        };
        fill(
            template,
            &[
                ("target", target),
                ("budget", &budget),
                ("set", &set),
                ("result", &self.result()),
            ],
        )
    }

    /// The sentence of an answer not proven optimal, with its proven bound.
    fn not_proven(&self) -> String {
        let (w, m) = (self.w, self.m());
        let target = w.target.as_ref().map_or("?", |t| &*t.label);
        match (w.lower_bound, w.upper_bound) {
            (Some(b), _) => fill(
                m.not_proven_cost,
                &[("target", target), ("bound", &self.money(b))],
            ),
            (None, Some(b)) => fill(
                m.not_proven_score,
                &[("bound", self.lang.percent(b).as_str())],
            ),
            (None, None) => m.not_proven.to_string(),
        }
    }

    fn shortfall(&self, sf: &Shortfall) -> String {
        let (lang, m) = (self.lang, self.m());
        let mut parts = Vec::new();
        if sf.points_missing > Decimal::ZERO {
            parts.push(fill(
                lang.plural(sf.points_missing, &m.percentage_points),
                &[("n", lang.number(sf.points_missing).as_str())],
            ));
        }
        let tier = self.w.target.as_ref().map_or("", |t| &*t.id);
        for f in &sf.failing {
            parts.push(names::gate_failure(self.fw, tier, f, lang));
        }
        fill(
            m.still_missing,
            &[(
                "items",
                parts.join(lang.messages().common.separator).as_str(),
            )],
        )
    }

    /// The cost column's name: the currency, or "cost".
    fn cost_header(&self) -> String {
        self.w
            .currency
            .clone()
            .unwrap_or_else(|| self.m().cost.to_string())
    }

    fn activities(&self, doc: &mut Doc) {
        if self.w.activities.is_empty() {
            return;
        }
        let (lang, m) = (self.lang, self.m());
        doc.section(m.activities);
        let mut table = Table::new(
            vec![
                m.id.to_string(),
                self.cost_header(),
                m.lands.to_string(),
                m.activity.to_string(),
            ],
            vec![false, true, false, false],
        );
        for i in self
            .w
            .activities
            .iter()
            .filter_map(|id| self.plan.activity_index(id))
        {
            let a = &self.plan.activities()[i];
            table.row(vec![
                a.id.to_string().into(),
                lang.number(a.cost.value()).into(),
                self.quarter(a.quarter).into(),
                a.title.get(lang).to_string().into(),
            ]);
        }
        doc.push(Block::Table(table));
    }

    fn changes(&self, doc: &mut Doc) {
        if self.w.changes.is_empty() {
            return;
        }
        let (lang, m) = (self.lang, self.m());
        doc.section(m.raised);
        let mut table = Table::new(
            vec![
                m.benchmark.to_string(),
                m.rating.to_string(),
                m.by.to_string(),
            ],
            vec![false, false, false],
        );
        for c in &self.w.changes {
            table.row(vec![
                c.benchmark.to_string().into(),
                format!(
                    "{} → {}",
                    names::rating(self.fw, &c.from, lang),
                    names::rating(self.fw, &c.to, lang)
                )
                .into(),
                c.by.join(", ").into(),
            ]);
        }
        doc.push(Block::Table(table));
    }

    fn timeline(&self, doc: &mut Doc) {
        let Some(points) = &self.w.timeline else {
            return;
        };
        let (lang, m) = (self.lang, self.m());
        doc.section(m.timeline);
        let mut table = Table::new(
            vec![
                m.quarter_header.to_string(),
                m.cumulative_cost.to_string(),
                "%".to_string(),
                m.tier.to_string(),
                m.landed.to_string(),
            ],
            vec![false, true, true, false, false],
        );
        let quarter = |q: u8| {
            if q == 0 {
                m.baseline_row.to_string()
            } else {
                self.quarter(q)
            }
        };
        for p in points {
            table.row(vec![
                quarter(p.quarter).into(),
                lang.number(p.cost).into(),
                lang.percent(p.percentage_rounded).into(),
                self.tier(p.tier.as_ref()).into(),
                p.landed.join(", ").into(),
            ]);
        }
        doc.push(Block::Table(table));
        if points.is_empty() {
            return;
        }
        let categories: Vec<String> = points.iter().map(|p| quarter(p.quarter)).collect();
        let charts = &lang.messages().charts;
        let mut percentages = Chart::percentages(Kind::Line, charts.timeline.to_string(), lang);
        percentages.categories_axis = Some(m.quarter_header.to_string());
        percentages.categories = categories.clone();
        percentages.series = vec![Series {
            name: charts.percentage.to_string(),
            key: String::new(),
            values: points
                .iter()
                .map(|p| Some(Point::percent(p.percentage_rounded, lang)))
                .collect(),
        }];
        percentages.marks = tier_marks(self.fw, lang);
        percentages.below = Some(lang.messages().common.no_tier.to_string());
        let lowest = points.iter().map(|p| p.percentage_rounded).min();
        percentages.start_below(lowest.unwrap_or(Decimal::ZERO), lang);
        doc.push(Block::Chart(percentages));

        let max = points
            .iter()
            .map(|p| p.cost)
            .max()
            .filter(|m| *m > Decimal::ZERO)
            .unwrap_or(Decimal::ONE);
        let mut costs = Chart::percentages(Kind::Bars, charts.cost.to_string(), lang);
        costs.axis = match &self.w.currency {
            Some(c) => format!("{} ({c})", m.cumulative_cost),
            None => m.cumulative_cost.to_string(),
        };
        costs.categories = categories;
        costs.max = max;
        costs.ticks = amount_ticks(max, |d| lang.number(d));
        costs.series = vec![Series {
            name: m.cumulative_cost.to_string(),
            key: String::new(),
            values: points
                .iter()
                .map(|p| {
                    Some(Point {
                        at: p.cost,
                        text: self.money(p.cost),
                    })
                })
                .collect(),
        }];
        doc.push(Block::Chart(costs));
    }

    /// Points per 1,000 of currency, exactly rounded half-even to 2 decimals; "free" at 0.
    fn per_thousand(&self, points: Decimal, cost: Decimal) -> String {
        if cost.is_zero() {
            return self.m().free.to_string();
        }
        let r = decimal_ratio(points) * decimal_ratio(Decimal::ONE_THOUSAND) / decimal_ratio(cost);
        round_ratio(&r, 2, RoundingMode::HalfEven)
            .map_or_else(|_| "—".to_string(), |d| self.lang.number(d))
    }

    fn marginal(&self, doc: &mut Doc) {
        let Some(rows) = &self.w.marginal else {
            return;
        };
        let (lang, m) = (self.lang, self.m());
        doc.section(m.marginal);
        let per = fill(
            m.per_thousand,
            &[
                ("thousand", lang.number(Decimal::ONE_THOUSAND).as_str()),
                (
                    "currency",
                    &self
                        .w
                        .currency
                        .as_ref()
                        .map(|c| format!(" {c}"))
                        .unwrap_or_default(),
                ),
            ],
        );
        let mut table = Table::new(
            vec![
                m.id.to_string(),
                self.cost_header(),
                m.points.to_string(),
                per,
                m.tier_then.to_string(),
                m.activity.to_string(),
            ],
            vec![false, true, true, true, false, false],
        );
        for r in rows {
            table.row(vec![
                r.id.to_string().into(),
                lang.number(r.cost).into(),
                format!("+{}", lang.number(r.points)).into(),
                self.per_thousand(r.points, r.cost).into(),
                self.tier(r.tier_after.as_ref()).into(),
                r.title.to_string().into(),
            ]);
        }
        doc.push(Block::Table(table));
    }

    /// The baseline's and the plan's warnings, when there are any.
    fn warnings(&self, doc: &mut Doc) {
        let warnings = self.w.scorecard.warnings();
        if warnings.is_empty() {
            return;
        }
        doc.section(self.m().warnings);
        let label = |id: &str| names::rating(self.fw, id, self.lang);
        let items: Vec<Rich> = warnings
            .iter()
            .map(|w| w.message(self.lang, label).into())
            .collect();
        doc.list(items, false);
    }
}

#[cfg(test)]
mod tests {
    use crate::framework::Framework;
    use crate::i18n::Lang;
    use crate::plan::{Plan, Planner, Question, Views};
    use crate::report::{Format, what_if};

    /// The Mali plan over the Mali baseline, with the plan's office renamed to `office`,
    /// answering `best` in text.
    fn mali_best(office: &str, lang: Lang) -> (Vec<crate::WarningCode>, String) {
        let root = env!("CARGO_MANIFEST_DIR");
        let fw = Framework::builtin("undp-gender-seal-co", "2021.2").unwrap();
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
        let text = what_if(&w, &plan, &fw, Format::Text).into_text().unwrap();
        (
            w.scorecard.warnings().iter().map(|w| w.code).collect(),
            text,
        )
    }

    #[test]
    fn a_plan_for_another_office_warns_and_the_report_shows_it() {
        let (codes, text) = mali_best("PNUD Mali", Lang::EN);
        assert_eq!(codes, [crate::WarningCode::OfficeMismatch]);
        assert!(
            text.ends_with(
                "\nWarnings\n--------\n  - the plan is for office 'PNUD Mali' but its baseline \
                 assessment is for 'UNDP Mali'\n"
            ),
            "{text}"
        );
        let (_, fr) = mali_best("PNUD Mali", Lang::FR);
        assert!(
            fr.contains(
                "\nAvertissements\n--------------\n  - le plan est pour le bureau « PNUD Mali »"
            ),
            "{fr}"
        );
    }

    #[test]
    fn the_same_office_gives_no_warning_section() {
        let (codes, text) = mali_best("UNDP Mali", Lang::EN);
        assert!(codes.is_empty());
        assert!(!text.contains("Warnings"), "{text}");
    }
}
