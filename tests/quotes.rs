//! Table-driven tests of the quote and source extractors: `tests/data/quotes.json`
//! lists, for each case, a text and every quote and source expected in it, in order.

mod common;

use serde::Deserialize;

#[derive(Deserialize, Debug, PartialEq)]
struct Expected {
    quotes: Vec<QuoteItem>,
    sources: Vec<SourceItem>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct QuoteItem {
    text: String,
    kind: String,
    speaker: Option<String>,
    anonymous: bool,
    verb: Option<String>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct SourceItem {
    text: String,
    kind: String,
    qualifier: Option<String>,
}

fn kind<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

fn actual(text: &str) -> Expected {
    let doc = depeche::Document::new(text);
    let places = depeche::places::extract(&doc);
    let actors = depeche::actors::find(&doc, &places);
    let (quotes, sources) = depeche::quotes::extract(&doc, &actors);
    Expected {
        quotes: quotes
            .into_iter()
            .map(|q| QuoteItem {
                text: q.span.text,
                kind: kind(q.kind),
                speaker: q.speaker.map(|s| s.text),
                anonymous: q.anonymous,
                verb: q.verb,
            })
            .collect(),
        sources: sources
            .into_iter()
            .map(|s| SourceItem {
                text: s.span.text,
                kind: kind(s.kind),
                qualifier: s.qualifier,
            })
            .collect(),
    }
}

#[test]
fn quotes_table() {
    common::check_table(include_str!("data/quotes.json"), 150, actual);
}
