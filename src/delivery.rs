//! What happened to the notices sent for findings: plain data that the notifier produces and the
//! reports show, so that neither has to know the other.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// What happened to one finding's notice to one webhook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Delivery {
    /// The webhook accepted it.
    Delivered {
        /// The webhook's URL.
        webhook: String,
        /// The status code of the accepting response.
        http_status: u16,
        /// Attempts made, the successful one included.
        attempts: u32,
    },
    /// Every attempt failed.
    Failed {
        /// The webhook's URL.
        webhook: String,
        /// The last response's status code (None: no response, e.g. a connection error or timeout).
        http_status: Option<u16>,
        /// Attempts made.
        attempts: u32,
        /// Why the last attempt failed.
        error: String,
        /// Whether the notice was kept in the outbox for a later retry.
        outbox: bool,
    },
    /// `--revoke-dry-run`: built and shown, not sent.
    DryRun {
        /// The webhook's URL.
        webhook: String,
    },
    /// Waiting in the outbox, sent by someone else (another leakhound process holds it).
    Deferred {
        /// The webhook's URL.
        webhook: String,
        /// Why it was not sent now.
        reason: String,
    },
}

impl Delivery {
    /// Whether the notice was not delivered (which fails the run).
    pub fn is_failure(&self) -> bool {
        matches!(self, Delivery::Failed { .. })
    }
}

/// Outcomes by the finding's secret fingerprint (one key can go to several webhooks).
pub type Deliveries = HashMap<String, Vec<Delivery>>;
