//! The static page's other views of the map (`&layer=students`, `&year=2013`, `&pp=1`), written small: what
//! changes from the page's view, so that static/early.js paints a deep link's view before the app starts.

use crate::components::data::{layers, legend_markup};
use crate::components::raw::Markup;
use crate::data::{all_slices, slice};
use crate::model::{CountryId, Figure, Period};
use crate::state::View;

/// A figure's value and period as its markup writes them (`crate::components::figure::value_and_period_markup`).
fn value_and_period(f: Option<&Figure>) -> [String; 2] {
    f.map_or_else(Default::default, |f| {
        [
            f.display(),
            crate::data::period_words(f.year)
                .filter(|_| f.unit != "day")
                .unwrap_or_default(),
        ]
    })
}

/// `text`, or nothing where it is `same` (early.js reads it from there).
fn unless<'a>(text: &'a str, same: &str) -> &'a str {
    if text == same {
        ""
    } else {
        text
    }
}

/// One `<template class="map-variant">` per view of the data other than the page's: a layer at its default period
/// (`data-layer="students"`: which of the controls it shows in `data-c`), or another period or the per-person view of a layer
/// (`data-v="LAYER/YEAR/PP"`: with the per-person switch where it differs from the layer's first view). Each holds
/// its legend where it differs, and in `data-r`, for each republic in the map's order, what early.js cannot work out:
/// `fill~reliability~value on the map~pattern over the fill~value in the profile (if another)~figure's value~its
/// period~population~its period~1 where the label's words are light`.
pub fn view_templates(page: &View) -> String {
    let mut m = Markup::default();
    for s in all_slices() {
        let year = s.year.and_then(Period::from_key);
        let first = year == s.layer.default_year() && !s.per_person;
        if first && s.layer == page.layer {
            continue;
        }
        let view = View {
            layer: s.layer,
            year,
            per_person: s.per_person,
            country: None,
            ..*page
        };
        let layer_view = View {
            year: None,
            per_person: false,
            ..view
        };
        let key = format!(
            "{}/{}/{}",
            s.layer.key(),
            s.year.unwrap_or_default(),
            if s.per_person { "1" } else { "" }
        );
        let shades: Vec<String> = CountryId::ALL
            .iter()
            .map(|&c| {
                let shade = s.shades.iter().find(|sh| sh.country == c);
                let row = s.rows.iter().find(|r| r.country == c && r.on_map);
                let (fill, over) = super::region_map::fill_of(shade);
                let rel = shade.and_then(|sh| sh.reliability).map_or("", |r| r.word());
                let label = shade.map_or("", |sh| sh.value_label);
                // Light words where the fill is dark (as region_map draws the label).
                let light = if shade.is_some_and(|sh| sh.light_text && sh.fill.is_some()) {
                    "1"
                } else {
                    ""
                };
                let written = row.map_or("", |r| r.label);
                let [value, period] = value_and_period(row.and_then(|r| r.figure));
                let [people, people_year] = value_and_period(row.and_then(|r| r.population));
                // A figure behind the value exactly where the source's reliability is drawn.
                assert_eq!(rel.is_empty(), value.is_empty(), "{c:?} in {key}");
                let fields = [
                    fill.as_str(),
                    rel,
                    label,
                    over.unwrap_or_default(),
                    unless(written, label),
                    unless(&value, written),
                    unless(&period, s.year.unwrap_or_default()),
                    &people,
                    &people_year,
                    light,
                ];
                assert!(
                    fields.iter().all(|f| !f.contains(['~', '|', '<', '&'])),
                    "a map value early.js cannot read: {fields:?}"
                );
                fields.join("~")
            })
            .collect();
        m.tag(r#"<template class="map-variant""#);
        if first {
            m.attr("data-layer", Some(s.layer.key()));
        } else {
            m.attr("data-v", Some(&key));
        }
        m.attr("data-r", Some(&shades.join("|")));
        if first {
            m.attr("data-c", Some(&layers::seen_controls(&view)));
        }
        m.tag(">");
        let legend = legend_markup(s);
        let (mut switch, mut layer_switch) = (Markup::default(), Markup::default());
        layers::per_person(&mut switch, &view);
        layers::per_person(&mut layer_switch, &layer_view);
        if !first && switch.0 != layer_switch.0 {
            m.tag(&switch.0);
        }
        if first || legend != legend_markup(slice(&layer_view)) {
            m.tag(&legend);
        }
        m.tag("</template>");
    }
    m.0
}
