//! The entitlement table: tiers, competencies, support types, the incident matrix, channels,
//! paid alternatives and notes.
//!
//! Two stages: [`EntitlementsFile`] mirrors the JSON (`schema.rs`), `validate` (`validate.rs`)
//! turns it into [`Entitlements`], whose cross references the engine may trust, with its
//! lookups (`query.rs`). Nothing here decides.

mod query;
mod schema;
mod validate;

pub use query::Entitlements;
pub use schema::*;
