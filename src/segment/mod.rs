//! Paragraph and sentence segmentation for French press text.
//!
//! Candidate boundaries are where a terminator (`.`, `?`, `!`, `…`), maybe followed
//! by closing quotes, is followed by whitespace: what Unicode's sentence boundaries
//! (UAX #29) give in Latin-script text. Lines in other scripts, which have terminators
//! of their own (`。`, `।`, `؟`), take their candidates from `unicode-segmentation`.
//! Every candidate is then judged by the rules of French press text:
//! - a line break always ends a sentence (titles, datelines, bullets, dash lines);
//! - a period after a title (`M.`, `Mme`, `Dr`...) or an initial (`J.-M.`) does not;
//! - a period after an abbreviation (`p.`, `cf.`, `av.`, `etc.`) does only before a capital;
//! - closing quotes after final punctuation stay with their sentence (`« Oui. »`);
//! - nothing ends before a lowercase word (`« Pourquoi ? » a-t-il demandé`);
//! - an ellipsis (`…` too) or a period followed by a number can end a sentence.

use std::ops::Range;
use std::sync::LazyLock;

use unicode_segmentation::UnicodeSegmentation;

use crate::lexicon::WordSet;
use crate::swar::{bytes_of, zero_bytes, HIGHS};

/// Titles before a name, after which a period never ends a sentence.
static TITLES: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(include_str!("titles.txt")));

/// Abbreviations after which a period ends a sentence only before a capital.
static ABBREVIATIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::parse(include_str!("abbreviations.txt")));

/// An article's paragraphs and sentences, as byte ranges trimmed of whitespace.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Maximal runs of non-blank lines.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences, in order, non-overlapping.
    pub sentences: Vec<Range<usize>>,
}

/// Segments `text` into paragraphs and sentences, in one pass over its bytes.
pub fn segment(text: &str) -> Segmentation {
    // Sized for press prose (sentences of about 150 bytes, paragraphs of three or
    // four), so that the lists seldom grow.
    let mut segmentation = Segmentation {
        paragraphs: Vec::with_capacity(text.len() / 256 + 1),
        sentences: Vec::with_capacity(text.len() / 64 + 1),
    };
    let mut paragraph: Option<Range<usize>> = None;
    // The candidate boundaries of a line, in one buffer for all lines.
    let mut candidates = Vec::new();
    scan_lines(text, |line| {
        // The line is trimmed once, for its paragraph and its sentences.
        let content = trim(text, line.range.clone());
        match &content {
            Some(content) => match &mut paragraph {
                Some(paragraph) => paragraph.end = content.end,
                None => paragraph = Some(content.clone()),
            },
            None => segmentation.paragraphs.extend(paragraph.take()),
        }
        if let Some(content) = content {
            line_sentences(
                text,
                &line,
                content,
                &mut candidates,
                &mut segmentation.sentences,
            );
        }
    });
    segmentation.paragraphs.extend(paragraph);
    segmentation
}

/// Paragraphs: maximal runs of non-blank lines, as byte ranges trimmed of whitespace.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    segment(text).paragraphs
}

/// Sentences, as byte ranges in order, non-overlapping, trimmed of whitespace.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    segment(text).sentences
}

/// One line, as the scanner saw it.
struct Line<'t> {
    range: Range<usize>,
    /// Byte offsets (in the text) of the terminators found in the line.
    terminators: &'t [usize],
    /// No character of a script with terminators of its own.
    latin: bool,
}

/// What a byte may start, for the scanner: most bytes start nothing of interest.
const PLAIN: u8 = 0;
const LINE_BREAK: u8 = 1;
const TERMINATOR: u8 = 2;
/// 0xC2: may start U+0085 (next line).
const LEAD_C2: u8 = 3;
/// 0xE2: may start `…`, `‼`, `⁇`, `⁈`, `⁉`, U+2028 or U+2029.
const LEAD_E2: u8 = 4;
/// Lead bytes of scripts beyond Latin and General Punctuation.
const OTHER_SCRIPT: u8 = 5;

