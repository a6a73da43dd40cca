//! A layer across all its periods: a year-by-republic table, a small line chart of the same numbers (its
//! text alternative is the table), and the download of every figure in the data with its source.

use crate::components::raw::esc;

use crate::data::{all_slices, lead_year, unit_label, Row};
use crate::model::{fixed, shortest, CountryId, Layer};

/// One cell: the period's column, the value (for the chart) and the value as written.
type Cell = (i32, Option<f64>, &'static str);

/// For each republic, its figures of a layer across every period (per person where the view is).
fn cells(layer: Layer, per_person: bool) -> Vec<(CountryId, Vec<Cell>)> {
    let rows: Vec<&Row> = all_slices()
        .iter()
        .filter(|s| s.layer == layer && s.per_person == per_person)
        .flat_map(|s| s.rows.iter().filter(move |r| r.on_map || s.year.is_none()))
        .collect();
    CountryId::ALL
        .iter()
        .map(|&c| {
            let mut list: Vec<Cell> = rows
                .iter()
                .filter(|r| r.country == c)
                .filter_map(|r| {
                    let f = r.figure?;
                    Some((lead_year(f.year)?, r.value, r.label))
                })
                .collect();
            list.sort_by_key(|cell| cell.0);
            list.dedup_by_key(|cell| cell.0);
            (c, list)
        })
        .collect()
}

/// The table and chart of `layer` across its periods (per person where asked), and "Download all data", as the
/// section's markup (`super::panel`: the app keeps the page's and writes only what differs).
pub fn across_years(layer: Layer, per_person: bool, mode: super::panel::Mode) -> String {
    use std::fmt::Write;
    let data = cells(layer, per_person);
    let years = years_of(&data);
    let unit = unit_label(layer, per_person);
    let title = esc(&format!("{} across the years ({unit})", layer.label())).into_owned();
    let mut out = format!(
        r#"<section class="across-years" aria-labelledby="across-title"><h3 id="across-title">{title}</h3>"#
    );
    chart(
        &mut out,
        &data
            .iter()
            .map(|(c, l)| (*c, l.iter().filter_map(|x| Some((x.0, x.1?))).collect()))
            .collect::<Vec<_>>(),
        &years,
    );
    let _ = write!(
        out,
        r#"<div class="table-scroll" tabindex="0" role="region" aria-label="Table: {title}"><table class="across-table"><caption>{title}: each republic by the year of its figure</caption><thead><tr><th scope="col">Republic</th>"#
    );
    for y in &years {
        let _ = write!(out, r#"<th scope="col">{y}</th>"#);
    }
    out.push_str("</tr></thead><tbody>");
    for (c, list) in &data {
        let _ = write!(out, r#"<tr><th scope="row">{}</th>"#, c.label());
        for y in &years {
            let cell = list
                .iter()
                .find(|cell| cell.0 == *y)
                .map_or("–", |cell| cell.2);
            let _ = write!(out, "<td>{}</td>", esc(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    let needs = if mode == super::panel::Mode::First {
        r#" data-needs-js="""#
    } else {
        ""
    };
    let _ = write!(
        out,
        r#"<div class="data-download"{needs}><button type="button" class="button" data-all-csv="">Download all data (CSV)</button><span class="download-note">Every figure in the explainer, each with its source, date and confidence.</span></div></section>"#
    );
    out
}

/// Every period that any republic has a figure for, in order.
fn years_of(data: &[(CountryId, Vec<Cell>)]) -> Vec<i32> {
    let mut years: Vec<i32> = data
        .iter()
        .flat_map(|(_, l)| l.iter().map(|c| c.0))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// Lines, one per republic, each labelled with its name at its last point (no colour-only key), as markup
/// written to `out`.
fn chart(out: &mut String, data: &[(CountryId, Vec<(i32, f64)>)], years: &[i32]) {
    use std::fmt::Write;
    let (w, h, left, right, top, bottom) = (520.0, 200.0, 20.0, 110.0, 12.0, 24.0);
    let (Some(&y0), Some(&y1)) = (years.first(), years.last()) else {
        return;
    };
    let max = data
        .iter()
        .flat_map(|(_, l)| l.iter().map(|p| p.1))
        .fold(0.0_f64, f64::max);
    if max <= 0.0 {
        return;
    }
    let x = |y: i32| {
        left + (w - left - right)
            * if y1 > y0 {
                f64::from(y - y0) / f64::from(y1 - y0)
            } else {
                0.5
            }
    };
    let yv = |v: f64| top + (h - top - bottom) * (1.0 - v / max);
    let at = |v: f64| fixed(v, 1);
    // The period before `y` on the axis: a line joins two points only when no period lies between them,
    // so a republic without a figure for a period shows a gap, not a made-up trend.
    let before = |y: i32| years.iter().rev().find(|&&v| v < y).copied();
    let _ = write!(
        out,
        r#"<svg class="across-chart" viewBox="0 0 {} {}" role="img" aria-label="Line chart of the same figures as the table below"><line x1="{}" x2="{}" y1="{4}" y2="{4}" class="axis"></line>"#,
        shortest(w),
        shortest(h),
        shortest(left),
        shortest(w - right),
        shortest(h - bottom)
    );
    for &y in years {
        let _ = write!(
            out,
            r#"<text class="tick" x="{}" y="{}">{y}</text>"#,
            at(x(y)),
            shortest(h - 6.0)
        );
    }
    for (c, l) in data.iter().filter(|(_, l)| !l.is_empty()) {
        let _ = write!(out, r#"<g data-country="{}"><path d=""#, c.key());
        for (i, p) in l.iter().enumerate() {
            let joined = i > 0 && before(p.0) == Some(l[i - 1].0);
            let _ = write!(
                out,
                "{}{},{}",
                if joined { "L" } else { "M" },
                at(x(p.0)),
                at(yv(p.1))
            );
        }
        out.push_str(r#"" class="line"></path>"#);
        for p in l {
            let _ = write!(
                out,
                r#"<circle cx="{}" cy="{}" r="3"></circle>"#,
                at(x(p.0)),
                at(yv(p.1))
            );
        }
        let last = l[l.len() - 1];
        let _ = write!(
            out,
            r#"<text x="{}" y="{}">{}</text></g>"#,
            at(x(last.0) + 6.0),
            at(yv(last.1) + 4.0),
            c.label()
        );
    }
    out.push_str("</svg>");
}
