//! What happened to the notices sent for findings: plain data that the notifier produces and the
//! reports show, so that neither has to know the other.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// What happened to one finding's notice to one webhook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Delivery {
    Delivered {
        webhook: String,
        http_status: u16,
        attempts: u32,
    },
    Failed {
        webhook: String,
        http_status: Option<u16>,
        attempts: u32,
        error: String,
        outbox: bool,
    },
    /// `--revoke-dry-run`: built and shown, not sent.
    DryRun {
        webhook: String,
    },
    /// Waiting in the outbox, sent by someone else (another leakhound process holds it).
    Deferred {
        webhook: String,
        reason: String,
    },
}

impl Delivery {
    pub fn is_failure(&self) -> bool {
        matches!(self, Delivery::Failed { .. })
    }
}

/// Outcomes by the finding's secret fingerprint (one key can go to several webhooks).
pub type Deliveries = HashMap<String, Vec<Delivery>>;
