//! The `depeche` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    depeche::cli::main()
}
