//! The output record: one JSON object per article, exactly as `SPEC.md` §2 defines it.
//!
//! Every offset in these types is a **Unicode code point** offset into the article
//! text, end exclusive, so that `text == article[start:end]` in Python.

use std::borrow::Cow;

pub(crate) mod json;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The value of every record's `schema` field.
pub const SCHEMA_VERSION: &str = "depeche/1";

/// One article's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Always `depeche/1`.
    #[schemars(extend("const" = "depeche/1"))]
    pub schema: String,
    /// The input's `id` field, else `PATH` for a text file, `PATH:LINE` for a JSONL line.
    pub id: String,
    /// The file the article came from (`stdin` for standard input).
    pub source: Option<String>,
    /// The article's title, when the input gave one.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The article's URL, when the input gave one.
    pub url: Option<String>,
    /// Whether the article was extracted, skipped or unreadable.
    pub status: Status,
    /// Why the article was skipped or could not be read; null when `status` is `ok`.
    pub reason: Option<String>,
    /// How the bytes were decoded.
    pub encoding: TextEncoding,
    /// The detected language; null when there was no text to detect it in.
    pub language: Option<Language>,
    /// Sizes of the article text.
    pub stats: Stats,
    /// Sentence spans, written only when asked for (`--sentences`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<SentenceSpan>>,
    /// Temporal expressions.
    pub dates: Vec<DateMention>,
    /// Geographic names.
    pub places: Vec<PlaceMention>,
    /// Persons, organizations, roles and groups.
    pub actors: Vec<ActorMention>,
    /// Direct and indirect reported speech.
    pub quotes: Vec<Quote>,
    /// Anonymous and vague sources.
    pub sources: Vec<SourceMention>,
}

/// How the bytes of an article were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub enum TextEncoding {
    /// Valid UTF-8.
    #[default]
    #[serde(rename = "utf-8")]
    Utf8,
    /// Not valid UTF-8, decoded as Windows-1252.
    #[serde(rename = "windows-1252")]
    Windows1252,
    /// UTF-16, little-endian (announced by a byte order mark).
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian (announced by a byte order mark).
    #[serde(rename = "utf-16be")]
    Utf16Be,
}

/// What happened to an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Extracted.
    Ok,
    /// Read, but not extracted (empty, or not French): the lists are empty.
    Skipped,
    /// Could not be read (unreadable file, bad JSON line, no text).
    Error,
}

/// The language detected in an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// ISO 639-1 code (`fr`, `en`), or ISO 639-3 for languages without one.
    pub code: String,
    /// The detector's confidence, 0 to 1, two decimals.
    pub confidence: f64,
    /// The detector's own verdict on whether the detection can be trusted.
    pub reliable: bool,
}

/// Sizes of an article's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stats {
    /// Length in Unicode code points.
    pub chars: usize,
    /// Paragraphs: blocks of non-blank lines separated by blank lines.
    pub paragraphs: usize,
    /// Sentences.
    pub sentences: usize,
}

/// A sentence's extent, in code points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SentenceSpan {
    /// First code point of the sentence.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
}

/// The part every extracted item shares: where it is in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// The covered text, exactly `article[start..end]`.
    pub text: String,
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// 0-based index of the sentence the span starts in.
    pub sentence: usize,
}

/// A span without sentence index, used for a quote's speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextSpan {
    /// The covered text.
    pub text: String,
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
}

/// The type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TemporalType {
    /// A calendar date, at any precision (`2025`, `2025-04`, `2025-04-10`).
    Date,
    /// A time of day (`2025-04-10T14:30`, `2025-04-10TEV`).
    Time,
    /// A length of time (`P3Y`, `PT48H`).
    Duration,
    /// A recurrence (`XXXX-WXX-1`).
    Set,
}

/// How a temporal value was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Resolution {
    /// The expression says its value on its own.
    Absolute,
    /// Resolved against the article's publication date.
    Relative,
    /// Resolved against the most recent explicit date earlier in the text.
    Anchored,
    /// Relative, with nothing to resolve it against: `value` is null.
    Unresolved,
}

