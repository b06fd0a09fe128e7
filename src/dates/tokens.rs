//! The tokens the date grammar reads: words (lowercased, with their class in the
//! date vocabulary of `words.txt`), numbers, ordinals (`1er`, `XIXe`) and punctuation.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use crate::document::Words;
use crate::lexicon::{self, Fnv1a};
use crate::words::Word;

/// What a word of the date vocabulary is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Month(u32),
    Weekday(u32),
    Number(u32),
    Approx(u32),
    Ordinal(u32),
    Unit(Unit),
    Season(&'static str),
    Part(&'static str),
    Clock(u32),
    Day(i64),
    Anaphor(i64),
    /// A fixed holiday: month and day.
    Holiday(u32, u32),
    Vague,
    Last,
    Next,
    This,
    /// A function word an expression may start with (`depuis`, `le`, `entre`).
    Starter,
}

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
    Millennium,
    Quarter,
    Half,
}

impl Unit {
    fn parse(code: &str) -> Option<Unit> {
        Some(match code {
            "Y" => Unit::Year,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "ML" => Unit::Millennium,
            "Q" => Unit::Quarter,
            "HY" => Unit::Half,
            _ => return None,
        })
    }

    /// The TIMEX3 duration letter(s), and whether it is a time unit (after `T`).
    pub fn timex(self) -> (&'static str, bool) {
        match self {
            Unit::Year => ("Y", false),
            Unit::Month => ("M", false),
            Unit::Week => ("W", false),
            Unit::Day => ("D", false),
            Unit::Hour => ("H", true),
            Unit::Minute => ("M", true),
            Unit::Second => ("S", true),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
            Unit::Millennium => ("ML", false),
            Unit::Quarter => ("Q", false),
            Unit::Half => ("HY", false),
        }
    }
}

/// The classes of a word (a few words have two: `sept` is 7 and September).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub first: Class,
    pub second: Option<Class>,
    /// One of its classes makes a token strong ([`strong_class`]): told once here,
    /// where each token asked it of both classes.
    pub strong: bool,
}

struct Vocabulary {
    /// The words and their classes by [`vocabulary_hash`], in an open-addressing table
    /// (hash 0 is empty): a probe is one load where a `HashMap` hashes, groups and
    /// compares, and every word of a sentence is looked up.
    words: Vec<Slot>,
    /// The same words in a `HashMap`: the reference the table is tested against.
    #[cfg(test)]
    map: HashMap<&'static str, Entry, BuildHasherDefault<Fnv1a>>,
    longest: usize,
    /// Hashes ([`word_hash`]) of the words that make a token strong, in an
    /// open-addressing table (0 is empty).
    strong: Vec<u64>,
    /// For each first byte, a bit for each length (up to 63 bytes) of the words
    /// starting with it: most words of a text are rejected without hashing.
    lengths: [u64; 256],
    /// For each last byte, a bit for each length (up to 63 bytes) of the words ending
    /// with it: with [`Self::lengths`], most words that share a word's first byte and
    /// length (a capitalized name's key, a long word) are rejected without hashing.
    last_lengths: [u64; 256],
    /// The same for the words of `strong`.
    strong_lengths: [u64; 256],
    /// For each last byte with bit `0x20` set, a bit for each length (up to 63
    /// bytes) of the words of `strong` ending with it: with [`Self::strong_lengths`],
    /// most words of a text that share a strong word's first byte and length are
    /// rejected without hashing. The bit `0x20` lowercases an ASCII letter and the
    /// last byte of a Latin-1 capital (`É` is `0xc3 0x89`, `é` is `0xc3 0xa9`), and
    /// leaves a lowercase one as it is.
    strong_last_lengths: [u64; 256],
    /// [`folded_hash`]es of the words that make a token strong, in an open-addressing
    /// table (0 is empty), probed from [`first_slot`].
    strong_folded: Vec<u64>,
    /// The hash of `été`.
    ete: u64,
}

/// A slot of [`Vocabulary::words`].
#[derive(Clone, Copy)]
struct Slot {
    hash: u64,
    /// The bytes of a word of at most eight bytes, as [`read_word`] reads them (0
    /// for a longer word).
    chunk: u64,
    word: &'static str,
    entry: Entry,
}

/// Slots of the vocabulary table: a power of two well above the word count.
const WORD_SLOTS: usize = 1024;

impl Vocabulary {
    /// The classes of a lowercase word.
    fn get(&self, word: &str) -> Option<&Entry> {
        if !self.may_hold(word) {
            return None;
        }
        self.get_hashed(vocabulary_hash(word.as_bytes()), word)
    }

    /// The classes of the lowercase word [`read_word`] read as `(h, chunk)`, of
    /// `len` bytes: a word of at most eight bytes is the one of the table if it has
    /// its length and its bytes, one comparison where [`Self::get_hashed`] compared
    /// the strings (a call to `memcmp` for about a word in three, the function
    /// words `le`, `de`, `la` of the vocabulary).
    #[inline]
    fn get_read(&self, (h, chunk): (u64, u64), len: usize) -> Option<&Entry> {
        let mut slot = first_slot(h);
        loop {
            let s = &self.words[slot];
            if s.hash == 0 {
                return None;
            }
            if s.hash == h && s.chunk == chunk && s.word.len() == len {
                return Some(&s.entry);
            }
            slot = (slot + 1) % WORD_SLOTS;
        }
    }

    /// The classes of a lowercase word of [`vocabulary_hash`] `h`.
    #[inline]
    fn get_hashed(&self, h: u64, word: &str) -> Option<&Entry> {
        let mut slot = first_slot(h);
        loop {
            let s = &self.words[slot];
            if s.hash == 0 {
                return None;
            }
            if s.hash == h && s.word == word {
                return Some(&s.entry);
            }
            slot = (slot + 1) % WORD_SLOTS;
        }
    }

    /// Whether a word of the vocabulary has the first byte and length of `word`, and
    /// its last byte and length.
    fn may_hold(&self, word: &str) -> bool {
        let len = word.len();
        let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) else {
            return false;
        };
        len <= self.longest
            && len < 64
            && self.lengths[usize::from(first)] & self.last_lengths[usize::from(last)] & (1 << len)
                != 0
    }

    /// Whether a word of [`letters_end`] (any case) may be strong: a strong word has
    /// its first byte, lowercase, and its length, and its last byte (with bit
    /// `0x20`) and its length.
    #[inline]
    fn may_be_strong(&self, word: &[u8]) -> bool {
        let len = word.len();
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return false;
        };
        len < 64
            && self.strong_lengths[usize::from(first.to_ascii_lowercase())]
                & self.strong_last_lengths[usize::from(last | 0x20)]
                & (1 << len)
                != 0
    }

    /// Whether the word `bytes[start..end]` of [`letters_end`] (any case) makes a
    /// token strong, after the word `previous`: `été` does not after a form of
    /// `avoir`. Only the first test, [`Self::may_be_strong`], is inlined: it rejects
    /// most words. The words it lets through (`des`, `dans`, `ont`: a strong word's
    /// first byte, last byte and length) are mostly rejected by their folded hash
    /// ([`Self::may_fold_to_strong`]), one read of the text, where [`Self::is_strong_word`]
    /// hashed them a byte at a time.
    #[inline]
    fn makes_strong(
        &self,
        bytes: &[u8],
        start: usize,
        end: usize,
        previous: Option<&[u8]>,
    ) -> bool {
        let word = &bytes[start..end];
        self.may_be_strong(word)
            && self.may_fold_to_strong(bytes, start, end)
            && self.is_strong_word(word, previous)
    }

    /// Whether the word `bytes[start..end]` of [`letters_end`] has the [`folded_hash`]
    /// of a word that makes a token strong: every word that lowercases to one does
    /// (its folded bytes are those of its lowercase form), and few others.
    #[inline(never)]
    fn may_fold_to_strong(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        let h = read_folded(bytes, start, end).unwrap_or_else(|| folded_hash(&bytes[start..end]));
        let mut slot = first_slot(h);
        loop {
            match self.strong_folded[slot] {
                0 => return false,
                s if s == h => return true,
                _ => slot = (slot + 1) % STRONG_SLOTS,
            }
        }
    }

    /// [`Self::makes_strong`] past its first test: the word is hashed. `été` counts
    /// only after a word the grammar reads a season after ([`SEASON_LEADS`]).
    #[inline(never)]
    fn is_strong_word(&self, word: &[u8], previous: Option<&[u8]>) -> bool {
        let h = lowercase_hash(word);
        self.is_strong(h)
            && (h != self.ete
                || previous.is_some_and(|p| SEASON_LEAD_HASHES.contains(&lowercase_hash(p))))
    }

    /// Whether `h` is the [`word_hash`] of a word that makes a token strong.
    fn is_strong(&self, h: u64) -> bool {
        let mut slot = h as usize % STRONG_SLOTS;
        loop {
            match self.strong[slot] {
                0 => return false,
                s if s == h => return true,
                _ => slot = (slot + 1) % STRONG_SLOTS,
            }
        }
    }
}

