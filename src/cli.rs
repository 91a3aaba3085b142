//! The command line (clap derive). Only `app.rs` reads these types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(name = "leakhound", version, about = "Find leaked secrets in files and git history before attackers do.")]
#[command(
    after_help = "Exit status: 0 no findings, 1 findings, 2 error (bad arguments or rules, unreadable input), 3 findings, and a revoke-webhook notice was not delivered (it waits in the outbox)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Scan directories, files or standard input for secrets.
    Scan(Box<ScanArgs>),
    /// List or check the detection rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Work with configuration files.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Install a plain git pre-commit hook that runs `leakhound scan --staged`.
    InstallHook {
        /// The repository (default: the current directory's).
        #[arg(default_value = ".")]
        repo: PathBuf,
        /// Replace an existing pre-commit hook.
        #[arg(long)]
        force: bool,
    },
    /// Join the JSON reports of an audit's shards into one report (regrouped and deduplicated).
    Merge(MergeArgs),
    /// Record what was decided about a leaked secret: triaged secrets are shown with their status and
    /// no longer fail scans.
    Triage(TriageArgs),
    /// Send again the revoke-webhook notices waiting in an outbox; delivered ones leave it.
    Notify {
        /// The outbox [default: outbox.sqlite3 in the user's state directory]. A leakhound 0.1 outbox
        /// (JSON lines) is moved into the default one first.
        #[arg(long, value_name = "FILE")]
        outbox: Option<PathBuf>,
    },
}

