//! Fetching product answers from the endoflife.date API (v1) over HTTP(S), for
//! `lifecycle update`.
//!
//! One blocking client (ureq with rustls, no async runtime) with a User-Agent naming the tool,
//! and one [`Deadline`] for the whole update: each request may take what is left of it. Every failure is typed, names the product and the address,
//! and says what the user can do; converting the answers is the importer's job.

use std::time::{Duration, Instant};

use thiserror::Error;

use crate::message::{Msg, Value};

/// Where the API lives unless `--base-url` or `MPN_SUPPORT_ENDOFLIFE_URL` says otherwise.
pub const DEFAULT_BASE_URL: &str = "https://endoflife.date";

/// Largest answer accepted (the largest Microsoft product answer is about 60 KiB).
const MAX_BODY: u64 = 8 * 1024 * 1024;

/// A product answer that could not be fetched.
#[derive(Debug, Error, PartialEq, Eq)]
#[error("cannot fetch `{slug}` (product `{product}`) from {url}: {problem}")]
pub struct FetchError {
    /// Our product id.
    pub product: String,
    /// The endoflife.date product slug.
    pub slug: String,
    /// The address asked.
    pub url: String,
    /// What went wrong.
    pub problem: Problem,
}

/// What went wrong with one request.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum Problem {
    /// The API does not know the product (HTTP 404): it is an error, not a silent drop of
    /// its versions.
    #[error(
        "the API has no such product (HTTP 404): it may have been renamed upstream; the catalogue's slug needs updating, so nothing was written"
    )]
    Missing,
    /// Any other status that is not a success (2xx): an HTTP error, or a status HTTP does not
    /// define.
    #[error("the server answered HTTP {0}, not a success (2xx)")]
    Status(u16),
    /// No answer before the update's time ran out.
    #[error(
        "no complete answer within {0} s, the time the whole update may take (raise it with --timeout)"
    )]
    Timeout(u64),
    /// The host name does not resolve.
    #[error("the host name does not resolve (DNS): check the address and the network")]
    HostNotFound,
    /// Nothing listens, or the network is unreachable.
    #[error("cannot connect ({0}): check the address and the network")]
    Connect(String),
    /// The connection closed before the whole answer arrived.
    #[error("the answer was cut short ({0})")]
    Truncated(String),
    /// The answer is larger than any real one.
    #[error("the answer is larger than {} MiB", MAX_BODY / 1024 / 1024)]
    TooLarge,
    /// Anything else the client reports (TLS, protocol).
    #[error("{0}")]
    Other(String),
}

impl FetchError {
    /// The error in the catalogue's words (`error-fetch`, its problem a `fetch-*` message).
    pub fn message(&self) -> Msg<'_> {
        Msg::new(
            "error-fetch",
            vec![
                ("slug", Value::Text(&self.slug)),
                ("product", Value::Text(&self.product)),
                ("url", Value::Text(&self.url)),
                ("problem", self.problem.message()),
            ],
        )
    }
}

impl Problem {
    /// The problem in the catalogue's words; what the client said is shown as it is.
    fn message(&self) -> Value<'_> {
        let (id, args) = match self {
            Problem::Missing => ("fetch-missing", Vec::new()),
            Problem::Status(status) => (
                "fetch-status",
                vec![("status", Value::Count(u64::from(*status)))],
            ),
            Problem::Timeout(seconds) => {
                ("fetch-timeout", vec![("seconds", Value::Count(*seconds))])
            }
            Problem::HostNotFound => ("fetch-host-not-found", Vec::new()),
            Problem::Connect(detail) => ("fetch-connect", vec![("detail", Value::Text(detail))]),
            Problem::Truncated(detail) => {
                ("fetch-truncated", vec![("detail", Value::Text(detail))])
            }
            Problem::TooLarge => (
                "fetch-too-large",
                vec![("mib", Value::Count(MAX_BODY / 1024 / 1024))],
            ),
            Problem::Other(detail) => return Value::Text(detail),
        };
        Value::Message(id, args)
    }
}

impl TimedOut {
    /// The error in the catalogue's words.
    pub fn message(&self) -> Msg<'_> {
        Msg::new(
            "error-timed-out",
            vec![("seconds", Value::Count(self.seconds))],
        )
    }
}

/// When the whole update (every download and the conversion) must be done: `--timeout`
/// seconds after it started.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    at: Instant,
    seconds: u64,
}

/// The update did not finish in its time.
#[derive(Debug, Error, PartialEq, Eq)]
#[error(
    "the update did not finish within {seconds} s (downloads and conversion), so nothing was written: raise it with --timeout"
)]
pub struct TimedOut {
    /// The time it had, in seconds.
    pub seconds: u64,
}

impl Deadline {
    /// `seconds` from now.
    pub fn after(seconds: u64) -> Self {
        Deadline {
            at: Instant::now() + Duration::from_secs(seconds),
            seconds,
        }
    }

