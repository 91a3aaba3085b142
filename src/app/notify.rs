//! `leakhound notify`: send the notices waiting in an outbox.

use std::path::PathBuf;

use anyhow::Result;

use leakhound::text::escape_control;

use super::*;

pub(super) fn notify(outbox: Option<PathBuf>) -> Result<Outcome> {
    use leakhound::config::webhook::default_outbox_path as default_path;
    use leakhound::notify;
    let log = |line: String| eprintln!("leakhound: {}", escape_control(&line));
    let mut path = outbox.unwrap_or_else(default_path);
    // A leakhound 0.1 outbox is JSON lines: its notices move into the database outbox first.
    let legacy = std::fs::read(&path).ok().is_some_and(|b| b.trim_ascii_start().first() == Some(&b'{'));
    if legacy {
        let into = default_path();
        let n = notify::import_legacy(&path, &into)?;
        eprintln!("leakhound: moved {n} notice(s) from {} into {}", path.display(), into.display());
        path = into;
    }
    let deadline = std::time::Instant::now() + notify::DELIVERY_DEADLINE;
    let (delivered, waiting) = notify::flush(&path, deadline, &log)?;
    eprintln!("leakhound: {delivered} delivered, {waiting} still waiting in {}", path.display());
    Ok(if waiting > 0 { Outcome::DeliveryFailed } else { Outcome::Clean })
}
