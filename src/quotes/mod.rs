//! Quotes and their speakers (SPEC §2 "quotes"), with the anonymous sources they lean
//! on (SPEC §2 "sources", found by [`crate::sources`]).
//!
//! - Direct quotes: quotation marks paired in one pass over the text ([`pair_marks`]):
//!   `« »` (nested ones inside), `“ ”`, `‹ ›` and straight `"`; a quote left open at
//!   the end of a paragraph goes on when the next paragraph reopens with `«` (French
//!   multi-paragraph quotes), else it is dropped. Quotes of one to three words with no
//!   speech context are scare quotes, and quotes after a title noun (`le film`,
//!   `l'opération`) are titles: neither is kept.
//! - The speaker and verb of a direct quote: after it, an incise (`», a déclaré X`,
//!   `», a-t-il ajouté`, `», confie un élu`, `», selon X`); before it, an introduction
//!   (`X a déclaré : «`, `Pour X, «`, `X : «`); an attribution line after it (`– Name`);
//!   else the speaker of the quote just before, in the same or the previous paragraph.
//! - Indirect quotes: a reporting verb (`verbs.tsv`, generated) followed by `que`
//!   (`X a affirmé que …`); `selon X, …` and `d'après X, …`; a clause ended by an
//!   incise (`…, a indiqué X.`, `…, a-t-on appris de source policière.`).
//! - Speakers are mentions found by the actor and source extractors; a pronoun (`il`,
//!   `elle`, `a-t-il`) is the latest person, role or source mention before it of its
//!   gender. An indefinite informant speaking (`confie un cadre de la majorité`) is an
//!   anonymous source.

use std::cell::Cell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::actors;
use crate::document::{Document, Words};
use crate::record::{ActorKind, ActorMention, Quote, QuoteKind, SourceKind, SourceMention};
use crate::sources;
use crate::words::{self, Word};

/// The hash of [`VERBS`], looked up for most words near a quote or a `que`: that of
/// the actor lexicons, eight bytes at a step.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<actors::KeyHasher>>;

/// Reporting verb forms → weak: mostly a noun or an adjective (`précise`, `annonce`),
/// a verb only with an inverted pronoun, right after a quote, or before `que` after
/// its subject (the last column of `verbs.tsv`).
static VERBS: LazyLock<FastMap<&'static str, bool>> = LazyLock::new(|| {
    let data = crate::lexicon::in_heap(include_str!("data/verbs.tsv"));
    let mut map = FastMap::with_capacity_and_hasher(data.len() / 24, Default::default());
    // (Byte loops: thousands of short lines and fields.)
    for line in crate::lexicon::lines(data) {
        if line.starts_with('#') {
            continue;
        }
        let mut cols = crate::lexicon::split_at_byte(line, b'\t');
        let form = cols.next().unwrap_or_default();
        let weak = cols.nth(2) == Some("1");
        // A form strong for one lemma is strong.
        let entry = map.entry(form).or_insert(weak);
        *entry &= weak;
    }
    map
});

/// The shapes ([`shape`]) of the forms of [`VERBS`], a bit each: a word whose bit is
/// clear is no form, known without hashing it. Most words looked up are no verb, and
/// about five in six of them have a shape no form has.
static VERB_SHAPES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; (1 << SHAPE_BITS) / 64];
    for form in VERBS.keys() {
        let s = shape(form);
        bits[s / 64] |= 1 << (s % 64);
    }
    bits
});

const SHAPE_BITS: u32 = 16;

/// A key's length, first two and last bytes, hashed to [`SHAPE_BITS`] bits.
fn shape(key: &str) -> usize {
    let b = key.as_bytes();
    let byte = |i: Option<&u8>| u32::from(i.copied().unwrap_or(0));
    let packed = (b.len().min(255) as u32)
        | byte(b.first()) << 8
        | byte(b.get(1)) << 16
        | byte(b.last()) << 24;
    (packed.wrapping_mul(0x9e37_79b1) >> (32 - SHAPE_BITS)) as usize
}

/// What [`VERBS`] says of a key (`Some(weak)` for a form), its shape tried first.
fn verb_entry(key: &str) -> Option<bool> {
    // Fast path: no form has this shape, so no look-up.
    if !has_shape(&VERB_SHAPES, key) {
        return None;
    }
    VERBS.get(key).copied()
}

/// Whether a word key is a form of a reporting verb (`déclaré`, `estiment`).
pub fn is_reporting_form(key: &str) -> bool {
    verb_entry(key) == Some(false)
}

/// A weak form of a reporting verb (`précise`, `annonce`): see [`VERBS`].
fn is_weak_form(key: &str) -> bool {
    verb_entry(key) == Some(true)
}

/// Adverbs between an auxiliary and its participle (`a encore déclaré`).
fn is_verb_adverb(key: &str) -> bool {
    matches!(
        key,
        "encore"
            | "aussi"
            | "également"
            | "ensuite"
            | "alors"
            | "déjà"
            | "toutefois"
            | "pourtant"
            | "cependant"
            | "notamment"
            | "d'ailleurs"
    )
}

/// Defines [`AUXILIARIES`] and [`is_auxiliary`] from one list of forms.
macro_rules! auxiliaries {
    ($($form:literal)|+) => {
        /// Auxiliaries of compound tenses, with or without an inverted pronoun.
        const AUXILIARIES: &[&str] = &[$($form),+];

        /// Whether a key is one of [`AUXILIARIES`]: a `match`, not a search of the list.
        fn is_auxiliary(key: &str) -> bool {
            matches!(key, $($form)|+)
        }
    };
}

auxiliaries!(
    "a" | "ont"
        | "avait"
        | "avaient"
        | "aurait"
        | "auraient"
        | "aura"
        | "auront"
        | "eut"
        | "est"
        | "sont"
        | "était"
        | "étaient"
        | "serait"
        | "seraient"
        | "ai"
        | "avons"
        | "avez"
);

/// The shapes ([`shape`]) of the words that may start a verb phrase not inverted
/// ([`Scan::verb_at`]): the forms of [`VERBS`], [`AUXILIARIES`], `s'` and `se`. Most
/// words [`Scan::verb_at`] reads have a shape none of them has: one bit test rejects
/// them, with no auxiliary compared and no look-up.
static PHRASE_SHAPES: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = VERB_SHAPES.clone();
    for key in AUXILIARIES.iter().chain(&["s'", "se"]) {
        let s = shape(key);
        bits[s / 64] |= 1 << (s % 64);
    }
    bits
});

/// Whether the bit of `key`'s shape is set in `bits` ([`VERB_SHAPES`],
/// [`PHRASE_SHAPES`]).
#[inline]
fn has_shape(bits: &[u64], key: &str) -> bool {
    let s = shape(key);
    bits[s / 64] & (1 << (s % 64)) != 0
}

/// An inverted subject pronoun at the end of a verb word (`a-t-il`, `ajoute-t-elle`,
/// `a-t-on`): the verb part and the pronoun.
fn inverted(key: &str) -> Option<(&str, &'static str)> {
    if !may_be_inverted(key) {
        return None;
    }
    inverted_suffix(key)
}

/// The quick test of [`inverted`]: every pronoun starts with a hyphen, at most six
/// bytes from the end (`-elles`); most keys have none there, and only those bytes
/// need a look.
#[inline(always)]
fn may_be_inverted(key: &str) -> bool {
    // (A plain loop: `contains` would call `memchr` for these few bytes.)
    let tail = &key.as_bytes()[key.len().saturating_sub(6)..];
    !tail.iter().all(|&b| b != b'-')
}

/// [`inverted`] without its quick test.
fn inverted_suffix(key: &str) -> Option<(&str, &'static str)> {
    for pronoun in [
        "-t-il", "-t-elle", "-t-on", "-t-ils", "-t-elles", "-il", "-elle", "-ils", "-elles", "-on",
    ] {
        if let Some(verb) = key.strip_suffix(pronoun) {
            if !verb.is_empty() {
                return Some((
                    verb,
                    pronoun.trim_start_matches("-t").trim_start_matches('-'),
                ));
            }
        }
    }
    None
}

/// Nouns before a quoted title or name, which is not speech (`le film « … »`).
fn is_title_noun(key: &str) -> bool {
    matches!(
        key,
        "film"
            | "livre"
            | "roman"
            | "ouvrage"
            | "essai"
            | "opération"
            | "émission"
            | "série"
            | "album"
            | "chanson"
            | "titre"
            | "spectacle"
            | "exposition"
            | "pièce"
            | "documentaire"
            | "plan"
            | "programme"
            | "projet"
            | "slogan"
            | "hashtag"
            | "baptisé"
            | "baptisée"
            | "intitulé"
            | "intitulée"
            | "surnommé"
            | "surnommée"
            | "dite"
            | "dit"
            | "nommé"
            | "nommée"
            | "label"
            | "dispositif"
            | "mouvement"
            | "collectif"
            | "association"
            | "rubrique"
            | "journal"
            | "magazine"
            | "festival"
            | "marque"
            | "opéra"
            | "tableau"
            | "podcast"
            | "loi"
            | "mot"
            | "formule"
            | "expression"
            | "thème"
            | "campagne"
            | "bande"
            | "affaire"
            | "dossier"
            | "mention"
            | "concept"
            | "terme"
            | "pancarte"
            | "pancartes"
            | "banderole"
            | "banderoles"
            | "tag"
            | "tags"
            | "affiche"
            | "affiches"
            | "slogans"
            | "projets"
            | "films"
            | "livres"
            | "t-shirts"
            | "inscription"
            | "inscriptions"
    )
}

