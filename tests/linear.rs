//! Linear time: every stage, on inputs built to trip a quadratic rule (one endless
//! sentence, runs of capitals, numbers, quotation marks, parentheses, source cues),
//! takes about twice as long on twice the input.
//!
//! One test, so that its timings do not run beside the others of this file.

use std::time::{Duration, Instant};

use depeche::Document;

/// Text of at least `bytes` bytes: `unit` repeated.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

/// Pathological inputs, by name: each unit is repeated to the wanted size.
const INPUTS: [(&str, &str); 9] = [
    (
        "one sentence without a stop",
        "le ministre Jean Marin a dit que le maire de Lyon estime, selon lui, que ",
    ),
    (
        "runs of capitals",
        "Saint Jean De La Croix Nord Sud Paris Le Havre ",
    ),
    (
        "names and titles",
        "M. Jean-Pierre de La Tour, Mme Lopez et le Dr Martin ",
    ),
    (
        "numbers and dates",
        "1 2 3 2024 12h30 le 3 mai 1er 14/07/2025 XIXe 30 % ",
    ),
    ("opening marks", "« Il a dit « non "),
    (
        "quotes and incises",
        "« Oui, a-t-il dit, non. » Il a ajouté : « Jamais. » ",
    ),
    ("parentheses", "(ONU (Organisation des Nations unies "),
    (
        "source cues",
        "selon une source proche, un diplomate sous couvert d'anonymat, des experts ",
    ),
    ("letters without spaces", "é’à-l'd’qu’aujourd’hui"),
];

/// The best of three timings of `f`.
fn best(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap()
}

/// The time of each stage on `text`: segmentation (with words), dates, places,
/// actors, sources, quotes.
fn stage_times(text: &str) -> [(&'static str, Duration); 6] {
    let segmentation = best(|| {
        let doc = Document::new(text);
        doc.words();
    });
    let doc = Document::new(text);
    doc.words();
    let dates = best(|| {
        depeche::dates::extract(&doc, Some("2025-04-10"));
    });
    let places = best(|| {
        depeche::places::extract(&doc);
    });
    let found_places = depeche::places::extract(&doc);
    let actors = best(|| {
        depeche::actors::find(&doc, &found_places);
    });
    let found_actors = depeche::actors::find(&doc, &found_places);
    let sources = best(|| {
        depeche::sources::find(&doc);
    });
    let quotes = best(|| {
        depeche::quotes::extract(&doc, &found_actors);
    });
    [
        ("segmentation", segmentation),
        ("dates", dates),
        ("places", places),
        ("actors", actors),
        ("sources", sources),
        ("quotes", quotes),
    ]
}

#[test]
fn every_stage_is_linear_on_pathological_inputs() {
    // Build the lexicons first: they are not part of any timing.
    stage_times("Le maire de Lyon a dit hier : « Oui. »");
    // The stages that grew more than 3 times on twice the input, with the times.
    let too_slow = |size: usize, unit: &str, only: Option<&[&str]>, floor: u64| {
        let small = stage_times(&repeat(unit, size));
        let large = stage_times(&repeat(unit, 2 * size));
        let mut out = Vec::new();
        for ((stage, t1), (_, t2)) in small.iter().zip(&large) {
            // Below the floor, a stage is fast whatever its growth here, and one
            // preemption of the thread would weigh more than the stage.
            if only.is_some_and(|o| !o.contains(stage)) || *t2 < Duration::from_millis(floor) {
                continue;
            }
            let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(0.002);
            // Linear gives 2; quadratic 4. The margin is for a busy machine.
            if ratio > 3.0 {
                out.push((*stage, format!("{t1:?} then {t2:?} (× {ratio:.2})")));
            }
        }
        out
    };
    let mut failures = Vec::new();
    for (name, unit) in INPUTS {
        let suspects = too_slow(1_000_000, unit, None, 20);
        if suspects.is_empty() {
            continue;
        }
        // A machine busy with something else can make one timing slow: measure the
        // suspects again, on twice the sizes, where a quadratic stage is only slower.
        let stages: Vec<&str> = suspects.iter().map(|(s, _)| *s).collect();
        for (stage, times) in too_slow(2_000_000, unit, Some(&stages), 50) {
            failures.push(format!("{stage} on {name}: {times}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
