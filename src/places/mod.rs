//! Places: every mention of a geographic name (SPEC §2 "places"), with its canonical
//! French name, kind, country and GeoNames id.
//!
//! The search runs once over the text: at each capitalized word (and at a generic
//! head before one: `mer du Nord`, `lac Léman`), the longest sequence of words whose
//! normalized form (case, accents, hyphens, apostrophes, `St`/`Saint` folded) is a
//! name of the gazetteer is taken. Then rules drop what is not a place:
//! - names that block the place inside them: institutions named after their seat
//!   (`Quai d'Orsay`, `Maison-Blanche`, `Matignon`), companies and media (`Air France`);
//! - a place name inside a person's name: after a title (`M. Lyon`), or between
//!   capitalized words mid-sentence (`Florence Martin`, `Emmanuel Paris`);
//! - a name inside an address (`rue de Paris`);
//! - demonyms (`Russes`);
//! - names that are also common words (`Tours`, `Orange`, `Sens`) without a place
//!   context (`à Tours`, `maire d'Orange`, `NICE (AFP)`, `Orange (Vaucluse)`).
//!
//! Names shared by several places go to the one whose département, région or state
//! the article names, else to one whose country (other than France) it names while
//! the most populous one's it does not, else to the most populous — a country before
//! a homonymous city or region.

mod gazetteer;

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;
use std::sync::LazyLock;

pub use gazetteer::{gazetteer, is_word_char, normalize_name, Gazetteer, Place};
use gazetteer::{FormKind, Node};

use crate::document::Document;
use crate::lexicon::WordSet;
use crate::record::{PlaceKind, PlaceMention};
use crate::swar::{within, HIGHS};

/// The cue words of `cues.txt`, by section.
struct Cues {
    prepositions: WordSet,
    place_nouns: WordSet,
    titles: WordSet,
    streets: WordSet,
    contractions: WordSet,
    heads: WordSet,
    stopwords: WordSet,
    /// The shapes of the stopwords and streets: see [`may_be_lowercase_in`].
    stopword_shapes: [u64; 256],
    street_shapes: [u64; 256],
    water: WordSet,
    water_shapes: [u64; 256],
    first_names: WordSet,
    buildings: WordSet,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let section = |name: &str| WordSet::section(include_str!("cues.txt"), name);
    let stopwords = WordSet::parse(include_str!("stopwords.txt"));
    let streets = section("streets");
    let water = section("water");
    Cues {
        prepositions: section("prepositions"),
        place_nouns: section("place-nouns"),
        titles: section("titles"),
        stopword_shapes: shapes(&stopwords),
        street_shapes: shapes(&streets),
        streets,
        contractions: section("contractions"),
        heads: WordSet::parse(include_str!("heads.txt")),
        stopwords,
        water_shapes: shapes(&water),
        water,
        first_names: WordSet::parse(include_str!("first_names.txt")),
        buildings: section("buildings"),
    }
});

/// The [`shapes`] of the words of `after_heads` that start no key (`may_start`
/// says no): the only ones a word rejected by that filter can be.
static AFTER_HEAD_SHAPES: LazyLock<[u64; 256]> = LazyLock::new(|| {
    let gazetteer = gazetteer();
    let mut shapes = [0u64; 256];
    for word in gazetteer.after_heads.keys() {
        if !word.is_empty() && !gazetteer.may_start(word) {
            shapes[usize::from(word.as_bytes()[0])] |= 1 << word.len().min(63);
        }
    }
    shapes
});

/// Bytes that may start a capital letter: ASCII capitals and the lead bytes of
/// Latin-1 and Latin Extended-A (C3–C5: É, Î, Œ...).
static CAPITAL_LEAD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = b'A';
    while b <= b'Z' {
        table[b as usize] = true;
        b += 1;
    }
    table[0xc3] = true;
    table[0xc4] = true;
    table[0xc5] = true;
    table
};

/// The index of the first byte of `bytes` that may start a capital: an ASCII
/// capital, a lead byte C4 or C5 (Latin Extended-A: `Œ`, `Ł`, lowercase ones too),
/// or C3 before a capital of Latin-1 (`É`, `À`: C3 80 to C3 9E). The lowercase
/// letters of Latin-1 (`é`, `à`), the commonest non-ASCII ones, are passed over. At
/// most the last seven bytes may give a C3 before a lowercase letter, or one at the
/// very end, to be told apart by the caller.
///
/// Eight bytes at a time ([`crate::swar`]): a block is one test, not a branch a
/// byte; only the last bytes, fewer than eight, are looked at one by one
/// ([`CAPITAL_LEAD`]).
fn next_capital_lead(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    let mut rest = bytes;
    while let Some((block, tail)) = rest.split_first_chunk::<8>() {
        let x = u64::from_le_bytes(*block);
        // The byte after each of the block's, the first of the next block last.
        let after = (x >> 8) | (u64::from(tail.first().copied().unwrap_or(0)) << 56);
        let leads = capital_leads(x, after);
        if leads != 0 {
            return Some(at + leads.trailing_zeros() as usize / 8);
        }
        at += 8;
        rest = tail;
    }
    rest.iter()
        .position(|&b| CAPITAL_LEAD[usize::from(b)])
        .map(|i| at + i)
}

/// The bytes of `x` that start a capital (see [`next_capital_lead`]), `after`
/// holding the byte after each.
#[inline(always)]
fn capital_leads(x: u64, after: u64) -> u64 {
    let v = x & !HIGHS;
    let capitals = within(v, b'A', b'Z') & !x;
    // C3 to C5: bit 7 set, 0x43 to 0x45 below it; bit 2 tells C3 (clear) from the others.
    let leads = within(v, 0x43, 0x45) & x;
    let c4_c5 = (x << 5) & HIGHS;
    // A continuation byte of a capital: bit 7 set, the other seven 0x1e at most.
    let capital_after = within(after & !HIGHS, 0, 0x1e) & after;
    capitals | (leads & (c4_c5 | capital_after))
}

/// Finds the places of a document, sorted by position.
pub fn extract(doc: &Document) -> Vec<PlaceMention> {
    let gazetteer = gazetteer();
    let text = doc.text();
    let mut search = Search::new(text, gazetteer);
    let mut found: Vec<Found> = Vec::with_capacity(16);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the next byte that may start a capital.
        let Some(skip) = next_capital_lead(&bytes[i..]) else {
            break;
        };
        i += skip;
        // C3 followed by 0x9F or more is a lowercase letter (é, à, ç), the commonest case.
        if bytes[i] == 0xc3 && bytes.get(i + 1).is_some_and(|&n| n >= 0x9f) {
            i += 2;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        // `Namur-Bruxelles`, `Paris-Montpellier`: a place right after a place.
        let after_place = found.last().is_some_and(|f| f.span.end + 1 == i) && bytes[i - 1] == b'-';
        if !c.is_uppercase() || !(is_word_start(text, i) || after_place) {
            i += c.len_utf8();
            continue;
        }
        match search.at_capital(doc, i) {
            Some(hit) => {
                i = hit.span.end;
                if let Some(hit) = hit.place {
                    found.push(hit);
                }
            }
            None => i += c.len_utf8(),
        }
    }
    resolve(gazetteer, &search.pool, &mut found);
    found
        .into_iter()
        .map(|f| {
            let place = &gazetteer.places[f.chosen as usize];
            PlaceMention {
                span: doc.span(f.span),
                name: Cow::Borrowed(place.name),
                kind: place.kind,
                country: place.country.map(Cow::Borrowed),
                geonames: place.geonames,
            }
        })
        .collect()
}

/// A place mention before disambiguation.
#[derive(Debug)]
struct Found {
    span: Range<usize>,
    /// Where its candidates are in [`Search::pool`].
    candidates: Range<usize>,
    chosen: u32,
}

/// The outcome of a search at a capital: the text it covers (to resume after it),
/// and the place if the rules keep one.
struct Hit {
    span: Range<usize>,
    place: Option<Found>,
}