/// Slots of the strong-word tables: a power of two well above the word count.
const STRONG_SLOTS: usize = 1024;

// [`Vocabulary::strong_folded`] is probed from [`first_slot`], a slot of the
// vocabulary table.
const _: () = assert!(STRONG_SLOTS == WORD_SLOTS);

/// The hash of the vocabulary table: the word's bytes read eight at a time
/// (little-endian, the last chunk padded with zeros), each chunk mixed in by a
/// multiplication. A word of ASCII letters is hashed from one read of the text
/// ([`read_word`]), where FNV-1a took a multiplication a byte.
fn vocabulary_hash(word: &[u8]) -> u64 {
    let mut h = word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        h = mix_chunk(h, u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let c = rest
            .iter()
            .rev()
            .fold(0u64, |c, &b| (c << 8) | u64::from(b));
        h = mix_chunk(h, c);
    }
    h | 1
}

/// One step of [`vocabulary_hash`].
#[inline]
fn mix_chunk(h: u64, chunk: u64) -> u64 {
    (h ^ chunk).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The first slot of [`Vocabulary::words`] to probe for hash `h`: its top bits, the
/// best mixed by the multiplication.
#[inline]
fn first_slot(h: u64) -> usize {
    (h >> (64 - WORD_SLOTS.trailing_zeros())) as usize
}

/// [`vocabulary_hash`] of the word `bytes[start..end]`, and its bytes as one number
/// (little-endian, padded with zeros), for a word of at most eight bytes with eight
/// bytes of `bytes` from its start (most words): one read hashes it, where a loop
/// did a byte at a time. `None` for another word.
#[inline]
fn read_word(bytes: &[u8], start: usize, end: usize) -> Option<(u64, u64)> {
    let len = end - start;
    // One test for the length (1 to 8 wraps below 8), then one for the eight bytes
    // after the start.
    if len.wrapping_sub(1) >= 8 {
        return None;
    }
    let chunk = u64::from_le_bytes(*bytes.get(start..)?.first_chunk::<8>()?);
    // The lanes of the word's bytes.
    let lanes = u64::MAX >> (64 - 8 * len);
    let chunk = chunk & lanes;
    Some((mix_chunk(len as u64, chunk) | 1, chunk))
}

/// [`read_word`] of the lowercase form of the ASCII word `bytes[start..end]` of
/// letters ([`Word::LETTERS`], [`letters_end`]; a capitalized name, `Le` at a
/// sentence's start): its ASCII letters lowercase by setting bit `0x20`, so that its
/// key is hashed from one read of the text, where it was fetched and hashed a byte
/// at a time. `None` for a word of a non-ASCII byte, or one [`read_word`] does not
/// read.
#[inline]
fn read_lowered(bytes: &[u8], start: usize, end: usize) -> Option<(u64, u64)> {
    let len = end - start;
    let (_, chunk) = read_word(bytes, start, end)?;
    // The lanes of the word's bytes, each with only bit 0x20 (the chunk is masked).
    let lower_bits = 0x2020_2020_2020_2020 >> (64 - 8 * len);
    if chunk & 0x8080_8080_8080_8080 != 0 {
        return None;
    }
    let chunk = chunk | lower_bits;
    Some((mix_chunk(len as u64, chunk) | 1, chunk))
}

/// [`vocabulary_hash`] of the bytes of `word` with bit `0x20` set: the same for a
/// word of [`letters_end`] and its lowercase form (the bit lowercases an ASCII
/// letter and the second byte of a Latin-1 capital, and a lowercase letter keeps
/// it), which the table of [`Vocabulary::strong_folded`] is looked up by.
fn folded_hash(word: &[u8]) -> u64 {
    let mut h = word.len() as u64;
    for chunk in word.chunks(8) {
        let c = chunk
            .iter()
            .rev()
            .fold(0u64, |c, &b| (c << 8) | u64::from(b | 0x20));
        h = mix_chunk(h, c);
    }
    h | 1
}

/// [`folded_hash`] of the word `bytes[start..end]` by [`read_hash`].
#[inline]
fn read_folded(bytes: &[u8], start: usize, end: usize) -> Option<u64> {
    read_hash(bytes, start, end, 0x2020_2020_2020_2020)
}

/// [`vocabulary_hash`] of the word `bytes[start..end]`, each byte or-ed with the
/// byte of `fold` (0 for the word itself), by one read of eight bytes or two of
/// sixteen, as [`read_word`]: a word of nine to sixteen bytes (`plusieurs`,
/// `désormais`) is hashed without a loop over its bytes. `None` for a word of more
/// than sixteen bytes, or without sixteen bytes of `bytes` from its start (eight
/// for a word of at most eight).
#[inline]
fn read_hash(bytes: &[u8], start: usize, end: usize, fold: u64) -> Option<u64> {
    let len = end - start;
    let read = |at: usize| -> Option<u64> {
        let chunk = bytes.get(at..at + 8)?;
        Some(u64::from_le_bytes(chunk.try_into().ok()?) | fold)
    };
    // The lanes of the word's bytes in its last chunk.
    let lanes = |n: usize| u64::MAX >> (64 - 8 * n);
    match len {
        1..=8 => Some(mix_chunk(len as u64, read(start)? & lanes(len)) | 1),
        9..=16 => {
            let (first, second) = (read(start)?, read(start + 8)?);
            Some(mix_chunk(mix_chunk(len as u64, first), second & lanes(len - 8)) | 1)
        }
        _ => None,
    }
}

/// FNV-1a over the bytes of a lowercase word.
fn word_hash(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h | 1
}

/// Whether a word of class `c` lets its sentence through the pre-test
/// ([`words_may_hold_a_date`]): a strong class ([`strong_class`]) but an
/// approximate amount. `dizaine`, `centaines`, `milliers` (class `approx`, never a
/// second class) are read only by the grammar's `amount` (`une dizaine de`, `des
/// centaines de`), and every reader of an amount then asks for a unit (`jours`,
/// `heures`; `fois par semaine`), strong itself: a sentence whose strong words are
/// only such amounts (`des centaines de manifestants`) holds no date, and is no
/// longer tokenized and parsed for nothing.
fn opens_sentence(c: Class) -> bool {
    strong_class(c) && !matches!(c, Class::Approx(_))
}

fn strong_class(c: Class) -> bool {
    !matches!(
        c,
        Class::Number(_)
            | Class::Ordinal(_)
            | Class::Vague
            | Class::Last
            | Class::Next
            | Class::This
            | Class::Starter
    )
}

/// Words that make a token strong without a class (`week-end` is read as `week`).
const STRONG_WORDS: [&str; 3] = ["week", "week-end", "date"];

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut words: HashMap<&'static str, Entry, BuildHasherDefault<Fnv1a>> = HashMap::default();
    for line in crate::lexicon::in_heap(include_str!("words.txt")).lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(word), Some(class), Some(value)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let int = || value.parse::<i64>().ok();
        let class = match class {
            "month" => int().map(|v| Class::Month(v as u32)),
            "weekday" => int().map(|v| Class::Weekday(v as u32)),
            "number" => int().map(|v| Class::Number(v as u32)),
            "approx" => int().map(|v| Class::Approx(v as u32)),
            "ordinal" => int().map(|v| Class::Ordinal(v as u32)),
            "unit" => Unit::parse(value).map(Class::Unit),
            "season" => Some(Class::Season(value)),
            "part" => Some(Class::Part(value)),
            "clock" => int().map(|v| Class::Clock(v as u32)),
            "day" => int().map(Class::Day),
            "anaphor" => int().map(Class::Anaphor),
            "holiday" => value
                .split_once('-')
                .and_then(|(m, d)| Some(Class::Holiday(m.parse().ok()?, d.parse().ok()?))),
            "vague" => Some(Class::Vague),
            "last" => Some(Class::Last),
            "next" => Some(Class::Next),
            "this" => Some(Class::This),
            "starter" => Some(Class::Starter),
            _ => None,
        };
        let Some(class) = class else { continue };
        words
            .entry(word)
            .and_modify(|e| e.second = Some(class))
            .or_insert(Entry {
                first: class,
                second: None,
                strong: false,
            });
    }
    for entry in words.values_mut() {
        entry.strong = strong_class(entry.first) || entry.second.is_some_and(strong_class);
    }
    let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
    // At most half full, so that a probe for an absent word soon meets an empty slot.
    assert!(
        2 * words.len() <= WORD_SLOTS,
        "the date vocabulary has outgrown its table"
    );
    let mut table = vec![
        Slot {
            hash: 0,
            chunk: 0,
            word: "",
            entry: Entry {
                first: Class::Vague,
                second: None,
                strong: false,
            },
        };
        WORD_SLOTS
    ];
    for (&word, &entry) in &words {
        let hash = vocabulary_hash(word.as_bytes());
        let mut slot = first_slot(hash);
        while table[slot].hash != 0 {
            slot = (slot + 1) % WORD_SLOTS;
        }
        let chunk = match word.len() {
            1..=8 => word
                .bytes()
                .rev()
                .fold(0u64, |c, b| (c << 8) | u64::from(b)),
            _ => 0,
        };
        table[slot] = Slot {
            hash,
            chunk,
            word,
            entry,
        };
    }
    let mut strong = vec![0u64; STRONG_SLOTS];
    let mut strong_folded = vec![0u64; STRONG_SLOTS];
    let strong_words = words
        .iter()
        .filter(|(_, e)| opens_sentence(e.first) || e.second.is_some_and(opens_sentence))
        .map(|(w, _)| *w)
        .chain(STRONG_WORDS);
    let mut strong_lengths = [0u64; 256];
    let mut strong_last_lengths = [0u64; 256];
    for word in strong_words {
        if let (Some(&b), len @ 0..64) = (word.as_bytes().first(), word.len()) {
            strong_lengths[usize::from(b)] |= 1 << len;
        }
        if let (Some(&b), len @ 0..64) = (word.as_bytes().last(), word.len()) {
            strong_last_lengths[usize::from(b | 0x20)] |= 1 << len;
        }
        let h = word_hash(word.bytes());
        let mut slot = h as usize % STRONG_SLOTS;
        while strong[slot] != 0 && strong[slot] != h {
            slot = (slot + 1) % STRONG_SLOTS;
        }
        strong[slot] = h;
        let h = folded_hash(word.as_bytes());
        let mut slot = first_slot(h);
        while strong_folded[slot] != 0 && strong_folded[slot] != h {
            slot = (slot + 1) % STRONG_SLOTS;
        }
        strong_folded[slot] = h;
    }
    let mut lengths = [0u64; 256];
    let mut last_lengths = [0u64; 256];
    for word in words.keys() {
        if let (Some(&b), len @ 0..64) = (word.as_bytes().first(), word.len()) {
            lengths[usize::from(b)] |= 1 << len;
        }
        if let (Some(&b), len @ 0..64) = (word.as_bytes().last(), word.len()) {
            last_lengths[usize::from(b)] |= 1 << len;
        }
    }
    Vocabulary {
        words: table,
        #[cfg(test)]
        map: words,
        longest,
        strong,
        lengths,
        last_lengths,
        strong_lengths,
        strong_last_lengths,
        strong_folded,
        ete: word_hash("été".bytes()),
    }
});

