//! Integration tests: the real binary on real files and repositories built in temp dirs.

mod adoption;
mod audit;
mod bad_input;
mod fs_walk;
mod git;
mod hostile;
mod issuer;
mod manners;
mod redaction;
mod reports;
mod support;
mod webhook;
