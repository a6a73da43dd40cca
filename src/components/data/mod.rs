//! The data layers around the map: layer and period controls with a spoken summary above it; the legend
//! under it; notes, the essay's figures beside the sources', the sortable table and its CSV below that.

mod compare;
mod csv;
mod layers;
mod legend;
mod source;
mod table;
pub mod years;

use yew::prelude::*;

use crate::components::raw::{esc, raw};

use crate::components::PartProps;
use crate::data::{all_slices, notes, slice, Gap, Slice};
use crate::model::Layer;
use crate::state::View;

pub use compare::{agreement, Comparisons};
#[cfg(not(target_arch = "wasm32"))]
pub use legend::legend;
pub use legend::legend_markup;
pub use source::SourceToggle;
pub use table::DataTable;

/// The toggle group (layer, period, per person) shown above the map, and the live region that reads each change,
/// as markup (`crate::components::map::sync` brings the page's controls up to date with it in the browser build,
/// where one listener on the controls handles every press).
pub fn controls_inner(view: &View) -> String {
    let mut out = layers::controls_markup(view);
    out.push_str(r#"<p class="visually-hidden data-announce" role="status" aria-live="polite">"#);
    out.push_str(&esc(slice(view).announcement));
    out.push_str("</p>");
    out
}

/// The controls above the map (the native build: the static page's place for them, or the app's for render tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn data_controls(view: &View, static_page: bool) -> Html {
    if static_page {
        return controls_place(view);
    }
    html! { <div class="data-controls">{ raw(controls_inner(view)) }</div> }
}

/// The controls' place on the pre-rendered page, kept while the app starts so that the map does not move down
/// when they come: the same buttons, never seen nor reached, and absent without JavaScript (static/css/05-early.css).
/// `super::map::MapPart` carries one per other layer for a deep link's (static/early.js). The app keeps it and
/// makes it its controls (`crate::components::map::sync`).
#[cfg(not(target_arch = "wasm32"))]
pub fn controls_place(view: &View) -> Html {
    html! {
        <div class="data-controls" data-needs-js="" inert=true aria-hidden="true">{ raw(layers::controls_markup(view)) }</div>
    }
}

/// Notes, the essay's figures beside the sources', the data table and the CSV download, below the map.
#[component]
pub fn DataPanel(props: &PartProps) -> Html {
    let static_page = crate::components::use_static_page();
    if static_page {
        return html! {
            <div class="data-panel static">
                // Folded on the no-JavaScript page, so a phone reader chooses to open the long tables.
                <details class="disclosure static-fold">
                    <summary>{ "Show every layer's figures with their sources" }</summary>
                    { for all_slices().iter().filter(|s| !s.per_person).map(|s| html! {
                        <section class="data-static" key={format!("{}-{}", s.layer.key(), s.year.unwrap_or_default())}>
                            { about(s) }
                            <DataTable slice={s} selected={None} />
                        </section>
                    }) }
                </details>
                <details class="disclosure static-fold">
                    <summary>{ "Show the essay's figures beside the sources'" }</summary>
                    <Comparisons view={props.view} />
                </details>
            </div>
        };
    }
    // Below the map: on start, drawn a task after the map (crate::components::staged).
    let drawn = crate::components::use_drawn_later();
    let node = use_node_ref();
    let view = use_follow_when_seen(&node, None, &props.view, drawn);
    if !drawn {
        return html! { <div class="data-panel" ref={node} aria-busy="true"></div> };
    }
    let busy = view != props.view;
    html! {
        <div class="data-panel" ref={node} aria-busy={busy.then_some("true")}>
            <PanelBody {view} />
        </div>
    }
}

/// Props: the view the panel shows (which, off screen, lags the page's until the reader pauses).
#[derive(Properties, PartialEq)]
struct PanelProps {
    view: View,
}

/// The panel's content for the view it shows. A component of its own so that a layer switch while the panel
/// waits off screen leaves it alone: its view is unchanged, so Yew neither runs it nor compares its markup
/// (the notes, the table and the chart across the years were built again and compared on every switch).
#[component]
fn PanelBody(props: &PanelProps) -> Html {
    let view = props.view;
    let s = slice(&view);
    html! { <>
        <div class="data-side">
            { about(s) }
        </div>
        <Comparisons {view} />
        <div class="data-table-block">
            <DataTable slice={s} selected={view.country} />
            <csv::DownloadCsv slice={s} />
        </div>
        { years::across_years(s.layer, s.per_person) }
    </> }
}

