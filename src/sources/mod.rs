//! Anonymous sources (SPEC §2 "sources"): every mention of an informant whose identity
//! is withheld, and vague collective attributions.
//!
//! Found per sentence, only in sentences that hold a cue (`source`, `proche`,
//! `entourage`, `anonym…`, a vague head such as `analystes`):
//! - `source(s)` with a qualifier (`une source proche du dossier`, `de source
//!   policière`, `des sources concordantes`, `une source bien informée`), or anaphoric
//!   (`cette source`, `la même source`, `une autre source`), or after `selon`;
//! - a relative of someone as a noun (`un proche du ministre`, `l'entourage du
//!   président`);
//! - an informant noun with an anonymity marker (`un diplomate occidental, sous couvert
//!   d'anonymat`, `un responsable qui a requis l'anonymat`, `qui n'a pas souhaité être
//!   nommé`); the quote extractor adds the indefinite informants it finds as speakers
//!   (`confie un cadre de la majorité`);
//! - vague: `certains analystes`, `selon plusieurs médias`, `des experts estiment`.

use std::cell::Cell;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::lexicon::WordSet;
use crate::record::SourceKind;
use crate::words::Word;

/// A source found: byte ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The mention, from its determiner.
    pub range: Range<usize>,
    /// Anonymous or vague.
    pub kind: SourceKind,
    /// What it says of the source.
    pub qualifier: Option<Range<usize>>,
}

struct Cues {
    qualifiers: WordSet,
    anaphoric: WordSet,
    heads: WordSet,
    vague_heads: WordSet,
    vague_determiners: WordSet,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let section = |name: &str| WordSet::section(include_str!("cues.txt"), name);
    Cues {
        qualifiers: section("qualifiers"),
        anaphoric: section("anaphoric-determiners"),
        heads: section("anonymous-heads"),
        vague_heads: section("vague-heads"),
        vague_determiners: section("vague-determiners"),
    }
});

/// Sentences without a cue hold no source: one of these words in any case…
///
/// Searched in the text lowercased (ASCII), where they are plain literals, much faster
/// to find than under `(?i)`; `ſource` is the one non-ASCII spelling `(?i)` would also
/// match (`ſ` folds to `s`).
const CASELESS_CUES: [&str; 5] = ["source", "ſource", "proche", "entourage", "anonym"];

/// … or one of these, as written.
const CUE_WORDS: [&str; 18] = [
    "être nommé",
    "être cité",
    "être identifié",
    "analystes",
    "observateurs",
    "experts",
    "spécialistes",
    "économistes",
    "commentateurs",
    "médias",
    "politologues",
    "chercheurs",
    "stratèges",
    "juristes",
    "diplomates",
    "éditorialistes",
    "sondeurs",
    "connaisseurs",
];

/// Both lists in one search of the text lowercased: one pass over the text rather
/// than two. A match of [`CUE_WORDS`] there is one in the text only when the text
/// has no capital in it, which [`CueSpans::new`] checks.
static CUES_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        &CASELESS_CUES
            .iter()
            .chain(&CUE_WORDS)
            .copied()
            .collect::<Vec<_>>()
            .join("|"),
    )
    .expect("valid cues")
});

/// The cues of a text, found in one search of the whole text rather than one per
/// sentence: the byte ranges of every occurrence, overlapping ones too, by start.
struct CueSpans {
    spans: Vec<Range<usize>>,
    /// Where the last sentence's first cue was: sentences come in order, so the next
    /// one's is found by a few steps on from there.
    at: Cell<usize>,
}

