//! The support windows as a picture (`products --format svg`): per version, a bar from release
//! to the end of mainstream support and on to the end of extended support, the stretch it is
//! entitled highlighted, the as-of day as a line, and a legend.
//!
//! Self-contained SVG: no scripts, no external fonts or images. The background is drawn, so
//! the picture reads the same in light and dark viewers; a viewer that honours
//! `prefers-color-scheme` gets a dark background and light text instead. Bar colours read on
//! both. The axis and rows carry `data-` attributes so tests can find where a date should be.

use std::fmt::Write as _;

use chrono::{Datelike as _, Days, NaiveDate};

use super::PrintError;
use super::escape;
use crate::engine::Value;
use crate::i18n::Words;
use crate::report::Report;
use crate::report::products::{TimelineReport, TimelineVersion};

/// A report as a picture: only the timeline has one.
pub fn report(report: &Report, words: &Words) -> Result<String, PrintError> {
    match report {
        Report::Timeline(t) => Ok(render(t, words)),
        _ => Err(PrintError::Unsupported {
            format: "svg",
            what: "`products`",
        }),
    }
}

/// Picture width.
pub const WIDTH: f64 = 960.0;
/// Left edge of the time axis (labels sit to its left).
pub const AXIS_LEFT: f64 = 190.0;
/// Right edge of the time axis.
pub const AXIS_RIGHT: f64 = 940.0;
/// Mainstream support, not entitled.
pub const MAINSTREAM: &str = "#5b8def";
/// Extended support only.
pub const EXTENDED: &str = "#a3adbb";
/// Entitled to free partner support.
pub const ENTITLED: &str = "#1f9d55";
/// The as-of line.
pub const AS_OF: &str = "#e5534b";
/// The light background.
pub const BACKGROUND: &str = "#ffffff";

const ROW: f64 = 20.0;
const BAR: f64 = 12.0;
const HEADING: f64 = 24.0;
const GAP: f64 = 10.0;
const TOP: f64 = 96.0;
const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/// The time axis: the days it spans and where they land.
struct Axis {
    from: NaiveDate,
    until: NaiveDate,
}

impl Axis {
    /// Whole years from the earliest release to the latest known end (at least two years past
    /// the as-of day, so open-ended bars show they go on).
    fn of(report: &TimelineReport) -> Self {
        let versions = || report.products.iter().flat_map(|p| &p.versions);
        let first = versions()
            .map(|v| v.release)
            .min()
            .unwrap_or(report.as_of)
            .min(report.as_of);
        let last = versions()
            .flat_map(|v| [v.mainstream_end, v.extended_end])
            .flatten()
            .max()
            .unwrap_or(report.as_of)
            .max(
                report
                    .as_of
                    .checked_add_days(Days::new(730))
                    .unwrap_or(report.as_of),
            );
        let year = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1);
        Axis {
            from: year(first.year()).unwrap_or(first),
            until: year(last.year() + 1).unwrap_or(last),
        }
    }

    /// The x of the start of `day`.
    fn x(&self, day: NaiveDate) -> f64 {
        let span = (self.until - self.from).num_days().max(1) as f64;
        let at = (day - self.from)
            .num_days()
            .clamp(0, (self.until - self.from).num_days()) as f64;
        AXIS_LEFT + at / span * (AXIS_RIGHT - AXIS_LEFT)
    }

    /// The x just after `day` (bars include their last day).
    fn x_after(&self, day: NaiveDate) -> f64 {
        self.x(day.checked_add_days(Days::new(1)).unwrap_or(day))
    }
}

