//! Table-driven tests of the places extractor: `tests/data/places.json` lists, for
//! each case, a text and every place expected in it, in order.

mod common;

use serde::Deserialize;

#[derive(Deserialize, Debug, PartialEq)]
struct Expected {
    text: String,
    name: String,
    kind: String,
    country: Option<String>,
}

#[test]
fn places_table() {
    common::check_table(include_str!("data/places.json"), 80, |text| {
        let doc = depeche::Document::new(text);
        depeche::places::extract(&doc)
            .into_iter()
            .map(|p| Expected {
                text: p.span.text,
                name: p.name.into_owned(),
                kind: serde_json::to_value(p.kind)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string(),
                country: p.country.map(|c| c.into_owned()),
            })
            .collect::<Vec<Expected>>()
    });
}

#[test]
fn spans_are_code_points_into_the_text() {
    let text = "À l’aube, l’armée a quitté Kharkiv pour Kyiv. Au Caire, le président égyptien a reçu le ministre.";
    let doc = depeche::Document::new(text);
    let chars: Vec<char> = text.chars().collect();
    let places = depeche::places::extract(&doc);
    assert!(!places.is_empty());
    for p in places {
        let span: String = chars[p.span.start..p.span.end].iter().collect();
        assert_eq!(span, p.span.text);
    }
}