/// Whether a run of digits reads as time by itself: a year (four digits, 1000 to
/// 2100), or a number glued to `h`, `:`, `/`, `.` or `-` and more digits (`14h`,
/// `14:30`, `10/04`, `2025-04-10`), or before ` h ` (`14 h 30`). A number before a
/// month or a unit needs nothing more: the month or unit is strong itself.
fn time_like_number(digits: &[u8], after: &[u8]) -> bool {
    if digits.len() == 4 {
        let year = digits
            .iter()
            .fold(0u32, |v, &b| v * 10 + u32::from(b - b'0'));
        if (1000..=2100).contains(&year) {
            return true;
        }
    }
    let word_end = |rest: &[u8]| rest.first().is_none_or(|b| !b.is_ascii_alphabetic());
    match after {
        [b'h' | b'H', rest @ ..] => word_end(rest),
        [b':' | b'/' | b'.' | b'-', d, ..] => d.is_ascii_digit(),
        [b' ', b'h' | b'H', rest @ ..] => word_end(rest),
        _ => false,
    }
}

/// Whether the sentence `text[sentence]`, cut into `words` (offsets in `text`), holds a digit or a word that makes a token strong (see
/// [`Tok::is_strong`]): a sentence without one holds no temporal expression.
///
/// The pre-filter's words are runs of letters (ASCII, and two-byte Latin); a word of
/// [`Word::LETTERS`] (most words) is one, read whole as [`split`](crate::words::split)
/// left it, where going over every byte cost about nine instructions a byte. The
/// other words (numbers, `week-end`, `l’`) are scanned byte by byte as before, and
/// the punctuation holds no letter nor digit. [`may_hold_a_date`], the byte scan of
/// the whole sentence, is the reference.
pub fn words_may_hold_a_date(
    text: &[u8],
    sentence: std::ops::Range<usize>,
    words: &[Word],
) -> bool {
    let vocabulary = &*VOCABULARY;
    let offset = sentence.start;
    let bytes = &text[sentence];
    // The word before: `a été`, `ont été` is the participle, not the summer.
    let mut previous: Option<&[u8]> = None;
    for w in words {
        if w.is(Word::LETTERS) {
            // Read in the whole text: the last words of a sentence have the eight
            // bytes of a read after their start too, where the sentence's end sent
            // them to the byte loop of [`folded_hash`].
            if vocabulary.makes_strong(text, w.start, w.end, previous) {
                return true;
            }
            previous = Some(&text[w.start..w.end]);
        } else if !w.is(Word::PUNCT)
            && scan_for_a_date(bytes, w.start - offset..w.end - offset, &mut previous)
        {
            return true;
        }
    }
    false
}

/// Whether `bytes` (UTF-8 text) holds a digit or a word that makes a token strong:
/// the byte scan of [`words_may_hold_a_date`], which must agree.
#[cfg(test)]
pub fn may_hold_a_date(bytes: &[u8]) -> bool {
    scan_for_a_date(bytes, 0..bytes.len(), &mut None)
}

/// Whether `bytes[range]` holds a number that reads as time or a word that makes a
/// token strong, `previous` being the word before (updated). One pass over the
/// bytes; a word is hashed only when a strong word has its first byte and length.
/// A number may look past the range, to the end of `bytes` (`14 h`).
fn scan_for_a_date<'b>(
    bytes: &'b [u8],
    range: std::ops::Range<usize>,
    previous: &mut Option<&'b [u8]>,
) -> bool {
    let vocabulary = &*VOCABULARY;
    let mut i = range.start;
    while i < range.end {
        match BYTE_CLASS[usize::from(bytes[i])] {
            OTHER => {
                i += 1;
                continue;
            }
            DIGIT => {
                let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                if time_like_number(&bytes[i..i + run], &bytes[i + run..]) {
                    return true;
                }
                i += run;
                continue;
            }
            _ => {}
        }
        let end = letters_end(bytes, i);
        if end == i {
            i += 1;
            continue;
        }
        if vocabulary.makes_strong(bytes, i, end, *previous) {
            return true;
        }
        *previous = Some(&bytes[i..end]);
        i = end;
    }
    false
}

/// [`BYTE_CLASS`] values: a byte no word starts with, a digit, an ASCII letter, the
/// lead byte of a two-byte letter of [`letters_end`].
const OTHER: u8 = 0;
const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const LEAD: u8 = 3;

/// The class of each byte for [`may_hold_a_date`]: one table load tells the bytes
/// to skip (spaces, punctuation, the other bytes of UTF-8) from the others.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'A'..=b'Z' | b'a'..=b'z' => LETTER,
            0xc3..=0xc5 => LEAD,
            _ => OTHER,
        };
        b += 1;
    }
    table
};

/// The end of the word starting at byte `i` of `bytes`, for [`may_hold_a_date`]: a
/// run of ASCII letters and of the two-byte letters led by `0xc3` to `0xc5`
/// (U+00C0 to U+017F, but `×` and `÷`).
fn letters_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        let b = bytes[i];
        match BYTE_CLASS[usize::from(b)] {
            LETTER => i += 1,
            LEAD if i + 1 < bytes.len() => {
                if b == 0xc3 && matches!(bytes[i + 1], 0x97 | 0xb7) {
                    break; // × ÷
                }
                i += 2;
            }
            _ => break,
        }
    }
    i
}

/// The second byte of the lowercase form of the two-byte letter `lead`, `next`: the
/// Latin-1 capitals (`À`–`Þ`, `0xc3 0x80`–`0x9e`) are 0x20 below their lowercase.
fn latin1_lower(lead: u8, next: u8) -> u8 {
    if lead == 0xc3 && (0x80..=0x9e).contains(&next) {
        next + 0x20
    } else {
        next
    }
}

