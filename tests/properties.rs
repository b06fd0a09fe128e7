//! Property tests: segmentation, documents, extraction, decoding and the batch
//! runner hold their invariants on arbitrary Unicode and on French-press-like text
//! built from the pieces that make segmentation hard.

use std::io::Write;
use std::ops::Range;

use assert_cmd::Command;
use depeche::record::SentenceSpan;
use depeche::{ArticleMeta, Document, Extractor, Record, Status};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Pieces of French press text that segmentation, offsets and decoding must survive.
const FRAGMENTS: &[&str] = &[
    "M. ",
    "Mme ",
    "J.-M. ",
    "« ",
    " »",
    "\u{a0}»",
    "…",
    "...",
    "?",
    "!",
    ". ",
    "\n",
    "\r\n",
    "\n\n",
    "– ",
    "— ",
    "3,5 %",
    "14.30",
    "etc. ",
    "p. 12",
    "Le ",
    "la ",
    "Paris",
    "été",
    ", a déclaré ",
    "a-t-il ajouté",
    " que ",
    "selon une source proche du dossier, ",
    "Jean Dupont ",
    "le ministre ",
    "les enquêteurs ",
    "R : ",
    "sous couvert d'anonymat",
    "l'ONU ",
    "😀",
    "\u{2028}",
    "\u{85}",
    "東京。",
    "\t",
    " ",
    "a",
    "Z",
    "\"",
    "“",
    "”",
    "(",
    ")",
    "[...]",
];

/// French-press-like text: a concatenation of tricky fragments.
fn press_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|pieces| pieces.concat())
}

/// Fragments interleaved with arbitrary characters.
fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(FRAGMENTS).prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ],
        0..80,
    )
    .prop_map(|pieces| pieces.concat())
}

/// Arbitrary Unicode, French-press-like text, or a mix of both.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(any::<char>(), 0..300).prop_map(String::from_iter),
        press_text(),
        mixed_text(),
    ]
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Byte ranges on char boundaries, in order, non-overlapping, non-empty, within the
/// text and trimmed of whitespace.
fn check_ranges(text: &str, ranges: &[Range<usize>], what: &str) -> Result<(), TestCaseError> {
    let mut previous_end = 0;
    for (i, range) in ranges.iter().enumerate() {
        prop_assert!(
            range.start < range.end,
            "{what} {i} is empty: {range:?} in {text:?}"
        );
        prop_assert!(
            range.end <= text.len(),
            "{what} {i} ({range:?}) beyond the text ({} bytes): {text:?}",
            text.len()
        );
        prop_assert!(
            text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
            "{what} {i} ({range:?}) not on char boundaries in {text:?}"
        );
        prop_assert!(
            range.start >= previous_end,
            "{what} {i} ({range:?}) overlaps or precedes the previous one (ending at {previous_end}) in {text:?}"
        );
        previous_end = range.end;
        let s = &text[range.clone()];
        let first = s.chars().next().unwrap();
        let last = s.chars().next_back().unwrap();
        prop_assert!(
            !first.is_whitespace() && !last.is_whitespace(),
            "{what} {i} {s:?} is not trimmed, in {text:?}"
        );
    }
    Ok(())
}

fn check_segmentation(text: &str) -> Result<(), TestCaseError> {
    let segmentation = depeche::segment::segment(text);
    check_ranges(text, &segmentation.sentences, "sentence")?;
    check_ranges(text, &segmentation.paragraphs, "paragraph")?;
    for (i, sentence) in segmentation.sentences.iter().enumerate() {
        let containing = segmentation
            .paragraphs
            .iter()
            .filter(|p| p.start <= sentence.start && sentence.end <= p.end)
            .count();
        prop_assert_eq!(
            containing,
            1,
            "sentence {} ({:?}) is in {} paragraphs {:?}, text {:?}",
            i,
            sentence,
            containing,
            segmentation.paragraphs,
            text
        );
    }
    prop_assert_eq!(
        depeche::segment::sentences(text),
        segmentation.sentences.clone()
    );
    prop_assert_eq!(
        depeche::segment::paragraphs(text),
        segmentation.paragraphs.clone()
    );
    Ok(())
}