/// A modifier of a temporal value (`début 2024`, `mi-avril`, `fin mars`, `vers 15h`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum TemporalModifier {
    /// The beginning of the period.
    Start,
    /// Its middle.
    Mid,
    /// Its end.
    End,
    /// Approximately.
    Approx,
}

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// Date, time, duration or set.
    #[serde(rename = "type")]
    pub kind: TemporalType,
    /// ISO 8601 / TIMEX3 value at the expression's own precision; null when unresolved.
    pub value: Option<String>,
    /// How the value was obtained.
    pub resolved: Resolution,
    /// Start, middle, end or approximation of the value.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TemporalModifier>,
    /// The value of a range's end, when a range is reported as one item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_value: Option<String>,
}

/// What kind of place a name designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A city or town.
    City,
    /// A country.
    Country,
    /// A region, département, state or province.
    Region,
    /// A continent.
    Continent,
    /// A sea, ocean, river or lake.
    Water,
    /// Any other named site.
    Other,
}

/// A geographic name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlaceMention {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// The canonical French name (`Moscou`, `États-Unis`); borrowed from the
    /// gazetteer when extracted.
    pub name: Cow<'static, str>,
    /// City, country, region...
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the place or its country; null for multinational areas.
    pub country: Option<Cow<'static, str>>,
    /// The GeoNames id, when the place has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u64>,
}

/// What kind of actor a mention designates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named individual.
    Person,
    /// A named institution, company, party or agency.
    Organization,
    /// One unnamed person described by function.
    Role,
    /// An unnamed set of people.
    Group,
}

/// A person, organization, role or group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActorMention {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// Person, organization, role or group.
    pub kind: ActorKind,
    /// Canonical name: a person's full name as first given in the article.
    pub name: Option<String>,
    /// The function noun, lemmatized (`ambassadeur`, `ministre`).
    pub role: Option<String>,
    /// ISO country code or organization name, when the mention says it.
    pub affiliation: Option<String>,
}

/// Direct or indirect speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Inside quotation marks.
    Direct,
    /// Reported with a reporting verb, `selon`, `d'après`.
    Indirect,
}

/// Reported speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    /// The reported content, without quotation marks.
    #[serde(flatten)]
    pub span: Span,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// Who says it, or null.
    pub speaker: Option<TextSpan>,
    /// True when the speaker is an anonymous source.
    pub anonymous: bool,
    /// The reporting verb as written (`a déclaré`), or null.
    pub verb: Option<String>,
    /// Index into `sources` when the speaker is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<usize>,
    /// Index into `actors` when the speaker is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<usize>,
}

/// How a source withholds its identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// An unnamed informant (`une source proche du dossier`).
    Anonymous,
    /// A collective or unspecified attribution (`certains analystes`).
    Vague,
}

/// A source of information whose identity is withheld.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SourceMention {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// Anonymous or vague.
    pub kind: SourceKind,
    /// What the mention says of the source (`proche des négociations`), or null.
    pub qualifier: Option<String>,
}

impl Record {
    /// A record with no extraction: the base of every record, whatever its status.
    pub fn new(meta: &crate::ArticleMeta, status: Status, reason: Option<String>) -> Record {
        Record {
            schema: SCHEMA_VERSION.to_string(),
            id: meta.id.clone(),
            source: meta.source.clone(),
            title: meta.title.clone(),
            published: meta.published.clone(),
            url: meta.url.clone(),
            status,
            reason,
            encoding: meta.encoding,
            language: None,
            stats: Stats::default(),
            sentences: None,
            dates: Vec::new(),
            places: Vec::new(),
            actors: Vec::new(),
            quotes: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// The record of an article that could not be read.
    pub fn error(meta: &crate::ArticleMeta, reason: impl Into<String>) -> Record {
        Record::new(meta, Status::Error, Some(reason.into()))
    }
}
