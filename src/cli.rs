//! The `depeche` command line: arguments are parsed into plain structs (testable on
//! argv slices), then turned into a reader, an extractor and a writer.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::extractor::Extractor;
use crate::input::{
    self, Article, FieldNames, InputFormat, InputOptions, InputPath, RawBlock, Reader, StdinName,
    Warn,
};
use crate::progress::Progress;
use crate::record::Record;
use crate::runner::{run_batches, RunnerOptions};
use crate::sqlite::Sqlite;
use crate::stages::{Laps, Stage};
use crate::ArticleMeta;

/// Exit status when every input was read (records with `status: "error"` included).
pub const EXIT_OK: u8 = 0;
/// Exit status when some input could not be read at all, or output could not be written.
pub const EXIT_INPUT_ERROR: u8 = 1;
/// Exit status on usage errors (clap's).
pub const EXIT_USAGE: u8 = 2;

/// Articles that go through each stage together (see [`Extractor::extract_batch`]).
const STAGE_MAJOR_ARTICLES: usize = 256;

/// Reads dumps of French news articles and writes one JSON record per article.
#[derive(Debug, Parser)]
#[command(name = "depeche", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract records from articles (text files, JSONL, .gz, directories, stdin).
    Extract(Box<ExtractArgs>),
    /// Print the JSON Schema (draft 2020-12) of a record, or the SQLite tables.
    Schema(SchemaArgs),
}

/// Arguments of `depeche schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Print the SQL of the tables `--sqlite` writes instead (SQLite dialect).
    #[arg(long)]
    pub sql: bool,
}

/// Arguments of `depeche extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, directories (walked recursively, sorted) or `-` for stdin; none reads stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write records to FILE instead of standard output (`-` for standard output, also
    /// with `--sqlite`).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Write records into the SQLite database FILE (created if needed; articles
    /// already there are replaced). Without `--output`, no JSONL is written.
    #[arg(long, value_name = "FILE")]
    pub sqlite: Option<PathBuf>,

    /// Worker threads [default: all cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// How to read inputs: by name and content, as one article each, or one per line.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    pub input_format: FormatArg,

    /// JSONL field holding the article text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// JSONL field holding the article id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// JSONL field holding the publication date.
    #[arg(long, default_value = "date", value_name = "NAME")]
    pub date_field: String,
    /// JSONL field holding the title.
    #[arg(long, default_value = "title", value_name = "NAME")]
    pub title_field: String,
    /// JSONL field holding the URL.
    #[arg(long, default_value = "url", value_name = "NAME")]
    pub url_field: String,

    /// Name standard input in records: their `source`, and the `NAME:LINE` id of lines
    /// that carry none [default: stdin].
    #[arg(long, value_name = "NAME")]
    pub stdin_name: Option<String>,

    /// Standard input is part K of a split input (a Spark partition or Hadoop split
    /// after the first, counted from 0): lines without an id get `NAME#K:LINE`.
    #[arg(long, value_name = "K")]
    pub stdin_part: Option<u64>,

    /// Publication date (YYYY-MM-DD) of articles that give none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<String>,

    /// Include sentence spans in records.
    #[arg(long)]
    pub sentences: bool,

    /// Extract from articles in any language, not only French ones.
    #[arg(long)]
    pub all_languages: bool,

    /// Show a progress bar on stderr: when it is a terminal, always, or never.
    #[arg(long, value_enum, default_value_t = ProgressArg::Auto)]
    pub progress: ProgressArg,

    /// At the end, print on stderr the CPU time of each stage (input, language,
    /// segmentation, dates, places, actors, sources, quotes, serialization, sqlite) and
    /// what each adds to the rest.
    #[arg(long)]
    pub stage_times: bool,
}

/// `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// By file name, else by content.
    Auto,
    /// One article per input.
    Text,
    /// One article per line.
    Jsonl,
}

/// `--progress`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProgressArg {
    /// When stderr is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

fn parse_date_arg(s: &str) -> Result<String, String> {
    match input::parse_date(s) {
        Some(date) if date.len() == s.len() => Ok(date),
        _ => Err(format!("`{s}` is not a date of the form YYYY-MM-DD")),
    }
}

impl ExtractArgs {
    fn input_options(&self) -> InputOptions {
        InputOptions {
            format: match self.input_format {
                FormatArg::Auto => InputFormat::Auto,
                FormatArg::Text => InputFormat::Text,
                FormatArg::Jsonl => InputFormat::Jsonl,
            },
            fields: FieldNames {
                text: self.text_field.clone(),
                id: self.id_field.clone(),
                date: self.date_field.clone(),
                title: self.title_field.clone(),
                url: self.url_field.clone(),
            },
            default_date: self.date.clone(),
        }
    }
}

