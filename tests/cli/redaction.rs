//! Redaction property test (below).