struct Search<'a> {
    text: &'a str,
    gazetteer: &'a Gazetteer,
    /// The normalized words of a name from the capital on.
    key: String,
    /// The normalized words of a name from a head before the capital.
    head_key: String,
    /// The normalized words of the name being judged: `normalize_name` of its text,
    /// for the demonym check.
    written_key: String,
    /// The candidates of the name being judged.
    scratch: Vec<u32>,
    /// The candidates of every mention found, one range each: one buffer for all.
    pool: Vec<u32>,
    /// The last sentence [`Search::speaks_of_water`] looked at, and its answer.
    watery: Option<(usize, bool)>,
    /// The sentence of the last [`Search::sentence_index`] asked about.
    sentence: Cell<usize>,
}

impl<'a> Search<'a> {
    /// A search of `text` with empty buffers.
    fn new(text: &'a str, gazetteer: &'a Gazetteer) -> Search<'a> {
        Search {
            text,
            gazetteer,
            // Room for most names and their candidates from the start: these buffers
            // used to grow three or four times per article.
            key: String::with_capacity(64),
            head_key: String::with_capacity(64),
            written_key: String::with_capacity(64),
            scratch: Vec::with_capacity(16),
            pool: Vec::with_capacity(64),
            watery: None,
            sentence: Cell::new(0),
        }
    }

    /// Searches for a name at the capitalized word starting at `at`, or at a generic
    /// head up to three words before it (`mer du Nord`, `golfe Persique`).
    fn at_capital(&mut self, doc: &Document, at: usize) -> Option<Hit> {
        // Up to three lowercase words back, from heads that start some name; only
        // before a word that follows a head in some name.
        let mut starts = [usize::MAX; 4];
        let mut pos = at;
        // The capital's word, normalized once: for the filters and the search at it.
        self.key.clear();
        let first_end = push_word(self.text, at, &mut self.key);
        // Most capitalized words start no name: the filter says so, and then only a
        // word that follows a head but starts no name can still lead to one, words
        // whose shapes tell most others apart without a look-up in `after_heads`.
        // One hash for both Bloom filters.
        let hash = gazetteer::fnv(self.key.as_bytes());
        let may_start = self.gazetteer.may_start_hashed(hash);
        let look_back = (may_start || may_be_lowercase_in(&AFTER_HEAD_SHAPES, &self.key))
            && self.gazetteer.may_follow_head_hashed(hash)
            && self.gazetteer.after_heads.contains_key(self.key.as_str());
        if !look_back && !may_start {
            return None;
        }
        for slot in starts.iter_mut().take(if look_back { 3 } else { 0 }) {
            match prev_word(self.text, pos) {
                Some((word, between))
                    if is_joiner(between)
                        && self.text[word.clone()].starts_with(char::is_lowercase) =>
                {
                    self.head_key.clear();
                    gazetteer::push_token(&self.text[word.clone()], &mut self.head_key);
                    if self
                        .gazetteer
                        .lowercase_heads
                        .contains_key(self.head_key.as_str())
                    {
                        *slot = word.start;
                    } else if !matches!(
                        self.head_key.as_str(),
                        "de" | "du" | "des" | "d" | "la" | "l"
                    ) {
                        break; // only connectors stand between a head and the capital
                    }
                    pos = word.start;
                }
                _ => break,
            }
        }
        starts[3] = at;
        // Farthest head first: the longest name wins.
        starts[..3].reverse();
        for start in starts.into_iter().filter(|&s| s != usize::MAX) {
            // The capital comes last: `self.key` still holds its word.
            let longest = if start == at {
                longest_from(
                    self.text,
                    self.gazetteer,
                    &mut self.key,
                    at,
                    first_end,
                    hash,
                )
            } else {
                longest_at(self.text, self.gazetteer, &mut self.head_key, start)
            };
            if let Some(Longest { end, node, key_len }) = longest {
                if end <= at {
                    continue;
                }
                // The search normalized the name's words already: the key up to the
                // longest name is `normalize_name` of its text (the words it went on
                // to try are cut off), which the demonym check needs. The buffers
                // trade places; each is cleared before it is written again.
                let key = if start == at {
                    &mut self.key
                } else {
                    &mut self.head_key
                };
                key.truncate(key_len);
                std::mem::swap(key, &mut self.written_key);
                let mut candidates = std::mem::take(&mut self.scratch);
                candidates.clear();
                let hit = self.judge(doc, start..end, node, &mut candidates);
                if let Some(mut hit) = hit {
                    if let Some(found) = &mut hit.place {
                        let first = self.pool.len();
                        self.pool.extend_from_slice(&candidates);
                        found.candidates = first..self.pool.len();
                    }
                    self.scratch = candidates;
                    return Some(hit);
                }
                self.scratch = candidates;
            }
        }
        None
    }

    /// Applies the rules to a name found at `span`. A kept place's candidates are
    /// left in `candidates`.
    // Out of line, as are the rules it calls (`in_address`, `has_place_context`,
    // `capitals_match`, `all_capitalized`): inlined into `at_capital` and the scan
    // loop of `extract`, they cost that hot loop more than the calls (0.5 M
    // instructions on the press slice).
    #[inline(never)]
    fn judge(
        &mut self,
        doc: &Document,
        span: Range<usize>,
        node: &Node,
        candidates: &mut Vec<u32>,
    ) -> Option<Hit> {
        let text = self.text;
        let written = &text[span.clone()];
        let all_forms = self.gazetteer.forms(node);
        // Which forms are capitalized as written (a bit each; a key has few forms).
        // Most names are written with every word capitalized (`Paris`, `Le Caire`):
        // then every form matches (see [`capitals_match`]), without comparing each.
        let mask = if all_capitalized(written) {
            u64::MAX
        } else {
            all_forms
                .iter()
                .take(64)
                .enumerate()
                .filter(|(_, f)| capitals_match(f.text, written))
                .fold(0u64, |mask, (i, _)| mask | 1 << i)
        };
        let matching = || {
            all_forms
                .iter()
                .take(64)
                .enumerate()
                .filter(move |(i, _)| mask & (1 << i) != 0)
                .map(|(_, f)| f)
        };
        matching().next()?;
        let drop = |span: Range<usize>| Some(Hit { span, place: None });
        if matching().any(|f| f.kind == FormKind::Blocker) {
            return drop(span);
        }
        let cues = &*CUES;
        // The word before, lowercased once for all the cue sets it is looked up in.
        let mut lower_buf = [0u8; 32];
        let prev = prev_word(text, span.start).map(|(span, between)| PrevWord {
            word: Lowered::new(&text[span.clone()], &mut lower_buf),
            span,
            between,
        });
        let after_contraction = prev.as_ref().is_some_and(|p| {
            p.word.is_in(&cues.contractions) || matches!(p.word.text, "le" | "la" | "les" | "l")
        });
        candidates.extend(
            matching()
                .filter(|f| f.kind == FormKind::Full || after_contraction)
                .map(|f| f.place),
        );
        candidates.sort_unstable();
        candidates.dedup();
        if candidates.is_empty() {
            return None;
        }
        let all_caps = !written.chars().any(char::is_lowercase);
        let starts_sentence =
            is_sentence_start(doc, span.start, self.sentence_index(doc, span.start));
        if may_be_lowercase_in(&cues.stopword_shapes, written)
            && contains_lowercased(&cues.stopwords, written)
        {
            return drop(span);
        }
        // Capitals where the gazetteer has lowercase letters (`PARIS`): a dateline or
        // a heading, not an acronym mid-sentence (`CHU`).
        let shouted = all_caps && matching().all(|f| f.text.chars().any(char::is_lowercase));
        if shouted && !starts_sentence && !self.next_is_all_caps(span.end) {
            return drop(span);
        }
        // A person's name: after a title, or among capitalized words mid-sentence.
        if let Some(PrevWord {
            span: word,
            between,
            word: lowered,
        }) = &prev
        {
            let word_text = lowered.text;
            if cues.titles.contains(word_text) && matches!(between.trim(), "" | ".") {
                return drop(span);
            }
            if between.chars().all(|c| c == ' ')
                && word_text.starts_with(char::is_uppercase)
                && word_text.chars().any(char::is_lowercase)
                && !all_caps
                && !is_sentence_start(doc, word.start, self.sentence_index(doc, word.start))
                && !lowered.is_in(&cues.stopwords)
                && !lowered.is_in(&cues.place_nouns)
                && !lowered.is_in(&cues.heads)
            {
                return drop(span);
            }
        }
        if !all_caps && cues.first_names.contains(written) {
            if let Some(next) = next_word(text, span.end) {
                let next_text = &text[next.clone()];
                if text[span.end..next.start].chars().all(|c| c == ' ')
                    && next_text.starts_with(char::is_uppercase)
                    && !self.is_place_start(next.start)
                {
                    return drop(span);
                }
            }
        }
        // An address: `rue de Paris`, `boulevard Voltaire`; a building: `halle
        // Saint-François`.
        if self.in_address(prev.as_ref()) {
            return drop(span);
        }
        if let Some(p) = &prev {
            if p.between.chars().all(|c| c == ' ') && p.word.is_in(&cues.buildings) {
                return drop(span);
            }
        }
        // Small places are written as the gazetteer writes them (`Villé` is not `la
        // Ville`, `Brás` not `bras`), unless in capitals.
        let places = &self.gazetteer.places;
        candidates.retain(|&c| {
            let place = &places[c as usize];
            all_caps
                || !is_small(place)
                || matching().any(|f| f.place == c && same_letters(f.text, written))
        });
        if candidates.is_empty() {
            return drop(span);
        }
        let is_area = |&c: &u32| {
            matches!(
                places[c as usize].kind,
                PlaceKind::Country | PlaceKind::Region
            )
        };
        // `Russes`, `Américains`; but `Suisse` is also a country.
        if !candidates.iter().any(is_area) {
            // `self.written_key` is `normalize_name(written)`: see `at_capital`.
            if self
                .gazetteer
                .demonyms
                .contains_key(self.written_key.as_str())
            {
                return drop(span);
            }
        }
        // Also common words, or foreign towns of which the French press rarely speaks
        // without saying where (`à Adré`, `Gembloux (Belgique)`).
        let needs_context = |&c: &u32| {
            let place = &places[c as usize];
            place.ambiguous
                || (place.kind == PlaceKind::City
                    && place.country != Some("FR")
                    && place.population < SMALL_FOREIGN_TOWN)
        };
        // For a town that is no common word, `de` is enough (`une infirmière de Gembloux`).
        let loose = !candidates.iter().any(|&c| places[c as usize].ambiguous);
        if candidates.iter().all(needs_context)
            && !self.has_place_context(&span, prev.as_ref(), starts_sentence, all_caps, loose)
        {
            return drop(span);
        }
        // A river named like a département: the river when the sentence speaks of water.
        if candidates.len() > 1
            && candidates
                .iter()
                .any(|&c| places[c as usize].kind == PlaceKind::Water)
        {
            let watery = self.speaks_of_water(doc, span.start);
            candidates.retain(|&c| (places[c as usize].kind == PlaceKind::Water) == watery);
            if candidates.is_empty() {
                return drop(span);
            }
        }
        // A generic head before a water body or landform joins the span.
        let mut start = span.start;
        if let Some(p) = &prev {
            let kind = places[candidates[0] as usize].kind;
            if matches!(
                kind,
                PlaceKind::Water | PlaceKind::Other | PlaceKind::Region
            ) && p.between.chars().all(|c| c == ' ')
                && cues.heads.contains(p.word.text)
            {
                start = p.span.start;
            }
        }
        Some(Hit {
            span: span.clone(),
            place: Some(Found {
                span: start..span.end,
                chosen: candidates[0],
                candidates: 0..0,
            }),
        })
    }

    /// `doc.sentence_index(pos)`, stepping from the sentence of the last call: the
    /// search asks about positions that move forward through the text, mostly in
    /// the same sentence or the next, where a binary search over all of them
    /// would cost more. Sentences are in order, so the steps find the same one.
    fn sentence_index(&self, doc: &Document, pos: usize) -> usize {
        let sentences = doc.sentences();
        let mut index = self.sentence.get();
        while index + 1 < sentences.len() && sentences[index + 1].start <= pos {
            index += 1;
        }
        while index > 0 && sentences[index].start > pos {
            index -= 1;
        }
        self.sentence.set(index);
        index
    }

    /// Whether the sentence containing `pos` has a water word (`fleuve`, `crue`).
    ///
    /// Remembered for the last sentence asked about: a sentence often names several
    /// rivers, and the scan lowercases none of its words whose first byte and length
    /// no water word has (see [`may_be_lowercase_in`]).
    fn speaks_of_water(&mut self, doc: &Document, pos: usize) -> bool {
        let index = self.sentence_index(doc, pos);
        if let Some((last, watery)) = self.watery {
            if last == index {
                return watery;
            }
        }
        let watery = sentence_speaks_of_water(doc, index, true);
        self.watery = Some((index, watery));
        watery
    }

    /// Whether the word after `end` is written in capitals (a heading, a dateline).
    fn next_is_all_caps(&self, end: usize) -> bool {
        next_word(self.text, end).is_some_and(|w| {
            let word = &self.text[w];
            word.chars().count() > 1 && !word.chars().any(char::is_lowercase)
        })
    }

    /// Whether a gazetteer name (not a blocker) starts at `pos`.
    fn is_place_start(&self, pos: usize) -> bool {
        let mut key = String::new();
        longest_at(self.text, self.gazetteer, &mut key, pos).is_some_and(
            |Longest { node, .. }| {
                self.gazetteer
                    .forms(node)
                    .iter()
                    .any(|f| f.kind != FormKind::Blocker)
            },
        )
    }

    /// After a street word, directly or through `de`, `du`, `des`, `d'`, `de la`
    /// (up to three words back from `prev`, the word before the name).
    #[inline(never)]
    fn in_address(&self, prev: Option<&PrevWord>) -> bool {
        let streets = &CUES.streets;
        let Some(prev) = prev else {
            return false;
        };
        if prev.word.is_in(streets) {
            return true;
        }
        let (mut w, mut pos) = (prev.word.text, prev.span.start);
        for _ in 1..3 {
            if !matches!(w, "de" | "du" | "des" | "d" | "la" | "l") {
                return false;
            }
            let Some((word, _)) = prev_word(self.text, pos) else {
                return false;
            };
            w = &self.text[word.clone()];
            if may_be_lowercase_in(&CUES.street_shapes, w) && contains_lowercased(streets, w) {
                return true;
            }
            pos = word.start;
        }
        false
    }

    /// A place context for a name that is also a common word, at `span` after `prev`
    /// (`loose`: for a small foreign town, any `de` will do).
    #[inline(never)]
    fn has_place_context(
        &self,
        span: &Range<usize>,
        prev: Option<&PrevWord>,
        starts_sentence: bool,
        all_caps: bool,
        loose: bool,
    ) -> bool {
        let text = self.text;
        let cues = &*CUES;
        // A dateline: `NICE, 12 mars (AFP) –`, `Tours (Indre-et-Loire) –`.
        let after = &text[span.end..];
        let after_trim = after.trim_start_matches(' ');
        if let Some(inner) = after_trim.strip_prefix('(') {
            if inner.starts_with(char::is_uppercase)
                || inner.starts_with(|c: char| c.is_ascii_digit())
            {
                return true;
            }
        }
        if all_caps && starts_sentence && (after.starts_with(',') || after_trim.starts_with('(')) {
            return true;
        }
        let Some(PrevWord {
            span: word,
            word: Lowered {
                lower: Some(mut w), ..
            },
            ..
        }) = prev
        else {
            return false;
        };
        let mut word = word.clone();
        let mut buf = [0u8; 32];
        // Through an article: `dans la Vienne`, `préfecture de la Vienne`.
        if matches!(w, "la" | "le" | "les" | "l") {
            let Some((before, _)) = prev_word(text, word.start) else {
                return false;
            };
            word = before;
            let Some(before) = lowercased(&text[word.clone()], &mut buf) else {
                return false;
            };
            w = before;
        }
        if w.chars().all(|c| c.is_ascii_digit()) {
            return false; // `3 Mars`: a date
        }
        if cues.prepositions.contains(w) {
            return true;
        }
        if matches!(w, "de" | "d" | "du" | "des") {
            if loose {
                return true;
            }
            // A place noun up to three words back: `le tribunal judiciaire de Grasse`.
            let mut pos = word.start;
            for _ in 0..3 {
                let Some((noun, _)) = prev_word(text, pos) else {
                    break;
                };
                let noun_text = &text[noun.clone()];
                if contains_lowercased(&cues.place_nouns, noun_text)
                    || noun_text.eq_ignore_ascii_case("près")
                {
                    return true;
                }
                pos = noun.start;
            }
        }
        false
    }
}

