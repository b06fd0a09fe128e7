//! What the table-driven tests share: a case of `tests/data/*.json` and the runner
//! that checks every case and reports all failures at once.

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// One case of a table: a text, the rule it illustrates, and what is expected of it.
#[derive(Deserialize)]
pub struct Case<E> {
    /// Unique name.
    pub name: String,
    /// The rule the case illustrates.
    pub rule: String,
    /// The input text.
    pub text: String,
    /// The article's publication date, for the tables that need one.
    #[serde(default)]
    #[allow(dead_code)]
    pub published: Option<String>,
    /// What the extractor must give, under the table's own key.
    #[serde(
        alias = "sentences",
        alias = "places",
        alias = "dates",
        alias = "actors"
    )]
    pub expected: E,
}

/// Runs `actual` on every case of the JSON table `data` (at least `min_cases`) and
/// fails with the list of cases whose result differs from the expected one.
#[allow(dead_code)]
pub fn check_table<E, F>(data: &str, min_cases: usize, actual: F)
where
    E: DeserializeOwned + PartialEq + std::fmt::Debug,
    F: Fn(&str) -> E,
{
    check_cases(data, min_cases, |case: &Case<E>| actual(&case.text));
}

/// Like [`check_table`], with the whole case given to `actual`.
pub fn check_cases<E, F>(data: &str, min_cases: usize, actual: F)
where
    E: DeserializeOwned + PartialEq + std::fmt::Debug,
    F: Fn(&Case<E>) -> E,
{
    let cases: Vec<Case<E>> = serde_json::from_str(data).expect("valid table");
    assert!(
        cases.len() >= min_cases,
        "the table must keep at least {min_cases} cases"
    );
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let got = actual(case);
            (got != case.expected).then(|| {
                format!(
                    "{} [{}]\n  text:     {:?}\n  expected: {:?}\n  got:      {:?}",
                    case.name, case.rule, case.text, case.expected, got
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