/// [`word_hash`] of the lowercase form of a word of [`letters_end`].
fn lowercase_hash(word: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |byte: u8| h = (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    let mut i = 0;
    while i < word.len() {
        let b = word[i];
        if b.is_ascii() {
            mix(b.to_ascii_lowercase());
            i += 1;
        } else {
            let next = word[i + 1];
            mix(b);
            mix(latin1_lower(b, next));
            i += 2;
        }
    }
    h | 1
}

/// Forms of `avoir` before which `été` is a participle.
const AVOIR: [&str; 14] = [
    "a", "ai", "as", "ont", "avons", "avez", "avait", "avaient", "aura", "auront", "aurait",
    "auraient", "ayant", "avoir",
];

/// The words after which the grammar reads `été` as the summer (its `season`
/// rule): `l'été`, `cet été`, `ce`, `au`, `le`, and `en été`; elsewhere it needs a
/// year after it (`été 2023`: digits, which the pre-test lets through), and is the
/// participle (`a été`, `n'a pas été`, `ont déjà été`). The pre-test counts `été`
/// only after one of these, lowercase (the grammar reads lowercase forms): the
/// word just before `été` in the grammar's tokens is the letters the pre-test saw
/// last, if it is one of these (they are ASCII letters).
const SEASON_LEADS: [&str; 6] = ["l", "cet", "ce", "au", "le", "en"];

static SEASON_LEAD_HASHES: LazyLock<Vec<u64>> =
    LazyLock::new(|| SEASON_LEADS.iter().map(|w| word_hash(w.bytes())).collect());

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// Letters; its class if the date vocabulary has it.
    Word(Option<Class>),
    /// Digits: their value (saturated) and count.
    Number(u32, u8),
    /// Digits or a Roman numeral with an ordinal suffix: `1er`, `XIXe`, `93e`.
    Ordinal(u32),
    /// Any other character but a space.
    Punct(char),
}

/// A token: its bytes in the text; its lowercase form is in [`Tokens::forms`], or in
/// [`Tokens::lower`] when the scanner lowercased it.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Byte offsets in the text, as `u32` (an article is far below 4 GB): a smaller
    /// token is fewer bytes stored for every word of a sentence. See [`Tok::start`].
    start: u32,
    end: u32,
    /// Word, number, ordinal or punctuation.
    pub kind: Kind,
    /// The second class of an ambiguous word, in the vocabulary: a reference is a
    /// third of a `Class`, and a smaller token is fewer bytes stored for every word.
    pub alt: Option<&'static Class>,
    /// Whitespace stands between this token and the previous one.
    pub space_before: bool,
    /// Starts with a capital letter.
    pub capital: bool,
    /// A word of [`STRONG_WORDS`] (`week-end`, `date`).
    pub marks_time: bool,
    /// The range of its lowercase form in [`Tokens::lower`], if it is there, not in
    /// [`Tokens::forms`] ([`Tok::lowered`]); `(0, 0)` if not. A lowercase form is
    /// never empty: the range tells it, where a flag of its own was one more field
    /// to write for every token.
    lower: (u32, u32),
}

impl Tok {
    /// The byte offset of its start in the text.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// The byte offset of its end in the text.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Its lowercase form is in [`Tokens::lower`], not in [`Tokens::forms`].
    #[inline]
    fn lowered(&self) -> bool {
        self.lower.1 != 0
    }

    /// A number or punctuation token of `start..end`: no second class, no capital, its
    /// own text.
    fn plain(start: usize, end: usize, kind: Kind, space_before: bool) -> Tok {
        Tok {
            start: start as u32,
            end: end as u32,
            kind,
            alt: None,
            space_before,
            capital: false,
            marks_time: false,
            lower: (0, 0),
        }
    }

    /// Whether an expression may start at this token: a strong token or a word of
    /// the vocabulary (`depuis`, `le`, `trois`, `ce`).
    pub fn may_start(&self) -> bool {
        match self.kind {
            Kind::Number(..) | Kind::Ordinal(_) => true,
            Kind::Word(class) => class.is_some() || self.marks_time,
            Kind::Punct(_) => false,
        }
    }

    /// A token every temporal expression holds at least one of: a number, an
    /// ordinal, a word naming a time (month, weekday, unit, season, part of day...).
    pub fn is_strong(&self) -> bool {
        let strong = strong_class;
        match self.kind {
            // Numbers: see [`Tokens::index_strong`].
            Kind::Number(..) | Kind::Ordinal(_) => false,
            Kind::Word(class) => {
                class.is_some_and(strong) || self.alt.is_some_and(|&c| strong(c)) || self.marks_time
            }
            Kind::Punct(_) => false,
        }
    }
}

/// The tokens of a stretch of text, with their lowercase forms.
#[derive(Debug)]
pub struct Tokens<'t> {
    text: &'t str,
    /// The tokens of the last range filled.
    pub toks: Vec<Tok>,
    /// The lowercase form of each token, borrowed from the text or from the
    /// document's word keys: the grammar reads this slice as it is, where it had to
    /// gather every form into a vector of its own. Empty for a token of
    /// [`Tok::lowered`].
    forms: Vec<&'t str>,
    /// The lowercase forms the scanner made of words with capitals.
    lower: String,
    /// Whether a token of the last range filled has its form in [`Self::lower`].
    any_lowered: bool,
    /// The indices of the strong tokens of the last range filled, ascending: what
    /// the grammar skips by. Told as each token is pushed, where its class is at
    /// hand, not in a pass over the tokens.
    pub strong: Vec<usize>,
    /// For each token, the index of the first strong token at or after it: the
    /// backward pass [`Self::strong`] is tested against.
    #[cfg(test)]
    pub next_strong: Vec<usize>,
}

fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{c0}'..='\u{24f}').contains(&c) {
        c != '×' && c != '÷'
    } else if c < '\u{c0}' || ('\u{2000}'..='\u{206f}').contains(&c) {
        matches!(c, 'ª' | 'µ' | 'º')
    } else {
        c.is_alphabetic()
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The letters at the start of `s`: their length in bytes, and whether they hold a
/// capital (most words have none: their text is their lowercase form).
fn scan_word(s: &str) -> (usize, bool) {
    let bytes = s.as_bytes();
    let (mut i, mut capital) = (0, false);
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            capital |= b.is_ascii_uppercase();
            i += 1;
            continue;
        }
        if b < 0x80 {
            break;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if !is_letter(c) {
            break;
        }
        capital |= match c {
            'À'..='Þ' => true,
            'ß'..='ÿ' => false,
            _ => c.is_uppercase(),
        };
        i += c.len_utf8();
    }
    (i, capital)
}

/// Whether `word` is all letters of ASCII, Latin-1 and Latin Extended-A (U+00C0 to
/// U+017F, but `×` and `÷`): letters whose lowercase form is the word key's.
fn is_latin_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b, _) if b.is_ascii_alphabetic() => i += 1,
            (0xc3, Some(0x97 | 0xb7)) => return false,
            (0xc3..=0xc5, Some(0x80..=0xbf)) => i += 2,
            _ => return false,
        }
    }
    true
}

/// The flags [`Tokens::fill_words`] tells its most common words by: a word of
/// Latin letters without capitals has, of these, only [`Word::LETTERS`] and
/// [`Word::FOLDED`].
const FAST_MASK: u8 =
    Word::LETTERS | Word::FOLDED | Word::PUNCT | Word::ELIDED | Word::CAPITALIZED | Word::NUMBER;

/// The tokens [`Tokens::new`] makes room for: those of a long sentence.
const SENTENCE_TOKENS: usize = 128;

impl<'t> Tokens<'t> {
    /// Token buffers for the sentences of `text`.
    pub fn new(text: &'t str) -> Self {
        // Room for a long sentence from the start: growing the buffers word by word
        // cost a few reallocations in every article.
        Tokens {
            text,
            toks: Vec::with_capacity(SENTENCE_TOKENS),
            forms: Vec::with_capacity(SENTENCE_TOKENS),
            lower: String::new(),
            any_lowered: false,
            strong: Vec::with_capacity(SENTENCE_TOKENS / 4),
            #[cfg(test)]
            next_strong: Vec::new(),
        }
    }

    /// Empties the buffers for the next sentence.
    fn clear(&mut self) {
        self.toks.clear();
        self.forms.clear();
        self.lower.clear();
        self.any_lowered = false;
        self.strong.clear();
    }

    /// Tokenizes `text[range]` (offsets stay those of the text), reusing the buffers:
    /// the reference [`Tokens::fill_words`] is tested against.
    #[cfg(test)]
    pub fn fill(&mut self, range: std::ops::Range<usize>) {
        self.clear();
        self.scan(range, true);
        self.index_strong();
    }