/// A speaker found: who (byte range), and the verb as written.
#[derive(Debug, Clone, Default)]
struct Attribution {
    speaker: Option<Range<usize>>,
    verb: Option<Range<usize>>,
    /// The speaker is an indefinite informant (`un cadre de la majorité`).
    informant: bool,
}

/// A mention a speaker may be: an actor or a source.
#[derive(Debug, Clone)]
struct Mention {
    range: Range<usize>,
    actor: Option<usize>,
    source: Option<usize>,
    /// `m`, `f`, or 0 when unknown.
    gender: u8,
    /// A person, a role or an anonymous source: what `il`/`elle` may stand for.
    personal: bool,
    /// An informant role with an indefinite determiner (`un cadre`).
    informant: bool,
}

/// The quotes and the sources of a document. `actors` are its actors with their byte
/// ranges ([`crate::actors::find`]).
pub fn extract(
    doc: &Document,
    actors: &[(Range<usize>, ActorMention)],
) -> (Vec<Quote>, Vec<SourceMention>) {
    extract_with(doc, actors, sources::find(doc))
}

/// [`extract`], with the document's sources already found ([`sources::find`]).
pub fn extract_with(
    doc: &Document,
    actors: &[(Range<usize>, ActorMention)],
    mut sources: Vec<sources::Found>,
) -> (Vec<Quote>, Vec<SourceMention>) {
    let text = doc.text();
    let mentions = mentions(text, actors, &sources);
    let mut scan = Scan {
        text,
        mentions: &mentions,
        all: doc.words(),
        words: &[],
        base: 0,
    };
    let mut found: Vec<(Range<usize>, QuoteKind, Attribution)> = Vec::with_capacity(16);
    // Direct quotes.
    let pairs = pair_marks(text);
    let mut previous: Option<(usize, Attribution)> = None;
    for (inner, outer) in &pairs {
        let content = trim(text, inner.clone());
        if content.is_empty() {
            continue;
        }
        // Only whether a quote has up to 3 or up to 8 words matters: count to 9.
        let word_count = text[content.clone()].split_whitespace().take(9).count();
        let after = scan.after_quote(outer.start, outer.end);
        // The words before the quote, only when those after it say nothing: the one
        // that speaks after a quote is its speaker.
        let context = after.clone().or_else(|| scan.before_quote(outer.start));
        let (titled, embedded, colon) = scan.lead_in(outer.start);
        if titled && !colon {
            continue;
        }
        // One to three words are a quote only with an incise or a colon before them
        // (`« Non », a-t-il répondu`); `a dénoncé une « chasse aux sorcières »` is a
        // fragment.
        if word_count <= 3 && after.is_none() && !colon {
            continue;
        }
        // A short quote inside a sentence with no one saying it: a name or a scare
        // quote (`le « mur de la honte »`).
        if embedded && context.is_none() && word_count <= 8 {
            continue;
        }
        let paragraph = paragraph_of(doc, outer.start);
        // The speaker of the quote just before, in this paragraph or the previous one,
        // for a quote with no speaker of its own (`Avant d'ajouter : « … »`).
        let inherited = previous
            .as_ref()
            .filter(|(p, _)| paragraph <= p + 1)
            .map(|(_, a)| a.clone());
        let attribution = match context {
            Some(a) if a.speaker.is_none() => Some(Attribution {
                speaker: inherited.as_ref().and_then(|i| i.speaker.clone()),
                informant: inherited.as_ref().is_some_and(|i| i.informant),
                ..a
            }),
            Some(a) => Some(a),
            None => inherited.map(|a| Attribution { verb: None, ..a }),
        };
        let mut attribution = attribution.unwrap_or_default();
        // `« A, a-t-il dit, B »`: two quotes, the speaker of the incise for both.
        match scan.incise(content.clone()) {
            Some((first, incise, second)) => {
                if attribution.speaker.is_none() || attribution.verb.is_none() {
                    attribution = incise;
                }
                found.push((first, QuoteKind::Direct, attribution.clone()));
                found.push((second, QuoteKind::Direct, attribution.clone()));
            }
            None => found.push((content, QuoteKind::Direct, attribution.clone())),
        }
        if attribution.speaker.is_some() {
            previous = Some((paragraph, attribution));
        }
    }
    // Dialogue and interview lines: `— Où est passé l'argent ?`, `R : Elle est …`.
    for paragraph in doc.paragraphs() {
        // Its lines, cut by a vectorized search for `\n`: most paragraphs are one line,
        // and a search per paragraph costs more than its bytes (`str::split` steps).
        let newlines = memchr::memchr_iter(b'\n', &text.as_bytes()[paragraph.clone()]);
        let mut next = paragraph.start;
        for end in newlines.map(|i| paragraph.start + i).chain([paragraph.end]) {
            let offset = next;
            next = end + 1;
            let line = &text[offset..end];
            let body = line.trim_start();
            let lead = line.len() - body.len();
            let rest = ["— ", "– ", "R : ", "R: ", "R. "]
                .iter()
                .find_map(|p| body.strip_prefix(p).map(|r| (p.len(), r)));
            let Some((skip, rest)) = rest else { continue };
            let start = offset + lead + skip;
            let content = trim(text, start..start + rest.len());
            let inside = inside(&pairs, content.start);
            if content.is_empty()
                || inside
                || rest.split_whitespace().nth(1).is_none()
                || rest.starts_with(['«', '"', '“'])
            {
                continue;
            }
            // An attribution line (`– Marc Willems, secrétaire général`) names a speaker.
            if scan.mention_at(content.start).is_some() && !rest.contains(['.', '?', '!']) {
                continue;
            }
            // An interview's answers are the interviewee's: the last person named
            // before the first question.
            let mut attribution = Attribution::default();
            if body.starts_with('R') {
                let questions = text
                    .find("\nQ :")
                    .or_else(|| text.find("\nQ:"))
                    .unwrap_or(offset);
                if let Some(m) = scan.last_person_before(questions) {
                    attribution = scan.attribution(&m, None);
                }
            }
            found.push((content, QuoteKind::Direct, attribution));
        }
    }
    // Indirect quotes, outside direct ones.
    let tokens = doc.words();
    let cues = TextCues::new(text);
    for (sentence, words) in doc.sentences().iter().zip(&tokens.sentences) {
        scan.indirect(sentence.clone(), words.clone(), &pairs, &cues, &mut found);
    }
    found.sort_by_key(|(r, _, _)| (r.start, std::cmp::Reverse(r.end)));
    found.dedup_by(|b, a| a.0.start <= b.0.start && b.0.end <= a.0.end && a.1 == b.1);
    // Indefinite informants who speak are anonymous sources.
    for (_, _, attribution) in &found {
        if let (true, Some(speaker)) = (attribution.informant, &attribution.speaker) {
            if !sources
                .iter()
                .any(|s| s.range.start < speaker.end && speaker.start < s.range.end)
            {
                let qualifier = informant_qualifier(text, speaker.clone());
                sources.push(sources::Found {
                    range: speaker.clone(),
                    kind: SourceKind::Anonymous,
                    qualifier,
                });
            }
        }
    }
    sources.sort_by_key(|s| s.range.start);
    sources.dedup_by(|b, a| a.range == b.range);
    let quotes = found
        .into_iter()
        .map(|(range, kind, attribution)| {
            let speaker = attribution.speaker.clone();
            let source = speaker
                .as_ref()
                .and_then(|sp| overlapping(&sources, sp, |s| &s.range));
            let actor = speaker
                .as_ref()
                .and_then(|sp| overlapping(actors, sp, |(r, _)| r));
            let anonymous = source.is_some_and(|s| sources[s].kind == SourceKind::Anonymous);
            Quote {
                span: doc.span(range),
                kind,
                speaker: speaker.map(|s| doc.text_span(s)),
                anonymous,
                verb: attribution.verb.map(|v| text[v].to_string()),
                source: source.filter(|_| anonymous),
                actor,
            }
        })
        .collect();
    let sources = sources
        .into_iter()
        .map(|s| SourceMention {
            span: doc.span(s.range),
            kind: s.kind,
            qualifier: s.qualifier.map(|q| text[q].to_string()),
        })
        .collect();
    (quotes, sources)
}

/// What a speaking informant's mention says of it: the words after its head noun.
fn informant_qualifier(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let mut ws = Vec::new();
    words::split(text, range, &mut ws);
    // Determiner, optional `haut`, head noun: the rest qualifies.
    let skip = if ws
        .get(1)
        .is_some_and(|w| matches!(w.text(text), "haut" | "haute" | "hauts" | "hautes"))
    {
        3
    } else {
        2
    };
    let first = ws.get(skip)?;
    Some(first.start..ws.last()?.end)
}

/// Whether byte `at` is inside a direct quote (`pairs` in text order).
fn inside(pairs: &[(Range<usize>, Range<usize>)], at: usize) -> bool {
    let after = pairs.partition_point(|(inner, _)| inner.start <= at);
    after > 0 && at < pairs[after - 1].0.end
}

/// The first of `items` (sorted by start, mostly disjoint) that overlaps `span`: a
/// binary search and a few steps back, not a scan of them all.
fn overlapping<T>(
    items: &[T],
    span: &Range<usize>,
    range: impl Fn(&T) -> &Range<usize>,
) -> Option<usize> {
    let end = items.partition_point(|x| range(x).start < span.end);
    (end.saturating_sub(8)..end).find(|&i| range(&items[i]).end > span.start)
}

/// The index of the paragraph holding byte `at`.
fn paragraph_of(doc: &Document, at: usize) -> usize {
    doc.paragraphs()
        .partition_point(|p| p.start <= at)
        .saturating_sub(1)
}

/// `range` without surrounding whitespace (no-break spaces included).
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

