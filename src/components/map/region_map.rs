//! The SVG map: neighbours muted, the five republics shaded by the active layer and selectable by
//! mouse and keyboard (roving tabindex, arrows move, Enter / Space select, Escape clears).

#[cfg(not(target_arch = "wasm32"))]
use yew::prelude::*;

use super::HATCH_ID;
use crate::data::{Reliability, Shade};
use crate::model::CountryId;
use crate::scale::PALETTE;
use crate::state::Action;
// What draws the map's markup anew (the static page; a build with its texts compiled in, such as the wasm tests):
// the browser build that reads its texts from the page keeps the page's map (`figure_markup`).
#[cfg(any(not(target_arch = "wasm32"), not(prose_from_page)))]
use {
    super::places::scale_bar,
    super::shape,
    crate::components::raw::esc,
    crate::geo::geo,
    crate::model::{fixed, shortest},
};
#[cfg(not(target_arch = "wasm32"))]
use {
    super::{accessible_name, st},
    crate::components::use_dispatch,
    crate::data::shades,
    crate::geo::CountryShape,
    crate::state::View,
};

/// Type sizes of a republic's name and value line, in view-box units (as in 30-map.css and the generator).
#[cfg(any(not(target_arch = "wasm32"), not(prose_from_page)))]
const NAME_SIZE: f64 = 17.0;
#[cfg(any(not(target_arch = "wasm32"), not(prose_from_page)))]
const VALUE_SIZE: f64 = 14.0;

/// Props: the view (layer and selection). The static, no-JavaScript page draws the shapes as images.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Properties, PartialEq)]
pub struct RegionMapProps {
    pub view: View,
}

/// The DOM id of a republic's focusable shape.
pub fn shape_id(c: CountryId) -> String {
    format!("map-{}", c.key())
}

/// Focuses a republic's shape.
pub fn focus_shape(c: CountryId) {
    crate::browser::focus(&shape_id(c));
}

/// The map of Central Asia with the five republics as buttons (the static page and the native build's render
/// tests; the browser build keeps the page's map and brings it up to date, `super::sync`).
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn RegionMap(props: &RegionMapProps) -> Html {
    let dispatch = use_dispatch();
    let static_page = crate::components::use_static_page();
    let selected = props.view.country;
    // The republic that holds tabindex 0: the last one focused, else the selection, else the first.
    let active = use_state(|| selected.unwrap_or(CountryId::ALL[0]));
    let focused = use_state(|| None::<CountryId>);
    let shades = shades(&props.view);
    let shapes = CountryId::ALL.iter().filter_map(|&c| Some((c, shape(c)?))).map(|(c, s)| {
        // The static page marks each country's outline once (`data-geo`): the browser build reads it from there.
        let (path, reliability, value) = shaded(s, shades.iter().find(|sh| sh.country == c), if static_page { Outline::Marked } else { Outline::Plain });
        if static_page {
            return html! { <g key={c.key()} class="republic" role="img" aria-label={accessible_name(c, &props.view)} data-reliability={reliability} data-value={value}>{ path }</g> };
        }
        let select = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::SelectCountry(Some(c))))
        };
        let onkeydown = {
            let (dispatch, active) = (dispatch.clone(), active.clone());
            Callback::from(move |e: KeyboardEvent| {
                if let Some(next) = on_republic_key(&e, c, |action| dispatch.emit(action)) {
                    active.set(next);
                    focus_shape(next);
                }
            })
        };
        let onfocus = {
            let (focused, active) = (focused.clone(), active.clone());
            Callback::from(move |_: FocusEvent| {
                focused.set(Some(c));
                active.set(c);
            })
        };
        let onblur = {
            let focused = focused.clone();
            Callback::from(move |_: FocusEvent| focused.set(None))
        };
        html! {
            <g key={c.key()} id={shape_id(c)} class="republic" role="button" tabindex={if *active == c { "0" } else { "-1" }}
                aria-pressed={(selected == Some(c)).to_string()} aria-label={accessible_name(c, &props.view)}
                data-reliability={reliability} data-value={value} onclick={select} {onkeydown} {onfocus} {onblur}>{ path }</g>
        }
    });
    // Outlines drawn on top of every shape so a neighbour never covers them. Always present (hidden when
    // unused): inserting or removing them makes Yew re-place later siblings, which drops keyboard focus.
    let outline = |c: Option<CountryId>, class: &'static str| {
        let d = c
            .and_then(shape)
            .map_or(AttrValue::Static("M0,0Z"), |s| st(s.path()));
        html! { <path class={classes!("outline", class, c.is_none().then_some("unused"))} {d} /> }
    };
    let raw = crate::components::raw::raw;
    html! {
        <div class="map-stack">
            { raw(still_markup(static_page, true)) }
            <svg class="region-map" viewBox={view_box()} role="group"
                aria-label="Map of the five Central Asian republics and their neighbours" aria-describedby="map-notes">
                { raw(patterns()) }
                <g class="republics">{ for shapes }</g>
                { outline(selected, "selected") }
                { outline(*focused, "focused") }
                { labels(shades) }
            </svg>
            { raw(still_markup(static_page, false)) }
        </div>
    }
}

