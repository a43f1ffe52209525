//! `products --format svg` (issue 15): the picture is rendered with a real SVG renderer (resvg)
//! and its pixels sampled where the dates say each stretch must be.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a broken picture should fail the test loudly"
)]

use chrono::NaiveDate;
use mpn_support::render::svg::{AS_OF, BACKGROUND, ENTITLED, EXTENDED, MAINSTREAM};
use resvg::{tiny_skia, usvg};

use crate::common::{cmd, date, embedded};

/// The picture as text, for the arguments given.
fn svg(args: &[&str]) -> String {
    let out = cmd()
        .args(["products", "--format", "svg"])
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// A rendered picture and where its axis and rows are, read from the SVG.
struct Picture {
    pixmap: tiny_skia::Pixmap,
    from: NaiveDate,
    until: NaiveDate,
    left: f64,
    right: f64,
    text: String,
}

impl Picture {
    fn of(text: String) -> Self {
        let tree = usvg::Tree::from_str(&text, &usvg::Options::default()).expect("valid SVG");
        let size = tree.size().to_int_size();
        let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).expect("size");
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        let doc = roxmltree::Document::parse(&text).expect("XML");
        let root = doc.root_element();
        let attr = |name: &str| root.attribute(name).expect(name).to_owned();
        let (from, until) = (
            date(&attr("data-axis-from")),
            date(&attr("data-axis-until")),
        );
        let left = attr("data-axis-left").parse().unwrap();
        let right = attr("data-axis-right").parse().unwrap();
        Picture {
            pixmap,
            from,
            until,
            left,
            right,
            text,
        }
    }

    /// Where a day starts on the axis, worked out here from the axis ends.
    fn x(&self, day: &str) -> f64 {
        let span = (self.until - self.from).num_days() as f64;
        self.left + (date(day) - self.from).num_days() as f64 / span * (self.right - self.left)
    }

    /// The middle of a version's row.
    fn row(&self, product: &str, version: &str) -> f64 {
        let doc = roxmltree::Document::parse(&self.text).expect("XML");
        let row = doc
            .descendants()
            .find(|n| {
                n.attribute("data-product") == Some(product)
                    && n.attribute("data-version") == Some(version)
            })
            .expect("a row for the version");
        let y: f64 = row.attribute("data-y").unwrap().parse().unwrap();
        let h: f64 = row.attribute("data-height").unwrap().parse().unwrap();
        y + h / 2.0
    }

    fn colour(&self, x: f64, y: f64) -> String {
        let p = self
            .pixmap
            .pixel(x as u32, y as u32)
            .expect("inside the picture");
        format!("#{:02x}{:02x}{:02x}", p.red(), p.green(), p.blue())
    }
}

/// SQL Server on 2026-12-02, from Microsoft's dates: 2016 (released 2016-06-01) qualified as
/// N, then N-1, until 2019 came out on 2019-11-04, then stayed in mainstream support to
/// 2021-07-13 and extended to 2026-07-14; 2019 qualifies from 2019-11-04 to the end of its
/// mainstream support, 2025-02-28, then extended to 2030-01-08.
#[test]
fn the_entitled_stretch_is_where_the_dates_say() {
    let picture = Picture::of(svg(&["--product", "sql-server", "--as-of", "2026-12-02"]));
    let y2016 = picture.row("sql-server", "2016");
    let y2019 = picture.row("sql-server", "2019");
    let expect = [
        (y2016, "2016-03-01", BACKGROUND, "2016 before its release"),
        (y2016, "2018-01-15", ENTITLED, "2016 as N-1"),
        (
            y2016,
            "2019-10-20",
            ENTITLED,
            "2016 just before 2019 pushes it out",
        ),
        (
            y2016,
            "2019-11-20",
            MAINSTREAM,
            "2016 in mainstream, pushed out",
        ),
        (y2016, "2021-06-20", MAINSTREAM, "2016 late in mainstream"),
        (y2016, "2021-08-10", EXTENDED, "2016 extended"),
        (y2016, "2026-06-20", EXTENDED, "2016 late in extended"),
        (y2016, "2026-09-01", BACKGROUND, "2016 out of support"),
        (y2019, "2019-10-15", BACKGROUND, "2019 before its release"),
        (y2019, "2019-11-25", ENTITLED, "2019 as N"),
        (y2019, "2024-06-01", ENTITLED, "2019 as N-1"),
        (y2019, "2025-02-10", ENTITLED, "2019 late in mainstream"),
        (y2019, "2025-03-20", EXTENDED, "2019 after mainstream"),
        (y2019, "2029-12-15", EXTENDED, "2019 late in extended"),
        (y2019, "2030-02-01", BACKGROUND, "2019 out of support"),
    ];
    for (y, day, colour, what) in expect {
        assert_eq!(picture.colour(picture.x(day), y), colour, "{what} ({day})");
    }
    // The as-of line crosses the 2016 row where it has no bar.
    let x = picture.x("2026-12-02");
    let hits = (-6..=6)
        .filter(|dy| picture.colour(x, y2016 + f64::from(*dy)) == AS_OF)
        .count();
    assert!(hits > 0, "no as-of line at x {x}");
    // Not empty: a good share of the picture is bars.
    let painted = picture
        .pixmap
        .pixels()
        .iter()
        .filter(|p| {
            let c = format!("#{:02x}{:02x}{:02x}", p.red(), p.green(), p.blue());
            [ENTITLED, MAINSTREAM, EXTENDED].contains(&c.as_str())
        })
        .count();
    assert!(
        painted * 20 > picture.pixmap.pixels().len(),
        "only {painted} bar pixels"
    );
}

