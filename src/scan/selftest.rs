//! `leakhound rules check`: every rule's examples run through the full scanner (prefilter included).

use super::Scanner;

use crate::rules::{RuleError, RuleSet};

/// One rule example that did not behave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// The file the rule came from.
    pub file: String,
    /// The rule's id.
    pub rule: String,
    /// What went wrong, without the example text (it may hold a real-looking token).
    pub message: String,
}

impl std::fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: rule {}: {}", self.file, self.rule, self.message)
    }
}

/// Compiles every rule (an error stops at the first bad pattern) and runs every example. Returns the
/// examples that misbehaved; empty means every rule is sound.
pub fn check_rules(set: RuleSet) -> Result<(RuleSet, Vec<ExampleFailure>), RuleError> {
    let mut failures = Vec::new();
    for rule in &set.rules {
        rule.validate()?;
        if rule.spec.examples.is_empty() {
            failures.push(fail(rule, "has no examples (each rule needs at least one)".into()));
        }
        if rule.spec.non_examples.is_empty() {
            failures.push(fail(rule, "has no non_examples (each rule needs at least one)".into()));
        }
    }
    let scanner = Scanner::new(set, Vec::new());
    for (ri, rule) in scanner.rules().rules.iter().enumerate() {
        for (i, ex) in rule.spec.examples.iter().enumerate() {
            let n = count(&scanner, ex, ri);
            if n != 1 {
                failures.push(fail(rule, format!("example #{} gave {n} findings, expected exactly 1", i + 1)));
            }
        }
        for (i, ex) in rule.spec.non_examples.iter().enumerate() {
            let n = count(&scanner, ex, ri);
            if n != 0 {
                failures.push(fail(rule, format!("non_example #{} gave {n} findings, expected none", i + 1)));
            }
        }
    }
    let set = into_rules(scanner);
    Ok((set, failures))
}

fn count(scanner: &Scanner, text: &str, rule: usize) -> usize {
    // Examples carry `leakhound:allow` so the project scans itself clean; the check must not honour it.
    let text = text.replace("leakhound:allow", "");
    let id = &scanner.rules().rules[rule].spec.id;
    scanner.scan_example(text.as_bytes(), rule).iter().filter(|f| &f.rule_id == id).count()
}

fn fail(rule: &crate::rules::Rule, message: String) -> ExampleFailure {
    ExampleFailure { file: rule.source.clone(), rule: rule.spec.id.clone(), message }
}

fn into_rules(scanner: Scanner) -> RuleSet {
    scanner.into_rules()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_rule_compiles_and_its_examples_behave() {
        let set = RuleSet::builtin().expect("built-in rules load");
        assert!(!set.is_empty());
        let (set, failures) = check_rules(set).expect("built-in rules compile");
        let msgs: Vec<String> = failures.iter().map(|f| f.to_string()).collect();
        assert!(msgs.is_empty(), "rule examples failed:\n{}", msgs.join("\n"));
        let mut ids: Vec<&str> = set.rules.iter().map(|r| r.id()).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(n, ids.len(), "rule ids are unique");
    }
}