fn check_document(text: &str) -> Result<(), TestCaseError> {
    let doc = Document::new(text);
    let segmentation = depeche::segment::segment(text);
    prop_assert_eq!(doc.text(), text);
    prop_assert_eq!(doc.sentences(), &segmentation.sentences[..]);
    prop_assert_eq!(doc.paragraphs(), &segmentation.paragraphs[..]);
    prop_assert_eq!(doc.char_len(), text.chars().count());
    let mut expected_spans = Vec::new();
    for (i, range) in doc.sentences().iter().enumerate() {
        let start = char_offset(text, range.start);
        let end = char_offset(text, range.end);
        let span = doc.span(range.clone());
        let by_code_points: String = text.chars().skip(start).take(end - start).collect();
        prop_assert_eq!(&span.text, &by_code_points, "sentence {} of {:?}", i, text);
        prop_assert_eq!(&span.text, &text[range.clone()]);
        prop_assert_eq!(
            (span.start, span.end),
            (start, end),
            "sentence {} of {:?}",
            i,
            text
        );
        prop_assert_eq!(span.sentence, i, "sentence {} of {:?}", i, text);
        prop_assert_eq!(doc.sentence_index(range.start), i);
        let text_span = doc.text_span(range.clone());
        prop_assert_eq!(
            (text_span.text, text_span.start, text_span.end),
            (span.text, span.start, span.end)
        );
        expected_spans.push(SentenceSpan { start, end });
    }
    prop_assert_eq!(doc.sentence_spans(), expected_spans);
    // Every char boundary converts like a count of the chars before it.
    for (chars, (byte, _)) in text.char_indices().enumerate() {
        prop_assert_eq!(doc.char_offset(byte), chars, "byte {} of {:?}", byte, text);
    }
    prop_assert_eq!(doc.char_offset(text.len()), text.chars().count());
    Ok(())
}

fn check_record(text: &str, record: &Record, sentences_asked: bool) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(record).expect("a record serializes");
    let back: Record = serde_json::from_str(&json)
        .map_err(|e| TestCaseError::fail(format!("{e}: {json} (text {text:?})")))?;
    prop_assert_eq!(&back, record, "round trip of {}", json);
    prop_assert_eq!(&record.schema, depeche::record::SCHEMA_VERSION);
    prop_assert_eq!(&record.id, "p");
    let chars = text.chars().count();
    if record.status == Status::Ok {
        prop_assert_eq!(record.stats.chars, chars, "text {:?}", text);
        prop_assert!(record.reason.is_none());
        prop_assert_eq!(record.sentences.is_some(), sentences_asked);
    } else {
        prop_assert!(record.reason.is_some());
        prop_assert!(record.sentences.is_none());
    }
    if let Some(sentences) = &record.sentences {
        prop_assert_eq!(sentences.len(), record.stats.sentences);
        prop_assert_eq!(sentences, &Document::new(text).sentence_spans());
        let mut previous_end = 0;
        for s in sentences {
            prop_assert!(
                s.start < s.end && s.end <= chars,
                "sentence {:?} of a {}-char text {:?}",
                s,
                chars,
                text
            );
            prop_assert!(s.start >= previous_end);
            previous_end = s.end;
        }
    }
    Ok(())
}

/// Every extracted span is `text[start..end]` in code points, each list is sorted by
/// start, and a quote's speaker and links point inside the record.
fn check_lists(text: &str, record: &Record) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let check = |what: &str, spans: Vec<(usize, usize, &str)>| -> Result<(), TestCaseError> {
        let mut previous = 0;
        for (start, end, written) in spans {
            prop_assert!(
                start <= end && end <= chars.len(),
                "{} {}..{} in {:?}",
                what,
                start,
                end,
                text
            );
            let slice: String = chars[start..end].iter().collect();
            prop_assert_eq!(slice.as_str(), written, "{} in {:?}", what, text);
            prop_assert!(start >= previous, "{} not sorted in {:?}", what, text);
            previous = start;
        }
        Ok(())
    };
    fn span(s: &depeche::Span) -> (usize, usize, &str) {
        (s.start, s.end, s.text.as_str())
    }
    check(
        "dates",
        record.dates.iter().map(|d| span(&d.span)).collect(),
    )?;
    check(
        "places",
        record.places.iter().map(|p| span(&p.span)).collect(),
    )?;
    check(
        "actors",
        record.actors.iter().map(|a| span(&a.span)).collect(),
    )?;
    check(
        "quotes",
        record.quotes.iter().map(|q| span(&q.span)).collect(),
    )?;
    check(
        "sources",
        record.sources.iter().map(|s| span(&s.span)).collect(),
    )?;
    for quote in &record.quotes {
        if let Some(speaker) = &quote.speaker {
            let slice: String = chars[speaker.start..speaker.end.min(chars.len())]
                .iter()
                .collect();
            prop_assert_eq!(
                slice.as_str(),
                speaker.text.as_str(),
                "speaker in {:?}",
                text
            );
        }
        prop_assert!(quote.source.is_none_or(|s| s < record.sources.len()));
        prop_assert!(quote.actor.is_none_or(|a| a < record.actors.len()));
        prop_assert_eq!(quote.anonymous, quote.source.is_some());
    }
    Ok(())
}