/// The picture.
pub fn render(report: &TimelineReport, words: &Words) -> String {
    let axis = Axis::of(report);
    let rows: usize = report
        .products
        .iter()
        .map(|p| p.versions.len().max(1))
        .sum();
    let height = TOP + report.products.len() as f64 * (HEADING + GAP) + rows as f64 * ROW + 16.0;
    let mut body = String::new();
    // Year lines and labels.
    for year in axis.from.year()..=axis.until.year() {
        let Some(day) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            continue;
        };
        let x = axis.x(day);
        let _ = write!(
            body,
            r#"<line class="grid" x1="{x:.1}" y1="{top:.1}" x2="{x:.1}" y2="{bottom:.1}"/>"#,
            top = TOP - 8.0,
            bottom = height - 12.0
        );
        let span = axis.until.year() - axis.from.year();
        let step = if span > 24 {
            5
        } else if span > 12 {
            2
        } else {
            1
        };
        if year % step == 0 && year < axis.until.year() {
            let _ = write!(
                body,
                r#"<text class="fg muted" x="{x:.1}" y="{y:.1}" text-anchor="middle">{year}</text>"#,
                y = TOP - 14.0
            );
        }
    }
    let mut y = TOP;
    for product in &report.products {
        let _ = write!(
            body,
            r#"<text class="fg heading" x="12" y="{:.1}">{}</text>"#,
            y + 16.0,
            escape::xml(&product.name)
        );
        if product.older > 0 {
            let _ = write!(
                body,
                r#"<text class="fg muted" x="{AXIS_RIGHT}" y="{:.1}" text-anchor="end">{}</text>"#,
                y + 16.0,
                escape::xml(&words.format(
                    "svg-older",
                    &[("count", Value::Count(product.older as u64))]
                ))
            );
        }
        y += HEADING;
        if product.versions.is_empty() {
            let why = words.text(match (product.cloud, product.excluded) {
                (true, true) => "svg-cloud-excluded",
                (true, false) => "svg-cloud",
                (false, _) => "svg-no-version",
            });
            let _ = write!(
                body,
                r#"<text class="fg muted" x="{AXIS_LEFT}" y="{:.1}">{}</text>"#,
                y + 14.0,
                escape::xml(&why)
            );
            y += ROW;
        }
        for version in &product.versions {
            version_row(
                &mut body,
                &axis,
                &product.id,
                &product.name,
                version,
                y,
                words,
            );
            y += ROW;
        }
        y += GAP;
    }
    // The as-of line, over everything.
    let x = axis.x(report.as_of);
    let _ = write!(
        body,
        r#"<line x1="{x:.1}" y1="{top:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="{AS_OF}" stroke-width="2" stroke-dasharray="5 3"><title>{as_of}</title></line>"#,
        top = TOP - 8.0,
        bottom = height - 12.0,
        as_of = escape::xml(&words.format("svg-as-of", &[("as_of", Value::Day(report.as_of))]))
    );
    let mut svg = String::with_capacity(body.len() + 2048);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height:.0}" viewBox="0 0 {WIDTH} {height:.0}" role="img" aria-labelledby="title desc" font-family="{FONT}" font-size="12" data-axis-from="{from}" data-axis-until="{until}" data-axis-left="{AXIS_LEFT}" data-axis-right="{AXIS_RIGHT}" data-as-of="{as_of}">