static BYTE_CLASS: [u8; 256] = {
    let mut table = [PLAIN; 256];
    table[b'\n' as usize] = LINE_BREAK;
    table[b'\r' as usize] = LINE_BREAK;
    table[0x0b] = LINE_BREAK;
    table[0x0c] = LINE_BREAK;
    table[b'.' as usize] = TERMINATOR;
    table[b'?' as usize] = TERMINATOR;
    table[b'!' as usize] = TERMINATOR;
    table[0xc2] = LEAD_C2;
    table[0xe2] = LEAD_E2;
    let mut b = 0xca;
    while b <= 0xf4 {
        if b != 0xe2 {
            table[b] = OTHER_SCRIPT;
        }
        b += 1;
    }
    table
};

/// Whether eight bytes are all [`PLAIN`] for sure: ASCII or Latin-1 letters (`é`, lead
/// byte 0xC3, and continuation bytes), with no control character (line breaks are
/// among them) and no `.`, `?` or `!`. A block this says no to may still be plain:
/// the scanner then looks at its bytes one by one.
fn is_plain_block(block: &[u8]) -> bool {
    let x = u64::from_le_bytes(block.try_into().expect("eight bytes"));
    // Lead bytes (bits 7 and 6 set) other than 0xC3, exactly: French accented letters
    // leave a block plain, every other lead byte sends it to the byte-by-byte scan.
    let leads = x & (x << 1) & HIGHS;
    let nonzero = HIGHS & !zero_bytes(x ^ bytes_of(0xc3));
    // Bit 7 of a byte set in `v - n` but not in `v`: some byte of `v` may be below `n`
    // (a byte after such a one can be flagged too, never such a one missed). Below
    // 0x0e: the control characters, `\n`, `\r`, `\x0b` and `\x0c` among them; below 1
    // once xored with a terminator: that terminator. `v`'s bit 7 is `x`'s in all four,
    // so they share their `& !x & HIGHS`, and no branch is taken before the end.
    let below = x.wrapping_sub(bytes_of(0x0e))
        | (x ^ bytes_of(b'.')).wrapping_sub(bytes_of(1))
        | (x ^ bytes_of(b'?')).wrapping_sub(bytes_of(1))
        | (x ^ bytes_of(b'!')).wrapping_sub(bytes_of(1));
    (leads & nonzero) | (below & !x & HIGHS) == 0
}

/// Calls `on_line` for every line of `text` (every Unicode line separator ends one;
/// `\r\n` counts once), with the terminators found in it, in one pass.
fn scan_lines(text: &str, on_line: impl FnMut(Line)) {
    scan_lines_by::<true>(text, on_line);
}

/// [`scan_lines`], skipping blocks of eight plain bytes at once if `BLOCKS` (the
/// tests compare it with the byte-by-byte scan).
fn scan_lines_by<const BLOCKS: bool>(text: &str, mut on_line: impl FnMut(Line)) {
    let bytes = text.as_bytes();
    let mut terminators = Vec::new();
    let mut latin = true;
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Eight plain bytes at once, the common case, in a loop of its own that keeps
        // the rest of the state out of its way; then byte by byte up to the end of the
        // block (or past it, for a separator across it).
        if BLOCKS {
            // `chunks_exact` rather than `get(i..i + 8)`: a pointer and a bound a turn,
            // no overflow check.
            i += 8 * bytes[i..]
                .chunks_exact(8)
                .take_while(|block| is_plain_block(block))
                .count();
        }
        let block_end = bytes.len().min(i + 8);
        while i < block_end {
            let class = BYTE_CLASS[bytes[i] as usize];
            if class == PLAIN {
                i += 1;
                continue;
            }
            let next = bytes.get(i + 1).copied();
            let separator = match class {
                LINE_BREAK if bytes[i] == b'\r' && next == Some(b'\n') => 2,
                LINE_BREAK => 1,
                LEAD_C2 if next == Some(0x85) => 2,
                LEAD_E2 => match (next, bytes.get(i + 2)) {
                    (Some(0x80), Some(0xa8 | 0xa9)) => 3,
                    (Some(0x80), Some(0xa6 | 0xbc)) | (Some(0x81), Some(0x87..=0x89)) => {
                        terminators.push(i);
                        0
                    }
                    _ => 0,
                },
                TERMINATOR => {
                    terminators.push(i);
                    0
                }
                OTHER_SCRIPT => {
                    latin = false;
                    0
                }
                _ => 0,
            };
            if separator > 0 {
                on_line(Line {
                    range: start..i,
                    terminators: &terminators,
                    latin,
                });
                terminators.clear();
                latin = true;
                i += separator;
                start = i;
            } else {
                i += 1;
            }
        }
    }
    if start < bytes.len() {
        on_line(Line {
            range: start..bytes.len(),
            terminators: &terminators,
            latin,
        });
    }
}