/// The map's view box, as its attribute value.
#[cfg(any(not(target_arch = "wasm32"), not(prose_from_page)))]
fn view_box() -> String {
    let [x, y, w, h] = geo().view_box;
    format!(
        "{} {} {} {}",
        shortest(x),
        shortest(y),
        shortest(w),
        shortest(h)
    )
}

/// What of the map never changes, as markup, each in an SVG of its own stacked with the republics' in one box
/// (`.map-stack`, 30-map.css), so that a layer switch neither paints nor lays it out again: `below` the republics,
/// the water and the neighbours (muted, named where they fit); above them, the places and the scale bar.
/// `static_page`: the neighbours' outlines carry `data-geo` (the static page marks each outline once).
#[cfg(any(not(target_arch = "wasm32"), not(prose_from_page)))]
pub fn still_markup(static_page: bool, below: bool) -> String {
    let static_page = crate::components::drawn_static(static_page);
    use std::fmt::Write;
    let mut out = format!(r#"<svg viewBox="{}" aria-hidden="true">"#, view_box());
    if !below {
        super::places::places(&mut out);
        scale_bar(&mut out);
        out.push_str("</svg>");
        return out;
    }
    let [x, y, w, h] = geo().view_box;
    let _ = write!(
        out,
        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#dce9f2"></rect><g class="neighbours">"##,
        shortest(x),
        shortest(y),
        shortest(w),
        shortest(h)
    );
    let others = || geo().countries.iter().filter(|c| !c.is_focus());
    for c in others() {
        if static_page {
            let _ = write!(out, r#"<path data-geo="{}""#, c.id);
        } else {
            out.push_str("<path");
        }
        let _ = write!(out, r#" d="{}"></path>"#, c.path());
    }
    for c in others() {
        if let Some([x, y]) = c.label {
            let _ = write!(
                out,
                r#"<text x="{}" y="{}">{}</text>"#,
                shortest(x),
                shortest(y),
                esc(c.name)
            );
        }
    }
    out.push_str("</g></svg>");
    out
}

/// The map's patterns, in its own SVG (its republics' fills): the hatch for no data; the marks of a medium
/// (dots) or low (crosses) reliability source, dark with a white edge, visible on every palette step, drawn
/// over the hatch of a republic without a value.
#[cfg(any(not(target_arch = "wasm32"), not(prose_from_page)))]
pub fn patterns() -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = write!(
        out,
        concat!(
            r#"<defs><pattern id="{}" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">"#,
            r##"<rect width="8" height="8" fill="#ffffff"></rect><line x1="0" y1="0" x2="0" y2="8" stroke="#6b7280" stroke-width="3"></line></pattern>"##,
        ),
        HATCH_ID,
    );
    for r in [Reliability::Medium, Reliability::Low] {
        let _ = write!(out, "{}{}</pattern>", pattern_head(r, None), marks(r));
    }
    // Then one pattern per palette colour and reliability: the colour with the marks on it, so that a republic
    // is one shape filled once (a second copy of its outline, painted over it with the marks, cost a layer
    // switch about a third of its raster time).
    for r in [Reliability::Medium, Reliability::Low] {
        for colour in PALETTE {
            let _ = write!(
                out,
                r#"{}<rect width="16" height="16" fill="{colour}"></rect>{}</pattern>"#,
                pattern_head(r, Some(colour)),
                marks(r)
            );
        }
    }
    out.push_str("</defs>");
    out
}

/// The start of a reliability pattern's element: its id (`map-medium`, or `map-medium-a1dab4` for the marks
/// on a palette colour) and its 16-unit tile.
#[cfg(any(not(target_arch = "wasm32"), not(prose_from_page)))]
fn pattern_head(r: Reliability, colour: Option<&str>) -> String {
    let id = r.pattern().unwrap_or_default();
    let colour = colour
        .map(|c| format!("-{}", c.trim_start_matches('#')))
        .unwrap_or_default();
    format!(r#"<pattern id="{id}{colour}" patternUnits="userSpaceOnUse" width="16" height="16">"#)
}

/// The marks of a reliability pattern: a dot (medium) or a cross (low).
#[cfg(any(not(target_arch = "wasm32"), not(prose_from_page)))]
fn marks(r: Reliability) -> &'static str {
    match r {
        Reliability::Low => concat!(
            r##"<path d="M3,8H13M8,3V13" stroke="#ffffff" stroke-width="4"></path>"##,
            r##"<path d="M3,8H13M8,3V13" stroke="#1b1f24" stroke-width="2"></path>"##
        ),
        _ => {
            r##"<circle cx="8" cy="8" r="2.6" fill="#1b1f24" stroke="#ffffff" stroke-width="1.2"></circle>"##
        }
    }
}

/// The fill of a palette colour with a reliability's marks on it (`url(#map-low-253494)`), if it has marks.
pub fn marked_fill(colour: &str, r: Reliability) -> Option<String> {
    let id = r.pattern()?;
    PALETTE
        .contains(&colour)
        .then(|| format!("url(#{id}-{})", colour.trim_start_matches('#')))
}

/// A republic's fill for its shade: the palette colour, one pattern of the colour and its source's reliability
/// marks, the hatch without data, a pale blue without a row; and the marks alone drawn over it (a second copy of
/// the shape) where they are not in the fill (on the hatch).
pub fn fill_of(shade: Option<&Shade>) -> (String, Option<&'static str>) {
    let colour = shade.and_then(|sh| sh.fill);
    let reliability = shade.and_then(|sh| sh.reliability);
    let marked = colour.zip(reliability).and_then(|(c, r)| marked_fill(c, r));
    let over = reliability
        .filter(|_| marked.is_none())
        .and_then(|r| r.pattern());
    let fill = marked.unwrap_or_else(|| match (shade, colour) {
        (None, _) => "#e6eef8".to_string(),
        (Some(_), None) => format!("url(#{HATCH_ID})"),
        (Some(_), Some(c)) => c.to_string(),
    });
    (fill, over)
}

/// How a republic's shape carries its outline.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Copy, PartialEq)]
enum Outline {
    /// With `data-geo`: the map the static page shows, which marks each country's outline once.
    Marked,
    /// Without the mark (the app's map).
    Plain,
    /// No outline at all: a static page's layer template (static/early.js gives each shape the map's own).
    Omitted,
}

/// A republic's shape filled for its shade (hatched without data) with its source's reliability as marks on
/// the fill (so the colour keeps meaning the value): one pattern of the colour and the marks, or, on the hatch,
/// a second copy of the shape with the marks alone. And its `data-reliability` and `data-value`.
#[cfg(not(target_arch = "wasm32"))]
fn shaded(
    s: &CountryShape,
    shade: Option<&Shade>,
    outline: Outline,
) -> (Html, Option<&'static str>, Option<String>) {
    let (fill, over) = fill_of(shade);
    let reliability = shade.and_then(|sh| sh.reliability);
    let d = (outline != Outline::Omitted).then(|| st(s.path()));
    let path = html! { <>
        <path data-geo={(outline == Outline::Marked).then_some(s.id)} d={d.clone()} {fill} />
        if let Some(id) = over { <path class="reliability" {d} fill={format!("url(#{id})")} /> }
    </> };
    (
        path,
        reliability.map(|r| r.word()),
        shade.and_then(|sh| sh.value).map(|v| fixed(v, 4)),
    )
}

/// The republics' names at their label points, each with the layer's value underneath (from `shades`, which
/// also sets the text colour). A plain function, not a component: it holds no state.
#[cfg(not(target_arch = "wasm32"))]
fn labels(shades: &[Shade]) -> Html {
    let labels = CountryId::ALL.iter().filter_map(|&c| {
        let s = shape(c)?;
        let [x, y] = s.label?;
        let [x, y, value_y] = label_at(x, y);
        let shade = shades.iter().find(|sh| sh.country == c);
        let light = shade.is_some_and(|sh| sh.light_text && sh.fill.is_some());
        let value = shade.map_or("", |sh| sh.value_label);
        Some(html! {
            <g key={c.key()} class={classes!("republic-label", light.then_some("light"))}>
                <text class="name" x={x.clone()} {y}>{ st(s.name) }</text>
                <text class="value" {x} y={value_y}>{ value }</text>
            </g>
        })
    });
    html! { <g class="labels" aria-hidden="true">{ for labels }</g> }
}

/// Where a republic's name and value are written: x, the name's y and the value's y, as attribute values.
#[cfg(any(not(target_arch = "wasm32"), not(prose_from_page)))]
fn label_at(x: f64, y: f64) -> [String; 3] {
    [
        shortest(x),
        shortest(y),
        fixed(y + NAME_SIZE / 2.0 + VALUE_SIZE * 0.6, 1),
    ]
}

/// Said in the map's place where its outlines did not load.
pub const OUTLINES_MISSING: &str = r#"<p class="map-caution map-missing" role="note"><span aria-hidden="true">⚠ </span>The map's outlines did not load (a file of this page was blocked or is missing), so the map stays blank. The list of republics and the table below show every figure; reloading the page may bring the map.</p>"#;

/// The map's figure where the page shows none (another part opened first), which `super::sync` brings up to date:
/// the page text's (`crate::adopt::map_figure`); where the page lacked it (its file did not load), a figure that says
/// so, with the legend.
#[cfg(all(target_arch = "wasm32", prose_from_page))]
pub fn figure_markup() -> String {
    crate::adopt::map_figure().unwrap_or_else(|| {
        format!(r#"<figure class="map-figure">{OUTLINES_MISSING}<figcaption><div class="legend"></div></figcaption></figure>"#)
    })
}

/// The map's figure as the static page draws it, without a view's shading, values or legend (which
/// `super::sync` writes): the app's map where the page had none (a build with its texts compiled in: the wasm tests).
#[cfg(all(target_arch = "wasm32", not(prose_from_page)))]
pub fn figure_markup() -> String {
    use std::fmt::Write;
    let mut out = String::from(r#"<figure class="map-figure">"#);
    if crate::geo::outlines_missing() {
        out.push_str(OUTLINES_MISSING);
    }
    let _ = write!(
        out,
        r#"<div class="map-stack">{}<svg class="region-map" viewBox="{}" role="group" aria-label="Map of the five Central Asian republics and their neighbours" aria-describedby="map-notes">{}<g class="republics">"#,
        still_markup(false, true),
        view_box(),
        patterns()
    );
    for s in CountryId::ALL.iter().filter_map(|&c| shape(c)) {
        let _ = write!(
            out,
            r#"<g class="republic"><path d="{}"></path></g>"#,
            s.path()
        );
    }
    out.push_str(r#"</g><path class="outline selected unused" d="M0,0Z"></path><path class="outline focused unused" d="M0,0Z"></path><g class="labels" aria-hidden="true">"#);
    for s in CountryId::ALL.iter().filter_map(|&c| shape(c)) {
        if let Some([x, y]) = s.label {
            let [x, y, value_y] = label_at(x, y);
            let _ = write!(
                out,
                r#"<g class="republic-label"><text class="name" x="{x}" y="{y}">{}</text><text class="value" x="{x}" y="{value_y}"></text></g>"#,
                esc(s.name)
            );
        }
    }
    out.push_str("</g></svg>");
    out.push_str(&still_markup(false, false));
    out.push_str("</div><figcaption><div class=\"legend\"></div></figcaption></figure>");
    out
}

/// What a key on a republic asks (the map's roving focus, drawn by Yew here and kept by `sync` in the browser):
/// arrows move to the next / previous republic, Home / End to the first / last, Enter / Space select, Escape clears.
pub(super) enum RepublicKey {
    Move(CountryId),
    Act(Action),
}

pub(super) fn republic_key(key: &str, c: CountryId) -> Option<RepublicKey> {
    Some(match key {
        "ArrowRight" | "ArrowDown" => RepublicKey::Move(c.step(true)),
        "ArrowLeft" | "ArrowUp" => RepublicKey::Move(c.step(false)),
        "Home" => RepublicKey::Move(CountryId::ALL[0]),
        "End" => RepublicKey::Move(*CountryId::ALL.last()?),
        "Enter" | " " => RepublicKey::Act(Action::SelectCountry(Some(c))),
        "Escape" => RepublicKey::Act(Action::SelectCountry(None)),
        _ => return None,
    })
}

/// A key pressed on republic `c`, for the Yew map and the browser's kept map alike: an action is emitted (Enter or
/// Space selecting keeps the page from scrolling), a move returns the republic to focus next (the arrow's scroll
/// prevented too).
pub(super) fn on_republic_key(
    e: &web_sys::KeyboardEvent,
    c: CountryId,
    emit: impl FnOnce(Action),
) -> Option<CountryId> {
    match republic_key(&e.key(), c)? {
        RepublicKey::Move(next) => {
            e.prevent_default();
            Some(next)
        }
        RepublicKey::Act(action) => {
            if matches!(action, Action::SelectCountry(Some(_))) {
                e.prevent_default();
            }
            emit(action);
            None
        }
    }
}
