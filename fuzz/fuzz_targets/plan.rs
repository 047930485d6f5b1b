//! Plan loader: any bytes, read as a plan for the default framework; a plan that loads is put
//! over the repository's assessments that name that framework, and every question is asked
//! with every view and rendered.
#![no_main]

#[path = "common.rs"]
mod common;

use gender_seal::plan::{Question, Views};
use gender_seal::{Format, Plan, Planner, Rank};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(fw) = common::FRAMEWORKS.first() else {
        return;
    };
    let Ok(plan) = Plan::from_json(data, fw) else {
        return;
    };
    let views = Views {
        timeline: true,
        marginal: true,
    };
    for baseline in common::ASSESSMENTS.iter() {
        let planner = match Planner::new(fw, baseline, &plan) {
            // A small work budget keeps each input quick; running out gives the best set
            // found (optimal: false), never a panic.
            Ok(p) => p.with_limit(gender_seal::plan::Limit::Work(500_000)),
            Err(e) => {
                assert!(!e.problems().is_empty());
                continue;
            }
        };
        let mut questions = vec![
            Question::Best(None),
            Question::WholePlan,
            Question::Committed,
        ];
        for target in ["bronze", "silver:strong", "gold"] {
            if let Ok(rank) = Rank::parse_target(fw, target, gender_seal::i18n::Lang::EN) {
                questions.push(Question::Cheapest(rank));
            }
        }
        for q in questions {
            match planner.what_if(q, views, gender_seal::i18n::Lang::FR) {
                Ok(w) => {
                    for format in [Format::Text, Format::Markdown, Format::Json] {
                        let _ = gender_seal::report::what_if(&w, &plan, fw, format);
                    }
                }
                Err(e) => assert!(!e.problems().is_empty()),
            }
        }
    }
});