/// Whether sentence `index` of `doc` (the whole text if there is none) has a water
/// word. With `pretest`, words are first checked against the water words' shapes;
/// without, every word is lowercased and looked up (the reference).
fn sentence_speaks_of_water(doc: &Document, index: usize, pretest: bool) -> bool {
    let text = doc.text();
    let cues = &*CUES;
    let sentence = doc.sentences().get(index).cloned().unwrap_or(0..text.len());
    let sentence = &text[sentence];
    if pretest {
        return has_water_word(sentence);
    }
    sentence
        .split(|c: char| !c.is_alphabetic())
        .any(|w| contains_lowercased(&cues.water, w))
}

/// Whether a word of `sentence` (a run of alphabetic characters) is a water word.
///
/// One pass over the bytes, the words' ends found as they come (an iterator over
/// the words, [`alphabetic_words`], kept a state between bytes): a word of ASCII
/// and Latin-1 letters, nearly every one, is told apart by its first byte and
/// length alone (see [`may_be_lowercase_in`]), known when its end is found,
/// without lowercasing it.
fn has_water_word(sentence: &str) -> bool {
    let cues = &*CUES;
    let bytes = sentence.as_bytes();
    // The alphabetic character at `i` (not ASCII) and its width, if it is one.
    let letter_at = |i: usize| {
        let c = sentence[i..].chars().next().unwrap_or(' ');
        is_alphabetic(c).then_some(c.len_utf8())
    };
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 && !b.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        // Only ASCII and Latin-1 letters (`C3 xx`): lowercase, the word keeps its
        // length and its first byte lowercases alone.
        let mut latin1 = true;
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if !b.is_ascii_alphabetic() {
                    break;
                }
                i += 1;
            } else if let Some(width) = letter_at(i) {
                latin1 &= b == 0xc3;
                i += width;
            } else {
                break;
            }
        }
        if i == start {
            // Not a letter: a character of several bytes.
            i += sentence[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let shape = cues.water_shapes[usize::from(bytes[start].to_ascii_lowercase())];
        if (!latin1 || shape & 1 << (i - start).min(63) != 0)
            && contains_lowercased(&cues.water, &sentence[start..i])
        {
            return true;
        }
    }
    false
}