/// `range` without surrounding whitespace, or `None` if nothing is left.
fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let (mut start, mut end) = (range.start, range.end);
    // ASCII fast path: lines mostly start and end with ASCII, spaces or not, tested
    // byte by byte; `str::trim_start` and `trim_end` take over at a non-ASCII byte.
    while start < end && is_ascii_space(bytes[start]) {
        start += 1;
    }
    if start < end && !bytes[start].is_ascii() {
        start = end - text[start..end].trim_start().len();
    }
    while start < end && is_ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    if start < end && !bytes[end - 1].is_ascii() {
        end = start + text[start..end].trim_end().len();
    }
    (start < end).then_some(start..end)
}

/// [`trim`] as first written, its reference in the tests.
#[cfg(test)]
fn trim_simple(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = &text[range.clone()];
    let inner = s.trim_start();
    let start = range.start + (s.len() - inner.len());
    let end = start + inner.trim_end().len();
    (start < end).then_some(start..end)
}

/// Whether the ASCII byte `b` is whitespace for [`char::is_whitespace`] (which, unlike
/// [`u8::is_ascii_whitespace`], counts the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Terminators the Latin-script scanner looks for.
fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Appends the sentences of `line`, whose trimmed range is `range`, to `out`;
/// `candidates` is a buffer for its candidate boundaries.
fn line_sentences(
    text: &str,
    line: &Line,
    range: Range<usize>,
    candidates: &mut Vec<usize>,
    out: &mut Vec<Range<usize>>,
) {
    if line.terminators.is_empty() && line.latin {
        out.push(range);
        return;
    }
    let s = &text[range.clone()];
    candidates.clear();
    if line.latin {
        latin_candidates(
            s,
            line.terminators.iter().map(|&t| t - range.start),
            candidates,
        );
    } else {
        *candidates = unicode_candidates(s);
    }
    let mut start = 0;
    for &candidate in candidates.iter() {
        if candidate <= start {
            continue;
        }
        if let Some(boundary) = confirm_boundary(&s[start..candidate], &s[candidate..]) {
            let boundary = candidate + boundary;
            out.extend(trim(text, range.start + start..range.start + boundary));
            start = boundary;
        }
    }
    out.extend(trim(text, range.start + start..range.end));
}

/// Where a sentence may start in Latin-script text: after a terminator (the scanner
/// found them), closing quotes and at least one whitespace: appended to `candidates`.
fn latin_candidates(
    line: &str,
    terminators: impl Iterator<Item = usize>,
    candidates: &mut Vec<usize>,
) {
    latin_candidates_by::<true>(line, terminators, candidates);
}

