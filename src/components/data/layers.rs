//! The layer, period and per-person toggles: buttons with `aria-pressed`, each a single click or key press.

use crate::components::raw::Markup;
use crate::data::{all_slices, notes, population_year, slice};
use crate::model::Layer;
use crate::state::{Control, View};

/// A toggle button: `data-NAME="KEY"` (a layer's or a period's) tells the controls' one listener what it sets.
fn toggle(m: &mut Markup, pressed: bool, data: Option<(&str, &str)>, label: &str) {
    m.tag(r#"<button class="toggle" type="button" aria-pressed=""#)
        .tag(if pressed { "true\"" } else { "false\"" });
    if let Some((name, key)) = data {
        m.attr(name, Some(key));
    }
    m.tag(">").text(label).tag("</button>");
}

/// The three toggle groups above the map for `view` (each hidden where an embed asks for it), as markup: the static
/// page draws them in the controls' place, and the app brings that place up to date with them
/// (`crate::components::map::sync`), one listener on the controls for every button.
pub fn controls_markup(view: &View) -> String {
    let mut m = Markup::default();
    // Every layer keeps the same boxes, so that a switch moves nothing below (the map above all): the switch
    // per person keeps its place (unseen) where a layer has none, and the periods share one place with the
    // caution (a layer has one or the other), which keeps its size when there is none.
    m.tag(r#"<div class="data-toggles">"#);
    if view.shows(Control::Layers) {
        m.tag(r#"<div class="toggle-group" role="group" aria-label="Data layer"><span class="toggle-label" aria-hidden="true">Layer</span>"#);
        for &layer in Layer::ALL {
            toggle(
                &mut m,
                view.layer == layer,
                Some(("data-layer", layer.key())),
                layer.label(),
            );
        }
        m.tag("</div>");
    }
    if view.shows(Control::PerPerson) {
        if view.layer.has_per_person() {
            let possible = population_year(view.layer, view.year()).is_some();
            m.tag(r#"<div class="toggle-group per-person"><button class="toggle" type="button" aria-pressed=""#)
                .tag(if view.per_person && possible {
                    "true\""
                } else {
                    "false\""
                });
            if !possible {
                m.tag(r#" disabled="" aria-describedby="per-person-why""#);
            }
            m.tag(">").tag(if view.layer == Layer::Students {
                "Per 100,000 people"
            } else {
                "Per person"
            });
            m.tag("</button>");
            if !possible {
                m.tag(r#"<span id="per-person-why" class="toggle-note">"#)
                    .text(notes().per_person(view.layer, false))
                    .tag("</span>");
            }
            m.tag("</div>");
        } else {
            m.tag(r#"<div class="toggle-group per-person unused"></div>"#);
        }
    }
    m.tag(r#"<div class="toggle-slot">"#);
    if view.shows(Control::Year) && !view.layer.years().is_empty() {
        m.tag(r#"<div class="toggle-group" role="group" aria-label="Period"><span class="toggle-label" aria-hidden="true">Period</span>"#);
        for &y in view.layer.years() {
            toggle(
                &mut m,
                view.period() == Some(y),
                Some(("data-year", y.key())),
                y.label(),
            );
        }
        m.tag("</div>");
    }
    caution(&mut m, view);
    m.tag("</div></div>");
    m.0
}

/// Said above the map when the values do not compare (different years or sources). Without a caution, its
/// place stays, unseen and unheard: the longest caution of any view, hidden (`.unused`, `aria-hidden`).
fn caution(m: &mut Markup, view: &View) {
    let text = slice(view).caution;
    let shown = text.or_else(|| {
        all_slices()
            .iter()
            .filter_map(|s| s.caution)
            .max_by_key(|c| c.len())
    });
    m.tag(if text.is_none() {
        r#"<p class="map-caution unused" aria-hidden="true">"#
    } else {
        r#"<p class="map-caution">"#
    })
    .tag(r#"<span aria-hidden="true">⚠ </span>"#)
    .text(shown.unwrap_or_default())
    .tag("</p>");
}
