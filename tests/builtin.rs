//! The built-in data snapshot (`src/data/builtin.rs`): the embedded data files, validated and
//! written out as Rust statics, so that a command on the built-in data starts without parsing
//! them. This test writes it and keeps it honest:
//!
//! - it must be exactly what this generator makes from `data/entitlements.json` and
//!   `data/lifecycle.json` as they are (refresh: `BUILTIN_UPDATE=1 cargo test --test builtin`);
//! - the statics must equal what loading the files gives;
//! - the binary must be using it (`Dataset::builtin`, `BUILTIN_IS_CURRENT`).
//!
//! Each struct below is destructured in full, so a field added to a data type fails to compile
//! here until the generator writes it.

use chrono::{Datelike as _, NaiveDate};
use mpn_support::data::entitlements::{
    AccountRules, Action, Alternative, Channel, Competency, CompetencyClass, Condition,
    MatrixEntry, Note, Role, SupportType, Tier, VersionPolicy,
};
use mpn_support::data::lifecycle::{Policy, Track};
use mpn_support::data::{
    self, Dataset, Deployment, EMBEDDED_ENTITLEMENTS, EMBEDDED_LIFECYCLE, Entitlements, Incidents,
    Lifecycle, List, Product, Release, Text,
};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/builtin.rs");
const WIDTH: usize = 100;

/// A Rust expression, laid out on one line when it fits and one item per line when not.
enum Node {
    Atom(String),
    /// `open` items `close`, e.g. `Tier {` fields `}` or `l![` items `]`.
    Group {
        open: String,
        items: Vec<Node>,
        close: &'static str,
        spaced: bool,
    },
    Field(&'static str, Box<Node>),
}

impl Node {
    fn flat(&self) -> String {
        match self {
            Node::Atom(s) => s.clone(),
            Node::Field(name, value) => format!("{name}: {}", value.flat()),
            Node::Group {
                open,
                items,
                close,
                spaced,
            } => {
                let inner: Vec<String> = items.iter().map(Node::flat).collect();
                let pad = if *spaced && !inner.is_empty() {
                    " "
                } else {
                    ""
                };
                format!("{open}{pad}{}{pad}{close}", inner.join(", "))
            }
        }
    }

    fn render(&self, indent: usize, out: &mut String) {
        let flat = self.flat();
        if indent + flat.len() <= WIDTH {
            out.push_str(&flat);
            return;
        }
        match self {
            Node::Atom(s) => out.push_str(s),
            Node::Field(name, value) => {
                out.push_str(name);
                out.push_str(": ");
                value.render(indent, out);
            }
            Node::Group {
                open, items, close, ..
            } => {
                out.push_str(open);
                out.push('\n');
                for item in items {
                    out.push_str(&" ".repeat(indent + 4));
                    item.render(indent + 4, out);
                    out.push_str(",\n");
                }
                out.push_str(&" ".repeat(indent));
                out.push_str(close);
            }
        }
    }
}

fn atom(s: impl Into<String>) -> Node {
    Node::Atom(s.into())
}

fn strukt(name: &str, fields: Vec<(&'static str, Node)>) -> Node {
    Node::Group {
        open: format!("{name} {{"),
        items: fields
            .into_iter()
            .map(|(n, v)| Node::Field(n, Box::new(v)))
            .collect(),
        close: "}",
        spaced: true,
    }
}

/// How a value is written as a constant expression.
trait Lit {
    fn lit(&self) -> Node;
}

impl Lit for Text {
    fn lit(&self) -> Node {
        // A str's Debug form is a valid Rust string literal.
        atom(format!("t!({:?})", self.as_str()))
    }
}

impl<T: Lit + Clone> Lit for List<T> {
    fn lit(&self) -> Node {
        Node::Group {
            open: "l![".into(),
            items: self.iter().map(Lit::lit).collect(),
            close: "]",
            spaced: false,
        }
    }
}

impl<T: Lit> Lit for Option<T> {
    fn lit(&self) -> Node {
        match self {
            None => atom("None"),
            Some(v) => Node::Group {
                open: "Some(".into(),
                items: vec![v.lit()],
                close: ")",
                spaced: false,
            },
        }
    }
}

impl Lit for bool {
    fn lit(&self) -> Node {
        atom(self.to_string())
    }
}

impl Lit for NaiveDate {
    fn lit(&self) -> Node {
        atom(format!(
            "d({}, {}, {})",
            self.year(),
            self.month(),
            self.day()
        ))
    }
}

/// `impl Lit` for enums whose Debug form is the variant as written in Rust (`Count(20)`).
macro_rules! lit_enum {
    ($($ty:ident),*) => {$(
        impl Lit for $ty {
            fn lit(&self) -> Node {
                atom(format!("{}::{self:?}", stringify!($ty)))
            }
        }
    )*};
}

lit_enum!(Deployment, VersionPolicy, Policy, Incidents);

/// `impl Lit` for a struct whose fields are all written, by destructuring it in full.
macro_rules! lit_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Lit for $ty {
            fn lit(&self) -> Node {
                let $ty { $($field),* } = self;
                strukt(stringify!($ty), vec![$((stringify!($field), $field.lit())),*])
            }
        }
    };
}

