//! The batch runner: one thread reads items, one groups them into batches, `jobs`
//! worker threads each take a whole batch and process it, one thread writes the
//! results in input order. It knows nothing of articles or extraction.
//!
//! A batch also closes when the input stalls (a pipe whose writer is slow): what has
//! been read is processed and written without waiting for more, or for the end.
//!
//! Workers pull batches rather than share each one (as a parallel iterator would),
//! so no worker waits at the end of a batch for the others, and there are no idle
//! threads spinning for work on a machine with as many cores as workers. Memory is
//! bounded: at most `in_flight` batches, and [`READ_AHEAD`] items weighing less than a
//! batch (plus the one item that crosses that weight), exist between being read and
//! being written, whatever the size of the input or a slow batch holding the others
//! back. An item may weigh a batch by itself (a block of many lines read at once): it
//! then makes its batch alone.

use std::collections::BTreeMap;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::sync::{Condvar, Mutex};
use std::thread::{self, Thread};
use std::time::Duration;

/// How work is split and spread.
#[derive(Debug, Clone, Copy)]
pub struct RunnerOptions {
    /// Worker threads.
    pub jobs: usize,
    /// A batch closes when its items weigh this much (bytes of input, typically)...
    pub batch_weight: usize,
    /// ...or when it holds this many items.
    pub batch_items: usize,
    /// Batches read but not yet written, at most (at least `jobs + 1`).
    pub in_flight: usize,
    /// A batch also closes when no item comes for this long.
    pub linger: Duration,
}

impl Default for RunnerOptions {
    fn default() -> Self {
        let jobs = thread::available_parallelism().map_or(1, |n| n.get());
        RunnerOptions {
            jobs,
            batch_weight: 1 << 20,
            batch_items: 1024,
            in_flight: 2 * jobs + 2,
            linger: Duration::from_millis(50),
        }
    }
}

/// Work on one item as work on a batch, for [`run_batches`].
pub fn each<T, R>(work: impl Fn(T) -> R) -> impl Fn(Vec<T>) -> Vec<R> {
    move |batch| batch.into_iter().map(&work).collect()
}

