//! `leakhound install-hook`: a plain pre-commit hook where git runs it.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::*;

/// The hook script; `@LEAKHOUND_EXE@` becomes the installing binary, used when none is on PATH.
pub(super) const HOOK_SCRIPT: &str = include_str!("../../scripts/pre-commit-hook.sh");

/// The line that marks a hook as ours.
pub(super) const HOOK_MARK: &str = "# Installed by `leakhound install-hook`";

/// Where a hook that was there before is kept, and run after the scan.
pub(super) const CHAINED_HOOK: &str = "pre-commit.leakhound-chained";

/// A plain pre-commit hook for teams without the pre-commit framework, where git will run it: git's
/// own resolution of the hooks directory (`core.hooksPath`, linked worktrees). Our own hook is
/// updated; another one is kept and run after the scan (chained), or replaced with `--force`.
pub(super) fn install_hook(repo: &Path, force: bool) -> Result<Outcome> {
    let hooks = hooks_dir(repo)?;
    std::fs::create_dir_all(&hooks).with_context(|| format!("{}: cannot create", hooks.display()))?;
    let hook = hooks.join("pre-commit");
    let chained = hooks.join(CHAINED_HOOK);
    let existing = std::fs::read(&hook).ok();
    let ours = existing.as_ref().is_some_and(|b| String::from_utf8_lossy(b).contains(HOOK_MARK));
    let mut note = String::new();
    if existing.is_some() && !ours && !force {
        if chained.exists() {
            bail!(
                "{}: a pre-commit hook exists and {} too; pass --force to replace the hook",
                hook.display(),
                chained.display()
            );
        }
        std::fs::rename(&hook, &chained).with_context(|| format!("{}: cannot move", hook.display()))?;
        note = format!(" (your existing hook now runs after it, from {})", chained.display());
    }
    let exe = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_else(|_| "leakhound".into());
    let script = HOOK_SCRIPT.replace("@LEAKHOUND_EXE@", &exe.replace('\'', "'\\''"));
    std::fs::write(&hook, script).with_context(|| format!("{}: cannot write", hook.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755))?;
    }
    eprintln!("leakhound: installed {}{note}", hook.display());
    Ok(Outcome::Clean)
}

/// The directory git runs hooks from: `git rev-parse --git-path hooks` (which honours `core.hooksPath`
/// and linked worktrees); without git on PATH, the same from the repository's config.
pub(super) fn hooks_dir(repo: &Path) -> Result<PathBuf> {
    let r = git2::Repository::discover(repo)
        .map_err(|e| anyhow::anyhow!("{}: not a git repository: {}", repo.display(), e.message()))?;
    let from_git = std::process::Command::new("git")
        .current_dir(r.workdir().unwrap_or(r.path()))
        .args(["rev-parse", "--path-format=absolute", "--git-path", "hooks"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| PathBuf::from(s.trim_end_matches(['\n', '\r'])));
    if let Some(dir) = from_git.filter(|d| !d.as_os_str().is_empty()) {
        return Ok(dir);
    }
    let configured = r.config().ok().and_then(|c| c.get_path("core.hooksPath").ok());
    Ok(match configured {
        Some(p) if p.is_absolute() => p,
        Some(p) => r.workdir().unwrap_or(r.path()).join(p),
        None => r.commondir().join("hooks"),
    })
}
