//! Resolving the command line and configuration into what a scan runs with: configuration files by trust, rules, outputs and formats, webhooks.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use leakhound::config::{ConfigFile, Trust};
use leakhound::report::{AppliedConfig, Format};
use leakhound::rules::RuleSet;

use crate::cli::{FormatArg, ScanArgs};

/// Where the scanned tree keeps its `.leakhound.toml` and `.leakhoundignore`: the scan root, or the
/// repository's top level when the root is a directory inside a repository; `.` for a file.
pub(super) fn config_dir(root: &Path, args: &ScanArgs) -> PathBuf {
    if !root.is_dir() {
        return PathBuf::from(".");
    }
    let inside = if args.no_git { None } else { leakhound::source::git::enclosing(root) };
    inside.map_or_else(|| root.to_path_buf(), |(_, top, _)| top)
}

/// The configuration files in force, in order: the user config file, then `--config FILE` or else
/// `.leakhound.toml` at the scan root (repository trust: allowlists and rules only; skipped with
/// `--no-repo-config`).
pub(super) fn load_configs(args: &ScanArgs, root: &Path, warnings: &mut Vec<String>) -> Result<Vec<ConfigFile>> {
    let mut out = Vec::new();
    if let Some(user) = leakhound::config::user_config_path().filter(|p| p.is_file()) {
        out.push(ConfigFile::load(&user, Trust::User, warnings)?);
    }
    if let Some(p) = &args.config {
        out.push(ConfigFile::load(p, Trust::User, warnings)?);
        return Ok(out);
    }
    // An audit of listed repositories has no scan root: the directory it runs in is not a scanned tree.
    if args.no_repo_config || root == Path::new("-") || args.repos_from.is_some() {
        return Ok(out);
    }
    let in_tree = config_dir(root, args).join(".leakhound.toml");
    if in_tree.is_file() {
        out.push(ConfigFile::load(&in_tree, Trust::Repository, warnings)?);
    }
    Ok(out)
}

/// Everything a scan runs with, resolved once from the arguments and the configuration files.
pub(super) struct ScanPlan {
    /// Where the scanned tree keeps its `.leakhound.toml` and `.leakhoundignore` (see `config_dir`).
    pub config_dir: PathBuf,
    pub scanner: leakhound::scan::Scanner,
    pub configs: Vec<ConfigFile>,
    pub applied: Vec<AppliedConfig>,
    /// Revoke webhooks from the user's configuration and flags, validated.
    pub hooks: Vec<leakhound::notify::WebhookConfig>,
    pub threads: usize,
    /// Each report to write: its format and file (`None`: standard output).
    pub outputs: Vec<(Format, Option<PathBuf>)>,
    pub color: bool,
    /// What the scan covers, in words, for summaries.
    pub scope: String,
    /// Warnings found while resolving (ignored in-tree settings, replaced rules, …).
    pub warnings: Vec<String>,
}

impl ScanPlan {
    pub fn resolve(args: &ScanArgs) -> Result<ScanPlan> {
        let root = args.paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
        let mut warnings = Vec::new();
        let (scanner, configs, applied) = scanner_for(args, &root, &mut warnings)?;
        let hooks = webhooks(args, &configs)?;
        let threads =
            args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())).max(1);
        let outputs = outputs_of(args.format, &args.output);
        let color = color_of(args.color, &outputs);
        let config_dir = config_dir(&root, args);
        Ok(ScanPlan {
            config_dir,
            scanner,
            configs,
            applied,
            hooks,
            threads,
            outputs,
            color,
            scope: scope_of(args),
            warnings,
        })
    }
}

