//! Records written as JSON lines without going through serde: the same bytes as
//! `serde_json::to_writer(&record)`, about three times faster.
//!
//! serde writes the mention types, whose span is `#[serde(flatten)]`, through its map
//! machinery, and escapes every field name of every item anew. Here the field names
//! are constants and each value is written straight into the line. The tests check
//! the output against serde_json's, byte for byte.

use super::{
    ActorKind, ActorMention, DateMention, PlaceKind, PlaceMention, Quote, QuoteKind, Record,
    Resolution, SentenceSpan, SourceKind, SourceMention, Span, Status, TemporalModifier,
    TemporalType, TextEncoding, TextSpan,
};
use crate::swar::{bytes_of, HIGHS};

impl Record {
    /// Appends the record to `out` as compact JSON, exactly as
    /// `serde_json::to_writer(out, self)` would (without the newline).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        // One allocation for the whole line, sized from the record itself (a guess
        // from the text's length falls short on records with many long mentions).
        let size = self.json_size_bound();
        if out.capacity() - out.len() < size {
            if out.is_empty() {
                // A fresh buffer: growing an empty one would copy its old capacity.
                *out = Vec::with_capacity(size);
            } else {
                out.reserve(size);
            }
        }
        self.append_json(out);
    }

    /// [`Record::write_json`] into a buffer the caller has already sized (from
    /// [`Record::json_size_bound`]): a batch's lines, sized once for all of them.
    pub(crate) fn append_json(&self, out: &mut Vec<u8>) {
        let mut w = Object::open(out);
        w.key(k!("schema")).string(&self.schema);
        w.next_key(nk!("id")).string(&self.id);
        w.next_key(nk!("source")).opt_string(self.source.as_deref());
        w.next_key(nk!("title")).opt_string(self.title.as_deref());
        w.next_key(nk!("published"))
            .opt_string(self.published.as_deref());
        w.next_key(nk!("url")).opt_string(self.url.as_deref());
        w.next_key(nk!("status")).name(self.status.name());
        w.next_key(nk!("reason")).opt_string(self.reason.as_deref());
        w.next_key(nk!("encoding")).name(self.encoding.name());
        w.next_key(nk!("language"));
        match &self.language {
            None => w.null(),
            Some(language) => {
                let mut l = Object::open(w.out);
                l.key(k!("code")).string(&language.code);
                l.next_key(nk!("confidence"));
                serde_json::to_writer(&mut *l.out, &language.confidence)
                    .expect("a float always serializes");
                l.next_key(nk!("reliable")).bool(language.reliable);
                l.close();
            }
        }
        w.next_key(nk!("stats"));
        let mut s = Object::open(w.out);
        s.key(k!("chars")).uint(self.stats.chars);
        s.next_key(nk!("paragraphs")).uint(self.stats.paragraphs);
        s.next_key(nk!("sentences")).uint(self.stats.sentences);
        s.close();
        if let Some(sentences) = &self.sentences {
            w.next_key(nk!("sentences"))
                .list(sentences, SentenceSpan::write);
        }
        w.next_key(nk!("dates"))
            .list(&self.dates, DateMention::write);
        w.next_key(nk!("places"))
            .list(&self.places, PlaceMention::write);
        w.next_key(nk!("actors"))
            .list(&self.actors, ActorMention::write);
        w.next_key(nk!("quotes")).list(&self.quotes, Quote::write);
        w.next_key(nk!("sources"))
            .list(&self.sources, SourceMention::write);
        w.close();
    }
}

