//! Actors: persons, organizations, roles and groups (SPEC §2 "actors").
//!
//! Each sentence is cut into words once ([`crate::words`]); then:
//! - organizations of the lexicon are looked up at the words that start one of
//!   their forms (a hash look-up per word), the others are found by pattern: a head noun and its complements (`tribunal
//!   correctionnel de Lyon`, `Agence nationale de la recherche`), an acronym
//!   (`FNPL`), a name in parentheses after its expansion (`Forces de soutien rapide
//!   (FSR)`);
//! - persons: a civil title and a name (`M. Mercadier`), a first name and a surname
//!   (`Nolwenn Guéguen`, `Patrick Le Goff`, `Claire DUBOIS`), initials (`J.-M.
//!   Lefort`), a role noun and a name (`le ministre chinois Wang Lihua`), and, once a
//!   surname is known, the surname alone (`Benali`). Every mention carries the full
//!   name first given in the article;
//! - roles and groups: a noun phrase chunked from a determiner (`une haute
//!   responsable du département d'État américain`, `plusieurs centaines de
//!   manifestants`): determiner, adjectives, a role noun or collective, adjectives,
//!   and up to three `de` complements. A role phrase next to a name is the person's
//!   `role` (`le procureur de Paris, Jean Marin`), not an actor of its own; one
//!   followed by an anonymity marker is an anonymous source, not an actor.

mod lexicon;

use std::cmp::Reverse;
#[cfg(test)]
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

pub(crate) use lexicon::KeyHasher;
pub use lexicon::{lexicon, FirstName, Lexicon, Organization, RoleForm};
use lexicon::{OrgHead, RoleHead};

use crate::document::{Document, Words};
use crate::record::{ActorKind, ActorMention, PlaceMention};
use crate::words::{self, Word};

/// An actor found, before output.
#[derive(Debug, Clone)]
struct Found {
    range: Range<usize>,
    kind: ActorKind,
    /// Organizations: the canonical name. Persons: the name without title.
    name: Option<String>,
    role: Option<&'static str>,
    affiliation: Option<String>,
    /// Persons: the byte range of the surname (the last name words).
    surname: Option<Range<usize>>,
    /// Persons: given with a first name (`Jean Marin`, not `M. Marin`).
    full: bool,
    /// Precedence when two actors overlap: the higher is kept.
    rank: u8,
}

/// Ranks: a lexicon organization beats a person beats a pattern organization.
const RANK_LEXICON: u8 = 4;
const RANK_PERSON: u8 = 3;
const RANK_PATTERN: u8 = 2;
const RANK_ACRONYM: u8 = 1;

/// A role or group noun phrase.
#[derive(Debug, Clone)]
struct Chunk {
    /// First and one-past-last word.
    words: Range<usize>,
    lemma: &'static str,
    group: bool,
    affiliation: Option<String>,
    /// Starts with a determiner (an apposition after a name need not).
    determined: bool,
}

/// The actors of a document. `places` are the places found in it, which are not
/// persons' surnames or acronyms.
pub fn extract(doc: &Document, places: &[PlaceMention]) -> Vec<ActorMention> {
    find(doc, places)
        .into_iter()
        .map(|(_, actor)| actor)
        .collect()
}