/// [`latin_candidates`], with its fast path for ASCII if `FAST` (the tests compare it
/// with the character by character reading).
fn latin_candidates_by<const FAST: bool>(
    line: &str,
    terminators: impl Iterator<Item = usize>,
    candidates: &mut Vec<usize>,
) {
    let mut resume = 0;
    for t in terminators {
        // A run of terminators (`?!`, `...`) is handled at its first.
        if t < resume || t >= line.len() {
            continue;
        }
        // Fast path: a `.`, `?` or `!` followed by an ASCII letter or digit (`3.5`,
        // `www.x.fr`), or by a space and one, the common shapes, without decoding.
        let bytes = line.as_bytes();
        if FAST && matches!(bytes[t], b'.' | b'?' | b'!') {
            match (bytes.get(t + 1), bytes.get(t + 2)) {
                (Some(b), _) if b.is_ascii_alphanumeric() => {
                    resume = t + 1;
                    continue;
                }
                (Some(b' '), Some(b)) if b.is_ascii_alphanumeric() => {
                    resume = t + 2;
                    candidates.push(t + 2);
                    continue;
                }
                _ => {}
            }
        }
        let mut chars = line[t..].char_indices().peekable();
        while chars.next_if(|&(_, c)| is_terminator(c)).is_some() {}
        while chars
            .next_if(|&(_, c)| is_closer(c) || c == '"' || c == '\'')
            .is_some()
        {}
        let mut spaced = false;
        while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {
            spaced = true;
        }
        let Some(&(next, _)) = chars.peek() else {
            break;
        };
        resume = t + next;
        if spaced {
            candidates.push(t + next);
        }
    }
}

/// Where a sentence may start in other scripts: Unicode's sentence boundaries, plus
/// those it does not give that French press needs (`… Puis`, `en 2003. 2004 fut`).
fn unicode_candidates(line: &str) -> Vec<usize> {
    let mut candidates: Vec<usize> = line
        .split_sentence_bound_indices()
        .map(|(i, _)| i)
        .filter(|&i| i > 0)
        .collect();
    let mut chars = line.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if !matches!(c, '.' | '?' | '!' | '…') {
            continue;
        }
        while chars.next_if(|&(_, c)| is_closer(c) || c == '"').is_some() {}
        let mut spaced = false;
        while chars.next_if(|&(_, c)| c.is_whitespace()).is_some() {
            spaced = true;
        }
        if let (true, Some(&(i, next))) = (spaced, chars.peek()) {
            let after_ellipsis = c == '…' && (next.is_uppercase() || matches!(next, '«' | '“'));
            if next.is_ascii_digit() || after_ellipsis {
                candidates.push(i);
            }
        }
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

/// Closing quotation marks and brackets that belong to the sentence before them.
fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '›' | ')' | ']' | '’')
}

/// Decides whether a sentence really ends between `before` and `after` (a candidate
/// boundary). Returns the boundary's offset in `after` — past any closing quotes that
/// belong to `before` — or `None` when the sentence goes on.
fn confirm_boundary(before: &str, after: &str) -> Option<usize> {
    // Fast path: most candidates are a plain word, a period and a space before a
    // capital, which are told apart without decoding characters.
    if let Some(verdict) = confirm_plain_boundary(before, after) {
        return verdict;
    }
    confirm_boundary_by_chars(before, after)
}