#[derive(Args, Debug, Clone)]
pub struct ScanArgs {
    /// Paths to scan; `-` reads standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format [default: human].
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write the report to FILE instead of standard output (`-` is standard output); the format follows
    /// a .json, .jsonl or .sarif extension unless --format is given, or a `FORMAT:` prefix
    /// (`-o sarif:results`, `-o github:-`). Repeat for several reports from one scan.
    #[arg(short, long, value_name = "FILE")]
    pub output: Vec<PathBuf>,
    /// Treat git repositories as plain directories (no history).
    #[arg(long)]
    pub no_git: bool,
    /// In a git repository, scan only the files on disk, not the history.
    #[arg(long, conflicts_with_all = ["range", "since_commit", "staged"])]
    pub no_history: bool,
    /// Scan only the history reachable from this ref (branch, tag or commit); repeatable.
    #[arg(long, value_name = "REF", conflicts_with = "no_history")]
    pub branch: Vec<String>,
    /// In history scans, skip objects no ref reaches (dangling commits, trees and blobs left by a
    /// rebase, reset or force push); by default they are scanned and reported as `unreachable`.
    #[arg(long, conflicts_with = "no_history")]
    pub reachable_only: bool,
    /// Scan only the lines added by the commits in a revision range, e.g. `origin/main..HEAD`.
    #[arg(long, value_name = "A..B", conflicts_with_all = ["since_commit", "staged", "no_git"])]
    pub range: Option<String>,
    /// Shorthand for `--range SHA..HEAD`.
    #[arg(long, value_name = "SHA", conflicts_with_all = ["staged", "no_git"])]
    pub since_commit: Option<String>,
    /// Scan only the lines staged for the next commit (for a pre-commit hook).
    #[arg(long, conflicts_with = "no_git")]
    pub staged: bool,
    /// Also scan submodules, each as its own repository.
    #[arg(long)]
    pub recurse_submodules: bool,
    /// Extra rules: a TOML file or a directory of them; a rule with a built-in's id replaces it.
    #[arg(long, value_name = "FILE|DIR")]
    pub rules: Vec<PathBuf>,
    /// Your configuration file, trusted with every setting (webhooks included) [default: the user config
    /// file, plus .leakhound.toml at the scan root for allowlists and rules only].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Do not run this rule (repeatable; also `disable_rules` in the config).
    #[arg(long, value_name = "ID")]
    pub disable_rule: Vec<String>,
    /// Run only these rules (repeatable; also `enable_rules` in the config).
    #[arg(long, value_name = "ID")]
    pub enable_rule: Vec<String>,
    /// Exit with the findings status only for findings of this severity or above; lower ones are still
    /// reported.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<SeverityArg>,
    /// Report only findings of this confidence or above [default: low, i.e. every finding: on our
    /// corpus, hiding low-confidence findings cost more recall than it saved in precision].
    #[arg(long, value_enum, value_name = "CONFIDENCE")]
    pub min_confidence: Option<ConfidenceArg>,
    /// The exit status when findings fail the scan [default: 1].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(i32).range(1..=125))]
    pub exit_code: Option<i32>,
    /// Explain what happened on these lines of one file instead of scanning: every candidate match and
    /// the filter stage that reported or dropped it (`PATH`, `PATH:LINE` or `PATH:FIRST-LAST`).
    #[arg(long, value_name = "PATH[:LINE]")]
    pub explain: Option<String>,
    /// Do not decode base64, hex, percent-encoded and string-escaped segments to scan what they hold.
    #[arg(long)]
    pub no_decode: bool,
    /// Ignore configuration found in the scanned tree (`.leakhound.toml`, `.leakhoundignore`): for audits
    /// of repositories you do not trust.
    #[arg(long)]
    pub no_repo_config: bool,
    /// Print secrets in full instead of redacted.
    #[arg(long)]
    pub show_secrets: bool,
    /// Skip files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_file_size: u64,
    /// Worker threads [default: number of CPUs].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Do not honour .gitignore and .ignore files.
    #[arg(long)]
    pub no_ignore: bool,
    /// Report only findings that are not in this previous JSON report (matched by location
    /// fingerprint, so moved lines stay baselined).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write the findings as a JSON report to FILE, for later use with --baseline.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// POST each finding of a revocable rule to this webhook (signed with the key in
    /// $LEAKHOUND_WEBHOOK_SECRET); adds to `[[webhooks]]` in the config.
    #[arg(long, value_name = "URL")]
    pub revoke_webhook: Vec<String>,
    /// Longest time, in seconds, that sending revoke notices may take in all; what is not delivered by
    /// then waits in the outbox for `leakhound notify`.
    #[arg(long, value_name = "SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub revoke_deadline: u64,
    /// Show what the revoke webhooks would receive (redacted) and send nothing.
    #[arg(long)]
    pub revoke_dry_run: bool,
    /// Colour: auto (only on a terminal), always or never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Audit the repositories listed in FILE: one local path or git URL per line (`#` comments). URLs
    /// are cloned as bare mirrors into the cache directory, and fetched on later runs.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["range", "since_commit", "staged", "no_git"])]
    pub repos_from: Option<PathBuf>,
    /// Where mirrors of repository URLs are kept [default: repos/ in leakhound's user cache directory].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Longest time, in seconds, one clone or fetch may take before it is stopped and its repository
    /// reported as failed.
    #[arg(long, value_name = "SECS", default_value_t = 600, value_parser = clap::value_parser!(u64).range(1..))]
    pub clone_timeout: u64,
    /// Clones and fetches run at once.
    #[arg(long, value_name = "N", default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=64))]
    pub clone_jobs: u64,
    /// Scan only shard I of N (0-based): repositories are split between shards, or one repository's
    /// history by blob id. `leakhound merge` joins the shards' JSON reports.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<(u32, u32)>,
    /// The store that makes history rescans incremental and keeps triage decisions [default:
    /// store.sqlite3 in leakhound's user cache directory].
    #[arg(long, value_name = "FILE", conflicts_with = "no_store")]
    pub store: Option<PathBuf>,
    /// Scan every history in full and record nothing (triage decisions are still read from --store).
    #[arg(long)]
    pub no_store: bool,
}

