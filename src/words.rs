//! Words: a sentence cut into words and punctuation, with the few facts the rules
//! ask of every word (capitalized, all capitals, a number, an elided article).
//!
//! A word is a run of letters and digits, with the hyphens and apostrophes inside it
//! (`Jean-Michel`, `aujourd'hui`, `O'Neill`) and a trailing `+` (`Canal+`). An elided
//! article or pronoun ends at its apostrophe (`l'`, `d'`, `qu'`) and is a word of its
//! own. Every other character but spaces is one punctuation token. Offsets are bytes.

use std::ops::Range;

use crate::places::is_word_char;
use crate::swar::{bytes_of, within, HIGHS};

/// One word or punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset after its last character.
    pub end: usize,
    /// What it is: see the `Word::` constants.
    pub flags: u8,
    /// Where its lexicon key is in [`crate::document::Words`]' keys, when it is not
    /// its own key: kept here, in bytes the struct has anyway, so that a key is read
    /// from the word in hand (0 and 0 until then, and for a word that is its own key).
    pub(crate) key_start: u32,
    /// The key's length in bytes: see `key_start` (`u16::MAX`: a key too long or too
    /// far for these two fields, kept aside).
    pub(crate) key_len: u16,
}

impl Word {
    /// The word of bytes `start..end`, with `flags` (see the `Word::` constants).
    #[inline]
    pub const fn new(start: usize, end: usize, flags: u8) -> Word {
        Word {
            start,
            end,
            flags,
            key_start: 0,
            key_len: 0,
        }
    }

    /// Starts with a capital letter.
    pub const CAPITALIZED: u8 = 1;
    /// Has at least two letters, all capitals (`ONU`, `PARIS`).
    pub const ALL_CAPS: u8 = 2;
    /// Starts with a digit.
    pub const NUMBER: u8 = 4;
    /// A punctuation mark (one character).
    pub const PUNCT: u8 = 8;
    /// An elided word ending with its apostrophe (`l'`, `d’`, `qu'`).
    pub const ELIDED: u8 = 16;
    /// Starts with a lowercase letter.
    pub const LOWERCASE: u8 = 32;
    /// Has no capital letter and no `’`: it is its own key (see [`key`]).
    pub const FOLDED: u8 = 64;
    /// Only letters, ASCII or two-byte Latin (U+00C0–U+017F): no digit, hyphen,
    /// apostrophe or `+`, no other script. The dates pre-filter reads such a word
    /// whole, without going over its bytes again.
    pub const LETTERS: u8 = 128;

    /// Whether every flag of `flags` is set.
    #[inline]
    pub fn is(&self, flags: u8) -> bool {
        self.flags & flags == flags
    }

