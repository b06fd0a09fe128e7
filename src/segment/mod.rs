//! Paragraph and sentence segmentation for French press text.
//!
//! Sentence boundaries start from Unicode's (UAX #29, through `unicode-segmentation`)
//! and are repaired for French:
//! - a line break always ends a sentence (titles, datelines, bullets, dash lines);
//! - a period after a title (`M.`, `Mme`, `Dr`...) or an initial (`J.-M.`) does not;
//! - a period after an abbreviation (`p.`, `cf.`, `av.`, `etc.`) does only before a capital;
//! - closing quotes after final punctuation stay with their sentence (`« Oui. »`);
//! - nothing ends before a lowercase word (`« Pourquoi ? » a-t-il demandé`);
//! - an ellipsis (`…` too) or a period followed by a number can end a sentence.
//!
//! Lines without `.`, `?`, `!` or `…` are one sentence each; terminators of other
//! scripts (`。`, `।`) are not looked for, since French articles do not use them.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use unicode_segmentation::UnicodeSegmentation;

/// Titles before a name, after which a period never ends a sentence.
static TITLES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("titles.txt")));

/// Abbreviations after which a period ends a sentence only before a capital.
static ABBREVIATIONS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| word_list(include_str!("abbreviations.txt")));

fn word_list(data: &'static str) -> HashSet<&'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

/// Paragraphs: maximal runs of non-blank lines, as byte ranges trimmed of whitespace.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut paragraphs = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in lines(text) {
        match trim(text, line) {
            Some(content) => match &mut current {
                Some(paragraph) => paragraph.end = content.end,
                None => current = Some(content),
            },
            None => paragraphs.extend(current.take()),
        }
    }
    paragraphs.extend(current);
    paragraphs
}

/// Sentences, as byte ranges in order, non-overlapping, trimmed of whitespace.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    for line in lines(text) {
        line_sentences(text, line, &mut sentences);
    }
    sentences
}

/// Byte ranges of the lines of `text`, without their terminators. Every Unicode line
/// separator ends a line; `\r\n` counts once.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let separator = match bytes[i] {
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
                b'\n' | b'\r' | 0x0b | 0x0c => 1,
                0xc2 if bytes.get(i + 1) == Some(&0x85) => 2,
                0xe2 if bytes.get(i + 1) == Some(&0x80)
                    && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)) =>
                {
                    3
                }
                _ => 0,
            };
            if separator > 0 {
                let line = start..i;
                i += separator;
                start = i;
                return Some(line);
            }
            i += 1;
        }
        if start <= bytes.len() && start < usize::MAX {
            let line = start..bytes.len();
            start = usize::MAX;
            return (!line.is_empty()).then_some(line);
        }
        None
    })
}

/// `range` without surrounding whitespace, or `None` if nothing is left.
fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = &text[range.clone()];
    let inner = s.trim_start();
    let start = range.start + (s.len() - inner.len());
    let end = start + inner.trim_end().len();
    (start < end).then_some(start..end)
}

fn has_terminator(line: &str) -> bool {
    line.bytes().any(|b| matches!(b, b'.' | b'?' | b'!')) || line.contains('…')
}

fn line_sentences(text: &str, line: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(line) = trim(text, line) else {
        return;
    };
    let s = &text[line.clone()];
    if !has_terminator(s) {
        out.push(line);
        return;
    }
    let mut start = 0;
    for candidate in candidate_boundaries(s) {
        if candidate <= start {
            continue;
        }
        if let Some(boundary) = confirm_boundary(&s[start..candidate], &s[candidate..]) {
            let boundary = candidate + boundary;
            out.extend(trim(text, line.start + start..line.start + boundary));
            start = boundary;
        }
    }
    out.extend(trim(text, line.start + start..line.end));
}

/// Where a sentence may start: Unicode's sentence boundaries, plus those it does not
/// give that French press needs (`… Puis`, `en 2003. 2004 fut`).
fn candidate_boundaries(line: &str) -> Vec<usize> {
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
    let (previous_word, word) = last_two_words(core);
    if TITLES.contains(word) {
        return true;
    }
    if is_hyphenated_initials(word) {
        return true;
    }
    if is_single_capital(word) {
        // `John F. Kennedy`, `J. K. Rowling`, but not `le plan B. Il`.
        return previous_word.is_none_or(|w| !w.starts_with(char::is_lowercase));
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

/// The last word of `s` and the one before it, without opening punctuation or an
/// elided article (`l'art` → `art`).
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

fn is_single_capital(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// `J.-M`, `P.-Y`, `J.-C`: capitals joined by `.-`.
fn is_hyphenated_initials(word: &str) -> bool {
    word.contains(".-") && word.split(".-").all(is_single_capital)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<&'a str> {
        ranges.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn lines_split_on_every_separator() {
        let text = "a\r\nb\nc\rd\u{2028}e\u{2029}f\u{85}g";
        let got: Vec<&str> = lines(text).map(|r| &text[r]).collect();
        assert_eq!(got, ["a", "b", "c", "d", "e", "f", "g"]);
        assert_eq!(lines("").count(), 0);
        assert_eq!(lines("x\n").map(|r| r.len()).collect::<Vec<_>>(), [1]);
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
