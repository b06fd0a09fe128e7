//! Test helper: does a piece of work take linear time in its input's size?
//!
//! Timing tests run beside the other tests of the library on a shared machine,
//! so one measurement says little. The helper times the small and the large input
//! in alternation, keeps the best time of each (a busy machine only ever adds
//! time), and compares four times the input with a bound halfway to what a
//! quadratic rule would take (sixteen times).

use std::time::Instant;

/// Asserts that `run(4 * n)` takes well under sixteen times `run(n)`.
///
/// `run(size)` does the work on an input of `size` units; only its duration is
/// measured. `slack` (seconds) absorbs timer resolution on tiny inputs.
pub(crate) fn assert_linear(what: &str, n: usize, slack: f64, mut run: impl FnMut(usize)) {
    let mut time = |size: usize| {
        let start = Instant::now();
        run(size);
        start.elapsed().as_secs_f64()
    };
    time(n / 10 + 1);
    let (mut small, mut large) = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        small = small.min(time(n));
        large = large.min(time(4 * n));
    }
    assert!(
        large < small * 8.0 + slack,
        "{what}: {small:.4} s for {n}, {large:.4} s for {}",
        4 * n
    );
}

#[cfg(test)]
mod tests {
    use super::assert_linear;
    use std::hint::black_box;

    #[test]
    fn linear_work_passes() {
        assert_linear("a sum", 2_000_000, 0.001, |n| {
            black_box((0..n).map(black_box).sum::<usize>());
        });
    }

    #[test]
    #[should_panic(expected = "quadratic")]
    fn quadratic_work_fails() {
        assert_linear("quadratic", 3_000, 0.0, |n| {
            for i in 0..n {
                black_box((0..n).map(|j| black_box(i ^ j)).sum::<usize>());
            }
        });
    }
}
