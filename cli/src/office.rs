//! `gender-seal template` and `gender-seal convert`: the blank matrix (or plan) of a
//! framework, and an assessment or a plan between JSON, `.xlsx` and CSV. The kind of a file written is told by `--to` or
//! else by the extension of `-o` (`.json`, `.csv`, anything else `.xlsx`); the kind of a file
//! read, by its content.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use gender_seal::Location;
use gender_seal::assessment::sheet;
use gender_seal::plan::PlanFile;
use gender_seal::plan::sheet as plan_sheet;
use gender_seal::report::Rendered;
use gender_seal::{Assessment, Error, ErrorKind, Framework, FrameworkRef};

use crate::{Done, Output, builtin_named};

/// A file kind to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Kind {
    /// JSON, the library's own format.
    Json,
    /// An Excel workbook.
    Xlsx,
    /// CSV (UTF-8, comma-separated).
    Csv,
}

impl Kind {
    /// `--to`, else the extension of the output file, else a workbook.
    fn of(to: Option<Kind>, output: Option<&Path>) -> Kind {
        let ext = output
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        to.unwrap_or(match ext.as_deref() {
            Some("json") => Kind::Json,
            Some("csv") => Kind::Csv,
            _ => Kind::Xlsx,
        })
    }
}

/// Arguments of `template`.
#[derive(Debug, Args)]
pub(crate) struct TemplateArgs {
    /// Framework file; without it, the newest built-in version of the default framework.
    #[arg(long)]
    framework: Option<PathBuf>,
    /// The kind of file (default: by the extension of -o, else xlsx).
    #[arg(long, value_enum)]
    to: Option<Kind>,
    /// A plan template (activities, cost, quarter, committed, their effects) instead of the
    /// self-assessment matrix.
    #[arg(long)]
    plan: bool,
}

/// Arguments of `convert`.
#[derive(Debug, Args)]
pub(crate) struct ConvertArgs {
    /// Framework file; without it, the built-in framework the input names.
    #[arg(long)]
    framework: Option<PathBuf>,
    /// Assessment or plan to convert (JSON, .xlsx or CSV, told by content).
    input: PathBuf,
    /// The kind of file to write (default: by the extension of -o, else xlsx).
    #[arg(long, value_enum)]
    to: Option<Kind>,
}

/// A binary file is never written to a terminal.
fn refuse_terminal(kind: Kind, out: &Output) -> Result<(), Error> {
    if kind == Kind::Xlsx && out.output().is_none() && std::io::stdout().is_terminal() {
        return Err(Error::at(
            ErrorKind::Request,
            Location::Flag("-o".to_string()),
            "a workbook is a binary file: give it with -o FILE (or redirect standard output)",
        ));
    }
    Ok(())
}

fn write(a: &Assessment, fw: &Framework, kind: Kind, out: &Output) -> Result<Done, Error> {
    Ok(Done::ok(match kind {
        Kind::Json => Rendered::Text(a.to_json()),
        Kind::Xlsx => Rendered::Binary(sheet::to_xlsx(a, fw, out.lang())?),
        Kind::Csv => Rendered::Binary(sheet::to_csv(a, fw, out.lang())?),
    }))
}

pub(crate) fn template(args: &TemplateArgs, out: &Output) -> Result<Done, Error> {
    let kind = Kind::of(args.to, out.output());
    refuse_terminal(kind, out)?;
    let fw = match &args.framework {
        Some(path) => Framework::from_path(path)?,
        None => {
            let (id, _) = gender_seal::framework::builtin_frameworks()
                .next()
                .unwrap_or(("undp-gender-seal-co", ""));
            Framework::builtin_latest(id)?
        }
    };
    if args.plan {
        let blank = PlanFile {
            framework: FrameworkRef::of(&fw),
            office: String::new(),
            period: None,
            currency: None,
            budget: None,
            note: None,
            activities: Vec::new(),
            schema: None,
        };
        return write_plan(&blank, &fw, kind, out);
    }
    let blank = Assessment {
        framework: FrameworkRef::of(&fw),
        office: String::new(),
        period: None,
        evidence: Default::default(),
        schema: None,
    };
    write(&blank, &fw, kind, out)
}

fn write_plan(p: &PlanFile, fw: &Framework, kind: Kind, out: &Output) -> Result<Done, Error> {
    Ok(Done::ok(match kind {
        Kind::Json => Rendered::Text(p.to_json()),
        Kind::Xlsx => Rendered::Binary(plan_sheet::to_xlsx(p, fw, out.lang())?),
        Kind::Csv => Rendered::Binary(plan_sheet::to_csv(p, fw, out.lang())?),
    }))
}

/// Converts a plan: the framework given, or the built-in one the plan names.
fn convert_plan(args: &ConvertArgs, bytes: &[u8], out: &Output, kind: Kind) -> Result<Done, Error> {
    let input = args.input.display().to_string();
    let given = match &args.framework {
        Some(path) => Some(Framework::from_path(path)?),
        None => None,
    };
    let p = PlanFile::from_bytes(bytes, given.as_ref()).map_err(|e| e.in_file(&input))?;
    let fw = match given {
        Some(fw) => fw,
        None => builtin_named(&p.framework, false).map_err(|e| e.in_file(&input))?,
    };
    write_plan(&p, &fw, kind, out)
}

pub(crate) fn convert(args: &ConvertArgs, out: &Output) -> Result<Done, Error> {
    let kind = Kind::of(args.to, out.output());
    refuse_terminal(kind, out)?;
    let bytes = gender_seal::load::read_file(&args.input)
        .map_err(|e| e.in_file(args.input.display().to_string()))?;
    if gender_seal::load::grid::is_plan(&bytes) {
        return convert_plan(args, &bytes, out, kind);
    }
    let (a, fw) = match &args.framework {
        Some(path) => {
            let fw = Framework::from_path(path)?;
            (Assessment::from_path_for(&args.input, &fw)?, fw)
        }
        None => {
            let a = Assessment::from_path(&args.input)?;
            let fw = builtin_named(&a.framework, false)
                .map_err(|e| e.in_file(args.input.display().to_string()))?;
            (a, fw)
        }
    };
    write(&a, &fw, kind, out)
}