/// Runs `work` on the items of `items`, grouped in batches, on `options.jobs`
/// threads, and hands the results to `sink` batch by batch, in the order of
/// `items`. `work` takes a whole batch and returns what came of it, in whatever
/// shape suits the sink (the results one per item, or already joined: work that
/// goes faster on many items at once); [`each`] makes it of work on one item.
///
/// The run stops at the first error of `sink`, which is returned.
pub fn run_batches<I, T, R, W, F, S>(
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
    F: Fn(Vec<T>) -> R + Sync,
    S: FnMut(R) -> io::Result<()> + Send,
{
    let jobs = options.jobs.max(1);
    let slots = Slots::new(options.in_flight.max(jobs + 1));
    let (batch_tx, batch_rx) = sync_channel::<(u64, Vec<T>)>(jobs);
    let batch_rx = Mutex::new(batch_rx);
    let (result_tx, result_rx) = sync_channel::<(u64, R)>(jobs);
    // Items read ahead of the batch being filled, with their weights.
    let (item_tx, item_rx) = sync_channel::<(T, usize)>(READ_AHEAD);
    let ahead = ReadAhead::new(options.batch_weight);
    thread::scope(|scope| {
        let (slots, ahead) = (&slots, &ahead);
        let reader = scope.spawn(move || {
            for item in items {
                let weight = weigh(&item);
                if !ahead.add(weight) || item_tx.send((item, weight)).is_err() {
                    return; // the batcher stopped
                }
            }
        });
        let reader = reader.thread().clone();
        scope.spawn(move || {
            let mut batches = Batcher::new(item_rx, ahead, &reader, options);
            for seq in 0u64.. {
                if !slots.acquire() {
                    break; // the writer stopped
                }
                let Some(batch) = batches.next() else {
                    break;
                };
                if batch_tx.send((seq, batch)).is_err() {
                    break;
                }
            }
            ahead.close(&reader);
        });
        for _ in 0..jobs {
            let (batch_rx, result_tx, work) = (&batch_rx, result_tx.clone(), &work);
            scope.spawn(move || {
                // After a stop, batches are taken and dropped, so that a reader blocked
                // on sending one gets to see the stop and end.
                while let Some((seq, batch)) = next_batch(batch_rx) {
                    if slots.is_stopped() {
                        continue;
                    }
                    let results = work(batch);
                    let _ = result_tx.send((seq, results));
                }
            });
        }
        drop(result_tx);
        // The writer: results arrive in any order and leave in input order.
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        let mut outcome = Ok(());
        for (seq, results) in result_rx {
            pending.insert(seq, results);
            while let Some(results) = pending.remove(&next) {
                if let Err(e) = sink(results) {
                    outcome = Err(e);
                    break;
                }
                next += 1;
                slots.release();
            }
            if outcome.is_err() {
                break;
            }
        }
        slots.stop();
        outcome
    })
}

/// Takes the next batch; one worker waits on the channel at a time.
fn next_batch<T>(rx: &Mutex<Receiver<(u64, Vec<T>)>>) -> Option<(u64, Vec<T>)> {
    rx.lock().ok()?.recv().ok()
}

/// Items the reading thread keeps ready for the batcher, at most (see also
/// [`ReadAhead`]).
const READ_AHEAD: usize = 64;

/// The weight of the items read but not yet taken by the batcher: the reading thread
/// stops (parked) while it is a batch's weight or more, so that heavy items (blocks of
/// a whole batch) are not read far ahead; light ones are bounded by [`READ_AHEAD`].
struct ReadAhead {
    queued: AtomicUsize,
    limit: usize,
    closed: AtomicBool,
}

impl ReadAhead {
    fn new(limit: usize) -> Self {
        ReadAhead {
            queued: AtomicUsize::new(0),
            limit: limit.max(1),
            closed: AtomicBool::new(false),
        }
    }

    /// On the reading thread: waits until there is room, then counts an item of
    /// `weight` as queued; false once the batcher has stopped.
    fn add(&self, weight: usize) -> bool {
        while self.queued.load(Ordering::Acquire) >= self.limit {
            if self.closed.load(Ordering::Acquire) {
                return false;
            }
            // Woken by `take` or `close`; a wake-up that came first is not lost.
            thread::park();
        }
        self.queued.fetch_add(weight, Ordering::AcqRel);
        true
    }

    /// On the batcher: an item of `weight` is taken; wakes the reading thread if that
    /// makes room.
    fn take(&self, weight: usize, reader: &Thread) {
        let before = self.queued.fetch_sub(weight, Ordering::AcqRel);
        if before >= self.limit && before - weight < self.limit {
            reader.unpark();
        }
    }

    /// On the batcher, when it stops: the reading thread must not wait any more.
    fn close(&self, reader: &Thread) {
        self.closed.store(true, Ordering::Release);
        reader.unpark();
    }
}

/// Groups items into batches by weight and count, or up to a stall of the input.
struct Batcher<'a, T> {
    items: Receiver<(T, usize)>,
    ahead: &'a ReadAhead,
    reader: &'a Thread,
    options: RunnerOptions,
}

impl<'a, T> Batcher<'a, T> {
    fn new(
        items: Receiver<(T, usize)>,
        ahead: &'a ReadAhead,
        reader: &'a Thread,
        options: RunnerOptions,
    ) -> Self {
        Batcher {
            items,
            ahead,
            reader,
            options,
        }
    }
}

