//! One JSONL line of arbitrary bytes, read as the reader reads a dump's line: it
//! becomes an article or an error record, never a panic. The same bytes read as a
//! block of lines (how regular JSONL files are read) give at most one article per
//! line, never a panic either.
#![no_main]

use std::sync::Arc;

use depeche::input::{Article, InputOptions, Origin, RawArticle, RawLines};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let raw = RawArticle {
        origin: Origin::JsonLine {
            path: Arc::from("fuzz.jsonl"),
            part: None,
            line: 1,
        },
        bytes: bytes.to_vec(),
    };
    let options = InputOptions::default();
    let record = match raw.into_article(&options) {
        Article::Text { text, meta } => {
            assert!(!meta.id.is_empty());
            depeche::extract(&text, &meta)
        }
        Article::Failed { meta, reason } => depeche::Record::error(&meta, reason),
    };
    serde_json::to_vec(&record).expect("a record serializes");

    let newlines = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
    let lines = newlines + u64::from(bytes.last().is_some_and(|&b| b != b'\n'));
    let block = RawLines {
        path: Arc::from("fuzz.jsonl"),
        part: None,
        first_line: 1,
        lines,
        bytes: bytes.to_vec(),
    };
    let mut count = 0;
    for article in block.articles(&options) {
        count += 1;
        let meta = match &article {
            Article::Text { meta, .. } | Article::Failed { meta, .. } => meta,
        };
        assert!(!meta.id.is_empty());
    }
    assert!(count <= lines, "{count} articles from {lines} lines");
});
