//! The shape of a language's catalogue: every message of every report, grouped by report.
//! A catalogue is a value of [`Catalogue`]; a missing message is a compile error. Messages are
//! templates whose `{name}` placeholders the report fills ([`super::fill`]); a [`Plural`]
//! holds the singular and plural forms the language's rule chooses between.

use rust_decimal::Decimal;

/// One language: its code, its rules and its messages.
#[derive(Debug)]
pub struct Catalogue {
    /// The language's code in framework files and on the command line (`en`, `fr`).
    pub code: &'static str,
    /// The language's name in that language.
    pub name: &'static str,
    /// Whether a count takes the singular form (English: exactly one; French: below two).
    pub singular: fn(Decimal) -> bool,
    /// How numbers are written.
    pub number: NumberStyle,
    /// Every message.
    pub messages: Messages,
}

/// How a language writes numbers.
#[derive(Debug)]
pub struct NumberStyle {
    /// The decimal mark (`.` / `,`).
    pub decimal: char,
    /// Between groups of three integer digits (`,` / a narrow no-break space).
    pub group: &'static str,
    /// Before a percent sign (a space / a narrow no-break space).
    pub percent_space: &'static str,
}

/// A message in its singular and plural forms.
#[derive(Debug)]
pub struct Plural {
    /// The singular form.
    pub one: &'static str,
    /// The plural form.
    pub other: &'static str,
}

/// Declares a group of messages: a struct whose every field is one message.
macro_rules! messages {
    ($(#[$meta:meta])* $name:ident { $($field:ident: $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub struct $name {
            $(
                #[doc = concat!("The `", stringify!($field), "` message.")]
                pub $field: $ty,
            )*
        }
    };
}

/// Every message, by report.
#[derive(Debug)]
pub struct Messages {
    /// Words several reports use.
    pub common: CommonMessages,
    /// Gates, as conditions and as failures.
    pub gates: GateMessages,
    /// The scorecard report.
    pub scorecard: ScorecardMessages,
    /// The plan report.
    pub plan: PlanMessages,
    /// The check report.
    pub check: CheckMessages,
    /// The diff report.
    pub diff: DiffMessages,
    /// The framework summary (`validate`).
    pub framework: FrameworkMessages,
    /// The explain report.
    pub explain: ExplainMessages,
    /// The history report.
    pub history: HistoryMessages,
    /// Warnings, by code.
    pub warnings: WarningMessages,
    /// Charts of the HTML reports.
    pub charts: ChartMessages,
    /// Workbooks and CSV files: templates, their headers, the full benchmark matrix.
    pub office: OfficeMessages,
}

messages! {
    /// Words several reports use.
    CommonMessages {
        not_applicable: &'static str,
        not_applicable_label: &'static str,
        no_tier: &'static str,
        strong: &'static str,
        dimensions: &'static str,
        dimension: &'static str,
        weight: &'static str,
        benchmark: &'static str,
        none: &'static str,
        none_value: &'static str,
        separator: &'static str,
        yes: &'static str,
        no: &'static str,
        decimals: Plural,
        half_up: &'static str,
        half_even: &'static str,
        down: &'static str,
        flat: &'static str,
        by_dimension: &'static str,
    }
}

messages! {
    /// Gates: `{subject}` is a benchmark or dimension named for people.
    GateMessages {
        condition: &'static str,
        failure: &'static str,
        of_lower_tier: &'static str,
        at_least_percent: &'static str,
        nothing_applicable: &'static str,
    }
}

messages! {
    /// The scorecard report.
    ScorecardMessages {
        framework: &'static str,
        result: &'static str,
        official: &'static str,
        exact: &'static str,
        computed_as: &'static str,
        rounding: &'static str,
        computed_flat: &'static str,
        computed_by_dimension: Plural,
        points: &'static str,
        applicable: &'static str,
        n_of_m: &'static str,
        not_fully_met: &'static str,
        all_fully_met: &'static str,
        not_applicable: &'static str,
        rating: &'static str,
        what_it_takes: &'static str,
        what_it_takes_label: &'static str,
        rated_directly: &'static str,
        from_value: &'static str,
        no_evidence: &'static str,
        planned: &'static str,
        next_tier: &'static str,
        top_tier: &'static str,
        toward: &'static str,
        points_unit: Plural,
        points_missing: &'static str,
        score_enough: &'static str,
        no_gate_in_the_way: &'static str,
        gates_not_met: &'static str,
        blocked_tiers: &'static str,
        none_blocked: &'static str,
        blocked: Plural,
        blocked_listed_above: &'static str,
        warnings: &'static str,
        evidence: &'static str,
        documented: Plural,
        verified: Plural,
        assumed: Plural,
        without_status: &'static str,
        with_status: &'static str,
        assumed_met: &'static str,
        assumed_note: &'static str,
        every_benchmark: &'static str,
    }
}