impl<T> Iterator for Batcher<'_, T> {
    type Item = Vec<T>;

    fn next(&mut self) -> Option<Vec<T>> {
        let mut batch = Vec::new();
        let mut weight = 0;
        loop {
            // A batch waits for its first item as long as it takes, then for each
            // next one only `linger`.
            let (item, item_weight) = if batch.is_empty() {
                match self.items.recv() {
                    Ok(item) => item,
                    Err(_) => break,
                }
            } else {
                match self.items.recv_timeout(self.options.linger) {
                    Ok(item) => item,
                    Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
                }
            };
            self.ahead.take(item_weight, self.reader);
            weight += item_weight;
            batch.push(item);
            if weight >= self.options.batch_weight || batch.len() >= self.options.batch_items {
                break;
            }
        }
        (!batch.is_empty()).then_some(batch)
    }
}

/// Counts batches in flight; the reader waits for a free slot before reading more.
struct Slots {
    used: Mutex<(usize, bool)>,
    freed: Condvar,
    limit: usize,
}

impl Slots {
    fn new(limit: usize) -> Slots {
        Slots {
            used: Mutex::new((0, false)),
            freed: Condvar::new(),
            limit,
        }
    }

    /// Waits for a free slot and takes it; false once the run is stopped.
    fn acquire(&self) -> bool {
        let Ok(mut state) = self.used.lock() else {
            return false;
        };
        while state.0 >= self.limit && !state.1 {
            state = match self.freed.wait(state) {
                Ok(state) => state,
                Err(_) => return false,
            };
        }
        if state.1 {
            return false;
        }
        state.0 += 1;
        true
    }

    fn release(&self) {
        if let Ok(mut state) = self.used.lock() {
            state.0 -= 1;
            self.freed.notify_one();
        }
    }

    fn is_stopped(&self) -> bool {
        self.used.lock().map_or(true, |state| state.1)
    }

