//! Table-driven tests of the date tagger: `tests/data/dates.json` lists, for each
//! case, a text, its publication date and every temporal expression expected in it,
//! in order, with type, value, resolution, modifier and range end.

mod common;

use serde::Deserialize;

#[derive(Deserialize, Debug, PartialEq)]
struct Expected {
    text: String,
    #[serde(rename = "type")]
    kind: String,
    value: Option<String>,
    resolved: String,
    #[serde(rename = "mod")]
    modifier: Option<String>,
    end_value: Option<String>,
}

fn name<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[test]
fn dates_table() {
    common::check_cases(include_str!("data/dates.json"), 250, |case| {
        let doc = depeche::Document::new(&case.text);
        depeche::dates::extract(&doc, case.published.as_deref())
            .into_iter()
            .map(|d| Expected {
                text: d.span.text,
                kind: name(d.kind),
                value: d.value,
                resolved: name(d.resolved),
                modifier: d.modifier.map(name),
                end_value: d.end_value,
            })
            .collect::<Vec<Expected>>()
    });
}

#[test]
fn spans_are_code_points_into_the_text() {
    let text = "À l’aube du 3 mars, l’équipe est partie ; elle rentrera le 5 avril à 14h30.";
    let doc = depeche::Document::new(text);
    let chars: Vec<char> = text.chars().collect();
    let dates = depeche::dates::extract(&doc, Some("2025-03-03"));
    assert_eq!(dates.len(), 3);
    for d in dates {
        let span: String = chars[d.span.start..d.span.end].iter().collect();
        assert_eq!(span, d.span.text);
    }
}