lit_struct!(Entitlements {
    generated,
    tiers,
    competency_classes,
    competencies,
    support_types,
    matrix,
    channels,
    alternatives,
    notes,
    actions,
    roles,
    account,
});
lit_struct!(Tier { id, name, aliases });
lit_struct!(CompetencyClass { id, name });
lit_struct!(Competency {
    id,
    name,
    class,
    aliases
});
lit_struct!(SupportType {
    id,
    name,
    scope,
    deployment,
    version_policy,
    channel,
});
lit_struct!(MatrixEntry {
    tier,
    support_type,
    competency_class,
    incidents,
    pack,
});
lit_struct!(Channel {
    id,
    name,
    url,
    steps
});
lit_struct!(Condition {
    deployments,
    support_types,
    tiers,
    products,
    except_products,
    eligible,
    within_lifecycle,
    csp,
    unstated,
});
lit_struct!(Alternative {
    id,
    name,
    url,
    description,
    when,
});
lit_struct!(Note { id, text, when });
lit_struct!(Action { id, name, remedy });
lit_struct!(Role {
    id,
    name,
    aliases,
    can
});
lit_struct!(AccountRules {
    activate_action,
    customer_cloud_action,
    ids_exempt_products,
    csp_plan_products,
    customer_channel,
});
lit_struct!(Lifecycle {
    generated,
    products
});
lit_struct!(Product {
    id,
    name,
    deployment,
    aliases,
    channel,
    tracks,
    main_track,
    versions,
});
lit_struct!(Track { id, name, main });
lit_struct!(Release {
    version,
    aliases,
    track,
    policy,
    release,
    mainstream_end,
    extended_end,
});

const HEADER: &str = r#"//! The built-in data: `data/entitlements.json` and `data/lifecycle.json`, validated, as statics.
//!
//! GENERATED by `BUILTIN_UPDATE=1 cargo test --test builtin`; do not edit. `tests/builtin.rs`
//! fails when this file is not what the data files give, and until then the binary parses the
//! files instead of using it (`BUILTIN_IS_CURRENT`).

use std::borrow::Cow;

use chrono::NaiveDate;

use super::entitlements::{
    AccountRules, Action, Alternative, Channel, Competency, CompetencyClass, Condition,
    Entitlements, Incidents, MatrixEntry, Note, Role, SupportType, Tier, VersionPolicy,
};
use super::lifecycle::{Deployment, Lifecycle, Policy, Product, Release, Track};
use super::text::{List, Text};

macro_rules! t {
    ($s:literal) => {
        Text(Cow::Borrowed($s))
    };
}

macro_rules! l {
    ($($item:expr),* $(,)?) => {
        List(Cow::Borrowed(&[$($item),*]))
    };
}

#[expect(clippy::panic, reason = "evaluated at compile time: an impossible date fails the build")]
const fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("impossible date in the built-in data"),
    }
}
"#;

