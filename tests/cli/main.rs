//! The integration tests: one crate, a module per area. They drive the real binary with
//! assert_cmd (on the embedded data and on small fixture files) or call the library.

mod account;
mod action;
mod batch;
mod commands;
mod common;
mod data_files;
mod doors;
mod hostile;
mod import;
mod inventory;
mod periods;
mod picture;
mod properties;

mod readme;
mod rule_book;
mod rules;
mod shell;
mod update;
mod words;