    /// Its text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// Its length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a zero-length word (never made by [`split`]).
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Words that end at an apostrophe when one follows them: elided articles,
/// prepositions, pronouns and conjunctions.
fn elides(word: &str) -> bool {
    matches!(
        word,
        "l" | "L"
            | "d"
            | "D"
            | "j"
            | "J"
            | "m"
            | "M"
            | "n"
            | "N"
            | "s"
            | "S"
            | "t"
            | "T"
            | "c"
            | "C"
            | "qu"
            | "Qu"
            | "QU"
            | "jusqu"
            | "Jusqu"
            | "lorsqu"
            | "Lorsqu"
            | "puisqu"
            | "Puisqu"
            | "quoiqu"
            | "Quoiqu"
            | "presqu"
    )
}

/// Whether a letter or digit `c` is a letter, and a capital: without the Unicode
/// tables for Latin-1 (`é`, `À`), the accented letters of French.
#[inline]
fn letter_case(c: char) -> (bool, bool) {
    if ('\u{c0}'..='\u{ff}').contains(&c) {
        let letter = c != '×' && c != '÷';
        (letter, letter && c <= 'Þ')
    } else {
        (c.is_alphabetic(), c.is_uppercase())
    }
}

/// [`NOT_LETTER`] unless the letter `c` is a two-byte Latin one (U+00C0–U+017F, a
/// lead byte `0xc3` to `0xc5`), for [`Word::LETTERS`]; 0 if it is.
#[inline]
fn not_two_byte_latin(c: char) -> u8 {
    if ('\u{c0}'..='\u{17f}').contains(&c) {
        0
    } else {
        NOT_LETTER
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// [`ASCII_CLASS`] bits: a digit, a capital, a lowercase letter.
const DIGIT: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
/// A letter or digit: one of the three above.
const ALNUM: u8 = DIGIT | UPPER | LOWER;
/// Beside them in [`split`], what makes a word not [`Word::LETTERS`] but a digit: a
/// joiner (hyphen, apostrophe, `+`) or a letter of another script. Never in the table.
const NOT_LETTER: u8 = 8;
/// [`ASCII_CLASS`] bits of the bytes that are not letters or digits: what may go on
/// with a word (`-`, `+`, `'`), ASCII whitespace, and the bytes of non-ASCII
/// characters. Other ASCII punctuation has class 0.
const JOINER: u8 = 16;
const SPACE: u8 = 32;
const HIGH: u8 = 64;

/// The class of each byte: an ASCII letter or digit, a joiner, a space, a non-ASCII
/// byte, or 0 for other ASCII punctuation.
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'0'..=b'9' => DIGIT,
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            b'-' | b'+' | b'\'' => JOINER,
            b' ' | b'\t'..=b'\r' => SPACE,
            0x80..=0xff => HIGH,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// The end of the run of ASCII letters and digits at `bytes[from..]`. Their classes,
/// and the class of the byte that ends the run (if any), are added to `seen`.
///
/// Eight bytes a turn, as one `u64`: which of them are digits, capitals and lowercase
/// letters comes out of a few additions and masks ([`ascii_classes`]), and the run's
/// end is the first byte that is none, found by counting trailing zeros. The byte-by-
/// byte loop this replaced mispredicted its exit about once a word (the length of a
/// word is anyone's guess); this one branches once per eight bytes, mostly the same
/// way. The last bytes, fewer than eight, are read one by one.
#[inline(always)]
fn ascii_run(bytes: &[u8], from: usize, seen: &mut u8) -> usize {
    let mut i = from;
    let mut rest = &bytes[from..];
    while let Some((block, tail)) = rest.split_first_chunk::<8>() {
        let (digits, capitals, lowercase) = ascii_classes(u64::from_le_bytes(*block));
        let stops = !(digits | capitals | lowercase) & HIGHS;
        // The bits below the first stop's (all of them when there is none): the run.
        let run = stops.wrapping_sub(1) & !stops;
        *seen |= (u8::from(digits & run != 0) * DIGIT)
            | (u8::from(capitals & run != 0) * UPPER)
            | (u8::from(lowercase & run != 0) * LOWER);
        if stops != 0 {
            let k = stops.trailing_zeros() as usize / 8;
            *seen |= ASCII_CLASS[usize::from(block[k])];
            return i + k;
        }
        i += 8;
        rest = tail;
    }
    ascii_run_bytewise(bytes, i, seen)
}

/// [`ascii_run`] one byte at a time: its last bytes, and its reference in the tests.
#[inline(always)]
fn ascii_run_bytewise(bytes: &[u8], from: usize, seen: &mut u8) -> usize {
    let rest = &bytes[from..];
    from + rest
        .iter()
        .position(|&b| {
            let class = ASCII_CLASS[usize::from(b)];
            *seen |= class;
            class & ALNUM == 0
        })
        .unwrap_or(rest.len())
}

/// Which of the eight bytes of `x` are ASCII digits, capitals and lowercase letters:
/// bit 7 of each byte set in the first, second or third mask. Letters are told with
/// bit 5 set (`A` to `Z` become `a` to `z`), then apart by bit 5 as written. Bytes
/// with bit 7 set (non-ASCII) are in none.
#[inline(always)]
fn ascii_classes(x: u64) -> (u64, u64, u64) {
    let ascii = !x & HIGHS;
    let v = x & !HIGHS;
    let digits = within(v, b'0', b'9') & ascii;
    let letters = within(v | bytes_of(0x20), b'a', b'z') & ascii;
    // Bit 5 of each byte, brought to bit 7: set for lowercase letters.
    let lower = (v << 2) & HIGHS;
    (digits, letters & !lower, letters & lower)
}

/// The flags a word starts with, by the class of its first character ([`DIGIT`],
/// [`UPPER`] or [`LOWER`]; any other index is unused).
static START_FLAGS: [u8; 8] = {
    let mut table = [0u8; 8];
    table[DIGIT as usize] = Word::NUMBER;
    table[UPPER as usize] = Word::CAPITALIZED;
    table[LOWER as usize] = Word::LOWERCASE;
    table
};

/// The flags a word of ASCII and Latin-1 letters and digits has by what it holds,
/// indexed by its `seen & (DIGIT | UPPER)`: [`Word::FOLDED`] without a capital,
/// [`Word::LETTERS`] without a digit.
static SEEN_FLAGS: [u8; 4] = {
    let mut table = [0u8; 4];
    let mut seen = 0;
    while seen < 4 {
        if seen & UPPER as usize == 0 {
            table[seen] |= Word::FOLDED;
        }
        if seen & DIGIT as usize == 0 {
            table[seen] |= Word::LETTERS;
        }
        seen += 1;
    }
    table
};

/// Whether `word` (a word made by [`split`]) has at least two letters.
///
/// Only asked of words without a lowercase letter, the few that may be all capitals:
/// counting letters in the hot loop for every word cost more than this second look.
fn has_two_letters(word: &str) -> bool {
    word.chars()
        .filter(|&c| is_word_char(c) && letter_case(c).0)
        .nth(1)
        .is_some()
}

/// The [`ASCII_CLASS`] bit a Latin-1 letter (`é`, `À`) stands for in [`split`], from
/// the byte after its lead byte 0xC3: [`UPPER`] for `À` to `Þ` (C3 80–9E), [`LOWER`]
/// for `ß` to `ÿ` (C3 9F–BF); 0 for `×` (C3 97), `÷` (C3 B7) and any other byte.
#[inline(always)]
fn latin_1_class(next: Option<u8>) -> u8 {
    match next {
        Some(0x97 | 0xb7) => 0,
        Some(0x80..=0x9e) => UPPER,
        Some(0x9f..=0xbf) => LOWER,
        _ => 0,
    }
}

/// The length of the apostrophe (`'` or `’`) at `bytes[at..]`, 0 if there is none.
#[inline(always)]
fn apostrophe_len(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at..) {
        Some([b'\'', ..]) => 1,
        Some([0xe2, 0x80, 0x99, ..]) => 3,
        _ => 0,
    }
}

/// Cuts `text[range]` into words and punctuation, appended to `out`.
pub fn split(text: &str, range: Range<usize>, out: &mut Vec<Word>) {
    // Nothing is read past the range: words end at its end.
    let text = &text[..range.end];
    let bytes = text.as_bytes();
    let mut i = range.start;
    while let Some(&b) = bytes.get(i) {
        let class = ASCII_CLASS[usize::from(b)];
        // The class of the word's first character and its length: an ASCII letter or
        // digit, or a Latin-1 letter (`à`, `État`), as common at the start of a word
        // as inside one; 0 for anything else.
        let (first, first_len) = if class & ALNUM != 0 {
            (class, 1)
        } else if b == 0xc3 {
            (latin_1_class(bytes.get(i + 1).copied()), 2)
        } else {
            (0, 1)
        };
        if first != 0 {
            // Most words are ASCII letters and digits up to a space or a punctuation
            // mark: their flags follow from the classes seen, with no second look.
            let mut seen = first;
            let mut end = ascii_run(bytes, i + first_len, &mut seen);
            // Latin-1 letters inside the word (`année`, `Générale`), one word in six,
            // are read here too, as the capital or lowercase letter they are: their
            // case is all the flags need of them, and they need no call to
            // `rest_of_word`. `HIGH` in `seen` is the class of the byte at `end`.
            while seen & HIGH != 0 && bytes[end] == 0xc3 {
                let class = latin_1_class(bytes.get(end + 1).copied());
                if class == 0 {
                    break;
                }
                seen = (seen & !HIGH) | class;
                end = ascii_run(bytes, end + 2, &mut seen);
            }
            let upper = first == UPPER;
            // Table look-ups rather than tests: one load each, no branch to guess.
            let start_flags = START_FLAGS[usize::from(first & ALNUM)];
            if seen & (JOINER | HIGH) == 0 {
                let mut flags = start_flags;
                if upper && seen & LOWER == 0 && has_two_letters(&text[i..end]) {
                    flags |= Word::ALL_CAPS;
                }
                // Whether a word is folded, or only letters, is anyone's guess.
                flags |= SEEN_FLAGS[usize::from(seen & (DIGIT | UPPER))];
                out.push(Word::new(i, end, flags));
                // The byte that ended the word, if an ASCII space, is skipped here
                // rather than by another turn of the loop.
                i = end + usize::from(seen & SPACE != 0);
                continue;
            }
            // An elided one-letter word (`l’`, `d'`), one word in twenty, made here
            // as `rest_of_word` would: its flags are its case, `ELIDED`, and
            // `FOLDED` if lowercase before a straight apostrophe.
            let apostrophe = apostrophe_len(bytes, end);
            if end == i + 1
                && apostrophe > 0
                && matches!(
                    b | 0x20,
                    b'l' | b'd' | b'j' | b'm' | b'n' | b's' | b't' | b'c'
                )
            {
                let folded = !upper && apostrophe == 1;
                out.push(Word::new(
                    i,
                    end + apostrophe,
                    start_flags | Word::ELIDED | (u8::from(folded) * Word::FOLDED),
                ));
                i = end + apostrophe;
                continue;
            }
            // A joiner or another non-ASCII character: the word may go on.
            let word = rest_of_word(text, i, end, start_flags, upper, seen);
            out.push(word);
            i = word.end;
            continue;
        }
        if class == SPACE {
            i += 1;
            continue;
        }
        if class != HIGH {
            out.push(Word::new(i, i + 1, Word::PUNCT));
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !is_word_char(c) {
            out.push(Word::new(i, i + len, Word::PUNCT));
            i += len;
            continue;
        }
        let (alphabetic, upper) = letter_case(c);
        let flags = if upper {
            Word::CAPITALIZED
        } else if alphabetic && c.is_lowercase() {
            Word::LOWERCASE
        } else {
            0
        };
        let mut seen = not_two_byte_latin(c);
        let end = ascii_run(bytes, i + len, &mut seen);
        let word = rest_of_word(text, i, end, flags, upper, seen);
        out.push(word);
        i = word.end;
    }
}

/// The character at byte `at` of `text` and its length, ASCII without decoding.
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b < 0x80 {
        (char::from(b), 1)
    } else {
        let c = text[at..].chars().next().unwrap_or(' ');
        (c, c.len_utf8())
    }
}

/// The word of [`split`] starting at `start`, whose first character (with `flags`,
/// a capital if `upper`) and the ASCII letters and digits after it end at `end`;
/// `seen` has their [`ASCII_CLASS`] bits. Goes on over joiners and non-ASCII letters,
/// up to the end of `text` at most.
///
/// Out of [`split`]'s loop: words with a joiner (but the elided one-letter words) or
/// a letter beyond Latin-1, about one in forty since [`split`] reads Latin-1 letters
/// itself, leave the plain path its registers.
#[inline(never)]
fn rest_of_word(
    text: &str,
    start: usize,
    mut end: usize,
    mut flags: u8,
    upper: bool,
    seen: u8,
) -> Word {
    let bytes = text.as_bytes();
    let stop = bytes.len();
    let mut all_caps = upper;
    let mut folded = !upper;
    // What the ASCII letters and digits of the word hold, as `ASCII_CLASS` bits,
    // and `NOT_LETTER` once it has a joiner or a letter of another script: one
    // variable for the rare cases, where a flag of its own cost a register.
    let mut ascii_seen = seen;
    loop {
        if end >= stop {
            break;
        }
        let (d, dlen) = match (bytes[end], bytes.get(end + 1)) {
            (b @ (b'-' | b'+' | b'\''), _) => (char::from(b), 1),
            // Any other ASCII byte (a space, punctuation) ends the word.
            (0..=0x7f, _) => break,
            // Latin-1 letters (`é`, `É`), the accents of French, without decoding or
            // the general tests below: C3 80–BF is U+00C0–U+00FF, all letters but `×`
            // (C3 97) and `÷` (C3 B7), capitals up to `Þ` (C3 9E), two-byte Latin.
            (0xc3, Some(0x97 | 0xb7)) => break,
            (0xc3, Some(&next @ 0x80..=0xbf)) => {
                let upper = next <= 0x9e;
                all_caps &= upper;
                folded &= !upper;
                end = ascii_run(bytes, end + 2, &mut ascii_seen);
                continue;
            }
            _ => char_at(text, end),
        };
        if is_word_char(d) {
            let (alphabetic, upper) = letter_case(d);
            if alphabetic {
                all_caps &= upper;
                folded &= !upper;
            }
            ascii_seen |= not_two_byte_latin(d);
            end = ascii_run(bytes, end + dlen, &mut ascii_seen);
            continue;
        }
        // A hyphen or apostrophe inside a word, a `+` at its end; anything else
        // ends the word.
        if !matches!(d, '-' | '+') && !is_apostrophe(d) {
            break;
        }
        let after = end + dlen;
        let inner = after < stop && is_word_char(char_at(text, after).0);
        if is_apostrophe(d) && elides(&text[start..end]) {
            end = after;
            flags |= Word::ELIDED;
            folded &= d == '\'';
            ascii_seen |= NOT_LETTER;
            break;
        }
        if (d == '-' || is_apostrophe(d)) && inner {
            folded &= d != '’';
            ascii_seen |= NOT_LETTER;
            end = ascii_run(bytes, after, &mut ascii_seen);
            continue;
        }
        if d == '+' && !inner {
            end = after;
            ascii_seen |= NOT_LETTER;
        }
        break;
    }
    all_caps &= ascii_seen & LOWER == 0;
    folded &= ascii_seen & UPPER == 0;
    if all_caps && has_two_letters(&text[start..end]) {
        flags |= Word::ALL_CAPS;
    }
    flags |= (u8::from(folded) * Word::FOLDED)
        | (u8::from(ascii_seen & (DIGIT | NOT_LETTER) == 0) * Word::LETTERS);
    Word::new(start, end, flags)
}

/// Writes `word` lowercased with `’` as `'` into `buf`, and returns it: the key of
/// the lexicons.
pub fn key<'b>(word: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    push_key(word, buf);
    buf
}

/// Appends the key of `word` (see [`key`]) to `buf`.
///
/// One pass, character by character: ASCII and the Latin-1 capitals (`É`, `À`) are
/// lowered without the Unicode tables, which only the rarer capitals go through.
pub fn push_key(word: &str, buf: &mut String) {
    buf.reserve(word.len());
    for c in word.chars() {
        match c {
            'A'..='Z' => buf.push(c.to_ascii_lowercase()),
            '\0'..='\x7f' => buf.push(c),
            '’' => buf.push('\''),
            // U+00C0–U+00DE but `×`: their lowercase is 0x20 further (`É` → `é`).
            'À'..='Þ' if c != '×' => buf.extend(char::from_u32(u32::from(c) + 0x20)),
            c if c.is_uppercase() => buf.extend(c.to_lowercase()),
            c => buf.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split(text, 0..text.len(), &mut out);
        out.iter().map(|w| w.text(text)).collect()
    }

    #[test]
    fn words_and_punctuation() {
        assert_eq!(
            words("M. Jean-Michel Aubert, l'ONU et aujourd’hui d’État."),
            [
                "M",
                ".",
                "Jean-Michel",
                "Aubert",
                ",",
                "l'",
                "ONU",
                "et",
                "aujourd’hui",
                "d’",
                "État",
                "."
            ]
        );
        assert_eq!(
            words("Canal+ et Opep+ ; O'Neill"),
            ["Canal+", "et", "Opep+", ";", "O'Neill"]
        );
        assert_eq!(words("qu'il « vite »"), ["qu'", "il", "«", "vite", "»"]);
        assert_eq!(words("rendez-vous -t-il"), ["rendez-vous", "-", "t-il"]);
    }

    #[test]
    fn flags() {
        let text = "ONU Paris l' 14 bien É";
        let mut out = Vec::new();
        split(text, 0..text.len(), &mut out);
        assert!(out[0].is(Word::ALL_CAPS | Word::CAPITALIZED));
        assert!(out[1].is(Word::CAPITALIZED) && !out[1].is(Word::ALL_CAPS));
        assert!(out[2].is(Word::ELIDED | Word::LOWERCASE));
        assert!(out[3].is(Word::NUMBER));
        assert!(out[4].is(Word::LOWERCASE | Word::FOLDED));
        assert!(out[2].is(Word::FOLDED) && !out[1].is(Word::FOLDED));
        assert!(out[5].is(Word::CAPITALIZED) && !out[5].is(Word::ALL_CAPS));
        assert!(out[0].is(Word::LETTERS) && out[5].is(Word::LETTERS));
        assert!(!out[2].is(Word::LETTERS) && !out[3].is(Word::LETTERS));
    }

    #[test]
    fn letters() {
        let text = "été Œuvre week-end aujourd’hui M6 Canal+ ǅ ſoir ƀ l’ rendez -";
        let mut out = Vec::new();
        split(text, 0..text.len(), &mut out);
        let letters: Vec<bool> = out.iter().map(|w| w.is(Word::LETTERS)).collect();
        assert_eq!(
            letters,
            [true, true, false, false, false, false, false, true, false, false, true, false]
        );
    }

    #[test]
    fn flag_tables_as_tests() {
        for first in [DIGIT, UPPER, LOWER] {
            let plain = if first == UPPER {
                Word::CAPITALIZED
            } else if first == LOWER {
                Word::LOWERCASE
            } else {
                Word::NUMBER
            };
            assert_eq!(START_FLAGS[usize::from(first & ALNUM)], plain);
        }
        for seen in 0..=u8::MAX {
            let plain = (u8::from(seen & UPPER == 0) * Word::FOLDED)
                | (u8::from(seen & DIGIT == 0) * Word::LETTERS);
            assert_eq!(SEEN_FLAGS[usize::from(seen & (DIGIT | UPPER))], plain);
        }
    }

    /// The first, plain version of [`split`], char by char: the fast one must agree.
    fn reference_split(text: &str, range: Range<usize>, out: &mut Vec<Word>) {
        let slice = &text[range.clone()];
        let base = range.start;
        let mut chars = slice.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            if !is_word_char(c) {
                let end = i + c.len_utf8();
                out.push(Word::new(base + i, base + end, Word::PUNCT));
                continue;
            }
            let mut end = i + c.len_utf8();
            let mut flags = if c.is_ascii_digit() {
                Word::NUMBER
            } else if c.is_uppercase() {
                Word::CAPITALIZED
            } else if c.is_lowercase() {
                Word::LOWERCASE
            } else {
                0
            };
            let mut letters = usize::from(c.is_alphabetic());
            let mut all_caps = c.is_uppercase();
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    if d.is_alphabetic() {
                        letters += 1;
                        all_caps &= d.is_uppercase();
                    }
                    chars.next();
                    end = j + d.len_utf8();
                    continue;
                }
                // A hyphen or apostrophe inside a word, a `+` at its end.
                let next = slice[j + d.len_utf8()..].chars().next();
                let inner = next.is_some_and(is_word_char);
                if is_apostrophe(d) && elides(&slice[i..end]) {
                    chars.next();
                    end = j + d.len_utf8();
                    flags |= Word::ELIDED;
                    break;
                }
                if (d == '-' || is_apostrophe(d)) && inner {
                    chars.next();
                    end = j + d.len_utf8();
                    continue;
                }
                if d == '+' && !inner {
                    chars.next();
                    end = j + 1;
                }
                break;
            }
            if all_caps && letters >= 2 {
                flags |= Word::ALL_CAPS;
            }
            out.push(Word::new(base + i, base + end, flags));
        }
    }

    /// The plain split with the flags it predates, for the comparisons.
    fn reference_split_flagged(text: &str, range: Range<usize>) -> Vec<Word> {
        let mut plain = Vec::new();
        reference_split(text, range, &mut plain);
        // The plain version predates the FOLDED flag, a word without capital or
        // `’`, and the LETTERS flag, a word of ASCII and two-byte Latin letters.
        for w in plain.iter_mut().filter(|w| !w.is(Word::PUNCT)) {
            let word = w.text(text);
            if !word.chars().any(char::is_uppercase) && !word.contains('’') {
                w.flags |= Word::FOLDED;
            }
            if word
                .chars()
                .all(|c| c.is_ascii_alphabetic() || ('\u{c0}'..='\u{17f}').contains(&c))
            {
                w.flags |= Word::LETTERS;
            }
        }
        plain
    }

    /// Two character boundaries of `text` (its end among them), picked by `cuts`.
    fn char_bounds(text: &str, cuts: (usize, usize)) -> (usize, usize) {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        (bounds[cuts.0 % bounds.len()], bounds[cuts.1 % bounds.len()])
    }

    /// [`split`] of `text[range]` is [`reference_split_flagged`]'s.
    fn split_agrees(
        text: &str,
        range: Range<usize>,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let mut fast = Vec::new();
        split(text, range.clone(), &mut fast);
        proptest::prop_assert_eq!(fast, reference_split_flagged(text, range));
        Ok(())
    }

    #[test]
    fn ascii_classes_of_every_byte() {
        for b in 0..=255u8 {
            for at in 0..8 {
                // The byte among others of every kind, so that no carry goes unseen.
                let mut block = *b"a0Z\x7f\x80 \xff~";
                block[at] = b;
                let (d, u, l) = ascii_classes(u64::from_le_bytes(block));
                let bit = 0x80u64 << (8 * at);
                assert_eq!(d & bit != 0, b.is_ascii_digit(), "{b:#x}");
                assert_eq!(u & bit != 0, b.is_ascii_uppercase(), "{b:#x}");
                assert_eq!(l & bit != 0, b.is_ascii_lowercase(), "{b:#x}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_run_reads_eight_bytes_as_one_by_one(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![b'0'..=b'z', proptest::num::u8::ANY], 0..40),
            from in 0usize..40,
        ) {
            let from = from.min(bytes.len());
            let (mut fast, mut slow) = (0, 0);
            proptest::prop_assert_eq!(
                ascii_run(&bytes, from, &mut fast),
                ascii_run_bytewise(&bytes, from, &mut slow)
            );
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    proptest::proptest! {
        /// Any part of a text: the fast split reads nothing past its range.
        #[test]
        fn the_fast_split_agrees_with_the_plain_one_on_ranges(
            text in "([a-zA-Zéàß’'\\- +.«0-9ÉÞþ×÷\u{a0}\tſ]|qu|Aujourd|ONU){0,30}",
            cuts in (0usize..40, 0usize..40),
        ) {
            let (a, b) = char_bounds(&text, cuts);
            split_agrees(&text, a.min(b)..a.max(b))?;
        }

        #[test]
        fn the_fast_split_agrees_with_the_plain_one(text in "([a-zA-Zéèàçœ’'\\- +.,«»0-9ÉÀÎÞßþÿ\u{a0}\t\n\u{b}ǅĀſƀ×÷ª²]|Aujourd|hui|ABCDEFGHI|abcdefghij|2025|l'|qu'){0,60}") {
            split_agrees(&text, 0..text.len())?;
        }
    }

    proptest::proptest! {
        /// Elided words and Latin-1 letters at the start, inside and at the end of
        /// words, which `split` reads without `rest_of_word`.
        #[test]
        fn the_fast_split_agrees_with_the_plain_one_on_elisions_and_accents(
            text in "([lLdDcCqQuUzZ1]|[’'] |[’']|é|É|à|À|ß|ÿ|Þ|×|÷|\u{e2}\u{80}|Ã|ǅ| |-|,){0,40}",
        ) {
            split_agrees(&text, 0..text.len())?;
        }
    }

    proptest::proptest! {
        /// French-like text, of lengths crossing 16, 32 and 64 bytes, cut anywhere
        /// on a character boundary: what a split reading blocks of bytes must agree on.
        #[test]
        fn the_fast_split_agrees_with_the_plain_one_on_french_like_text(
            text in "([a-zA-Z0-9 '’\\-+.,«»éÉàçß×α中\u{a0}\u{202f}]|Aujourd|hui|ONU|l'|d’|Canal+|2025|abcdefghijklmnopq|ABCDEFGHIJKLMNOPQ|   ){0,80}",
            cuts in (0usize..400, 0usize..400),
        ) {
            let (a, b) = char_bounds(&text, cuts);
            for range in [0..text.len(), a.min(b)..a.max(b), a..text.len()] {
                split_agrees(&text, range)?;
            }
        }
    }

    #[test]
    fn elisions_and_accented_words() {
        let text = "l’État d'après L'été C’est à Élise z’ 1’ ÉTÉ×É";
        let mut out = Vec::new();
        split(text, 0..text.len(), &mut out);
        let got: Vec<(&str, u8)> = out.iter().map(|w| (w.text(text), w.flags)).collect();
        let elided = Word::ELIDED | Word::LOWERCASE;
        let caps = Word::CAPITALIZED | Word::LETTERS;
        let lower = Word::LOWERCASE | Word::FOLDED | Word::LETTERS;
        assert_eq!(
            got,
            [
                ("l’", elided),
                ("État", caps),
                ("d'", elided | Word::FOLDED),
                ("après", lower),
                ("L'", Word::CAPITALIZED | Word::ELIDED),
                ("été", lower),
                ("C’", Word::CAPITALIZED | Word::ELIDED),
                ("est", lower),
                ("à", lower),
                ("Élise", caps),
                ("z", lower),
                ("’", Word::PUNCT),
                ("1", Word::NUMBER | Word::FOLDED),
                ("’", Word::PUNCT),
                ("ÉTÉ", caps | Word::ALL_CAPS),
                ("×", Word::PUNCT),
                ("É", caps),
            ]
        );
        assert_eq!(out, reference_split_flagged(text, 0..text.len()));
    }

    #[test]
    fn latin_1_letters_and_spaces_after_words() {
        let text = "ÉTÉ été ÉtÉ a×b c÷d ßA Þé aÞ AÞ  x\ty";
        let mut out = Vec::new();
        split(text, 0..text.len(), &mut out);
        let got: Vec<(&str, u8)> = out.iter().map(|w| (w.text(text), w.flags)).collect();
        let caps = Word::CAPITALIZED | Word::LETTERS;
        let lower = Word::LOWERCASE | Word::FOLDED | Word::LETTERS;
        assert_eq!(
            got,
            [
                ("ÉTÉ", caps | Word::ALL_CAPS),
                ("été", lower),
                ("ÉtÉ", caps),
                ("a", lower),
                ("×", Word::PUNCT),
                ("b", lower),
                ("c", lower),
                ("÷", Word::PUNCT),
                ("d", lower),
                ("ßA", Word::LOWERCASE | Word::LETTERS),
                ("Þé", caps),
                ("aÞ", Word::LOWERCASE | Word::LETTERS),
                ("AÞ", caps | Word::ALL_CAPS),
                ("x", lower),
                ("y", lower),
            ]
        );
    }

    /// The first version of [`push_key`]: the one-pass one must agree.
    fn reference_push_key(word: &str, buf: &mut String) {
        if word.is_ascii() {
            let start = buf.len();
            buf.push_str(word);
            buf[start..].make_ascii_lowercase();
        } else {
            for c in word.chars() {
                match c {
                    '’' => buf.push('\''),
                    c if c.is_uppercase() => buf.extend(c.to_lowercase()),
                    c => buf.push(c),
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_one_pass_key_agrees_with_the_plain_one(word in "(\\PC|[a-zA-Z’'À-ÿĀ-ſ])*") {
            let (mut fast, mut plain) = (String::from("x"), String::from("x"));
            push_key(&word, &mut fast);
            reference_push_key(&word, &mut plain);
            proptest::prop_assert_eq!(fast, plain);
        }

    }

    #[test]
    fn latin_1_keys_match_unicode() {
        for c in '\u{0}'..='\u{24f}' {
            let (mut fast, mut plain) = (String::new(), String::new());
            push_key(&c.to_string(), &mut fast);
            reference_push_key(&c.to_string(), &mut plain);
            assert_eq!(fast, plain, "{c:?}");
        }
    }

    #[test]
    fn latin_1_letter_case() {
        assert_eq!(letter_case('É'), (true, true));
        assert_eq!(letter_case('é'), (true, false));
        assert_eq!(letter_case('Þ'), (true, true));
        assert_eq!(letter_case('ß'), (true, false));
        assert_eq!(letter_case('×'), (false, false));
        assert_eq!(letter_case('Œ'), (true, true));
        assert_eq!(letter_case('œ'), (true, false));
        for c in '\u{c0}'..='\u{ff}' {
            if c != '×' && c != '÷' {
                assert_eq!(letter_case(c), (c.is_alphabetic(), c.is_uppercase()), "{c}");
            }
        }
    }

    #[test]
    fn keys_fold_case_and_apostrophes() {
        let mut buf = String::new();
        assert_eq!(key("Cour d’Appel", &mut buf), "cour d'appel");
        assert_eq!(key("ÉTAT", &mut buf), "état");
        assert_eq!(key("Ministre", &mut buf), "ministre");
    }
}