fn check_extract(text: &str) -> Result<(), TestCaseError> {
    let meta = ArticleMeta::with_id("p");
    let record = depeche::extract(text, &meta);
    check_record(text, &record, false)?;
    let extractor = Extractor::builder()
        .sentences(true)
        .all_languages(true)
        .build();
    let all = extractor.extract(text, &meta);
    check_record(text, &all, true)?;
    check_lists(text, &all)?;
    if text.trim().is_empty() {
        prop_assert_eq!(all.status, Status::Skipped);
    } else {
        prop_assert_eq!(all.status, Status::Ok, "text {:?}: {:?}", text, all.reason);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn segmentation_invariants(text in any_text()) {
        check_segmentation(&text)?;
    }

    #[test]
    fn press_segmentation_invariants(text in press_text()) {
        check_segmentation(&text)?;
    }

    #[test]
    fn document_spans_are_code_points(text in any_text()) {
        check_document(&text)?;
    }

    #[test]
    fn press_document_spans_are_code_points(text in press_text()) {
        check_document(&text)?;
    }

    #[test]
    fn extraction_invariants(text in any_text()) {
        check_extract(&text)?;
    }

    #[test]
    fn press_extraction_invariants(text in press_text()) {
        check_extract(&text)?;
    }

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let (text, encoding) = depeche::input::decode(bytes.clone());
        if !bytes.starts_with(b"\xEF\xBB\xBF") && !bytes.starts_with(b"\xFF\xFE") && !bytes.starts_with(b"\xFE\xFF") {
            if let Ok(utf8) = std::str::from_utf8(&bytes) {
                prop_assert_eq!(text, utf8);
                prop_assert_eq!(encoding, depeche::TextEncoding::Utf8);
            } else {
                prop_assert_eq!(encoding, depeche::TextEncoding::Windows1252);
                prop_assert_eq!(text.chars().count(), bytes.len());
            }
        }
    }

    #[test]
    fn decode_keeps_utf8(text in any_text()) {
        let (decoded, encoding) = depeche::input::decode(text.clone().into_bytes());
        let expected = text.strip_prefix('\u{feff}').unwrap_or(&text);
        prop_assert_eq!(decoded, expected);
        prop_assert_eq!(encoding, depeche::TextEncoding::Utf8);
    }

    #[test]
    fn decode_mixed_bytes_never_panics(
        pieces in prop::collection::vec(
            prop_oneof![
                any_text().prop_map(String::into_bytes),
                prop::collection::vec(any::<u8>(), 0..8),
            ],
            0..6,
        )
    ) {
        let bytes = pieces.concat();
        let (text, _) = depeche::input::decode(bytes);
        // Whatever the bytes, the text can go through the pipeline.
        check_segmentation(&text)?;
    }
}