/// `char::is_alphabetic`, without its Unicode tables for the accented letters of
/// Latin-1 and Latin Extended (all letters but `×` and `÷`), the common case.
fn is_alphabetic(c: char) -> bool {
    if ('\u{c0}'..='\u{24f}').contains(&c) {
        c != '×' && c != '÷'
    } else {
        c.is_alphabetic()
    }
}

/// The non-empty runs of alphabetic characters of `s`: `s.split(|c: char|
/// !c.is_alphabetic())` without the empty pieces, byte by byte while the bytes are
/// ASCII (the split's searcher decodes every character).
#[cfg(test)]
fn alphabetic_words(s: &str) -> impl Iterator<Item = &str> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // To the start of the next word, then to its end.
        let mut start = None;
        while i < bytes.len() {
            let (alphabetic, width) = if bytes[i] < 0x80 {
                (bytes[i].is_ascii_alphabetic(), 1)
            } else {
                let c = s[i..].chars().next().unwrap_or(' ');
                (is_alphabetic(c), c.len_utf8())
            };
            match (alphabetic, start) {
                (true, None) => start = Some(i),
                (false, Some(from)) => return Some(&s[from..i]),
                _ => {}
            }
            i += width;
        }
        start.map(|from| &s[from..])
    })
}

/// The longest gazetteer key found by [`longest_at`].
struct Longest<'g> {
    /// Where the name ends in the text.
    end: usize,
    node: &'g Node,
    /// The length of the key in the buffer: the words tried after it follow.
    key_len: usize,
}

/// The longest gazetteer key starting at `start`. `key` is a buffer for the
/// normalized words.
fn longest_at<'g>(
    text: &str,
    gazetteer: &'g Gazetteer,
    key: &mut String,
    start: usize,
) -> Option<Longest<'g>> {
    key.clear();
    let first_end = push_word(text, start, key);
    let hash = gazetteer::fnv(key.as_bytes());
    longest_from(text, gazetteer, key, start, first_end, hash)
}

/// [`longest_at`], with the first word (`start..first_end`) already normalized in `key`,
/// whose [`gazetteer::fnv`] hash is `hash`: each word tried after it only extends
/// the hash.
fn longest_from<'g>(
    text: &str,
    gazetteer: &'g Gazetteer,
    key: &mut String,
    start: usize,
    first_end: usize,
    mut hash: u64,
) -> Option<Longest<'g>> {
    let mut best = None;
    let (mut pos, mut end) = (start, first_end);
    loop {
        if end == pos {
            break;
        }
        let Some(node) = gazetteer.index.get_hashed(key, hash) else {
            break;
        };
        if node.form_count() > 0 {
            best = Some(Longest {
                end,
                node,
                key_len: key.len(),
            });
        }
        if !node.is_prefix {
            break;
        }
        // Words of one name are joined by a space, a hyphen, an apostrophe or a dash.
        match text[end..].chars().next() {
            Some(c) if is_joiner_char(c) => {
                let next = end + c.len_utf8();
                if !text[next..].starts_with(is_word_char) {
                    break;
                }
                pos = next;
                let hashed = key.len();
                key.push(' ');
                end = push_word(text, pos, key);
                hash = gazetteer::fnv_extend(hash, &key.as_bytes()[hashed..]);
            }
            _ => break,
        }
    }
    best
}

/// Picks each mention's place among its candidates (see the module docs).
fn resolve(gazetteer: &Gazetteer, pool: &[u32], found: &mut [Found]) {
    if found.iter().all(|f| f.candidates.len() == 1) {
        return;
    }
    let places = &gazetteer.places;
    // Every name mentioned, with where, sorted by name then position (one buffer, where
    // a map of names held a vector each); and the countries of unambiguous mentions
    // (a few: a list).
    let mut named: Vec<(&str, usize)> = Vec::with_capacity(pool.len());
    let mut countries: Vec<&str> = Vec::new();
    for f in found.iter() {
        for &c in &pool[f.candidates.clone()] {
            named.push((places[c as usize].name, f.span.start));
        }
        if let [single] = pool[f.candidates.clone()] {
            let place = &places[single as usize];
            if let (Some(country), PlaceKind::Country | PlaceKind::Region) =
                (place.country, place.kind)
            {
                if !countries.contains(&country) {
                    countries.push(country);
                }
            }
        }
    }
    named.sort_unstable();
    // Where `name` is mentioned.
    let mentions_of = |name: &str| {
        let first = named.partition_point(|&(n, _)| n < name);
        let last = first + named[first..].partition_point(|&(n, _)| n == name);
        named[first..last].iter().map(|&(_, at)| at)
    };
    // Areas that contain an unambiguous mention (`Poitiers` is in `Vienne`).
    let containers: Vec<(&str, Option<&str>)> = found
        .iter()
        .filter(|f| f.candidates.len() == 1)
        .flat_map(|f| {
            let place = &places[pool[f.candidates.start] as usize];
            place
                .context
                .split('|')
                .filter(|area| !area.is_empty())
                .map(move |area| (area, place.country))
        })
        .collect();
    for f in found.iter_mut().filter(|f| f.candidates.len() > 1) {
        let candidates = &pool[f.candidates.clone()];
        let by_rank = |&c: &u32| rank(places, candidates, c);
        let top = *candidates
            .iter()
            .max_by_key(|c| by_rank(c))
            .unwrap_or(&candidates[0]);
        let own_name = places[top as usize].name;
        // 1. The candidate whose area is named nearest to the mention.
        let distance = |c: u32| {
            places[c as usize]
                .context
                .split('|')
                .filter(|area| *area != own_name)
                .flat_map(mentions_of)
                .map(|at| at.abs_diff(f.span.start))
                .min()
        };
        let in_context = candidates
            .iter()
            .filter_map(|&c| distance(c).map(|d| (d, c)))
            .min_by_key(|&(d, c)| (d, u64::MAX - by_rank(&c)))
            .map(|(_, c)| c);
        // 2. The area containing another mention: the region, not the homonymous city.
        let container = candidates
            .iter()
            .copied()
            .filter(|&c| {
                let place = &places[c as usize];
                matches!(place.kind, PlaceKind::Region | PlaceKind::Country)
                    && containers
                        .iter()
                        .any(|(area, country)| *area == place.name && *country == place.country)
            })
            .max_by_key(by_rank);
        // 3. A candidate of a country named in the article (France excepted: it is
        //    everywhere in the French press) when the top one's is not named, unless
        //    the top one is ten times as big or the other a small town.
        let top_country = places[top as usize].country;
        let by_country = candidates
            .iter()
            .copied()
            .filter(|&c| {
                let country = places[c as usize].country;
                country.is_some_and(|cc| cc != "FR" && countries.contains(&cc))
                    && !top_country.is_some_and(|cc| countries.contains(&cc))
                    && by_rank(&c).saturating_mul(10) >= by_rank(&top)
                    && places[c as usize].population >= SMALL_FOREIGN_TOWN
            })
            .max_by_key(by_rank);
        f.chosen = in_context.or(container).or(by_country).unwrap_or(top);
    }
}

