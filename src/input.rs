//! Reading inputs (SPEC §1): text files, JSONL/NDJSON files, gzip of either,
//! directories walked in sorted order, and standard input.
//!
//! [`Reader`] runs on one thread and only reads: it yields [`RawArticle`]s, the bytes
//! of one text file or one JSONL line; or, through [`Reader::blocks`], JSONL files as
//! blocks of whole lines ([`RawLines`]) that the workers split. Decoding and JSON
//! parsing happen on the workers, in [`RawArticle::into_article`] and
//! [`RawLines::articles`].

use std::borrow::Cow;
use std::collections::{HashSet, VecDeque};
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

use flate2::bufread::MultiGzDecoder;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::extractor::ArticleMeta;
use crate::record::TextEncoding;

/// How to read an input's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// By file name (`.jsonl`, `.ndjson` → JSONL; `.txt`, `.md` → text), else by content:
    /// JSONL if every non-empty line of the first 64 KiB is a JSON object.
    #[default]
    Auto,
    /// Every input is one article.
    Text,
    /// Every input has one article per line.
    Jsonl,
}

/// The names of the JSONL fields to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames {
    /// The article text (required).
    pub text: String,
    /// The record id.
    pub id: String,
    /// The publication date.
    pub date: String,
    /// The title.
    pub title: String,
    /// The URL.
    pub url: String,
}

impl Default for FieldNames {
    fn default() -> Self {
        FieldNames {
            text: "text".into(),
            id: "id".into(),
            date: "date".into(),
            title: "title".into(),
            url: "url".into(),
        }
    }
}

/// How inputs are read and turned into articles.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// Text, JSONL, or decided per input.
    pub format: InputFormat,
    /// JSONL field names.
    pub fields: FieldNames,
    /// Publication date (`YYYY-MM-DD`) of articles that give none.
    pub default_date: Option<String>,
}

/// Where an input comes from: a path, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputPath {
    /// Standard input (`-`).
    Stdin,
    /// A file or directory.
    Path(PathBuf),
}

impl InputPath {
    /// `-` is standard input, anything else a path.
    pub fn from_arg(arg: impl Into<PathBuf>) -> InputPath {
        let path = arg.into();
        if path.as_os_str() == "-" {
            InputPath::Stdin
        } else {
            InputPath::Path(path)
        }
    }
}

/// The name of standard input in records' `id` and `source`, unless told another.
pub const STDIN_NAME: &str = "stdin";

/// What standard input is called in records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StdinName {
    /// Its records' `source`, and the `NAME:LINE` id of its lines that carry none.
    pub name: String,
    /// The part of a split input it is (a Spark partition, a Hadoop split), when not
    /// the first: lines without an id get `NAME#PART:LINE`, so that two parts of one
    /// file never give the same id.
    pub part: Option<u64>,
}

impl Default for StdinName {
    fn default() -> Self {
        StdinName {
            name: STDIN_NAME.to_string(),
            part: None,
        }
    }
}

/// The raw bytes of one article, not yet decoded, and where they come from.
#[derive(Debug)]
pub struct RawArticle {
    /// Where the bytes were read.
    pub origin: Origin,
    /// The bytes: a whole text file or one JSONL line (without its line ending).
    pub bytes: Vec<u8>,
}

/// Where a [`RawArticle`] was read.
#[derive(Debug, Clone)]
pub enum Origin {
    /// A whole text file.
    TextFile {
        /// Its path.
        path: Arc<str>,
    },
    /// One line of a JSONL file.
    JsonLine {
        /// The file's path.
        path: Arc<str>,
        /// The part of the file it is, when standard input is one ([`StdinName`]).
        part: Option<u64>,
        /// 1-based line number (in the part).
        line: u64,
    },
    /// An input that could not be read.
    Unreadable {
        /// Its path.
        path: Arc<str>,
        /// Why, in plain words.
        reason: String,
    },
}

/// An article ready for extraction, or the reason it cannot be extracted.
#[derive(Debug)]
pub enum Article {
    /// Decoded text and metadata.
    Text {
        /// The article text.
        text: String,
        /// Its metadata.
        meta: ArticleMeta,
    },
    /// Unreadable: becomes a record with `status: "error"`.
    Failed {
        /// What is known of it.
        meta: ArticleMeta,
        /// Why, in plain words.
        reason: String,
    },
}

impl RawArticle {
    /// Input bytes this article stands for (for batching).
    pub fn weight(&self) -> usize {
        self.bytes.len() + 64
    }

    /// Decodes the bytes (UTF-8, else Windows-1252) and, for a JSONL line, parses it.
    pub fn into_article(self, options: &InputOptions) -> Article {
        match self.origin {
            Origin::TextFile { path } => {
                let (text, encoding) = decode(self.bytes);
                let meta = ArticleMeta {
                    id: path.to_string(),
                    source: Some(path.to_string()),
                    published: options.default_date.clone(),
                    encoding,
                    ..ArticleMeta::default()
                };
                Article::Text { text, meta }
            }
            Origin::JsonLine { path, part, line } => {
                json_line_article(&self.bytes, &path, part, line, options)
            }
            Origin::Unreadable { path, reason } => Article::Failed {
                meta: ArticleMeta {
                    id: path.to_string(),
                    source: Some(path.to_string()),
                    ..ArticleMeta::default()
                },
                reason,
            },
        }
    }
}

/// Many JSONL lines of one file read at once by [`Blocks`]: whole lines, split and
/// parsed on the workers, so that the reading thread neither splits nor copies them
/// one by one.
#[derive(Debug)]
pub struct RawLines {
    /// The file's path.
    pub path: Arc<str>,
    /// The part of the file it is, when standard input is one ([`StdinName`]).
    pub part: Option<u64>,
    /// 1-based number of the block's first line (in the part).
    pub first_line: u64,
    /// Lines in the block, blank ones included.
    pub lines: u64,
    /// The lines, each with its line ending but for the last line of a file without one.
    pub bytes: Vec<u8>,
}

impl RawLines {
    /// Input bytes the block stands for (for batching): its bytes, and per line as
    /// much as a [`RawArticle`] adds.
    pub fn weight(&self) -> usize {
        let lines = usize::try_from(self.lines).unwrap_or(usize::MAX);
        self.bytes.len().saturating_add(lines.saturating_mul(64))
    }

