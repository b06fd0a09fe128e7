//! The batch runner: reads items on one thread, processes batches of them in
//! parallel, writes results on another thread, in input order, with a bounded number
//! of batches in flight. It knows nothing of articles or extraction.

use std::io;
use std::sync::mpsc::sync_channel;
use std::thread;

use rayon::prelude::*;

/// How work is split and spread.
#[derive(Debug, Clone, Copy)]
pub struct RunnerOptions {
    /// Worker threads.
    pub jobs: usize,
    /// A batch closes when its items weigh this much (bytes of input, typically)...
    pub batch_weight: usize,
    /// ...or when it holds this many items.
    pub batch_items: usize,
    /// Batches waiting between reader and workers, and between workers and writer.
    pub queue: usize,
}

impl Default for RunnerOptions {
    fn default() -> Self {
        RunnerOptions {
            jobs: thread::available_parallelism().map_or(1, |n| n.get()),
            batch_weight: 1 << 20,
            batch_items: 1024,
            queue: 2,
        }
    }
}

/// Runs `work` on every item of `items` on `options.jobs` threads and hands the
/// results to `sink` batch by batch, in the order of `items`.
///
/// At most `2 * queue + 2` batches exist at once, so memory stays bounded whatever
/// the input's size. The run stops at the first error of `sink`, which is returned.
pub fn run_ordered<I, T, R, W, F, S>(
    items: I,
    weigh: W,
    work: F,
    mut sink: S,
    options: RunnerOptions,
) -> io::Result<()>
where
    I: Iterator<Item = T> + Send,
    T: Send,
    R: Send,
    W: Fn(&T) -> usize + Send,
    F: Fn(T) -> R + Sync + Send,
    S: FnMut(Vec<R>) -> io::Result<()> + Send,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.max(1))
        .thread_name(|i| format!("depeche-worker-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let (batch_tx, batch_rx) = sync_channel::<Vec<T>>(options.queue);
    let (result_tx, result_rx) = sync_channel::<Vec<R>>(options.queue);
    thread::scope(|scope| {
        scope.spawn(move || {
            let mut batch = Vec::new();
            let mut weight = 0;
            for item in items {
                weight += weigh(&item);
                batch.push(item);
                if weight >= options.batch_weight || batch.len() >= options.batch_items {
                    if batch_tx.send(std::mem::take(&mut batch)).is_err() {
                        return; // the writer stopped
                    }
                    weight = 0;
                }
            }
            if !batch.is_empty() {
                let _ = batch_tx.send(batch);
            }
        });
        let writer = scope.spawn(move || {
            for results in result_rx {
                sink(results)?;
            }
            Ok(())
        });
        for batch in batch_rx {
            let results: Vec<R> = pool.install(|| batch.into_par_iter().map(&work).collect());
            if result_tx.send(results).is_err() {
                break; // the writer failed: its error is returned below
            }
        }
        drop(result_tx);
        writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("writer thread panicked")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order_whatever_the_jobs() {
        for jobs in [1, 2, 4] {
            let mut out = Vec::new();
            let options = RunnerOptions {
                jobs,
                batch_weight: 10,
                batch_items: 7,
                queue: 1,
            };
            run_ordered(
                0..1000u64,
                |_| 3,
                |n| n * 2,
                |batch| {
                    out.extend(batch);
                    Ok(())
                },
                options,
            )
            .unwrap();
            assert_eq!(
                out,
                (0..1000).map(|n| n * 2).collect::<Vec<_>>(),
                "jobs {jobs}"
            );
        }
    }

    #[test]
    fn sink_error_stops_the_run() {
        let mut batches = 0;
        let error = run_ordered(
            0..1_000_000u64,
            |_| 1,
            |n| n,
            |_| {
                batches += 1;
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            },
            RunnerOptions {
                jobs: 2,
                batch_weight: 100,
                batch_items: 100,
                queue: 1,
            },
        )
        .unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(batches, 1);
    }

    #[test]
    fn empty_input_writes_nothing() {
        let mut calls = 0;
        run_ordered(
            std::iter::empty::<u8>(),
            |_| 1,
            |n| n,
            |_| {
                calls += 1;
                Ok(())
            },
            RunnerOptions::default(),
        )
        .unwrap();
        assert_eq!(calls, 0);
    }
}