impl Record {
    /// At least the length of the line [`Record::write_json`] writes, provided no
    /// string needs escaping: the strings' lengths plus, for everything else, a bound
    /// per item (field names, punctuation, numbers of up to 20 digits).
    pub(crate) fn json_size_bound(&self) -> usize {
        /// A [`Span`] and its object's braces and comma.
        const SPAN: usize = 128;
        let opt = |s: Option<&str>| s.map_or(0, str::len);
        let mut size = 1024
            + self.schema.len()
            + self.id.len()
            + opt(self.source.as_deref())
            + opt(self.title.as_deref())
            + opt(self.published.as_deref())
            + opt(self.url.as_deref())
            + opt(self.reason.as_deref())
            + self.language.as_ref().map_or(0, |l| l.code.len());
        if let Some(sentences) = &self.sentences {
            size += 64 * sentences.len();
        }
        for d in &self.dates {
            size += SPAN + 128 + d.span.text.len();
            size += opt(d.value.as_deref()) + opt(d.end_value.as_deref());
        }
        for p in &self.places {
            size += SPAN + 128 + p.span.text.len() + p.name.len();
            size += opt(p.country.as_deref());
        }
        for a in &self.actors {
            size += SPAN + 128 + a.span.text.len() + opt(a.name.as_deref());
            size += opt(a.role.as_deref()) + opt(a.affiliation.as_deref());
        }
        for q in &self.quotes {
            size += SPAN + 320 + q.span.text.len() + opt(q.verb.as_deref());
            size += q.speaker.as_ref().map_or(0, |s| s.text.len());
        }
        for s in &self.sources {
            size += SPAN + 64 + s.span.text.len() + opt(s.qualifier.as_deref());
        }
        size
    }
}

impl SentenceSpan {
    fn write(&self, w: &mut Object) {
        w.key(k!("start")).uint(self.start);
        w.next_key(nk!("end")).uint(self.end);
    }
}

impl Span {
    // Inlined in each mention's writer: a call cost as much as the writing of a key.
    #[inline(always)]
    fn write(&self, w: &mut Object) {
        w.key(k!("text")).string(&self.text);
        w.next_key(nk!("start")).uint(self.start);
        w.next_key(nk!("end")).uint(self.end);
        w.next_key(nk!("sentence")).uint(self.sentence);
    }
}

impl DateMention {
    fn write(&self, w: &mut Object) {
        self.span.write(w);
        w.next_key(nk!("type")).name(self.kind.name());
        w.next_key(nk!("value")).opt_string(self.value.as_deref());
        w.next_key(nk!("resolved")).name(self.resolved.name());
        if let Some(modifier) = self.modifier {
            w.next_key(nk!("mod")).name(modifier.name());
        }
        if let Some(end_value) = &self.end_value {
            w.next_key(nk!("end_value")).string(end_value);
        }
    }
}

impl PlaceMention {
    fn write(&self, w: &mut Object) {
        self.span.write(w);
        w.next_key(nk!("name")).string(&self.name);
        w.next_key(nk!("kind")).name(self.kind.name());
        w.next_key(nk!("country"))
            .opt_string(self.country.as_deref());
        if let Some(geonames) = self.geonames {
            w.next_key(nk!("geonames"));
            write_uint(w.out, geonames);
        }
    }
}

impl ActorMention {
    fn write(&self, w: &mut Object) {
        self.span.write(w);
        w.next_key(nk!("kind")).name(self.kind.name());
        w.next_key(nk!("name")).opt_string(self.name.as_deref());
        w.next_key(nk!("role")).opt_string(self.role.as_deref());
        w.next_key(nk!("affiliation"))
            .opt_string(self.affiliation.as_deref());
    }
}

impl Quote {
    fn write(&self, w: &mut Object) {
        self.span.write(w);
        w.next_key(nk!("kind")).name(self.kind.name());
        w.next_key(nk!("speaker"));
        match &self.speaker {
            None => w.null(),
            Some(TextSpan { text, start, end }) => {
                let mut s = Object::open(w.out);
                s.key(k!("text")).string(text);
                s.next_key(nk!("start")).uint(*start);
                s.next_key(nk!("end")).uint(*end);
                s.close();
            }
        }
        w.next_key(nk!("anonymous")).bool(self.anonymous);
        w.next_key(nk!("verb")).opt_string(self.verb.as_deref());
        if let Some(source) = self.source {
            w.next_key(nk!("source")).uint(source);
        }
        if let Some(actor) = self.actor {
            w.next_key(nk!("actor")).uint(actor);
        }
    }
}

