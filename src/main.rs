//! The `depeche` binary: everything lives in the library.

use std::os::raw::c_long;

/// mimalloc: the records of an article are many small strings and vectors, made
/// and freed on both worker threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its place in `mi_option_t` of mimalloc 3,
/// which `libmimalloc-sys` does not name): how long freed pages wait before they go
/// back to the kernel, 1 s by default; -1 keeps them.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    keep_freed_pages();
    depeche::cli::main()
}

/// Keeps the pages a batch frees for the batches after it. Given back to the kernel
/// (after a second unused, by default), they come back as fresh pages the kernel
/// zeroes again, often 2 MB huge pages: 3,000–4,000 page faults instead of about 350
/// on 100 MB of a press dump at `-j 2`, most of the system time, and 1.5 to 4.5 % of
/// all CPU time (paired ratios of ten interleaved runs each way, three sittings). The
/// process then holds its peak, which the batches in flight bound, until it ends.
fn keep_freed_pages() {
    // SAFETY: sets one option's value, which mimalloc reads when it next purges.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1 as c_long) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option at `MI_OPTION_PURGE_DELAY` is the purge delay: its default is
    /// mimalloc's 1 s, and it takes the value set.
    #[test]
    fn purge_delay_option_is_the_one_set() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: reads an option's value.
            assert_eq!(
                unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
                1000
            );
        }
        keep_freed_pages();
        // SAFETY: as above.
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            -1
        );
    }
}