/// Whether the human view is coloured: `--color`, or on its own only when it goes to a terminal and
/// NO_COLOR is not set.
pub(super) fn color_of(arg: crate::cli::ColorArg, outputs: &[(Format, Option<PathBuf>)]) -> bool {
    match arg {
        crate::cli::ColorArg::Always => true,
        crate::cli::ColorArg::Never => false,
        crate::cli::ColorArg::Auto => {
            use std::io::IsTerminal;
            outputs.iter().all(|(_, p)| p.is_none())
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    }
}

/// The reports to write. `-o -` is standard output; `FORMAT:FILE` names the format. With one `-o`, an
/// explicit `--format` wins over its extension; with several, each file's extension decides and
/// `--format` covers those without one.
pub(super) fn outputs_of(format: Option<FormatArg>, outputs: &[PathBuf]) -> Vec<(Format, Option<PathBuf>)> {
    if outputs.is_empty() {
        return vec![(output_format(format, None, false), None)];
    }
    let several = outputs.len() > 1;
    outputs
        .iter()
        .map(|p| {
            let (prefixed, p) = format_prefix(p);
            let path = (p != Path::new("-")).then_some(p);
            (prefixed.unwrap_or_else(|| output_format(format, path.as_deref(), several)), path)
        })
        .collect()
}

/// The scanner a scan of `root` runs with: the configuration files in force (and what each applied), the
/// selected rules, one allowlist per config file, the fingerprint key.
pub(super) fn scanner_for(
    args: &ScanArgs,
    root: &Path,
    warnings: &mut Vec<String>,
) -> Result<(leakhound::scan::Scanner, Vec<ConfigFile>, Vec<AppliedConfig>)> {
    use anyhow::Context;
    let configs = load_configs(args, root, warnings)?;
    let (mut rules, mut applied) = load_rules(&args.rules, &configs, warnings)?;
    select_rules(&mut rules, args, &configs, &mut applied, warnings)?;
    let allowlists = configs
        .iter()
        .map(|c| {
            let a = &c.config.allowlist;
            leakhound::scan::Allowlist::with_path_regexes(&a.paths, &a.path_regexes, &a.regexes, &a.stopwords)
                .and_then(|x| x.with_rule_paths(&a.rule_paths))
                .map(|x| x.named(c.path.display().to_string()))
                .with_context(|| format!("{}: invalid [allowlist]", c.path.display()))
        })
        .collect::<Result<Vec<_>>>()?;
    let key = super::keys::fingerprint_key(&configs, warnings)?;
    let scanner =
        leakhound::scan::Scanner::new(rules, allowlists).with_fingerprint_key(key).with_decoding(!args.no_decode);
    Ok((scanner, configs, applied))
}

/// `--enable-rule`/`--disable-rule` and each config's `enable_rules`/`disable_rules`. A repository
/// config that turns rules off gets a warning and its entry in the report.
pub(super) fn select_rules(
    rules: &mut RuleSet,
    args: &ScanArgs,
    configs: &[ConfigFile],
    applied: &mut [AppliedConfig],
    warnings: &mut Vec<String>,
) -> Result<()> {
    let mut enable: Vec<&String> = args.enable_rule.iter().collect();
    let mut disable: Vec<&String> = args.disable_rule.iter().collect();
    for (c, a) in configs.iter().zip(applied.iter_mut()) {
        enable.extend(&c.config.enable_rules);
        disable.extend(&c.config.disable_rules);
        if c.trust == Trust::Repository && (!c.config.enable_rules.is_empty() || !c.config.disable_rules.is_empty()) {
            let off: Vec<String> = rules
                .rules
                .iter()
                .map(|r| r.spec.id.clone())
                .filter(|id| {
                    c.config.disable_rules.contains(id)
                        || (!c.config.enable_rules.is_empty() && !c.config.enable_rules.contains(id))
                })
                .collect();
            warnings.push(format!(
                "{} in the scanned tree turns off {} rule(s); scan with --no-repo-config to run them",
                c.path.display(),
                off.len()
            ));
            a.disabled_rules = off;
        }
    }
    for id in enable.iter().chain(&disable) {
        if rules.get(id).is_none() {
            bail!("unknown rule id {id:?} (see `leakhound rules list`)");
        }
    }
    rules.rules.retain(|r| (enable.is_empty() || enable.contains(&&r.spec.id)) && !disable.contains(&&r.spec.id));
    Ok(())
}

/// Built-in rules, `--rules`, then each config's rules; says which built-in rules a config replaced (a
/// repository config that does so gets a warning: it could turn a rule off).
pub(super) fn load_rules(
    extra: &[PathBuf],
    configs: &[ConfigFile],
    warnings: &mut Vec<String>,
) -> Result<(RuleSet, Vec<AppliedConfig>)> {
    let mut set = RuleSet::builtin()?;
    let builtin: std::collections::HashSet<String> = set.rules.iter().map(|r| r.spec.id.clone()).collect();
    for p in extra {
        set.add_path(p)?;
    }
    let mut applied = Vec::new();
    for c in configs {
        let shown = c.path.display().to_string();
        let replaced: Vec<String> =
            c.config.rules.iter().filter(|r| builtin.contains(&r.id)).map(|r| r.id.clone()).collect();
        if c.trust == Trust::Repository && !replaced.is_empty() {
            warnings.push(format!(
                "{shown} in the scanned tree replaces built-in rule(s) {}; scan with --no-repo-config to use the built-in ones",
                replaced.join(", ")
            ));
        }
        if !c.config.rules.is_empty() {
            set.add_specs(&shown, c.config.rules.clone(), "custom", true)?;
        }
        applied.push(AppliedConfig {
            path: shown,
            trust: c.trust.as_str(),
            replaced_rules: replaced,
            disabled_rules: Vec::new(),
        });
    }
    Ok((set, applied))
}

/// `-o sarif:results` names its format; a path whose text before the first `:` is not a format name is
/// a plain path.
pub(super) fn format_prefix(p: &Path) -> (Option<Format>, PathBuf) {
    let text = p.to_string_lossy();
    if let Some((name, rest)) = text.split_once(':') {
        // The same names as --format (one table: clap's).
        let f = <FormatArg as clap::ValueEnum>::from_str(name, false).ok().map(Format::from);
        if f.is_some() && !rest.is_empty() {
            return (f, PathBuf::from(rest));
        }
    }
    (None, p.to_path_buf())
}

pub(super) fn output_format(explicit: Option<FormatArg>, output: Option<&Path>, several: bool) -> Format {
    let by_extension = match output.and_then(|p| p.extension()).and_then(|e| e.to_str()) {
        Some("json") => Some(Format::Json),
        Some("jsonl") | Some("ndjson") => Some(Format::Jsonl),
        Some("sarif") => Some(Format::Sarif),
        Some("html") | Some("htm") => Some(Format::Html),
        _ => None,
    };
    match (explicit.map(Format::from), by_extension) {
        (Some(f), _) if !several => f,
        (_, Some(f)) => f,
        (Some(f), None) => f,
        (None, None) => Format::Human,
    }
}

/// The configured webhooks, from the user's own configuration and flags only (never from a config in
/// the scanned tree), checked before scanning so that a bad setting fails fast.
pub(super) fn webhooks(args: &ScanArgs, configs: &[ConfigFile]) -> Result<Vec<leakhound::notify::WebhookConfig>> {
    use leakhound::notify::WebhookConfig;
    let mut hooks: Vec<WebhookConfig> =
        configs.iter().filter(|c| c.trust == Trust::User).flat_map(|c| c.config.webhooks.iter().cloned()).collect();
    hooks.extend(args.revoke_webhook.iter().map(|u| WebhookConfig::from_url(u)));
    for h in &hooks {
        h.validate()?;
        if !args.revoke_dry_run && std::env::var_os(&h.secret_env).is_none_or(|v| v.is_empty()) {
            bail!("webhook {}: the signing key variable {} is not set", h.url, h.secret_env);
        }
    }
    Ok(hooks)
}

/// What the scan covered, in words, for summaries.
pub(super) fn scope_of(args: &ScanArgs) -> String {
    let paths = args.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
    if let Some(r) = &args.range {
        format!("commits {r}")
    } else if let Some(s) = &args.since_commit {
        format!("commits since {s}")
    } else if args.staged {
        "the staged changes".into()
    } else if args.no_git || args.no_history {
        format!("the files in {paths}")
    } else if paths == "." {
        "the work tree and its whole git history".into()
    } else {
        format!("{paths} and its whole git history")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(format: Option<FormatArg>, args: &[&str]) -> Vec<(Format, Option<String>)> {
        let paths: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
        outputs_of(format, &paths).into_iter().map(|(f, p)| (f, p.map(|p| p.display().to_string()))).collect()
    }

    #[test]
    fn outputs_resolve_formats_from_flags_prefixes_and_extensions() {
        assert_eq!(out(None, &[]), vec![(Format::Human, None)]);
        assert_eq!(out(Some(FormatArg::Json), &["-"]), vec![(Format::Json, None)], "- is stdout");
        assert_eq!(out(Some(FormatArg::Json), &["r.sarif"]), vec![(Format::Json, Some("r.sarif".into()))]);
        assert_eq!(
            out(Some(FormatArg::Sarif), &["a", "b.json", "github:-"]),
            vec![(Format::Sarif, Some("a".into())), (Format::Json, Some("b.json".into())), (Format::Github, None)]
        );
        assert_eq!(
            out(None, &["x.jsonl", "y"]),
            vec![(Format::Jsonl, Some("x.jsonl".into())), (Format::Human, Some("y".into()))]
        );
        assert_eq!(out(None, &["notaformat:z"]), vec![(Format::Human, Some("notaformat:z".into()))]);
    }
}
