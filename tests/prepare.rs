//! `depeche::prepare` beside extractions, in a process of its own so that the word
//! lists are not built yet: whichever thread comes first builds each, and every
//! record is the one of an extraction once all are built.
//!
//! One test, so that nothing else in this binary builds them first.

use depeche::{extract, prepare, ArticleMeta};

#[test]
fn prepare_beside_extractions_changes_no_record() {
    let text = include_str!("../fixtures/press/01-budget-assemblee.txt");
    let meta = ArticleMeta::with_id("p");
    let records: Vec<_> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..4)
            .map(|i| {
                let meta = &meta;
                scope.spawn(move || {
                    if i % 2 == 0 {
                        prepare();
                    }
                    extract(text, meta)
                })
            })
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    let expected = extract(text, &meta);
    assert!(!expected.places.is_empty() && !expected.actors.is_empty());
    for record in records {
        assert_eq!(record, expected);
    }
}
