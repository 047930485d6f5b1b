//! `gender-seal`: the command line over the library. It parses arguments, calls the library,
//! prints the rendered report and chooses the exit status: 0 success, 1 a failing check or a
//! change found with `--fail-on-change`, 2 bad input or usage (one message on stderr, nothing
//! on stdout).

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod check;
mod diff;
mod plan;
mod schema;
mod score;
mod validate;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
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

/// Options every command takes.
#[derive(Debug, Args)]
pub(crate) struct Output {
    /// Output format.
    #[arg(long, global = true, default_value = "text", value_parser = ["text", "json", "markdown"])]
    format: String,
    /// Language of labels and report text (falls back to English where a text has no French).
    #[arg(long, global = true, default_value = "en", value_parser = ["en", "fr"])]
    lang: String,
}

impl Output {
    pub(crate) fn format(&self) -> Format {
        self.format.parse().unwrap_or_default()
    }

    pub(crate) fn lang(&self) -> &str {
        &self.lang
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
    /// Print the JSON Schema of a file format.
    Schema(schema::SchemaArgs),
}

/// What a command produced: the text for stdout and the exit status.
pub(crate) struct Done {
    pub stdout: String,
    pub code: u8,
}

impl Done {
    pub(crate) fn ok(stdout: String) -> Done {
        Done { stdout, code: 0 }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Validate(a) => validate::run(a, &cli.output),
        Command::Score(a) => score::run(a, &cli.output),
        Command::Plan(a) => plan::run(a, &cli.output),
        Command::Check(a) => check::run(a, &cli.output),
        Command::Diff(a) => diff::run(a, &cli.output),
        Command::Schema(a) => schema::run(a, &cli.output),
    };
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
/// that is not built in gets the one built-in version of its id, if there is exactly one.
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
        [only] if any_version => only,
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
