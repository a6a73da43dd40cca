//! The map part: the five republics and their neighbours, selectable by mouse, keyboard and list, with
//! the data layers around it and the selected republic's profile.

pub mod country_list;
pub mod places;
pub mod profile;
pub mod region_map;

use yew::prelude::*;

use crate::components::data::{data_controls, legend, use_follow_when_seen, DataPanel};
use crate::components::{PartHeading, PartProps};
use crate::data::slice;
use crate::geo::{geo, CountryShape};
use crate::model::{CountryId, Part};
use crate::state::View;
use country_list::country_list;
use places::MapNotes;
use profile::{CountryProfile, OnMap};
use region_map::RegionMap;

/// The id of the hatch pattern that fills a republic without data.
pub const HATCH_ID: &str = "map-hatch";

/// A `'static` string as an attribute or text, without copying it.
pub fn st(s: &'static str) -> AttrValue {
    AttrValue::Static(s)
}

/// A republic's outline and label point in `geo.json`.
pub fn shape(c: CountryId) -> Option<&'static CountryShape> {
    geo().countries.iter().find(|s| s.id == c.key())
}

/// What a republic's map shape and list button say: "Kazakhstan: $43.82bn, trade 2024".
pub fn accessible_name(c: CountryId, view: &View) -> String {
    let s = slice(view);
    let value = s
        .shades
        .iter()
        .find(|sh| sh.country == c)
        .map_or("no data", |sh| sh.value_label);
    let period = s.year.map(|y| format!(" {y}")).unwrap_or_default();
    format!(
        "{}: {value}, {}{period}",
        c.label(),
        s.layer.label().to_ascii_lowercase()
    )
}

/// The map part.
#[component]
pub fn MapPart(props: &PartProps) -> Html {
    let static_page = crate::components::use_static_page();
    let dispatch = crate::components::use_dispatch();
    let profiles = if static_page {
        // Folded on the no-JavaScript page, so a phone reader chooses to see all five (a long read).
        html! {
            <details class="disclosure static-fold">
                <summary><span class="disclosure-label">{ "Show the profiles of the five republics" }</span></summary>
                <div class="profiles">{ for CountryId::ALL.iter().map(|&c| html! { <CountryProfile key={c.key()} country={c} on_map={OnMap::of(&props.view, c)} /> }) }</div>
            </details>
        }
    } else {
        props.view.country.map(|c| html! { <CountryProfile key={c.key()} country={c} on_map={OnMap::of(&props.view, c)} /> }).unwrap_or_default()
    };
    // On start, the pre-rendered list of republics (and a deep link's profile) stands in for a task.
    let selection_stand_in = crate::components::use_stand_in("map-selection");
    // The list of republics follows the map as the legend does (below): at once while it is on screen, else
    // once the reader pauses or scrolls to it (under the map and its legend, it is off screen after most
    // switches; writing its five values laid out the page again on every switch).
    let list = use_node_ref();
    let list_view = use_follow_when_seen(&list, &props.view, selection_stand_in.is_none());
    let selection = selection_stand_in.unwrap_or_else(|| {
        html! {
            <div class="map-selection">
                { country_list(&list_view, static_page, &dispatch, list, list_view != props.view) }
                { profiles }
            </div>
        }
    });
    // On start, the pre-rendered map (drawn for the page's default view) stands in for a task.
    let stand_in = crate::components::use_stand_in("map-figure");
    // The legend follows the map in the same frame while it is on screen; below the fold (under a map that fills
    // the screen's height) it catches up once the reader pauses or scrolls to it, as the panel below does: a
    // switch then neither lays out nor paints it (about 1 ms of the main thread's 5.7 per switch at 960x800).
    let caption = use_node_ref();
    let legend_view = use_follow_when_seen(&caption, &props.view, stand_in.is_none());
    let figure = stand_in.unwrap_or_else(|| {
        html! {
            <figure class="map-figure">
                if crate::geo::outlines_missing() {
                    { crate::components::raw::raw(r#"<p class="map-caution map-missing" role="note"><span aria-hidden="true">⚠ </span>The map's outlines did not load (a file of this page was blocked or is missing), so the map stays blank. The list of republics and the table below show every figure; reloading the page may bring the map.</p>"#) }
                }
                <RegionMap view={props.view} />
                <figcaption ref={caption} aria-busy={(legend_view != props.view).then_some("true")}>
                    // The legend sits under the map it explains.
                    { legend(slice(&legend_view)) }
                    <MapNotes />
                </figcaption>
            </figure>
        }
    });
    // The static page also carries, inert in a <template> per other layer (at its default period), what changes
    // with the layer: the controls and the caution, the map, its legend, the list of republics and each profile's value.
    // static/early.js shows a deep link's layer from there before the app starts.
    #[cfg(not(target_arch = "wasm32"))]
    let variants = if static_page {
        let variant = |layer: crate::model::Layer| {
            let view = View {
                layer,
                year: None,
                per_person: false,
                country: None,
                ..props.view
            };
            let s = slice(&view);
            html! {
                <template class="map-variant" data-layer={layer.key()}>
                    { crate::components::data::controls_place(&view, &dispatch) }
                    { region_map::static_layer(&view) }
                    { legend(s) }
                    { country_list(&view, true, &dispatch, NodeRef::default(), false) }
                    { for CountryId::ALL.iter().filter_map(|&c| OnMap::of(&view, c).map(|m| html! {
                        <dl data-country={c.key()}>{ profile::on_map_brief(&m) }</dl>
                    })) }
                </template>
            }
        };
        crate::model::Layer::ALL
            .iter()
            .filter(|&&l| l != props.view.layer)
            .map(|&l| variant(l))
            .collect::<Html>()
    } else {
        Html::default()
    };
    #[cfg(target_arch = "wasm32")]
    let variants = Html::default();
    html! {
        <section class="part map" aria-labelledby={Part::Map.heading_id()}>
            <PartHeading part={Part::Map} />
            // Wide screens: controls, map and legend on the left, the republics and the profile beside them.
            <div class="map-layout">
                <div class="map-main">
                    { data_controls(&props.view, &dispatch, static_page) }
                    { figure }
                    { variants }
                </div>
                { selection }
            </div>
            <DataPanel ..props.clone() />
        </section>
    }
}
