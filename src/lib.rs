//! mpn-support: does a Microsoft partner membership give free technical support for a
//! product version, how many incidents, and where is the request opened?
//!
//! `app::run` takes parsed arguments and today's date (read once, by `main`) and returns a
//! typed outcome: the report to render, its format and the exit status. Errors are typed
//! (`error::AppError`) and printed once, by `main`.

pub mod app;
pub mod cli;
pub mod commands;
pub mod data;
pub mod engine;
pub mod error;
pub mod exit;
pub mod i18n;
pub mod input;
pub mod lifecycle;
pub mod matching;
pub mod message;
pub mod names;
pub mod render;
pub mod report;