/// `text.split([' ', '\u{a0}']).next()`: the words of a mention are short, and a
/// byte loop costs less than a search by characters.
fn first_word(text: &str) -> &str {
    let b = text.as_bytes();
    let end = (0..b.len())
        .find(|&i| b[i] == b' ' || b[i] == 0xc2 && b.get(i + 1) == Some(&0xa0))
        .unwrap_or(b.len());
    &text[..end]
}

/// `text.split(' ').next()`, by a byte loop (see [`first_word`]).
fn before_space(text: &str) -> &str {
    let end = text.bytes().position(|b| b == b' ').unwrap_or(text.len());
    &text[..end]
}

/// `text.split(' ')`, by a byte loop (see [`first_word`]).
fn split_spaces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let piece = rest?;
        let word = before_space(piece);
        rest = piece.get(word.len() + 1..);
        Some(word)
    })
}

/// The speaker mentions of a document: actors and sources, by start.
fn mentions(
    text: &str,
    actors: &[(Range<usize>, ActorMention)],
    sources: &[sources::Found],
) -> Vec<Mention> {
    let lex = crate::actors::lexicon();
    // The actors, then the sources: room for both from the start.
    let mut out: Vec<Mention> = Vec::with_capacity(actors.len() + sources.len());
    out.extend(actors.iter().enumerate().map(|(i, (range, a))| {
        let written = &text[range.clone()];
        let first = first_word(written);
        let gender = match first {
            "M." | "MM." => b'm',
            "Mme" | "Mmes" | "Mlle" | "Dre" => b'f',
            _ => {
                let given = before_space(a.name.as_deref().unwrap_or(written));
                match lex.first_names.get(given) {
                    Some(n) if n.gender != b'x' => n.gender,
                    _ => split_spaces(written)
                        .find_map(|w| {
                            lex.roles
                                .get(w)
                                .map(|r| if r.feminine { b'f' } else { b'm' })
                        })
                        .unwrap_or(0),
                }
            }
        };
        let indefinite = matches!(first, "un" | "une" | "Un" | "Une");
        let informant = indefinite
            && a.kind == ActorKind::Role
            && a.role.as_deref().is_some_and(sources::is_informant_head);
        Mention {
            range: range.clone(),
            actor: Some(i),
            source: None,
            gender,
            personal: matches!(a.kind, ActorKind::Person | ActorKind::Role),
            informant,
        }
    }));
    for (i, s) in sources.iter().enumerate() {
        let written = &text[s.range.clone()];
        let gender = if written.starts_with(['u', 'U']) && written[1..].starts_with("ne ")
            || written.contains("source")
        {
            b'f'
        } else {
            b'm'
        };
        out.push(Mention {
            range: s.range.clone(),
            actor: None,
            source: Some(i),
            gender,
            personal: s.kind == SourceKind::Anonymous,
            informant: false,
        });
    }
    out.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    out
}

struct Scan<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    /// The words of the document, with their keys.
    all: &'a Words,
    /// The words of the window being read, and the index of its first in `all`.
    words: &'a [Word],
    base: usize,
}