    /// The articles of the block's lines that are not blank, in order, as
    /// [`RawArticle::into_article`] makes them of one line each.
    pub fn articles<'a>(&'a self, options: &'a InputOptions) -> impl Iterator<Item = Article> + 'a {
        let mut rest = &self.bytes[..];
        let mut number = self.first_line;
        std::iter::from_fn(move || loop {
            if rest.is_empty() {
                return None;
            }
            let line = match memchr::memchr(b'\n', rest) {
                Some(end) => {
                    let line = &rest[..end];
                    rest = &rest[end + 1..];
                    line
                }
                None => std::mem::take(&mut rest),
            };
            let this = number;
            number += 1;
            if let Some(content) = line_content(line, this) {
                let line = &line[content];
                return Some(json_line_article(
                    line, &self.path, self.part, this, options,
                ));
            }
        })
    }
}

/// What [`Blocks`] yields: one raw article, or many lines of a JSONL file.
#[derive(Debug)]
pub enum RawBlock {
    /// A text file, one line of standard input, or an input that could not be read.
    Article(RawArticle),
    /// Whole lines of a JSONL file.
    Lines(RawLines),
}

impl RawBlock {
    /// Input bytes this block stands for (for batching).
    pub fn weight(&self) -> usize {
        match self {
            RawBlock::Article(article) => article.weight(),
            RawBlock::Lines(lines) => lines.weight(),
        }
    }

    /// Decodes the block's articles and appends them to `articles`, in order.
    pub fn decode_into(self, options: &InputOptions, articles: &mut Vec<Article>) {
        match self {
            RawBlock::Article(article) => articles.push(article.into_article(options)),
            RawBlock::Lines(lines) => articles.extend(lines.articles(options)),
        }
    }
}

/// The content of a JSONL line as read (line ending, if any, included): without the
/// `\r`/`\n` that end it and, on line 1, without a UTF-8 byte order mark; `None` when
/// what is left is blank (an empty line is no article).
fn line_content(line: &[u8], number: u64) -> Option<Range<usize>> {
    let mut end = line.len();
    while end > 0 && matches!(line[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    let start = if number == 1 && line[..end].starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let content = &line[start..end];
    (!content.iter().all(u8::is_ascii_whitespace)).then_some(start..end)
}

/// Decodes article bytes: a UTF-8 byte order mark is dropped, a UTF-16 one decodes
/// UTF-16, valid UTF-8 is kept as is, anything else is read as Windows-1252.
pub fn decode(mut bytes: Vec<u8>) -> (String, TextEncoding) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    } else if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, _) = encoding.decode_with_bom_removal(&bytes);
        let name = if encoding == encoding_rs::UTF_16BE {
            TextEncoding::Utf16Be
        } else {
            TextEncoding::Utf16Le
        };
        return (text.into_owned(), name);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, TextEncoding::Utf8),
        Err(e) => {
            let bytes = e.into_bytes();
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            (text.into_owned(), TextEncoding::Windows1252)
        }
    }
}

/// [`decode`] without taking the bytes: valid UTF-8 (after a UTF-8 byte order mark,
/// if any) is borrowed, not copied into a `String`, for a JSONL line that is only read
/// to copy its fields out.
///
/// Same result as [`decode`] on every input. Why: `String::from_utf8` costs about 4
/// instructions a byte on French text (its word-at-a-time ASCII path stops at every
/// accent), `encoding_rs`'s validation under 1; the line itself is never needed as an
/// owned `String`, which only `from_utf8` (or `unsafe`) could make.
fn decode_borrowed(bytes: &[u8]) -> (Cow<'_, str>, TextEncoding) {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest,
        // A UTF-16 byte order mark: rare, left to `decode`.
        None if encoding_rs::Encoding::for_bom(bytes).is_some() => {
            let (text, encoding) = decode(bytes.to_vec());
            return (Cow::Owned(text), encoding);
        }
        None => bytes,
    };
    match encoding_rs::UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => (text, TextEncoding::Utf8),
        None => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (Cow::Owned(text.into_owned()), TextEncoding::Windows1252)
        }
    }
}

/// Validates a publication date: `YYYY-MM-DD`, alone or opening a timestamp
/// (`2025-04-10T08:15:00+02:00`, `2025-04-10 08:15`). Returns the date part.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let date = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&day).then(|| date.to_string())
}

fn json_line_article(
    bytes: &[u8],
    path: &str,
    part: Option<u64>,
    line: u64,
    options: &InputOptions,
) -> Article {
    let id = match part {
        Some(part) => format!("{path}#{part}:{line}"),
        None => format!("{path}:{line}"),
    };
    let mut meta = ArticleMeta {
        id,
        source: Some(path.to_string()),
        published: options.default_date.clone(),
        ..ArticleMeta::default()
    };
    let (json, encoding) = decode_borrowed(bytes);
    meta.encoding = encoding;
    let fail = |meta, reason: String| Article::Failed { meta, reason };
    if !json.trim_start().starts_with('{') {
        return fail(meta, "line is not a JSON object".into());
    }
    let parse = |json: &str| -> Result<LineFields, serde_json::Error> {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let fields = (FieldsSeed(&options.fields)).deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(fields)
    };
    // A lone UTF-16 surrogate escape (`\ud800`), which exports cut mid-character
    // leave behind, is no character: it is read as U+FFFD rather than losing the line.
    let parsed = match parse_flat(&json, &options.fields) {
        Some(fields) => Ok(fields),
        None => parse(&json).or_else(|e| match replace_lone_surrogates(&json) {
            Some(repaired) => parse(&repaired),
            None => Err(e),
        }),
    };
    let fields = match parsed {
        Ok(fields) => fields,
        Err(e) => return fail(meta, format!("bad JSON line: {e}")),
    };
    // An empty id names nothing: the line's `PATH:LINE` stays the id.
    match fields.id {
        Some(JsonScalar::Str(id)) if !id.trim().is_empty() => meta.id = id,
        Some(JsonScalar::Number(n)) => meta.id = n,
        _ => {}
    }
    meta.title = fields.title.and_then(JsonScalar::into_string);
    meta.url = fields.url.and_then(JsonScalar::into_string);
    if let Some(date) = fields.date.and_then(JsonScalar::into_string) {
        if let Some(date) = parse_date(&date) {
            meta.published = Some(date);
        }
    }
    let field = &options.fields.text;
    match fields.text {
        Some(JsonScalar::Str(text)) => Article::Text { text, meta },
        None => fail(meta, format!("no \"{field}\" field")),
        Some(other) => fail(
            meta,
            format!("\"{field}\" is {}, not a string", other.kind()),
        ),
    }
}