    /// The time left, if any.
    pub fn remaining(&self) -> Option<Duration> {
        self.at
            .checked_duration_since(Instant::now())
            .filter(|left| !left.is_zero())
    }

    /// Fails once the time is up.
    pub fn check(&self) -> Result<(), TimedOut> {
        match self.remaining() {
            Some(_) => Ok(()),
            None => Err(TimedOut {
                seconds: self.seconds,
            }),
        }
    }
}

/// A configured client for one base address.
pub struct Client {
    agent: ureq::Agent,
    base: String,
    deadline: Deadline,
}

/// The User-Agent sent with every request.
pub fn user_agent() -> String {
    format!("mpn-support/{}", env!("CARGO_PKG_VERSION"))
}

/// A checked base address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `http://` or `https://`, a host, no trailing slash, no user name or password.
    pub url: String,
    /// Whether a user name or password was given and left out.
    pub dropped_user_info: bool,
}

/// Checks a base address: `http://` or `https://` followed by a host. A user name or password
/// (`http://user:secret@host`) is left out: the client never sends it, and it would be stored
/// in the lifecycle file's `sources` and shown in every message naming an address.
pub fn check_base_url(text: &str) -> Result<BaseUrl, String> {
    let (url, dropped_user_info) = without_user_info(text);
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host)
            if !host.is_empty()
                && !host.starts_with('/')
                && !url.contains(|c: char| c.is_whitespace() || c.is_control()) =>
        {
            Ok(BaseUrl {
                url: url.trim_end_matches('/').to_owned(),
                dropped_user_info,
            })
        }
        _ => Err(format!(
            "`{}` is not an http:// or https:// address (for example {DEFAULT_BASE_URL})",
            redact_user_info(text)
        )),
    }
}

/// The address without the user information of its authority (`user:secret@`), and whether
/// it had any.
fn without_user_info(text: &str) -> (String, bool) {
    let Some((scheme, rest)) = text.split_once("://") else {
        return (text.to_owned(), false);
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => (format!("{scheme}://{}", &rest[at + 1..]), true),
        None => (text.to_owned(), false),
    }
}

/// The address as it may be shown: its user information, if any, replaced by `***`.
pub fn redact_user_info(text: &str) -> String {
    match (without_user_info(text), text.split_once("://")) {
        ((url, true), Some((scheme, _))) => {
            let host = url.strip_prefix(&format!("{scheme}://")).unwrap_or(&url);
            format!("{scheme}://***@{host}")
        }
        _ => text.to_owned(),
    }
}

impl Client {
    /// A client for `base` (already checked by [`check_base_url`]) whose requests end by
    /// `deadline`.
    pub fn new(base: &str, deadline: Deadline) -> Self {
        let agent = ureq::Agent::config_builder()
            .user_agent(user_agent())
            .build()
            .new_agent();
        Client {
            agent,
            base: base.trim_end_matches('/').to_owned(),
            deadline,
        }
    }

    /// The address of a product's answer.
    pub fn url(&self, slug: &str) -> String {
        format!("{}/api/v1/products/{slug}", self.base)
    }