/// The weight of a candidate among homonyms: its population, times 3 in France,
/// times 10 for a country;
/// a region that is also a city of the same country and about the same size (the
/// département of Paris) ranks below the city.
fn rank(places: &[Place], candidates: &[u32], c: u32) -> u64 {
    let place = &places[c as usize];
    let mut weight = place.population;
    // The French press's default: a French place outranks a foreign one up to three
    // times its size (Orléans, not Orléans in Ontario).
    if place.country == Some("FR") {
        weight = weight.saturating_mul(3);
    }
    match place.kind {
        PlaceKind::Country => weight = weight.saturating_mul(10),
        PlaceKind::Region => {
            let twin_city = candidates.iter().any(|&o| {
                let other = &places[o as usize];
                other.kind == PlaceKind::City
                    && other.country == place.country
                    && other.population.saturating_mul(3) >= place.population.saturating_mul(2)
            });
            if twin_city {
                weight /= 2;
            }
        }
        _ => {}
    }
    weight
}

/// Foreign towns smaller than this need a place context.
const SMALL_FOREIGN_TOWN: u64 = 50_000;

/// Places smaller than this must be written with their accents.
const SMALL_PLACE: u64 = 20_000;

fn is_small(place: &Place) -> bool {
    place.kind == PlaceKind::City && place.population < SMALL_PLACE
}

/// The same letters, accents included, up to case and apostrophe style.
///
/// Byte by byte while both are ASCII and Latin-1 (see [`next_latin1_letter`]),
/// nearly always: `char::to_lowercase` goes through the Unicode case tables and an
/// iterator per letter, and even decoding every character to fold it through
/// [`latin1_lower`] cost a thousand instructions a name. At the first other
/// character, [`same_letters_chars`] compares them again.
fn same_letters(form: &str, written: &str) -> bool {
    let (mut i, mut j) = (0, 0);
    loop {
        match (
            next_latin1_letter(form.as_bytes(), &mut i),
            next_latin1_letter(written.as_bytes(), &mut j),
        ) {
            (Ok(None), Ok(None)) => return true,
            (Ok(Some(f)), Ok(Some(w))) if f == w => {}
            // Every letter so far lowercased to one letter, the same on both sides.
            (Ok(_), Ok(_)) => return false,
            _ => return same_letters_chars(form, written),
        }
    }
}

/// The next letter or digit of `s` from byte `*i` on, lowercased, as a code: an
/// ASCII byte, or 0x100 and the second byte of a Latin-1 letter (`C3 xx`); `None`
/// at the end. Other characters are skipped when they are no letter or digit
/// (general punctuation, `E2 80 xx`: `’`, `–`) or else stop the scan (`Err`).
fn next_latin1_letter(s: &[u8], i: &mut usize) -> Result<Option<u16>, ()> {
    while let Some(&b) = s.get(*i) {
        if b < 0x80 {
            *i += 1;
            if b.is_ascii_alphanumeric() {
                return Ok(Some(u16::from(b.to_ascii_lowercase())));
            }
        } else if b == 0xc3 {
            // Valid UTF-8: a continuation byte follows the lead byte. `×` (C3 97) and
            // `÷` (C3 B7) are no letters; the capitals `À` to `Þ` lowercase by adding
            // 0x20 to their second byte.
            let next = s[*i + 1];
            *i += 2;
            if next != 0x97 && next != 0xb7 {
                let lower = if next <= 0x9e { next + 0x20 } else { next };
                return Ok(Some(0x100 | u16::from(lower)));
            }
        } else if b == 0xe2 && s.get(*i + 1) == Some(&0x80) {
            *i += 3; // U+2000 to U+203F: punctuation, no letter
        } else {
            return Err(());
        }
    }
    Ok(None)
}

/// [`same_letters`] through `char::to_lowercase`, for any letters: the reference.
fn same_letters_chars(form: &str, written: &str) -> bool {
    fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|&c| is_word_char(c))
            .flat_map(char::to_lowercase)
    }
    letters(form).eq(letters(written))
}

/// The lowercase form of an ASCII or Latin-1 character (`À` to `Þ` but `×` are the
/// capitals past ASCII), or `None` for any other character.
#[cfg(test)]
fn latin1_lower(c: char) -> Option<char> {
    match c {
        'A'..='Z' | '\u{c0}'..='\u{de}' if c != '×' => char::from_u32(u32::from(c) + 0x20),
        '\0'..='\u{ff}' => Some(c),
        _ => None,
    }
}

/// The word before a name: where it is, what stands between them (see [`prev_word`])
/// and its lowercase form.
struct PrevWord<'t> {
    span: Range<usize>,
    between: &'t str,
    word: Lowered<'t>,
}

/// A word and its lowercase form, made once to look it up in several cue sets.
struct Lowered<'t> {
    text: &'t str,
    /// `None` when too long for any cue word (see [`lowercased`]).
    lower: Option<&'t str>,
}

impl<'t> Lowered<'t> {
    fn new(text: &'t str, buf: &'t mut [u8; 32]) -> Self {
        Lowered {
            text,
            lower: lowercased(text, buf),
        }
    }

    /// Whether its lowercase form is in `set`: the same as [`contains_lowercased`].
    fn is_in(&self, set: &WordSet) -> bool {
        self.text.len() <= set.longest() + 4 && self.lower.is_some_and(|l| set.contains(l))
    }
}

/// For each first byte of an entry of `set`, a bit for each length (63 for any
/// longer): see [`may_be_lowercase_in`].
fn shapes(set: &WordSet) -> [u64; 256] {
    let mut shapes = [0u64; 256];
    for word in set.iter().filter(|w| !w.is_empty()) {
        shapes[usize::from(word.as_bytes()[0])] |= 1 << word.len().min(63);
    }
    shapes
}

/// False when the lowercase form of `word` is surely not in the set of these
/// [`shapes`]: an ASCII word keeps its length and lowercases its first byte alone, so
/// a first byte and length that no entry has say so without lowercasing it (most
/// names: `Lille`, `Bordeaux`). A pre-test for [`contains_lowercased`].
fn may_be_lowercase_in(shapes: &[u64; 256], word: &str) -> bool {
    if !word.is_ascii() {
        return true;
    }
    word.as_bytes().first().is_some_and(|&b| {
        shapes[usize::from(b.to_ascii_lowercase())] & 1 << word.len().min(63) != 0
    })
}

/// Whether the lowercase form of `word` is in `set`, without allocating: cue words
/// are short, so a word longer than 32 bytes is in no set.
fn contains_lowercased(set: &WordSet, word: &str) -> bool {
    // Lowercasing shrinks a word only through rare capitals (the Kelvin sign): a word
    // much longer than the longest entry is in no set.
    if word.len() > set.longest() + 4 {
        return false;
    }
    let mut buf = [0u8; 32];
    lowercased(word, &mut buf).is_some_and(|lower| set.contains(lower))
}

/// `word` in lowercase, written in `buf` unless it is lowercase already; `None` if it
/// does not fit (no cue word is that long).
///
/// Words of ASCII and Latin-1 letters, nearly all, are lowercased byte by byte (see
/// [`latin1_lowercase_into`]); others character by character ([`lowercased_chars`]).
fn lowercased<'b>(word: &'b str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    match latin1_lowercase_into(word, buf) {
        Some(false) => Some(word),
        Some(true) => std::str::from_utf8(&buf[..word.len()]).ok(),
        None => lowercased_chars(word, buf),
    }
}