impl SourceMention {
    fn write(&self, w: &mut Object) {
        self.span.write(w);
        w.next_key(nk!("kind")).name(self.kind.name());
        w.next_key(nk!("qualifier"))
            .opt_string(self.qualifier.as_deref());
    }
}

/// A field name as written before its value: `"name":`.
macro_rules! k {
    ($name:literal) => {
        concat!("\"", $name, "\":")
    };
}
use k;

/// A field name after an object's first field, with its comma: `,"name":`.
macro_rules! nk {
    ($name:literal) => {
        concat!(",\"", $name, "\":")
    };
}
use nk;

/// Names of unit variants, as serde writes them (the tests check each against serde).
macro_rules! variant_names {
    ($($type:ident { $($variant:ident => $name:literal),+ $(,)? })+) => {
        $(impl $type {
            /// The variant's name in records.
            pub fn name(self) -> &'static str {
                match self {
                    $($type::$variant => $name,)+
                }
            }
        })+

        #[cfg(test)]
        fn every_variant() -> Vec<(&'static str, String)> {
            vec![$($((
                $type::$variant.name(),
                serde_json::to_string(&$type::$variant).unwrap(),
            ),)+)+]
        }
    };
}

variant_names! {
    TextEncoding {
        Utf8 => "utf-8",
        Windows1252 => "windows-1252",
        Utf16Le => "utf-16le",
        Utf16Be => "utf-16be",
    }
    Status { Ok => "ok", Skipped => "skipped", Error => "error" }
    TemporalType { Date => "date", Time => "time", Duration => "duration", Set => "set" }
    Resolution {
        Absolute => "absolute",
        Relative => "relative",
        Anchored => "anchored",
        Unresolved => "unresolved",
    }
    TemporalModifier { Start => "start", Mid => "mid", End => "end", Approx => "approx" }
    PlaceKind {
        City => "city",
        Country => "country",
        Region => "region",
        Continent => "continent",
        Water => "water",
        Other => "other",
    }
    ActorKind {
        Person => "person",
        Organization => "organization",
        Role => "role",
        Group => "group",
    }
    QuoteKind { Direct => "direct", Indirect => "indirect" }
    SourceKind { Anonymous => "anonymous", Vague => "vague" }
}

/// A JSON object being written: its fields are separated by commas as they come.
struct Object<'o> {
    out: &'o mut Vec<u8>,
    first: bool,
}

impl<'o> Object<'o> {
    fn open(out: &'o mut Vec<u8>) -> Object<'o> {
        out.push(b'{');
        Object { out, first: true }
    }

    fn close(self) {
        self.out.push(b'}');
    }

    /// Writes a field name, quoted and followed by its colon ([`k!`]); the value follows.
    fn key(&mut self, quoted: &'static str) -> &mut Self {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.out.extend_from_slice(quoted.as_bytes());
        self
    }

    /// Writes the name of a field that is not the object's first, with its comma
    /// ([`nk!`]): one copy, without [`Object::key`]'s test for the first field.
    fn next_key(&mut self, comma_quoted: &'static str) -> &mut Self {
        debug_assert!(!self.first, "{comma_quoted} is not after a field");
        self.out.extend_from_slice(comma_quoted.as_bytes());
        self
    }

    /// Writes a variant name (which needs no escaping).
    fn name(&mut self, name: &'static str) {
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b'"');
    }

    fn string(&mut self, s: &str) {
        write_string(self.out, s);
    }

    fn opt_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => write_string(self.out, s),
            None => self.null(),
        }
    }

    fn null(&mut self) {
        self.out.extend_from_slice(b"null");
    }

    fn bool(&mut self, b: bool) {
        self.out
            .extend_from_slice(if b { b"true" } else { b"false" });
    }

    #[inline(always)]
    fn uint(&mut self, n: usize) {
        write_uint(self.out, n as u64);
    }

    /// Writes `items` as an array of objects, each by `write`.
    fn list<T>(&mut self, items: &[T], write: fn(&T, &mut Object)) {
        self.out.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            let mut o = Object::open(self.out);
            write(item, &mut o);
            o.close();
        }
        self.out.push(b']');
    }
}