/// Without --product, every on-premises product and no cloud one; on two days either side of
/// the as-of line, each drawn version is green exactly when the rules say it qualifies then.
#[test]
fn every_on_premises_product_is_drawn() {
    let text = svg(&["--as-of", "2026-12-02"]);
    let picture = Picture::of(text.clone());
    let data = embedded();
    let mut checked = 0;
    for product in &data.lifecycle.products {
        let drawn = text.contains(&format!("data-product=\"{}\"", product.id));
        let on_premises = product.deployment == mpn_support::data::Deployment::OnPremises;
        assert_eq!(drawn, on_premises, "{}", product.id);
        if !on_premises {
            continue;
        }
        for day in ["2026-10-01", "2027-02-01"] {
            let summary = mpn_support::engine::listing(&data, product, date(day)).expect("listing");
            for v in &summary.versions {
                let version = &v.release.version;
                if !text.contains(&format!(
                    "data-product=\"{}\" data-version=\"{}\"",
                    product.id,
                    mpn_support::render::escape::xml(version)
                )) {
                    continue;
                }
                // A stretch edge within a pixel or two of the day blurs: skip those.
                let near =
                    |d: Option<NaiveDate>| d.is_some_and(|d| (d - date(day)).num_days().abs() < 40);
                let r = v.release;
                let span_end =
                    mpn_support::engine::entitled_span(&data, product, r).and_then(|s| s.1);
                if near(Some(r.release)) || near(r.mainstream_end) || near(span_end) {
                    continue;
                }
                let green =
                    picture.colour(picture.x(day), picture.row(&product.id, version)) == ENTITLED;
                let qualifies = v.status == mpn_support::engine::Status::Qualifies;
                assert_eq!(green, qualifies, "{} {version} on {day}", product.id);
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} samples");
}

/// Names from a data file are escaped: the picture stays well-formed XML.
#[test]
fn hostile_names_keep_the_picture_well_formed() {
    let dir = tempfile::tempdir().unwrap();
    crate::common::data_dir_with_product_name(dir.path(), "<Widget & \"Co\"> ]]>");
    let text = svg(&[
        "--data-dir",
        dir.path().to_str().unwrap(),
        "--as-of",
        "2024-01-01",
    ]);
    let doc = roxmltree::Document::parse(&text).expect("well-formed");
    assert!(
        doc.descendants()
            .any(|n| n.text() == Some("<Widget & \"Co\"> ]]>")),
        "name shown as text"
    );
    assert!(
        !text.contains("<script") && !text.contains("href"),
        "self-contained"
    );
}

/// The picture in the README is the binary's output (README_UPDATE=1 rewrites it).
#[test]
fn readme_picture_is_real_output() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(README_PICTURE);
    let actual = svg(&["--product", "sql-server", "--as-of", "2026-12-02"]);
    if std::env::var_os("README_UPDATE").is_some() {
        std::fs::write(&path, &actual).expect("writable");
    }
    let committed = std::fs::read_to_string(&path).expect("committed picture");
    assert!(
        committed == actual,
        "{README_PICTURE} differs from the binary: run README_UPDATE=1 cargo test --test cli readme"
    );
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .expect("README");
    assert!(
        readme.contains(&format!("]({README_PICTURE})")),
        "README shows it"
    );
    assert!(
        readme
            .contains("mpn-support products --product sql-server --format svg --as-of 2026-12-02")
    );
}

const README_PICTURE: &str = "docs/support-windows.svg";

/// A cloud product asked for by name says it is not versioned rather than drawing nothing.
#[test]
fn a_cloud_product_says_why_it_has_no_bars() {
    let text = svg(&["--product", "azure", "--as-of", "2026-12-02"]);
    assert!(
        text.contains("a cloud product: not versioned, every use qualifies"),
        "{text}"
    );
    assert!(!text.contains("<g class=\"version\""));
}
