//! One file per subcommand: its argument struct and its `run`, nothing else.

pub mod check;
pub mod completions;
pub mod diagnose;
pub mod explain;
pub mod lifecycle;
pub mod matrix;
pub mod products;
pub mod roles;
pub mod schema;
pub mod validate;
pub mod verify;
