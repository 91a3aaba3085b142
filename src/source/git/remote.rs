//! The repository's remote as a credential-free https URL, for SARIF's versionControlProvenance.

use std::path::Path;

use git2::Repository;

/// The `origin` remote of the repository holding `path` (searched upward), as an https URL without
/// credentials, with HEAD's commit and branch.
pub fn describe(path: &Path) -> Option<crate::source::Repository> {
    let repo = Repository::discover(path).ok()?;
    let remote = repo.find_remote("origin").ok()?;
    let uri = https_url(remote.url()?)?;
    let head = repo.head().ok();
    Some(crate::source::Repository {
        uri,
        revision: head.as_ref().and_then(|h| h.target()).map(|o| o.to_string()),
        branch: head.as_ref().filter(|h| h.is_branch()).and_then(|h| h.shorthand().map(str::to_string)),
    })
}

/// `git@host:org/repo.git` or `https://user:tok@host/org/repo.git` -> `https://host/org/repo`.
fn https_url(url: &str) -> Option<String> {
    let (host, path) = if let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) {
        let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
        rest.split_once('/')?
    } else if let Some(rest) = url.strip_prefix("ssh://") {
        let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
        let (host, path) = rest.split_once('/')?;
        (host.split(':').next()?, path)
    } else {
        let (user_host, path) = url.split_once(':')?;
        (user_host.rsplit_once('@').map_or(user_host, |(_, h)| h), path)
    };
    // A query or fragment can carry a token (`?access_token=…`): never part of the reported URL.
    let path = path.split(['?', '#']).next().unwrap_or("");
    if host.is_empty() || host.contains('/') || path.is_empty() {
        return None;
    }
    Some(format!("https://{host}/{}", path.trim_start_matches('/').trim_end_matches(".git")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn remote_urls_become_https_without_credentials() {
        assert_eq!(super::https_url("git@github.com:org/repo.git").as_deref(), Some("https://github.com/org/repo"));
        assert_eq!(
            super::https_url("https://x:tok@github.com/org/repo.git").as_deref(),
            Some("https://github.com/org/repo")
        );
        assert_eq!(super::https_url("ssh://git@host:22/a/b").as_deref(), Some("https://host/a/b"));
        assert_eq!(super::https_url("/local/path"), None);
        assert_eq!(
            super::https_url("https://host/org/repo.git?access_token=abc#frag").as_deref(),
            Some("https://host/org/repo")
        );
    }
}