fn parse_shard(s: &str) -> Result<(u32, u32), String> {
    let (i, n) = s.split_once('/').ok_or("expected I/N, e.g. 0/4")?;
    let i: u32 = i.trim().parse().map_err(|_| format!("shard index `{i}` is not a number"))?;
    let n: u32 = n.trim().parse().map_err(|_| format!("shard count `{n}` is not a number"))?;
    if n == 0 || i >= n {
        return Err(format!("shard {i}/{n}: the index must be below the count (0-based)"));
    }
    Ok((i, n))
}

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// JSON reports (`--format json`) of the shards of one audit.
    #[arg(required = true)]
    pub reports: Vec<PathBuf>,
    /// Where to write the merged report; the format follows the extension (.json, .jsonl, .sarif,
    /// .html) or `--format`. Repeatable.
    #[arg(short, long, value_name = "FILE")]
    pub output: Vec<PathBuf>,
    /// Output format [default: human].
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,
    /// Exit with the findings status only for findings of this severity or above.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<SeverityArg>,
    /// The store whose triage decisions the report shows [default: the user's store].
    #[arg(long, value_name = "FILE")]
    pub store: Option<PathBuf>,
    /// Colour: auto (only on a terminal), always or never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}

#[derive(Args, Debug)]
pub struct TriageArgs {
    /// The secret's fingerprint (`fingerprint` of a secret in the JSON report, or its ignore line).
    pub fingerprint: String,
    /// The decision.
    #[arg(long, value_enum, required_unless_present = "clear")]
    pub status: Option<TriageStatusArg>,
    /// Why, in your words.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Forget the decision on this secret.
    #[arg(long, conflicts_with_all = ["status", "note"])]
    pub clear: bool,
    /// The store [default: store.sqlite3 in leakhound's user cache directory].
    #[arg(long, value_name = "FILE")]
    pub store: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TriageStatusArg {
    Revoked,
    FalsePositive,
    Accepted,
}

#[derive(Subcommand, Debug)]
pub enum RulesCommand {
    /// List the rules (built-in plus --rules).
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Extra rules to include.
        #[arg(long, value_name = "FILE|DIR")]
        rules: Vec<PathBuf>,
    },
    /// Compile every rule and run its examples through the scanner; fails on any misbehaving rule.
    Check {
        /// Rule file or directory to check instead of the built-in rules.
        path: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Convert a gitleaks configuration (.gitleaks.toml) into .leakhound.toml.
    #[command(visible_alias = "import-betterleaks")]
    ImportGitleaks {
        /// The gitleaks or Betterleaks (1.x or 2.0, also Kingfisher 2.x's TOML) configuration file.
        file: PathBuf,
        /// Where to write the result (`-` for standard output).
        #[arg(short, long, default_value = ".leakhound.toml")]
        output: PathBuf,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatArg {
    Human,
    Json,
    Jsonl,
    Sarif,
    /// GitHub Actions annotations; with $GITHUB_STEP_SUMMARY set, also the job summary.
    Github,
    /// One self-contained HTML page (no network): totals, repositories and a filterable table of secrets.
    Html,
}

impl From<FormatArg> for leakhound::report::Format {
    fn from(f: FormatArg) -> Self {
        use leakhound::report::Format;
        match f {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
            FormatArg::Html => Format::Html,
        }
    }
}

impl From<SeverityArg> for leakhound::finding::Severity {
    fn from(s: SeverityArg) -> Self {
        use leakhound::finding::Severity;
        match s {
            SeverityArg::Low => Severity::Low,
            SeverityArg::Medium => Severity::Medium,
            SeverityArg::High => Severity::High,
            SeverityArg::Critical => Severity::Critical,
        }
    }
}

impl From<ConfidenceArg> for leakhound::finding::Confidence {
    fn from(c: ConfidenceArg) -> Self {
        use leakhound::finding::Confidence;
        match c {
            ConfidenceArg::Low => Confidence::Low,
            ConfidenceArg::Medium => Confidence::Medium,
            ConfidenceArg::High => Confidence::High,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfidenceArg {
    Low,
    Medium,
    High,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeverityArg {
    Low,
    Medium,
    High,
    Critical,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}