<title id="title">{title}</title>
<desc id="desc">{desc}</desc>
<style>
.bg {{ fill: {BACKGROUND}; }}
.fg {{ fill: #1f2328; }}
.muted {{ fill-opacity: 0.7; }}
.heading {{ font-weight: 600; font-size: 13px; }}
.grid {{ stroke: #1f2328; stroke-opacity: 0.12; }}
@media (prefers-color-scheme: dark) {{
  .bg {{ fill: #0d1117; }}
  .fg {{ fill: #e6edf3; }}
  .grid {{ stroke: #e6edf3; }}
}}
</style>
<rect class="bg" width="100%" height="100%"/>
<text class="fg heading" x="12" y="24">{title}</text>
"#,
        from = axis.from,
        until = axis.until,
        as_of = report.as_of,
        title = escape::xml(&words.format("svg-title", &[("as_of", Value::Day(report.as_of))])),
        desc = escape::xml(&words.text("svg-desc")),
    );
    legend(&mut svg, report.as_of, words);
    svg.push_str(&body);
    svg.push_str("\n</svg>\n");
    svg
}

fn legend(svg: &mut String, as_of: NaiveDate, words: &Words) {
    let items = [
        (ENTITLED, words.text("svg-legend-entitled")),
        (MAINSTREAM, words.text("svg-legend-mainstream")),
        (EXTENDED, words.text("svg-legend-extended")),
    ];
    let mut x = 12.0;
    for (colour, label) in items {
        let _ = write!(
            svg,
            r#"<rect x="{x:.1}" y="40" width="14" height="10" fill="{colour}"/><text class="fg" x="{:.1}" y="49">{}</text>"#,
            x + 20.0,
            escape::xml(&label)
        );
        // About 6.4 pixels a column at 12 px; a wide character takes two.
        x += 20.0 + textwrap::core::display_width(&label) as f64 * 6.4 + 18.0;
    }
    let _ = write!(
        svg,
        r#"<line x1="{x:.1}" y1="45" x2="{:.1}" y2="45" stroke="{AS_OF}" stroke-width="2" stroke-dasharray="5 3"/><text class="fg" x="{:.1}" y="49">{}</text>"#,
        x + 14.0,
        x + 20.0,
        escape::xml(&words.format("svg-as-of", &[("as_of", Value::Day(as_of))]))
    );
    svg.push('\n');
}

fn version_row(
    svg: &mut String,
    axis: &Axis,
    product_id: &str,
    product_name: &str,
    v: &TimelineVersion,
    y: f64,
    words: &Words,
) {
    let bar_y = y + (ROW - BAR) / 2.0;
    let no_end = words.text("svg-no-end");
    let show = |d: Option<NaiveDate>| d.map_or_else(|| no_end.clone(), |d| d.to_string());
    let entitled = match v.entitled {
        Some((first, last)) => words.format(
            "svg-entitled",
            &[
                ("from", Value::Day(first)),
                ("until", Value::Text(&show(last))),
            ],
        ),
        None => words.text("svg-never-entitled"),
    };
    let tooltip = words.format(
        "svg-tooltip",
        &[
            ("product", Value::Text(product_name)),
            ("version", Value::Text(&v.version)),
            ("release", Value::Day(v.release)),
            ("mainstream", Value::Text(&show(v.mainstream_end))),
            ("extended", Value::Text(&show(v.extended_end))),
            ("entitled", Value::Text(&entitled)),
        ],
    );
    let _ = write!(
        svg,
        r#"<g class="version" data-product="{}" data-version="{}" data-y="{y:.1}" data-height="{ROW}"><title>{}</title>"#,
        escape::xml(product_id),
        escape::xml(&v.version),
        escape::xml(&tooltip),
    );
    let _ = write!(
        svg,
        r#"<text class="fg" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
        AXIS_LEFT - 8.0,
        y + 14.0,
        escape::xml(&v.version)
    );
    let rect = |svg: &mut String, from: f64, to: f64, fill: &str, extra: &str| {
        if to > from {
            let _ = write!(
                svg,
                r#"<rect x="{from:.2}" y="{bar_y:.1}" width="{:.2}" height="{BAR}" fill="{fill}"{extra}/>"#,
                to - from
            );
        }
    };
    let start = axis.x(v.release);
    let end_of_axis = axis.x(axis.until);
    // Without a known end a stretch runs to the edge, faded.
    let (mainstream_to, open) = match v.mainstream_end {
        Some(end) => (axis.x_after(end), ""),
        None => (end_of_axis, r#" fill-opacity="0.55""#),
    };
    rect(svg, start, mainstream_to, MAINSTREAM, open);
    if v.mainstream_end.is_some() {
        let to = v
            .extended_end
            .map_or(mainstream_to, |end| axis.x_after(end));
        rect(svg, mainstream_to, to, EXTENDED, "");
    }
    if let Some((first, last)) = v.entitled {
        let to = last.map_or(end_of_axis, |d| axis.x_after(d));
        rect(svg, axis.x(first), to, ENTITLED, "");
    }
    svg.push_str("</g>\n");
}
