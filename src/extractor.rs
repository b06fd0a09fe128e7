//! The extraction pipeline: language, segmentation, then each extraction stage in
//! order, each filling its own list of the record.

use std::sync::LazyLock;

use crate::document::Document;
use crate::language::{self, Verdict};
use crate::record::{Record, Stats, Status, TextEncoding};
use crate::stages::{Laps, Stage};

/// What is known of an article besides its text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleMeta {
    /// The record id.
    pub id: String,
    /// The file it came from.
    pub source: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// Its publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Its URL.
    pub url: Option<String>,
    /// How its bytes were decoded.
    pub encoding: TextEncoding,
}

impl ArticleMeta {
    /// Metadata with only an id.
    pub fn with_id(id: impl Into<String>) -> ArticleMeta {
        ArticleMeta {
            id: id.into(),
            ..ArticleMeta::default()
        }
    }
}

/// Turns article texts into records. Build one and share it: it holds no per-article
/// state, and the word lists it uses are loaded once per process.
///
/// ```
/// use depeche::{ArticleMeta, Extractor, Status};
///
/// let extractor = Extractor::builder().sentences(true).build();
/// let text = "Le maire de Lyon a inauguré jeudi la nouvelle passerelle. Les habitants étaient nombreux.";
/// let record = extractor.extract(text, &ArticleMeta::with_id("a1"));
/// assert_eq!(record.status, Status::Ok);
/// assert_eq!(record.stats.sentences, 2);
/// assert_eq!(record.sentences.unwrap()[1].start, 58);
/// ```
#[derive(Debug, Clone, Default)]
pub struct Extractor {
    all_languages: bool,
    sentences: bool,
}

/// Options of an [`Extractor`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    extractor: Extractor,
}

impl ExtractorBuilder {
    /// Extract from articles in any language, not only French ones.
    pub fn all_languages(mut self, yes: bool) -> Self {
        self.extractor.all_languages = yes;
        self
    }

    /// Write sentence spans in records.
    pub fn sentences(mut self, yes: bool) -> Self {
        self.extractor.sentences = yes;
        self
    }

    /// The extractor.
    pub fn build(self) -> Extractor {
        self.extractor
    }
}

impl Extractor {
    /// An extractor with the default options: French articles only, no sentence spans.
    pub fn new() -> Extractor {
        Extractor::default()
    }

    /// A builder to set options.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The record of one article.
    pub fn extract(&self, text: &str, meta: &ArticleMeta) -> Record {
        let mut laps = Laps::start();
        if text.trim().is_empty() {
            let mut record = Record::new(meta, Status::Skipped, Some("empty text".to_string()));
            record.stats.chars = text.chars().count();
            return record;
        }
        let (language, french) = match language::identify(text) {
            Verdict::French(language) => (Some(language), true),
            Verdict::Other(language) => (Some(language), false),
            Verdict::Undetermined => (None, false),
        };
        if !french && !self.all_languages {
            let reason = match &language {
                Some(l) => format!("not French ({}, {:.2})", l.code, l.confidence),
                None => "no language detected (no letters)".to_string(),
            };
            let mut record = Record::new(meta, Status::Skipped, Some(reason));
            record.language = language;
            record.stats.chars = text.chars().count();
            return record;
        }
        laps.lap(Stage::Language);
        let doc = Document::new(text);
        let mut record = Record::new(meta, Status::Ok, None);
        record.language = language;
        record.stats = Stats {
            chars: doc.char_len(),
            paragraphs: doc.paragraphs().len(),
            sentences: doc.sentences().len(),
        };
        if self.sentences {
            record.sentences = Some(doc.sentence_spans());
        }
        doc.words();
        laps.lap(Stage::Segmentation);
        annotate(&doc, &mut record, &mut laps);
        record
    }
}

/// Runs the extraction stages in order. Each stage is one module with one entry
/// function taking the document (and the lists it needs) and returning its list
/// (quotes and sources come together: the quotes' speakers make sources too).
fn annotate(doc: &Document, record: &mut Record, laps: &mut Laps) {
    record.dates = crate::dates::extract(doc, record.published.as_deref());
    laps.lap(Stage::Dates);
    record.places = crate::places::extract(doc);
    laps.lap(Stage::Places);
    let actors = crate::actors::find(doc, &record.places);
    laps.lap(Stage::Actors);
    let sources = crate::sources::find(doc);
    laps.lap(Stage::Sources);
    (record.quotes, record.sources) = crate::quotes::extract_with(doc, &actors, sources);
    // Anonymous sources are not actors (`un diplomate, sous couvert d'anonymat`): drop
    // the role phrases they cover, and renumber the quotes' links to actors.
    let anonymous: Vec<(usize, usize)> = record
        .sources
        .iter()
        .filter(|s| s.kind == crate::record::SourceKind::Anonymous)
        .map(|s| (s.span.start, s.span.end))
        .collect();
    let mut index = Vec::with_capacity(actors.len());
    let mut kept = 0;
    record.actors = actors
        .into_iter()
        .filter_map(|(_, actor)| {
            let covered = matches!(
                actor.kind,
                crate::record::ActorKind::Role | crate::record::ActorKind::Group
            ) && anonymous
                .iter()
                .any(|&(s, e)| s < actor.span.end && actor.span.start < e);
            index.push((!covered).then_some(kept));
            kept += usize::from(!covered);
            (!covered).then_some(actor)
        })
        .collect();
    for quote in &mut record.quotes {
        quote.actor = quote.actor.and_then(|a| index[a]);
    }
    laps.lap(Stage::Quotes);
    // A place name that is a person's name or part of it (`Yannick Lyon`, `Brassac a
    // dit` after `Mathieu Brassac`) is the person.
    let persons: Vec<(usize, usize)> = record
        .actors
        .iter()
        .filter(|a| a.kind == crate::record::ActorKind::Person)
        .map(|a| (a.span.start, a.span.end))
        .collect();
    if !persons.is_empty() {
        record.places.retain(|p| {
            !persons
                .iter()
                .any(|&(s, e)| s < p.span.end && p.span.start < e)
        });
    }
}

static DEFAULT_EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// The record of one article, with the default [`Extractor`].
///
/// ```
/// let record = depeche::extract("The cat sat on the mat, as every morning.", &depeche::ArticleMeta::with_id("x"));
/// assert_eq!(record.status, depeche::Status::Skipped);
/// assert_eq!(record.reason.as_deref(), Some("not French (en, 1.00)"));
/// ```
pub fn extract(text: &str, meta: &ArticleMeta) -> Record {
    DEFAULT_EXTRACTOR.extract(text, meta)
}
