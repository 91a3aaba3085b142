//! leakhound's binary: parse the command line, run, map the outcome to an exit code.

/// mimalloc: the scan allocates and frees a buffer per blob on every worker thread (and zlib-rs a window
/// per object), where glibc malloc spent ~8% of a history scan consolidating and unlinking chunks.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod app;
mod cli;

use clap::Parser;

fn main() {
    let cli = cli::Cli::parse();
    let code = match app::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        // `leakhound … | head`: the reader left, which is not an error (ripgrep's manners).
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            0
        }
        Err(e) => {
            // One line: what failed and why, with the context the error carries.
            // Errors keep their causes; here, and only here, the chain becomes one line.
            let msg = leakhound::text::one_line(&format!("{e:#}"));
            let msg = leakhound::text::without_os_error_codes(&leakhound::text::without_libgit2_codes(&msg));
            eprintln!("leakhound: error: {}", leakhound::text::escape_control(&msg));
            2
        }
    };
    std::process::exit(code);
}
