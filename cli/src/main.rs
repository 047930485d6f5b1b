//! `gender-seal`: the command line over the library. It parses arguments, calls the library,
//! prints the rendered report and chooses the exit status: 0 success, 1 a failing check or a
//! change found with `--fail-on-change`, 2 bad input or usage (one message on stderr, nothing
//! on stdout).

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod check;
mod diff;
mod explain;
mod history;
mod office;
mod plan;
mod schema;
mod score;
mod validate;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::TypedValueParser;
use clap::{Args, Parser, Subcommand};
use gender_seal::i18n::Lang;
use gender_seal::report::Rendered;
use gender_seal::{Assessment, Error, ErrorKind, Format, Framework, FrameworkRef};

/// Scores Gender Equality Seal self-assessments exactly.
#[derive(Debug, Parser)]
#[command(name = "gender-seal", version, about)]
struct Cli {
    #[command(flatten)]
    output: Output,
    #[command(subcommand)]
    command: Command,
}

/// Options every command takes; their values are the library's own types.
#[derive(Debug, Args)]
pub(crate) struct Output {
    /// Output format.
    #[arg(long, global = true, default_value_t = Format::Text, value_parser = formats())]
    format: Format,
    /// Language of labels and report text: en or fr, any case, a region accepted (fr-FR); a
    /// framework text without it falls back to English.
    #[arg(long, global = true, default_value_t = Lang::EN, value_name = "LANG")]
    lang: Lang,
    /// Write the report to FILE instead of standard output (needed for a binary format such
    /// as xlsx when standard output is a terminal).
    #[arg(short = 'o', long = "output", global = true, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// The formats the library renders, listed in help and usage errors.
fn formats() -> impl clap::builder::TypedValueParser<Value = Format> {
    clap::builder::PossibleValuesParser::new(Format::ALL.iter().map(|f| f.name()))
        .try_map(|name| name.parse::<Format>())
}

impl Output {
    pub(crate) fn format(&self) -> Format {
        self.format
    }

    pub(crate) fn lang(&self) -> Lang {
        self.lang
    }

    /// The file given with `-o`, if any.
    pub(crate) fn output(&self) -> Option<&std::path::Path> {
        self.output.as_deref()
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a framework file and print a summary.
    Validate(validate::ValidateArgs),
    /// Score an assessment: percentage, official figure, tier, detail, what blocks the next tier.
    Score(score::ScoreArgs),
    /// What-if toward a target tier: cheapest set, best use of a budget, timeline, marginal value.
    Plan(plan::PlanArgs),
    /// Run regression expectation files.
    Check(check::CheckArgs),
    /// Score the same evidence under two frameworks, side by side.
    Diff(diff::DiffArgs),
    /// What a result rests on: the fewest benchmarks to raise for the target, to lose the rank.
    Explain(explain::ExplainArgs),
    /// One office's rounds side by side, ordered by period: what moved and which way.
    History(history::HistoryArgs),
    /// Print the JSON Schema of a file format.
    Schema(schema::SchemaArgs),
    /// Write the blank self-assessment matrix of a framework (xlsx or CSV) to fill in.
    Template(office::TemplateArgs),
    /// Convert an assessment between JSON, xlsx and CSV.
    Convert(office::ConvertArgs),
}

/// What a command produced: the report for stdout (or the `-o` file) and the exit status.
pub(crate) struct Done {
    pub stdout: Rendered,
    pub code: u8,
}

impl Done {
    pub(crate) fn ok(stdout: impl Into<Rendered>) -> Done {
        Done {
            stdout: stdout.into(),
            code: 0,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A binary report on a terminal would garble it: refuse before doing any work.
    if cli.output.format.is_binary()
        && cli.output.output.is_none()
        && std::io::stdout().is_terminal()
    {
        let _ = writeln!(
            std::io::stderr().lock(),
            "error: --format {} writes a binary file: give it with -o FILE (or redirect standard output)",
            cli.output.format
        );
        return ExitCode::from(2);
    }
    let result = match &cli.command {
        Command::Validate(a) => validate::run(a, &cli.output),
        Command::Score(a) => score::run(a, &cli.output),
        Command::Plan(a) => plan::run(a, &cli.output),
        Command::Check(a) => check::run(a, &cli.output),
        Command::Diff(a) => diff::run(a, &cli.output),
        Command::Explain(a) => explain::run(a, &cli.output),
        Command::History(a) => history::run(a, &cli.output),
        Command::Schema(a) => schema::run(a, &cli.output),
        Command::Template(a) => office::template(a, &cli.output),
        Command::Convert(a) => office::convert(a, &cli.output),
    };
    let result = result.and_then(|done| match cli.output.output() {
        Some(path) => std::fs::write(path, done.stdout.as_bytes())
            .map(|()| Done {
                stdout: Rendered::Text(String::new()),
                code: done.code,
            })
            .map_err(|e| {
                Error::new(ErrorKind::Io, "", format!("cannot write file: {e}"))
                    .in_file(path.display().to_string())
            }),
        None => Ok(done),
    });
    match result {
        Ok(done) => {
            // A closed pipe (`| head`) is not an error of ours: stop quietly.
            let _ = std::io::stdout().lock().write_all(done.stdout.as_bytes());
            ExitCode::from(done.code)
        }
        Err(e) => {
            let _ = writeln!(std::io::stderr().lock(), "error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Loads the framework given with `--framework`, or else the built-in framework the
/// assessment names; errors name the file at fault.
pub(crate) fn framework_for(
    framework: Option<&PathBuf>,
    assessment: &Assessment,
    assessment_path: &std::path::Path,
) -> Result<Framework, Error> {
    match framework {
        Some(path) => Framework::from_path(path),
        None => builtin_named(&assessment.framework, false)
            .map_err(|e| e.in_file(assessment_path.display().to_string())),
    }
}

/// The built-in framework a document names. With `any_version`, a document naming a version
/// that is not built in gets the newest built-in version of its id.
///
/// # Errors
///
/// [`ErrorKind::Request`] at `framework.id` or `framework.version`, suggesting `--framework`.
pub(crate) fn builtin_named(named: &FrameworkRef, any_version: bool) -> Result<Framework, Error> {
    let built_in: Vec<(&str, &str)> = gender_seal::framework::builtin_frameworks().collect();
    let same_id: Vec<&str> = built_in
        .iter()
        .filter(|(id, _)| *id == named.id)
        .map(|(_, v)| *v)
        .collect();
    let version = match same_id.as_slice() {
        [_, ..] if same_id.contains(&named.version.as_str()) => named.version.as_str(),
        [.., newest] if any_version => newest,
        _ => {
            let list = built_in
                .iter()
                .map(|(i, v)| format!("{i} {v}"))
                .collect::<Vec<_>>()
                .join(", ");
            let (path, also) = if same_id.is_empty() {
                ("framework.id", "")
            } else {
                (
                    "framework.version",
                    ", or score against the built-in version with --allow-version-mismatch",
                )
            };
            return Err(Error::new(
                ErrorKind::Request,
                path,
                format!(
                    "no built-in framework '{}' version '{}' (built in: {list}); give the framework file with --framework FILE{also}",
                    named.id, named.version
                ),
            ));
        }
    };
    Framework::builtin(&named.id, version)
}
