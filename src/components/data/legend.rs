//! The map's legend: the unit, the layer's classes (one scale for every period, round edges), the "no data"
//! and "none found" swatches, the reliability patterns drawn over the fills, and the layer's source line.

use yew::prelude::*;

use crate::components::map::region_map::marked_fill;
use crate::data::{decimals, notes, population_year, unit_label, Gap, Reliability, Slice};
use crate::model::format_number;
use crate::scale::PALETTE;

/// A class's swatch and words. Unkeyed, as are the pattern keys: a layer switch then patches each item in
/// place (its class and text) instead of removing and inserting it, about 20 fewer DOM changes per switch.
fn swatch(class: &'static str, text: String) -> Html {
    html! { <li><span class={classes!("swatch", class)} aria-hidden="true"></span>{ text }</li> }
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
fn pattern_swatch(r: Reliability) -> Html {
    let words = match r {
        Reliability::High => "high (plain)",
        Reliability::Medium => "medium (dots)",
        Reliability::Low => "low (crosses)",
    };
    let colour = PALETTE[1];
    let fill = marked_fill(colour, r).unwrap_or_else(|| colour.to_string());
    html! {
        <li>
            <svg class="swatch pattern" viewBox="0 0 28 20" aria-hidden="true" focusable="false">
                <rect width="28" height="20" {fill} />
            </svg>
            { words }
        </li>
    }
}

/// The legend of the visible layer.
/// A plain function, not a component: it holds no state.
pub fn legend(s: &'static Slice) -> Html {
    let unit = unit_label(s.layer, s.per_person);
    let title = format!("Colour: {unit}");
    let classes = class_labels(s)
        .into_iter()
        .enumerate()
        .map(|(i, text)| swatch(SWATCH_CLASSES[s.scale.palette_step(i)], text));
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
    html! {
        <div class="legend">
            <p class="legend-title">{ title }
                <span class="legend-same">{ if s.layer.years().len() > 1 { " · the same scale for every period" } else { "" } }</span></p>
            <ul class="legend-swatches">
                { for classes }
                { swatch("sw-nodata", "no data".into()) }
                if none_found { { swatch("sw-none", "none found (not a measured zero)".into()) } }
            </ul>
            if levels.iter().any(|l| *l != Reliability::High) {
                <p class="legend-title legend-sub">{ "Pattern: how reliable each source is" }</p>
                <ul class="legend-swatches">{ for levels.into_iter().map(pattern_swatch) }</ul>
            }
            <p class="legend-source"><strong>{ "Source: " }</strong>{ source }</p>
        </div>
    }
}