/// [`confirm_boundary`]'s verdict for the common shape of candidates, or `None` if
/// the candidate has another shape: `before` ends with a run of ASCII lowercase
/// letters after a space and a `.` (or with `?` or `!`), then ASCII whitespace, and
/// `after` starts with an ASCII capital or digit, or `«`. Such a boundary stands at
/// the candidate unless the word is an abbreviation (or a title), left to the full
/// rules.
#[inline]
fn confirm_plain_boundary(before: &str, after: &str) -> Option<Option<usize>> {
    let next = after.as_bytes();
    let opens = next
        .first()
        .is_some_and(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        || after.starts_with('«');
    if !opens {
        return None;
    }
    let bytes = before.as_bytes();
    let mut end = bytes.len();
    while end > 0 && is_ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    match bytes[..end].last() {
        // A whitespace not ASCII, or nothing before.
        Some(&b) if !b.is_ascii() => return None,
        None => return None,
        Some(b'?' | b'!') => return Some(Some(0)),
        Some(b'.') => {}
        Some(_) => return None,
    }
    // The word before the period: lowercase ASCII letters after a space.
    let core = &bytes[..end - 1];
    let letters = core
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    if letters == 0 || core.len() == letters || core[core.len() - letters - 1] != b' ' {
        return None;
    }
    let word = &before[core.len() - letters..core.len()];
    if TITLES.contains(word) || ABBREVIATIONS.contains(word) {
        return None;
    }
    Some(Some(0))
}

/// [`confirm_boundary`] without its fast path: the rules, character by character
/// (the reference of the fast path in the tests).
fn confirm_boundary_by_chars(before: &str, after: &str) -> Option<usize> {
    let before = before.trim_end();
    if before.is_empty() {
        return None;
    }
    // Closing quotes separated from the final punctuation (`Oui. »`) stay before.
    let mut offset = after.len() - after.trim_start().len();
    if ends_with_terminator(before) {
        let rest = &after[offset..];
        let closers: usize = rest
            .char_indices()
            .take_while(|&(i, c)| is_closer(c) || (c == '"' && is_closing_straight(&rest[i..])))
            .map(|(_, c)| c.len_utf8())
            .sum();
        if closers > 0 {
            offset += closers;
            let rest = &after[offset..];
            offset += rest.len() - rest.trim_start().len();
        }
    }
    let next = &after[offset..];
    let first = next.chars().next()?;
    if first.is_lowercase() || continues_after(before, next) {
        return None;
    }
    Some(offset)
}

/// A straight `"` closes a quote when whitespace or the end follows it.
fn is_closing_straight(from_quote: &str) -> bool {
    from_quote[1..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace)
}

fn ends_with_terminator(s: &str) -> bool {
    s.ends_with(['.', '?', '!', '…'])
}

/// True when `before` ends with a period that does not end the sentence: after a
/// title, an initial, an abbreviation followed by a number or another abbreviation,
/// or an ellipsis in brackets (`[...]`).
fn continues_after(before: &str, next: &str) -> bool {
    if before.ends_with("[...]")
        || before.ends_with("[…]")
        || before.ends_with("(...)")
        || before.ends_with("(…)")
    {
        return true;
    }
    let Some(core) = before.strip_suffix('.') else {
        return false;
    };
    if core.ends_with('.') {
        return false; // an ellipsis `...`
    }
    let (before_word, word) = last_word(core);
    if TITLES.contains(word) {
        return true;
    }
    if is_hyphenated_initials(word) {
        return true;
    }
    if is_single_capital(word) {
        // `John F. Kennedy`, `J. K. Rowling`, `signé A. Girardin`, but not `le plan
        // B. Il`.
        let next_word = next.split_whitespace().next().unwrap_or("");
        let name_follows = next_word.starts_with(char::is_uppercase)
            && next_word.chars().nth(1).is_some_and(char::is_lowercase)
            && !is_sentence_opener(next_word.trim_end_matches([',', ';', ':', '.']));
        // The word before is only looked for here, seldom.
        let previous_word = before_word.split_whitespace().next_back();
        return name_follows || previous_word.is_none_or(|w| !w.starts_with(char::is_lowercase));
    }
    if ABBREVIATIONS.contains(word) {
        let next_word = next
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches([',', ';', ':']);
        let first = next_word.chars().next();
        return first.is_some_and(|c| c.is_ascii_digit())
            || is_hyphenated_initials(next_word.trim_end_matches('.'))
            || (next_word.ends_with('.') && is_single_capital(&next_word[..next_word.len() - 1]));
    }
    false
}

/// The last word of `s`, without opening punctuation or an elided article (`l'art` →
/// `art`), and what comes before that word in `s`.
fn last_word(s: &str) -> (&str, &str) {
    let s = s.trim_end();
    let start = s
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let word = s[start..].trim_start_matches(['(', '[', '«', '“', '"', '\'', '‘']);
    let word = match word.rfind(['\'', '’']) {
        Some(i) => &word[i + word[i..].chars().next().map_or(1, char::len_utf8)..],
        None => word,
    };
    (&s[..start], word)
}

/// The last word of `s` and the one before it, without opening punctuation or an
/// elided article (`l'art` → `art`): [`last_word`] as first written, which looked
/// for the word before every time, its reference in the tests.
#[cfg(test)]
fn last_two_words(s: &str) -> (Option<&str>, &str) {
    let mut words = s.rsplit(char::is_whitespace).filter(|w| !w.is_empty());
    let word = words
        .next()
        .unwrap_or("")
        .trim_start_matches(['(', '[', '«', '“', '"', '\'', '‘']);
    let word = match word.rfind(['\'', '’']) {
        Some(i) => &word[i + word[i..].chars().next().map_or(1, char::len_utf8)..],
        None => word,
    };
    (words.next(), word)
}

/// Capitalized words that open sentences rather than names: after `le plan B.`,
/// `Il` starts a new sentence, `Girardin` after `signé A.` does not.
fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "Il" | "Ils"
            | "Elle"
            | "Elles"
            | "On"
            | "Nous"
            | "Vous"
            | "Je"
            | "Le"
            | "La"
            | "Les"
            | "L'"
            | "Un"
            | "Une"
            | "Des"
            | "Du"
            | "De"
            | "Ce"
            | "Cet"
            | "Cette"
            | "Ces"
            | "Cela"
            | "Ça"
            | "Mais"
            | "Et"
            | "Or"
            | "Donc"
            | "Pour"
            | "Par"
            | "Dans"
            | "En"
            | "Au"
            | "Aux"
            | "Selon"
            | "Depuis"
            | "Après"
            | "Avant"
            | "Pendant"
            | "Si"
            | "Son"
            | "Sa"
            | "Ses"
            | "Leur"
            | "Leurs"
            | "Notre"
            | "Nos"
            | "Tout"
            | "Tous"
            | "Toutes"
            | "Aucun"
            | "Aucune"
            | "Plusieurs"
            | "Certains"
            | "Quant"
            | "Puis"
            | "Ainsi"
            | "Enfin"
            | "Alors"
            | "Pourtant"
            | "Cependant"
            | "Toutefois"
            | "Sur"
            | "Avec"
            | "Sans"
            | "Entre"
            | "Lors"
            | "Dès"
            | "Quand"
            | "Lorsque"
            | "Comme"
            | "Ici"
    ) || word.starts_with("L'")
        || word.starts_with("L’")
        || word.starts_with("D'")
        || word.starts_with("D’")
        || word.starts_with("Qu")
}