/// Writes `word` in lowercase to the start of `buf` when it has only ASCII and
/// Latin-1 (`C3 xx`) characters and fits, and says whether any byte changed; `None`
/// for any other word, which [`lowercased_chars`] handles.
///
/// The capitals of Latin-1, `À` to `Þ` but `×` (`C3 80` to `C3 9E` but `C3 97`),
/// lowercase by adding 0x20 to their second byte; its other letters are lowercase
/// already. This skips the Unicode case tables of `char::to_lowercase`.
fn latin1_lowercase_into(word: &str, buf: &mut [u8; 32]) -> Option<bool> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            out[i] = b.to_ascii_lowercase();
            changed |= b.is_ascii_uppercase();
            i += 1;
        } else if b == 0xc3 {
            // Valid UTF-8: a continuation byte follows the lead byte.
            let next = bytes[i + 1];
            let capital = (0x80..=0x9e).contains(&next) && next != 0x97;
            out[i] = b;
            out[i + 1] = if capital { next + 0x20 } else { next };
            changed |= capital;
            i += 2;
        } else {
            return None;
        }
    }
    Some(changed)
}

/// [`lowercased`] character by character, for any word: the reference.
fn lowercased_chars<'b>(word: &'b str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let has_capital = if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars().any(char::is_uppercase)
    };
    if !has_capital {
        return Some(word);
    }
    if word.is_ascii() {
        let lower = buf.get_mut(..word.len())?;
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).ok();
    }
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let width = c.len_utf8();
        if len + width > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[len..]);
        len += width;
    }
    std::str::from_utf8(&buf[..len]).ok()
}

/// True when no letter or digit joins `pos` to the word before it, and the character
/// before is not a hyphen (`Ouest-France` holds no `France`).
fn is_word_start(text: &str, pos: usize) -> bool {
    match text[..pos].chars().next_back() {
        None => true,
        Some(c) => !is_word_char(c) && c != '-',
    }
}

/// For each byte, its lowercase form if it is an ASCII letter or digit, else 0.
static ASCII_WORD_LOWER: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0u8;
    while b < 0x80 {
        if b.is_ascii_alphanumeric() {
            table[b as usize] = b.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// Appends the normalized form of the word starting at `pos` to `key` (see
/// [`gazetteer::push_token`]) and returns its end: `word_end` and `push_token` in
/// one.
///
/// The ASCII letters and digits, most of a word or all of it, are folded as they
/// are scanned, one table look-up each, instead of finding the end first and then
/// reading the word again. Folding goes character by character, so the rest of a
/// word, from its first other byte on, is folded after its ASCII start; only
/// `St` and `Ste`, ASCII words, fold as a whole.
fn push_word(text: &str, pos: usize, key: &mut String) -> usize {
    let bytes = text.as_bytes();
    let mut i = pos;
    while let Some(&b) = bytes.get(i) {
        let lower = ASCII_WORD_LOWER[usize::from(b)];
        if lower == 0 {
            break;
        }
        key.push(char::from(lower));
        i += 1;
    }
    if bytes.get(i).is_some_and(|&b| b >= 0x80) {
        let end = word_end(text, i);
        // A word that goes on past its ASCII start (not `St` before a no-break space).
        if end > i {
            gazetteer::push_token(&text[i..end], key);
            return end;
        }
    }
    if i - pos <= 3 && matches!(&text[pos..i], "St" | "ST" | "st" | "Ste" | "STE" | "ste") {
        key.truncate(key.len() - (i - pos));
        gazetteer::push_ascii_token(&text[pos..i], key);
    }
    i
}

/// End of the word (letters and digits) starting at `pos`, or going on there.
fn word_end(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = pos;
    // ASCII letters and digits byte by byte; anything else through `char`.
    while i < bytes.len() {
        if bytes[i].is_ascii_alphanumeric() {
            i += 1;
        } else if bytes[i] < 0x80 {
            return i;
        } else {
            match text[i..].chars().next() {
                Some(c) if is_word_char(c) => i += c.len_utf8(),
                _ => return i,
            }
        }
    }
    i
}

/// The word before `pos` and the text between them (at most a few characters).
///
/// Byte by byte while the bytes are ASCII, the usual case (`de Paris`, `M. Lyon`):
/// [`prev_word_chars`], which decodes characters, takes over at the first other byte.
fn prev_word(text: &str, pos: usize) -> Option<(Range<usize>, &str)> {
    let bytes = text.as_bytes();
    // Up to four characters back to the word's last one.
    let mut end = pos;
    loop {
        if pos - end == 4 || end == 0 {
            return None;
        }
        match bytes[end - 1] {
            b if b >= 0x80 => return prev_word_chars(text, pos),
            b if b.is_ascii_alphanumeric() => break,
            _ => end -= 1,
        }
    }
    let mut start = end - 1;
    while start > 0 {
        match bytes[start - 1] {
            b if b >= 0x80 => return prev_word_chars(text, pos),
            b if b.is_ascii_alphanumeric() => start -= 1,
            _ => break,
        }
    }
    Some((start..end, &text[end..pos]))
}

/// [`prev_word`], character by character.
fn prev_word_chars(text: &str, pos: usize) -> Option<(Range<usize>, &str)> {
    let before = &text[..pos];
    let end = before
        .char_indices()
        .rev()
        .take(4)
        .find(|&(_, c)| is_word_char(c))
        .map(|(i, c)| i + c.len_utf8())?;
    let start = before[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some((start..end, &text[end..pos]))
}

/// The word after `end` (skipping at most a few separator characters).
fn next_word(text: &str, end: usize) -> Option<Range<usize>> {
    let (offset, _) = text[end..]
        .char_indices()
        .take(3)
        .find(|&(_, c)| is_word_char(c))?;
    let start = end + offset;
    Some(start..word_end(text, start))
}

fn is_joiner_char(c: char) -> bool {
    matches!(c, ' ' | '-' | '\'' | '’' | '–')
}

/// Between two words of one name: a single joiner.
fn is_joiner(between: &str) -> bool {
    let mut chars = between.chars();
    chars.next().is_some_and(is_joiner_char) && chars.next().is_none()
}

/// For each word of `s`, whether it starts with a capital.
///
/// Byte by byte through [`CAPITAL_CLASS`], decoding only the characters of
/// several bytes: splitting on a `char` predicate decoded every character, a
/// thousand instructions for each name [`capitals_match`] compared with its forms.
/// [`capitalized_chars`] is the reference.
fn capitalized(s: &str) -> impl Iterator<Item = bool> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut in_word = false;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(i) {
            let at = i;
            i += 1;
            match CAPITAL_CLASS[usize::from(b)] {
                NOT_WORD => in_word = false,
                CONTINUATION => {}
                class @ (NOT_CAPITAL | CAPITAL) => {
                    if !in_word {
                        in_word = true;
                        return Some(class == CAPITAL);
                    }
                }
                _ => {
                    let c = s[at..].chars().next().unwrap_or(' ');
                    let starts = is_word_char(c) && !in_word;
                    in_word = is_word_char(c);
                    if starts {
                        return Some(c.is_uppercase());
                    }
                }
            }
        }
        None
    })
}

/// [`capitalized`], splitting the text into words first.
#[cfg(test)]
fn capitalized_chars(s: &str) -> impl Iterator<Item = bool> + '_ {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.starts_with(char::is_uppercase))
}

/// Every word that is capitalized in the gazetteer's form is capitalized in the text.
#[inline(never)]
fn capitals_match(form: &str, written: &str) -> bool {
    let (mut form_words, mut written_words) = (capitalized(form), capitalized(written));
    loop {
        match (form_words.next(), written_words.next()) {
            (Some(f), Some(w)) if f && !w => return false,
            (Some(_), Some(_)) => {}
            (None, None) => return true,
            // Forms whose words differ in number (folded ligatures, `St` for `Saint`
            // with a different split) are compared on their first word only.
            _ => return capitalized(form).next() <= capitalized(written).next(),
        }
    }
}