/// A verb phrase found by [`Scan::verb_at`]: its end word and the pronoun inverted in
/// it, if any.
type VerbPhrase = Option<(usize, Option<&'static str>)>;

impl<'a> Scan<'a> {
    /// Reads the document's words lying inside the byte range `range`.
    fn load(&mut self, range: Range<usize>) {
        let inside = self.all.inside(range);
        self.load_words(inside);
    }

    /// Reads the document's words of indexes `range`.
    fn load_words(&mut self, range: Range<usize>) {
        self.base = range.start;
        self.words = &self.all.words[range];
    }

    /// The key of loaded word `i` (`""` past the end).
    #[inline]
    fn key(&self, i: usize) -> &'a str {
        match self.words.get(i) {
            // Fast path: a folded word is its own key, read here without a call to
            // `Words::key`.
            Some(w) if w.is(Word::FOLDED) => w.text(self.text),
            Some(_) => self.all.key(self.text, self.base + i),
            None => "",
        }
    }

    /// Whether word `i` is `que` or `qu'`: its first letter tells most words apart
    /// without their key.
    fn is_que(&self, i: usize) -> bool {
        self.words
            .get(i)
            .is_some_and(|w| matches!(self.text.as_bytes()[w.start], b'q' | b'Q'))
            && matches!(self.key(i), "que" | "qu'")
    }

    /// The loaded words that may be the verb of a `que`: those with the next `que`
    /// after them at most 7 words on, in order.
    ///
    /// Read from each `que` back to the one before it (or 7 words back), not word by
    /// word over the whole sentence: most words of a sentence with a `que` are far
    /// from it, and a sentence whose `que ` cue was `chaque ` or `presque ` has none.
    fn before_que(&self) -> impl Iterator<Item = usize> + '_ {
        let mut previous = 0;
        (0..self.words.len())
            .filter(|&q| self.is_que(q))
            .flat_map(move |q| {
                let from = previous.max(q.saturating_sub(7));
                previous = q;
                from..q
            })
    }

    /// [`Scan::before_que`] as first written: every word, and the next `que` after it.
    #[cfg(test)]
    fn before_que_word_by_word(&self) -> Vec<usize> {
        let n = self.words.len();
        let mut out = Vec::new();
        let mut next_que = 0;
        for k in 0..n {
            if next_que <= k {
                next_que = (k + 1..n).find(|&q| self.is_que(q)).unwrap_or(n);
            }
            if next_que == n || next_que - k > 7 {
                continue;
            }
            out.push(k);
        }
        out
    }

    /// The mention starting at byte `at`.
    fn mention_at(&self, at: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.range.start < at);
        self.mentions.get(i).filter(|m| m.range.start == at)
    }

    /// The mention ending at byte `at` (the longest).
    fn mention_ending(&self, at: usize) -> Option<&Mention> {
        let before = self.mentions.partition_point(|m| m.range.start < at);
        self.mentions[..before]
            .iter()
            .rev()
            .take(16)
            .filter(|m| m.range.end == at)
            .max_by_key(|m| m.range.end - m.range.start)
    }

    /// What `il`/`elle` before byte `at` stands for: the latest personal mention of
    /// that gender.
    fn antecedent(&self, at: usize, pronoun: &str) -> Option<&Mention> {
        let gender = match pronoun {
            "il" | "ils" => b'm',
            "elle" | "elles" => b'f',
            _ => return None,
        };
        let end = self.mentions.partition_point(|m| m.range.start < at);
        self.mentions[..end]
            .iter()
            .rev()
            .take(40)
            .find(|m| m.personal && m.range.end <= at && (m.gender == gender || m.gender == 0))
    }

    /// The last person named before byte `at`, not after `par` (`propos recueillis
    /// par X` names the interviewer).
    fn last_person_before(&self, at: usize) -> Option<Mention> {
        let before = self.mentions.partition_point(|m| m.range.start < at);
        self.mentions[..before]
            .iter()
            .rev()
            .take(200)
            .filter(|m| m.range.end <= at && m.actor.is_some() && m.personal)
            .filter(|m| !self.text[..m.range.start].trim_end().ends_with(" par"))
            .find(|m| self.text[m.range.clone()].starts_with(char::is_uppercase))
            .cloned()
    }

    /// The first personal mention or organization of the loaded words before word `k`
    /// that is not inside a prepositional phrase: the subject of the sentence.
    fn sentence_subject(&self, k: usize) -> Option<Mention> {
        (0..k).find_map(|x| {
            let m = self.mention_at(self.words[x].start)?;
            let governed = x > 0
                && matches!(
                    self.key(x - 1),
                    "par" | "à" | "de" | "d'" | "du" | "avec" | "pour" | "sur" | "contre" | "selon"
                );
            (!governed && m.actor.is_some()).then(|| m.clone())
        })
    }

    fn attribution(&self, mention: &Mention, verb: Option<Range<usize>>) -> Attribution {
        // `le parquet`, `l'AFP`: the speaker span takes the article of a name.
        let mut range = mention.range.clone();
        let before = &self.text[..range.start];
        if !mention.personal || mention.actor.is_none() {
            for article in [
                "le ", "la ", "les ", "l'", "l’", "Le ", "La ", "Les ", "L'", "L’",
            ] {
                if before.ends_with(article) {
                    let start = range.start - article.len();
                    let boundary = self.text[..start]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                    if boundary {
                        range.start = start;
                    }
                    break;
                }
            }
        }
        Attribution {
            speaker: Some(range),
            verb,
            informant: mention.informant,
        }
    }

    /// An incise inside a quote's content: `A, a-t-il dit, B` or `A, raconte Julie, une
    /// infirmière. B`: the two parts and the incise's attribution.
    fn incise(
        &mut self,
        content: Range<usize>,
    ) -> Option<(Range<usize>, Attribution, Range<usize>)> {
        self.load(content.clone());
        let n = self.words.len();
        for c in 1..n.saturating_sub(2) {
            if !(self.words[c].is(Word::PUNCT) && self.words[c].text(self.text) == ",") {
                continue;
            }
            let Some((verb_end, pronoun)) = self.verb_at(c + 1) else {
                continue;
            };
            // Only an inversion makes an incise: `a-t-il dit`, `raconte Julie`.
            let verb = self.words[c + 1].start..self.words[verb_end - 1].end;
            let speaker = match pronoun {
                Some(p @ ("il" | "elle" | "ils" | "elles")) => {
                    self.antecedent(content.start, p).cloned()
                }
                Some(_) => None,
                None => {
                    let m = self.subject_after(verb_end)?;
                    // The subject must follow the verb closely.
                    let gap = self.words[verb_end..]
                        .iter()
                        .take_while(|w| w.start < m.range.start)
                        .count();
                    if gap > 10 {
                        continue;
                    }
                    Some(m)
                }
            };
            let after_speaker = speaker
                .as_ref()
                .map_or(verb.end, |m| m.range.end.max(verb.end));
            // The incise ends at a period with more text after it, else at the next comma.
            let tail = (verb_end..n).filter(|&k| self.words[k].start >= after_speaker);
            let stop = tail
                .clone()
                .find(|&k| {
                    self.words[k].is(Word::PUNCT)
                        && matches!(self.words[k].text(self.text), "." | "!" | "?")
                        && k + 1 < n
                })
                .or_else(|| {
                    let comma = tail.clone().find(|&k| {
                        self.words[k].is(Word::PUNCT) && self.words[k].text(self.text) == ","
                    })?;
                    // `a déploré Martine Guérin, la secrétaire générale, et …`
                    Some(self.skip_apposition(comma, n))
                })?;
            if stop + 1 >= n {
                return None;
            }
            let first = content.start..self.words[c - 1].end;
            let second = self.words[stop + 1].start..content.end;
            let attribution = Attribution {
                informant: speaker.as_ref().is_some_and(|m| m.informant),
                speaker: speaker.map(|m| m.range),
                verb: Some(verb),
            };
            return Some((first, attribution, second));
        }
        None
    }

    /// Where the verb phrase holding word `k` starts: at its auxiliary (`a déclaré`,
    /// `a-t-il ajouté`, `s'est emporté`, `a encore dit`), not before `first`.
    fn verb_start(&self, k: usize, first: usize) -> usize {
        let mut j = k;
        if j > first && is_verb_adverb(self.key(j - 1)) {
            j -= 1;
        }
        if j > first
            && (is_auxiliary(self.key(j - 1))
                || inverted(self.key(j - 1)).is_some_and(|(v, _)| is_auxiliary(v)))
        {
            j -= 1;
            if j > first && matches!(self.key(j - 1), "s'" | "se") {
                j -= 1;
            }
            return j;
        }
        k
    }

    /// The verb phrase starting at word `i` (`a déclaré`, `a-t-il ajouté`, `confie`,
    /// `s'est emporté`): its end word and the pronoun inverted in it, if any.
    fn verb_at(&self, i: usize) -> VerbPhrase {
        self.verb_phrase(i, true)
    }

    /// [`Scan::verb_at`], with (`quick`) or without (the reference, for tests) its
    /// shape test.
    #[inline]
    fn verb_phrase(&self, i: usize, quick: bool) -> VerbPhrase {
        // No verb form is a punctuation mark: those need no look-up.
        if self.words.get(i).is_none_or(|w| w.is(Word::PUNCT)) {
            return None;
        }
        let key = self.key(i);
        // Fast path: a word not inverted starts a phrase only as a form, an auxiliary,
        // `s'` or `se`, and most words have a shape none of them has. The shape is
        // tested first, and the inversion looked for only when a hyphen may end it:
        // most words take neither the shape's nor the inversion's full test.
        let shaped = !quick || has_shape(&PHRASE_SHAPES, key);
        if !shaped && !may_be_inverted(key) {
            return None;
        }
        let inversion = inverted(key);
        if !shaped && inversion.is_none() {
            return None;
        }
        // `a-t-il ajouté`, `ajoute-t-il`
        if let Some((verb, pronoun)) = inversion {
            if is_auxiliary(verb) {
                let next = self.key(i + 1);
                if is_reporting_form(next) {
                    return Some((i + 2, Some(pronoun)));
                }
                return None;
            }
            if is_reporting_form(verb) || is_weak_form(verb) {
                return Some((i + 1, Some(pronoun)));
            }
            return None;
        }
        // `s'est emporté`
        if matches!(key, "s'" | "se")
            && is_auxiliary(self.key(i + 1))
            && is_reporting_form(self.key(i + 2))
        {
            return Some((i + 3, None));
        }
        if is_auxiliary(key) {
            // `a encore déclaré`, `a de nouveau`
            let mut k = i + 1;
            if is_verb_adverb(self.key(k)) {
                k += 1;
            }
            if is_reporting_form(self.key(k)) {
                return Some((k + 1, None));
            }
            return None;
        }
        if is_reporting_form(key) {
            return Some((i + 1, None));
        }
        None
    }

    /// The speaker after a verb ending at word `i`: the mentions up to the end of the
    /// incise (skipping `à l'AFP`, to whom it was said), a person first (`a martelé le
    /// ministre délégué, Thomas Berthier`), else the first one; else the phrase after
    /// the verb when it opens with an article (`a assuré la direction`).
    fn subject_after(&self, i: usize) -> Option<Mention> {
        let n = self.words.len();
        let mut first: Option<&Mention> = None;
        let mut k = i;
        while k < n && k < i + 14 {
            let w = self.words[k];
            if w.is(Word::PUNCT)
                && matches!(
                    w.text(self.text),
                    "." | "!" | "?" | "«" | "»" | ";" | ":" | "("
                )
            {
                break;
            }
            if k > i && !w.is(Word::CAPITALIZED) && self.verb_at(k).is_some() {
                break;
            }
            if let Some(m) = self.mention_at(w.start) {
                let to = k >= 1 && matches!(self.key(k - 1), "à" | "au" | "aux" | "sur" | "dans")
                    || k >= 2 && matches!(self.key(k - 2), "à" | "sur" | "dans");
                if !to {
                    let person = m.actor.is_some()
                        && m.personal
                        && !self.text[m.range.clone()].starts_with(|c: char| c.is_lowercase());
                    if person || m.source.is_some() {
                        return Some(m.clone());
                    }
                    first.get_or_insert(m);
                }
            }
            k += 1;
        }
        if let Some(m) = first {
            return Some(m.clone());
        }
        // No mention: a capitalized name (`témoigne Ghislaine`), or the phrase after the
        // verb, from its article to the punctuation.
        let lex = crate::actors::lexicon();
        let mut key = String::new();
        let common = |w: &Word, key: &mut String| {
            lex.cue(words::key(w.text(self.text), key)) & crate::actors::Lexicon::COMMON_CAPITAL
                != 0
        };
        if i < n && self.words[i].is(Word::CAPITALIZED) && !common(&self.words[i], &mut key) {
            let mut end = i + 1;
            while end < n && self.words[end].is(Word::CAPITALIZED) {
                end += 1;
            }
            return Some(self.phrase(i, end));
        }
        if matches!(
            self.key(i),
            "le" | "la" | "l'" | "les" | "un" | "une" | "des"
        ) {
            let end = (i + 1..n.min(i + 8))
                .find(|&x| self.words[x].is(Word::PUNCT))
                .unwrap_or(n.min(i + 8));
            if end > i + 1 && end - i <= 6 {
                return Some(self.phrase(i, end));
            }
        }
        None
    }

    /// The attribution of a direct quote from the words after its closing mark.
    fn after_quote(&mut self, open: usize, close: usize) -> Option<Attribution> {
        let end = self.window_end(close);
        self.load(close..end);
        let n = self.words.len();
        let mut i = 0;
        while i < n
            && self.words[i].is(Word::PUNCT)
            && matches!(self.words[i].text(self.text), "," | "–" | "—" | "-")
        {
            i += 1;
        }
        if i >= n {
            return None;
        }
        // `», selon X` / `», d'après X`
        if matches!(self.key(i), "selon" | "d'après") {
            let m = self.subject_after(i + 1)?;
            return Some(self.attribution(&m, None));
        }
        // An attribution line: `– Marc Willems, …`
        if i > 0 && matches!(self.words[i - 1].text(self.text), "–" | "—") {
            if let Some(m) = self.mention_at(self.words[i].start) {
                return Some(self.attribution(m, None));
            }
        }
        let (verb_end, pronoun) = self.verb_at(i).or_else(|| {
            // Right after a quote and a comma, `demande X`, `précise X` are verbs.
            (i > 0 && is_weak_form(self.key(i))).then_some((i + 1, None))
        })?;
        let verb = self.words[i].start..self.words[verb_end - 1].end;
        match pronoun {
            Some("il" | "elle" | "ils" | "elles") => {
                let m = self.antecedent(open, pronoun.unwrap_or(""))?;
                Some(self.attribution(m, Some(verb)))
            }
            _ => {
                // `a-t-on appris de source policière`, `a déclaré X`
                match self.subject_after(verb_end) {
                    Some(m) => Some(self.attribution(&m, Some(verb))),
                    None => Some(Attribution {
                        speaker: None,
                        verb: Some(verb),
                        informant: false,
                    }),
                }
            }
        }
    }

    /// Where the window after a quote ends: the end of its paragraph or 300 bytes.
    fn window_end(&self, from: usize) -> usize {
        let limit = (from + 200).min(self.text.len());
        let mut end = limit;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        match memchr::memchr(b'\n', &self.text.as_bytes()[from..end]) {
            Some(i) => from + i,
            None => end,
        }
    }

    /// Where the window before a quote starts: the start of its paragraph or 300 bytes.
    fn window_start(&self, to: usize) -> usize {
        let mut start = to.saturating_sub(300);
        while !self.text.is_char_boundary(start) {
            start += 1;
        }
        match memchr::memrchr(b'\n', &self.text.as_bytes()[start..to]) {
            Some(i) => start + i + 1,
            None => start,
        }
    }

    /// What comes right before the quote at byte `open`: a title noun (`le film`,
    /// `des pancartes`), a word of the same sentence (the quote is embedded), a colon.
    fn lead_in(&mut self, open: usize) -> (bool, bool, bool) {
        // The last word is all it takes: a short window, within the paragraph.
        let from = open.saturating_sub(48);
        let mut start = match memchr::memrchr(b'\n', &self.text.as_bytes()[from..open]) {
            Some(i) => from + i + 1,
            None => from,
        };
        while !self.text.is_char_boundary(start) {
            start += 1;
        }
        self.load(start..open);
        let Some(last) = self.words.len().checked_sub(1) else {
            return (false, false, false);
        };
        let w = self.words[last];
        let punct = w.is(Word::PUNCT);
        let colon = punct && w.text(self.text) == ":";
        (is_title_noun(self.key(last)), !punct, colon)
    }

    /// The attribution of a direct quote from the words before its opening mark:
    /// `X a déclaré : «`, `Il a ajouté : «`, `Pour X, «`, `X : «`.
    fn before_quote(&mut self, open: usize) -> Option<Attribution> {
        let mut start = self.window_start(open);
        // Only the last sentence of the window counts: cut nothing before it.
        if let Some(i) = last_sentence_end(&self.text.as_bytes()[start..open]) {
            start += i;
        }
        self.load(start..open);
        let n = self.words.len();
        if n == 0 {
            return None;
        }
        // Only the last sentence of the window counts.
        let first = (0..n)
            .rev()
            .find(|&k| {
                self.words[k].is(Word::PUNCT)
                    && matches!(self.words[k].text(self.text), "." | "!" | "?" | "»" | "”")
            })
            .map_or(0, |k| k + 1);
        let last = n - 1;
        let colon = self.words[last].is(Word::PUNCT) && self.words[last].text(self.text) == ":";
        let comma = self.words[last].is(Word::PUNCT) && self.words[last].text(self.text) == ",";
        if !colon && !comma {
            // `X a dénoncé « … »`, `X a évoqué des « … »`, `…, dénonçant « … »`: a
            // reporting verb just before the quote, its subject the sentence's.
            let k =
                (first.max(last.saturating_sub(3))..=last).find(|&k| self.verb_at(k).is_some())?;
            let k = self.verb_start(k, first);
            let (verb_end, _) = self.verb_at(k)?;
            let verb = self.words[k].start..self.words[verb_end - 1].end;
            let m = self
                .subject_before(k, first)
                .or_else(|| self.sentence_subject(k))?;
            return Some(self.attribution(&m, Some(verb)));
        }
        // `Pour X, «` / `Selon X, «`
        if comma && matches!(self.key(first), "pour" | "selon" | "d'après") {
            let m = self
                .mention_at(self.words.get(first + 1)?.start)
                .or_else(|| self.mention_at(self.words.get(first + 2)?.start))?;
            return Some(self.attribution(m, None));
        }
        if !colon {
            return None;
        }
        // A verb in the sentence before the colon: its subject, or an inverted one.
        for k in (first..last).rev() {
            let k = self.verb_start(k, first);
            let Some((verb_end, pronoun)) = self.verb_at(k) else {
                continue;
            };
            let verb = self.words[k].start..self.words[verb_end - 1].end;
            if let Some(p) = pronoun.filter(|p| matches!(*p, "il" | "elle" | "ils" | "elles")) {
                let m = self.antecedent(self.words[k].start, p)?;
                return Some(self.attribution(m, Some(verb)));
            }
            if let Some(m) = self.subject_before(k, first) {
                return Some(self.attribution(&m, Some(verb)));
            }
            if let Some(m) = self
                .subject_after(verb_end)
                .filter(|m| m.range.end <= self.words[last].start)
            {
                return Some(self.attribution(&m, Some(verb)));
            }
            return Some(Attribution {
                speaker: None,
                verb: Some(verb),
                informant: false,
            });
        }
        // `La présidente, Mme Duval : «`: the mention right before the colon.
        let m = self.mention_ending(self.words[last - 1.min(last)].end)?;
        Some(self.attribution(m, None))
    }

    /// The subject of a verb at word `k`: a mention ending right before it (after
    /// `ne`/`n'`, a parenthesis, an apposition between commas), a pronoun, or the
    /// capitalized name right before it (`la Commission estime`).
    fn subject_before(&self, k: usize, first: usize) -> Option<Mention> {
        let mut j = k;
        while j > first
            && matches!(
                self.key(j - 1),
                "ne" | "n'"
                    | "lui"
                    | "leur"
                    | "y"
                    | "en"
                    | "l'"
                    | "le"
                    | "nous"
                    | "vous"
                    | "me"
                    | "aussi"
                    | "également"
                    | "toutefois"
                    | "pourtant"
                    | "cependant"
            )
        {
            j -= 1;
        }
        if j == first {
            return None;
        }
        if matches!(self.key(j - 1), "il" | "elle" | "ils" | "elles") {
            return self
                .antecedent(self.words[j - 1].start, self.key(j - 1))
                .cloned();
        }
        // `Patrick Le Goff, qui a rappelé`: the antecedent of `qui`.
        if self.key(j - 1) == "qui" && j >= 2 {
            let end = if self.words[j - 2].text(self.text) == "," && j >= 3 {
                j - 2
            } else {
                j - 1
            };
            return self.subject_before(end, first);
        }
        if matches!(
            self.key(j - 1),
            "on" | "je" | "j'" | "tu" | "cela" | "ça" | "ce"
        ) {
            return None;
        }
        // `Georges Vandenberghe (MR) a reconnu`: over a parenthesis.
        if self.words[j - 1].is(Word::PUNCT) && self.words[j - 1].text(self.text) == ")" {
            if let Some(open) = (first..j - 1)
                .rev()
                .find(|&c| self.words[c].text(self.text) == "(")
            {
                j = open;
                if j == first {
                    return None;
                }
            }
        }
        let before = self.words[j - 1];
        if let Some(m) = self.mention_ending(before.end) {
            return Some(m.clone());
        }
        // `Le maire, Patrick Le Goff, a rappelé` / `Anne Roy, porte-parole de Y, a dit`
        if before.is(Word::PUNCT) && before.text(self.text) == "," && j >= 2 {
            let mut inner = j - 2;
            if self.words[inner].text(self.text) == ")" {
                if let Some(open) = (first..inner)
                    .rev()
                    .find(|&c| self.words[c].text(self.text) == "(")
                {
                    inner = open.saturating_sub(1);
                }
            }
            if let Some(m) = self.mention_ending(self.words[inner].end) {
                if m.actor.is_some() && m.personal {
                    return Some(m.clone());
                }
            }
            let open = (first..j - 1)
                .rev()
                .find(|&c| self.words[c].is(Word::PUNCT) && self.words[c].text(self.text) == ",")?;
            if open > first && j - 1 - open <= 14 {
                if let Some(m) = self.mention_ending(self.words[open - 1].end) {
                    return Some(m.clone());
                }
            }
            return self.mention_ending(self.words[inner].end).cloned();
        }
        // `la Commission estime`: a capitalized name no extractor kept.
        if before.is(Word::CAPITALIZED) {
            let mut s = j - 1;
            while s > first && self.words[s - 1].is(Word::CAPITALIZED) {
                s -= 1;
            }
            return Some(self.phrase(s, j));
        }
        None
    }

    /// Indirect quotes of a sentence.
    fn indirect(
        &mut self,
        sentence: Range<usize>,
        sentence_words: Range<usize>,
        pairs: &[(Range<usize>, Range<usize>)],
        cues: &TextCues,
        found: &mut Vec<(Range<usize>, QuoteKind, Attribution)>,
    ) {
        let commas = cues.commas_in(&sentence);
        let has_que = cues.has_que(&sentence);
        let has_selon = cues.has_selon(&sentence);
        let has_comma = !commas.is_empty();
        if !has_que && !has_selon && !has_comma {
            return;
        }
        // The incise of a sentence with no `que` nor `selon`, found on its tail.
        let mut tail_incise = None;
        if !has_que && !has_selon {
            tail_incise = self.tail_incise(sentence_words.clone(), commas);
            if tail_incise.is_none() {
                return;
            }
        }
        self.load_words(sentence_words);
        let n = self.words.len();
        if n == 0 {
            return;
        }
        let inside_quote = |at: usize| inside(pairs, at);
        let end = self.clause_end(n);
        // `X a affirmé que …`
        if has_que {
            // Only the few words before a `que` may hold its verb: those at most 7
            // before the next `que`.
            for k in self.before_que() {
                if inside_quote(self.words[k].start) {
                    continue;
                }
                // `La même source précise que`: a weak form before `que`, after a subject.
                let verb = self.verb_at(k).or_else(|| {
                    (is_weak_form(self.key(k))
                        && self.is_que(k + 1)
                        && self.subject_before(k, 0).is_some())
                    .then_some((k + 1, None))
                });
                let Some((verb_end, pronoun)) = verb else {
                    continue;
                };
                // `Un reproche que …`: a noun after its determiner, not a verb.
                if k > 0
                    && matches!(
                        self.key(k - 1),
                        "un" | "une"
                            | "le"
                            | "la"
                            | "les"
                            | "des"
                            | "ce"
                            | "cette"
                            | "son"
                            | "sa"
                            | "ses"
                            | "leur"
                            | "du"
                            | "au"
                    )
                {
                    continue;
                }
                // `que` within a few words: `a indiqué mardi à l'AFP que`.
                let Some(q) = (verb_end..(verb_end + 6).min(n)).find(|&q| self.is_que(q)) else {
                    continue;
                };
                // `alors qu'`, `parce que`, `avant que`: a conjunction, not a report.
                if q > verb_end
                    && matches!(
                        self.key(q - 1),
                        "alors"
                            | "tandis"
                            | "parce"
                            | "bien"
                            | "avant"
                            | "après"
                            | "pour"
                            | "sans"
                            | "afin"
                            | "lors"
                            | "dès"
                            | "pendant"
                            | "depuis"
                            | "ainsi"
                            | "même"
                            | "si"
                            | "plus"
                            | "moins"
                            | "autant"
                            | "tant"
                            | "tel"
                            | "telle"
                            | "ce"
                    )
                {
                    continue;
                }
                if (verb_end..q).any(|x| {
                    self.words[x].is(Word::PUNCT) && self.words[x].text(self.text) != ","
                        || self.verb_at(x).is_some()
                }) {
                    continue;
                }
                if q + 1 >= end {
                    continue;
                }
                let clause = self.words[q + 1].start..self.words[end - 1].end;
                let verb_range = self.words[k].start..self.words[verb_end - 1].end;
                let speaker = match pronoun {
                    Some(p @ ("il" | "elle" | "ils" | "elles")) => {
                        self.antecedent(self.words[k].start, p).cloned()
                    }
                    Some(_) => None,
                    None => {
                        // `on veut croire que`: no one in particular.
                        if k > 0 && matches!(self.key(k - 1), "on" | "veut" | "faut" | "je") {
                            continue;
                        }
                        // `a de son côté démenti que`: the auxiliary a few words back.
                        let k = (k.saturating_sub(4)..k)
                            .rev()
                            .find(|&a| {
                                is_auxiliary(self.key(a))
                                    && (a + 1..k).all(|x| !self.words[x].is(Word::PUNCT))
                            })
                            .unwrap_or(k);
                        // `X a rejeté …, mais a reconnu que`: the subject of the sentence.
                        self.subject_before(k, 0).or_else(|| {
                            (k > 0
                                && matches!(
                                    self.key(k - 1),
                                    "mais" | "et" | "puis" | "," | "avant"
                                ))
                            .then(|| self.sentence_subject(k))
                            .flatten()
                        })
                    }
                };
                let attribution = match speaker {
                    Some(m) => self.attribution(&m, Some(verb_range)),
                    None => Attribution {
                        speaker: None,
                        verb: Some(verb_range),
                        informant: false,
                    },
                };
                found.push((clause, QuoteKind::Indirect, attribution));
                return;
            }
        }
        // `selon X, …` / `…, selon X.`
        if has_selon {
            for k in 0..n {
                let key = self.key(k);
                let selon = key == "selon"
                    || (key == "d'" && self.key(k + 1) == "après")
                    || key == "d'après";
                if !selon || inside_quote(self.words[k].start) {
                    continue;
                }
                let after = if key == "d'" { k + 2 } else { k + 1 };
                if matches!(
                    self.key(after),
                    "nos" | "notre" | "moi" | "nous" | "que" | "qu'"
                ) {
                    continue;
                }
                let speaker = if matches!(self.key(after), "lui" | "elle" | "eux" | "elles") {
                    let p = if self.key(after) == "lui" || self.key(after) == "eux" {
                        "il"
                    } else {
                        "elle"
                    };
                    self.antecedent(self.words[k].start, p).cloned()
                } else {
                    // `selon X`, `selon les données de X`, `d'après leurs simulations`.
                    let comma = (after..n.min(after + 40))
                        .find(|&c| self.words[c].is(Word::PUNCT))
                        .unwrap_or(n.min(after + 40));
                    (after..comma)
                        .find_map(|w| self.mention_at(self.words[w].start).cloned())
                        .or_else(|| {
                            (comma > after && comma - after <= 8).then(|| self.phrase(after, comma))
                        })
                };
                let Some(speaker) = speaker else { continue };
                // The clause: after the comma that ends `selon X` (and an apposition
                // after it: `Selon la FNPL, branche laitière de la FNSEA, …`), or before
                // `selon`.
                let comma = (after..n.min(after + 40)).find(|&c| {
                    self.words[c].is(Word::PUNCT)
                        && matches!(self.words[c].text(self.text), "," | "." | ":" | ";")
                });
                let opens = k <= 1
                    || (k >= 1
                        && self.words[k - 1].is(Word::PUNCT)
                        && matches!(self.words[k - 1].text(self.text), ":" | "—" | "–" | "("));
                let clause = if opens {
                    comma
                        .filter(|&c| self.words[c].text(self.text) == "," && c + 1 < end)
                        .map(|c| self.skip_apposition(c, end))
                        .filter(|&c| c + 1 < end)
                        .map(|c| self.words[c + 1].start..self.words[end - 1].end)
                } else {
                    // `TOULOUSE, 3 avril 2025 (AFP) – Quelque 2000 manifestants, selon X`:
                    // the clause starts after a dateline.
                    let dateline = (0..k.min(14)).find(|&x| {
                        self.words[x].is(Word::PUNCT)
                            && matches!(self.words[x].text(self.text), "–" | "—")
                    });
                    let start = dateline.map_or(0, |x| x + 1);
                    let stop = if k > 0 && self.words[k - 1].is(Word::PUNCT) {
                        k - 1
                    } else {
                        k
                    };
                    (stop > start).then(|| self.words[start].start..self.words[stop - 1].end)
                };
                if let Some(clause) = clause.filter(|c| !inside_quote(c.start)) {
                    found.push((
                        clause,
                        QuoteKind::Indirect,
                        self.attribution(&speaker, None),
                    ));
                    return;
                }
            }
        }
        // `…, a indiqué X.` / `…, a-t-il précisé.` / `…, a-t-on appris de source policière.`
        if has_comma {
            // The incise follows one of the last commas (`…, a précisé Mme X, directrice
            // de l'hôpital.`).
            // Found on the tail already, else searched here (its verb phrase kept, not
            // read again).
            let Some((c, (verb_end, pronoun))) =
                tail_incise.or_else(|| self.incise_at_commas(commas, 1))
            else {
                return;
            };
            if inside_quote(self.words[c].start) || c + 1 >= n {
                return;
            }
            // The clause must not be a quote already (`« … », a-t-il dit`).
            if self.words[c - 1].is(Word::PUNCT)
                && matches!(self.words[c - 1].text(self.text), "»" | "”" | "\"" | "›")
            {
                return;
            }
            let verb = self.words[c + 1].start..self.words[verb_end - 1].end;
            // `interrogée par Reuters`: a passive participle, not an incise.
            if self.key(verb_end) == "par" {
                return;
            }
            let attribution = match pronoun {
                Some(p @ ("il" | "elle" | "ils" | "elles")) => self
                    .antecedent(self.words[c].start, p)
                    .map(|m| self.attribution(m, Some(verb.clone()))),
                // `a plaidé la relaxe`: only a mention found by the extractors is a
                // subject here, not any phrase after the verb (its object).
                _ => self
                    .subject_after(verb_end)
                    .filter(|m| m.actor.is_some() || m.source.is_some() || self.agentive(m))
                    .map(|m| self.attribution(&m, Some(verb.clone()))),
            };
            let Some(attribution) = attribution else {
                return;
            };
            // Nothing but the speaker after the verb: the incise ends the sentence.
            let speaker_end = attribution
                .speaker
                .as_ref()
                .map_or(verb.end, |s| s.end.max(verb.end));
            let rest = &self.text[speaker_end.min(sentence.end)..sentence.end];
            let apposition = rest.trim_start().starts_with(',');
            let most = if apposition { 12 } else { 6 };
            if rest.split_whitespace().nth(most).is_some() {
                return;
            }
            let mut from = (0..c)
                .rev()
                .find(|&x| {
                    self.words[x].is(Word::PUNCT)
                        && matches!(self.words[x].text(self.text), "»" | "”" | ":")
                })
                .map_or(0, |x| x + 1);
            while from < c && self.words[from].is(Word::PUNCT) {
                from += 1;
            }
            // The clause is a statement: a few words, not the incise of a quote before
            // it (`», estime X, économiste`).
            if c - from < 3 || self.verb_at(from).is_some() {
                return;
            }
            // `Le maire, Christian Rouvière, a annoncé …`: the words before the comma
            // end with a person, the subject of the verb, not a statement.
            if self
                .mention_ending(self.words[c - 1].end)
                .is_some_and(|m| m.personal && m.actor.is_some())
            {
                return;
            }
            if from < c {
                let clause = self.words[from].start..self.words[c - 1].end;
                if clause.end > clause.start && !inside_quote(clause.start) {
                    found.push((clause, QuoteKind::Indirect, attribution));
                }
            }
        }
    }

    /// The incise after one of the last three commas of the loaded words from word
    /// `from` on: the comma's index and the verb phrase after it ([`Scan::verb_at`]).
    /// Word by word, kept to test [`Scan::incise_at_commas`] against.
    #[cfg(test)]
    fn last_incise(&self, from: usize) -> Option<(usize, (usize, Option<&'static str>))> {
        (from..self.words.len())
            .rev()
            .filter(|&c| self.words[c].is(Word::PUNCT) && self.words[c].text(self.text) == ",")
            .take(3)
            .find_map(|c| Some((c, self.verb_at(c + 1)?)))
    }

    /// [`Scan::last_incise`] with the comma words found from `commas`, the comma bytes
    /// of the loaded words (in order), not by a look at every word: a comma word starts
    /// at a comma byte, found by [`Words::first_from`], last first. Most words of a
    /// sentence are no comma, and most sentences with commas have no incise.
    fn incise_at_commas(
        &self,
        commas: &[usize],
        from: usize,
    ) -> Option<(usize, (usize, Option<&'static str>))> {
        let mut end = self.words.len();
        commas
            .iter()
            .rev()
            .filter_map(|&at| {
                // The loaded words are the document's from `base` on.
                let c = (self.all.first_from(at).max(self.base) - self.base).min(end);
                end = c;
                let w = self.words.get(c)?;
                (w.start == at && c >= from && w.is(Word::PUNCT) && w.text(self.text) == ",")
                    .then_some(c)
            })
            .take(3)
            .find_map(|c| Some((c, self.verb_at(c + 1)?)))
    }

    /// [`Scan::last_incise`] of the words `sentence_words` (from their second on), read
    /// on their tail only: the comma words among the last three of `commas` (the
    /// sentence's comma bytes). Most sentences with commas have no incise: this tells
    /// them apart with a look at a few words only, and the incise found is not searched
    /// again. Loads the sentence's words.
    fn tail_incise(
        &mut self,
        sentence_words: Range<usize>,
        commas: &[usize],
    ) -> Option<(usize, (usize, Option<&'static str>))> {
        if commas.is_empty() {
            return None;
        }
        self.load_words(sentence_words);
        // The comma words of the tail are the sentence's last ones (each is a comma
        // byte), and a verb phrase reads no word before its own: the same as on the
        // whole sentence.
        self.incise_at_commas(&commas[commas.len().saturating_sub(3)..], 1)
    }

    /// [`Scan::tail_incise`] as first written: the tail's words loaded, and read word
    /// by word ([`Scan::last_incise`]).
    #[cfg(test)]
    fn tail_incise_scanning(
        &mut self,
        sentence_words: Range<usize>,
        commas: &[usize],
    ) -> Option<(usize, (usize, Option<&'static str>))> {
        let tail = *commas.get(commas.len().saturating_sub(3))?;
        let words = &self.all.words[sentence_words.clone()];
        let skipped = words.partition_point(|w| w.start < tail);
        self.load_words(sentence_words.start + skipped..sentence_words.end);
        let (c, (verb_end, pronoun)) = self.last_incise(1usize.saturating_sub(skipped))?;
        Some((c + skipped, (verb_end + skipped, pronoun)))
    }

    /// Whether a phrase no extractor kept names someone who may speak: its noun is a
    /// role, a collective or an institution (`la direction du groupe`, `l'institut`),
    /// not an object (`la relaxe`, `un appui logistique`).
    fn agentive(&self, m: &Mention) -> bool {
        let mut ws = Vec::new();
        words::split(self.text, m.range.clone(), &mut ws);
        let lex = crate::actors::lexicon();
        let noun = ws.iter().find(|w| {
            !matches!(
                w.text(self.text),
                "le" | "la" | "l'" | "l’" | "les" | "Le" | "La" | "L'" | "L’" | "Les"
            )
        });
        noun.is_some_and(|w| {
            let mut key = String::new();
            let cue = lex.cue(words::key(w.text(self.text), &mut key));
            cue & (crate::actors::Lexicon::ROLE_HEAD | crate::actors::Lexicon::ORG_HEAD) != 0
        })
    }

    /// A speaker that no extractor found (`l'institut`, `leurs simulations`): the words
    /// from `from` to `to`, as a mention of unknown gender.
    fn phrase(&self, from: usize, to: usize) -> Mention {
        Mention {
            range: self.words[from].start..self.words[to - 1].end,
            actor: None,
            source: None,
            gender: 0,
            personal: false,
            informant: false,
        }
    }

    /// After the comma at word `c`, an apposition closed by another comma (`, branche
    /// laitière de la FNSEA,`): the index of that second comma, else `c`.
    fn skip_apposition(&self, c: usize, end: usize) -> usize {
        let Some(next) = (c + 1..end.min(c + 10)).find(|&x| self.words[x].is(Word::PUNCT)) else {
            return c;
        };
        let lowercase = self.words.get(c + 1).is_some_and(|w| w.is(Word::LOWERCASE));
        let verbless = (c + 1..next).all(|x| {
            !is_auxiliary(self.key(x))
                && !is_reporting_form(self.key(x))
                && !matches!(self.key(x), "est" | "sont" | "a" | "ont")
        });
        if self.words[next].text(self.text) == "," && lowercase && verbless && next - c <= 7 {
            next
        } else {
            c
        }
    }

    /// The end (exclusive word index) of a sentence's last clause: before its final
    /// punctuation.
    fn clause_end(&self, n: usize) -> usize {
        let mut end = n;
        while end > 0
            && self.words[end - 1].is(Word::PUNCT)
            && matches!(
                self.words[end - 1].text(self.text),
                "." | "!" | "?" | "…" | ";" | ":"
            )
        {
            end -= 1;
        }
        end
    }
}

/// Where the last of `.`, `!`, `?`, `»` and `”` starts in `bytes`: the ASCII ones found
/// with `memchr`, the others by their last byte after them.
fn last_sentence_end(bytes: &[u8]) -> Option<usize> {
    let stop = memchr::memrchr3(b'.', b'!', b'?', bytes);
    let after = stop.map_or(0, |i| i + 1);
    memchr::memrchr2_iter(0xbb, 0x9d, &bytes[after..])
        .find_map(|i| {
            let end = after + i + 1;
            ["»", "”"]
                .iter()
                .find(|mark| bytes[..end].ends_with(mark.as_bytes()))
                .map(|mark| end - mark.len())
        })
        .or(stop)
}

/// The searchers of `selon`/`Selon` (by its tail) and `près ` (`d'après`), built once.
static ELON: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("elon"));
static PRES: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("près "));

/// What the sentences of a text hold that their indirect quotes need, read on the
/// text: `que `, `qu'` or `qu’` (after a verb; `presque ` too), `selon`, `Selon` or
/// `près ` (`d'après`), commas (before an incise). Found in one pass over the whole
/// text each, not sentence by sentence: their byte ranges, in order.
struct TextCues {
    que: Vec<Range<usize>>,
    selon: Vec<Range<usize>>,
    commas: Vec<usize>,
    /// Where the last sentence's first `que`, `selon` and comma were: sentences come
    /// in order, so the next one's are a few steps on ([`sources::seek`]), not a
    /// binary search of the whole text's each.
    que_at: Cell<usize>,
    selon_at: Cell<usize>,
    commas_at: Cell<usize>,
}

impl TextCues {
    fn new(text: &str) -> TextCues {
        let bytes = text.as_bytes();
        // Room for a press article's and more (about one `que` in 420 bytes and one
        // comma in 85): collected from filters, these grew six or seven times an
        // article.
        let mut que = Vec::with_capacity(bytes.len() / 128 + 8);
        que.extend(memchr::memchr_iter(b'q', bytes).filter_map(|q| {
            ["ue ", "u'", "u’"]
                .iter()
                .find(|rest| bytes[q + 1..].starts_with(rest.as_bytes()))
                .map(|rest| q..q + 1 + rest.len())
        }));
        let mut selon: Vec<Range<usize>> = ELON
            .find_iter(bytes)
            .filter(|&i| i >= 1 && matches!(bytes[i - 1], b's' | b'S'))
            .map(|i| i - 1..i + 4)
            .collect();
        selon.extend(PRES.find_iter(bytes).map(|i| i..i + "près ".len()));
        // `selon` and `près ` never overlap: by start, they are by end too.
        selon.sort_unstable_by_key(|r| r.start);
        let mut commas = Vec::with_capacity(bytes.len() / 64 + 8);
        commas.extend(memchr::memchr_iter(b',', bytes));
        TextCues {
            que,
            selon,
            commas,
            que_at: Cell::new(0),
            selon_at: Cell::new(0),
            commas_at: Cell::new(0),
        }
    }

    /// The offsets of the commas inside `range`.
    fn commas_in(&self, range: &Range<usize>) -> &[usize] {
        let first = sources::seek(&self.commas, self.commas_at.get(), |&c| c < range.start);
        self.commas_at.set(first);
        let last = sources::seek(&self.commas, first, |&c| c < range.end);
        &self.commas[first..last]
    }

    /// Whether a `que` lies inside `range`: [`holds`] on `que`.
    fn has_que(&self, range: &Range<usize>) -> bool {
        holds_from(&self.que, range, &self.que_at)
    }

    /// Whether a `selon` or `d'après` lies inside `range`: [`holds`] on `selon`.
    fn has_selon(&self, range: &Range<usize>) -> bool {
        holds_from(&self.selon, range, &self.selon_at)
    }
}

/// Whether one of `spans` (in order, disjoint) lies inside `range`.
#[cfg(test)]
fn holds(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    let first = spans.partition_point(|m| m.start < range.start);
    spans.get(first).is_some_and(|m| m.end <= range.end)
}

/// [`holds`], searched on from `cursor` (where the range before was), which it
/// moves: a few steps for ranges in text order.
fn holds_from(spans: &[Range<usize>], range: &Range<usize>, cursor: &Cell<usize>) -> bool {
    let first = sources::seek(spans, cursor.get(), |m| m.start < range.start);
    cursor.set(first);
    spans.get(first).is_some_and(|m| m.end <= range.end)
}

/// Pairs quotation marks in one pass: the content range (between the marks) and the
/// whole range (marks included) of every direct quote, in text order.
///
/// `«` opens (or nests inside an open `«`), `»` closes; `“`/`”` and `‹`/`›` likewise;
/// a straight `"` opens when none is open and closes the one it opened. A paragraph
/// break ends an open quote unless the next paragraph starts with the same opening
/// mark. Each character is looked at once: linear in the text's length.
pub fn pair_marks(text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut out = Vec::new();
    // The open quote: its opening mark's start, its closer, the nesting depth.
    let mut open: Option<(usize, char, u32)> = None;
    let bytes = text.as_bytes();
    let mut marks = Marks::new(bytes);
    while let Some((i, c)) = marks.next() {
        match c {
            '«' | '“' | '‹' | '"' => {
                let closer = match c {
                    '«' => '»',
                    '“' => '”',
                    '‹' => '›',
                    _ => '"',
                };
                match open {
                    None => open = Some((i, closer, 0)),
                    Some((start, '"', _)) if c == '"' => {
                        out.push((start + 1..i, start..i + 1));
                        open = None;
                    }
                    Some((start, close, depth)) if close == closer => {
                        open = Some((start, close, depth + 1))
                    }
                    _ => {}
                }
            }
            '»' | '”' | '›' => {
                if let Some((start, close, depth)) = open {
                    if close == c {
                        if depth == 0 {
                            let open_len = text[start..].chars().next().map_or(1, char::len_utf8);
                            out.push((start + open_len..i, start..i + c.len_utf8()));
                            open = None;
                        } else {
                            open = Some((start, close, depth - 1));
                        }
                    }
                }
            }
            '\n' => {
                if let Some((_, close, _)) = open {
                    // A new paragraph reopening the quote (`«` first) continues it.
                    let mut k = i + 1;
                    while k < bytes.len() && matches!(bytes[k], b' ' | b'\t' | b'\r' | b'\n') {
                        k += 1;
                    }
                    let reopens = text[k..].starts_with(match close {
                        '»' => "«",
                        '”' => "“",
                        _ => "\u{0}",
                    });
                    if !reopens {
                        open = None;
                    } else {
                        // Skip the reopening mark: it does not nest.
                        marks.skip_to(k + 1);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The quotation marks (`« » “ ” ‹ › "`) and line breaks of a text, in order: their
/// byte offsets and characters.
///
/// Only the bytes that may start one are looked at, found with `memchr`: `"`, `\n`,
/// and the lead bytes of `« »` (C2) and `“ ” ‹ ›` (E2), which never occur inside
/// another character.
struct Marks<'t> {
    bytes: &'t [u8],
    /// Where the search goes on.
    at: usize,
    /// The first `"`, `\n` or C2 byte at or after `at`, or the text's length.
    ascii: usize,
    /// The first E2 byte at or after `at`, or the text's length: kept until passed, as
    /// `’` (E2 too) is common.
    wide: usize,
}

impl<'t> Marks<'t> {
    fn new(bytes: &'t [u8]) -> Marks<'t> {
        let mut marks = Marks {
            bytes,
            at: 0,
            ascii: 0,
            wide: 0,
        };
        marks.find_leads();
        marks
    }

    /// Moves `ascii` and `wide` to the first lead bytes at or after `at`.
    fn find_leads(&mut self) {
        let rest = &self.bytes[self.at..];
        if self.ascii < self.at {
            self.ascii =
                memchr::memchr3(b'"', b'\n', 0xc2, rest).map_or(self.bytes.len(), |i| self.at + i);
        }
        if self.wide < self.at {
            self.wide = memchr::memchr(0xe2, rest).map_or(self.bytes.len(), |i| self.at + i);
        }
    }

    /// Goes on from byte `at`: the marks before it are skipped.
    fn skip_to(&mut self, at: usize) {
        self.at = self.at.max(at);
    }
}

impl Iterator for Marks<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        loop {
            self.find_leads();
            let i = self.ascii.min(self.wide);
            if i >= self.bytes.len() {
                return None;
            }
            self.at = i + 1;
            let mark = match &self.bytes[i..] {
                [b'"', ..] => '"',
                [b'\n', ..] => '\n',
                [0xc2, 0xab, ..] => '«',
                [0xc2, 0xbb, ..] => '»',
                [0xe2, 0x80, 0x9c, ..] => '“',
                [0xe2, 0x80, 0x9d, ..] => '”',
                [0xe2, 0x80, 0xb9, ..] => '‹',
                [0xe2, 0x80, 0xba, ..] => '›',
                _ => continue,
            };
            return Some((i, mark));
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod fast_path_tests {
    use super::*;
    use proptest::test_runner::TestCaseError;

    #[test]
    fn every_verb_form_has_its_shape_bit() {
        assert!(VERBS.len() > 1000);
        for (form, weak) in VERBS.iter() {
            assert_eq!(verb_entry(form), Some(*weak), "{form}");
        }
        assert_eq!(verb_entry("maison"), None);
        assert_eq!(verb_entry(""), None);
    }

    #[test]
    fn every_phrase_start_has_its_shape_bit() {
        for key in VERBS.keys().chain(AUXILIARIES).chain(&["s'", "se"]) {
            assert!(has_shape(&PHRASE_SHAPES, key), "{key}");
        }
        assert!(AUXILIARIES.iter().all(|a| is_auxiliary(a)));
        assert!(!is_auxiliary("avions"));
        // Most other words have no bit: the test rejects them.
        let others = [
            "maison", "pour", "le", "les", "des", "dans", "avec", "mardi",
        ];
        assert!(
            others
                .iter()
                .filter(|w| has_shape(&PHRASE_SHAPES, w))
                .count()
                < 4
        );
    }

    /// Runs `check` on a scan loaded with each sentence of `text` in turn, with the
    /// sentence's word range.
    fn each_sentence(
        text: &str,
        mut check: impl FnMut(&Scan, Range<usize>) -> Result<(), TestCaseError>,
    ) -> Result<(), TestCaseError> {
        let doc = Document::new(text);
        let mut scan = Scan {
            text,
            mentions: &[],
            all: doc.words(),
            words: &[],
            base: 0,
        };
        for sentence in &doc.words().sentences {
            scan.load_words(sentence.clone());
            check(&scan, sentence.clone())?;
        }
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn text_cues_from_cursors_as_binary_searches(
            text in "[qu'e ,.sSelonprèa]{0,60}",
            cuts in proptest::collection::vec(0usize..80, 1..10),
        ) {
            let cues = TextCues::new(&text);
            // Ranges mostly in order, some going back.
            for pair in cuts.windows(2) {
                let range = pair[0].min(text.len())..pair[1].max(pair[0]).min(text.len());
                let first = cues.commas.partition_point(|&c| c < range.start);
                let last = cues.commas.partition_point(|&c| c < range.end);
                proptest::prop_assert_eq!(cues.commas_in(&range), &cues.commas[first..last]);
                proptest::prop_assert_eq!(cues.has_que(&range), holds(&cues.que, &range));
                proptest::prop_assert_eq!(cues.has_selon(&range), holds(&cues.selon, &range));
            }
        }

        #[test]
        fn before_que_as_word_by_word(
            words in proptest::collection::vec(
                "que|qu'|Qu’|QUE|chaque|presque|a|dit|affirmé|Il|,|\\.|le|maire",
                0..40,
            ),
        ) {
            each_sentence(&words.join(" "), |scan, _| {
                let fast: Vec<usize> = scan.before_que().collect();
                proptest::prop_assert_eq!(fast, scan.before_que_word_by_word());
                Ok(())
            })?;
        }

        #[test]
        fn verb_phrases_as_without_the_shape_test(
            words in proptest::collection::vec(
                "a|a-t-il|a-t-on|ont-ils|ajoute-t-elle|précise-t-il|s'|s’|se|est|sont|\
                 déclaré|encore|précise|dit|affirme|emporté|Il|maison|le|,|que|\
                 avons|aurait|eut|été|sait|Sont|A",
                0..16,
            ),
        ) {
            each_sentence(&words.join(" "), |scan, _| {
                for i in 0..=scan.words.len() {
                    proptest::prop_assert_eq!(scan.verb_at(i), scan.verb_phrase(i, false));
                }
                Ok(())
            })?;
        }

        #[test]
        fn tail_incises_as_on_the_whole_sentence(
            words in proptest::collection::vec(
                "a|a-t-il|a-t-on|ajoute-t-elle|précise|déclaré|dit|confie|affirme|Il|\
                 maison|le|,|\\.|«|»|3,5|a,|,a|que|selon|Marie",
                0..24,
            ),
        ) {
            let text = words.join(" ");
            let doc = Document::new(&text);
            let mut scan = Scan {
                text: &text,
                mentions: &[],
                all: doc.words(),
                words: &[],
                base: 0,
            };
            let cues = TextCues::new(&text);
            for (sentence, ws) in doc.sentences().iter().zip(&doc.words().sentences) {
                let commas = cues.commas_in(sentence);
                let fast = scan.tail_incise(ws.clone(), commas);
                let scanning = scan.tail_incise_scanning(ws.clone(), commas);
                proptest::prop_assert_eq!(fast, scanning);
                scan.load_words(ws.clone());
                let plain = if commas.is_empty() { None } else { scan.last_incise(1) };
                proptest::prop_assert_eq!(fast, plain);
                proptest::prop_assert_eq!(scan.incise_at_commas(commas, 1), scan.last_incise(1));
            }
        }

        #[test]
        fn keys_as_the_documents(text in "([A-Za-z’'.,\\- ]|É|é|«|»){0,60}") {
            each_sentence(&text, |scan, sentence| {
                for i in 0..scan.words.len() {
                    proptest::prop_assert_eq!(scan.key(i), scan.all.key(&text, sentence.start + i));
                }
                proptest::prop_assert_eq!(scan.key(scan.words.len()), "");
                Ok(())
            })?;
        }

        #[test]
        fn mention_words_as_split(text in "([a-zA-Z. ]|\u{a0}|é|É){0,24}") {
            proptest::prop_assert_eq!(first_word(&text), text.split([' ', '\u{a0}']).next().unwrap_or(""));
            proptest::prop_assert_eq!(before_space(&text), text.split(' ').next().unwrap_or(""));
            let fast: Vec<&str> = split_spaces(&text).collect();
            let plain: Vec<&str> = text.split(' ').collect();
            proptest::prop_assert_eq!(fast, plain);
        }

        #[test]
        fn inverted_as_without_its_quick_test(key in "[a-z-]{0,6}(-t)?-?(il|elle|on|ils|elles|e)?") {
            proptest::prop_assert_eq!(inverted(&key), inverted_suffix(&key));
        }

        #[test]
        fn verb_entries_as_the_map(key in "[a-zéèêàç'-]{0,12}") {
            proptest::prop_assert_eq!(verb_entry(&key), VERBS.get(key.as_str()).copied());
        }
    }
}