/// The actors of a document with their byte ranges, for the stages that read them.
pub fn find(doc: &Document, places: &[PlaceMention]) -> Vec<(Range<usize>, ActorMention)> {
    let text = doc.text();
    let place_spans: Vec<(usize, usize)> =
        places.iter().map(|p| (p.span.start, p.span.end)).collect();
    let mut scan = Scan::new(doc, &place_spans);
    // The words of every sentence, cut once for the document.
    let tokens = doc.words();
    for range in &tokens.sentences {
        scan.start_sentence(range.clone());
        scan.fill_cues();
        scan.sentence();
    }
    // Later mentions by surname alone, once every full name is known.
    // Each surname once, with the full name first given.
    let mut persons: Vec<(String, String)> = Vec::new();
    for f in scan
        .found
        .iter()
        .filter(|f| f.kind == ActorKind::Person && f.full)
    {
        let (Some(surname), Some(name)) = (f.surname.clone(), f.name.clone()) else {
            continue;
        };
        let surname = &text[surname];
        if !persons.iter().any(|(known, _)| known == surname) {
            persons.push((surname.to_string(), name));
        }
    }
    if !persons.is_empty() {
        // The named actors found so far, by start, for the overlap checks.
        scan.named = scan
            .found
            .iter()
            .filter(|f| !matches!(f.kind, ActorKind::Role | ActorKind::Group))
            .map(|f| f.range.clone())
            .collect();
        scan.named.sort_by_key(|r| r.start);
        let mut first_bytes = [false; 256];
        for (surname, _) in &persons {
            if let Some(&b) = surname.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        // The words of each sentence that may start a name, from the list of the
        // document's: a capitalized word is one.
        let starts = std::mem::take(&mut scan.starts);
        let mut at = 0;
        for range in &tokens.sentences {
            let from = at;
            while at < starts.len() && starts[at] < range.end {
                at += 1;
            }
            if at > from {
                let words = &tokens.words[range.clone()];
                scan.surnames(
                    words,
                    range.start,
                    &starts[from..at],
                    &persons,
                    &first_bytes,
                );
            }
        }
    }
    for f in &mut scan.found {
        if f.kind == ActorKind::Person && !f.full {
            let surname = match &f.surname {
                Some(range) => &text[range.clone()],
                None => f.name.as_deref().unwrap_or_default(),
            };
            if let Some((_, full)) = persons.iter().find(|(s, _)| s == surname) {
                f.name = Some(full.clone());
            }
        }
    }
    // The actors come out by start, so the sentence of each is that of the one before
    // or a later one: a step forward, not a search of all (as `Document::span` does).
    let sentences = doc.sentences();
    let mut sentence = 0;
    resolve(scan.found)
        .into_iter()
        .map(|f| {
            while sentence + 1 < sentences.len() && sentences[sentence + 1].start <= f.range.start {
                sentence += 1;
            }
            let actor = ActorMention {
                span: doc.span_in(f.range.clone(), sentence),
                kind: f.kind,
                name: f.name,
                role: f.role.map(str::to_string),
                affiliation: f.affiliation,
            };
            (f.range, actor)
        })
        .collect()
}

/// Drops actors overlapping a stronger one and sorts by start (longer first).
#[inline(never)]
fn resolve(found: Vec<Found>) -> Vec<Found> {
    let order = rank_order(&found);
    // Every actor by start, kept or not, sorted once: only those starting within the
    // longest span before `f` can overlap it, and `f` is checked against the kept ones
    // among them (a flag each). The window holds the few actors of a phrase or two,
    // kept or not: a binary search and a short scan, where a tree of the kept ones
    // (as first written) cost an insertion and a search per actor.
    let mut by_start: Vec<(usize, usize)> = found
        .iter()
        .enumerate()
        .map(|(i, f)| (f.range.start, i))
        .collect();
    by_start.sort_unstable();
    let mut kept = vec![false; found.len()];
    let longest = found.iter().map(|f| f.range.len()).max().unwrap_or(0);
    for &(_, _, i) in &order {
        let f = &found[i];
        let from = f.range.start.saturating_sub(longest);
        let lo = by_start.partition_point(|&(start, _)| start < from);
        let hi = lo + by_start[lo..].partition_point(|&(start, _)| start < f.range.end);
        kept[i] = !by_start[lo..hi]
            .iter()
            .any(|&(_, k)| kept[k] && clashes(f, &found[k]));
    }
    // By start, longer first, then stronger first, then as found (a stable sort): the
    // order of the reference, the kept ones by start and rank order then sorted by
    // start and end. Sorted in place, most of them in order already: no copy of all
    // the actors into a second list.
    let mut found = found;
    let mut at = 0;
    found.retain(|_| {
        at += 1;
        kept[at - 1]
    });
    found.sort_by_key(|f| (f.range.start, Reverse(f.range.end), Reverse(f.rank)));
    found
}

/// The actors by rank, then start, then as found, as `(rank, start, index)`: the
/// indexes are sorted, not the actors.
fn rank_order(found: &[Found]) -> Vec<(Reverse<u8>, usize, usize)> {
    let mut order: Vec<_> = found
        .iter()
        .enumerate()
        .map(|(i, f)| (Reverse(f.rank), f.range.start, i))
        .collect();
    order.sort_unstable();
    order
}

/// Whether actor `f` may not be kept beside `k`, a stronger one kept before it.
fn clashes(f: &Found, k: &Found) -> bool {
    let overlap = k.range.start < f.range.end && f.range.start < k.range.end;
    if !overlap {
        return false;
    }
    let named = matches!(f.kind, ActorKind::Person | ActorKind::Organization);
    let k_named = matches!(k.kind, ActorKind::Person | ActorKind::Organization);
    if named == k_named || k.kind == ActorKind::Person || f.kind == ActorKind::Person {
        return true;
    }
    // A role phrase may hold a whole organization (`une responsable du
    // département d'État`), not part of one.
    let (phrase, org) = if named {
        (&k.range, &f.range)
    } else {
        (&f.range, &k.range)
    };
    !(phrase.start <= org.start && org.end <= phrase.end)
}

/// [`resolve`] as first written, with a vector of actors per start: the reference of
/// the tests.
#[cfg(test)]
fn resolve_reference(found: Vec<Found>) -> Vec<Found> {
    let order = rank_order(&found);
    let mut by_start: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let longest = found.iter().map(|f| f.range.len()).max().unwrap_or(0);
    for &(_, _, i) in &order {
        let f = &found[i];
        let from = f.range.start.saturating_sub(longest);
        let clash = by_start
            .range(from..f.range.end)
            .flat_map(|(_, kept)| kept.iter().map(|&k| &found[k]))
            .any(|k| clashes(f, k));
        if !clash {
            by_start.entry(f.range.start).or_default().push(i);
        }
    }
    let mut kept: Vec<usize> = by_start.into_values().flatten().collect();
    kept.sort_by_key(|&i| (found[i].range.start, Reverse(found[i].range.end)));
    let mut found: Vec<Option<Found>> = found.into_iter().map(Some).collect();
    kept.iter().filter_map(|&i| found[i].take()).collect()
}

/// The ends (exclusive word indexes, longest first, within `n` words) of the phrases
/// of the word counts in `counts` (bit `k - 1` for `k` words) starting at word `i`.
fn word_counts(counts: u32, i: usize, n: usize) -> impl Iterator<Item = usize> {
    // The set bits, highest first.
    let mut left = counts;
    std::iter::from_fn(move || {
        let bit = left.checked_ilog2()?;
        left &= !(1 << bit);
        Some(i + bit as usize + 1)
    })
    .filter(move |&end| end <= n)
}

/// Adjective endings of French (`régional`, `judiciaire`, `atomique`, `fédéraux`):
/// a guess for words no list has.
fn looks_adjective(key: &str) -> bool {
    // The endings of each last byte: most words end with a byte that ends none, and
    // the others are compared with a few endings, not all (the same test as
    // `looks_adjective_reference`, a fraction of the comparisons). The endings of
    // seven characters at least (`marseillais`, `lyonnaise`, not `jamais`) apart.
    let (endings, long_endings): (&[&str], &[&str]) = match key.as_bytes().last() {
        Some(b'l') => (&["al", "el"], &[]),
        Some(b'e') => (
            &[
                "ale", "elle", "ienne", "ique", "aire", "ive", "éenne", "iste",
            ],
            &["aise"],
        ),
        Some(b's') => (
            &[
                "ales", "els", "elles", "iens", "iennes", "iques", "aires", "ifs", "ives", "éens",
                "éennes", "istes",
            ],
            &["ais", "aises"],
        ),
        Some(b'x') => (&["aux"], &[]),
        Some(b'n') => (&["ien", "éen"], &[]),
        Some(b'f') => (&["if"], &[]),
        _ => return false,
    };
    let ends = |list: &[&str]| list.iter().any(|e| key.ends_with(e));
    let (short, long) = (ends(endings), ends(long_endings));
    // The characters counted only for a word with an ending.
    if !short && !long {
        return false;
    }
    let len = key.chars().count();
    (len > 4 && short) || (len > 6 && long)
}

/// [`looks_adjective`] as first written, every ending tried: the reference of the
/// tests.
#[cfg(test)]
fn looks_adjective_reference(key: &str) -> bool {
    const ENDINGS: [&str; 26] = [
        "al", "ale", "aux", "ales", "el", "elle", "els", "elles", "ien", "ienne", "iens", "iennes",
        "ique", "iques", "aire", "aires", "if", "ive", "ifs", "ives", "éen", "éens", "éenne",
        "éennes", "iste", "istes",
    ];
    let len = key.chars().count();
    // `marseillais`, `lyonnaise`: long enough not to be `jamais`.
    (len > 4 && ENDINGS.iter().any(|e| key.ends_with(e)))
        || (len > 6 && (key.ends_with("ais") || key.ends_with("aise") || key.ends_with("aises")))
}

/// Whether a word of cues `cues` may start an organization, a person's name, a
/// pattern name or an acronym in [`Scan::sentence`]: a capitalized word, or one that
/// starts an organization form in lowercase or an organization head. Any other word
/// (a word of no list, a determiner) is passed over there without a look.
#[inline]
fn may_start(w: &Word, cues: u32) -> bool {
    !w.is(Word::PUNCT)
        && (w.is(Word::CAPITALIZED)
            || cues & (Lexicon::ORG_FORM_LOWERCASE | Lexicon::ORG_HEAD) != 0
            // (A word in capitals need not be capitalized: `2CV`.)
            || cues != 0 && w.is(Word::ALL_CAPS))
}

/// The persons found from some index of [`Scan::found`] on, by start and by end
/// byte: the first one of each (a look-up per role phrase, not a scan).
#[derive(Default)]
struct PersonIndex {
    /// Entries of `found` before this one are indexed (or out of scope).
    upto: usize,
    by_start: HashMap<usize, usize, BuildHasherDefault<KeyHasher>>,
    by_end: HashMap<usize, usize, BuildHasherDefault<KeyHasher>>,
}

impl PersonIndex {
    /// Forgets every person; indexes those from `found[from]` on.
    fn reset(&mut self, from: usize) {
        self.upto = from;
        self.by_start.clear();
        self.by_end.clear();
    }

    /// Indexes the persons found since the last update.
    fn update(&mut self, found: &[Found]) {
        for (p, f) in found.iter().enumerate().skip(self.upto) {
            if f.kind == ActorKind::Person {
                self.by_start.entry(f.range.start).or_insert(p);
                self.by_end.entry(f.range.end).or_insert(p);
            }
        }
        self.upto = self.upto.max(found.len());
    }
}

/// The state of the scan of one document.
struct Scan<'a> {
    doc: &'a Document<'a>,
    text: &'a str,
    lex: &'static Lexicon,
    /// The words of the document, with their keys.
    all: &'a Words,
    /// The words of the current sentence, and the index of its first in `all`.
    words: &'a [Word],
    base: usize,
    /// A buffer for phrase and demonym keys.
    key: String,
    /// The lexicon key and cues of each word of the sentence.
    lexed: Vec<(&'a str, u32)>,
    /// The index of the sentence's first word that is not punctuation.
    first_word: usize,
    /// The index of the sentence's first `(`, if any.
    first_paren: Option<usize>,
    /// The words of the document that may start an organization or a person's name
    /// (see [`may_start`]), by index in `all`, in order: [`Scan::sentence`] looks at
    /// these only, and the surname pass at the capitalized ones (all are there).
    starts: Vec<usize>,
    /// The first of `starts` in the current sentence.
    sentence_starts: usize,
    /// One past the sentence's last word that may start a role noun or collective
    /// ([`Lexicon::ROLE_HEAD`]), 0 if none: no role phrase starts after it.
    heads_end: usize,
    /// The persons found in the current sentence, by start and by end.
    persons: PersonIndex,
    /// Code point offsets of the places found.
    place_spans: &'a [(usize, usize)],
    found: Vec<Found>,
    /// The ranges of the persons and organizations found, by start (for the surname
    /// pass).
    named: Vec<Range<usize>>,
}

impl<'a> Scan<'a> {
    /// The scan of `doc`, whose places are at `place_spans`.
    fn new(doc: &'a Document<'a>, place_spans: &'a [(usize, usize)]) -> Scan<'a> {
        Scan {
            doc,
            text: doc.text(),
            lex: lexicon(),
            all: doc.words(),
            words: &[],
            base: 0,
            // Room for a long phrase's key and a long sentence's words, and below for
            // the actors of most articles: these grew several times per article.
            key: String::with_capacity(64),
            lexed: Vec::with_capacity(64),
            first_word: 0,
            first_paren: None,
            // Some words in eight start a name: room for them all, most of the time,
            // without growing the list word by word.
            starts: Vec::with_capacity(doc.words().words.len() / 4),
            sentence_starts: 0,
            heads_end: 0,
            persons: PersonIndex::default(),
            place_spans,
            found: Vec::with_capacity(32),
            named: Vec::new(),
        }
    }

    /// Makes the sentence of words `range` (of the document's) the current one.
    fn start_sentence(&mut self, range: Range<usize>) {
        self.words = &self.all.words[range.clone()];
        self.base = range.start;
    }

    #[inline]
    fn word(&self, i: usize) -> &'a str {
        self.words[i].text(self.text)
    }

    /// The lexicon key of word `i` (lowercase, `'` apostrophe).
    #[inline]
    fn key(&self, i: usize) -> &'a str {
        self.lexed[i].0
    }

    /// The lexicon cues of word `i` (see [`Lexicon::cues`]).
    #[inline]
    fn cue(&self, i: usize) -> u32 {
        self.lexed.get(i).map_or(0, |&(_, cues)| cues)
    }

    /// Whether word `i` has one of the cues of `bits`.
    #[inline]
    fn has(&self, i: usize, bits: u32) -> bool {
        self.cue(i) & bits != 0
    }

    /// A lowercase particle of a name (`de`, `van`) at word `i`.
    #[inline]
    fn lowercase_particle(&self, i: usize) -> bool {
        i < self.words.len() && self.words[i].is(Word::LOWERCASE) && self.has(i, Lexicon::PARTICLE)
    }

    #[inline]
    fn key_is(&self, i: usize, f: impl Fn(&str) -> bool) -> bool {
        i < self.words.len() && !self.words[i].is(Word::PUNCT) && f(self.key(i))
    }

    /// Looks up the key and the cues of every word of the sentence, once, and lists
    /// the words that may start a name ([`Scan::starts`]).
    #[inline(never)]
    fn fill_cues(&mut self) {
        self.first_word = self
            .words
            .iter()
            .position(|w| !w.is(Word::PUNCT))
            .unwrap_or(self.words.len());
        let (all, text, base) = (self.all, self.text, self.base);
        let table = self.lex.cue_table();
        let mut first_paren = None;
        // Key and cues in one pass: the word and its key are in registers when the cue
        // table is read, where a second loop read them back (measured: fewer
        // instructions than two loops, now that few words need `Words::key`).
        self.sentence_starts = self.starts.len();
        let starts = &mut self.starts;
        // Noted here, where the cues are in a register, not found by a second pass.
        let mut heads_end = 0;
        self.lexed.clear();
        self.lexed
            .extend(self.words.iter().enumerate().map(|(i, w)| {
                if w.is(Word::PUNCT) {
                    // One byte of punctuation is its own key.
                    let key = if w.len() == 1 {
                        w.text(text)
                    } else {
                        all.key(text, base + i)
                    };
                    if key == "(" && first_paren.is_none() {
                        first_paren = Some(i);
                    }
                    (key, 0)
                } else {
                    // A folded word is its own key: its bytes are looked up, and its
                    // key, if the table has it, is the table's (no checked slice of
                    // the text for a `&str`). The others are sliced here: their keys
                    // are asked for often enough that slicing them when asked costs
                    // more (measured).
                    let (key, cues) = if w.is(Word::FOLDED) {
                        match table.find(&text.as_bytes()[w.start..w.end]) {
                            Some((key, cues)) => (key, cues),
                            None => (w.text(text), 0),
                        }
                    } else {
                        let key = all.key(text, base + i);
                        (key, table.cue(key.as_bytes()))
                    };
                    if may_start(w, cues) {
                        starts.push(base + i);
                    }
                    if cues & Lexicon::ROLE_HEAD != 0 {
                        heads_end = i + 1;
                    }
                    (key, cues)
                }
            }));
        self.first_paren = first_paren;
        self.heads_end = heads_end;
    }

    /// The key of words `i..j` with single spaces (`forces de l'ordre`): the word's
    /// own key for one word, else built in the `key` buffer.
    fn phrase_key(&mut self, i: usize, j: usize) -> &str {
        if j == i + 1 {
            return self.lexed[i].0;
        }
        self.key.clear();
        for k in i..j {
            if k > i && !self.key.ends_with('\'') {
                self.key.push(' ');
            }
            self.key.push_str(self.lexed[k].0);
        }
        &self.key
    }

    fn is_place(&self, i: usize) -> bool {
        self.place_at(i).is_some()
    }

    /// The code point end of the place starting at word `i`.
    fn place_at(&self, i: usize) -> Option<usize> {
        self.place_starting(self.words[i].start)
    }

    /// The code point end of the place starting at byte `start`.
    fn place_starting(&self, start: usize) -> Option<usize> {
        if self.place_spans.is_empty() {
            return None;
        }
        let start = self.doc.char_offset(start);
        let p = self.place_spans.partition_point(|&(s, _)| s < start);
        self.place_spans
            .get(p)
            .filter(|&&(s, _)| s == start)
            .map(|&(_, e)| e)
    }

    /// Whether word `i` is the punctuation mark `c`.
    #[inline]
    fn is_punct(&self, i: usize, c: &str) -> bool {
        i < self.words.len()
            && self.words[i].is(Word::PUNCT)
            && self.text.as_bytes()[self.words[i].start..self.words[i].end] == *c.as_bytes()
    }

    #[inline]
    fn capitalized(&self, i: usize) -> bool {
        i < self.words.len() && self.words[i].is(Word::CAPITALIZED)
    }

    /// A word that may be part of a name: capitalized, not a function word, month or
    /// weekday.
    #[inline]
    fn name_word(&mut self, i: usize) -> bool {
        self.capitalized(i) && !self.has(i, Lexicon::COMMON_CAPITAL)
    }

    fn sentence(&mut self) {
        let n = self.words.len();
        if n == 0 {
            return;
        }
        // `LAIT.`, `TÉLÉCOMS.`: a kicker, one word in capitals before the text.
        let kicker = n <= 2 && self.words[0].is(Word::ALL_CAPS) && self.words[0].len() > 3;
        // Looked at for the first word in capitals, if any.
        let mut shouting = kicker.then_some(true);
        let mut i = 0;
        // The next of `starts` to look at: the words in between start nothing.
        let mut next = self.sentence_starts;
        let base = self.base;
        loop {
            while next < self.starts.len() && self.starts[next] < base + i {
                next += 1;
            }
            let Some(&start) = self.starts.get(next) else {
                break;
            };
            i = start - base;
            let w = self.words[i];
            // An organization of the lexicon.
            let form_cue = if w.is(Word::CAPITALIZED) {
                Lexicon::ORG_FORM
            } else {
                Lexicon::ORG_FORM_LOWERCASE
            };
            let lexicon_org = if self.has(i, form_cue) {
                self.lex
                    .organization_at(self.text, self.words, i, &mut self.key)
            } else {
                None
            };
            if let Some((j, index)) = lexicon_org {
                let organization = self.lex.organizations[index as usize];
                if !organization.ambiguous || self.org_cue_before(i) {
                    // A longer pattern name may start with it (`Conseil de paix et de
                    // sécurité de l'UA`).
                    match self.pattern_org(i).filter(|p| p.end > j) {
                        Some(p) => {
                            self.push_org(i, p.end, None, RANK_PATTERN);
                            i = p.end;
                        }
                        None => {
                            self.push_org(i, j, Some(organization.name), RANK_LEXICON);
                            i = j;
                        }
                    }
                    continue;
                }
            }
            // (Only a capitalized word starts a person's name.)
            let person = if w.is(Word::CAPITALIZED) {
                self.person_at(i)
            } else {
                None
            };
            if let Some(j) = person {
                i = j;
                continue;
            }
            let pattern = if self.has(i, Lexicon::ORG_HEAD) {
                self.pattern_org(i)
            } else {
                None
            };
            if let Some(p) = pattern {
                self.push_org(i, p.end, None, RANK_PATTERN);
                i = p.end;
                continue;
            }
            if w.is(Word::ALL_CAPS)
                && !*shouting.get_or_insert_with(|| self.shouting())
                && self.acronym(i)
            {
                self.push_org(i, i + 1, None, RANK_ACRONYM);
            }
            i += 1;
        }
        self.parenthesized_acronyms();
        self.role_chunks();
    }

    /// The index of the first word starting at or after byte `end`, from word `i`.
    fn index_at(&self, end: usize, i: usize) -> usize {
        let i = i.min(self.words.len());
        i + self.words[i..].partition_point(|w| w.start < end)
    }

    /// A run of three capitalized words in capitals: a headline or shouting, where
    /// capitals say nothing.
    fn shouting(&self) -> bool {
        let mut run = 0;
        for w in self.words {
            if w.is(Word::ALL_CAPS) && w.len() >= 3 {
                run += 1;
                if run >= 3 {
                    return true;
                }
            } else if !w.is(Word::PUNCT) {
                run = 0;
            }
        }
        false
    }

    fn push_org(&mut self, i: usize, j: usize, name: Option<&str>, rank: u8) {
        let range = self.words[i].start..self.words[j - 1].end;
        let name = name.unwrap_or(&self.text[range.clone()]).to_string();
        self.found.push(Found {
            range,
            kind: ActorKind::Organization,
            name: Some(name),
            role: None,
            affiliation: None,
            surname: None,
            full: false,
            rank,
        });
    }

    /// Whether the word before `i` (after its article) names a kind of organization:
    /// `le groupe Orange`, `le parti Renaissance`.
    fn org_cue_before(&self, i: usize) -> bool {
        i > 0 && self.has(i - 1, Lexicon::ORG_CUE)
    }

    /// A person's name starting at word `i`: returns the index after it.
    fn person_at(&mut self, i: usize) -> Option<usize> {
        let w = self.words[i];
        if !w.is(Word::CAPITALIZED) {
            return None;
        }
        let word = self.word(i);
        // A civil title: `M.`, `Mme`, `Dr`, `Me`.
        let dotted = self.is_punct(i + 1, ".") && self.words[i + 1].start == w.end;
        let title_end = if dotted && self.lex.titles.contains(&self.text[w.start..w.end + 1]) {
            Some(i + 2)
        } else if self.has(i, Lexicon::TITLE)
            && self.lex.titles.contains(word)
            && !self.key_is(i, |k| k == "me" || k == "pr")
            || matches!(word, "Me" | "Pr")
        {
            Some(i + 1 + usize::from(dotted))
        } else {
            None
        };
        if let Some(t) = title_end {
            let particle = self.lowercase_particle(t);
            if self.name_word(t) || particle || self.initials(t).is_some() {
                let start = t;
                let end = self.name_end(start, !particle)?;
                let full = self.first_name_at(start) && end > start + 1;
                self.push_person(i, start, end, full, None);
                return Some(end);
            }
            return None;
        }
        if i > 0 && self.has(i - 1, Lexicon::ADDRESS) {
            return None;
        }
        // Initials: `J.-M. Lefort`. (One letter: most words are longer, and need no
        // call to say they are none.)
        let initials = if w.len() == 1 { self.initials(i) } else { None };
        if let Some(after) = initials {
            if self.name_word(after) {
                let end = self.name_end(after, true)?;
                // Written with its initials, named by the full name the article gives
                // with the same surname, if any (`J.-P. Roussel`, `Jean-Philippe Roussel`).
                self.push_person(i, i, end, false, None);
                let surname = self.words[after].start..self.words[end - 1].end;
                if let Some(last) = self.found.last_mut() {
                    last.surname = Some(surname);
                }
                return Some(end);
            }
        }
        // A first name and a surname, unless the places found say it is a place
        // (`Riyad`, `Nil Bleu`).
        let first = self.lex.first_name(word);
        let after_preposition = i > 0 && self.has(i - 1, Lexicon::PLACE_PREPOSITION);
        let place = |first: &FirstName| {
            self.place_at(i).is_some_and(|end| {
                (first.ambiguous && after_preposition) || end > self.doc.char_offset(w.end)
            })
        };
        if let Some(first) = first.filter(|f| !place(f)) {
            // `Julie, 34 ans,`, `Julie, une infirmière`: a first name alone, with an age
            // or described.
            let described = self.key_is(i + 2, |k| k == "une" || k == "un")
                && self.has(i + 3, Lexicon::ROLE_HEAD | Lexicon::PRE_ADJECTIVE);
            let aged = self.words.get(i + 2).is_some_and(|w| w.is(Word::NUMBER))
                && self.key_is(i + 3, |k| k == "ans");
            if !first.ambiguous && self.is_punct(i + 1, ",") && (aged || described) {
                self.push_person(i, i, i + 1, true, None);
                return Some(i + 1);
            }
            let surname = self.name_end(i + 1, false);
            if let Some(end) = surname.filter(|&e| e > i + 1) {
                if !first.ambiguous || !self.is_place(i + 1) {
                    self.push_person(i, i, end, true, None);
                    return Some(end);
                }
            }
            // `Stéphane M.`: a first name and an initial.
            if self.words.get(i + 1).is_some_and(|n| n.len() == 1)
                && self.capitalized(i + 1)
                && self.is_punct(i + 2, ".")
                && !first.ambiguous
            {
                self.push_person(i, i, i + 3, true, None);
                return Some(i + 3);
            }
        }
        None
    }

    /// Whether word `i` is a known first name.
    fn first_name_at(&self, i: usize) -> bool {
        i < self.words.len() && self.lex.first_name(self.word(i)).is_some()
    }

    /// After initials (`J.`, `J.-M.`) at `i`, the index of the word that follows.
    fn initials(&self, i: usize) -> Option<usize> {
        let single_capital =
            |s: &Self, k: usize| k < s.words.len() && s.words[k].len() == 1 && s.capitalized(k);
        if !single_capital(self, i) || !self.is_punct(i + 1, ".") {
            return None;
        }
        let mut k = i + 2;
        while self.is_punct(k, "-") && single_capital(self, k + 1) && self.is_punct(k + 2, ".") {
            k += 3;
        }
        // One initial alone must be followed by a first name or two name words.
        Some(k)
    }

    /// The end of a name whose first word is at `i` (all of it when `whole`, else the
    /// surname after a first name): capitalized words, capitals, particles; at most
    /// four words.
    fn name_end(&mut self, i: usize, whole: bool) -> Option<usize> {
        let mut j = i;
        let mut names = 0;
        while j < self.words.len() && j < i + 5 {
            // An initial ends the name: `Stéphane M.`
            if (names > 0 || !whole)
                && self.words[j].len() == 1
                && self.capitalized(j)
                && self.is_punct(j + 1, ".")
            {
                return Some(j + 2);
            }
            if self.name_word(j) && !self.words[j].is(Word::PUNCT) {
                // `Le`, `La`, `De` inside a name: a particle only before another name word.
                names += 1;
                j += 1;
                continue;
            }
            if self.capitalized(j)
                && self.key_is(j, |k| matches!(k, "le" | "la" | "de" | "du" | "des" | "d'"))
                && self.name_word(j + 1)
            {
                j += 1;
                continue;
            }
            if names > 0 || !whole {
                let w = self.words[j];
                let particle = self.lowercase_particle(j)
                    || (w.is(Word::LOWERCASE)
                        && ["al-", "el-", "ben-", "ould-", "abou-", "abu-"]
                            .iter()
                            .any(|p| self.word(j).starts_with(p)));
                if particle && self.word(j).contains('-') {
                    names += 1;
                    j += 1;
                    continue;
                }
                // `de La Roche`, `van der Berg`
                let capital_particle = |s: &mut Self, k: usize| {
                    s.capitalized(k)
                        && s.key_is(k, |key| {
                            matches!(key, "le" | "la" | "de" | "du" | "des" | "d'")
                        })
                        && s.name_word(k + 1)
                };
                if particle && (self.name_word(j + 1) || capital_particle(self, j + 1)) {
                    j += 1;
                    continue;
                }
                if particle
                    && j + 2 < self.words.len()
                    && self.lowercase_particle(j + 1)
                    && self.name_word(j + 2)
                {
                    j += 2;
                    continue;
                }
            }
            break;
        }
        (names > 0 && j > i).then_some(j)
    }

    /// Records a person from word `from` (title included) with name words `name..end`.
    fn push_person(
        &mut self,
        from: usize,
        name: usize,
        end: usize,
        full: bool,
        role: Option<&'static str>,
    ) {
        // A surname in capitals after a first name is written as a name.
        let range = self.words[from].start..self.words[end - 1].end;
        let name_range = self.words[name].start..self.words[end - 1].end;
        let surname_from = if full { (name + 1).min(end - 1) } else { name };
        let surname = self.words[surname_from].start..self.words[end - 1].end;
        self.found.push(Found {
            range,
            kind: ActorKind::Person,
            name: Some(self.text[name_range].to_string()),
            role,
            affiliation: None,
            surname: Some(surname),
            full,
            rank: RANK_PERSON,
        });
    }

    /// A name starting at word `i` that is made of a head noun and its complements:
    /// `tribunal correctionnel de Lyon`, `Agence nationale de la recherche`,
    /// `ministère chinois du commerce`, `conseil municipal`. Returns its word range.
    fn pattern_org(&mut self, i: usize) -> Option<Range<usize>> {
        let w = self.words[i];
        if w.is(Word::PUNCT) || w.is(Word::NUMBER) || w.is(Word::ALL_CAPS) {
            return None;
        }
        if self.cue(i) & Lexicon::ORG_HEAD == 0 {
            return None;
        }
        // The head: the longest entry of org-heads or org-alone. From the cue table,
        // beside the cues: the counts, and whether the word alone is an entry (a table
        // look-up, not hash and set ones).
        let one_word = self
            .lex
            .cue_table()
            .org_head(self.key(i).as_bytes())
            .unwrap_or(OrgHead {
                counts: 0,
                head: false,
                alone: false,
            });
        let mut head_end = None;
        for j in word_counts(one_word.counts, i, self.words.len()) {
            let lex = self.lex;
            let entry = if j == i + 1 {
                one_word.head || one_word.alone
            } else {
                let key = self.phrase_key(i, j);
                lex.org_heads.contains(key) || lex.org_alone.contains(key)
            };
            if entry {
                head_end = Some(j);
                break;
            }
        }
        let head_end = head_end?;
        // `le quotidien Libération`, `le groupe Orange`: a descriptive noun before a
        // name of the lexicon, which is the organization.
        if w.is(Word::LOWERCASE)
            && head_end < self.words.len()
            && self.words[head_end].is(Word::CAPITALIZED)
            && self.has(head_end, Lexicon::ORG_FORM)
            && self
                .lex
                .organization_at(self.text, self.words, head_end, &mut self.key)
                .is_some()
        {
            return None;
        }
        let capital_head = w.is(Word::CAPITALIZED) && i > 0 && !self.sentence_start(i);
        let mut j = head_end;
        let mut has_capital = capital_head;
        let mut has_demonym = false;
        let mut end = head_end;
        let mut complements = 0;
        // Adjectives and capitalized words right after the head.
        while j < self.words.len() && j < head_end + 3 {
            // `fédération CGT`, `association Droit au logement`, `Groupe Casino`
            let named_after = self.name_word(j) && (capital_head || !self.is_place(j));
            if j == head_end && (self.words[j].is(Word::ALL_CAPS) || named_after)
                || capital_head && named_after
            {
                has_capital = true;
                j += 1;
                end = j;
                continue;
            }
            if self.words[j].is(Word::LOWERCASE) && self.adjective(j) {
                has_demonym |= self.demonym(j).is_some();
                j += 1;
                end = j;
                continue;
            }
            break;
        }
        // Complements: `de la recherche`, `du Finistère`, `de paix et de sécurité`.
        while j < self.words.len() && complements < 4 {
            let mut k = j;
            if self.key_is(k, |key| key == "et") && self.has(k + 1, Lexicon::COMPLEMENT) {
                k += 1;
            }
            let prep = self.key_is(k, |key| {
                matches!(key, "de" | "d'" | "du" | "des" | "pour" | "aux" | "au")
            });
            if !prep {
                break;
            }
            k += 1;
            if self.key_is(k, |key| matches!(key, "la" | "l'" | "les" | "le")) {
                k += 1;
            }
            if k >= self.words.len() || self.words[k].is(Word::PUNCT) {
                break;
            }
            if self.capitalized(k) {
                if !self.name_word(k) {
                    break;
                }
                has_capital = true;
                k += 1;
                while self.name_word(k) {
                    k += 1;
                }
            } else if self.words[k].is(Word::LOWERCASE) && !self.has(k, Lexicon::STOP) {
                k += 1;
                while k < self.words.len() && self.words[k].is(Word::LOWERCASE) && self.adjective(k)
                {
                    k += 1;
                }
                // `des ports et docks`
                if self.key_is(k, |key| key == "et")
                    && k + 1 < self.words.len()
                    && self.words[k + 1].is(Word::LOWERCASE)
                    && !self.has(k + 1, Lexicon::STOP)
                    && !self.has(k + 1, Lexicon::COMPLEMENT)
                {
                    k += 2;
                }
            } else {
                break;
            }
            complements += 1;
            j = k;
            end = k;
        }
        let head_alone = if head_end == i + 1 {
            one_word.alone
        } else {
            self.lex.org_alone.contains(self.phrase_key(i, head_end))
        };
        let alone = head_alone
            || (head_end < end
                && self
                    .lex
                    .org_alone
                    .contains(self.phrase_key(i, head_end + 1)));
        let named = if capital_head {
            end > head_end
        } else {
            has_capital || alone || (has_demonym && complements > 0)
        };
        // `droits de douane`, `agents de police`: a generic use.
        if !capital_head && i > 0 && self.key_is(i - 1, |k| k == "de" || k == "d'") && !has_capital
        {
            return None;
        }
        if !named {
            return None;
        }
        // The head alone, lowercase: only when it names one institution by itself.
        if end == head_end && !head_alone {
            return None;
        }
        Some(i..end)
    }

    fn sentence_start(&self, i: usize) -> bool {
        i <= self.first_word
    }

    /// The country of a nationality adjective at word `i`.
    fn demonym(&self, i: usize) -> Option<&'static str> {
        if !self.has(i, Lexicon::DEMONYM) {
            return None;
        }
        self.lex.demonyms.get(self.key(i)).copied()
    }

    /// An adjective after a noun: of the list, a nationality, or by its ending.
    fn adjective(&mut self, i: usize) -> bool {
        if self.words[i].is(Word::PUNCT) {
            return false;
        }
        let cue = self.cue(i);
        if cue & (Lexicon::STOP | Lexicon::COMPLEMENT) != 0 {
            return false;
        }
        cue & (Lexicon::POST_ADJECTIVE | Lexicon::DEMONYM) != 0 || looks_adjective(self.key(i))
    }

    /// An acronym: two to six capitals, not a roman numeral nor a place nor a common
    /// abbreviation.
    fn acronym(&mut self, i: usize) -> bool {
        let w = self.words[i];
        if !w.is(Word::ALL_CAPS) || w.len() > 7 {
            return false;
        }
        let word = self.word(i);
        if word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
        {
            return false;
        }
        if word.chars().filter(|c| c.is_alphabetic()).count() > 6
            || !word
                .chars()
                .all(|c| c.is_alphanumeric() || c == '+' || c == '-')
        {
            return false;
        }
        let quoted = i > 0
            && self.words[i - 1].is(Word::PUNCT)
            && matches!(self.word(i - 1), "«" | "\"" | "“" | "‹");
        !quoted && !self.lex.not_organizations.contains(word) && !self.is_place(i)
    }

    /// `(FSR)` after `Forces de soutien rapide`: the acronym and, when the initials of
    /// the words before spell it, its expansion.
    fn parenthesized_acronyms(&mut self) {
        // From the first `(`: most sentences have none.
        let Some(first_paren) = self.first_paren else {
            return;
        };
        for i in first_paren.max(1)..self.words.len().saturating_sub(2) {
            if !(self.is_punct(i, "(") && self.is_punct(i + 2, ")")) {
                continue;
            }
            let w = self.words[i + 1];
            let word = self.word(i + 1);
            let capitals = word.chars().filter(|c| c.is_uppercase()).count();
            if !w.is(Word::CAPITALIZED) || w.len() > 12 || self.words[i - 1].is(Word::PUNCT) {
                continue;
            }
            if self.is_place(i + 1) || self.lex.first_name(word).is_some() {
                continue;
            }
            let covered = |f: &Found, start: usize| f.range.start <= start && start < f.range.end;
            let acronym_start = w.start;
            let before = self.words[i - 1].end;
            let expansion = self
                .found
                .iter()
                .rposition(|f| f.kind == ActorKind::Organization && f.range.end == before);
            let name = match expansion {
                Some(e) => self.found[e].name.clone(),
                None => {
                    let Some(from) = self.spelled_by_initials(i, word) else {
                        if capitals < 2 && !w.is(Word::ALL_CAPS) {
                            continue;
                        }
                        if !self.found.iter().any(|f| covered(f, acronym_start)) {
                            self.push_org(i + 1, i + 2, None, RANK_ACRONYM);
                        }
                        continue;
                    };
                    self.push_org(from, i, None, RANK_PATTERN);
                    Some(self.text[self.words[from].start..before].to_string())
                }
            };
            self.found.retain(|f| !covered(f, acronym_start));
            self.push_org(i + 1, i + 2, name.as_deref(), RANK_LEXICON);
        }
    }

    /// The first word of the phrase before word `paren` whose content words' initials
    /// spell `acronym` (`Institut des géosciences de l'environnement` for `IGE`).
    fn spelled_by_initials(&mut self, paren: usize, acronym: &str) -> Option<usize> {
        let letters: Vec<char> = acronym.chars().filter(|c| c.is_uppercase()).collect();
        if letters.len() < 2 {
            return None;
        }
        let mut want = letters.len();
        let mut k = paren;
        while k > 0 && want > 0 && paren - k < 12 {
            k -= 1;
            if self.words[k].is(Word::PUNCT) {
                return None;
            }
            if self.key_is(k, |key| {
                matches!(
                    key,
                    "de" | "d'"
                        | "du"
                        | "des"
                        | "la"
                        | "le"
                        | "les"
                        | "l'"
                        | "et"
                        | "pour"
                        | "à"
                        | "aux"
                        | "en"
                        | "sur"
                )
            }) {
                continue;
            }
            let initial = self.word(k).chars().next()?.to_uppercase().next()?;
            if initial != letters[want - 1] {
                return None;
            }
            want -= 1;
        }
        (want == 0 && (self.capitalized(k) || self.pattern_head(k))).then_some(k)
    }

    fn pattern_head(&self, k: usize) -> bool {
        self.lex.org_heads.contains(self.key(k))
    }

    /// Role and group noun phrases of the sentence; those next to a person's name
    /// become its role.
    fn role_chunks(&mut self) {
        let persons_from = self
            .found
            .iter()
            .rposition(|f| f.range.start < self.words[0].start)
            .map_or(0, |p| p + 1);
        self.persons.reset(persons_from);
        let openers = Lexicon::DET_SINGULAR
            | Lexicon::DET_PLURAL
            | Lexicon::NUMBER_WORD
            | Lexicon::COMPLEMENT;
        // A phrase needs a role noun or collective (see `head`): none starts after the
        // last word that may start one.
        let heads_end = self.heads_end;
        let mut i = 0;
        while i < heads_end {
            // Only a determiner, a number or `de` (`de nombreux`) opens a phrase.
            if !self.has(i, openers) {
                i += 1;
                continue;
            }
            // Most determiners open a phrase of no role noun: told by the next word,
            // without the walk of `chunk`.
            if !self.may_open_chunk(i) {
                i += 1;
                continue;
            }
            match self.chunk(i, true) {
                Some(chunk) => {
                    let end = chunk.words.end;
                    self.place_chunk(chunk);
                    i = end.max(i + 1);
                }
                None => i += 1,
            }
        }
        // Appositions after a name: `Jean Marin, procureur de Paris,`.
        let persons: Vec<usize> = (persons_from..self.found.len())
            .filter(|&p| self.found[p].kind == ActorKind::Person && self.found[p].role.is_none())
            .collect();
        for p in persons {
            let end = self.found[p].range.end;
            let after = self.index_at(end, 0);
            if !self.is_punct(after, ",") {
                continue;
            }
            if let Some(chunk) = self.chunk(after + 1, false) {
                if !chunk.group {
                    self.found[p].role = Some(chunk.lemma);
                    self.found[p].affiliation = chunk.affiliation;
                }
            }
        }
    }

    /// Whether a role or group phrase may open at word `i`, as [`Scan::chunk`] with a
    /// determiner reads it: the word after the determiner is the role noun or
    /// collective, or one of the words `chunk` passes over before it (`nombreux`,
    /// `autres`, a number, `et`, a quantity, an adjective). When it is none of
    /// these, `chunk` finds no phrase at `i`.
    #[inline]
    fn may_open_chunk(&self, i: usize) -> bool {
        let next = i + 1;
        next < self.words.len()
            && (self.words[next].is(Word::NUMBER)
                || self.has(
                    next,
                    Lexicon::ROLE_HEAD
                        | Lexicon::NUMBER_WORD
                        | Lexicon::QUANTITY
                        | Lexicon::PRE_ADJECTIVE,
                )
                || self.key_is(next, |key| {
                    matches!(key, "et" | "nombreux" | "nombreuses" | "autres")
                }))
    }

    /// Records a chunk as a role or group, or as the role of the person it precedes.
    fn place_chunk(&mut self, chunk: Chunk) {
        let end = self.words[chunk.words.end - 1].end;
        let mut next = chunk.words.end;
        if self.is_punct(next, ",") {
            next += 1;
        }
        if !chunk.group {
            // The person named right after: `le ministre chinois Wang Lihua`, `le
            // procureur de Paris, Jean Marin`.
            self.persons.update(&self.found);
            let person = self
                .words
                .get(next)
                .and_then(|w| self.persons.by_start.get(&w.start).copied());
            if let Some(p) = person {
                self.found[p].role = Some(chunk.lemma);
                self.found[p].affiliation = chunk.affiliation;
                return;
            }
            // An unknown name right after the role noun (`le ministre chinois Wang
            // Lihua`), or set off by commas and of two words at least (`le ministre
            // chinois des Affaires étrangères, Wang Lihua,`).
            if self.name_word(next) && !self.is_place(next) && !self.org_at(next) {
                let end = self.name_end(next, true).filter(|&e| {
                    next == chunk.words.end
                        || (e >= next + 2
                            && (e == self.words.len() || self.words[e].is(Word::PUNCT)))
                });
                if let Some(name_end) = end {
                    self.push_person(next, next, name_end, true, Some(chunk.lemma));
                    if let Some(last) = self.found.last_mut() {
                        last.affiliation = chunk.affiliation;
                    }
                    return;
                }
            }
        }
        // The person named right before: `Thomas Berthier, le ministre délégué`.
        let first = chunk.words.start;
        if !chunk.group && first >= 2 && self.is_punct(first - 1, ",") {
            let before = self.words[first - 2].end;
            self.persons.update(&self.found);
            let person = self.persons.by_end.get(&before).copied();
            if let Some(p) = person {
                if self.found[p].role.is_none() {
                    self.found[p].role = Some(chunk.lemma);
                    self.found[p].affiliation = chunk.affiliation;
                }
                return;
            }
        }
        if self.anonymous_after(chunk.words.end) {
            return;
        }
        self.found.push(Found {
            range: self.words[chunk.words.start].start..end,
            kind: if chunk.group {
                ActorKind::Group
            } else {
                ActorKind::Role
            },
            name: None,
            role: Some(chunk.lemma),
            affiliation: chunk.affiliation,
            surname: None,
            full: false,
            rank: 0,
        });
    }

    /// Whether an organization was found starting at word `i`.
    fn org_at(&self, i: usize) -> bool {
        self.org_starting_at(i).is_some()
    }

    /// The byte end and name of the organization found starting at word `i` (among
    /// the last ones found: those of the current sentence).
    fn org_starting_at(&self, i: usize) -> Option<(usize, Option<String>)> {
        let start = self.words[i].start;
        self.found
            .iter()
            .rev()
            .take(12)
            .find(|f| f.kind == ActorKind::Organization && f.range.start == start)
            .map(|f| (f.range.end, f.name.clone()))
    }

    /// An anonymity marker right after a phrase: `, sous couvert d'anonymat`, `qui a
    /// requis l'anonymat`, `qui n'a pas souhaité être nommé`.
    fn anonymous_after(&mut self, i: usize) -> bool {
        let end = (i + 9).min(self.words.len());
        (i..end).any(|k| {
            self.key_is(k, |key| {
                matches!(key, "anonymat" | "anonyme" | "anonymes" | "anonymement")
            }) || (self.key_is(k, |key| key == "être")
                && self.key_is(k + 1, |key| {
                    matches!(
                        key,
                        "nommé"
                            | "nommée"
                            | "cité"
                            | "citée"
                            | "identifié"
                            | "identifiée"
                            | "nommés"
                            | "cités"
                    )
                }))
        })
    }

    /// A role or group phrase starting at word `i` (at its determiner unless
    /// `determined` is false).
    fn chunk(&mut self, i: usize, determined: bool) -> Option<Chunk> {
        let n = self.words.len();
        let mut k = i;
        let mut plural_det = false;
        if determined {
            // `de nombreux`, `d'autres`, `la plupart des`, `une vingtaine de`.
            let det = if self.key_is(k, |key| key == "de" || key == "d'")
                && self.key_is(k + 1, |key| {
                    matches!(key, "nombreux" | "nombreuses" | "autres")
                }) {
                k += 2;
                Some(true)
            } else {
                if k >= n || self.words[k].is(Word::PUNCT) || self.words[k].len() > 12 {
                    return None;
                }
                let cue = self.cue(k);
                let d = if cue & Lexicon::DET_SINGULAR != 0 {
                    Some(false)
                } else if cue & (Lexicon::DET_PLURAL | Lexicon::NUMBER_WORD) != 0 {
                    Some(true)
                } else {
                    None
                };
                if d.is_some() {
                    k += 1;
                }
                d
            };
            plural_det = det?;
            // `il la juge`, `qui le cadre`: a pronoun, not an article.
            if i > 0
                && self.key_is(i, |key| matches!(key, "le" | "la" | "les" | "l'"))
                && self.key_is(i - 1, |key| {
                    matches!(
                        key,
                        "il" | "elle"
                            | "on"
                            | "ils"
                            | "elles"
                            | "qui"
                            | "ne"
                            | "n'"
                            | "je"
                            | "nous"
                            | "vous"
                    )
                })
            {
                return None;
            }
            // A number after the determiner: `les deux délégations`, `environ 400`.
            while k < n
                && (self.words[k].is(Word::NUMBER)
                    || self.has(k, Lexicon::NUMBER_WORD)
                    || self.key_is(k, |key| key == "et"))
            {
                plural_det = true;
                k += 1;
            }
            // A quantity: `une vingtaine de`, `plusieurs centaines de`, `la plupart des`.
            if self.has(k, Lexicon::QUANTITY) && self.has(k + 1, Lexicon::COMPLEMENT) {
                let collective_noun = self.key_is(k, |key| {
                    matches!(key, "délégation" | "équipe" | "collectif")
                });
                if !collective_noun || self.key_is(k + 2, |_| true) && self.plural_head_at(k + 2) {
                    k += 2;
                    plural_det = true;
                }
            }
        }
        // Adjectives before the noun: `une haute responsable`, `l'ancien ministre`.
        while k < n && self.key_is(k, |_| true) {
            let key = self.key(k);
            if self.has(k, Lexicon::PRE_ADJECTIVE) && !self.lex.roles.contains_key(key) {
                k += 1;
            } else {
                break;
            }
        }
        // The head: the longest role noun or collective.
        let (head_end, lemma, plural, collective) = self.head(k)?;
        if !determined && !self.words[k].is(Word::LOWERCASE) {
            return None;
        }
        // `dans le cadre de`: the idiom, not a manager.
        if lemma == "cadre"
            && !plural
            && self.key(i) == "le"
            && self.has(head_end, Lexicon::COMPLEMENT)
        {
            return None;
        }
        let group = plural || collective || (plural_det && determined);
        let mut j = head_end;
        let mut affiliation = None;
        // Adjectives after it, coordinated nationalities: `russes et américaines`, and
        // a party or organization: `le député LFI`.
        loop {
            if j < n && self.words[j].is(Word::CAPITALIZED) {
                if let Some((org_end, name)) = self.org_starting_at(j) {
                    j = self.index_at(org_end, j);
                    affiliation = affiliation.or(name);
                    continue;
                }
            }
            if j < n
                && self.words[j].is(Word::LOWERCASE)
                && self.adjective(j)
                && (!self.is_head(j) || self.has(j, Lexicon::POST_ADJECTIVE))
            {
                if affiliation.is_none() {
                    affiliation = self.demonym(j).map(str::to_string);
                }
                j += 1;
                continue;
            }
            if self.key_is(j, |key| key == "et")
                && j + 1 < n
                && self.words[j + 1].is(Word::LOWERCASE)
                && self.demonym(j + 1).is_some()
                && j > head_end
            {
                j += 2;
                continue;
            }
            break;
        }
        // Complements: `du département d'État`, `de la commune`, `de 43 ans`.
        let mut complements = 0;
        while complements < 3 {
            let mut k = j;
            if complements > 0
                && self.key_is(k, |key| key == "et")
                && self.has(k + 1, Lexicon::COMPLEMENT)
            {
                k += 1;
            }
            // `chargée de la mobilité`
            if self.key_is(k, |key| {
                matches!(key, "chargé" | "chargée" | "chargés" | "chargées")
            }) && self.has(k + 1, Lexicon::COMPLEMENT)
            {
                k += 1;
            }
            // `le ministre délégué au commerce extérieur`, `l'adjointe à la culture`
            let to = !group && self.key_is(k, |key| matches!(key, "au" | "aux" | "à"));
            if !self.has(k, Lexicon::COMPLEMENT) && !to {
                break;
            }
            if to
                && self.key_is(k, |key| key == "à")
                && !self.key_is(k + 1, |key| key == "la" || key == "l'")
            {
                break;
            }
            k += 1;
            if self.key_is(k, |key| {
                matches!(
                    key,
                    "la" | "l'"
                        | "le"
                        | "les"
                        | "ce"
                        | "cette"
                        | "cet"
                        | "ces"
                        | "son"
                        | "sa"
                        | "ses"
                        | "leur"
                        | "leurs"
                )
            }) {
                k += 1;
            }
            if k >= n || self.words[k].is(Word::PUNCT) {
                break;
            }
            if self.words[k].is(Word::NUMBER) {
                // `de 43 ans`
                if self.key_is(k + 1, |key| key == "ans") {
                    j = k + 2;
                    complements += 1;
                    continue;
                }
                break;
            }
            if self.capitalized(k) {
                if !self.name_word(k) || self.first_name_at(k) && self.name_word(k + 1) {
                    break;
                }
                if let Some((org_end, name)) = self.org_starting_at(k) {
                    k = self.index_at(org_end, k);
                    if affiliation.is_none() {
                        affiliation = name;
                    }
                } else {
                    k += 1;
                    while self.name_word(k) {
                        k += 1;
                    }
                }
                // `du département d'État américain`
                while k < n && self.words[k].is(Word::LOWERCASE) && self.adjective(k) {
                    if let Some(country) = self.demonym(k) {
                        affiliation = Some(country.to_string());
                    }
                    k += 1;
                }
            } else if self.words[k].is(Word::LOWERCASE) && !self.has(k, Lexicon::STOP) {
                k += 1;
                while k < n && self.words[k].is(Word::LOWERCASE) && self.adjective(k) {
                    if affiliation.is_none() {
                        affiliation = self.demonym(k).map(str::to_string);
                    }
                    k += 1;
                }
            } else {
                break;
            }
            // `de Normandie et de Bretagne`
            j = k;
            complements += 1;
        }
        Some(Chunk {
            words: i..j,
            lemma,
            group,
            affiliation,
            determined,
        })
        .filter(|c| c.words.end > c.words.start && (c.determined || !c.group))
    }

    /// Whether a role noun or collective starts at word `i`.
    fn is_head(&mut self, i: usize) -> bool {
        self.head(i).is_some()
    }

    fn plural_head_at(&mut self, i: usize) -> bool {
        self.head(i).is_some_and(|h| h.2 || h.3)
    }

    /// The role noun or collective at word `i`: its end, lemma, whether plural, and
    /// whether a collective.
    fn head(&mut self, i: usize) -> Option<(usize, &'static str, bool, bool)> {
        let n = self.words.len();
        if i >= n || self.words[i].is(Word::PUNCT) || self.words[i].is(Word::NUMBER) {
            return None;
        }
        if self.cue(i) & Lexicon::ROLE_HEAD == 0 {
            return None;
        }
        // From the cue table, beside the cues: a table look-up, not a hash one.
        let facts = self
            .lex
            .cue_table()
            .role_head(self.key(i).as_bytes())
            .unwrap_or(RoleHead {
                counts: 0,
                role: None,
                collective: None,
            });
        for j in word_counts(facts.counts, i, n) {
            let lex = self.lex;
            if j == i + 1 {
                // The word alone, most heads: its entries are in the table (the same
                // as `roles` and `collectives` give for its key), no phrase key to
                // build nor hash look-ups.
                if let Some(form) = facts.role {
                    return Some((j, form.lemma, form.plural, false));
                }
                if let Some(lemma) = facts.collective {
                    return Some((j, lemma, true, true));
                }
                continue;
            }
            let key = self.phrase_key(i, j);
            if let Some(form) = lex.roles.get(key).copied() {
                return Some((j, form.lemma, form.plural, false));
            }
            if let Some(lemma) = lex.collectives.get(key) {
                return Some((j, lemma, true, true));
            }
        }
        None
    }

    /// Later mentions by surname alone, in the current sentence's words: the first of
    /// `persons` (surname, full name) whose surname starts there. `first_bytes` marks
    /// the first bytes of the surnames: a word starting with another is none of them.
    /// `starts` are the sentence's words of [`Scan::starts`], by their index in the
    /// document (that of `words[0]` is `base`): every capitalized word is one, and no
    /// other starts a surname.
    #[inline(never)]
    fn surnames(
        &mut self,
        words: &[Word],
        base: usize,
        starts: &[usize],
        persons: &[(String, String)],
        first_bytes: &[bool; 256],
    ) {
        for &start in starts {
            let i = start - base;
            let w = &words[i];
            if !w.is(Word::CAPITALIZED) {
                continue;
            }
            let start = w.start;
            let first_byte = self.text.as_bytes()[start];
            if !first_bytes[usize::from(first_byte)] {
                continue;
            }
            // The first byte first: most surnames differ there, without a comparison call.
            let Some((surname, full)) = persons.iter().find(|(s, _)| {
                s.as_bytes().first() == Some(&first_byte)
                    && self.text[start..].starts_with(s.as_str())
                    && !self.text[start + s.len()..]
                        .chars()
                        .next()
                        .is_some_and(crate::places::is_word_char)
            }) else {
                continue;
            };
            let end = start + surname.len();
            let at = self.named.partition_point(|r| r.start < end);
            if self.named[at.saturating_sub(4)..at]
                .iter()
                .any(|r| start < r.end)
            {
                continue;
            }
            // `à Brassac` is the town, `Brassac a dit` the person.
            let place_word = i > 0 && {
                let before = words[i - 1].text(self.text);
                self.lex.cue(words::key(before, &mut self.key)) & Lexicon::PLACE_PREPOSITION != 0
            };
            if place_word && self.place_starting(start).is_some() {
                continue;
            }
            self.found.push(Found {
                range: start..end,
                kind: ActorKind::Person,
                name: Some(full.clone()),
                role: None,
                affiliation: None,
                surname: None,
                full: false,
                rank: RANK_PERSON,
            });
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod start_tests {
    use super::*;

    /// Whether [`Scan::sentence`], looking at every word as it first did, gets past
    /// its first test at a word and reaches one of its rules.
    fn reaches_a_rule_reference(w: &Word, cues: u32) -> bool {
        // The first test: an uncapitalized word of no list starts nothing.
        if w.is(Word::PUNCT) || cues == 0 && !w.is(Word::CAPITALIZED) {
            return false;
        }
        let form_cue = if w.is(Word::CAPITALIZED) {
            Lexicon::ORG_FORM
        } else {
            Lexicon::ORG_FORM_LOWERCASE
        };
        // A lexicon organization, a person, a pattern name, an acronym.
        cues & form_cue != 0
            || w.is(Word::CAPITALIZED)
            || cues & Lexicon::ORG_HEAD != 0
            || w.is(Word::ALL_CAPS)
    }

    proptest::proptest! {
        #[test]
        fn looks_adjective_is_the_reference(
            key in "[a-zéè]{0,7}(al|ale|ales|aux|el|elle|elles|els|ien|ienne|iens|ique|iques|aire|if|ifs|ive|ives|éen|éenne|éens|iste|istes|ais|aise|aises|s|e|x|n|f|l)?"
        ) {
            proptest::prop_assert_eq!(looks_adjective(&key), looks_adjective_reference(&key));
        }
    }

    #[test]
    fn adjective_endings() {
        for word in [
            "régional",
            "fédéraux",
            "judiciaires",
            "européennes",
            "marseillais",
            "lyonnaise",
            "actif",
        ] {
            assert!(looks_adjective(word), "{word}");
        }
        // Too short, or no ending.
        for word in ["jamais", "bal", "ciel", "maison", "", "é"] {
            assert!(!looks_adjective(word), "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn every_capitalized_word_is_a_start(
            text in "([A-ZÉa-zé]{1,6}|[A-Z]{2,4}|[0-9]{1,3}|[ .,;:!?()«»’'-]){0,40}"
        ) {
            let starts = document_starts(&text);
            let doc = Document::new(&text);
            let words = &doc.words().words;
            let capitalized: Vec<usize> =
                (0..words.len()).filter(|&i| words[i].is(Word::CAPITALIZED)).collect();
            let capital_starts: Vec<usize> =
                starts.iter().copied().filter(|&i| words[i].is(Word::CAPITALIZED)).collect();
            proptest::prop_assert_eq!(capital_starts, capitalized);
            // In order, each once.
            proptest::prop_assert!(starts.windows(2).all(|pair| pair[0] < pair[1]));
        }
    }

    /// [`Scan::starts`] after [`Scan::fill_cues`] on every sentence of `text`.
    fn document_starts(text: &str) -> Vec<usize> {
        let doc = Document::new(text);
        let mut scan = Scan::new(&doc, &[]);
        for range in &doc.words().sentences {
            scan.start_sentence(range.clone());
            scan.fill_cues();
        }
        scan.starts
    }

    proptest::proptest! {
        #[test]
        fn heads_end_is_after_the_last_role_head(
            text in "(ministre|maire|habitants|le|des|[A-Za-zé]{1,6}|[.,;()’' -]){0,30}"
        ) {
            let doc = Document::new(&text);
            let mut scan = Scan::new(&doc, &[]);
            for range in &doc.words().sentences {
                scan.start_sentence(range.clone());
                scan.fill_cues();
                let reference = (0..scan.words.len())
                    .rposition(|k| scan.has(k, Lexicon::ROLE_HEAD))
                    .map_or(0, |k| k + 1);
                proptest::prop_assert_eq!(scan.heads_end, reference);

            }
        }
    }

    proptest::proptest! {
        #[test]
        fn a_chunk_opens_only_where_it_may(
            text in "(le|la|les|des|de|d'|une|deux|et|nombreux|autres|plupart|centaines|haute|ancien|ministre|maire|habitants|chat|[A-Za-zé]{1,6}|[0-9]{1,3}|[.,;()’' -]){0,30}"
        ) {
            let doc = Document::new(&text);
            let mut scan = Scan::new(&doc, &[]);
            for range in &doc.words().sentences {
                scan.start_sentence(range.clone());
                scan.fill_cues();
                for i in 0..scan.words.len() {
                    if !scan.may_open_chunk(i) {
                        proptest::prop_assert!(scan.chunk(i, true).is_none(), "{}", i);
                    }
                }
            }
        }
    }

    #[test]
    fn the_words_that_may_open_a_chunk() {
        let text = "Le chat de nombreux habitants, les deux ministres et le 3 mai.";
        let doc = Document::new(text);
        let mut scan = Scan::new(&doc, &[]);
        scan.start_sentence(doc.words().sentences[0].clone());
        scan.fill_cues();
        let opening: Vec<&str> = (0..scan.words.len())
            .filter(|&i| scan.may_open_chunk(i))
            .map(|i| scan.word(i))
            .collect();
        // Before a role noun, `nombreux`, a number; not before `chat` nor `mai`.
        assert_eq!(
            opening,
            ["de", "nombreux", "les", "deux", "ministres", "le"]
        );
    }

    #[test]
    fn heads_end_of_a_sentence() {
        let doc = Document::new("Le ministre parle. Il pleut.");
        let mut scan = Scan::new(&doc, &[]);
        let mut ends = Vec::new();
        for range in &doc.words().sentences {
            scan.start_sentence(range.clone());
            scan.fill_cues();
            ends.push(scan.heads_end);
        }
        assert_eq!(ends, [2, 0]);
    }

    #[test]
    fn the_starts_of_a_document() {
        let text = "Hier, Jean Marin a vu le tribunal. La ville de Lyon.";
        let doc = Document::new(text);
        let starts: Vec<&str> = document_starts(text)
            .iter()
            .map(|&i| doc.words().words[i].text(text))
            .collect();
        // The capitalized words, and a lowercase organization head.
        assert_eq!(starts, ["Hier", "Jean", "Marin", "tribunal", "La", "Lyon"]);
    }

    #[test]
    fn the_starts_are_the_words_that_reach_a_rule() {
        let some_cues = [
            0,
            Lexicon::ORG_FORM,
            Lexicon::ORG_FORM_LOWERCASE,
            Lexicon::ORG_HEAD,
            Lexicon::STOP,
            Lexicon::DET_SINGULAR | Lexicon::ORG_FORM,
            Lexicon::ROLE_HEAD | Lexicon::ORG_HEAD,
        ];
        let mut starts = 0;
        for flags in 0..=u8::MAX {
            for cues in some_cues {
                let w = Word::new(0, 3, flags);
                assert_eq!(
                    may_start(&w, cues),
                    reaches_a_rule_reference(&w, cues),
                    "flags {flags:#b}, cues {cues:#b}"
                );
                starts += usize::from(may_start(&w, cues));
            }
        }
        // Neither all nor none.
        assert!(0 < starts && starts < 256 * some_cues.len());
    }
}