/// The classes of the bytes for [`all_capitalized`].
const NOT_WORD: u8 = 0;
const NOT_CAPITAL: u8 = 1;
const CAPITAL: u8 = 2;
const CONTINUATION: u8 = 3;
const LEAD: u8 = 4;

/// For each byte, its class for [`all_capitalized`]: an ASCII letter or digit is
/// a capital or not, any other ASCII byte no word character; the other bytes lead
/// or continue a character of several bytes.
static CAPITAL_CLASS: [u8; 256] = {
    let mut table = [LEAD; 256];
    let mut b = 0u8;
    while b < 0x80 {
        table[b as usize] = if b.is_ascii_uppercase() {
            CAPITAL
        } else if b.is_ascii_alphanumeric() {
            NOT_CAPITAL
        } else {
            NOT_WORD
        };
        b += 1;
    }
    while b < 0xc0 {
        table[b as usize] = CONTINUATION;
        b += 1;
    }
    table
};

/// Whether every word of `s` starts with a capital: `capitalized(s).all(|c| c)`, byte
/// by byte, one table look-up each ([`CAPITAL_CLASS`]). A written name that passes
/// matches every form in [`capitals_match`]: no form word can be capitalized where
/// the text's is not, and the first-word fallback compares `f <= true`.
#[inline(never)]
fn all_capitalized(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut in_word = false;
    for (i, &b) in bytes.iter().enumerate() {
        match CAPITAL_CLASS[usize::from(b)] {
            NOT_WORD => in_word = false,
            NOT_CAPITAL if !in_word => return false,
            NOT_CAPITAL | CAPITAL => in_word = true,
            CONTINUATION => {}
            _ => {
                // The lead byte of a multibyte character.
                let c = s[i..].chars().next().unwrap_or(' ');
                let word_char = is_word_char(c);
                if word_char && !in_word && !c.is_uppercase() {
                    return false;
                }
                in_word = word_char;
            }
        }
    }
    true
}

