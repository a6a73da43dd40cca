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
///
/// Every view draws the same elements with the same words: what a layer lacks is there, unseen and unheard
/// (`.unused`), so a layer switch changes attributes only, which the browser repaints without laying out the
/// page again (a changed word or button made a switch lay out the controls and every box above them). It also
/// keeps every box the same size for every layer, so that a switch moves nothing below (the map above all).
pub fn controls_markup(view: &View) -> String {
    let mut m = Markup::default();
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
        per_person(&mut m, view);
    }
    m.tag(r#"<div class="toggle-slot">"#);
    if view.shows(Control::Year) {
        // One group per layer with periods, its default pressed while unseen (as it shows after a switch).
        for &layer in Layer::ALL.iter().filter(|l| !l.years().is_empty()) {
            let seen = layer == view.layer;
            m.tag(&unused_if(!seen, "toggle-group"))
                .tag(r#" role="group" aria-label="Period"><span class="toggle-label" aria-hidden="true">Period</span>"#);
            let period = if seen {
                view.period()
            } else {
                layer.default_year()
            };
            for &y in layer.years() {
                toggle(
                    &mut m,
                    period == Some(y),
                    Some(("data-year", y.key())),
                    y.label(),
                );
            }
            m.tag("</div>");
        }
    }
    caution(&mut m, view);
    m.tag("</div></div>");
    m.0
}

/// Which of the controls' elements that a layer may leave unseen (`.unused`) `view` shows, in the page's order: the
/// per-person switch and its two wordings, the periods of each layer with periods, each caution ("1" seen, "0" not). The
/// static page's template of another layer carries it, and static/early.js marks the page's controls so
/// (`crate::components::map::periods`): the same as `controls_markup` draws for `view`.
#[cfg(not(target_arch = "wasm32"))]
pub fn seen_controls(view: &View) -> String {
    let students = view.layer == Layer::Students;
    let text = slice(view).caution;
    let mut cautions: Vec<&str> = Vec::new();
    for c in all_slices().iter().filter_map(|s| s.caution) {
        if !cautions.contains(&c) {
            cautions.push(c);
        }
    }
    [view.layer.has_per_person(), !students, students]
        .into_iter()
        .chain(
            Layer::ALL
                .iter()
                .filter(|l| !l.years().is_empty())
                .map(|&l| l == view.layer),
        )
        .chain(cautions.into_iter().map(|c| text == Some(c)))
        .map(|seen| if seen { '1' } else { '0' })
        .collect()
}

/// An element's start up to its class: `<div class="NAME" aria-hidden="false"`, or with ` unused` and `"true"` when
/// unseen (the same attributes either way: a switch writes their values alone, `crate::components::map::sync::patch`).
fn unused_if(unused: bool, class: &str) -> String {
    format!(
        r#"<div class="{class}{}""#,
        if unused {
            r#" unused" aria-hidden="true"#
        } else {
            r#"" aria-hidden="false"#
        }
    )
}

/// The switch per person: one button for every layer, its words for each (the layer's own seen), unseen where a
/// layer has none; disabled with its reason beside it where the period has no population figures.
pub(crate) fn per_person(m: &mut Markup, view: &View) {
    let has = view.layer.has_per_person();
    let possible = has && population_year(view.layer, view.year()).is_some();
    m.tag(&unused_if(!has, "toggle-group per-person"))
        .tag(r#"><button class="toggle" type="button" aria-pressed=""#)
        .tag(if view.per_person && possible {
            "true\""
        } else {
            "false\""
        });
    // Not disabled where unseen: turning `disabled` on and off has the browser lay out the page again.
    if has && !possible {
        m.tag(r#" disabled="" aria-describedby="per-person-why""#);
    }
    m.tag(r#"><span class="toggle-words">"#);
    let students = view.layer == Layer::Students;
    for (words, seen) in [("Per person", !students), ("Per 100,000 people", students)] {
        m.tag(if seen {
            r#"<span class="">"#
        } else {
            r#"<span class="unused">"#
        })
        .tag(words)
        .tag("</span>");
    }
    m.tag("</span></button>");
    if has && !possible {
        m.tag(r#"<span id="per-person-why" class="toggle-note">"#)
            .text(notes().per_person(view.layer, false))
            .tag("</span>");
    }
    m.tag("</div>");
}

/// Said above the map when the values do not compare (different years or sources): every caution of any view,
/// in one place, the view's seen and the others unseen and unheard (`.unused`, `aria-hidden`); without one the
/// place keeps the height of the highest.
fn caution(m: &mut Markup, view: &View) {
    let text = slice(view).caution;
    let mut all: Vec<&str> = Vec::new();
    for c in all_slices().iter().filter_map(|s| s.caution) {
        if !all.contains(&c) {
            all.push(c);
        }
    }
    if all.is_empty() {
        all.push("");
    }
    for c in all {
        m.tag(if text == Some(c) {
            r#"<p class="map-caution" aria-hidden="false">"#
        } else {
            r#"<p class="map-caution unused" aria-hidden="true">"#
        })
        .tag(r#"<span aria-hidden="true">⚠ </span>"#)
        .text(c)
        .tag("</p>");
    }
}