    /// Tokenizes a sentence from its words (`words`, cut by [`crate::words::split`],
    /// with their keys): the same tokens as [`Tokens::fill`] over the sentence, for
    /// less work. The common words are made here: a word of Latin letters, a run of
    /// digits, an elided word (`l'`, `qu’`: a word and its apostrophe), a punctuation
    /// mark; any other (`14h30`, `après-midi`, `XIXe`, `aujourd`) goes through the
    /// scanner.
    #[inline(never)]
    pub fn fill_words(&mut self, words: &'t Words, sentence: std::ops::Range<usize>) {
        self.clear();
        // Dereferenced once: each `VOCABULARY` deref checks its initialization.
        let vocabulary = &*VOCABULARY;
        let text = self.text;
        // The first byte a word must start at to have a space before it: the end of
        // the word before, plus one (0 for the first word, which has one).
        let mut spaced_from = 0;
        for i in sentence {
            let w = &words.words[i];
            // Only spaces lie between two words.
            let space_before = w.start >= spaced_from;
            spaced_from = w.end + 1;
            let word = w.text(text);
            // Most words are Latin letters without capitals: one mask test sends them
            // to their lookup, where the tests below went one flag at a time. Such a
            // word is no punctuation, number or elided word, and has no capital to
            // start a Roman numeral; only `aujourd` is left to the scanner.
            if w.flags & FAST_MASK == Word::LETTERS | Word::FOLDED && word != "aujourd" {
                let entry = match read_word(text.as_bytes(), w.start, w.end) {
                    Some(read) => vocabulary.get_read(read, word.len()),
                    None => vocabulary.get(word),
                };
                self.push_word(w.start..w.end, word, entry, false, space_before);
                continue;
            }
            let bytes = word.as_bytes();
            let first = bytes[0];
            if w.is(Word::PUNCT) {
                let c = if first < 0x80 {
                    Some(char::from(first))
                } else {
                    // A sign the scanner takes for a letter or a space is its own.
                    word.chars()
                        .next()
                        .filter(|&c| c.len_utf8() == word.len() && !is_letter(c) && !is_space(c))
                };
                match c {
                    Some(c) => self.push_punct(w.start, c, word, space_before),
                    None => self.scan(w.start..w.end, space_before),
                }
                continue;
            }
            if first.is_ascii_digit() {
                if bytes.iter().all(u8::is_ascii_digit) {
                    // Digits alone: no ordinal suffix follows inside the word.
                    let value = bytes.iter().fold(0u32, |v, &b| {
                        v.saturating_mul(10).saturating_add(u32::from(b - b'0'))
                    });
                    let kind = Kind::Number(value, bytes.len().min(255) as u8);
                    if self.time_like_at(w.start, w.end) {
                        self.strong.push(self.toks.len());
                    }
                    self.push(Tok::plain(w.start, w.end, kind, space_before), word);
                } else {
                    self.scan(w.start..w.end, space_before);
                }
                continue;
            }
            if w.is(Word::ELIDED) {
                // `l'`, `D’`, `jusqu'`: ASCII letters, then the apostrophe, a token
                // of its own glued to them.
                let apostrophe = if word.ends_with('\'') {
                    1
                } else {
                    '’'.len_utf8()
                };
                let letters = &word[..word.len() - apostrophe];
                if letters.bytes().all(|b| b.is_ascii_alphabetic())
                    && !(is_roman_lead(first) && roman_ordinal(letters).is_some())
                {
                    let end = w.start + letters.len();
                    let capital = first.is_ascii_uppercase();
                    // The key of ASCII letters starts with their lowercase form.
                    let form = if letters.bytes().any(|b| b.is_ascii_uppercase()) {
                        &words.key(text, i)[..letters.len()]
                    } else {
                        letters
                    };
                    let entry = vocabulary.get(form);
                    self.push_word(w.start..end, form, entry, capital, space_before);
                    let apostrophe = &word[letters.len()..];
                    let c = apostrophe.chars().next().unwrap_or('\'');
                    self.push_punct(end, c, apostrophe, false);
                } else {
                    self.scan(w.start..w.end, space_before);
                }
                continue;
            }
            // Not through here: Roman numerals, `aujourd` (the scanner looks for its
            // `'hui`), and words of other characters than Latin letters, which the
            // split told ([`Word::LETTERS`] is [`is_latin_word`]). A word without
            // capitals is its key: one of at most eight bytes (most) is hashed by one
            // read; another is hashed only if the vocabulary has words of its first
            // byte and length (a word with capitals is looked up by its key, below).
            if !w.is(Word::LETTERS) {
                let key = if w.is(Word::FOLDED) {
                    word
                } else {
                    words.key(text, i)
                };
                if !self.push_hyphenated(w.start, word, key, space_before) {
                    self.scan(w.start..w.end, space_before);
                }
                continue;
            }
            if (is_roman_lead(first) && roman_ordinal(word).is_some()) || word == "aujourd" {
                self.scan(w.start..w.end, space_before);
                continue;
            }
            // A Latin word starts with a letter: its case is the word's flag.
            let capital = w.is(Word::CAPITALIZED);
            if w.is(Word::FOLDED) {
                let entry = match read_word(text.as_bytes(), w.start, w.end) {
                    Some(read) => vocabulary.get_read(read, word.len()),
                    None => vocabulary.get(word),
                };
                self.push_word(w.start..w.end, word, entry, capital, space_before);
            } else {
                let key = words.key(text, i);
                let entry = match read_lowered(text.as_bytes(), w.start, w.end) {
                    Some(read) => vocabulary.get_read(read, word.len()),
                    None => vocabulary.get(key),
                };
                self.push_word(w.start..w.end, key, entry, capital, space_before);
            }
        }
        #[cfg(test)]
        self.index_strong();
    }

    /// Appends the tokens of a word of Latin parts joined by hyphens (`peut-être`,
    /// `dix-huit`, `Saint-Étienne`), of key `key`: each part a word, each hyphen a
    /// punctuation mark glued to them, as the scanner cuts it (a tenth of the words
    /// the scanner was asked for, at several times the cost). Pushes nothing and
    /// returns false for a word the scanner reads otherwise: a part that is empty or
    /// not all Latin letters, a Roman numeral, `aujourd`, or a part it may join to
    /// the next (`après-midi`, `avant-hier`, `week-end`).
    fn push_hyphenated(
        &mut self,
        start: usize,
        word: &'t str,
        key: &'t str,
        space_before: bool,
    ) -> bool {
        let (pushed, strong_pushed) = (self.toks.len(), self.strong.len());
        let until_hyphen = |s: &str| s.bytes().position(|b| b == b'-').unwrap_or(s.len());
        // Lowercasing keeps the hyphens: the parts of the key are those of the word.
        let (mut rest, mut key_rest) = (word, key);
        let mut pos = start;
        loop {
            let part = &rest[..until_hyphen(rest)];
            let form = &key_rest[..until_hyphen(key_rest)];
            // A word without a hyphen is not one of these.
            let whole = pos == start && part.len() == word.len();
            let scanned = whole
                || part.is_empty()
                || !is_latin_word(part)
                || (is_roman_lead(part.as_bytes()[0]) && roman_ordinal(part).is_some())
                || matches!(form, "aujourd" | "après" | "avant" | "week");
            if scanned {
                self.toks.truncate(pushed);
                self.forms.truncate(pushed);
                self.strong.truncate(strong_pushed);
                return false;
            }
            let capital = part.chars().next().is_some_and(char::is_uppercase);
            let entry = VOCABULARY.get(form);
            let glued = pos > start;
            self.push_word(
                pos..pos + part.len(),
                form,
                entry,
                capital,
                space_before && !glued,
            );
            pos += part.len();
            if part.len() == rest.len() {
                return true;
            }
            self.push_punct(pos, '-', "-", false);
            pos += 1;
            rest = &rest[part.len() + 1..];
            key_rest = &key_rest[form.len() + 1..];
        }
    }

    /// Appends a token and its lowercase form.
    #[inline(always)]
    fn push(&mut self, tok: Tok, form: &'t str) {
        self.toks.push(tok);
        self.forms.push(form);
    }

    /// Appends the punctuation token `c` at byte `start`; `form` is its text.
    fn push_punct(&mut self, start: usize, c: char, form: &'t str, space_before: bool) {
        let end = start + c.len_utf8();
        self.push(Tok::plain(start, end, Kind::Punct(c), space_before), form);
    }

    /// Appends the word token of the bytes `span`, of lowercase form `form` and
    /// classes `entry`.
    #[inline(always)]
    fn push_word(
        &mut self,
        span: std::ops::Range<usize>,
        form: &'t str,
        entry: Option<&'static Entry>,
        capital: bool,
        space_before: bool,
    ) {
        let (kind, alt) = match entry {
            Some(entry) => (Kind::Word(Some(entry.first)), entry.second.as_ref()),
            None => (Kind::Word(None), None),
        };
        let marks_time = marks_time(form, entry);
        // Most words have no strong class: only the few that do are looked at more.
        if (entry.is_some_and(|e| e.strong) || marks_time) && !self.participle_at(kind) {
            self.strong.push(self.toks.len());
        }
        let tok = Tok {
            start: span.start as u32,
            end: span.end as u32,
            kind,
            alt,
            space_before,
            capital,
            marks_time,
            lower: (0, 0),
        };
        self.push(tok, form);
    }