/// The fields of a JSONL line that is a flat object of strings (`{"id": "a1", "text":
/// "…"}`), as serde_json reads them; `None` for any other line (a number, `null`, a
/// nested value, an escaped key, a lone surrogate, a syntax error…), left to
/// serde_json.
///
/// Why: serde_json looks for the end of a string 8 bytes at a time, about 3
/// instructions a byte, and copies a string with escapes twice; here `memchr` finds
/// it a vector at a time and the text is copied once. Lines of press dumps are such
/// objects.
fn parse_flat(json: &str, names: &FieldNames) -> Option<LineFields> {
    let b = json.as_bytes();
    let mut i = skip_json_space(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    let mut fields = LineFields::default();
    loop {
        i = skip_json_space(b, i + 1);
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let (key, next) = flat_string(json, i + 1)?;
        // An escaped key is left to serde_json: it is seldom.
        let Cow::Borrowed(key) = key else {
            return None;
        };
        i = skip_json_space(b, next);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_json_space(b, i + 1);
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let (value, next) = flat_string(json, i + 1)?;
        let slot = match field(names, key) {
            Field::Text => Some(&mut fields.text),
            Field::Id => Some(&mut fields.id),
            Field::Date => Some(&mut fields.date),
            Field::Title => Some(&mut fields.title),
            Field::Url => Some(&mut fields.url),
            // A field the record does not keep: not copied.
            Field::Other => None,
        };
        // The last of a repeated key counts, as with serde_json.
        if let Some(slot) = slot {
            *slot = Some(JsonScalar::Str(value.into_owned()));
        }
        i = skip_json_space(b, next);
        match b.get(i) {
            Some(b',') => {}
            Some(b'}') => break,
            _ => return None,
        }
    }
    (skip_json_space(b, i + 1) == b.len()).then_some(fields)
}

/// The index of the first byte at or after `i` that is no JSON whitespace.
fn skip_json_space(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\n' | b'\t' | b'\r'))
    {
        i += 1;
    }
    i
}

/// The JSON string whose content starts at byte `start` of `json` (after its opening
/// quote), unescaped, and the index after its closing quote; `None` if it is not
/// one serde_json would read as is: a control character, an unknown escape, a lone
/// surrogate escape, no closing quote.
fn flat_string(json: &str, start: usize) -> Option<(Cow<'_, str>, usize)> {
    let b = json.as_bytes();
    let mut out = String::new();
    let mut from = start;
    loop {
        let at = from + memchr::memchr2(b'"', b'\\', &b[from..])?;
        // No control character (U+0000 to U+001F) unescaped: the least byte tells, in
        // a loop the compiler turns into vector instructions.
        if b[from..at].iter().fold(u8::MAX, |m, &c| m.min(c)) < 0x20 {
            return None;
        }
        if b[at] == b'"' {
            if from == start {
                return Some((Cow::Borrowed(&json[start..at]), at + 1));
            }
            out.push_str(&json[from..at]);
            // Room was reserved for the rest of the line: a short field (a title
            // with an escaped quote) gives back what it did not use.
            if out.capacity() > 2 * out.len() + 64 {
                out.shrink_to_fit();
            }
            return Some((Cow::Owned(out), at + 1));
        }
        if from == start {
            // Room for the rest of the line at the first escape: a text has one every
            // paragraph, and growing by doubling would copy it again and again.
            out.reserve(b.len() - start);
        }
        out.push_str(&json[from..at]);
        let (c, len) = match b.get(at + 1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            b'u' => match hex4(b, at + 2)? {
                high @ 0xd800..=0xdbff => {
                    if b.get(at + 6..at + 8)? != b"\\u" {
                        return None;
                    }
                    let low = hex4(b, at + 8)?;
                    if !(0xdc00..=0xdfff).contains(&low) {
                        return None;
                    }
                    let c = 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
                    (char::from_u32(c)?, 12)
                }
                unit => (char::from_u32(unit)?, 6),
            },
            _ => return None,
        };
        out.push(c);
        from = at + len;
    }
}

/// The value of the four hexadecimal digits at byte `at`.
fn hex4(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4)?
        .iter()
        .try_fold(0, |n, &c| Some(n << 4 | char::from(c).to_digit(16)?))
}

/// `json` with every `\uXXXX` escape of a lone surrogate (one not in a high-low
/// pair) replaced by `\ufffd`; `None` when it has none.
fn replace_lone_surrogates(json: &str) -> Option<String> {
    let bytes = json.as_bytes();
    // The code unit of the escape `\uXXXX` at byte `at`, if there is one.
    let unit = |at: usize| -> Option<u16> {
        let hex = bytes.get(at..at + 6)?;
        if hex[0] != b'\\' || hex[1] != b'u' {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()
    };
    let is_high = |u: u16| (0xd800..0xdc00).contains(&u);
    let is_low = |u: u16| (0xdc00..0xe000).contains(&u);
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(u) if is_high(u) && unit(i + 6).is_some_and(is_low) => i += 12,
            Some(u) if is_high(u) || is_low(u) => {
                out.push_str(&json[copied..i]);
                out.push_str("\\ufffd");
                i += 6;
                copied = i;
            }
            // Any other escape, `\\` included, is two bytes or a whole `\uXXXX`.
            Some(_) => i += 6,
            None => i += 2,
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&json[copied..]);
    Some(out)
}

