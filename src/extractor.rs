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
    let anonymous = Spans::new(
        record
            .sources
            .iter()
            .filter(|s| s.kind == crate::record::SourceKind::Anonymous)
            .map(|s| (s.span.start, s.span.end)),
    );
    let mut index = Vec::with_capacity(actors.len());
    let mut kept = 0;
    record.actors = actors
        .into_iter()
        .filter_map(|(_, actor)| {
            let covered = matches!(
                actor.kind,
                crate::record::ActorKind::Role | crate::record::ActorKind::Group
            ) && anonymous.overlap(actor.span.start, actor.span.end);
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
    let persons = Spans::new(
        record
            .actors
            .iter()
            .filter(|a| a.kind == crate::record::ActorKind::Person)
            .map(|a| (a.span.start, a.span.end)),
    );
    record
        .places
        .retain(|p| !persons.overlap(p.span.start, p.span.end));
}

/// Spans sorted by start, for overlap queries in logarithmic time (an article may
/// hold hundreds of thousands of mentions).
struct Spans {
    starts: Vec<usize>,
    /// The greatest end among the spans up to each one.
    max_ends: Vec<usize>,
}

impl Spans {
    /// The spans `(start, end)`, given in order of start.
    fn new(spans: impl Iterator<Item = (usize, usize)>) -> Spans {
        let mut out = Spans {
            starts: Vec::new(),
            max_ends: Vec::new(),
        };
        for (start, end) in spans {
            debug_assert!(out.starts.last().is_none_or(|&s| s <= start));
            let max = out.max_ends.last().map_or(end, |&m| m.max(end));
            out.starts.push(start);
            out.max_ends.push(max);
        }
        out
    }

    /// Whether one of the spans overlaps `start..end`.
    fn overlap(&self, start: usize, end: usize) -> bool {
        let before_end = self.starts.partition_point(|&s| s < end);
        before_end > 0 && self.max_ends[before_end - 1] > start
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_overlap_queries_match_a_linear_scan() {
        // Sorted by start, some nested, some disjoint.
        let list = [(0, 10), (2, 4), (5, 30), (12, 14), (40, 41), (40, 50)];
        let spans = Spans::new(list.iter().copied());
        for start in 0..60 {
            for end in start + 1..62 {
                let expected = list.iter().any(|&(s, e)| s < end && start < e);
                assert_eq!(spans.overlap(start, end), expected, "{start}..{end}");
            }
        }
        assert!(!Spans::new(std::iter::empty()).overlap(0, 100));
    }

    #[test]
    fn many_mentions_stay_linear() {
        // Every sentence has a place, a person, an anonymous source: the filters
        // between the lists must not compare every mention with every other.
        let sentence = "Selon une source proche du dossier, Jean Marin a parlé à Lyon. ";
        crate::linear_time::assert_linear("sentences with mentions", 10_000, 0.01, |n| {
            let text = sentence.repeat(n);
            let record = extract(&text, &ArticleMeta::with_id("t"));
            assert_eq!(record.sources.len(), n);
        });
    }
}