/// Parses the process arguments and runs; the binary's whole `main`.
pub fn main() -> ExitCode {
    run(Cli::parse())
}

/// Runs a parsed command line and returns the exit status.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Schema(args) if args.sql => {
            print!("{}{}", crate::sqlite::DDL, crate::sqlite::INDEXES);
            ExitCode::from(EXIT_OK)
        }
        Command::Schema(_) => {
            println!("{}", crate::schema::record_schema_json());
            ExitCode::from(EXIT_OK)
        }
        Command::Extract(args) => ExitCode::from(extract(&args)),
    }
}

/// A database error as an output error, naming the file.
fn sqlite_error(path: &Option<PathBuf>, e: rusqlite::Error) -> io::Error {
    let name = path.as_deref().unwrap_or(Path::new("?")).display();
    io::Error::other(format!("{name}: {e}"))
}

fn extract(args: &ExtractArgs) -> u8 {
    // The lexicons are built while the output and inputs are opened and the first
    // articles read and segmented: a short run waits for the gazetteer only.
    std::thread::spawn(crate::prepare);
    // JSONL goes to standard output, or to `--output`; with `--sqlite` only if asked.
    let mut out: Option<Box<dyn Write + Send>> = match (&args.output, &args.sqlite) {
        (Some(path), _) if path.as_os_str() == "-" => Some(Box::new(io::stdout())),
        (Some(path), _) => match File::create(path) {
            Ok(file) => Some(Box::new(file)),
            Err(e) => {
                eprintln!("depeche: {}: {}", path.display(), input::plain(&e));
                return EXIT_INPUT_ERROR;
            }
        },
        (None, None) => Some(Box::new(io::stdout())),
        (None, Some(_)) => None,
    };
    let mut database = match &args.sqlite {
        Some(path) => match Sqlite::open(path) {
            Ok(db) => Some(db),
            Err(e) => {
                eprintln!("depeche: {}: {e}", path.display());
                return EXIT_INPUT_ERROR;
            }
        },
        None => None,
    };
    let jsonl = out.is_some();
    let keep_records = database.is_some();
    let inputs: Vec<InputPath> = args
        .paths
        .iter()
        .cloned()
        .map(InputPath::from_arg)
        .collect();
    let show = match args.progress {
        ProgressArg::Always => Some(true),
        ProgressArg::Never => Some(false),
        ProgressArg::Auto => None,
    };
    let reads_stdin = inputs.is_empty() || inputs.contains(&InputPath::Stdin);
    let mut progress = Progress::new(show, &args.paths, reads_stdin);
    let warn: Warn = {
        let progress = progress.clone();
        Arc::new(move |message: &str| progress.message(message))
    };
    let options = args.input_options();
    let mut stdin = StdinName::default();
    if let Some(name) = &args.stdin_name {
        stdin.name.clone_from(name);
    }
    // Part 0 is the start of the input: its lines are numbered as in a whole run.
    stdin.part = args.stdin_part.filter(|&part| part > 0);
    let reader = Reader::new(inputs, options.format, warn).with_stdin_name(stdin);
    let stats = reader.stats();
    let extractor = Extractor::builder()
        .sentences(args.sentences)
        .all_languages(args.all_languages)
        .build();
    let mut runner = RunnerOptions::default();
    if let Some(jobs) = args.jobs {
        runner.jobs = usize::from(jobs);
    }
    let mut articles = 0u64;
    // JSONL files are read a batch at a time, in whole lines.
    let result = run_batches(
        reader.blocks(runner.batch_weight),
        RawBlock::weight,
        |raws| extract_raws(&extractor, &options, raws, jsonl, keep_records),
        |batch: Extracted| {
            // One write per batch: whole records only, flushed for whoever reads a pipe.
            if let Some(out) = &mut out {
                out.write_all(&batch.jsonl)?;
                out.flush()?;
            }
            // One transaction per batch.
            if let Some(db) = &mut database {
                let mut laps = Laps::start();
                db.write(&batch.records)
                    .map_err(|e| sqlite_error(&args.sqlite, e))?;
                laps.lap(Stage::Database);
            }
            articles += batch.articles as u64;
            progress.update(stats.bytes.load(Ordering::Relaxed), articles);
            Ok(())
        },
        runner,
    );
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return EXIT_OK,
        Err(e) => {
            eprintln!("depeche: cannot write records: {}", input::plain(&e));
            return EXIT_INPUT_ERROR;
        }
    }
    if let Some(db) = database {
        if let Err(e) = db.close() {
            eprintln!(
                "depeche: cannot write records: {}",
                sqlite_error(&args.sqlite, e)
            );
            return EXIT_INPUT_ERROR;
        }
    }
    progress.finish(stats.bytes.load(Ordering::Relaxed), articles);
    if args.stage_times {
        eprint!("{}", crate::stages::report());
    }
    if stats.unreadable.load(Ordering::Relaxed) > 0 {
        EXIT_INPUT_ERROR
    } else {
        EXIT_OK
    }
}

