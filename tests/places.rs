//! Table-driven tests of the places extractor: `tests/data/places.json` lists, for
//! each case, a text and every place expected in it, in order.

use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    rule: String,
    text: String,
    places: Vec<Expected>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Expected {
    text: String,
    name: String,
    kind: String,
    country: Option<String>,
}

#[test]
fn places_table() {
    let cases: Vec<Case> =
        serde_json::from_str(include_str!("data/places.json")).expect("valid table");
    assert!(cases.len() >= 80, "the table must keep at least 80 cases");
    let mut failures = Vec::new();
    for case in &cases {
        let doc = depeche::Document::new(&case.text);
        let got: Vec<Expected> = depeche::places::extract(&doc)
            .into_iter()
            .map(|p| Expected {
                text: p.span.text,
                name: p.name,
                kind: serde_json::to_value(p.kind)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string(),
                country: p.country,
            })
            .collect();
        if got != case.places {
            let show = |list: &[Expected]| {
                list.iter()
                    .map(|p| {
                        format!(
                            "{}={}/{}/{}",
                            p.text,
                            p.name,
                            p.kind,
                            p.country.as_deref().unwrap_or("-")
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            failures.push(format!(
                "{} [{}]\n  text:     {}\n  expected: {}\n  got:      {}",
                case.name,
                case.rule,
                case.text,
                show(&case.places),
                show(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
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
