//! Incremental history scans through the store: what a scan's findings depend on (its scope), what the
//! store remembers of a repository under that scope, and recording what the scan walked.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use anyhow::Result;
use sha2::{Digest, Sha256};

use leakhound::pipeline::ScanStats;
use leakhound::source::git::{Hit, Prior, Walked};
use leakhound::source::SkipReason;
use leakhound::store::{Record, Store};

use crate::cli::ScanArgs;

/// The store of a scan, when it has one, and the scope its records are kept under.
pub(super) struct Incremental {
    pub store: Store,
    pub scope: String,
}

/// One repository whose history scan is tracked in the store.
pub(super) struct Tracked {
    /// The store's key for it (its git directory, and the shard).
    pub repo: String,
    pub prior: Option<Arc<Prior>>,
    pub walked: Arc<Mutex<Walked>>,
}

/// The store a scan uses: `--store`, else the default one; none with `--no-store`.
pub(super) fn store_path(explicit: Option<&Path>) -> Option<PathBuf> {
    explicit.map(Path::to_path_buf).or_else(Store::default_path)
}

impl Incremental {
    /// The store for this scan, or None with `--no-store` (or no cache directory to keep it in). Scans
    /// that read no history (files only, a range, the index, standard input) never touch it. A default
    /// store that cannot be opened (a read-only home) costs a warning, not the scan.
    pub fn open(
        args: &ScanArgs,
        scanner: &leakhound::scan::Scanner,
        configs: &[leakhound::config::ConfigFile],
        warnings: &mut Vec<String>,
    ) -> Result<Option<Self>> {
        let no_history = args.no_git
            || args.no_history
            || args.staged
            || args.range.is_some()
            || args.since_commit.is_some()
            || args.paths.iter().any(|p| p == Path::new("-"));
        if args.no_store || no_history {
            return Ok(None);
        }
        let Some(path) = store_path(args.store.as_deref()) else { return Ok(None) };
        match Store::open(&path) {
            Ok(store) => Ok(Some(Incremental { store, scope: scope(args, scanner, configs) })),
            Err(e) if args.store.is_none() => {
                warnings.push(format!("{e}; scanning without it (every history in full)"));
                Ok(None)
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Starts tracking the repository at `git_dir`: what the store has of it under this scope.
    pub fn track(&self, git_dir: &Path, shard: Option<(u32, u32)>) -> Result<Tracked> {
        let dir = git_dir.canonicalize().unwrap_or_else(|_| git_dir.to_path_buf());
        let mut repo = dir.display().to_string();
        if let Some((i, n)) = shard {
            repo.push_str(&format!("#shard={i}/{n}"));
        }
        let prior = self.store.prior(&repo, &self.scope)?.map(Arc::new);
        Ok(Tracked { repo, prior, walked: Arc::default() })
    }

    /// Records what the scan of a tracked repository walked and found. Objects that could not be read
    /// are left out, so that the next scan tries them again.
    pub fn finish(&mut self, t: Tracked, stats: &ScanStats) -> Result<()> {
        let walked = std::mem::take(&mut *t.walked.lock().unwrap_or_else(|e| e.into_inner()));
        let failed: HashSet<git2::Oid> = stats
            .skipped
            .iter()
            .filter_map(|s| match &s.reason {
                SkipReason::Git { oid, .. } => git2::Oid::from_bytes(oid.as_bytes()).ok(),
                _ => None,
            })
            .collect();
        let mut known: Vec<git2::Oid> = t.prior.as_ref().map(|p| p.known.iter().copied().collect()).unwrap_or_default();
        known.extend(walked.objects.into_iter().filter(|o| !failed.contains(o)));
        let mut hits: Vec<Hit> = stats.hits.iter().filter_map(Hit::of).collect();
        hits.sort_by(|a, b| (&a.kind, &a.path, &a.blob, &a.commit).cmp(&(&b.kind, &b.path, &b.blob, &b.commit)));
        hits.dedup();
        let record = Record { known, tips: walked.tips, hits };
        self.store.save(&t.repo, &self.scope, &record)?;
        Ok(())
    }
}

/// What a history scan's findings depend on, hashed: leakhound's version, every rule as compiled, the
/// configuration files' contents, and the options that change what is found. Another scope means
/// another record: a rule change rescans everything.
fn scope(args: &ScanArgs, scanner: &leakhound::scan::Scanner, configs: &[leakhound::config::ConfigFile]) -> String {
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    for r in &scanner.rules().rules {
        h.update(r.source.as_bytes());
        h.update(serde_json::to_vec(&r.spec).unwrap_or_default());
    }
    for c in configs {
        h.update(c.path.display().to_string().as_bytes());
        h.update(std::fs::read(&c.path).unwrap_or_default());
    }
    let options = format!(
        "decode={} max={} reachable_only={} branches={:?}",
        !args.no_decode, args.max_file_size, args.reachable_only, args.branch
    );
    h.update(options.as_bytes());
    hex::encode(h.finalize())
}