/// The JSON lines (empty unless `jsonl`) and, if `keep`, the records of a batch of
/// raw articles, in order. The readable ones go through the extractor together, in
/// chunks of [`STAGE_MAJOR_ARTICLES`].
fn extract_raws(
    extractor: &Extractor,
    options: &InputOptions,
    raws: Vec<RawBlock>,
    jsonl: bool,
    keep: bool,
) -> Extracted {
    let mut laps = Laps::start();
    let mut articles = Vec::new();
    for raw in raws {
        raw.decode_into(options, &mut articles);
    }
    laps.lap(Stage::Input);
    let texts: Vec<(&str, &ArticleMeta)> = articles
        .iter()
        .filter_map(|article| match article {
            Article::Text { text, meta } => Some((text.as_str(), meta)),
            Article::Failed { .. } => None,
        })
        .collect();
    let mut extracted = Vec::with_capacity(texts.len());
    for chunk in texts.chunks(STAGE_MAJOR_ARTICLES) {
        extracted.extend(extractor.extract_batch(chunk));
    }
    let mut extracted = extracted.into_iter();
    let count = articles.len();
    let records: Vec<Record> = articles
        .into_iter()
        .map(|article| match article {
            // One record per text: never lose an article, even to a bug.
            Article::Text { meta, .. } => extracted
                .next()
                .unwrap_or_else(|| Record::error(&meta, "internal error: no record")),
            Article::Failed { meta, reason } => Record::error(&meta, reason),
        })
        .collect();
    let mut laps = Laps::start();
    let mut lines = Vec::new();
    if jsonl {
        // The batch's lines in one buffer sized from the records: one allocation, and
        // the writer hands it to the output as it is.
        lines.reserve_exact(records.iter().map(|r| r.json_size_bound() + 1).sum());
        for record in &records {
            record.append_json(&mut lines);
            lines.push(b'\n');
        }
    }
    laps.lap(Stage::Serialize);
    Extracted {
        jsonl: lines,
        records: if keep { records } else { Vec::new() },
        articles: count,
    }
}

/// What came of a batch of articles, for the writer.
struct Extracted {
    /// The records as JSON lines, in input order (empty without JSONL output).
    jsonl: Vec<u8>,
    /// The records themselves when a database is written, else none.
    records: Vec<Record>,
    /// Articles in the batch: one record each.
    articles: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("depeche").chain(args.iter().copied()))
    }

    #[test]
    fn extract_defaults() {
        let Command::Extract(args) = parse(&["extract"]).unwrap().command else {
            panic!()
        };
        assert!(args.paths.is_empty());
        assert_eq!(args.jobs, None);
        assert_eq!(args.input_options().fields, FieldNames::default());
        assert_eq!(args.progress, ProgressArg::Auto);
    }

    #[test]
    fn extract_options() {
        let cli = parse(&[
            "extract",
            "-j",
            "2",
            "-o",
            "out.jsonl",
            "--input-format",
            "jsonl",
            "--text-field",
            "body",
            "--date",
            "2025-04-10",
            "--sentences",
            "--all-languages",
            "--progress",
            "never",
            "a.jsonl",
            "-",
        ])
        .unwrap();
        let Command::Extract(args) = cli.command else {
            panic!()
        };
        assert_eq!(args.jobs, Some(2));
        assert_eq!(args.input_options().fields.text, "body");
        assert_eq!(args.input_options().format, InputFormat::Jsonl);
        assert_eq!(args.date.as_deref(), Some("2025-04-10"));
        assert!(args.sentences && args.all_languages);
        assert_eq!(args.paths.len(), 2);
        assert_eq!(InputPath::from_arg(&args.paths[1]), InputPath::Stdin);
    }

    #[test]
    fn usage_errors() {
        for bad in [
            &["extract", "--date", "2025-02-30"][..],
            &["extract", "--date", "2025-04-10T10:00"],
            &["extract", "-j", "0"],
            &["extract", "--input-format", "xml"],
            &["frobnicate"],
        ] {
            let error = parse(bad).unwrap_err();
            assert_eq!(error.exit_code(), i32::from(EXIT_USAGE), "{bad:?}");
        }
    }
}