    /// Appends the tokens of `text[range]`; `space_before` tells whether whitespace
    /// stands before it.
    fn scan(&mut self, range: std::ops::Range<usize>, mut space_before: bool) {
        let text = self.text;
        let vocabulary = &*VOCABULARY;
        let mut pos = range.start;
        let end = range.end.min(text.len());
        let bytes = text.as_bytes();
        while pos < end {
            let rest = &text[pos..end];
            let b = bytes[pos];
            let c = if b < 0x80 {
                char::from(b)
            } else {
                let Some(c) = rest.chars().next() else { break };
                c
            };
            if is_space(c) {
                space_before = true;
                pos += c.len_utf8();
                continue;
            }
            let start = pos;
            let lower_start = self.lower.len() as u32;
            let (kind, alt, len, lowered);
            if c.is_ascii_digit() {
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let value = rest[..digits].bytes().fold(0u32, |v, b| {
                    v.saturating_mul(10).saturating_add(u32::from(b - b'0'))
                });
                let suffix_len = ordinal_suffix(&rest[digits..]);
                if suffix_len > 0 && value > 0 {
                    kind = Kind::Ordinal(value);
                    len = digits + suffix_len;
                } else {
                    kind = Kind::Number(value, digits.min(255) as u8);
                    len = digits;
                }
                alt = None;
                lowered = false;
            } else if is_letter(c) {
                let (mut word_len, capital) = scan_word(rest);
                let mut lowercased = capital;
                if capital {
                    lexicon::push_lower(&rest[..word_len], &mut self.lower);
                }
                let first = if capital {
                    &self.lower[lower_start as usize..]
                } else {
                    &rest[..word_len]
                };
                // Words of the vocabulary written with a hyphen (`après-midi`,
                // `avant-hier`, `week-end`), and `aujourd'hui`.
                if matches!(first, "après" | "avant" | "week") && rest[word_len..].starts_with('-')
                {
                    let tail = &rest[word_len + 1..];
                    let (tail_len, _) = scan_word(tail);
                    let mut joined = first.to_string();
                    joined.push('-');
                    lexicon::push_lower(&tail[..tail_len], &mut joined);
                    if tail_len > 0 && (vocabulary.get(&joined).is_some() || joined == "week-end") {
                        self.lower.truncate(lower_start as usize);
                        self.lower.push_str(&joined);
                        lowercased = true;
                        word_len += 1 + tail_len;
                    }
                }
                let word = if lowercased {
                    &self.lower[lower_start as usize..]
                } else {
                    &rest[..word_len]
                };
                if word == "aujourd" {
                    if !lowercased {
                        self.lower.push_str("aujourd");
                        lowercased = true;
                    }
                    for apostrophe in ["'hui", "’hui"] {
                        if rest[word_len..].starts_with(apostrophe) {
                            word_len += apostrophe.len();
                        }
                    }
                }
                let word = if lowercased {
                    &self.lower[lower_start as usize..]
                } else {
                    &rest[..word_len]
                };
                lowered = lowercased;
                let roman = if matches!(c, 'I' | 'V' | 'X' | 'L' | 'C') {
                    roman_ordinal(&rest[..word_len])
                } else {
                    None
                };
                let entry = vocabulary.get(word);
                match (roman, entry) {
                    (Some(n), _) => {
                        kind = Kind::Ordinal(n);
                        alt = None;
                    }
                    (None, Some(entry)) => {
                        kind = Kind::Word(Some(entry.first));
                        alt = entry.second.as_ref();
                    }
                    (None, None) => {
                        kind = Kind::Word(None);
                        alt = None;
                    }
                }
                len = word_len;
            } else {
                kind = Kind::Punct(c);
                alt = None;
                len = c.len_utf8();
                lowered = false;
            }
            let tok = Tok {
                start: start as u32,
                end: (start + len) as u32,
                kind,
                alt,
                space_before,
                capital: c.is_uppercase(),
                marks_time: matches!(kind, Kind::Word(None))
                    && matches!(len, 4 | 8)
                    && STRONG_WORDS
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(&rest[..len])),
                lower: if lowered {
                    (lower_start, self.lower.len() as u32)
                } else {
                    (0, 0)
                },
            };
            self.any_lowered |= lowered;
            if self.is_strong_next(&tok) {
                self.strong.push(self.toks.len());
            }
            self.push(tok, if lowered { "" } else { &rest[..len] });
            space_before = false;
            pos = start + len;
        }
    }

    /// Whether `tok`, about to be pushed, is strong: a strong word but `été` after a
    /// form of `avoir`, or a number that reads as time by itself.
    fn is_strong_next(&self, tok: &Tok) -> bool {
        match tok.kind {
            Kind::Number(..) => self.time_like_at(tok.start(), tok.end()),
            kind => tok.is_strong() && !self.participle_at(kind),
        }
    }

    /// Whether the number of bytes `start..end` reads as time by itself (the rule of
    /// [`may_hold_a_date`]); before a month or a unit, they are strong.
    fn time_like_at(&self, start: usize, end: usize) -> bool {
        let bytes = self.text.as_bytes();
        time_like_number(&bytes[start..end], &bytes[end..bytes.len().min(end + 4)])
    }

    /// Whether a word of kind `kind`, about to be pushed, is the participle `été`
    /// (`a été`): after a form of `avoir`.
    fn participle_at(&self, kind: Kind) -> bool {
        let k = self.toks.len();
        kind == Kind::Word(Some(Class::Season("SU"))) && k > 0 && AVOIR.contains(&self.text(k - 1))
    }

    /// Fills [`Self::next_strong`]: for each token, the index of the first strong
    /// token at or after it (`usize::MAX` if none), in a pass backward over the
    /// tokens: the reference of [`Self::strong`].
    #[cfg(test)]
    fn index_strong(&mut self) {
        let n = self.toks.len();
        self.next_strong.clear();
        self.next_strong.resize(n + 1, usize::MAX);
        for k in (0..n).rev() {
            let tok = &self.toks[k];
            // A number is strong when it reads as time by itself (the rule of
            // [`may_hold_a_date`]); before a month or a unit, they are strong.
            let time_like = matches!(tok.kind, Kind::Number(..))
                && time_like_number(
                    &self.text.as_bytes()[tok.start()..tok.end()],
                    &self.text.as_bytes()[tok.end()..self.text.len().min(tok.end() + 4)],
                );
            // `a été`: the participle.
            let participle = tok.kind == Kind::Word(Some(Class::Season("SU")))
                && k > 0
                && AVOIR.contains(&self.text(k - 1));
            self.next_strong[k] = if (tok.is_strong() && !participle) || time_like {
                k
            } else {
                self.next_strong[k + 1]
            };
        }
    }

    /// The lowercase text of token `i` (empty past the end).
    pub fn text(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.lowered() => &self.lower[t.lower.0 as usize..t.lower.1 as usize],
            Some(_) => self.forms[i],
            None => "",
        }
    }

    /// The lowercase text of every token, in order: what the grammar reads. Borrowed
    /// as it is unless the scanner lowercased a word (a few sentences).
    pub fn texts(&self) -> Cow<'_, [&str]> {
        if self.any_lowered {
            Cow::Owned((0..self.len()).map(|i| self.text(i)).collect())
        } else {
            Cow::Borrowed(&self.forms)
        }
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }
}

/// The length of an ordinal suffix right after digits (`er`, `re`, `e`, `ème`),
/// if nothing else follows.
fn ordinal_suffix(s: &str) -> usize {
    for suffix in ["ème", "eme", "er", "re", "e", "ᵉ", "ᵉʳ"] {
        if let Some(rest) = s.strip_prefix(suffix) {
            if !rest.starts_with(is_letter) {
                return suffix.len();
            }
        }
    }
    0
}

/// Whether a word of lowercase form `key` and classes `entry` is one of
/// [`STRONG_WORDS`] with no class of its own.
fn marks_time(key: &str, entry: Option<&Entry>) -> bool {
    // The length first, then the bytes: a comparison of a known length is one load
    // and compare, where `contains` went through the list of strings.
    let key = key.as_bytes();
    entry.is_none()
        && match key.len() {
            4 => key == b"week" || key == b"date",
            8 => key == b"week-end",
            _ => false,
        }
}

/// [`marks_time`] as it was: the reference of the byte pattern.
#[cfg(test)]
fn reference_marks_time(key: &str, entry: Option<&Entry>) -> bool {
    entry.is_none() && matches!(key.len(), 4 | 8) && STRONG_WORDS.contains(&key)
}

/// Whether a word starting with byte `b` may be a Roman ordinal.
fn is_roman_lead(b: u8) -> bool {
    matches!(b, b'I' | b'V' | b'X' | b'L' | b'C')
}