/// Writes `n` in decimal.
#[inline(always)]
fn write_uint(out: &mut Vec<u8>, n: u64) {
    // Offsets have a few digits: the eight digits of a number below 10^8, leading
    // zeros included, are worked out all at once in a word ([`eight_digits`]); the
    // zeros are shifted out and the word written whole, then cut to length, which
    // saves a copy of variable length per number. Inlined, with no loop and no
    // branch: a call cost as much as the digits.
    if n < 100_000_000 {
        let digits = eight_digits(n);
        // The first digit is in the lowest byte (little-endian puts it first): the
        // leading zeros are the lowest zero bytes, all but the last one.
        let zeros = (digits.trailing_zeros() / 8).min(7);
        let word = (digits >> (8 * zeros)) + u64::from_le_bytes(*b"00000000");
        out.extend_from_slice(&word.to_le_bytes());
        out.truncate(out.len() - zeros as usize);
        return;
    }
    write_uint_simple(out, n);
}

/// The eight decimal digits of `n` (below 10^8), as the values 0 to 9 of the bytes
/// of a word, the first digit in the lowest byte: `n` is cut into halves of four
/// digits, in 32-bit lanes, each lane into two pairs of digits in 16-bit lanes, each
/// pair into two digits in bytes, every lane divided at once by a multiplication
/// and a shift (exact for such small lanes).
#[inline(always)]
fn eight_digits(n: u64) -> u64 {
    let quads = (n / 10_000) | ((n % 10_000) << 32);
    // Per 32-bit lane: `x * 10486 >> 20` is `x / 100` below 43699.
    let hundreds = ((quads * 10_486) >> 20) & 0x0000_007f_0000_007f;
    let pairs = hundreds | (quads - hundreds * 100) << 16;
    // Per 16-bit lane: `x * 103 >> 10` is `x / 10` below 179.
    let tens = ((pairs * 103) >> 10) & 0x000f_000f_000f_000f;
    tens | (pairs - tens * 10) << 8
}

/// Writes `n` in decimal, digit by digit: [`write_uint`] for the numbers of more
/// than eight digits, and its reference in the tests.
fn write_uint_simple(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(decimal(n, &mut [0; 20]));
}

/// The decimal digits of `n`, written at the end of `digits`.
pub(crate) fn decimal(mut n: u64, digits: &mut [u8; 20]) -> &[u8] {
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &digits[i..]
}

/// Writes `s` as a JSON string, escaped as serde_json escapes: `"`, `\` and the
/// control characters, the common ones by letter (`\n`), the others as `\u00XX`.
#[inline]
fn write_string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // Fast path, inlined: most strings (names, kinds, places) are short and have
    // nothing to escape, which one or two words tell; they are copied at once, without
    // a call.
    let len = bytes.len();
    let clean = if len >= 8 {
        len <= 16
            && !any_needs_escape(word_at(bytes, 0))
            && !any_needs_escape(word_at(bytes, len - 8))
    } else {
        !bytes.iter().any(|&b| needs_escape(b))
    };
    if clean {
        out.reserve(len + 2);
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
        return;
    }
    write_string_escaped(out, s);
}

/// [`write_string`] for the strings that are long or have something to escape.
#[inline(never)]
fn write_string_escaped(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut clean = 0;
    // Eight bytes at a time up to the first one to escape, then byte by byte.
    let mut from = 0;
    while from + 8 <= bytes.len() {
        if any_needs_escape(word_at(bytes, from)) {
            break;
        }
        from += 8;
    }
    // A clean string's tail, shorter than a word, is checked at once too: its last
    // eight bytes cover it.
    let len = bytes.len();
    if from + 8 > len && len >= 8 && !any_needs_escape(word_at(bytes, len - 8)) {
        from = len;
    }
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        if !needs_escape(b) {
            continue;
        }
        out.extend_from_slice(&bytes[clean..i]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
        }
        clean = i + 1;
    }
    out.extend_from_slice(&bytes[clean..]);
    out.push(b'"');
}

