//! The document every stage reads: the article text, its paragraphs and sentences
//! (byte ranges), and the byte → code point map used once, when spans are written.

use std::ops::Range;

use std::cell::OnceCell;

use crate::record::{SentenceSpan, Span, TextSpan};
use crate::segment;
use crate::swar::{bytes_of, HIGHS};
use crate::words::{self, Word};

/// The words of a document, cut once and read by every stage that works on words,
/// with their lexicon keys.
#[derive(Debug, Default)]
pub struct Words {
    /// Every word and punctuation mark of every sentence, in order.
    pub words: Vec<Word>,
    /// For each sentence, the range of its words in `words`.
    pub sentences: Vec<Range<usize>>,
    /// The keys of the words that are not their own key, end to end.
    keys: String,
    /// The key ranges in `keys` too long or too far for a word's own fields (`Word`'s
    /// `key_start` and `key_len`), by word index: none in any real text.
    long_keys: Vec<(usize, Range<usize>)>,
    /// For each block of `1 << WORD_BLOCK_SHIFT` bytes of the text, the index of the
    /// first word starting in that block or after it: where [`Words::first_from`]
    /// starts looking. Empty when the words are too many for `u32` indexes.
    block_firsts: Vec<u32>,
}

/// Bytes per entry of [`Words::block_firsts`]: a few words at most start in one.
const WORD_BLOCK_SHIFT: u32 = 5;

impl Words {
    /// Cuts every sentence of `text` into words and computes their keys.
    fn new(text: &str, sentences: &[Range<usize>]) -> Words {
        let mut out = Words {
            words: Vec::with_capacity(text.len() / 5),
            sentences: Vec::with_capacity(sentences.len()),
            // Capitalized words, about one in eight bytes, need a key of their own.
            keys: String::with_capacity(text.len() / 8),
            long_keys: Vec::new(),
            block_firsts: Vec::new(),
        };
        for sentence in sentences {
            let start = out.words.len();
            words::split(text, sentence.clone(), &mut out.words);
            out.sentences.push(start..out.words.len());
        }
        out.block_firsts = block_firsts(text.len(), &out.words);
        // The words that are not their own key, about one in five, found 64 at a time
        // as the bits of a mask, with no branch on each word's answer: a branch there,
        // which no predictor guesses, was the most mispredicted of the whole run. The
        // others keep a key length of 0, which is how `key` tells them.
        for c in 0..out.words.len().div_ceil(64) {
            let chunk = &out.words[c * 64..out.words.len().min(c * 64 + 64)];
            let mut need = chunk
                .iter()
                .enumerate()
                .fold(0u64, |mask, (k, w)| mask | u64::from(!is_own_key(w)) << k);
            while need != 0 {
                let i = c * 64 + need.trailing_zeros() as usize;
                need &= need - 1;
                let start = out.keys.len();
                let word = out.words[i].text(text);
                // Most keys are of ASCII words (`Paris`): copied as they are here, and
                // lowered all at once below, cheaper than char by char in `push_key`.
                if word.is_ascii() {
                    out.keys.push_str(word);
                } else {
                    words::push_key(word, &mut out.keys);
                }
                let end = out.keys.len();
                let w = &mut out.words[i];
                match (u32::try_from(start), u16::try_from(end - start)) {
                    (Ok(key_start), Ok(key_len)) if key_len < u16::MAX => {
                        w.key_start = key_start;
                        w.key_len = key_len;
                    }
                    _ => {
                        w.key_len = u16::MAX;
                        out.long_keys.push((i, start..end));
                    }
                }
            }
        }
        // The keys `push_key` made have no ASCII capital: this lowers only the copies.
        out.keys.make_ascii_lowercase();
        out
    }

