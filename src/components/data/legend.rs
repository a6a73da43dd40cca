//! The map's legend: the unit, the layer's classes (one scale for every period, round edges), the "no data"
//! and "none found" swatches, the reliability patterns drawn over the fills, and the layer's source line.

use yew::prelude::*;

use crate::components::map::markup::{esc, raw};

use crate::data::{decimals, notes, population_year, unit_label, Gap, Reliability, Slice};
use crate::model::format_number;

const SWATCH_CLASSES: [&str; 5] = ["sw-0", "sw-1", "sw-2", "sw-3", "sw-4"];

/// The class labels of a slice's scale: "3" (a whole class of one), "2,501–5,000", "10–20".
pub fn class_labels(s: &Slice) -> Vec<String> {
    let d = decimals(s.layer, s.per_person);
    (0..s.scale.count)
        .map(|i| {
            let (lo, hi) = s.scale.bounds(i);
            let (lo, hi) = (format_number(lo, d), format_number(hi, d));
            if lo == hi {
                hi
            } else {
                format!("{lo}–{hi}")
            }
        })
        .collect()
}

/// The legend of the visible layer, as markup (`crate::components::map::markup`: it holds no control).
/// A plain function, not a component: it holds no state.
pub fn legend(s: &'static Slice) -> Html {
    use std::fmt::Write;
    let unit = unit_label(s.layer, s.per_person);
    let same = if s.layer.years().len() > 1 {
        " · the same scale for every period"
    } else {
        ""
    };
    let mut out = format!(
        r#"<div class="legend"><p class="legend-title">Colour: {}<span class="legend-same">{same}</span></p><ul class="legend-swatches">"#,
        esc(unit)
    );
    let swatch = |out: &mut String, class: &str, text: &str| {
        let _ = write!(
            out,
            r#"<li><span class="swatch {class}" aria-hidden="true"></span>{}</li>"#,
            esc(text)
        );
    };
    for (i, text) in class_labels(s).iter().enumerate() {
        swatch(&mut out, SWATCH_CLASSES[s.scale.palette_step(i)], text);
    }
    swatch(&mut out, "sw-nodata", "no data");
    if s.rows.iter().any(|r| r.gap == Some(Gap::NoneFound)) {
        swatch(&mut out, "sw-none", "none found (not a measured zero)");
    }
    out.push_str("</ul>");
    let levels = Reliability::ALL
        .into_iter()
        .filter(|l| s.shades.iter().any(|sh| sh.reliability == Some(*l)));
    if levels.clone().any(|l| l != Reliability::High) {
        out.push_str(r#"<p class="legend-title legend-sub">Pattern: how reliable each source is</p><ul class="legend-swatches">"#);
        // A pattern key: a small SVG swatch with the same pattern the map draws.
        for r in levels {
            let words = match r {
                Reliability::High => "high (plain)",
                Reliability::Medium => "medium (dots)",
                Reliability::Low => "low (crosses)",
            };
            let _ = write!(
                out,
                r##"<li><svg class="swatch pattern" viewBox="0 0 28 20" aria-hidden="true" focusable="false"><rect width="28" height="20" fill="#a1dab4"></rect><rect width="28" height="20" fill="{}{}{}"></rect></svg>{words}</li>"##,
                if r.pattern().is_some() {
                    "url(#"
                } else {
                    "none"
                },
                r.pattern().unwrap_or_default(),
                if r.pattern().is_some() { ")" } else { "" }
            );
        }
        out.push_str("</ul>");
    }
    let note = notes().layer(s.layer);
    // Per person, the unit is no longer the source's ("US$ billions"): name the division instead.
    let source = match population_year(s.layer, s.year).filter(|_| s.per_person) {
        Some(y) => format!(
            "{}; divided by each republic's population in {y} (World Bank).",
            note.source
                .split("; US$")
                .next()
                .unwrap_or_default()
                .trim_end_matches('.')
        ),
        None => note.source.to_string(),
    };
    let _ = write!(
        out,
        r#"<p class="legend-source"><strong>Source: </strong>{}</p></div>"#,
        esc(&source)
    );
    raw(out)
}