fn is_single_capital(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// `J.-M`, `P.-Y`, `J.-C`: capitals joined by `.-`.
fn is_hyphenated_initials(word: &str) -> bool {
    // A byte search: `str::contains` sets up a substring searcher, dear for short words.
    let joined = word.as_bytes().windows(2).any(|pair| pair == b".-");
    joined && word.split(".-").all(is_single_capital)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    fn lines(text: &str) -> Vec<(&str, Vec<usize>, bool)> {
        let mut lines = Vec::new();
        scan_lines(text, |line| {
            lines.push((&text[line.range], line.terminators.to_vec(), line.latin))
        });
        lines
    }

    /// Pieces of lines for the trimming tests: ASCII and Unicode spaces, the vertical
    /// tab, letters, opening punctuation and apostrophes.
    const PIECES: &[&str] = &[
        " ", "\t", "\n", "\u{b}", "\r", "\u{a0}", "\u{2009}", "\u{85}", "a", "é", "L'", "l’", "(",
        "«", "x.", "Dr", "\u{1}", "\u{7f}", "\u{3000}",
    ];

    proptest::proptest! {
        #[test]
        fn trim_as_the_simple_trim(pieces in proptest::collection::vec(0usize..PIECES.len(), 0..12), cut in 0usize..4) {
            let text: String = pieces.iter().map(|&p| PIECES[p]).collect();
            let start = text.char_indices().nth(cut).map_or(text.len(), |(i, _)| i);
            proptest::prop_assert_eq!(trim(&text, start..text.len()), trim_simple(&text, start..text.len()));
            proptest::prop_assert_eq!(trim(&text, 0..start), trim_simple(&text, 0..start));
        }


        #[test]
        fn block_scanner_agrees_with_the_plain_one(text in "[a-z .?!\r\n\t\u{0}\u{b}\u{c}\u{d}\u{e}\u{85}\u{2026}\u{2028}\u{2049}é東-]{0,60}|[a-z .éÃÿ×\u{a0}«’ąʼ\u{85}\u{2026}\u{2028}\u{2029}東]{0,60}") {
            let scan = |blocks: bool| {
                let mut lines = Vec::new();
                let mut push = |line: Line| {
                    lines.push((line.range, line.terminators.to_vec(), line.latin))
                };
                if blocks {
                    scan_lines_by::<true>(&text, &mut push);
                } else {
                    scan_lines_by::<false>(&text, &mut push);
                }
                lines
            };
            proptest::prop_assert_eq!(scan(true), scan(false));
        }

        /// A block said plain has only plain bytes, whatever its bytes.
        #[test]
        fn plain_blocks_are_plain(x: u64, picks in proptest::collection::vec((0usize..8, 0usize..8), 0..8)) {
            const BYTES: [u8; 8] = [0xc3, 0xc2, 0xe2, 0xa9, 0xca, b'.', b'\n', b'a'];
            let mut block = x.to_le_bytes();
            for (at, pick) in picks {
                block[at] = BYTES[pick];
            }
            if is_plain_block(&block) {
                proptest::prop_assert!(block.iter().all(|&b| BYTE_CLASS[usize::from(b)] == PLAIN));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn last_word_as_last_two_words(s in "([a-zA-Z.'’(«]|\u{a0}|\u{2009}| |l'|Dr|\t){0,16}") {
            let (before, word) = last_word(&s);
            proptest::prop_assert_eq!((before.split_whitespace().next_back(), word), last_two_words(&s));
        }
    }

    /// Pieces of sentences for the boundary tests: words, titles and abbreviations,
    /// terminators, closing quotes, spaces of all kinds, capitals, digits.
    const SENTENCE_PIECES: &[&str] = &[
        " ", "  ", "\t", "\u{a0}", "\u{202f}", ".", "?", "!", "…", "...", "le", "plan", "B", "M",
        "Mme", "etc", "av", "p", "J.-M", "l'", "(", "[...]", "»", "\"", ")", "’", "Il", "Paris",
        "2003", "«", "é", "É", "a", "3", "www", "x", ",",
    ];

    proptest::proptest! {
        #[test]
        fn boundaries_as_by_chars(
            before in proptest::collection::vec(0usize..SENTENCE_PIECES.len(), 0..10),
            after in proptest::collection::vec(0usize..SENTENCE_PIECES.len(), 0..6),
        ) {
            let before: String = before.iter().map(|&p| SENTENCE_PIECES[p]).collect();
            let after: String = after.iter().map(|&p| SENTENCE_PIECES[p]).collect();
            proptest::prop_assert_eq!(
                confirm_boundary(&before, &after),
                confirm_boundary_by_chars(&before, &after)
            );
        }

        #[test]
        fn latin_candidates_as_by_chars(
            pieces in proptest::collection::vec(0usize..SENTENCE_PIECES.len(), 0..24),
        ) {
            let line: String = pieces.iter().map(|&p| SENTENCE_PIECES[p]).collect();
            let mut terminators = Vec::new();
            scan_lines(&line, |l| terminators.extend(l.terminators.iter().map(|&t| t - l.range.start)));
            let candidates = |fast: bool| {
                let mut candidates = Vec::new();
                let terminators = terminators.iter().copied();
                if fast {
                    latin_candidates_by::<true>(&line, terminators, &mut candidates);
                } else {
                    latin_candidates_by::<false>(&line, terminators, &mut candidates);
                }
                candidates
            };
            proptest::prop_assert_eq!(candidates(true), candidates(false));
        }
    }

    #[test]
    fn plain_boundaries() {
        // A common sentence end, then the shapes the fast path leaves to the rules.
        assert_eq!(
            confirm_plain_boundary("Il pleut. ", "Demain"),
            Some(Some(0))
        );
        assert_eq!(confirm_plain_boundary("Quoi ? ", "Rien"), Some(Some(0)));
        assert_eq!(confirm_plain_boundary("voir p. ", "12"), None);
        assert_eq!(confirm_boundary("voir p. ", "12"), None);
        assert_eq!(confirm_plain_boundary("le plan B. ", "Il"), None);
        assert_eq!(confirm_plain_boundary("Il pleut. ", "demain"), None);
        assert_eq!(confirm_plain_boundary("Il pleut.\u{a0}", "Demain"), None);
    }

    #[test]
    fn last_words() {
        assert_eq!(last_word("vu par (l’abbé"), ("vu par ", "abbé"));
        assert_eq!(last_word("  "), ("", ""));
        assert_eq!(last_two_words("le plan B"), (Some("plan"), "B"));
    }

    #[test]
    fn accented_blocks_are_plain_and_other_leads_not() {
        let plain = |s: &str| is_plain_block(&s.as_bytes()[..8]);
        assert!(plain("déjà ça"));
        assert!(plain("ABCDEFGH"));
        assert!(!plain("abc\u{a0}defg"));
        assert!(!plain("ab’cdefg"));
        assert!(!plain("é.abcdef"));
        assert!(!plain("aé\nbcdef"));
    }

    #[test]
    fn lines_split_on_every_separator() {
        let text = "a\r\nb\nc\rd\u{2028}e\u{2029}f\u{85}g\u{0b}h\u{0c}i";
        let got: Vec<&str> = lines(text).into_iter().map(|l| l.0).collect();
        assert_eq!(got, ["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
        assert!(lines("").is_empty());
        assert_eq!(lines("x\n").len(), 1);
        assert_eq!(lines("\n\n").len(), 2);
    }

    #[test]
    fn scanner_finds_terminators_and_scripts() {
        assert_eq!(
            lines("Oui. Non ? Si !"),
            [("Oui. Non ? Si !", vec![3, 9, 14], true)]
        );
        assert_eq!(lines("Bon… ‼ é « »")[0].1, [3, 7]);
        assert!(!lines("東京。")[0].2);
        assert!(!lines("Москва.")[0].2);
        assert!(lines("Œuvre ’ « » — € ½")[0].2);
    }

    #[test]
    fn other_scripts_use_unicode_boundaries() {
        let text = "東京で会議。大阪へ移動。";
        assert_eq!(
            texts(text, &sentences(text)),
            ["東京で会議。", "大阪へ移動。"]
        );
    }

    #[test]
    fn paragraphs_are_blocks_between_blank_lines() {
        let text = "Titre\n\n  Premier paragraphe.\nSuite.\n \t\n\nSecond. ";
        assert_eq!(
            texts(text, &paragraphs(text)),
            ["Titre", "Premier paragraphe.\nSuite.", "Second."]
        );
        assert!(paragraphs(" \n\n ").is_empty());
    }

    #[test]
    fn word_lists_are_loaded() {
        assert!(TITLES.contains("Mme"));
        assert!(ABBREVIATIONS.contains("J.-C"));
        assert!(!TITLES.iter().any(|w| w.starts_with('#')));
    }

    #[test]
    fn initials_helpers() {
        assert!(is_hyphenated_initials("J.-M"));
        assert!(!is_hyphenated_initials("Jean-Marie"));
        assert!(is_single_capital("É"));
        assert!(!is_single_capital("Él"));
    }
}