    /// The lexicon key of word `i` (see [`words::key`]); `text` is the document's.
    ///
    /// Told by its key's length, 0 for a word that is its own key (every other word
    /// has a key of one character or more: [`words::push_key`] writes one or more for
    /// each of the word's), not by the word's flags (fewer instructions a call than
    /// [`Words::key_plain`]). The key's place is in the word itself, read anyway: a
    /// table of key ranges beside the words was one more cache miss, most calls.
    #[inline]
    pub fn key<'s>(&'s self, text: &'s str, i: usize) -> &'s str {
        let w = &self.words[i];
        if w.key_len == 0 {
            return w.text(text);
        }
        self.stored_key(w, i)
    }

    /// The key of word `i`, `w`, that is not its own key: in `keys`, where the word's
    /// fields say, or kept aside.
    #[inline]
    fn stored_key(&self, w: &Word, i: usize) -> &str {
        if w.key_len == u16::MAX {
            return self.long_key(i);
        }
        let start = w.key_start as usize;
        &self.keys[start..start + usize::from(w.key_len)]
    }

    /// The key of word `i`, kept aside: see [`Words::long_keys`].
    #[cold]
    fn long_key(&self, i: usize) -> &str {
        let at = self.long_keys.partition_point(|(word, _)| *word < i);
        self.long_keys
            .get(at)
            .map_or("", |(_, range)| &self.keys[range.clone()])
    }

    /// [`Words::key`] as its definition: the word's own text when it is its own key.
    #[cfg(test)]
    fn key_plain<'s>(&'s self, text: &'s str, i: usize) -> &'s str {
        let w = &self.words[i];
        if is_own_key(w) {
            return w.text(text);
        }
        self.stored_key(w, i)
    }

    /// The indexes of the words lying wholly inside the byte range `bytes`.
    pub fn inside(&self, bytes: Range<usize>) -> Range<usize> {
        let first = self.first_from(bytes.start);
        // Words are in order and do not overlap: of those starting before the range's
        // end, only the last may end past it.
        let mut last = self.first_from(bytes.end).max(first);
        if last > first && self.words[last - 1].end > bytes.end {
            last -= 1;
        }
        first..last
    }

    /// The index of the first word starting at byte `byte` or after it (the number of
    /// words starting before it): looked up in [`Words::block_firsts`], then a step
    /// over the few words starting in the same block before `byte`. A binary search
    /// over the words, as this was first, reads a dozen words far apart, most of them
    /// out of the cache: it was about a quarter of the time of the quotes.
    #[inline]
    pub fn first_from(&self, byte: usize) -> usize {
        let Some(&from) = self.block_firsts.get(byte >> WORD_BLOCK_SHIFT) else {
            return if self.block_firsts.is_empty() {
                self.words.partition_point(|w| w.start < byte)
            } else {
                self.words.len()
            };
        };
        let mut i = from as usize;
        while self.words.get(i).is_some_and(|w| w.start < byte) {
            i += 1;
        }
        i
    }

    /// [`Words::inside`] as first written: two binary searches.
    #[cfg(test)]
    fn inside_searching(&self, bytes: Range<usize>) -> Range<usize> {
        let first = self.words.partition_point(|w| w.start < bytes.start);
        let last = first + self.words[first..].partition_point(|w| w.end <= bytes.end);
        first..last
    }
}

/// [`Words::block_firsts`] of the words of a text of `len` bytes: one entry for each
/// block the text's bytes fall in, and one past the end.
fn block_firsts(len: usize, words: &[Word]) -> Vec<u32> {
    if u32::try_from(words.len()).is_err() {
        return Vec::new();
    }
    let blocks = (len >> WORD_BLOCK_SHIFT) + 2;
    let mut firsts = Vec::with_capacity(blocks);
    for (i, w) in words.iter().enumerate() {
        let block = w.start >> WORD_BLOCK_SHIFT;
        // Every block up to this word's that has no entry yet: no word before this
        // one starts in it.
        if firsts.len() <= block {
            firsts.resize(block + 1, i as u32);
        }
    }
    firsts.resize(blocks.max(firsts.len()), words.len() as u32);
    firsts
}

