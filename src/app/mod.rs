//! The one place that knows every part: builds the configuration, rules, scanner, source and reporter
//! from the command line, runs the scan and decides the outcome.

mod audit;
mod explain;
mod hook;
mod import;
mod incremental;
mod keys;
mod merge;
mod notify;
mod plan;
mod rules;
mod scan;
mod sources;
mod triage;

use hook::*;
use import::*;
use notify::*;
use plan::*;
use rules::*;
use scan::*;
use sources::*;

use anyhow::Result;

use crate::cli::{Command, ConfigCommand, RulesCommand};

pub enum Outcome {
    Clean,
    /// Findings that fail the scan, with the exit status to use (1, or `--exit-code`).
    Findings(i32),
    /// The scan ran but could not read everything it was asked to.
    Incomplete,
    /// Findings, and a revoke-webhook notice could not be delivered (it waits in the outbox).
    DeliveryFailed,
}

impl Outcome {
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings(code) => *code,
            Outcome::Incomplete => 2,
            Outcome::DeliveryFailed => 3,
        }
    }
}

pub fn run(cli: crate::cli::Cli) -> Result<Outcome> {
    match cli.command {
        Command::Scan(args) => scan(*args),
        Command::Rules(RulesCommand::List { format, rules }) => list_rules(format, &rules),
        Command::Rules(RulesCommand::Check { path }) => check_rules(path.as_deref()),
        Command::Notify { outbox } => notify(outbox),
        Command::Config(ConfigCommand::ImportGitleaks { file, output, force }) => {
            import_gitleaks(&file, &output, force)
        }
        Command::InstallHook { repo, force } => install_hook(&repo, force),
        Command::Merge(args) => merge::merge(args),
        Command::Triage(args) => triage::triage(args),
    }
}