impl CueSpans {
    fn new(text: &str) -> CueSpans {
        let lower = text.to_ascii_lowercase();
        let mut spans = Vec::new();
        let mut from = 0;
        while let Some(m) = CUES_RE.find_at(&lower, from) {
            let range = m.range();
            if CASELESS_CUES.contains(&m.as_str())
                || text.as_bytes()[range.clone()] == lower.as_bytes()[range.clone()]
            {
                spans.push(range.clone());
            }
            // On from the next character rather than the match's end: a cue overlapping
            // this match (`ANALYSTESource`, where `analystes` is no cue) must be found
            // too. No cue is a prefix of another, so none starts where this one does.
            from = range.start
                + lower[range.start..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
        CueSpans {
            spans,
            at: Cell::new(0),
        }
    }

    /// Whether the byte range `sentence` holds a cue.
    fn in_sentence(&self, sentence: Range<usize>) -> bool {
        let first = seek(&self.spans, self.at.get(), |m| m.start < sentence.start);
        self.at.set(first);
        self.spans[first..]
            .iter()
            .take_while(|m| m.start < sentence.end)
            .any(|m| m.end <= sentence.end)
    }
}

/// The first version of [`CueSpans`], a search per list, kept to test it against.
#[cfg(test)]
mod reference {
    use super::*;

    static CASELESS_CUES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new("source|ſource|proche|entourage|anonym").expect("valid cues"));

    static CUE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            "être (?:nommé|cité|identifié)|analystes|observateurs|experts|spécialistes|économistes|commentateurs|médias|politologues|chercheurs|stratèges|juristes|diplomates|éditorialistes|sondeurs|connaisseurs",
        )
        .expect("valid cues")
    });

    /// Whether the byte range `sentence` of `text` holds a cue.
    pub(super) fn in_sentence(text: &str, sentence: Range<usize>) -> bool {
        CASELESS_CUES.is_match(&text[sentence.clone()].to_ascii_lowercase())
            || CUE_WORDS.is_match(&text[sentence])
    }
}

/// `items.partition_point(before)` (`before` true on a prefix of `items`), stepping on
/// from `from` when that is at or before the point: for searches in text order, where
/// each starts near where the one before ended. A `from` past the point falls back to
/// the binary search.
pub(crate) fn seek<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    if from > items.len() || from > 0 && !before(&items[from - 1]) {
        return items.partition_point(before);
    }
    from + items[from..].iter().take_while(|x| before(x)).count()
}

/// Whether a role lemma names an informant who may be an anonymous source when
/// unnamed and indefinite (`un cadre`, `un diplomate`).
pub fn is_informant_head(lemma: &str) -> bool {
    CUES.heads.contains(lemma)
}

/// The sources of a document, in text order (byte ranges).
pub fn find(doc: &Document) -> Vec<Found> {
    let text = doc.text();
    let mut scan = Scan {
        words: &[],
        // Room for a long sentence's keys: grown sentence by sentence, this grew
        // three or four times per article.
        keys: Vec::with_capacity(64),
        found: Vec::new(),
        compound: String::new(),
    };
    let cues = CueSpans::new(text);
    let tokens = doc.words();
    for (sentence, range) in doc.sentences().iter().zip(&tokens.sentences) {
        if !cues.in_sentence(sentence.clone()) {
            continue;
        }
        scan.words = &tokens.words[range.clone()];
        scan.keys.clear();
        scan.keys.extend(range.clone().map(|i| tokens.key(text, i)));
        scan.sentence();
    }
    scan.found
}

struct Scan<'a> {
    /// The words of the current sentence, the document's own.
    words: &'a [Word],
    keys: Vec<&'a str>,
    found: Vec<Found>,
    /// Room for a two-word key (`haut fonctionnaire`), reused.
    compound: String,
}

/// An anonymity marker ending at word `i` or later: returns the index after it.
/// `sous couvert d'anonymat`, `sous le sceau de l'anonymat`, `qui a requis
/// l'anonymat`, `qui n'a pas souhaité être nommé`, `anonyme`.
fn marker_end(keys: &[&str], from: usize, limit: usize) -> Option<usize> {
    let end = (from + limit).min(keys.len());
    for k in from..end {
        match keys[k] {
            "anonymat" | "anonyme" | "anonymes" | "anonymement" => return Some(k + 1),
            "être" | "etre" | "rester"
                if keys.get(k + 1).is_some_and(|n| {
                    matches!(
                        *n,
                        "nommé"
                            | "nommée"
                            | "nommés"
                            | "nommées"
                            | "cité"
                            | "citée"
                            | "cités"
                            | "citées"
                            | "identifié"
                            | "identifiée"
                            | "identifiés"
                            | "identifiées"
                    )
                }) =>
            {
                return Some(k + 2);
            }
            "." | "!" | "?" | ";" | ":" | "«" | "»" | "\"" | "“" | "”" => return None,
            _ => {}
        }
    }
    None
}

