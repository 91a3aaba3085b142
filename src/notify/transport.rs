//! One webhook's HTTP client: https only (plain http for loopback), no redirects, connect and total
//! timeouts, retries with exponential backoff and jitter on connection errors, timeouts, 429 (honouring
//! Retry-After) and 5xx; none on other statuses.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rand::Rng;

use super::sign::signature;
use super::NotifyError;
use crate::config::webhook::{WebhookConfig, MAX_ATTEMPTS, MAX_TIMEOUT_SECS};

/// The HTTP client of one webhook, with its signing key.
pub struct Transport {
    agent: ureq::Agent,
    url: String,
    key: Vec<u8>,
    max_attempts: u32,
    timeout: Duration,
}

/// The outcome of sending one notice, retries included.
pub enum Attempted {
    /// The webhook accepted it.
    Delivered {
        /// The accepting response's status code.
        status: u16,
        /// Attempts made, the successful one included.
        attempts: u32,
    },
    /// Every attempt failed, or a status that is not retried came back.
    Failed {
        /// The last response's status code (None: no response).
        status: Option<u16>,
        /// Attempts made.
        attempts: u32,
        /// Why the last attempt failed.
        error: String,
    },
}

/// Longest wait between attempts, whatever Retry-After says.
const MAX_BACKOFF: Duration = Duration::from_secs(30);
const BASE_BACKOFF_MS: u64 = 200;

impl Transport {
    /// A client for `hook`, its signing key read from the environment now.
    pub fn new(hook: &WebhookConfig) -> Result<Self, NotifyError> {
        hook.validate().map_err(NotifyError::from)?;
        let key = std::env::var(&hook.secret_env).map_err(|_| NotifyError::Config {
            url: hook.url.clone(),
            message: format!("the signing key variable {} is not set", hook.secret_env),
        })?;
        if key.is_empty() {
            return Err(NotifyError::Config {
                url: hook.url.clone(),
                message: format!("{} is empty", hook.secret_env),
            });
        }
        let timeout = Duration::from_secs(hook.timeout_secs.clamp(1, MAX_TIMEOUT_SECS));
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_connect(Some(timeout.min(Duration::from_secs(5))))
            .timeout_global(Some(timeout))
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .user_agent(format!("leakhound/{}", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(Transport {
            agent,
            url: hook.url.clone(),
            key: key.into_bytes(),
            max_attempts: hook.max_attempts.clamp(1, MAX_ATTEMPTS),
            timeout,
        })
    }

    /// Sends one notice until it is delivered, refused, out of attempts, or `deadline` passes (no
    /// attempt outlives it: each one's timeout is cut to what is left).
    pub fn send(&self, idempotency_key: &str, body: &str, deadline: Instant) -> Attempted {
        let mut attempt = 0;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left < Duration::from_millis(50) {
                return Attempted::Failed {
                    status: None,
                    attempts: attempt,
                    error: "delivery deadline reached; waiting in the outbox".into(),
                };
            }
            attempt += 1;
            let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
            let result = self
                .agent
                .post(&self.url)
                .config()
                .timeout_global(Some(self.timeout.min(left)))
                .build()
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotency_key)
                .header("X-Leakhound-Signature", signature(&self.key, now, body))
                .send(body);
            let (status, error, retry_after) = match result {
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    if (200..300).contains(&status) {
                        return Attempted::Delivered { status, attempts: attempt };
                    }
                    let retry_after = resp
                        .headers()
                        .get("retry-after")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .map(Duration::from_secs);
                    let retryable = status == 429 || status >= 500;
                    if !retryable {
                        return Attempted::Failed {
                            status: Some(status),
                            attempts: attempt,
                            error: format!("HTTP {status}"),
                        };
                    }
                    (Some(status), format!("HTTP {status}"), retry_after)
                }
                // Connection refused, DNS, TLS, timeouts: the receiver may be back soon.
                Err(e) => (None, e.to_string(), None),
            };
            if attempt >= self.max_attempts {
                return Attempted::Failed { status, attempts: attempt, error };
            }
            std::thread::sleep(backoff(attempt, retry_after).min(deadline.saturating_duration_since(Instant::now())));
        }
    }
}

/// Exponential backoff with full jitter, or the server's Retry-After; capped.
fn backoff(attempt: u32, retry_after: Option<Duration>) -> Duration {
    if let Some(r) = retry_after {
        return r.min(MAX_BACKOFF);
    }
    let ceiling = BASE_BACKOFF_MS.saturating_mul(1 << attempt.min(10));
    Duration::from_millis(rand::thread_rng().gen_range(ceiling / 2..=ceiling)).min(MAX_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_honours_retry_after() {
        assert!(backoff(1, None) <= Duration::from_millis(400));
        assert!(backoff(5, None) >= Duration::from_millis(3200));
        assert_eq!(backoff(1, Some(Duration::from_secs(2))), Duration::from_secs(2));
        assert_eq!(backoff(1, Some(Duration::from_secs(3600))), MAX_BACKOFF);
    }
}