fn run_extract(path: &std::path::Path, jobs: &str, extra: &[&str]) -> Vec<u8> {
    let output = Command::cargo_bin("depeche")
        .expect("the depeche binary is built")
        .arg("extract")
        .args(["-j", jobs, "--progress", "never"])
        .args(extra)
        .arg(path)
        .output()
        .expect("depeche runs");
    assert!(
        output.status.success(),
        "depeche extract -j {jobs} {extra:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn jobs_do_not_change_output(texts in prop::collection::vec(any_text(), 1..30)) {
        let mut file = tempfile::Builder::new()
            .suffix(".jsonl")
            .tempfile()
            .expect("a temporary file");
        for (i, text) in texts.iter().enumerate() {
            let line = serde_json::json!({ "id": format!("a{i}"), "text": text });
            writeln!(file, "{line}").expect("write a line");
        }
        file.flush().expect("flush");
        for extra in [&[][..], &["--sentences", "--all-languages"]] {
            let one = run_extract(file.path(), "1", extra);
            let three = run_extract(file.path(), "3", extra);
            prop_assert_eq!(
                String::from_utf8_lossy(&one),
                String::from_utf8_lossy(&three),
                "options {:?}",
                extra
            );
            prop_assert_eq!(one.iter().filter(|&&b| b == b'\n').count(), texts.len());
        }
    }
}

/// Pieces of temporal expressions, to drive the date grammar into its corners.
const DATE_FRAGMENTS: &[&str] = &[
    "le ",
    "la ",
    "l'",
    "l’",
    "du ",
    "de ",
    "d'",
    "au ",
    "à ",
    "en ",
    "et ",
    "depuis ",
    "pendant ",
    "dans ",
    "il y a ",
    "entre ",
    "chaque ",
    "tous les ",
    "par ",
    "vers ",
    "environ ",
    "jusqu'à ",
    "d'ici ",
    "dès ",
    "plus de ",
    "mi-",
    "début ",
    "fin ",
    "courant ",
    "ce ",
    "cette ",
    "les années ",
    "1er ",
    "3 ",
    "14",
    "h",
    "30 ",
    ":",
    "/",
    ".",
    "-",
    "2025 ",
    "1990",
    "99999999999 ",
    "XIXe ",
    "siècle ",
    "janvier ",
    "févr. ",
    "sept ",
    "Mars ",
    "mai ",
    "lundi ",
    "jeudi ",
    "dernier ",
    "prochaine ",
    "semaine ",
    "mois ",
    "an ",
    "ans ",
    "année ",
    "heures ",
    "minutes ",
    "jours ",
    "et demi ",
    "quart d'heure ",
    "demi-",
    "heure ",
    "trois ",
    "vingt-",
    "quatre-",
    "vingt ",
    "mille ",
    "cent ",
    "une dizaine de ",
    "plusieurs ",
    "été ",
    "printemps ",
    "matin ",
    "soir ",
    "nuit ",
    "midi ",
    "minuit ",
    "hier ",
    "demain ",
    "aujourd'hui ",
    "veille ",
    "lendemain ",
    "plus tard ",
    "week-end ",
    "fois ",
    "trimestre ",
    "premier ",
    "Noël ",
    "÷",
    "×",
    "Ⱥ",
    ", ",
    ". ",
    "\n\n",
    "« ",
    " »",
];

fn date_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            6 => prop::sample::select(DATE_FRAGMENTS).prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
        ],
        0..60,
    )
    .prop_map(|pieces| pieces.concat())
}

/// Dates: spans are code points into the text, in order, in their sentence; a value
/// exactly when resolved.
fn check_dates(text: &str, published: Option<&str>) -> Result<(), TestCaseError> {
    let doc = Document::new(text);
    let dates = depeche::dates::extract(&doc, published);
    let chars: Vec<char> = text.chars().collect();
    let mut previous_start = 0;
    for d in &dates {
        let span = &d.span;
        prop_assert!(
            span.start < span.end && span.end <= chars.len(),
            "{:?} in {:?}",
            d,
            text
        );
        let slice: String = chars[span.start..span.end].iter().collect();
        prop_assert_eq!(&slice, &span.text);
        prop_assert!(span.start >= previous_start, "order in {:?}", text);
        prop_assert!(span.sentence < doc.sentences().len().max(1));
        previous_start = span.start;
        let unresolved = d.resolved == depeche::record::Resolution::Unresolved;
        prop_assert_eq!(d.value.is_none(), unresolved, "{:?}", d);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn date_invariants(text in date_text(), published in prop::option::of(Just("2025-04-10"))) {
        check_dates(&text, published)?;
    }

    #[test]
    fn date_invariants_on_any_text(text in any_text()) {
        check_dates(&text, Some("2024-02-29"))?;
        check_dates(&text, None)?;
    }
}
