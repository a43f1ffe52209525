//! The lifecycle file's sources and how it is rebuilt from them: endoflife.date pages and API
//! answers, the Microsoft supplement and our catalogue (`sources`), what changed between two
//! files (`diff`), and fetching the API (`fetch`). Pure but for `fetch`'s HTTP; reading and
//! writing files is the `lifecycle` command's job.

pub mod diff;
pub mod fetch;
pub mod sources;