/// The view a block below the map shows: `view` itself while the block is on screen; while it is off
/// screen, the view it showed before, brought up to date once the reader pauses (`browser::AfterPause`:
/// a moment after the frame that shows the new map is painted, with no newer switch) or as soon as the
/// block comes on screen. A layer switch with the table out of sight then lays out only the controls and
/// the map (the panel is about half of a switch's layout and DOM work), and a burst of quick switches
/// brings the table up to date once, after the last; it is marked `aria-busy` until then. `attached`: whether
/// `node` is in the page yet (it is watched from the render where it becomes true; until then `view` is followed).
#[hook]
pub fn use_follow_when_seen(
    node: &NodeRef,
    kept: Option<web_sys::Element>,
    view: &View,
    attached: bool,
) -> View {
    use std::{cell::Cell, rc::Rc};
    let on_screen = use_memo((), |_| Rc::new(Cell::new(true)));
    // The view shown, and the view it should show.
    let shown = use_mut_ref(|| *view);
    let latest = use_mut_ref(|| *view);
    *latest.borrow_mut() = *view;
    let update = use_force_update();
    let catch_up = use_memo((), |_| {
        let (shown, latest) = (shown.clone(), latest.clone());
        Rc::new(move || {
            if *shown.borrow() != *latest.borrow() {
                *shown.borrow_mut() = *latest.borrow();
                update.force_update();
            }
        })
    });
    let pause = use_memo((), |_| crate::browser::AfterPause::default());
    {
        let (node, on_screen, catch_up) = (node.clone(), (*on_screen).clone(), (*catch_up).clone());
        use_effect_with(attached, move |_| {
            let watch = kept
                .or_else(|| node.cast::<web_sys::Element>())
                .and_then(|el| crate::browser::watch_on_screen(&el, on_screen, move || catch_up()));
            move || drop(watch)
        });
    }
    if on_screen.get() {
        *shown.borrow_mut() = *view;
    }
    {
        let (shown, catch_up, pause) = (shown.clone(), (*catch_up).clone(), (*pause).clone());
        use_effect_with(*view, move |view| {
            if *shown.borrow() != *view {
                pause.schedule(move || catch_up());
            } else {
                pause.cancel();
            }
        });
    }
    let current = *shown.borrow();
    current
}

/// Props: one view of the data.
#[derive(Properties, PartialEq)]
pub struct SliceProps {
    pub slice: &'static Slice,
}

/// The layer's title, description, caveat, per-person basis, and why values are missing.
/// A plain function, not a component: it holds no state (each component costs about 1 KB of wasm).
fn about(s: &'static Slice) -> Html {
    let n = notes();
    let note = n.layer(s.layer);
    let heading = match s.year {
        Some(y) => format!("{}, {y}", note.title),
        None => note.title.to_string(),
    };
    let gaps: Vec<Html> = s.rows.iter().filter_map(|r| {
        let key = match r.gap? {
            Gap::NoData => format!("{}-{}-{}", s.layer.key(), s.year.unwrap_or_default(), r.country.key()),
            Gap::NoneFound => format!("{}-{}", s.layer.key(), r.country.key()),
        };
        let text = n.missing(&key).or_else(|| n.none_found(&key))?;
        let context = n.context(&key);
        Some(html! {
            <li key={key}><strong>{ format!("{}: ", r.country.label()) }</strong>{ text }
                if let Some(id) = context { { " " }<crate::components::figure::FigureValue id={id} /> }</li>
        })
    }).collect();
    let per_person = s.layer.has_per_person().then(|| {
        n.per_person(
            s.layer,
            crate::data::population_year(s.layer, s.year).is_some(),
        )
    });
    // The heading and texts hold no control: written as markup (`crate::components::raw`).
    let mut out = format!("<h3>{}</h3>", esc(&heading));
    let para = |out: &mut String, class: &str, key: Option<AttrValue>, text: &str| {
        use std::fmt::Write;
        out.push_str("<p");
        if !class.is_empty() {
            let _ = write!(out, r#" class="{class}""#);
        }
        if let Some(key) = key {
            let _ = write!(out, r#" data-p="{key}""#);
        }
        let _ = write!(out, ">{}</p>", esc(text));
    };
    para(&mut out, "", note.about.key(), note.about.text());
    para(
        &mut out,
        "data-caveat",
        note.caveat.key(),
        note.caveat.text(),
    );
    if let Some(text) =
        per_person.filter(|_| s.per_person || s.layer == Layer::Trade && s.year == Some("2013"))
    {
        para(&mut out, "data-per-person", None, text);
    }
    html! {
        <div class="data-about">
            { raw(out) }
            if !gaps.is_empty() { <ul class="data-gaps">{ gaps }</ul> }
        </div>
    }
}