/// Whether a word is its own key: lowercase with no `’`, or one ASCII punctuation mark.
/// With `|` and `&`: no branch on either part (see `Words::new`).
#[inline]
fn is_own_key(w: &Word) -> bool {
    w.is(Word::FOLDED) | (w.is(Word::PUNCT) & (w.len() == 1))
}

/// An article being extracted. Offsets inside are byte offsets into [`Document::text`];
/// [`Document::span`] turns them into the code point spans of the output.
#[derive(Debug)]
pub struct Document<'a> {
    text: &'a str,
    offsets: OffsetMap,
    paragraphs: Vec<Range<usize>>,
    sentences: Vec<Range<usize>>,
    words: OnceCell<Words>,
}

impl<'a> Document<'a> {
    /// Segments `text` into paragraphs and sentences.
    pub fn new(text: &'a str) -> Document<'a> {
        let segmentation = segment::segment(text);
        Document {
            text,
            offsets: OffsetMap::new(text),
            paragraphs: segmentation.paragraphs,
            sentences: segmentation.sentences,
            words: OnceCell::new(),
        }
    }

    /// The article text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Paragraph byte ranges, in order, trimmed of surrounding whitespace.
    pub fn paragraphs(&self) -> &[Range<usize>] {
        &self.paragraphs
    }

    /// Sentence byte ranges, in order, non-overlapping, trimmed of surrounding whitespace.
    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    /// The words of every sentence ([`crate::words::split`]), cut on first use.
    pub fn words(&self) -> &Words {
        self.words
            .get_or_init(|| Words::new(self.text, &self.sentences))
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.offsets.chars
    }

    /// The code point offset of a byte offset (which must be on a char boundary).
    #[inline]
    pub fn char_offset(&self, byte: usize) -> usize {
        self.offsets.char_offset(self.text, byte)
    }

    /// Index of the sentence a byte offset falls in: the last sentence starting at or
    /// before it (0 when it precedes every sentence).
    pub fn sentence_index(&self, byte: usize) -> usize {
        self.sentences
            .partition_point(|s| s.start <= byte)
            .saturating_sub(1)
    }

    /// The output span of a byte range: its text, code point offsets and sentence.
    pub fn span(&self, range: Range<usize>) -> Span {
        self.span_in(range.clone(), self.sentence_index(range.start))
    }

    /// The output span of a byte range whose sentence index the caller knows (a stage
    /// that walks its mentions in order finds it without [`Document::sentence_index`]'s
    /// search).
    pub fn span_in(&self, range: Range<usize>, sentence: usize) -> Span {
        Span {
            text: self.text[range.clone()].to_string(),
            start: self.char_offset(range.start),
            end: self.char_offset(range.end),
            sentence,
        }
    }

    /// The output span of a byte range, without sentence index.
    pub fn text_span(&self, range: Range<usize>) -> TextSpan {
        TextSpan {
            text: self.text[range.clone()].to_string(),
            start: self.char_offset(range.start),
            end: self.char_offset(range.end),
        }
    }

    /// Sentence spans in code points, for the record.
    pub fn sentence_spans(&self) -> Vec<SentenceSpan> {
        self.sentences
            .iter()
            .map(|s| SentenceSpan {
                start: self.char_offset(s.start),
                end: self.char_offset(s.end),
            })
            .collect()
    }
}

/// Byte → code point conversion in O(1): two table look-ups and one masked word.
///
/// ASCII text needs no table. Otherwise `blocks` holds the number of code points
/// before each 256-byte block, and `words` the number before each eight-byte word
/// counted from the start of its block (at most 248: a `u8`), a little over an eighth
/// of the text's size in all: a conversion counts the character starts of at most
/// seven bytes, in one word.
#[derive(Debug)]
struct OffsetMap {
    blocks: Option<(Vec<u32>, Vec<u8>)>,
    chars: usize,
}

const BLOCK: usize = 256;

impl OffsetMap {
    fn new(text: &str) -> OffsetMap {
        if text.is_ascii() {
            return OffsetMap {
                blocks: None,
                chars: text.len(),
            };
        }
        // Code point counts are kept in `u32`: a longer text is scanned on every call.
        if u32::try_from(text.len()).is_err() {
            return OffsetMap {
                blocks: None,
                chars: count_char_starts(text.as_bytes()),
            };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut words = Vec::with_capacity(bytes.len().div_ceil(8));
        let mut chars = 0usize;
        for block in bytes.chunks(BLOCK) {
            blocks.push(chars as u32);
            // Code points of the block before each word: at most 248, a `u8`.
            let mut before = 0usize;
            let whole = block.chunks_exact(8);
            let tail = whole.remainder();
            words.extend(whole.map(|word| {
                let x = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                let at = before as u8;
                before += 8 - count_continuations(x);
                at
            }));
            if !tail.is_empty() {
                words.push(before as u8);
                before += count_char_starts(tail);
            }
            chars += before;
        }
        OffsetMap {
            blocks: Some((blocks, words)),
            chars,
        }
    }

    #[inline]
    fn char_offset(&self, text: &str, byte: usize) -> usize {
        let Some((blocks, words)) = &self.blocks else {
            return if text.len() == self.chars {
                byte
            } else {
                count_char_starts(&text.as_bytes()[..byte])
            };
        };
        let word = byte / 8;
        if word >= words.len() {
            // Only `byte == text.len()` on a word boundary gets here.
            return self.chars;
        }
        let before = blocks[byte / BLOCK] as usize + usize::from(words[word]);
        let from = word * 8;
        let wanted = byte - from;
        match text.as_bytes().get(from..from + 8) {
            Some(chunk) => {
                let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                // Character starts (bit 7 clear, or bits 7 and 6 both set) among the
                // `wanted` first bytes.
                let mask = (1u64 << (8 * wanted)) - 1;
                before + count_high_bits((!x | (x << 1)) & HIGHS & mask)
            }
            // The text's last bytes, fewer than eight.
            None => before + count_char_starts(&text.as_bytes()[from..byte]),
        }
    }
}

/// The number of bytes of `x` with bit 7 set, when no other bit is.
///
/// One multiplication adds the eight bytes up into the top one: cheaper than
/// `count_ones`, which the baseline x86-64 target builds out of shifts and masks.
#[inline]
fn count_high_bits(x: u64) -> usize {
    ((x >> 7).wrapping_mul(bytes_of(1)) >> 56) as usize
}

/// The number of continuation bytes (`10xxxxxx`) among the eight of `x`.
#[inline]
fn count_continuations(x: u64) -> usize {
    // Bit 7 set and bit 6 clear: `x << 1` brings each byte's bit 6 to bit 7.
    count_high_bits(x & !(x << 1) & HIGHS)
}

/// Counts the bytes that start a UTF-8 character (all but continuation bytes,
/// `10xxxxxx`), eight at a time.
fn count_char_starts(bytes: &[u8]) -> usize {
    let chunks = bytes.chunks_exact(8);
    let tail = chunks.remainder();
    let continuations: usize = chunks
        .map(|chunk| {
            count_continuations(u64::from_le_bytes(chunk.try_into().expect("eight bytes")))
        })
        .sum();
    bytes.len() - continuations - tail.iter().filter(|&&b| (b as i8) < -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_offsets(text: &str) {
        let map = OffsetMap::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(
                map.char_offset(text, byte),
                chars,
                "byte {byte} of {text:?}"
            );
        }
        assert_eq!(map.char_offset(text, text.len()), text.chars().count());
    }

    #[test]
    fn offsets_ascii_and_accented() {
        check_offsets("");
        check_offsets("Paris");
        check_offsets("À Moscou, l’été « très » chaud — 😀 fin.");
        check_offsets(&"é".repeat(100));
        check_offsets(&"aé😀".repeat(50));
    }

    proptest::proptest! {
        #[test]
        fn char_starts_are_counted_eight_bytes_at_a_time(text in "\\PC{0,80}") {
            proptest::prop_assert_eq!(count_char_starts(text.as_bytes()), text.chars().count());
            check_offsets(&text);
        }

        /// Texts over several blocks, mostly ASCII or not at all, of any length.
        #[test]
        fn offsets_in_long_texts(text in "[a-z ]{0,300}\\PC{0,200}|[éà’ a-z]{250,700}") {
            check_offsets(&text);
        }
    }

    /// The keys made at once, ASCII words lowered in bulk, are those of `words::key`.
    fn check_keys(text: &str) {
        let doc = Document::new(text);
        let words = doc.words();
        let mut buf = String::new();
        for i in 0..words.words.len() {
            let word = words.words[i].text(text);
            assert_eq!(words.key(text, i), words::key(word, &mut buf), "{word:?}");
            assert_eq!(words.key(text, i), words.key_plain(text, i), "{word:?}");
        }
    }

    #[test]
    fn keys_of_ascii_and_other_words() {
        check_keys("M. Jean-Marc AYRAULT à l’Élysée, l'ONU et d’État. Œuvre İstanbul « Oui » !");
    }

    /// A key longer than a word's field holds is kept aside, and found there, with
    /// the keys of the words around it.
    #[test]
    fn keys_too_long_for_a_word_are_kept_aside() {
        let long = format!("Ét{}", "Ab".repeat(40_000));
        let text = format!("À Paris, {long} et l’ONU ; {long}.");
        check_keys(&text);
        let doc = Document::new(&text);
        assert_eq!(doc.words().long_keys.len(), 2);
    }

    proptest::proptest! {
        #[test]
        fn keys_are_the_words_keys(text in "([A-Za-z’'.,\\- ]|É|é|Œ|İ|ẞ|«|\\PC){0,60}") {
            check_keys(&text);
        }

        /// Texts of hundreds of words: the words needing a key of their own are found
        /// 64 at a time, and some lie across the blocks.
        #[test]
        fn keys_of_long_texts(text in "((Le|la|PARIS|Élysée|l’État|d'ONU|x|«|,|\\.) ){100,300}") {
            check_keys(&text);
        }
    }

    /// The words looked up by block are those two binary searches find, for every
    /// byte range of the text, reversed and past-the-end ones included.
    fn check_inside(text: &str) {
        let doc = Document::new(text);
        let words = doc.words();
        let len = text.len();
        for start in 0..=len + 40 {
            assert_eq!(
                words.first_from(start),
                words.words.partition_point(|w| w.start < start),
                "byte {start} of {text:?}"
            );
            for end in (0..=len + 40).step_by(3) {
                assert_eq!(
                    words.inside(start..end),
                    words.inside_searching(start..end),
                    "{start}..{end} of {text:?}"
                );
            }
        }
    }

    #[test]
    fn words_inside_ranges() {
        check_inside("");
        check_inside("   ");
        check_inside("Le président, a-t-il dit, « viendra » à Paris.\n\nÀ Genève, l’été : 14 h.");
        check_inside(&format!("{}fin.", " ".repeat(200)));
        check_inside(
            "Unmotsitrèslongqu’ilcouvreplusieursblocsdetrente-deuxoctets, et puis d'autres.",
        );
    }

    proptest::proptest! {
        #[test]
        fn words_inside_ranges_of_any_text(text in "([A-Za-zé’'.,«» ]|\\PC){0,120}") {
            check_inside(&text);
        }
    }

    #[test]
    fn span_has_code_point_offsets_and_sentence() {
        let doc = Document::new("Il neige à Genève. Été à Riyad.");
        let start = doc.text().find("Riyad").unwrap();
        let span = doc.span(start..start + "Riyad".len());
        assert_eq!(span.text, "Riyad");
        assert_eq!((span.start, span.end, span.sentence), (25, 30, 1));
    }
}