/// The snapshot source for two data texts and the dataset they load as.
fn generate(entitlements: &str, lifecycle: &str, dataset: &Dataset) -> String {
    let mut out = String::from(HEADER);
    out.push_str(&format!(
        "\n/// Which data texts this was generated from: `fingerprint(entitlements, lifecycle)`.\n\
         pub(super) const FINGERPRINT: u64 = {:#018x};\n",
        data::fingerprint(entitlements, lifecycle)
    ));
    for (name, node) in [
        ("ENTITLEMENTS: Entitlements", dataset.entitlements.lit()),
        ("LIFECYCLE: Lifecycle", dataset.lifecycle.lit()),
    ] {
        out.push_str(&format!("\npub(super) static {name} = "));
        node.render(0, &mut out);
        out.push_str(";\n");
    }
    out
}

#[test]
fn snapshot_is_generated_from_the_data_files() {
    let loaded = data::load_texts(EMBEDDED_ENTITLEMENTS, EMBEDDED_LIFECYCLE).unwrap();
    let expected = generate(EMBEDDED_ENTITLEMENTS, EMBEDDED_LIFECYCLE, &loaded);
    let actual = std::fs::read_to_string(PATH).unwrap_or_default();
    if std::env::var_os("BUILTIN_UPDATE").is_some() {
        if actual != expected {
            std::fs::write(PATH, &expected).unwrap();
        }
        return;
    }
    assert!(
        actual == expected,
        "src/data/builtin.rs is not what the data files give; regenerate it with \
         `BUILTIN_UPDATE=1 cargo test --test builtin`"
    );
}

#[test]
fn the_binary_uses_the_snapshot() {
    assert!(
        Dataset::builtin().is_some(),
        "src/data/builtin.rs was generated from other data files; regenerate it with \
         `BUILTIN_UPDATE=1 cargo test --test builtin`"
    );
}

#[test]
fn snapshot_equals_the_loaded_files() {
    let loaded = data::load_texts(EMBEDDED_ENTITLEMENTS, EMBEDDED_LIFECYCLE).unwrap();
    let builtin = Dataset::builtin().expect("the snapshot is current");
    assert_eq!(builtin.entitlements, loaded.entitlements);
    assert_eq!(builtin.lifecycle, loaded.lifecycle);
}

/// Other data gives another fingerprint, so a stale snapshot is noticed; the same data, the same.
#[test]
fn fingerprint_tells_data_apart() {
    let base = data::fingerprint(EMBEDDED_ENTITLEMENTS, EMBEDDED_LIFECYCLE);
    assert_eq!(
        base,
        data::fingerprint(EMBEDDED_ENTITLEMENTS, EMBEDDED_LIFECYCLE)
    );
    let edited = EMBEDDED_LIFECYCLE.replacen("2019", "2018", 1);
    assert_ne!(base, data::fingerprint(EMBEDDED_ENTITLEMENTS, &edited));
    // Moving text from one file to the other is a change too.
    let (a, b) = EMBEDDED_ENTITLEMENTS.split_at(10);
    assert_ne!(
        data::fingerprint(a, ""),
        data::fingerprint(&a[..9], &format!("{}{b}", &a[9..]))
    );
}

/// Short groups stay on one line; long ones break into one item per line, within the width.
#[test]
fn layout_breaks_long_groups_only() {
    let short = Tier {
        id: "gold".to_owned().into(),
        name: "Gold".to_owned().into(),
        aliases: List::default(),
    };
    let mut out = String::new();
    short.lit().render(0, &mut out);
    assert_eq!(
        out,
        r#"Tier { id: t!("gold"), name: t!("Gold"), aliases: l![] }"#
    );
    let long = Tier {
        aliases: (0..20).map(|i| Text::from(format!("alias-{i}"))).collect(),
        ..short
    };
    let mut out = String::new();
    long.lit().render(0, &mut out);
    assert!(out.starts_with("Tier {\n    id: t!(\"gold\"),\n"), "{out}");
    assert!(out.lines().all(|l| l.len() <= WIDTH), "{out}");
}
