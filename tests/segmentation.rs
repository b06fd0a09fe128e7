//! Table-driven sentence segmentation tests: `tests/data/segmentation.json` lists,
//! for each case, a text and the exact sentences expected.

use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    rule: String,
    text: String,
    sentences: Vec<String>,
}

#[test]
fn segmentation_table() {
    let cases: Vec<Case> =
        serde_json::from_str(include_str!("data/segmentation.json")).expect("valid table");
    assert!(cases.len() >= 60, "the table must keep at least 60 cases");
    let mut failures = Vec::new();
    for case in &cases {
        let got: Vec<&str> = depeche::segment::sentences(&case.text)
            .into_iter()
            .map(|r| &case.text[r])
            .collect();
        if got != case.sentences {
            failures.push(format!(
                "{} [{}]\n  text:     {:?}\n  expected: {:?}\n  got:      {:?}",
                case.name, case.rule, case.text, case.sentences, got
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
