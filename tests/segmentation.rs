//! Table-driven sentence segmentation tests: `tests/data/segmentation.json` lists,
//! for each case, a text and the exact sentences expected.

mod common;

#[test]
fn segmentation_table() {
    common::check_table(include_str!("data/segmentation.json"), 60, |text| {
        depeche::segment::sentences(text)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect::<Vec<String>>()
    });
}
