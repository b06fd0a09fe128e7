//! The date tagger and normalizer on arbitrary text, with an arbitrary publication
//! date: the first line of the input is the date, the rest the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let input = String::from_utf8_lossy(bytes);
    let (published, text) = input.split_once('\n').unwrap_or(("2025-04-10", &input));
    let doc = depeche::Document::new(text);
    let chars = doc.char_len();
    for date in depeche::dates::extract(&doc, Some(published)) {
        assert!(date.span.start <= date.span.end && date.span.end <= chars);
    }
});