/// A JSON value as far as depeche cares: strings and numbers are kept, the rest only named.
#[derive(Debug, PartialEq)]
enum JsonScalar {
    Str(String),
    Number(String),
    Other(&'static str),
}

impl JsonScalar {
    fn into_string(self) -> Option<String> {
        match self {
            JsonScalar::Str(s) => Some(s),
            _ => None,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            JsonScalar::Str(_) => "a string",
            JsonScalar::Number(_) => "a number",
            JsonScalar::Other(kind) => kind,
        }
    }
}

impl<'de> de::Deserialize<'de> for JsonScalar {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl<'de> Visitor<'de> for ScalarVisitor {
            type Value = JsonScalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<JsonScalar, E> {
                Ok(JsonScalar::Str(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<JsonScalar, E> {
                Ok(JsonScalar::Str(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<JsonScalar, E> {
                Ok(JsonScalar::Number(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<JsonScalar, E> {
                Ok(JsonScalar::Number(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<JsonScalar, E> {
                Ok(JsonScalar::Number(v.to_string()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<JsonScalar, E> {
                Ok(JsonScalar::Other("a boolean"))
            }
            fn visit_unit<E>(self) -> Result<JsonScalar, E> {
                Ok(JsonScalar::Other("null"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonScalar, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(JsonScalar::Other("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonScalar, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(JsonScalar::Other("an object"))
            }
        }
        d.deserialize_any(ScalarVisitor)
    }
}

/// The fields of a JSONL line that depeche reads; the others are skipped unparsed.
#[derive(Debug, Default, PartialEq)]
struct LineFields {
    text: Option<JsonScalar>,
    id: Option<JsonScalar>,
    date: Option<JsonScalar>,
    title: Option<JsonScalar>,
    url: Option<JsonScalar>,
}

#[derive(Clone, Copy)]
enum Field {
    Text,
    Id,
    Date,
    Title,
    Url,
    Other,
}

/// Deserializes a line's object, reading only the fields named in [`FieldNames`].
struct FieldsSeed<'a>(&'a FieldNames);

impl<'de> DeserializeSeed<'de> for FieldsSeed<'_> {
    type Value = LineFields;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<LineFields, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FieldsSeed<'_> {
    type Value = LineFields;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LineFields, A::Error> {
        let mut fields = LineFields::default();
        while let Some(field) = map.next_key_seed(KeySeed(self.0))? {
            let slot = match field {
                Field::Text => &mut fields.text,
                Field::Id => &mut fields.id,
                Field::Date => &mut fields.date,
                Field::Title => &mut fields.title,
                Field::Url => &mut fields.url,
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value::<JsonScalar>()?);
        }
        Ok(fields)
    }
}

/// Recognizes a key without allocating it.
struct KeySeed<'a>(&'a FieldNames);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Field;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Field, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = Field;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E>(self, key: &str) -> Result<Field, E> {
        Ok(field(self.0, key))
    }
}

/// The field a key names.
fn field(names: &FieldNames, key: &str) -> Field {
    if key == names.text {
        Field::Text
    } else if key == names.id {
        Field::Id
    } else if key == names.date {
        Field::Date
    } else if key == names.title {
        Field::Title
    } else if key == names.url {
        Field::Url
    } else {
        Field::Other
    }
}

/// Counters the reader keeps for progress and the exit status.
#[derive(Debug, Default)]
pub struct ReadStats {
    /// Bytes read from files and standard input (compressed bytes for gzip).
    pub bytes: AtomicU64,
    /// Inputs that could not be read at all.
    pub unreadable: AtomicUsize,
}

/// Where the reader reports inputs it cannot read (one `path: error` line each).
pub type Warn = Arc<dyn Fn(&str) + Send + Sync>;

/// Yields the raw articles of a list of inputs, in order: files in the order given,
/// directories walked recursively in sorted order (hidden entries skipped, each
/// directory visited once even through symbolic link loops).
pub struct Reader {
    pending: VecDeque<InputPath>,
    current: Option<LineSource>,
    format: InputFormat,
    visited_dirs: HashSet<PathBuf>,
    stats: Arc<ReadStats>,
    warn: Warn,
    stdin: StdinName,
}

struct LineSource {
    path: Arc<str>,
    part: Option<u64>,
    reader: Box<dyn BufRead + Send>,
    /// Lines read so far.
    line: u64,
    /// Standard input, a pipe or a device, not a regular file: read line by line, each
    /// line handed on as soon as it comes, however slowly the next ones do.
    streaming: bool,
    /// The read error that stopped a block, to report once the whole lines read
    /// before it are handed on ([`Blocks`]).
    failed: Option<io::Error>,
}

impl Reader {
    /// A reader of `inputs`; an empty list reads standard input.
    pub fn new(inputs: Vec<InputPath>, format: InputFormat, warn: Warn) -> Reader {
        let pending = if inputs.is_empty() {
            VecDeque::from([InputPath::Stdin])
        } else {
            inputs.into()
        };
        Reader {
            pending,
            current: None,
            format,
            visited_dirs: HashSet::new(),
            stats: Arc::default(),
            warn,
            stdin: StdinName::default(),
        }
    }

    /// Names standard input in records (`stdin` unless told).
    pub fn with_stdin_name(mut self, stdin: StdinName) -> Reader {
        self.stdin = stdin;
        self
    }

    /// The counters of this reader, shared with whoever shows progress.
    pub fn stats(&self) -> Arc<ReadStats> {
        Arc::clone(&self.stats)
    }

    fn unreadable(&self, path: &str, reason: String) -> RawArticle {
        self.stats.unreadable.fetch_add(1, Ordering::Relaxed);
        (self.warn)(&format!("{path}: {reason}"));
        RawArticle {
            origin: Origin::Unreadable {
                path: path.into(),
                reason,
            },
            bytes: Vec::new(),
        }
    }

    fn next_line(&mut self) -> Option<RawArticle> {
        let source = self.current.as_mut()?;
        loop {
            let mut bytes = Vec::new();
            match source.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(_) => {
                    source.line += 1;
                    let Some(content) = line_content(&bytes, source.line) else {
                        continue;
                    };
                    bytes.truncate(content.end);
                    bytes.drain(..content.start);
                    return Some(RawArticle {
                        origin: Origin::JsonLine {
                            path: Arc::clone(&source.path),
                            part: source.part,
                            line: source.line,
                        },
                        bytes,
                    });
                }
                Err(e) => return self.read_error(&e),
            }
        }
    }

    /// The current JSONL source's next lines: at least `size` bytes, then up to the end
    /// of the line reached (or to the end of the input). After a read error, the whole
    /// lines read before it, then the error.
    fn next_lines(&mut self, size: usize) -> Option<RawBlock> {
        let source = self.current.as_mut()?;
        if let Some(e) = source.failed.take() {
            return self.read_error(&e).map(RawBlock::Article);
        }
        let mut bytes = Vec::with_capacity(size.saturating_add(1 << 16));
        let read = (&mut source.reader)
            .take(size as u64)
            .read_to_end(&mut bytes)
            .and_then(|_| match bytes.last() {
                Some(&last) if bytes.len() >= size && last != b'\n' => {
                    source.reader.read_until(b'\n', &mut bytes)
                }
                _ => Ok(0),
            });
        if let Err(e) = read {
            // A line cut by the error is not handed on (as by `next_line`).
            let whole = memchr::memrchr(b'\n', &bytes).map_or(0, |end| end + 1);
            bytes.truncate(whole);
            if bytes.is_empty() {
                return self.read_error(&e).map(RawBlock::Article);
            }
            // Reported at the next call, after the lines read before it.
            source.failed = Some(e);
        }
        if bytes.is_empty() {
            self.current = None;
            return None;
        }
        // The end of an input (or a small file): not a whole block's room held while the
        // block waits for a worker.
        if bytes.capacity() - bytes.len() > 1 << 16 {
            bytes.shrink_to_fit();
        }
        let mut lines = memchr::memchr_iter(b'\n', &bytes).count() as u64;
        if bytes.last() != Some(&b'\n') {
            lines += 1; // the last line of an input without a final line ending
        }
        let first_line = source.line + 1;
        source.line += lines;
        Some(RawBlock::Lines(RawLines {
            path: Arc::clone(&source.path),
            part: source.part,
            first_line,
            lines,
            bytes,
        }))
    }

    /// The record of a read error in the current source, which ends it.
    fn read_error(&mut self, e: &io::Error) -> Option<RawArticle> {
        let source = self.current.take()?;
        let reason = format!("read error after line {}: {}", source.line, plain(e));
        Some(self.unreadable(&source.path, reason))
    }

    /// Opens one input: a text article, the start of a JSONL source, or an error.
    fn open(&mut self, input: InputPath) -> Option<RawArticle> {
        let is_stdin = input == InputPath::Stdin;
        let part = if is_stdin { self.stdin.part } else { None };
        let mut streaming = is_stdin;
        let (name, reader): (String, Box<dyn Read + Send>) = match input {
            InputPath::Stdin => (self.stdin.name.clone(), Box::new(io::stdin())),
            InputPath::Path(path) => {
                let name = path.to_string_lossy().into_owned();
                let metadata = match std::fs::metadata(&path) {
                    Ok(m) => m,
                    Err(e) => return Some(self.unreadable(&name, plain(&e))),
                };
                if metadata.is_dir() {
                    return self.expand_dir(&path, &name);
                }
                streaming = !metadata.is_file();
                match File::open(&path) {
                    Ok(file) => (name, Box::new(file)),
                    Err(e) => return Some(self.unreadable(&name, plain(&e))),
                }
            }
        };
        let counted = CountingReader {
            inner: reader,
            stats: Arc::clone(&self.stats),
        };
        let mut reader: Box<dyn BufRead + Send> =
            Box::new(BufReader::with_capacity(1 << 16, counted));
        match reader.fill_buf() {
            Ok([0x1f, 0x8b, ..]) => {
                reader = Box::new(BufReader::with_capacity(
                    1 << 16,
                    MultiGzDecoder::new(reader),
                ));
            }
            Ok(_) => {}
            Err(e) => return Some(self.unreadable(&name, plain(&e))),
        }
        let format = match self.format {
            InputFormat::Auto => format_from_name(&name),
            forced => forced,
        };
        let (format, mut reader) = match format {
            InputFormat::Auto => match sniff(reader) {
                Ok(found) => found,
                Err(e) => return Some(self.unreadable(&name, plain(&e))),
            },
            known => (known, reader),
        };
        // Empty standard input holds no article (an empty partition in a pipe), while
        // an empty file is an empty article.
        let empty = matches!(reader.fill_buf(), Ok(buf) if buf.is_empty());
        if empty && is_stdin {
            return None;
        }
        let path: Arc<str> = name.into();
        if format == InputFormat::Jsonl {
            self.current = Some(LineSource {
                path,
                part,
                reader,
                line: 0,
                streaming,
                failed: None,
            });
            return None;
        }
        let mut bytes = Vec::new();
        match reader.read_to_end(&mut bytes) {
            Ok(_) => Some(RawArticle {
                origin: Origin::TextFile { path },
                bytes,
            }),
            Err(e) => Some(self.unreadable(&path, plain(&e))),
        }
    }

    /// Queues a directory's entries, sorted, before the inputs that follow it.
    fn expand_dir(&mut self, dir: &Path, name: &str) -> Option<RawArticle> {
        let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        if !self.visited_dirs.insert(canonical) {
            return None; // a symbolic link back to a directory already walked
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => return Some(self.unreadable(name, plain(&e))),
        };
        let mut names: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.file_name())
            .filter(|name| !name.to_string_lossy().starts_with('.'))
            .collect();
        names.sort();
        for file_name in names.into_iter().rev() {
            self.pending
                .push_front(InputPath::Path(dir.join(file_name)));
        }
        None
    }
}

/// The inputs of a [`Reader`] in blocks of about a given size: JSONL files as runs of
/// whole lines ([`RawLines`]), split into articles by whoever decodes them; text files,
/// and the lines of standard input, pipes and devices, one article at a time, as the
/// reader yields them (each line of a slow pipe goes through as soon as it comes).
pub struct Blocks {
    reader: Reader,
    size: usize,
}

impl Reader {
    /// The inputs in blocks of at least `size` bytes of JSONL lines (see [`Blocks`]).
    pub fn blocks(self, size: usize) -> Blocks {
        Blocks {
            reader: self,
            size: size.max(1),
        }
    }
}

impl Iterator for Blocks {
    type Item = RawBlock;

    fn next(&mut self) -> Option<RawBlock> {
        let reader = &mut self.reader;
        loop {
            let next = match &reader.current {
                Some(source) if source.streaming => reader.next_line().map(RawBlock::Article),
                Some(_) => reader.next_lines(self.size),
                None => {
                    let input = reader.pending.pop_front()?;
                    reader.open(input).map(RawBlock::Article)
                }
            };
            if next.is_some() {
                return next;
            }
        }
    }
}

impl Iterator for Reader {
    type Item = RawArticle;

    fn next(&mut self) -> Option<RawArticle> {
        loop {
            if self.current.is_some() {
                if let Some(article) = self.next_line() {
                    return Some(article);
                }
                continue;
            }
            let input = self.pending.pop_front()?;
            if let Some(article) = self.open(input) {
                return Some(article);
            }
        }
    }
}

/// The format a file name announces, looking through a `.gz` extension.
fn format_from_name(name: &str) -> InputFormat {
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    let extension = Path::new(lower).extension().and_then(|e| e.to_str());
    match extension {
        Some("jsonl" | "ndjson") => InputFormat::Jsonl,
        Some("txt" | "md" | "text") => InputFormat::Text,
        _ => InputFormat::Auto,
    }
}

/// How much of an input is looked at to tell JSONL from text.
const SNIFF_BYTES: usize = 1 << 16;

/// Reads up to [`SNIFF_BYTES`] to decide between JSONL and text: JSONL when every
/// non-empty line read is a JSON object (a line longer than that only has to start
/// like one). Returns the decision and a reader that still yields every byte.
fn sniff(
    mut reader: Box<dyn BufRead + Send>,
) -> io::Result<(InputFormat, Box<dyn BufRead + Send>)> {
    let mut prefix = Vec::new();
    (&mut reader)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut prefix)?;
    let at_eof = prefix.len() < SNIFF_BYTES;
    let content = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&prefix);
    let mut lines: Vec<&[u8]> = content.split(|&b| b == b'\n').collect();
    if !at_eof && lines.len() > 1 {
        lines.pop(); // cut by the sniff limit
    }
    let complete = at_eof || lines.len() > 1;
    let mut seen = 0;
    let jsonl = lines.iter().all(|line| {
        let line = line.trim_ascii();
        if line.is_empty() {
            return true;
        }
        seen += 1;
        line.starts_with(b"{") && (!complete || serde_json::from_slice::<IgnoredAny>(line).is_ok())
    }) && seen > 0;
    let format = if jsonl {
        InputFormat::Jsonl
    } else {
        InputFormat::Text
    };
    let reader = Box::new(BufReader::new(io::Cursor::new(prefix).chain(reader)));
    Ok((format, reader))
}

/// Counts the bytes read from an input, for progress.
struct CountingReader {
    inner: Box<dyn Read + Send>,
    stats: Arc<ReadStats>,
}

impl Read for CountingReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.stats.bytes.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// An I/O error in plain words: `no such file or directory`, without `(os error 2)`.
pub fn plain(e: &io::Error) -> String {
    let message = e.to_string();
    let message = match message.find(" (os error") {
        Some(i) => &message[..i],
        None => &message,
    };
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "unknown error".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(line: &str) -> Article {
        RawArticle {
            origin: Origin::JsonLine {
                path: "dump.jsonl".into(),
                part: None,
                line: 3,
            },
            bytes: line.as_bytes().to_vec(),
        }
        .into_article(&InputOptions::default())
    }

    #[test]
    fn an_empty_id_keeps_the_path_and_line() {
        for line in [r#"{"id": "", "text": "x"}"#, r#"{"id": "  ", "text": "x"}"#] {
            let Article::Text { meta, .. } = article(line) else {
                panic!("{line} is an article");
            };
            assert_eq!(meta.id, "dump.jsonl:3", "{line}");
        }
    }

    #[test]
    fn lone_surrogate_escapes_become_replacement_characters() {
        let Article::Text { text, meta } =
            article(r#"{"id": "s1", "text": "avant \ud800 puis \udc00, \ud83d\ude00 et \\ud800"}"#)
        else {
            panic!("a line with lone surrogates is still an article");
        };
        assert_eq!(meta.id, "s1");
        assert_eq!(text, "avant \u{fffd} puis \u{fffd}, \u{1f600} et \\ud800");
        // A line without any is left to the parser as it is.
        assert_eq!(
            replace_lone_surrogates(r#"{"text": "\ud83d\ude00 \\ud800"}"#),
            None
        );
        // A high surrogate cut at the end of the line.
        assert_eq!(
            replace_lone_surrogates(r#"{"text": "fin \ud83d"}"#).as_deref(),
            Some(r#"{"text": "fin \ufffd"}"#)
        );
    }

    #[test]
    fn json_line_with_every_field() {
        let Article::Text { text, meta } = article(
            r#"{"id": "a1", "text": "Bonjour", "date": "2025-04-10T08:15:00+02:00", "title": "T", "url": "u", "extra": [1, {"x": 2}]}"#,
        ) else {
            panic!()
        };
        assert_eq!(text, "Bonjour");
        assert_eq!(meta.id, "a1");
        assert_eq!(meta.published.as_deref(), Some("2025-04-10"));
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(meta.url.as_deref(), Some("u"));
    }

    #[test]
    fn json_line_without_id_gets_path_and_line() {
        let Article::Text { meta, .. } = article(r#"{"text": "x", "id": null}"#) else {
            panic!()
        };
        assert_eq!(meta.id, "dump.jsonl:3");
        let Article::Text { meta, .. } = article(r#"{"text": "x", "id": 42}"#) else {
            panic!()
        };
        assert_eq!(meta.id, "42");
    }

    #[test]
    fn bad_json_lines_fail_with_reasons() {
        let reason = |line| match article(line) {
            Article::Failed { reason, .. } => reason,
            Article::Text { .. } => panic!("{line} was accepted"),
        };
        assert_eq!(reason(r#"{"id": "x"}"#), "no \"text\" field");
        assert_eq!(
            reason(r#"{"text": 12}"#),
            "\"text\" is a number, not a string"
        );
        assert_eq!(
            reason(r#"{"text": null}"#),
            "\"text\" is null, not a string"
        );
        assert_eq!(reason(r#"[1, 2]"#), "line is not a JSON object");
        assert!(reason(r#"{"text": "coupé"#).starts_with("bad JSON line: EOF"));
        assert!(reason(r#"{"text": "a"} {"#).starts_with("bad JSON line: trailing"));
        let deep = format!("{{\"x\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        // Deep nesting is skipped without recursion: no stack overflow.
        assert_eq!(reason(&deep), "no \"text\" field");
        let deep_text = format!(
            "{{\"text\": {}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(reason(&deep_text), "\"text\" is an array, not a string");
    }

    #[test]
    fn decoding() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFabc".to_vec()),
            ("abc".into(), TextEncoding::Utf8)
        );
        assert_eq!(
            decode(b"caf\xE9 \x80".to_vec()),
            ("café €".into(), TextEncoding::Windows1252)
        );
        assert_eq!(
            decode(b"\xFF\xFEa\x00\xE9\x00".to_vec()),
            ("aé".into(), TextEncoding::Utf16Le)
        );
        assert_eq!(decode(b"a\r\nb".to_vec()).0, "a\r\nb");
    }

    /// Pieces of inputs to decode: byte order marks, French letters, cut or invalid
    /// UTF-8 sequences (surrogates, overlong forms, past U+10FFFF), Windows-1252 bytes.
    const BYTE_PIECES: &[&[u8]] = &[
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"a",
        b" ",
        b"\x00",
        "é".as_bytes(),
        "’".as_bytes(),
        "😀".as_bytes(),
        b"\xC3",
        b"\xE2\x80",
        b"\xF0\x9F\x98",
        b"\xED\xA0\x80",
        b"\xC0\xAF",
        b"\xE0\x80\xAF",
        b"\xF4\x90\x80\x80",
        b"\xF5",
        b"\x80",
        b"\xE9",
        b"\xBF",
        b"abcdefghijklmnopqrstuvwxyz",
    ];

    proptest::proptest! {
        #[test]
        fn decode_borrowed_is_decode(
            pieces in proptest::collection::vec(0usize..BYTE_PIECES.len(), 0..40),
            noise in proptest::collection::vec(proptest::num::u8::ANY, 0..40),
        ) {
            let mut bytes: Vec<u8> = pieces.iter().flat_map(|&p| BYTE_PIECES[p]).copied().collect();
            for input in [bytes.clone(), noise.clone(), {
                bytes.extend(&noise);
                bytes
            }] {
                let (text, encoding) = decode_borrowed(&input);
                proptest::prop_assert_eq!((text.into_owned(), encoding), decode(input));
            }
        }
    }

    /// Lines as serde_json reads them, for [`parse_flat`] to be tested against.
    fn parse_serde(json: &str) -> Result<LineFields, serde_json::Error> {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let fields = FieldsSeed(&FieldNames::default()).deserialize(&mut deserializer)?;
        deserializer.end()?;
        Ok(fields)
    }

    #[test]
    fn flat_lines_are_read_without_serde() {
        let names = FieldNames::default();
        let line = r#" {"id": "a1", "text":"L\u2019été\n\"Oui\" \ud83d\ude00 \/\t\\", "x" : "y", "title": "T"} "#;
        let fields = parse_flat(line, &names).expect("a flat line");
        assert_eq!(fields, parse_serde(line).unwrap());
        assert_eq!(
            fields.text,
            Some(JsonScalar::Str(
                "L\u{2019}été\n\"Oui\" \u{1f600} /\t\\".into()
            ))
        );
        // The last of a repeated key.
        let fields = parse_flat(r#"{"text": "a", "text": "b"}"#, &names).unwrap();
        assert_eq!(fields.text, Some(JsonScalar::Str("b".into())));
        // Left to serde_json.
        for line in [
            r#"{"id": 42, "text": "x"}"#,
            r#"{"text": "\ud800"}"#,
            r#"{"te\u0078t": "x"}"#,
            r#"{"text": "x",}"#,
            r#"{"text": "x"} x"#,
            "{\"text\": \"a\u{1}b\"}",
            "{}",
        ] {
            assert_eq!(parse_flat(line, &names), None, "{line}");
        }
    }

    /// Pieces of JSONL lines: structure, keys, escapes good and bad, other values.
    const JSON_PIECES: &[&str] = &[
        "{",
        "}",
        "\"",
        ":",
        ",",
        " ",
        "\t",
        "\n",
        "\"text\"",
        "\"id\"",
        "\"title\"",
        "\"x\"",
        "\"text\": \"",
        "\", \"id\": \"",
        "\"}",
        "abc",
        "é",
        "’",
        "\\n",
        "\\\"",
        "\\\\",
        "\\/",
        "\\b",
        "\\f",
        "\\r",
        "\\t",
        "\\u00e9",
        "\\u00E9",
        "\\u2019",
        "\\ud83d",
        "\\ude00",
        "\\ud800",
        "\\u12",
        "\\x",
        "\\",
        "\u{1}",
        "\u{7f}",
        "\u{a0}",
        "1",
        "null",
        "[",
        "]",
        "true",
    ];

    proptest::proptest! {
        #[test]
        fn parse_flat_reads_as_serde(
            pieces in proptest::collection::vec(0usize..JSON_PIECES.len(), 0..30),
            values in proptest::collection::vec(
                proptest::collection::vec(17usize..JSON_PIECES.len() - 5, 0..6), 1..4),
        ) {
            let names = FieldNames::default();
            // Any mix of pieces, and well-formed objects of strings made of them.
            let mixed: String = pieces.iter().map(|&p| JSON_PIECES[p]).collect();
            let keys = ["text", "id", "x", "title", "text"];
            let object = format!(
                "{{{}}}",
                values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let value: String = v.iter().map(|&p| JSON_PIECES[p]).collect();
                        format!("\"{}\": \"{value}\"", keys[i % keys.len()])
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            for line in [mixed, object] {
                if let Some(fields) = parse_flat(&line, &names) {
                    proptest::prop_assert_eq!(Some(fields), parse_serde(&line).ok(), "{}", line);
                }
            }
        }
    }

    /// Everything read from `paths`, one article at a time or in blocks of `size`.
    fn read_all(paths: &[&Path], blocks: Option<usize>) -> Vec<String> {
        let inputs = paths.iter().map(|p| InputPath::from_arg(*p)).collect();
        let reader = Reader::new(inputs, InputFormat::Auto, Arc::new(|_: &str| {}));
        let options = InputOptions::default();
        let mut articles = Vec::new();
        match blocks {
            None => articles.extend(reader.map(|raw| raw.into_article(&options))),
            Some(size) => {
                for block in reader.blocks(size) {
                    block.decode_into(&options, &mut articles);
                }
            }
        }
        articles.iter().map(|a| format!("{a:?}")).collect()
    }

    /// Pieces of JSONL files: lines with and without ids, blank lines, `\r\n`, a
    /// byte order mark, a bad line.
    const LINE_PIECES: &[&str] = &[
        "{\"text\": \"Un article.\"}\n",
        "{\"id\": \"a\", \"text\": \"Deux mots.\"}\r\n",
        "\n",
        "  \r\n",
        "\r\r\n",
        "\u{feff}{\"text\": \"x\"}\n",
        "\u{feff}\r\n",
        "{\"text\": \"cass\u{e9}\"\n",
        "{\"text\": \"sans fin de ligne\"}",
        "\t\n",
    ];

    proptest::proptest! {
        #[test]
        fn blocks_read_as_line_by_line(
            pieces in proptest::collection::vec(0usize..LINE_PIECES.len(), 0..30),
            size in 1usize..120,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("dump.jsonl");
            let content: String = pieces.iter().map(|&p| LINE_PIECES[p]).collect();
            std::fs::write(&path, &content).unwrap();
            let text = dir.path().join("note.txt");
            std::fs::write(&text, "Un texte.").unwrap();
            let paths = [path.as_path(), text.as_path(), path.as_path()];
            proptest::prop_assert_eq!(
                read_all(&paths, Some(size)),
                read_all(&paths, None),
                "{:?}",
                content
            );
        }
    }

    /// A gzip file cut short: the whole lines before the error, then the error with the
    /// number of the last whole line, in blocks as line by line.
    #[test]
    fn a_read_error_in_a_block_keeps_the_lines_before_it() {
        use std::io::Write;
        let mut lines = String::new();
        for n in 1..=400 {
            lines.push_str(&format!(
                "{{\"id\": \"{n}\", \"text\": \"Article {n}, {}\"}}\n",
                "mot ".repeat(n % 37)
            ));
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(lines.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cut.jsonl.gz");
        std::fs::write(&path, &gz[..gz.len() * 2 / 3]).unwrap();
        let by_line = read_all(&[&path], None);
        let last = by_line.last().unwrap();
        assert!(last.contains("read error after line "), "{last}");
        assert!(by_line.len() > 100, "{} articles", by_line.len());
        for size in [1, 100, 4096, 1 << 20] {
            assert_eq!(read_all(&[&path], Some(size)), by_line, "blocks of {size}");
        }
    }

    /// A named pipe is no regular file: its lines go through one by one, each as soon
    /// as it comes, not once a block is full.
    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_read_line_by_line() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.jsonl");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|status| status.success()), "mkfifo");
        let (first_read, wait) = std::sync::mpsc::channel();
        let writer = {
            let fifo = fifo.clone();
            std::thread::spawn(move || {
                let mut pipe = File::options().write(true).open(&fifo).unwrap();
                pipe.write_all(b"{\"text\": \"premier\"}\n").unwrap();
                pipe.flush().unwrap();
                // The second line only once the first is through (or after a while, so
                // that a reader waiting for a full block fails rather than hangs).
                let _ = wait.recv_timeout(std::time::Duration::from_secs(5));
                pipe.write_all(b"{\"text\": \"second\"}\n").unwrap();
            })
        };
        let reader = Reader::new(
            vec![InputPath::from_arg(&fifo)],
            InputFormat::Auto,
            Arc::new(|_: &str| {}),
        );
        let mut blocks = reader.blocks(1 << 20);
        let first = blocks.next();
        let _ = first_read.send(());
        let Some(RawBlock::Article(first)) = first else {
            panic!("the first line alone: {first:?}");
        };
        assert!(matches!(first.origin, Origin::JsonLine { line: 1, .. }));
        assert_eq!(first.bytes, b"{\"text\": \"premier\"}");
        let rest: Vec<_> = blocks.collect();
        writer.join().unwrap();
        assert!(matches!(
            &rest[..],
            [RawBlock::Article(RawArticle {
                origin: Origin::JsonLine { line: 2, .. },
                ..
            })]
        ));
    }

    #[test]
    fn a_block_counts_and_weighs_its_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.jsonl");
        std::fs::write(&path, "{\"text\": \"a\"}\n\n{\"text\": \"b\"}").unwrap();
        let reader = Reader::new(
            vec![InputPath::from_arg(&path)],
            InputFormat::Auto,
            Arc::new(|_: &str| {}),
        );
        let blocks: Vec<_> = reader.blocks(1 << 20).collect();
        let [RawBlock::Lines(lines)] = &blocks[..] else {
            panic!("one block: {blocks:?}");
        };
        assert_eq!((lines.first_line, lines.lines), (1, 3));
        assert_eq!(blocks[0].weight(), 28 + 3 * 64);
        // Blocks of 10 bytes: each ends at the end of the line it reaches.
        let reader = Reader::new(
            vec![InputPath::from_arg(&path)],
            InputFormat::Auto,
            Arc::new(|_: &str| {}),
        );
        let firsts: Vec<_> = reader
            .blocks(10)
            .map(|block| match block {
                RawBlock::Lines(lines) => (lines.first_line, lines.lines),
                RawBlock::Article(a) => panic!("{a:?}"),
            })
            .collect();
        assert_eq!(firsts, [(1, 1), (2, 2)]);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2025-04-10").as_deref(), Some("2025-04-10"));
        assert_eq!(
            parse_date("2024-02-29 10:00").as_deref(),
            Some("2024-02-29")
        );
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-4-10",
            "10/04/2025",
            "2025-04-10x",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn formats_from_names() {
        assert_eq!(format_from_name("a/b.JSONL"), InputFormat::Jsonl);
        assert_eq!(format_from_name("b.ndjson.gz"), InputFormat::Jsonl);
        assert_eq!(format_from_name("b.txt.gz"), InputFormat::Text);
        assert_eq!(format_from_name("b.json"), InputFormat::Auto);
        assert_eq!(format_from_name("README"), InputFormat::Auto);
    }

    #[test]
    fn sniffing() {
        let sniffed = |s: &'static str| {
            let (format, mut reader) = sniff(Box::new(s.as_bytes())).unwrap();
            let mut all = String::new();
            reader.read_to_string(&mut all).unwrap();
            assert_eq!(all, s, "sniffing must not lose bytes");
            format
        };
        assert_eq!(
            sniffed("{\"text\": \"a\"}\n\n{\"text\": \"b\"}"),
            InputFormat::Jsonl
        );
        assert_eq!(sniffed("{\"text\": \"a\"}\nplain line"), InputFormat::Text);
        assert_eq!(sniffed("Le titre\n\nLe texte."), InputFormat::Text);
        assert_eq!(sniffed(""), InputFormat::Text);
        assert_eq!(sniffed("{ pas du JSON }"), InputFormat::Text);
    }

    #[test]
    fn plain_io_errors() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(plain(&e), "no such file or directory");
    }
}