messages! {
    /// The plan report.
    PlanMessages {
        title: &'static str,
        result: &'static str,
        set: Plural,
        baseline: Plural,
        cheapest: &'static str,
        unreachable: &'static str,
        best: &'static str,
        committed: &'static str,
        whole_plan: &'static str,
        percentage_points: Plural,
        still_missing: &'static str,
        not_proven: &'static str,
        not_proven_cost: &'static str,
        not_proven_score: &'static str,
        cost: &'static str,
        activities: &'static str,
        id: &'static str,
        lands: &'static str,
        activity: &'static str,
        quarter: &'static str,
        raised: &'static str,
        benchmark: &'static str,
        rating: &'static str,
        by: &'static str,
        timeline: &'static str,
        quarter_header: &'static str,
        cumulative_cost: &'static str,
        tier: &'static str,
        landed: &'static str,
        baseline_row: &'static str,
        free: &'static str,
        marginal: &'static str,
        per_thousand: &'static str,
        points: &'static str,
        tier_then: &'static str,
        warnings: &'static str,
    }
}

messages! {
    /// The check report.
    CheckMessages {
        file: &'static str,
        result: &'static str,
        case: &'static str,
        assessment: &'static str,
        framework: &'static str,
        pass: &'static str,
        fail: &'static str,
        failed_case: &'static str,
        field: &'static str,
        expected: &'static str,
        actual: &'static str,
        summary: Plural,
    }
}

messages! {
    /// The diff report.
    DiffMessages {
        office: &'static str,
        file: &'static str,
        from: &'static str,
        from_tier: &'static str,
        to: &'static str,
        to_tier: &'static str,
        change: &'static str,
        up_mark: &'static str,
        down_mark: &'static str,
        notes: &'static str,
        note: &'static str,
        ignored: &'static str,
        blocked: &'static str,
        unrated: &'static str,
        written_for: &'static str,
        summary: Plural,
    }
}

messages! {
    /// The framework summary (`validate`).
    FrameworkMessages {
        valid: &'static str,
        summary: &'static str,
        id: &'static str,
        benchmarks: &'static str,
        benchmark_count: &'static str,
        rating_scale: &'static str,
        aggregation: &'static str,
        rounding: &'static str,
        tiers: &'static str,
        tier: &'static str,
        gates: &'static str,
        gate_label: &'static str,
        from: &'static str,
        strong_from: &'static str,
        cumulative: &'static str,
    }
}

messages! {
    /// The explain report.
    ExplainMessages {
        framework: &'static str,
        result_line: &'static str,
        outcome: &'static str,
        higher_rank: &'static str,
        top_rank: &'static str,
        reach: &'static str,
        unreachable: &'static str,
        already: &'static str,
        must_rise: Plural,
        still_failing: &'static str,
        points_missing: Plural,
        rests_on_nothing: &'static str,
        no_tier_to_hold: &'static str,
        rests_on: &'static str,
        unlosable: &'static str,
        lowering: Plural,
        then_failing: &'static str,
        none_assumed: &'static str,
        some_assumed: Plural,
        no_evidence: &'static str,
        title: &'static str,
        rating: &'static str,
        assumed: &'static str,
    }
}

messages! {
    /// The history report.
    HistoryMessages {
        title: Plural,
        span: &'static str,
        file: &'static str,
        office: &'static str,
        framework: &'static str,
        official: &'static str,
        exact: &'static str,
        tier: &'static str,
        met: &'static str,
        n_of_m: &'static str,
        step: &'static str,
        points: Plural,
        up: &'static str,
        down: &'static str,
        same: &'static str,
        nothing_moved: &'static str,
        moved: Plural,
        up_count: &'static str,
        down_count: &'static str,
        in_or_out: &'static str,
        benchmark: &'static str,
        title_column: &'static str,
        rating: &'static str,
    }
}

messages! {
    /// Warnings, by code; placeholders are the warning's parameters.
    WarningMessages {
        missing_evidence: &'static str,
        not_applicable_without_note: &'static str,
        version_mismatch: &'static str,
        framework_mismatch: &'static str,
        unknown_benchmark_ignored: &'static str,
        office_mismatch: &'static str,
    }
}

messages! {
    /// Charts of the HTML reports: titles, axes and marks.
    ChartMessages {
        percentage: &'static str,
        mark: &'static str,
        dimensions: &'static str,
        timeline: &'static str,
        cost: &'static str,
        offices: &'static str,
        rounds: &'static str,
        sheet: &'static str,
    }
}

messages! {
    /// Workbooks and CSV files (templates, converted files, the benchmark matrix of a report).
    /// Header words are also read back: a column or header-block label in any language names
    /// the same field.
    OfficeMessages {
        assessment_title: &'static str,
        plan_title: &'static str,
        office: &'static str,
        period: &'static str,
        framework: &'static str,
        version: &'static str,
        language: &'static str,
        id: &'static str,
        benchmark: &'static str,
        guidance: &'static str,
        rating: &'static str,
        value: &'static str,
        unit: &'static str,
        status: &'static str,
        note: &'static str,
        sources: &'static str,
        verification: &'static str,
        documented: &'static str,
        verified: &'static str,
        assumed: &'static str,
        at_least: &'static str,
        at_most: &'static str,
        otherwise: &'static str,
        bounds: &'static str,
        rating_prompt: &'static str,
        value_prompt: &'static str,
        every_benchmark: &'static str,
        basis: &'static str,
        credit: &'static str,
        currency: &'static str,
        budget: &'static str,
        activity: &'static str,
        title: &'static str,
        cost: &'static str,
        quarter: &'static str,
        committed: &'static str,
        funding: &'static str,
        effect_note: &'static str,
    }
}
