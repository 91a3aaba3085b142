//! `leakhound triage`: record in the store what was decided about a leaked secret.

use anyhow::{bail, Context, Result};

use leakhound::finding::{Triage, TriageStatus};
use leakhound::store::Store;

use super::Outcome;
use crate::cli::{TriageArgs, TriageStatusArg};

pub(super) fn triage(args: TriageArgs) -> Result<Outcome> {
    let fp = args.fingerprint.trim().to_ascii_lowercase();
    // An ignore line pasted whole (`FINGERPRINT  # rule`) is accepted too.
    let fp = fp.split('#').next().unwrap_or("").trim().to_string();
    if fp.len() != 64 || !fp.bytes().all(|b| b.is_ascii_hexdigit()) {
        bail!(
            "{}: not a secret fingerprint (64 hex digits, `fingerprint` in the JSON report)",
            args.fingerprint.trim()
        );
    }
    let path = super::incremental::store_path(args.store.as_deref())
        .context("no user cache directory for the store: pass --store")?;
    let store = Store::open(&path)?;
    if args.clear {
        let had = store.clear_triage(&fp)?;
        eprintln!("leakhound: {}", if had { "triage decision removed" } else { "no triage decision on this secret" });
        return Ok(Outcome::Clean);
    }
    let status = match args.status {
        Some(TriageStatusArg::Revoked) => TriageStatus::Revoked,
        Some(TriageStatusArg::FalsePositive) => TriageStatus::FalsePositive,
        Some(TriageStatusArg::Accepted) => TriageStatus::Accepted,
        None => bail!("--status is required"),
    };
    let t = Triage { status, note: args.note.filter(|n| !n.trim().is_empty()), at: leakhound::text::now_rfc3339() };
    store.set_triage(&fp, &t)?;
    eprintln!("leakhound: {} marked {} in {}", &fp[..12], status.as_str(), path.display());
    Ok(Outcome::Clean)
}
