//! A report for people as data: a list of blocks in one language, every number already
//! written for that language. Each result's view builds one [`Doc`]; each writer
//! (`write/text.rs`, `write/markdown.rs`) renders any `Doc`, so a new output format is one new
//! writer, and a new report is one new view.

use crate::i18n::Lang;
use crate::report::chart::Chart;

/// A report: blocks in reading order, in one language (HTML names it in `<html lang>`).
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub(crate) blocks: Vec<Block>,
    pub(crate) lang: Lang,
}

impl Doc {
    /// An empty report in `lang`.
    pub(crate) fn new(lang: Lang) -> Doc {
        Doc {
            blocks: Vec::new(),
            lang,
        }
    }

    pub(crate) fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    pub(crate) fn title(&mut self, title: impl Into<String>) {
        self.push(Block::Title(title.into()));
    }

    pub(crate) fn section(&mut self, title: impl Into<String>) {
        self.push(Block::Section(title.into()));
    }

    pub(crate) fn paragraph(&mut self, text: impl Into<Rich>) {
        self.push(Block::Paragraph(text.into()));
    }

    /// A bulleted list; `nested` when it details the paragraph before it.
    pub(crate) fn list(&mut self, items: Vec<Rich>, nested: bool) {
        if !items.is_empty() {
            self.push(Block::List { items, nested });
        }
    }
}

/// One block of a report.
#[derive(Debug)]
pub(crate) enum Block {
    /// The report's title.
    Title(String),
    /// Lines under the title, each one fact (the framework, the period, …).
    Lines(Vec<String>),
    /// A section heading.
    Section(String),
    /// A paragraph.
    Paragraph(Rich),
    /// A bulleted list; a `nested` list belongs to the paragraph before it.
    List { items: Vec<Rich>, nested: bool },
    /// Label → value pairs.
    Facts(Vec<(String, Rich)>),
    /// A table with a header row.
    Table(Table),
    /// One record per item: a key and a title, then details in columns (a table in Markdown,
    /// indented lines in text).
    Records(Records),
    /// A chart of figures the report also gives as a table next to it: HTML draws it (SVG),
    /// text and Markdown leave it out.
    Chart(Chart),
}

/// A table: a header, rows of the same length, and which columns align right (numbers).
#[derive(Debug, Default)]
pub(crate) struct Table {
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<Vec<Rich>>,
    pub(crate) right: Vec<bool>,
}

impl Table {
    /// A table with these column names; `right` marks the columns aligned right.
    pub(crate) fn new(header: Vec<String>, right: Vec<bool>) -> Table {
        Table {
            header,
            rows: Vec::new(),
            right,
        }
    }

    pub(crate) fn row(&mut self, cells: Vec<Rich>) {
        self.rows.push(cells);
    }
}

/// Records: `header` names the key-and-title column first, then each detail column.
#[derive(Debug, Default)]
pub(crate) struct Records {
    pub(crate) header: Vec<Column>,
    pub(crate) rows: Vec<Record>,
}

/// A column of [`Records`]: its name (a Markdown header), and in text the label that leads
/// each of its lines, if any.
#[derive(Debug)]
pub(crate) struct Column {
    pub(crate) name: String,
    pub(crate) label: Option<String>,
}

impl Column {
    /// A column whose text lines carry no label.
    pub(crate) fn plain(name: &str) -> Column {
        Column {
            name: name.to_string(),
            label: None,
        }
    }

    /// A column whose text lines start with `label`.
    pub(crate) fn labelled(name: &str, label: &str) -> Column {
        Column {
            name: name.to_string(),
            label: Some(label.to_string()),
        }
    }
}

/// One record: its key (an id), its title, and one optional detail per column.
#[derive(Debug)]
pub(crate) struct Record {
    pub(crate) key: String,
    pub(crate) title: String,
    pub(crate) details: Vec<Option<Rich>>,
}

/// Text with light markup: plain runs, strong runs, code runs and line breaks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Rich(pub(crate) Vec<Span>);

/// A run of [`Rich`] text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Span {
    Plain(String),
    Strong(String),
    Code(String),
    /// A line break inside a cell or paragraph.
    Break,
}

impl Rich {
    pub(crate) fn strong(text: impl Into<String>) -> Rich {
        Rich(vec![Span::Strong(text.into())])
    }

    pub(crate) fn code(text: impl Into<String>) -> Rich {
        Rich(vec![Span::Code(text.into())])
    }

    /// Texts joined by line breaks.
    pub(crate) fn lines(parts: impl IntoIterator<Item = Rich>) -> Rich {
        let mut out = Rich::default();
        for (i, p) in parts.into_iter().enumerate() {
            if i > 0 {
                out.0.push(Span::Break);
            }
            out.0.extend(p.0);
        }
        out
    }

    /// The text without markup, line breaks as `sep`.
    pub(crate) fn plain(&self, sep: &str) -> String {
        let mut s = String::new();
        for span in &self.0 {
            match span {
                Span::Plain(t) | Span::Strong(t) | Span::Code(t) => s.push_str(t),
                Span::Break => s.push_str(sep),
            }
        }
        s
    }

    /// The text split at its line breaks.
    pub(crate) fn split_lines(&self) -> Vec<Rich> {
        let mut out = vec![Rich::default()];
        for span in &self.0 {
            match span {
                Span::Break => out.push(Rich::default()),
                other => {
                    if let Some(last) = out.last_mut() {
                        last.0.push(other.clone());
                    }
                }
            }
        }
        out
    }
}

impl From<String> for Rich {
    fn from(s: String) -> Rich {
        Rich(vec![Span::Plain(s)])
    }
}

impl From<&str> for Rich {
    fn from(s: &str) -> Rich {
        Rich(vec![Span::Plain(s.to_string())])
    }
}

impl From<&String> for Rich {
    fn from(s: &String) -> Rich {
        Rich(vec![Span::Plain(s.clone())])
    }
}
