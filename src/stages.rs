//! Where the time goes: the CPU time of each stage of the pipeline, summed over all
//! worker threads, for `depeche extract --stage-times` and the benchmark script.
//!
//! Each stage adds its time to a process-wide counter (a few atomic additions per
//! article, nothing next to the stages themselves).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A stage of the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Decoding bytes and JSON lines into articles.
    Input,
    /// Language identification.
    Language,
    /// Paragraphs, sentences, words and their keys, the offset map.
    Segmentation,
    /// The dates pass.
    Dates,
    /// The places pass.
    Places,
    /// The actors pass.
    Actors,
    /// The anonymous sources pass.
    Sources,
    /// The quotes pass (and the sources its speakers add).
    Quotes,
    /// Records to JSON.
    Serialize,
    /// Records into the SQLite database (`--sqlite`).
    Database,
}

const STAGES: [(Stage, &str); 10] = [
    (Stage::Input, "input (decode, JSON)"),
    (Stage::Language, "language"),
    (Stage::Segmentation, "segmentation, words"),
    (Stage::Dates, "dates"),
    (Stage::Places, "places"),
    (Stage::Actors, "actors"),
    (Stage::Sources, "sources"),
    (Stage::Quotes, "quotes"),
    (Stage::Serialize, "serialization"),
    (Stage::Database, "sqlite"),
];

static NANOS: [AtomicU64; 10] = [const { AtomicU64::new(0) }; 10];

/// Adds `elapsed` to `stage`.
pub fn add(stage: Stage, elapsed: Duration) {
    let nanos = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
    NANOS[stage as usize].fetch_add(nanos, Ordering::Relaxed);
}

/// Times a run of stages: each `lap` charges the time since the previous one.
pub struct Laps(Instant);

impl Laps {
    /// Starts timing now.
    pub fn start() -> Laps {
        Laps(Instant::now())
    }

    /// Charges the time since the last lap to `stage`.
    pub fn lap(&mut self, stage: Stage) {
        let now = Instant::now();
        add(stage, now - self.0);
        self.0 = now;
    }
}

/// The time of each stage so far, in pipeline order.
pub fn times() -> Vec<(&'static str, Duration)> {
    STAGES
        .iter()
        .map(|&(stage, name)| {
            (
                name,
                Duration::from_nanos(NANOS[stage as usize].load(Ordering::Relaxed)),
            )
        })
        .collect()
}

/// A table of the stage times: seconds, share of the total, and how much each adds
/// to the time of all the others.
pub fn report() -> String {
    let times = times();
    let total: f64 = times.iter().map(|(_, d)| d.as_secs_f64()).sum();
    let mut out = format!(
        "{:<24} {:>9} {:>7} {:>7}\n",
        "stage (CPU, all threads)", "seconds", "share", "adds"
    );
    for (name, d) in &times {
        let t = d.as_secs_f64();
        let share = if total > 0.0 { t / total } else { 0.0 };
        let rest = total - t;
        let adds = if rest > 0.0 { t / rest } else { 0.0 };
        out.push_str(&format!(
            "{name:<24} {t:>9.3} {:>6.1}% {:>6.1}%\n",
            share * 100.0,
            adds * 100.0
        ));
    }
    out.push_str(&format!("{:<24} {total:>9.3}\n", "total"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laps_add_up_and_report() {
        let mut laps = Laps::start();
        std::thread::sleep(Duration::from_millis(2));
        laps.lap(Stage::Dates);
        let dates = times()[3].1;
        assert!(dates >= Duration::from_millis(2));
        let report = report();
        assert!(report.contains("dates") && report.contains("adds") && report.contains("total"));
    }
}
