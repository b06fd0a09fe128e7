//! One JSONL line of arbitrary bytes, read as the reader reads a dump's line: it
//! becomes an article or an error record, never a panic.
#![no_main]

use std::sync::Arc;

use depeche::input::{Article, InputOptions, Origin, RawArticle};
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
    let record = match raw.into_article(&InputOptions::default()) {
        Article::Text { text, meta } => {
            assert!(!meta.id.is_empty());
            depeche::extract(&text, &meta)
        }
        Article::Failed { meta, reason } => depeche::Record::error(&meta, reason),
    };
    serde_json::to_vec(&record).expect("a record serializes");
});