    fn stop(&self) {
        if let Ok(mut state) = self.used.lock() {
            state.1 = true;
            self.freed.notify_all();
        }
    }
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
                in_flight: 3,
                ..RunnerOptions::default()
            };
            run_batches(
                0..1000u64,
                |_| 3,
                each(|n| n * 2),
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
    fn batch_work_sees_whole_batches_and_keeps_their_order() {
        let options = RunnerOptions {
            jobs: 2,
            batch_weight: usize::MAX,
            batch_items: 7,
            ..RunnerOptions::default()
        };
        let mut out = Vec::new();
        let mut batches = Vec::new();
        run_batches(
            0..1000u64,
            |_| 1,
            |batch: Vec<u64>| {
                assert!(!batch.is_empty() && batch.len() <= 7);
                // Consecutive items: a batch is a run of the input.
                assert!(batch.windows(2).all(|w| w[1] == w[0] + 1));
                batch.iter().map(|n| n * 2).collect()
            },
            |results: Vec<u64>| {
                batches.push(results.len());
                out.extend(results);
                Ok(())
            },
            options,
        )
        .unwrap();
        assert_eq!(out, (0..1000).map(|n| n * 2).collect::<Vec<_>>());
        assert_eq!(batches.iter().sum::<usize>(), 1000);
        assert!(batches.iter().any(|&n| n > 1), "{batches:?}");
    }

    /// Runs `count` items of `weight` each through `work` and returns the most items
    /// ever read but not yet written, checking that all come out in order.
    fn most_read_ahead(
        count: u32,
        weight: usize,
        work: impl Fn(u32) -> u32 + Sync,
        options: RunnerOptions,
    ) -> usize {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let read = AtomicUsize::new(0);
        let written = AtomicUsize::new(0);
        let ahead = AtomicUsize::new(0);
        let mut out = Vec::new();
        run_batches(
            0..count,
            |_| {
                let r = read.fetch_add(1, Ordering::SeqCst) + 1;
                ahead.fetch_max(r - written.load(Ordering::SeqCst), Ordering::SeqCst);
                weight
            },
            each(work),
            |batch| {
                written.fetch_add(batch.len(), Ordering::SeqCst);
                out.extend(batch);
                Ok(())
            },
            options,
        )
        .unwrap();
        assert_eq!(out, (0..count).collect::<Vec<_>>());
        ahead.load(Ordering::SeqCst)
    }

    #[test]
    fn a_slow_batch_holds_the_others_within_the_bound() {
        let options = RunnerOptions {
            jobs: 3,
            batch_weight: usize::MAX,
            batch_items: 10,
            in_flight: 4,
            ..RunnerOptions::default()
        };
        let slow_at_times = |n| {
            if n % 500 == 0 {
                thread::sleep(Duration::from_millis(30));
            }
            n
        };
        let most = most_read_ahead(2000, 1, slow_at_times, options);
        // Items of the in-flight batches, the one being filled, those read ahead and
        // the one being read.
        assert!(most <= (options.in_flight + 1) * options.batch_items + READ_AHEAD + 1);
    }

    /// Items that weigh a batch each (blocks of lines) are not read far ahead.
    #[test]
    fn heavy_items_are_read_ahead_by_weight() {
        let options = RunnerOptions {
            jobs: 1,
            batch_weight: 100,
            batch_items: 1000,
            in_flight: 2,
            ..RunnerOptions::default()
        };
        let slow = |n| {
            thread::sleep(Duration::from_micros(200));
            n
        };
        let most = most_read_ahead(200, 100, slow, options);
        // A batch per item: the in-flight ones, the one being filled, one queued for
        // the batcher and the one being read; not READ_AHEAD more.
        assert!(most <= options.in_flight + 3, "{most} items read ahead");
    }

    #[test]
    fn sink_error_stops_the_run() {
        let mut batches = 0;
        let error = run_batches(
            0..1_000_000u64,
            |_| 1,
            each(|n| n),
            |_| {
                batches += 1;
                Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
            },
            RunnerOptions {
                jobs: 2,
                batch_weight: 100,
                batch_items: 100,
                in_flight: 3,
                ..RunnerOptions::default()
            },
        )
        .unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(batches, 1);
    }

    /// What was read before the input stalls is written without waiting for the rest.
    #[test]
    fn a_stalled_input_lets_the_batch_read_so_far_through() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let resumed = AtomicBool::new(false);
        let items = (0..6u32).inspect(|&n| {
            if n == 3 {
                thread::sleep(Duration::from_millis(600));
                resumed.store(true, Ordering::SeqCst);
            }
        });
        let mut batches = Vec::new();
        run_batches(
            items,
            |_| 1,
            each(|n| n),
            |batch| {
                batches.push((batch, resumed.load(Ordering::SeqCst)));
                Ok(())
            },
            RunnerOptions {
                jobs: 2,
                batch_weight: 1000,
                batch_items: 1000,
                in_flight: 3,
                linger: Duration::from_millis(50),
            },
        )
        .unwrap();
        assert_eq!(batches, vec![(vec![0, 1, 2], false), (vec![3, 4, 5], true)]);
    }

    /// A reader blocked on a full queue when the writer fails must still end.
    #[test]
    fn sink_error_with_a_blocked_reader_ends() {
        let (done_tx, done_rx) = std::sync::mpsc::channel();
        thread::spawn(move || {
            for jobs in [1, 2] {
                let error = run_batches(
                    0..100_000u64,
                    |_| 1,
                    each(|n| n),
                    |_| Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed")),
                    RunnerOptions {
                        jobs,
                        batch_weight: 1,
                        batch_items: 1,
                        in_flight: 1000,
                        ..RunnerOptions::default()
                    },
                );
                assert!(error.is_err());
            }
            done_tx.send(()).unwrap();
        });
        done_rx
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("the run ended");
    }

    #[test]
    fn empty_input_writes_nothing() {
        let mut calls = 0;
        run_batches(
            std::iter::empty::<u8>(),
            |_| 1,
            each(|n| n),
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
