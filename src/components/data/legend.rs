//! The map's legend: the unit, the layer's classes (one scale for every period, round edges), the "no data"
//! and "none found" swatches, the reliability patterns drawn over the fills, and the layer's source line.

#[cfg(not(target_arch = "wasm32"))]
use yew::prelude::*;

use crate::components::raw::Markup;

use crate::components::map::region_map::marked_fill;
use crate::data::{decimals, notes, population_year, unit_label, Gap, Reliability, Slice};
use crate::model::format_number;
use crate::scale::PALETTE;

/// A class's swatch and words. Unkeyed, as are the pattern keys: a layer switch then patches each item in
/// place (its class and text) instead of removing and inserting it (`crate::components::map::sync::morph`).
fn swatch(m: &mut Markup, class: &str, text: &str) {
    m.tag(r#"<li><span class="swatch "#)
        .tag(class)
        .tag(r#"" aria-hidden="true"></span>"#)
        .text(text)
        .tag("</li>");
}

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

/// A pattern key: a small SVG swatch filled as the map fills a republic of this reliability (its marks on a
/// palette colour).
fn pattern_swatch(m: &mut Markup, r: Reliability) {
    let words = match r {
        Reliability::High => "high (plain)",
        Reliability::Medium => "medium (dots)",
        Reliability::Low => "low (crosses)",
    };
    let colour = PALETTE[1];
    let fill = marked_fill(colour, r).unwrap_or_else(|| colour.to_string());
    m.tag(r#"<li><svg class="swatch pattern" viewBox="0 0 28 20" aria-hidden="true" focusable="false"><rect width="28" height="20""#)
        .attr("fill", Some(&fill))
        .tag("></rect></svg>")
        .text(words)
        .tag("</li>");
}

/// The legend of the visible layer, as markup (display only: the app brings the page's legend up to date with it,
/// `crate::components::map::sync`).
pub fn legend_markup(s: &'static Slice) -> String {
    let unit = unit_label(s.layer, s.per_person);
    let none_found = s.rows.iter().any(|r| r.gap == Some(Gap::NoneFound));
    let levels: Vec<Reliability> = Reliability::ALL
        .into_iter()
        .filter(|l| s.shades.iter().any(|sh| sh.reliability == Some(*l)))
        .collect();
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
    let mut m = Markup::default();
    m.tag(r#"<div class="legend"><p class="legend-title">Colour: "#)
        .text(unit)
        .tag(r#"<span class="legend-same">"#)
        .tag(if s.layer.years().len() > 1 {
            " · the same scale for every period"
        } else {
            ""
        })
        .tag(r#"</span></p><ul class="legend-swatches">"#);
    for (i, text) in class_labels(s).iter().enumerate() {
        swatch(&mut m, SWATCH_CLASSES[s.scale.palette_step(i)], text);
    }
    swatch(&mut m, "sw-nodata", "no data");
    if none_found {
        swatch(&mut m, "sw-none", "none found (not a measured zero)");
    }
    m.tag("</ul>");
    if levels.iter().any(|l| *l != Reliability::High) {
        m.tag(r#"<p class="legend-title legend-sub">Pattern: how reliable each source is</p><ul class="legend-swatches">"#);
        for l in levels {
            pattern_swatch(&mut m, l);
        }
        m.tag("</ul>");
    }
    m.tag(r#"<p class="legend-source"><strong>Source: </strong>"#)
        .text(&source)
        .tag("</p></div>");
    m.0
}

/// The legend of the visible layer (the static page and the native build's render tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn legend(s: &'static Slice) -> Html {
    crate::components::raw::raw(legend_markup(s))
}