impl Scan<'_> {
    fn key(&self, i: usize) -> &str {
        self.keys.get(i).copied().unwrap_or_default()
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.key(i))
    }

    fn push(&mut self, from: usize, to: usize, kind: SourceKind, qualifier: Option<Range<usize>>) {
        let range = self.words[from].start..self.words[to - 1].end;
        if self.found.last().is_some_and(|f| f.range.end > range.start) {
            return;
        }
        let qualifier = qualifier
            .filter(|q| q.start < q.end)
            .map(|q| self.words[q.start].start..self.words[q.end - 1].end);
        self.found.push(Found {
            range,
            kind,
            qualifier,
        });
    }

    /// The end of a `de` complement at word `i` (`du dossier`, `de l'enquête`, `des
    /// négociations`, `du ministre de l'Intérieur`), or `i` when there is none.
    fn complement_end(&self, i: usize) -> usize {
        let n = self.words.len();
        if !self.is(i, &["de", "d'", "du", "des"]) {
            return i;
        }
        let mut k = i + 1;
        if self.is(k, &["la", "l'", "le", "les"]) {
            k += 1;
        }
        if k >= n || self.words[k].is(Word::PUNCT) {
            return i;
        }
        k += 1;
        // An adjective or a name after the noun: `du gouvernement américain`, `du
        // ministre de l'Intérieur`.
        while k < n && k < i + 7 {
            let w = self.words[k];
            if w.is(Word::CAPITALIZED) && !w.is(Word::PUNCT) {
                k += 1;
            } else if self.is(k, &["de", "d'", "du", "des"])
                && self.words.get(k + 1).is_some_and(|n| !n.is(Word::PUNCT))
            {
                let next = self.complement_end(k);
                if next == k {
                    break;
                }
                k = next;
            } else if w.is(Word::LOWERCASE)
                && (CUES.qualifiers.contains(self.key(k))
                    || self.key(k).ends_with("ain")
                    || self.key(k).ends_with("aine")
                    || self.key(k).ends_with("ais")
                    || self.key(k).ends_with("ien")
                    || self.key(k).ends_with("ienne"))
            {
                k += 1;
            } else {
                break;
            }
        }
        k
    }

    fn sentence(&mut self) {
        let n = self.words.len();
        let mut i = 0;
        while i < n {
            let next = match self.key(i) {
                "source" | "sources" => self.source(i),
                "proche" | "proches" | "entourage" => self.relative(i),
                _ => self.informant(i).or_else(|| self.vague(i)),
            };
            i = next.unwrap_or(i + 1).max(i + 1);
        }
    }

    /// `une source proche du dossier`, `de source policière`, `cette source`.
    fn source(&mut self, i: usize) -> Option<usize> {
        let mut from = i;
        let mut anaphoric = false;
        if i >= 2
            && self.is(i - 1, &["même", "autre"])
            && self.is(i - 2, &["la", "une", "les", "des", "d'"])
        {
            from = i - 2;
            anaphoric = true;
        } else if i >= 1 && CUES.anaphoric.contains(self.key(i - 1)) {
            from = i - 1;
            anaphoric = true;
        } else if i >= 1
            && self.is(
                i - 1,
                &[
                    "une",
                    "des",
                    "la",
                    "les",
                    "plusieurs",
                    "deux",
                    "trois",
                    "nos",
                    "certaines",
                    "une",
                    "d'autres",
                ],
            )
        {
            from = i - 1;
        }
        let selon = from >= 1 && self.is(from - 1, &["selon", "d'après"]);
        // Qualifiers: adjectives, `bien informée`, `proche de …`.
        let mut k = i + 1;
        let mut qualifier_start = None;
        while k < self.words.len() {
            let key = self.key(k);
            if key == "anonyme" || key == "anonymes" {
                k += 1;
                continue;
            }
            if key == "proche" || key == "proches" {
                let end = self.complement_end(k + 1);
                if end == k + 1 {
                    break;
                }
                qualifier_start.get_or_insert(k);
                k = end;
                continue;
            }
            if CUES.qualifiers.contains(key)
                || (key.ends_with("aine") || key.ends_with("aines"))
                    && self.words[k].is(Word::LOWERCASE)
            {
                qualifier_start.get_or_insert(k);
                k += 1;
                continue;
            }
            break;
        }
        if qualifier_start.is_none() && !anaphoric && !selon {
            return None;
        }
        // `une source qui a requis l'anonymat`
        let end = marker_end(&self.keys, k, 6)
            .filter(|_| self.is(k, &["qui", ","]))
            .unwrap_or(k);
        let qualifier = qualifier_start.map(|q| q..end);
        self.push(from, end, SourceKind::Anonymous, qualifier);
        Some(end)
    }

    /// `un proche du ministre`, `l'entourage du président`.
    fn relative(&mut self, i: usize) -> Option<usize> {
        if i == 0
            || !self.is(
                i - 1,
                &["un", "une", "des", "l'", "les", "deux", "plusieurs"],
            )
        {
            return None;
        }
        let end = self.complement_end(i + 1);
        if end == i + 1 {
            return None;
        }
        let end = marker_end(&self.keys, end, 8)
            .filter(|_| self.is(end, &["qui", ","]))
            .unwrap_or(end);
        self.push(i - 1, end, SourceKind::Anonymous, Some(i + 1..end));
        Some(end)
    }

    /// Whether words `h` and `h + 1` make a two-word informant head.
    fn is_compound_head(&mut self, h: usize) -> bool {
        let (noun, next) = (self.keys[h], self.keys[h + 1]);
        self.compound.clear();
        self.compound.push_str(noun);
        self.compound.push(' ');
        self.compound.push_str(next);
        CUES.heads.contains(&self.compound)
    }

    /// `un diplomate occidental, sous couvert d'anonymat`.
    fn informant(&mut self, i: usize) -> Option<usize> {
        if !matches!(
            self.key(i),
            "un" | "une" | "des" | "deux" | "plusieurs" | "trois"
        ) {
            return None;
        }
        let mut h = i + 1;
        if self.is(
            h,
            &[
                "haut", "haute", "hauts", "hautes", "ancien", "ancienne", "jeune",
            ],
        ) {
            h += 1;
        }
        let head_end = if h + 1 < self.words.len() && self.is_compound_head(h) {
            h + 2
        } else if CUES.heads.contains(self.key(h))
            // With an anonymity marker, any person noun is an informant: `un
            // médecin du service, sous couvert d'anonymat`, `un cheminot qui a
            // requis l'anonymat`.
            || crate::actors::lexicon().roles.contains_key(self.key(h))
        {
            h + 1
        } else {
            return None;
        };
        let end = marker_end(&self.keys, head_end, 12)?;
        // Only adjectives, complements, a comma and a relative clause before the
        // marker: no reporting verb in between.
        let between = &self.keys[head_end..end];
        if between.iter().any(|k| {
            matches!(
                *k,
                "a" | "ont" | "avait" | "déclaré" | "dit" | "affirmé" | "indiqué" | "selon" | "«"
            )
        }) && !between.contains(&"qui")
        {
            return None;
        }
        self.push(i, end, SourceKind::Anonymous, Some(head_end..end));
        Some(end)
    }

    /// `certains analystes`, `selon plusieurs médias`, `des experts estiment`.
    fn vague(&mut self, i: usize) -> Option<usize> {
        let det_len = if self.is(i, &["de"]) && self.is(i + 1, &["nombreux", "nombreuses"]) {
            2
        } else if CUES.vague_determiners.contains(self.key(i)) {
            1
        } else {
            return None;
        };
        let h = i + det_len;
        if !CUES.vague_heads.contains(self.key(h)) {
            return None;
        }
        let end = self.complement_end(h + 1);
        let selon = i >= 1
            && (self.is(i - 1, &["selon", "d'après"])
                || (i >= 2 && self.is(i - 1, &["après"]) && self.is(i - 2, &["d'"])));
        // `jugent les observateurs`: the subject of a verb before it.
        let inverted = i >= 1 && crate::quotes::is_reporting_form(self.key(i - 1));
        let strong = self.is(
            i,
            &[
                "certains",
                "certaines",
                "plusieurs",
                "nombre",
                "nombreux",
                "nombreuses",
            ],
        );
        let verb = crate::quotes::is_reporting_form(self.key(end))
            || crate::quotes::is_reporting_form(self.key(end + 1)) && self.is(end, &["ne", "n'"]);
        if !(selon || verb || inverted || strong && self.key(end) != "de") {
            return None;
        }
        self.push(i, end, SourceKind::Vague, None);
        Some(end)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod seek_tests {
    use super::*;

    /// Pieces of texts to test the cues on: cues in several cases, pieces of cues,
    /// cues of one list overlapping those of the other.
    const PIECES: &[&str] = &[
        " ",
        ". ",
        "source",
        "Source",
        "SOURCE",
        "ſource",
        "ſOURCE",
        "sour",
        "ce",
        "s",
        "proche",
        "PROCHE",
        "entourage",
        "anonym",
        "anonyme",
        "Anonymat",
        "être",
        "Être",
        " nommé",
        " cité",
        " identifié",
        " NOMMÉ",
        "analystes",
        "ANALYSTES",
        "Analystes",
        "experts",
        "médias",
        "MÉDIAS",
        "économistes",
        "éditorialistes",
        "connaisseurs",
        "chercheurs",
        "stratèges",
        "e",
        "é",
        "ource",
        "nalystes",
        "xperts",
    ];

    #[test]
    fn no_cue_is_a_prefix_of_another() {
        let all: Vec<&str> = CASELESS_CUES.iter().chain(&CUE_WORDS).copied().collect();
        for (i, a) in all.iter().enumerate() {
            for (j, b) in all.iter().enumerate() {
                assert!(i == j || !b.starts_with(a), "{a} starts {b}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn seek_is_the_binary_search(
            mut items in proptest::collection::vec(0usize..60, 0..30),
            queries in proptest::collection::vec((0usize..40, 0usize..70), 1..12),
        ) {
            items.sort_unstable();
            let mut from = 0;
            for (hint, at) in queries {
                let expected = items.partition_point(|&x| x < at);
                // From the last answer (as in text order, or going back), and from any hint.
                from = seek(&items, from, |&x| x < at);
                proptest::prop_assert_eq!(from, expected);
                proptest::prop_assert_eq!(seek(&items, hint, |&x| x < at), expected);
            }
        }

        #[test]
        fn cue_spans_as_a_search_per_sentence(
            pieces in proptest::collection::vec(0usize..PIECES.len(), 0..40),
            cuts in proptest::collection::vec(0usize..400, 0..8),
        ) {
            let text: String = pieces.iter().map(|&p| PIECES[p]).collect();
            // Sentences in order, at character boundaries, some trimmed to a space.
            let mut cuts: Vec<usize> = cuts
                .into_iter()
                .map(|c| c.min(text.len()))
                .filter(|&c| text.is_char_boundary(c))
                .collect();
            cuts.push(0);
            cuts.push(text.len());
            cuts.sort_unstable();
            let cues = CueSpans::new(&text);
            for (i, pair) in cuts.windows(2).enumerate() {
                let skip = if i % 3 == 2 { text[pair[0]..pair[1]].find(' ').unwrap_or(0) } else { 0 };
                let sentence = pair[0] + skip..pair[1];
                proptest::prop_assert_eq!(
                    cues.in_sentence(sentence.clone()),
                    reference::in_sentence(&text, sentence.clone()),
                    "{:?} in {:?}", &text[sentence], text
                );
            }
        }
    }
}
