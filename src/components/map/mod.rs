//! The map part: the five republics and their neighbours, selectable by mouse, keyboard and list, with
//! the data layers around it and the selected republic's profile.

pub mod country_list;
#[cfg(not(target_arch = "wasm32"))]
mod periods;
pub mod places;
pub mod profile;
pub mod region_map;
#[cfg(target_arch = "wasm32")]
pub mod sync;

use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
use crate::components::data::use_follow_when_seen;
use crate::components::data::DataPanel;
#[cfg(not(target_arch = "wasm32"))]
use crate::components::data::{data_controls, legend};
use crate::components::{PartHeading, PartProps};
use crate::data::slice;
use crate::geo::{geo, CountryShape};
use crate::model::{CountryId, Part};
use crate::state::View;
use profile::{CountryProfile, OnMap};
#[cfg(not(target_arch = "wasm32"))]
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

/// The map part: the page's own map, legend, controls and list, kept and brought up to date by effects (`sync`).
#[cfg(target_arch = "wasm32")]
#[component]
pub fn MapPart(props: &PartProps) -> Html {
    let dispatch = crate::components::use_dispatch();
    {
        let live = sync::use_live(&props.view, dispatch);
        let legend_view = use_follow_when_seen(
            &NodeRef::default(),
            live.as_ref().and_then(|l| l.caption.clone()),
            &props.view,
            true,
        );
        let list_view = use_follow_when_seen(
            &NodeRef::default(),
            live.as_ref().map(|l| l.list.clone()),
            &props.view,
            true,
        );
        sync::use_follow(live.clone(), &props.view, &legend_view, &list_view);
        // Each kept node is a child of its own (a node in a list with others is put in its place again when the
        // list changes, and a focused one loses focus).
        let node = |el: Option<&web_sys::Element>| {
            el.map_or_else(Html::default, |el| Html::VRef(el.clone().into()))
        };
        let profile = props.view.country.map(|c| html! { <CountryProfile key={c.key()} country={c} on_map={OnMap::of(&props.view, c)} /> }).unwrap_or_default();
        #[cfg(prose_from_page)]
        let notes = places::use_kept_notes(
            live.as_ref().and_then(|l| l.notes.clone()),
            crate::deep_link::Within::of(&props.view),
        );
        #[cfg(not(prose_from_page))]
        let notes = live
            .as_ref()
            .and_then(|l| l.caption.clone())
            .map(|caption| create_portal(html! { <places::MapNotes /> }, caption));
        html! {
            <section class="part map" aria-labelledby={Part::Map.heading_id()}>
                <PartHeading part={Part::Map} />
                <div class="map-layout">
                    <div class="map-main">
                        { node(live.as_ref().map(|l| &l.controls)) }
                        { node(live.as_ref().map(|l| &l.figure)) }
                    </div>
                    <div class="map-selection">
                        { node(live.as_ref().map(|l| &l.list)) }
                        { profile }
                    </div>
                </div>
                { notes }
                <DataPanel ..props.clone() />
            </section>
        }
    }
}

/// The map part drawn whole: the static page (with a `<template>` per other layer), or the app's for the native
/// build's render tests.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn MapPart(props: &PartProps) -> Html {
    let static_page = crate::components::use_static_page();
    let profiles = if static_page {
        // Folded on the no-JavaScript page, so a phone reader chooses to see all five (a long read); not seen while the
        // app starts, which has the list's buttons for them (and shows none or the link's republic: static/early.js).
        html! {
            <details class="disclosure static-fold" data-no-js="">
                <summary><span class="disclosure-label">{ "Show the profiles of the five republics" }</span></summary>
                <div class="profiles">{ for CountryId::ALL.iter().map(|&c| html! { <CountryProfile key={c.key()} country={c} on_map={OnMap::of(&props.view, c)} /> }) }</div>
            </details>
        }
    } else {
        props.view.country.map(|c| html! { <CountryProfile key={c.key()} country={c} on_map={OnMap::of(&props.view, c)} /> }).unwrap_or_default()
    };
    let raw = |m: &str| crate::components::raw::raw(m.to_string());
    let selection = html! {
        <div class="map-selection">
            { raw(&country_list::list_markup(&props.view, static_page)) }
            { profiles }
        </div>
    };
    let figure = html! {
        <figure class="map-figure">
            if crate::geo::outlines_missing() {
                { raw(region_map::OUTLINES_MISSING) }
            }
            <RegionMap view={props.view} />
            <figcaption>
                // The legend sits under the map it explains.
                { legend(slice(&props.view)) }
                <places::MapNotes />
            </figcaption>
        </figure>
    };
    // The static page also carries, inert in a <template> per other view of the data (another layer, period or
    // per-person view), what changes with it, written small (`periods`): static/early.js paints a deep link's view
    // from there before the app starts.
    let variants = if static_page {
        raw(&periods::view_templates(&props.view))
    } else {
        Html::default()
    };
    html! {
        <section class="part map" aria-labelledby={Part::Map.heading_id()}>
            <PartHeading part={Part::Map} />
            // Wide screens: controls, map and legend on the left, the republics and the profile beside them.
            <div class="map-layout">
                <div class="map-main">
                    { data_controls(&props.view, static_page) }
                    { figure }
                    { variants }
                </div>
                { selection }
            </div>
            <DataPanel ..props.clone() />
        </section>
    }
}
