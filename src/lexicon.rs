//! Word lists: plain data files (one entry per line, `#` comments) embedded in the
//! binary and parsed once per process into sets that are cheap to query.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// A data file's text, copied once into the heap: the lexicons built from it keep
/// their keys there, as `&'static str` slices of it.
///
/// In the binary's read-only data the files sit on 4 KiB pages, and the look-ups that
/// compare a word with a key (the gazetteer's names, long cue keys, set entries) went
/// to pages the processor's address cache (TLB) no longer held. The allocator gives a
/// copy of a few megabytes huge pages (2 MiB; `AnonHugePages` in the process's
/// `smaps_rollup` covers nearly all its heap), so a few entries cover all the keys.
/// CPU time on 200 MB of the press dump, interleaved runs against the binary before:
/// 0.961, 0.971 and 0.985 at `-j 1`, 0.982 at `-j 2`, once 1.011; the copy, about
/// 4 MB, is made once at start-up and lives as long as the process, as the lexicons.
pub fn in_heap(data: &'static str) -> &'static str {
    Box::leak(Box::from(data))
}

/// Appends the lowercase form of `word` to `out`: ASCII words, the common case,
/// byte by byte, without Unicode's tables.
pub fn push_lower(word: &str, out: &mut String) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// The pieces of `text` between the bytes `sep`, as `text.split(sep as char)` cuts
/// them, found by a byte loop: the fields of the data files are a few bytes long,
/// and `split`'s search costs more per call than the bytes it steps over. `sep` is
/// ASCII, so every cut is on a character boundary.
pub fn split_at_byte(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii());
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let piece = rest?;
        let Some(at) = piece.bytes().position(|b| b == sep) else {
            rest = None;
            return Some(piece);
        };
        rest = Some(&piece[at + 1..]);
        Some(&piece[..at])
    })
}

/// The lines of `data`, as [`str::lines`] cuts them (`\n` or `\r\n` ends a line, no
/// empty line after the last end), in one vectorized search of the whole data for
/// `\n`, not one search per line (`str::lines`): the lines of the data files are
/// short and many.
pub fn lines(data: &str) -> impl Iterator<Item = &str> {
    let mut newlines = memchr::memchr_iter(b'\n', data.as_bytes());
    let mut start = 0;
    std::iter::from_fn(move || {
        let line = match newlines.next() {
            Some(end) => {
                let line = &data[start..end];
                start = end + 1;
                // A `\r` is part of the line ending only before a `\n`.
                line.strip_suffix('\r').unwrap_or(line)
            }
            // An unended last line.
            None if start < data.len() => {
                let line = &data[start..];
                start = data.len();
                line
            }
            None => return None,
        };
        Some(line)
    })
}

/// A set of words from a data file, with a hash suited to short keys.
#[derive(Debug, Clone)]
pub struct WordSet {
    words: HashSet<&'static str, BuildHasherDefault<Fnv1a>>,
    longest: usize,
    /// For each first byte, a bit for each length (63 for any longer) of the entries
    /// starting with it: most words looked up are in no set, and are told so without
    /// hashing.
    shapes: Box<[u64; 256]>,
    /// The entries of at most [`SHORT`] bytes as [`short_key`]s, in an open-addressing
    /// table (0 for an empty slot) whose length is a power of two: a word looked up
    /// there is folded into a word and compared whole, where the set would hash it
    /// byte by byte, then compare strings.
    short: Box<[u64]>,
}

/// The longest entries kept in [`WordSet`]'s table of short entries.
const SHORT: usize = 7;

impl Default for WordSet {
    /// The empty set.
    fn default() -> Self {
        WordSet::parse("")
    }
}

impl WordSet {
    /// Parses a word list: one entry per line, surrounding spaces trimmed, blank lines
    /// and lines starting with `#` skipped. The entries are kept in a copy of `data`
    /// on the heap ([`in_heap`]).
    pub fn parse(data: &'static str) -> WordSet {
        WordSet::parse_in_place(in_heap(data))
    }

    /// [`WordSet::parse`] of a list already on the heap (built at start-up), its
    /// entries kept where they are.
    pub(crate) fn parse_in_place(data: &'static str) -> WordSet {
        let words: HashSet<&'static str, BuildHasherDefault<Fnv1a>> = data
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
        let mut shapes = Box::new([0u64; 256]);
        for word in &words {
            shapes[usize::from(word.as_bytes()[0])] |= shape_bit(word);
        }
        // At most half full, so that probes are short.
        let mut short = vec![0; (2 * words.len()).next_power_of_two().max(2)].into_boxed_slice();
        for word in words.iter().filter(|w| w.len() <= SHORT) {
            let key = short_key(word);
            let mut slot = short_slot(key, short.len());
            while short[slot] != 0 {
                slot = (slot + 1) & (short.len() - 1);
            }
            short[slot] = key;
        }
        WordSet {
            words,
            longest,
            shapes,
            short,
        }
    }

    /// Whether the short entry `key` ([`short_key`]) is in the table of short entries.
    #[inline]
    fn holds_short(&self, key: u64) -> bool {
        let mut slot = short_slot(key, self.short.len());
        loop {
            match self.short[slot] {
                0 => return false,
                k if k == key => return true,
                _ => slot = (slot + 1) & (self.short.len() - 1),
            }
        }
    }

