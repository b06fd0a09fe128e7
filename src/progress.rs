//! Progress on stderr for long runs: a bar (bytes, MB/s, ETA, articles/s) on a
//! terminal, or a plain line every few seconds when stderr is a file or pipe and
//! progress was asked for anyway (`--progress always`), so that logs show it too.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How often a plain progress line is written.
const LINE_INTERVAL: Duration = Duration::from_secs(5);

/// Where progress goes.
#[derive(Debug, Clone)]
pub enum Progress {
    /// Nothing is shown.
    Hidden,
    /// An animated bar on a terminal.
    Bar(ProgressBar),
    /// Plain lines, for logs.
    Lines {
        /// When the run started.
        started: Instant,
        /// When the last line was written.
        last: Instant,
    },
}

impl Progress {
    /// Progress for a run over `paths` (empty for stdin): `show` is the user's choice
    /// (`None` for "when stderr is a terminal").
    pub fn new(show: Option<bool>, paths: &[PathBuf], reads_stdin: bool) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        match (show.unwrap_or(terminal), terminal) {
            (false, _) => Progress::Hidden,
            (true, true) => Progress::Bar(bar(paths, reads_stdin)),
            (true, false) => {
                let now = Instant::now();
                Progress::Lines {
                    started: now,
                    last: now,
                }
            }
        }
    }

    /// Reports `bytes` read and `articles` written so far.
    pub fn update(&mut self, bytes: u64, articles: u64) {
        match self {
            Progress::Hidden => {}
            Progress::Bar(bar) => {
                bar.set_position(bytes);
                let rate = articles as f64 / bar.elapsed().as_secs_f64().max(1e-3);
                bar.set_message(format!("{articles} articles, {rate:.0}/s"));
            }
            Progress::Lines { started, last } => {
                if last.elapsed() >= LINE_INTERVAL {
                    *last = Instant::now();
                    eprintln!("depeche: {}", summary(started.elapsed(), bytes, articles));
                }
            }
        }
    }

    /// Prints a message above the bar, or on its own line.
    pub fn message(&self, message: &str) {
        match self {
            Progress::Bar(bar) => bar.println(format!("depeche: {message}")),
            _ => eprintln!("depeche: {message}"),
        }
    }

    /// Ends the display with a summary.
    pub fn finish(&self, bytes: u64, articles: u64) {
        match self {
            Progress::Hidden => {}
            Progress::Bar(bar) => {
                bar.set_position(bytes);
                bar.finish_with_message(format!("{articles} articles"));
            }
            Progress::Lines { started, .. } => {
                eprintln!(
                    "depeche: done, {}",
                    summary(started.elapsed(), bytes, articles)
                );
            }
        }
    }
}

fn summary(elapsed: Duration, bytes: u64, articles: u64) -> String {
    let secs = elapsed.as_secs_f64().max(1e-3);
    format!(
        "{articles} articles, {:.1} MB in {secs:.1} s ({:.1} MB/s, {:.0} articles/s)",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        articles as f64 / secs
    )
}

/// A bar measuring input bytes. Its length, the total size of the inputs, is summed
/// on a background thread so that the run starts at once; stdin has no length.
fn bar(paths: &[PathBuf], reads_stdin: bool) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} \
             {binary_bytes_per_sec} ETA {eta} {msg}",
        )
        .expect("valid progress template"),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    if !reads_stdin && !paths.is_empty() {
        let bar = bar.clone();
        let paths = paths.to_vec();
        std::thread::spawn(move || {
            let total = paths.iter().map(|p| total_size(p, 0)).sum();
            bar.set_length(total);
        });
    }
    bar
}

/// Bytes under `path` (hidden entries skipped, as the reader does).
fn total_size(path: &Path, depth: usize) -> u64 {
    let Ok(metadata) = std::fs::metadata(path) else {
        return 0;
    };
    if !metadata.is_dir() {
        return metadata.len();
    }
    if depth > 64 {
        return 0; // a symbolic link loop
    }
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                .map(|e| total_size(&e.path(), depth + 1))
                .sum()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line() {
        assert_eq!(
            summary(Duration::from_secs(2), 10_000_000, 2_000),
            "2000 articles, 10.0 MB in 2.0 s (5.0 MB/s, 1000 articles/s)"
        );
    }

    #[test]
    fn total_size_of_a_tree() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "12345").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b.txt"), "123").unwrap();
        std::fs::write(dir.path().join(".hidden"), "123456789").unwrap();
        assert_eq!(total_size(dir.path(), 0), 8);
    }
}
