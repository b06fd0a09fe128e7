//! The `depeche` binary: everything lives in the library.

/// mimalloc: the records of an article are many small strings and vectors, made
/// and freed on both worker threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    depeche::cli::main()
}