/// True when nothing but punctuation and spaces stands between the start of the
/// sentence containing `pos` and `pos`;
/// `index` is the sentence's: `doc.sentence_index(pos)`.
fn is_sentence_start(doc: &Document, pos: usize, index: usize) -> bool {
    let sentences = doc.sentences();
    let Some(sentence) = sentences.get(index) else {
        return true;
    };
    if sentence.start > pos {
        return true;
    }
    !doc.text()[sentence.start..pos].chars().any(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Where the scan of `extract` stops, skipping what it skips (a C3 before a
        /// lowercase letter), is where a byte-by-byte look stops.
        #[test]
        fn capital_leads_are_found_eight_bytes_at_a_time(text in "[a-zA-Z@\\[Z`{ .,'é\u{c0}-\u{17f}\u{7f}ÿÞß×÷]{0,40}") {
            let bytes = text.as_bytes();
            let lowercase_latin_1 = |i: usize| bytes[i] == 0xc3 && bytes.get(i + 1).is_some_and(|&n| n >= 0x9f);
            for start in 0..=bytes.len() {
                let plain = (start..bytes.len())
                    .find(|&i| CAPITAL_LEAD[usize::from(bytes[i])] && !lowercase_latin_1(i));
                let mut at = start;
                let fast = loop {
                    match next_capital_lead(&bytes[at..]) {
                        Some(skip) if lowercase_latin_1(at + skip) => {
                            // Only among the last bytes, read one by one.
                            proptest::prop_assert!(bytes.len() - (at + skip) < 8);
                            at += skip + 2;
                        }
                        found => break found.map(|skip| at + skip),
                    }
                };
                proptest::prop_assert_eq!(fast, plain);
            }
        }

        #[test]
        fn longest_key_is_the_normalized_name(text in "(Saint|St|STE|Côte|d’Ivoire|d'Ivoire|Paris|New|York|mer|du|Nord|Le|Caire|Ærø|Haÿ|les|Roses|[a-zA-Zé]{1,5})([ '’–-](Saint|St|Étienne|Ivoire|d|York|Nord|Caire|Roses|les|Marne|sur|[a-zA-Z]{1,4})){0,4}[ ,.]?") {
            // What `at_capital` hands to the demonym check instead of normalizing again.
            let mut key = String::new();
            let mut plain = String::new();
            for start in (0..text.len()).filter(|&p| text.is_char_boundary(p)) {
                if let Some(Longest { end, key_len, .. }) = longest_at(&text, gazetteer(), &mut key, start) {
                    normalize_name(&text[start..end], &mut plain);
                    proptest::prop_assert_eq!(&key[..key_len], plain.as_str());
                }
            }
        }

        #[test]
        fn push_word_as_word_end_and_push_token(text in "(St|Ste|STE|sT|[a-zA-Z0-9 .,'’«»éÉŒ\u{a0}\u{2160}-]){0,10}") {
            for pos in (0..text.len()).filter(|&p| text.is_char_boundary(p)) {
                let mut key = String::from("x ");
                let end = push_word(&text, pos, &mut key);
                let mut plain = String::from("x ");
                let plain_end = word_end(&text, pos);
                gazetteer::push_token(&text[pos..plain_end], &mut plain);
                proptest::prop_assert_eq!(end, plain_end);
                proptest::prop_assert_eq!(key, plain);
            }
        }

        #[test]
        fn sentence_cursor_as_binary_search(
            text in "([A-Z][a-z]{0,4}[ .!?]{1,2}){0,12}",
            positions in proptest::collection::vec(0usize..80, 0..24),
        ) {
            let doc = Document::new(&text);
            let search = Search::new(&text, gazetteer());
            for pos in positions.into_iter().map(|p| p.min(text.len())) {
                proptest::prop_assert_eq!(search.sentence_index(&doc, pos), doc.sentence_index(pos));
            }
        }

        #[test]
        fn prev_word_bytes_as_chars(text in "[a-zA-Z0-9 .,'’«»é\u{a0}-]{0,16}") {
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                proptest::prop_assert_eq!(prev_word(&text, pos), prev_word_chars(&text, pos));
            }
        }

        #[test]
        fn all_capitalized_as_capitalized(s in "[a-zA-Z0-9ÉéÎîß×’' .-]{0,16}", form in "[a-zA-Z ÉéSs-]{0,12}") {
            proptest::prop_assert_eq!(capitalized(&s).collect::<Vec<_>>(), capitalized_chars(&s).collect::<Vec<_>>());
            proptest::prop_assert_eq!(all_capitalized(&s), capitalized_chars(&s).all(|c| c));
            // The fast path of `judge`: every form matches such a name.
            if all_capitalized(&s) && capitalized(&s).next().is_some() {
                proptest::prop_assert!(capitals_match(&form, &s));
            }
        }

        #[test]
        fn shape_pretests_keep_every_entry(word in "(Un|UNE|Le|LES|Mais|EntRe|Rue|AVENUE|Quai|[a-zA-Zé]{0,8})") {
            if contains_lowercased(&CUES.stopwords, &word) {
                proptest::prop_assert!(may_be_lowercase_in(&CUES.stopword_shapes, &word));
            }
            if contains_lowercased(&CUES.streets, &word) {
                proptest::prop_assert!(may_be_lowercase_in(&CUES.street_shapes, &word));
            }
        }

        #[test]
        fn lowercased_bytes_as_chars(word in "[a-zA-Z0-9 '’-]{0,12}[\u{80}-\u{1ff}K\u{212a}İß×÷]{0,4}[a-zA-ZÀ-ÿ]{0,30}") {
            let (mut fast, mut plain) = ([0u8; 32], [0u8; 32]);
            proptest::prop_assert_eq!(lowercased(&word, &mut fast), lowercased_chars(&word, &mut plain));
        }

        #[test]
        fn same_letters_as_to_lowercase(form in "[a-zA-Z '’-]{0,3}[éÉàÀßµ×ÿŒœİK\u{212a}a-zA-Z -]{0,8}", written in "[a-zA-Z '’-]{0,3}[éÉàÀßµ×ÿŒœİK\u{212a}a-zA-Z -]{0,8}") {
            proptest::prop_assert_eq!(same_letters(&form, &written), same_letters_chars(&form, &written));
            proptest::prop_assert!(same_letters(&form, &form));
            proptest::prop_assert!(same_letters(&form.to_uppercase(), &form) || !form.is_ascii());
        }

        #[test]
        fn water_words_found_as_split(s in "(fleuve|Rivière|RIVES|rive|étiage|É|[a-zA-Z0-9 .,'’«»éÉŒ\u{a0}\u{2160}\u{1d00}²-]){0,12}") {
            let plain = s.split(|c: char| !c.is_alphabetic()).any(|w| contains_lowercased(&CUES.water, w));
            proptest::prop_assert_eq!(has_water_word(&s), plain);
        }

        #[test]
        fn alphabetic_words_as_split(s in "[a-zA-Z0-9 .,'’«»éÉŒ\u{a0}\u{2160}\u{1d00}²-]{0,24}") {
            let plain: Vec<&str> = s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(alphabetic_words(&s).collect::<Vec<_>>(), plain);
        }

        #[test]
        fn lowered_lookup_as_contains_lowercased(word in "[a-zA-ZÉéK\u{212a}İ-]{0,40}") {
            let set = WordSet::parse("le\nà\nsous-préfecture\nkk\né\n");
            let mut buf = [0u8; 32];
            let lowered = Lowered::new(&word, &mut buf);
            proptest::prop_assert_eq!(lowered.is_in(&set), contains_lowercased(&set, &word));
        }
    }

    #[test]
    fn water_is_found_as_without_the_shapes() {
        let text = "La Marne déborde. Crue de la Seine à Paris. Le FLEUVE monte. \
                    Le Rhône et la Saône. Étiage sévère sur la Loire. Une ÉTIAGE";
        let doc = Document::new(text);
        let mut watery = 0;
        for index in 0..doc.sentences().len() + 1 {
            let fast = sentence_speaks_of_water(&doc, index, true);
            assert_eq!(fast, sentence_speaks_of_water(&doc, index, false));
            watery += usize::from(fast);
        }
        assert!(watery > 0 && watery <= doc.sentences().len());
        for word in CUES.water.iter() {
            assert!(may_be_lowercase_in(&CUES.water_shapes, word), "{word}");
        }
    }

    #[test]
    fn is_alphabetic_as_unicode() {
        for c in (0..0x300).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn latin1_lower_as_to_lowercase() {
        for c in (0..0x300).filter_map(char::from_u32) {
            let plain = (u32::from(c) < 0x100).then(|| c.to_lowercase().collect::<String>());
            assert_eq!(latin1_lower(c).map(String::from), plain, "{c:?}");
        }
        // The letter codes of `same_letters`, one character at a time.
        for c in (0..0x300).chain(0x2000..0x2070).filter_map(char::from_u32) {
            let text = c.to_string();
            let mut i = 0;
            match next_latin1_letter(text.as_bytes(), &mut i) {
                Ok(Some(code)) => {
                    let lower = latin1_lower(c).map(String::from).unwrap_or_default();
                    let expected = match lower.as_bytes() {
                        [b] => u16::from(*b),
                        [0xc3, b] => 0x100 | u16::from(*b),
                        _ => panic!("{c:?}"),
                    };
                    assert!(is_word_char(c) && code == expected, "{c:?}");
                }
                Ok(None) => assert!(!is_word_char(c), "{c:?}"),
                Err(()) => assert!(!c.is_ascii() && !('\u{c0}'..='\u{ff}').contains(&c)),
            }
        }
        assert!(same_letters("Brás", "BRÁS") && !same_letters("Brás", "bras"));
        assert!(same_letters("Villé", "VILLÉ") && !same_letters("Villé", "Ville"));
    }

    #[test]
    fn after_head_filter_holds_every_word_and_few_others() {
        let g = gazetteer();
        for word in g.after_heads.keys() {
            assert!(
                g.may_follow_head_hashed(gazetteer::fnv(word.as_bytes())),
                "{word}"
            );
        }
        // Words that follow no head are mostly told apart.
        let others: Vec<String> = (0..2000).map(|i| format!("zq{i}x")).collect();
        assert!(others
            .iter()
            .all(|w| !g.after_heads.contains_key(w.as_str())));
        let passed = others
            .iter()
            .filter(|w| g.may_follow_head_hashed(gazetteer::fnv(w.as_bytes())))
            .count();
        assert!(passed < others.len() / 10, "{passed}");
    }

    #[test]
    fn after_head_shapes_hold_every_word_that_starts_no_key() {
        let g = gazetteer();
        let mut rejected = 0;
        for word in g.after_heads.keys().filter(|w| !g.may_start(w)) {
            assert!(may_be_lowercase_in(&AFTER_HEAD_SHAPES, word), "{word}");
            rejected += 1;
        }
        // Words that start a key need no shape: the search looks them up anyway.
        assert!(rejected < g.after_heads.len());
    }

    #[test]
    fn capitals_must_match_the_form() {
        assert!(capitals_match("Le Caire", "Le Caire"));
        assert!(capitals_match("Le Caire", "LE CAIRE"));
        assert!(!capitals_match("Le Caire", "le Caire"));
        assert!(capitals_match("mer du Nord", "Mer du Nord"));
        assert!(!capitals_match("mer du Nord", "mer du nord"));
        assert!(capitals_match("Saint-Étienne", "St-Étienne"));
        assert!(!capitals_match("Tours", "tours"));
        assert!(all_capitalized("Saint-Étienne") && all_capitalized("L’Haÿ-Les-Roses"));
        assert!(!all_capitalized("mer du Nord") && !all_capitalized("Île-de-France"));
        assert!(!all_capitalized("Paris 8e"));
    }

    #[test]
    fn word_boundaries() {
        let text = "Ouest-France, l’Ukraine et Paris";
        assert!(is_word_start(text, 0));
        assert!(!is_word_start(text, "Ouest-".len()));
        assert!(is_word_start(text, text.find("Ukraine").unwrap()));
        assert!(!is_word_start(text, 1));
        let paris = text.find("Paris").unwrap();
        let (word, between) = prev_word(text, paris).unwrap();
        assert_eq!((&text[word], between), ("et", " "));
        assert_eq!(next_word(text, 5).map(|r| &text[r]), Some("France"));
        assert!(is_joiner("-") && is_joiner("’") && !is_joiner(", ") && !is_joiner("  "));
        assert_eq!(word_end(text, paris), text.len());
    }

    #[test]
    fn latin1_capitals_lowercase_byte_by_byte() {
        let mut buf = [0u8; 32];
        assert_eq!(lowercased("ÎLE-DE-FRANCE", &mut buf), Some("île-de-france"));
        assert_eq!(lowercased("À×ÞßÿŒ", &mut buf), Some("à×þßÿœ"));
        assert_eq!(lowercased("côte", &mut buf), Some("côte"));
        assert_eq!(latin1_lowercase_into("côte", &mut buf), Some(false));
        assert_eq!(
            latin1_lowercase_into("Œuvre", &mut buf),
            None,
            "not Latin-1"
        );
        assert_eq!(lowercased(&"É".repeat(17), &mut buf), None, "too long");
    }

    #[test]
    fn lowercased_lookup_without_allocation() {
        let set = WordSet::parse("le\nà\nsous-préfecture\n");
        assert!(contains_lowercased(&set, "Le"));
        assert!(contains_lowercased(&set, "À"));
        assert!(contains_lowercased(&set, "SOUS-PRÉFECTURE"));
        assert!(contains_lowercased(&set, "le"));
        assert!(!contains_lowercased(&set, "Les"));
        assert!(!contains_lowercased(&set, &"É".repeat(40)));
    }

    #[test]
    fn cue_sections_are_parsed() {
        assert!(CUES.prepositions.contains("à"));
        assert!(CUES.place_nouns.contains("maire"));
        assert!(CUES.titles.contains("Mme"));
        assert!(CUES.streets.contains("rue"));
        assert!(CUES.contractions.contains("au"));
        assert!(CUES.heads.contains("lac"));
        assert!(!CUES.prepositions.contains("maire"));
        let stopword = |w| may_be_lowercase_in(&CUES.stopword_shapes, w);
        assert!(stopword("Les") && stopword("MAIS"));
        assert!(!stopword("Lille") && !stopword("Bordeaux"));
        assert!(stopword("Ébène"), "not ASCII: no pre-test");
        for word in CUES.stopwords.iter() {
            assert!(stopword(word), "{word}");
        }
        for word in CUES.streets.iter() {
            assert!(may_be_lowercase_in(&CUES.street_shapes, word), "{word}");
        }
    }
}
