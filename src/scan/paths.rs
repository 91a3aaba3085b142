//! Which rules run on a path: one match of every rule's `paths` and `skip_paths` globs together, not
//! one glob set per rule per file (with a few dozen path-limited rules that was most of a directory
//! scan's time outside the regexes).

use globset::{GlobSet, GlobSetBuilder};

use crate::rules::{glob, RuleSet};

/// Every rule's path globs in one set, each glob knowing its rule and whether it limits or skips.
pub(crate) struct PathIndex {
    set: GlobSet,
    /// Glob index -> (rule index, true for a `skip_paths` glob).
    owners: Vec<(usize, bool)>,
    /// Per rule: it has `paths` (runs only where one matches).
    limited: Vec<bool>,
}

impl PathIndex {
    pub(crate) fn new(rules: &RuleSet) -> Self {
        let mut b = GlobSetBuilder::new();
        let mut owners = Vec::new();
        for (ri, r) in rules.rules.iter().enumerate() {
            let globs = r.spec.paths.iter().map(|g| (g, false)).chain(r.spec.skip_paths.iter().map(|g| (g, true)));
            for (g, skip) in globs {
                // Rule::new validated every glob; one that fails here cannot occur.
                if let Ok(g) = glob(g) {
                    b.add(g);
                    owners.push((ri, skip));
                }
            }
        }
        let set = b.build().unwrap_or_else(|_| GlobSet::empty());
        PathIndex { set, owners, limited: rules.rules.iter().map(|r| !r.spec.paths.is_empty()).collect() }
    }

    /// Per rule, whether it runs on `path`.
    pub(crate) fn applies(&self, path: &str) -> Vec<bool> {
        let mut applies: Vec<bool> = self.limited.iter().map(|l| !l).collect();
        if self.owners.is_empty() {
            return applies;
        }
        let matched = self.set.matches(path);
        for &i in &matched {
            let (rule, skip) = self.owners[i];
            if !skip {
                applies[rule] = true;
            }
        }
        for &i in &matched {
            let (rule, skip) = self.owners[i];
            if skip {
                applies[rule] = false;
            }
        }
        applies
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_each_rules_own_globs() {
        let rules = RuleSet::builtin().unwrap();
        let index = PathIndex::new(&rules);
        for path in [
            "src/main.rs",
            ".env",
            "config/app.yml",
            "web/.htpasswd",
            "db/.pgpass",
            "src/i18n/de.json",
            "locales/fr/messages.po",
            "Dockerfile",
            "deploy/values.yaml",
            "home/.netrc",
            "a/b/sftp-config.json",
        ] {
            let each: Vec<bool> = rules.rules.iter().map(|r| r.applies_to(path)).collect();
            assert_eq!(index.applies(path), each, "{path}");
        }
    }
}