/// The eight bytes of `bytes` from `at` as a little-endian word.
#[inline]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    let chunk: [u8; 8] = bytes[at..at + 8].try_into().expect("eight bytes");
    u64::from_le_bytes(chunk)
}

#[inline]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether any of the eight bytes of `x` [`needs_escape`]: the classic "has a byte
/// below n" test, whose answer for the word is exact.
#[inline]
fn any_needs_escape(x: u64) -> bool {
    let below = |v: u64, n: u8| v.wrapping_sub(bytes_of(n)) & !v & HIGHS;
    let zero = |v: u64| below(v, 1);
    below(x, 0x20) | zero(x ^ bytes_of(b'"')) | zero(x ^ bytes_of(b'\\')) != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Language, Stats};
    use crate::{extract, ArticleMeta};

    fn serde_line(record: &Record) -> String {
        serde_json::to_string(record).unwrap()
    }

    /// The record of a short dispatch with every list, and `more` text after it.
    fn extracted(id: &str, title: &str, more: &str) -> Record {
        let text = format!(
            "PARIS, 3 mars 2025 (AFP) – « Nous ne céderons pas », a déclaré \
             mercredi le ministre de l’Intérieur, Jean Dupont, à Lyon.\n\n\
             Selon une source proche du dossier, la réunion de l’ONU \
             reprendra « vers 15h » le 10 avril, au début de la semaine.{more}"
        );
        let mut meta = ArticleMeta::with_id(id);
        meta.published = Some("2025-03-04".into());
        meta.title = Some(title.into());
        let record = extract(&text, &meta);
        assert!(!record.dates.is_empty() && !record.quotes.is_empty());
        assert!(!record.places.is_empty() && !record.actors.is_empty());
        record
    }

    fn fast_line(record: &Record) -> String {
        let mut out = Vec::new();
        record.write_json(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn variant_names_are_serde_names() {
        let variants = every_variant();
        assert_eq!(variants.len(), 33);
        for (name, serde) in variants {
            assert_eq!(format!("\"{name}\""), serde);
        }
    }

    #[test]
    fn extracted_records_match_serde() {
        let mut record = extracted("a\"b\\c\u{1}", "Titre\t«\u{7f}»", "");
        assert_eq!(fast_line(&record), serde_line(&record));
        record.sentences = Some(vec![SentenceSpan { start: 0, end: 7 }]);
        assert_eq!(fast_line(&record), serde_line(&record));
    }

    #[test]
    fn error_and_optional_fields_match_serde() {
        let mut record = Record::error(&ArticleMeta::with_id("x"), "bad JSON line\n");
        assert_eq!(fast_line(&record), serde_line(&record));
        record.language = Some(Language {
            code: "fr".into(),
            confidence: 0.1 + 0.2,
            reliable: false,
        });
        record.stats = Stats {
            chars: usize::MAX,
            paragraphs: 0,
            sentences: 10,
        };
        record.dates.push(DateMention {
            span: Span {
                text: "fin".into(),
                start: 0,
                end: 3,
                sentence: 0,
            },
            kind: TemporalType::Date,
            value: None,
            resolved: Resolution::Unresolved,
            modifier: Some(TemporalModifier::End),
            end_value: Some("2025".into()),
        });
        assert_eq!(fast_line(&record), serde_line(&record));
    }

    #[test]
    fn numbers_around_powers_of_ten_write_as_serde_does() {
        for digits in 0..20 {
            let p = 10u64.pow(digits);
            for n in [p - 1, p, p + 1, 2 * p - 1] {
                let mut out = b"[".to_vec();
                write_uint(&mut out, n);
                assert_eq!(out, format!("[{n}").into_bytes());
            }
        }
        let mut out = Vec::new();
        write_uint(&mut out, u64::MAX);
        assert_eq!(out, u64::MAX.to_string().into_bytes());
    }

    /// The size bound holds for extracted records, and the line takes one allocation.
    #[test]
    fn lines_fit_in_their_size_bound() {
        let more = " Des diplomates européens, cités par l’AFP, ont jugé « probable » \
                    un accord avant la fin de l’année à Genève ou à Bruxelles.";
        let mut record = extracted("an id", "Un titre", more);
        assert!(!record.sources.is_empty());
        let sentence = SentenceSpan {
            start: 0,
            end: usize::MAX,
        };
        record.sentences = Some(vec![sentence; 3]);
        for mention in &mut record.quotes {
            mention.source = Some(usize::MAX);
            mention.actor = Some(usize::MAX);
        }
        for mention in &mut record.dates {
            mention.span.start = usize::MAX;
        }
        let bound = record.json_size_bound();
        // From an empty buffer too small, and after a line already written.
        let mut out = Vec::with_capacity(10);
        record.write_json(&mut out);
        assert!(out.len() <= bound, "{} > {bound}", out.len());
        assert!(out.capacity() >= bound);
        assert_eq!(String::from_utf8(out.clone()).unwrap(), serde_line(&record));
        let first = out.len();
        let capacity = out.capacity();
        record.write_json(&mut out);
        assert_eq!(out[first..], out[..first]);
        assert!(out.len() - first <= bound);
        assert!(out.capacity() > capacity);
        // Enough room already: the buffer is kept as it is.
        let mut out = Vec::with_capacity(bound);
        let kept = out.as_ptr();
        record.write_json(&mut out);
        assert_eq!(out.as_ptr(), kept);
    }

    #[test]
    fn a_batch_sized_once_holds_every_line_as_written_alone() {
        let plain = extracted("a", "Un titre", " Le maire de Lyon a parlé jeudi.");
        // Escapes make a line longer than its bound: the buffer still grows.
        let escaped = extracted("b\u{1}\"", "\t\u{7f}\\", "");
        let records = [
            plain,
            escaped,
            Record::error(&ArticleMeta::with_id("c"), "bad"),
        ];
        let mut batch = Vec::with_capacity(records.iter().map(|r| r.json_size_bound() + 1).sum());
        let mut alone = String::new();
        for record in &records {
            record.append_json(&mut batch);
            batch.push(b'\n');
            alone += &serde_line(record);
            alone.push('\n');
        }
        assert_eq!(String::from_utf8(batch).unwrap(), alone);
    }

    proptest::proptest! {
        #[test]
        fn strings_escape_as_serde_does(
            s in "\\PC*|[\u{0}-\u{40}\\\\\"é’]{0,40}|[a-zé]{0,20}[\u{0}\u{1f}\"\\\\]?[a-z]{0,9}"
        ) {
            let mut out = Vec::new();
            write_string(&mut out, &s);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
            // The out-of-line path alone, on the short strings too.
            let mut out = Vec::new();
            write_string_escaped(&mut out, &s);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn words_need_escaping_when_a_byte_does(x: u64, pick in 0usize..8, b: u8) {
            let mut bytes = x.to_le_bytes();
            bytes[pick] = b;
            proptest::prop_assert_eq!(
                any_needs_escape(u64::from_le_bytes(bytes)),
                bytes.iter().any(|&b| needs_escape(b))
            );
        }

        #[test]
        fn eight_digits_are_the_decimal_digits(n in 0u64..100_000_000) {
            let digits = eight_digits(n).to_le_bytes().map(|d| b'0' + d);
            proptest::prop_assert_eq!(String::from_utf8(digits.to_vec()).unwrap(), format!("{n:08}"));
        }

        #[test]
        fn numbers_write_as_serde_does(n: u64, digits in 0u32..20, prefix in "[a-z]{0,3}") {
            // Numbers of every length, after something already in the line.
            for n in [n, n % 10u64.pow(digits)] {
                let mut out = prefix.clone().into_bytes();
                write_uint(&mut out, n);
                proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), format!("{prefix}{n}"));
                let mut simple = prefix.clone().into_bytes();
                write_uint_simple(&mut simple, n);
                proptest::prop_assert_eq!(String::from_utf8(simple).unwrap(), format!("{prefix}{n}"));
            }
        }
    }
}
