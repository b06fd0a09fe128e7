//! The whole extraction of one article from arbitrary bytes: decoded as the reader
//! decodes a text file, extracted with every list and sentences, serialized.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (text, _) = depeche::input::decode(bytes.to_vec());
    let extractor = depeche::Extractor::builder()
        .sentences(true)
        .all_languages(true)
        .build();
    let record = extractor.extract(&text, &depeche::ArticleMeta::with_id("fuzz"));
    let chars = text.chars().count();
    for span in record
        .dates
        .iter()
        .map(|d| &d.span)
        .chain(record.places.iter().map(|p| &p.span))
        .chain(record.actors.iter().map(|a| &a.span))
        .chain(record.quotes.iter().map(|q| &q.span))
        .chain(record.sources.iter().map(|s| &s.span))
    {
        assert!(span.start <= span.end && span.end <= chars, "span out of the text");
    }
    let json = serde_json::to_vec(&record).expect("a record serializes");
    let back: depeche::Record = serde_json::from_slice(&json).expect("a record parses back");
    assert_eq!(back, record);
});