    /// Fetches one product's answer as text.
    pub fn fetch(&self, product: &str, slug: &str) -> Result<String, FetchError> {
        let url = self.url(slug);
        let fail = |problem| FetchError {
            product: product.to_owned(),
            slug: slug.to_owned(),
            url: url.clone(),
            problem,
        };
        let left = self
            .deadline
            .remaining()
            .ok_or_else(|| fail(Problem::Timeout(self.deadline.seconds)))?;
        let mut response = self
            .agent
            .get(&url)
            .header("Accept", "application/json")
            .config()
            .timeout_global(Some(left))
            .build()
            .call()
            .map_err(|e| fail(self.problem(e)))?;
        // The client turns 4xx and 5xx into errors; anything else that is not a success (a
        // status HTTP does not define, such as 600 or 999) must not be read as an answer.
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(fail(Problem::Status(status)));
        }
        response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_string()
            .map_err(|e| fail(self.problem(e)))
    }

    fn problem(&self, error: ureq::Error) -> Problem {
        use std::io::ErrorKind;
        match error {
            ureq::Error::StatusCode(404) => Problem::Missing,
            ureq::Error::StatusCode(code) => Problem::Status(code),
            ureq::Error::Timeout(_) => Problem::Timeout(self.deadline.seconds),
            ureq::Error::HostNotFound => Problem::HostNotFound,
            ureq::Error::BodyExceedsLimit(_) => Problem::TooLarge,
            ureq::Error::ConnectionFailed => Problem::Connect("connection failed".into()),
            ureq::Error::Io(e) => match e.kind() {
                ErrorKind::ConnectionRefused
                | ErrorKind::NetworkUnreachable
                | ErrorKind::HostUnreachable
                | ErrorKind::AddrNotAvailable => Problem::Connect(e.to_string()),
                ErrorKind::UnexpectedEof
                | ErrorKind::ConnectionReset
                | ErrorKind::ConnectionAborted => Problem::Truncated(e.to_string()),
                ErrorKind::TimedOut | ErrorKind::WouldBlock => {
                    Problem::Timeout(self.deadline.seconds)
                }
                // getaddrinfo failures come back as uncategorised I/O errors.
                _ if e.to_string().contains("lookup") || e.to_string().contains("resolve") => {
                    Problem::HostNotFound
                }
                _ => Problem::Other(e.to_string()),
            },
            ureq::Error::Protocol(e) => Problem::Truncated(e.to_string()),
            other => Problem::Other(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Base addresses: http(s) with a host, trailing slashes dropped; anything else refused
    /// with an example.
    #[test]
    fn base_urls() {
        assert_eq!(
            check_base_url("https://endoflife.date/").unwrap().url,
            "https://endoflife.date"
        );
        assert_eq!(
            check_base_url("http://127.0.0.1:8080").unwrap(),
            BaseUrl {
                url: "http://127.0.0.1:8080".into(),
                dropped_user_info: false
            }
        );
        for bad in [
            "endoflife.date",
            "ftp://x",
            "https://",
            "https:///x",
            "http://a b",
            "http://a\u{1b}[31m",
        ] {
            let err = check_base_url(bad).unwrap_err();
            assert!(err.contains(bad) && err.contains(DEFAULT_BASE_URL), "{err}");
        }
    }

    /// Issue 21, defect 7: user information is left out of the address, and out of the message
    /// refusing an address; an `@` after the host is no user information.
    #[test]
    fn base_urls_drop_user_info() {
        assert_eq!(
            check_base_url("http://user:s3cret@127.0.0.1:8080/").unwrap(),
            BaseUrl {
                url: "http://127.0.0.1:8080".into(),
                dropped_user_info: true
            }
        );
        assert_eq!(
            check_base_url("https://h/a@b").unwrap(),
            BaseUrl {
                url: "https://h/a@b".into(),
                dropped_user_info: false
            }
        );
        let err = check_base_url("http://user:s3cret@").unwrap_err();
        assert!(err.starts_with("`http://***@` is not"), "{err}");
        assert_eq!(redact_user_info("https://a:b@c@h/x"), "https://***@h/x");
        assert_eq!(redact_user_info("https://h/x"), "https://h/x");
    }

    /// DNS failures read as such whichever way the client reports them (tests do not ask a
    /// real resolver: that would leave the machine); refused connections, cut-short answers
    /// and statuses each get their own words.
    #[test]
    fn client_errors_become_problems() {
        let client = Client::new("http://h", Deadline::after(7));
        let io = |kind, text: &str| ureq::Error::Io(std::io::Error::new(kind, text.to_owned()));
        let cases = [
            (ureq::Error::HostNotFound, Problem::HostNotFound),
            (
                io(
                    std::io::ErrorKind::Other,
                    "failed to lookup address information: Name or service not known",
                ),
                Problem::HostNotFound,
            ),
            (
                io(std::io::ErrorKind::ConnectionRefused, "refused"),
                Problem::Connect("refused".into()),
            ),
            (
                io(std::io::ErrorKind::UnexpectedEof, "eof"),
                Problem::Truncated("eof".into()),
            ),
            (ureq::Error::StatusCode(404), Problem::Missing),
            (ureq::Error::StatusCode(500), Problem::Status(500)),
            (
                ureq::Error::Timeout(ureq::Timeout::Global),
                Problem::Timeout(7),
            ),
            (ureq::Error::BodyExceedsLimit(1), Problem::TooLarge),
        ];
        for (error, problem) in cases {
            assert_eq!(client.problem(error), problem);
        }
        assert!(Problem::HostNotFound.to_string().contains("DNS"));
    }

    /// Issue 21, defect 5: a deadline with no time left fails its check and leaves no time
    /// for a request, which then fails without being sent.
    #[test]
    fn a_spent_deadline_stops_the_update() {
        let spent = Deadline::after(0);
        assert_eq!(spent.remaining(), None);
        assert_eq!(spent.check(), Err(TimedOut { seconds: 0 }));
        assert!(Deadline::after(60).check().is_ok());
        let client = Client::new("http://127.0.0.1:9", spent);
        let err = client.fetch("p", "s").unwrap_err();
        assert_eq!(err.problem, Problem::Timeout(0));
    }

    /// The product address follows the v1 API.
    #[test]
    fn product_address() {
        let client = Client::new("http://h/", Deadline::after(1));
        assert_eq!(
            client.url("mssqlserver"),
            "http://h/api/v1/products/mssqlserver"
        );
    }
}