/// The value of a Roman ordinal (`XIXe`, `XXIème`, `IIIe`).
fn roman_ordinal(word: &str) -> Option<u32> {
    let digits = word
        .strip_suffix("ème")
        .or_else(|| word.strip_suffix("eme"))
        .or_else(|| word.strip_suffix('e'))?;
    if digits.is_empty() || !digits.bytes().all(|b| b"IVXLC".contains(&b)) {
        return None;
    }
    // `Ce`, `Le` are words; a one-letter numeral is `Ie`, `Ve` or `Xe`.
    if digits.len() == 1 && !matches!(digits, "I" | "V" | "X") {
        return None;
    }
    let value = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        b'L' => 50,
        _ => 100,
    };
    let bytes = digits.as_bytes();
    let mut total = 0i32;
    for (i, &b) in bytes.iter().enumerate() {
        let v = value(b);
        if bytes.get(i + 1).is_some_and(|&n| value(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first version of [`may_hold_a_date`], hashing every word.
    fn reference_may_hold_a_date(bytes: &[u8]) -> bool {
        let strong = &VOCABULARY.strong;
        let is_strong = |h: u64| {
            let mut slot = h as usize % STRONG_SLOTS;
            loop {
                match strong[slot] {
                    0 => return false,
                    s if s == h => return true,
                    _ => slot = (slot + 1) % STRONG_SLOTS,
                }
            }
        };
        let ete = word_hash("été".bytes());
        let mut previous = 0u64;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_digit() {
                let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                if time_like_number(&bytes[i..i + run], &bytes[i + run..]) {
                    return true;
                }
                i += run;
                continue;
            }
            if !(b.is_ascii_alphabetic() || (0xc3..=0xc5).contains(&b)) {
                i += 1;
                continue;
            }
            let word_start = i;
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            let mut mix = |byte: u8| h = (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            while i < bytes.len() {
                let b = bytes[i];
                if b.is_ascii_alphabetic() {
                    mix(b.to_ascii_lowercase());
                    i += 1;
                } else if (0xc3..=0xc5).contains(&b) && i + 1 < bytes.len() {
                    let next = bytes[i + 1];
                    if b == 0xc3 && (next == 0x97 || next == 0xb7) {
                        break; // × ÷
                    }
                    mix(b);
                    mix(latin1_lower(b, next));
                    i += 2;
                } else {
                    break;
                }
            }
            if i == word_start {
                i += 1; // `×`, `÷`: not a letter
                continue;
            }
            let h = h | 1;
            // `a été`, `pas été`: the participle, not the summer.
            if is_strong(h) && (h != ete || SEASON_LEAD_HASHES.contains(&previous)) {
                return true;
            }
            previous = h;
        }
        false
    }

    proptest::proptest! {
        /// The prefilter agrees with the version that hashes every word.
        #[test]
        fn the_prefilter_agrees_with_the_hashing_one(
            text in "([A-Za-zéÉàœŒÀİǅ×÷’'\\-+.,:/0-9 ]|été|ÉTÉ|Été|a|ont|Hier|MARS|week|date|jeudi|14h|2024|\u{a0}){0,40}"
        ) {
            proptest::prop_assert_eq!(
                may_hold_a_date(text.as_bytes()),
                reference_may_hold_a_date(text.as_bytes())
            );
        }
    }

    /// `text`'s bytes, with `start` and `start + len` kept inside them.
    fn clamped(text: &str, start: usize, len: usize) -> (&[u8], usize, usize) {
        let bytes = text.as_bytes();
        let start = start.min(bytes.len());
        (bytes, start, (start + len).min(bytes.len()))
    }

    proptest::proptest! {
        /// A word read at once has the hash of its bytes, if it is one to eight bytes
        /// with eight bytes from its start.
        #[test]
        fn one_read_hashes_and_checks_words(
            text in "([a-zA-Z@\\[`{é' ]|mars|jusqu|semaines){0,6}",
            start in 0usize..40,
            len in 0usize..12,
        ) {
            let (bytes, start, end) = clamped(&text, start, len);
            let word = &bytes[start..end];
            let expected = (!word.is_empty() && word.len() <= 8 && start + 8 <= bytes.len())
                .then(|| vocabulary_hash(word));
            let read = read_word(bytes, start, end);
            proptest::prop_assert_eq!(read.map(|(h, _)| h), expected);
            // The number read is the word's bytes.
            if let Some((_, chunk)) = read {
                proptest::prop_assert_eq!(&chunk.to_le_bytes()[..word.len()], word);
                proptest::prop_assert_eq!(chunk.checked_shr(8 * word.len() as u32).unwrap_or(0), 0);
            }
        }
    }

    proptest::proptest! {
        /// A capitalized ASCII word read at once finds the entry of its key, the
        /// hash and bytes of its lowercase form; a word with a non-ASCII byte, or
        /// not read at once, is left to the key.
        #[test]
        fn capitalized_reads_find_the_key_entry(
            word in "(Mars|MARS|Le|LA|Hier|Depuis|Lundi|Janvier|Été|É[a-z]{1,3}|[A-Z][a-zA-Z]{0,9})",
            after in "[a-z ]{0,9}",
        ) {
            let text = format!("{word}{after}");
            let key = word.to_lowercase();
            let read = read_lowered(text.as_bytes(), 0, word.len());
            let expected = (word.is_ascii() && word.len() <= 8 && text.len() >= 8)
                .then(|| vocabulary_hash(key.as_bytes()));
            proptest::prop_assert_eq!(read.map(|(h, _)| h), expected);
            if let Some(read) = read {
                let vocabulary = &*VOCABULARY;
                let found = vocabulary.get_read(read, word.len()).map(|e| e as *const Entry);
                let reference = vocabulary.get(&key).map(|e| e as *const Entry);
                proptest::prop_assert_eq!(found, reference);
            }
        }

        /// The byte pattern of [`marks_time`] is the list of [`STRONG_WORDS`].
        #[test]
        fn marks_time_is_the_list(
            key in "(week|date|week-end|weeks|dates|wee|jour|mars|[a-z-]{0,9})",
            classed in proptest::bool::ANY,
        ) {
            let entry = VOCABULARY.get("mars").filter(|_| classed);
            proptest::prop_assert_eq!(marks_time(&key, entry), reference_marks_time(&key, entry));
        }
    }

    #[test]
    fn marks_time_finds_the_strong_words() {
        for key in STRONG_WORDS {
            assert!(marks_time(key, None));
            assert!(!marks_time(key, VOCABULARY.get("mars")));
        }
        assert!(!marks_time("mars", None) && !marks_time("weekend", None));
    }

    proptest::proptest! {
        /// The vocabulary table finds the words the `HashMap` holds, and only them.
        #[test]
        fn the_vocabulary_table_is_the_map(
            word in "(mars|sept|hier|week|le|jusqu|après-midi|[a-zéû]{1,9}|[a-z]{1,3}-[a-z]{1,4})"
        ) {
            proptest::prop_assert_eq!(VOCABULARY.get(&word), VOCABULARY.map.get(word.as_str()));
            // Read at once from a text, followed by other bytes (`mars` in `marsupial`).
            let text = format!("{word}upial..");
            if let Some(read) = read_word(text.as_bytes(), 0, word.len()) {
                proptest::prop_assert_eq!(
                    VOCABULARY.get_read(read, word.len()),
                    VOCABULARY.map.get(word.as_str())
                );
            }
        }

        /// A word read by one or two reads has the hash of its bytes (or-ed with the
        /// folding bits), if it is one to sixteen bytes with the bytes read in the text.
        #[test]
        fn two_reads_hash_words(
            text in "([a-zA-Z@\\[`{é' ]|mars|jusqu|semaines|désormais){0,8}",
            start in 0usize..60,
            len in 0usize..20,
        ) {
            let (bytes, start, end) = clamped(&text, start, len);
            let word = &bytes[start..end];
            let readable = if word.len() <= 8 { 8 } else { 16 };
            let expected = (!word.is_empty() && word.len() <= 16 && start + readable <= bytes.len())
                .then(|| vocabulary_hash(word));
            proptest::prop_assert_eq!(read_hash(bytes, start, end, 0), expected);
            let folded = expected.map(|_| folded_hash(word));
            proptest::prop_assert_eq!(read_folded(bytes, start, end), folded);
        }

        /// A word that lowercases to a strong word has its folded hash, read at once
        /// or not, and the filter lets it through.
        #[test]
        fn strong_words_pass_the_folded_filter(
            word in "(mars|MARS|Mars|été|ÉTÉ|Été|week|Week|DATE|jeudi|Février|FÉVRIER|hier|[a-zA-ZéÉ]{1,10})",
            tail in "[a-z .]{0,8}",
        ) {
            let text = format!("{word}{tail}");
            let bytes = text.as_bytes();
            let end = word.len();
            if let Some(h) = read_folded(bytes, 0, end) {
                proptest::prop_assert_eq!(h, folded_hash(word.as_bytes()));
            }
            let lower = word.to_lowercase();
            proptest::prop_assert_eq!(folded_hash(word.as_bytes()), folded_hash(lower.as_bytes()));
            if VOCABULARY.is_strong_word(word.as_bytes(), None) {
                proptest::prop_assert!(VOCABULARY.may_fold_to_strong(bytes, 0, end));
            }
        }

        /// A word the split marks [`Word::LETTERS`] is a Latin word, and only it.
        #[test]
        fn split_letters_are_latin_words(
            text in "([A-Za-zéÉàœŒÀİǅſƀ×÷’'\\-+.,:/«»0-9ª² ]|aujourd|week-end|Été|\u{a0}){0,30}"
        ) {
            let mut words = Vec::new();
            crate::words::split(&text, 0..text.len(), &mut words);
            for w in words.iter().filter(|w| !w.is(Word::PUNCT)) {
                proptest::prop_assert_eq!(w.is(Word::LETTERS), is_latin_word(w.text(&text)), "{:?}", w.text(&text));
            }
        }

        /// The pre-filter reading the split's words agrees with the byte scan.
        #[test]
        fn the_prefilter_on_words_agrees_with_the_byte_scan(
            text in "([A-Za-zéÉàœŒÀİǅ×÷’'\\-+.,:/«»0-9 ]|été|ÉTÉ|Été|a|ont|Hier|MARS|week|week-end|date|jeudi|14h| h |2024|10/04|aujourd’hui|l’été|\u{a0}|\n){0,40}"
        ) {
            let doc = crate::Document::new(&text);
            let words = doc.words();
            for (index, sentence) in doc.sentences().iter().enumerate() {
                let bytes = &text.as_bytes()[sentence.clone()];
                proptest::prop_assert_eq!(
                    words_may_hold_a_date(text.as_bytes(), sentence.clone(), &words.words[words.sentences[index].clone()]),
                    may_hold_a_date(bytes)
                );
            }
        }

        /// Tokens made from the document's words are those of the scanner.
        #[test]
        fn tokens_from_words_are_the_scanned_ones(
            text in "([A-Za-zéÉàœŒÀİǅ×’'\\-+.,:/«»0-9IVXC ]|aujourd|week-end|après-midi|1er|XIXe|14h30|\u{a0}|\n| l'| L’| jusqu'|Qu’| Ce | Ve | le |Mars|2025|\u{2014}| peut-|dix-|-huit|Saint-|-Étienne|-XIX|-Date|-İ|Après-|-Week|Aujourd-| a été| A ÉTÉ|été| h |÷|14 |÷×2025){0,40}"
        ) {
            let doc = crate::Document::new(&text);
            let words = doc.words();
            let (mut scanned, mut from_words) = (Tokens::new(&text), Tokens::new(&text));
            for (index, sentence) in doc.sentences().iter().enumerate() {
                scanned.fill(sentence.clone());
                from_words.fill_words(words, words.sentences[index].clone());
                let summary = |t: &Tokens| -> Vec<String> {
                    (0..t.len())
                        .map(|i| {
                            let k = &t.toks[i];
                            format!("{:?} {:?} {} {} {} {} {} {}", k.kind, k.alt, k.start(), k.end(), k.space_before, k.capital, k.marks_time, t.text(i))
                        })
                        .collect()
                };
                proptest::prop_assert_eq!(summary(&scanned), summary(&from_words));
                proptest::prop_assert_eq!(&scanned.next_strong, &from_words.next_strong);
                // The strong tokens told as pushed are those of the backward pass.
                for t in [&scanned, &from_words] {
                    let reference: Vec<usize> =
                        (0..t.len()).filter(|&k| t.next_strong[k] == k).collect();
                    proptest::prop_assert_eq!(&t.strong, &reference);
                }
            }
        }
    }

    fn kinds(text: &str) -> Vec<(String, Kind)> {
        let mut tokens = Tokens::new(text);
        tokens.fill(0..text.len());
        (0..tokens.len())
            .map(|i| (tokens.text(i).to_string(), tokens.toks[i].kind))
            .collect()
    }

    #[test]
    fn words_numbers_ordinals() {
        let got = kinds("Le 1er mars, à 14h30 au XIXe siècle");
        assert_eq!(got[1], ("1er".into(), Kind::Ordinal(1)));
        assert_eq!(got[2].1, Kind::Word(Some(Class::Month(3))));
        assert_eq!(got[5], ("14".into(), Kind::Number(14, 2)));
        assert_eq!(got[6].0, "h");
        assert_eq!(got[7], ("30".into(), Kind::Number(30, 2)));
        assert_eq!(got[9].1, Kind::Ordinal(19));
        assert_eq!(got[10].1, Kind::Word(Some(Class::Unit(Unit::Century))));
    }

    #[test]
    fn joined_words() {
        let got = kinds("avant-hier, aujourd’hui, cet après-midi, mi-avril, dix-huit");
        assert_eq!(
            got[0],
            ("avant-hier".into(), Kind::Word(Some(Class::Day(-2))))
        );
        assert_eq!(got[2], ("aujourd".into(), Kind::Word(Some(Class::Day(0)))));
        assert_eq!(got[5].1, Kind::Word(Some(Class::Part("AF"))));
        // Not joined: `mi` and `avril`, `dix` and `huit` are read by the grammar.
        assert_eq!(got[7].0, "mi");
        assert_eq!(got[8], ("-".into(), Kind::Punct('-')));
    }

    #[test]
    fn the_vocabulary_table_holds_every_word() {
        for (word, entry) in &VOCABULARY.map {
            assert_eq!(VOCABULARY.get(word), Some(entry), "{word}");
        }
    }

    #[test]
    fn every_strong_word_passes_the_folded_filter() {
        let strong = VOCABULARY
            .map
            .iter()
            .filter(|(_, e)| opens_sentence(e.first) || e.second.is_some_and(opens_sentence))
            .map(|(w, _)| *w)
            .chain(STRONG_WORDS);
        for word in strong {
            for form in [word.to_string(), word.to_uppercase()] {
                assert!(
                    VOCABULARY.may_fold_to_strong(form.as_bytes(), 0, form.len()),
                    "{form}"
                );
            }
        }
        // The common words that share a strong word's first and last bytes and
        // length (`dec`, `mars`, `oct`) are told apart.
        for word in ["des", "dans", "ont", "mais", "sont", "avec"] {
            assert!(
                !VOCABULARY.may_fold_to_strong(word.as_bytes(), 0, word.len()),
                "{word}"
            );
        }
    }

    #[test]
    fn two_classes() {
        let mut tokens = Tokens::new("sept");
        tokens.fill(0..4);
        assert_eq!(tokens.toks[0].kind, Kind::Word(Some(Class::Month(9))));
        assert_eq!(tokens.toks[0].alt, Some(&Class::Number(7)));
    }

    #[test]
    fn the_pretest_discounts_amounts_and_the_participle() {
        for (text, expected) in [
            (
                "Des centaines de manifestants, une dizaine de blessés.",
                false,
            ),
            ("Une dizaine de jours.", true),
            ("Il n'a pas été élu, il a aussi été battu.", false),
            ("Été comme hiver.", true),
            ("Elle avait été là, un été.", false),
            ("L'été, cet été, au printemps, CET ÉTÉ.", true),
            ("Ce n’était pas l’été.", true),
            ("Ce fut le été.", true),
            ("En été.", true),
            ("Été 2023.", true),
        ] {
            assert_eq!(may_hold_a_date(text.as_bytes()), expected, "{text}");
            let doc = crate::Document::new(text);
            let words = doc.words();
            let from_words = words_may_hold_a_date(
                text.as_bytes(),
                0..text.len(),
                &words.words[0..words.words.len()],
            );
            assert_eq!(from_words, expected, "{text}");
        }
    }

    #[test]
    fn strong_words_and_digits() {
        assert!(may_hold_a_date("Il est venu HIER.".as_bytes()));
        assert!(may_hold_a_date("à 14h".as_bytes()));
        assert!(may_hold_a_date("à 14 h 30".as_bytes()));
        assert!(may_hold_a_date("le 10/04".as_bytes()));
        assert!(may_hold_a_date("en 1990,".as_bytes()));
        // Amounts are not times: `3,5 %`, `1 500 euros`, `23 tonnes`.
        assert!(!may_hold_a_date(
            "3,5 % de 1 500 euros et 23 tonnes".as_bytes()
        ));
        assert!(may_hold_a_date("En FÉVRIER".as_bytes()));
        assert!(may_hold_a_date("ce week-end".as_bytes()));
        assert!(may_hold_a_date("depuis l’été".as_bytes()));
        assert!(!may_hold_a_date(
            "Il a pris la parole devant ses partisans.".as_bytes()
        ));
        // A number word alone is not enough: `trois délégations`.
        assert!(!may_hold_a_date("trois délégations".as_bytes()));
        assert!(!may_hold_a_date("".as_bytes()));
        assert!(!may_hold_a_date(
            "Il a été élu, elles ont été reçues.".as_bytes()
        ));
        assert!(may_hold_a_date("Il a passé l'été à Brest.".as_bytes()));
        // Signs that share the lead byte of accented letters end in time.
        assert!(!may_hold_a_date("a ÷ b × c".as_bytes()));
        assert!(may_hold_a_date("÷×2025".as_bytes()));
    }

    #[test]
    fn romans() {
        assert_eq!(roman_ordinal("XXIe"), Some(21));
        assert_eq!(roman_ordinal("IVe"), Some(4));
        assert_eq!(roman_ordinal("XIXème"), Some(19));
        assert_eq!(roman_ordinal("Xavier"), None);
        assert_eq!(roman_ordinal("e"), None);
        assert_eq!(roman_ordinal("Ce"), None);
        assert_eq!(roman_ordinal("Le"), None);
        assert_eq!(roman_ordinal("Ve"), Some(5));
    }
}
