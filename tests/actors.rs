//! Table-driven tests of the actor extractor: `tests/data/actors.json` lists, for each
//! case, a text and every actor expected in it, in order. `text` and `kind` are always
//! compared; `name`, `role` and `affiliation` when the expected item has the key.

mod common;

use serde_json::{Map, Value};

/// The actors of `text` as JSON objects, each cut down to the keys of the expected
/// item at the same position.
fn actual(text: &str, expected: &[Value]) -> Vec<Value> {
    let doc = depeche::Document::new(text);
    let places = depeche::places::extract(&doc);
    depeche::actors::extract(&doc, &places)
        .into_iter()
        .enumerate()
        .map(|(i, actor)| {
            let full = serde_json::to_value(&actor).unwrap();
            let wanted = expected.get(i).and_then(Value::as_object);
            let mut item = Map::new();
            for key in ["text", "kind", "name", "role", "affiliation"] {
                let keep =
                    matches!(key, "text" | "kind") || wanted.is_some_and(|w| w.contains_key(key));
                if keep {
                    item.insert(key.to_string(), full[key].clone());
                }
            }
            Value::Object(item)
        })
        .collect()
}

#[test]
fn actors_table() {
    common::check_cases(
        include_str!("data/actors.json"),
        120,
        |case: &common::Case<Vec<Value>>| actual(&case.text, &case.expected),
    );
}

#[test]
fn spans_are_code_points_into_the_text() {
    let text = "À Genève, l’ambassadrice française et M. Étienne Lefèvre ont rencontré l’OMS.";
    let doc = depeche::Document::new(text);
    let chars: Vec<char> = text.chars().collect();
    let places = depeche::places::extract(&doc);
    let actors = depeche::actors::extract(&doc, &places);
    assert!(actors.len() >= 3, "{actors:?}");
    for a in actors {
        let span: String = chars[a.span.start..a.span.end].iter().collect();
        assert_eq!(span, a.span.text);
    }
}