    /// Whether an entry of the set has the first byte and length of `word`.
    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        word.len() <= self.longest
            && word
                .as_bytes()
                .first()
                .is_some_and(|&b| self.shapes[usize::from(b)] & shape_bit(word) != 0)
    }

    /// Parses the section `[name]` of a data file split into sections (from the
    /// line after `[name]` to the next line starting with `[`); empty if absent.
    pub fn section(data: &'static str, name: &str) -> WordSet {
        let start = data
            .find(&format!("[{name}]"))
            .map_or(data.len(), |i| i + name.len() + 2);
        let end = data[start..].find("\n[").map_or(data.len(), |i| start + i);
        WordSet::parse(&data[start..end])
    }

    /// Whether `word` is in the set (case-sensitive).
    pub fn contains(&self, word: &str) -> bool {
        if !self.may_hold(word) {
            return false;
        }
        // Fast path: most words looked up are short, and found or not by one or two
        // comparisons of words in the table of short entries.
        if word.len() <= SHORT {
            return self.holds_short(short_key(word));
        }
        self.words.contains(word)
    }

    /// The entry equal to `word`, borrowed from the data.
    pub fn get(&self, word: &str) -> Option<&'static str> {
        if !self.may_hold(word) {
            return None;
        }
        self.words.get(word).copied()
    }

    /// Length in bytes of the longest entry: no longer word can be in the set.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the list has no entry.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The entries, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }
}

/// The bit of a word's length in [`WordSet`]'s shapes.
#[inline]
fn shape_bit(word: &str) -> u64 {
    1 << word.len().min(63)
}

/// A word of at most [`SHORT`] bytes as a number: its bytes, and its length in the
/// highest byte, so that no two such words have the same key, and none has 0.
#[inline]
fn short_key(word: &str) -> u64 {
    debug_assert!(word.len() <= SHORT);
    let bytes = word.bytes().fold(0, |key, b| key << 8 | u64::from(b));
    bytes | (word.len() as u64) << 56
}

/// The first slot to probe for a short key, in a table of `len` slots (a power of two,
/// at least 2): the high bits of a multiplicative hash.
#[inline]
fn short_slot(key: u64, len: usize) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - len.trailing_zeros())) as usize
}

/// FNV-1a: for keys of a few bytes, several times faster than the default SipHash,
/// and the lists are fixed data, so hash flooding is not a concern.
#[derive(Debug, Clone, Copy)]
pub struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv1a {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The copy holds the same text elsewhere than the binary's data, and a set
    /// parsed from the data (which keeps its entries in such a copy) finds every word.
    #[test]
    fn data_copied_to_the_heap_is_the_same_text() {
        let data = include_str!("places/stopwords.txt");
        let copy = in_heap(data);
        assert_eq!(copy, data);
        assert_ne!(copy.as_ptr(), data.as_ptr());
        let set = WordSet::parse(data);
        for word in lines(data)
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            assert!(set.contains(word), "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_byte_loops_cut_as_str_does(text in "[a-z|,é’\t\r\n ]{0,40}") {
            proptest::prop_assert_eq!(lines(&text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>());
            for sep in [b'\t', b'|', b'\n', b' ', b','] {
                proptest::prop_assert_eq!(
                    split_at_byte(&text, sep).collect::<Vec<_>>(),
                    text.split(char::from(sep)).collect::<Vec<_>>()
                );
            }
        }
    }

    proptest::proptest! {
        /// The table of short entries answers as the set itself, for words of every
        /// length around [`SHORT`], present or not.
        #[test]
        fn contains_as_the_hash_set(
            entries in proptest::collection::vec("[a-cé]{1,9}", 0..40),
            queries in proptest::collection::vec("[a-cé\u{0}]{0,9}", 0..40),
        ) {
            let set = WordSet::parse(entries.join("\n").leak());
            for word in entries.iter().chain(&queries) {
                proptest::prop_assert_eq!(set.contains(word), set.words.contains(word.as_str()));
            }
        }
    }

    #[test]
    fn short_keys_tell_words_apart() {
        assert_ne!(short_key("a"), short_key("a\u{0}"));
        assert_ne!(short_key("ab"), short_key("\u{0}ab"));
        assert_ne!(short_key("abcdefg"), short_key("bcdefg"));
        assert_ne!(short_key("\u{0}"), 0);
    }

    #[test]
    fn parse_skips_comments_and_blanks() {
        let set = WordSet::parse("# header\n\nle\n  les \n#les2\nJ.-C\n");
        assert_eq!(set.len(), 3);
        assert!(set.contains("le") && set.contains("les") && set.contains("J.-C"));
        assert!(!set.contains("Le"));
        assert!(!set.contains("#les2"));
        assert_eq!(set.longest(), 4);
        assert!(!set.contains("") && !set.contains("lu") && !set.contains("la"));
        let long = WordSet::parse(format!("{}\n", "x".repeat(70)).leak());
        assert!(long.contains(&"x".repeat(70)) && !long.contains(&"x".repeat(69)));
        assert!(!long.contains(&"x".repeat(71)) && !long.contains(&"y".repeat(70)));
    }

    #[test]
    fn sections() {
        let data = "# header\n[one]\nun\n# note\n[two]\ndeux\ntrois\n";
        assert!(WordSet::section(data, "one").contains("un"));
        assert_eq!(WordSet::section(data, "one").len(), 1);
        assert_eq!(WordSet::section(data, "two").len(), 2);
        assert!(WordSet::section(data, "three").is_empty());
    }
}
