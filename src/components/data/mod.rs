//! The data layers around the map: layer and period controls with a spoken summary above it; the legend
//! under it; notes, the essay's figures beside the sources', the sortable table and its CSV below that.

pub(crate) mod layers;
mod legend;
#[cfg(target_arch = "wasm32")]
mod live;
pub mod panel;
pub mod years;

use yew::prelude::*;

use crate::components::raw::esc;
#[cfg(not(target_arch = "wasm32"))]
use crate::components::raw::raw;

use crate::components::PartProps;
use crate::data::slice;
use crate::state::View;

#[cfg(not(target_arch = "wasm32"))]
pub use legend::legend;
pub use legend::legend_markup;
pub use panel::agreement;

/// What of `view` the controls show (`controls_inner` reads nothing else: the layer, period and per-person choice, and
/// the controls a link hides): two views with the same key have the same controls' markup.
pub fn controls_key(view: &View) -> View {
    View {
        layer: view.layer,
        year: view.year,
        per_person: view.per_person,
        hidden: view.hidden,
        ..View::default()
    }
}

/// The toggle group (layer, period, per person) shown above the map, and the live region that reads each change,
/// as markup (`crate::components::map::sync` brings the page's controls up to date with it in the browser build,
/// where one listener on the controls handles every press).
pub fn controls_inner(view: &View) -> String {
    controls_saying(view, view)
}

/// The controls for `view`, their live region reading what `said` shows (a press the app has not yet taken leaves
/// it as it was: `crate::components::map::sync::Live::emit`).
pub fn controls_saying(view: &View, said: &View) -> String {
    let mut out = layers::controls_markup(view);
    out.push_str(r#"<p class="visually-hidden data-announce" role="status" aria-live="polite">"#);
    out.push_str(&esc(slice(said).announcement));
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

/// Notes, the essay's figures beside the sources', the data table and the CSV download, below the map: the static
/// page's (its view's panel as the app draws it, and without JavaScript every other layer and period in a fold),
/// or the app's for the native build's render tests.
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn DataPanel(props: &PartProps) -> Html {
    use panel::Mode;
    let static_page = crate::components::use_static_page();
    let within = crate::components::use_within();
    let mode = if static_page { Mode::First } else { Mode::App };
    let ui = panel::Ui::default();
    let evidence = within.part(crate::model::Part::Evidence);
    let mut out = String::from(r#"<div class="data-panel">"#);
    for block in panel::blocks(&props.view, &ui, mode, &evidence) {
        out.push_str(&block);
    }
    if static_page {
        // Folded, so a phone reader chooses to open the long tables; the app has no use for it (static/css/05-early.css).
        let shown = slice(&props.view);
        out.push_str(r#"<details class="disclosure static-fold" data-no-js=""><summary>Show every other layer's and period's figures and comparisons, with their sources</summary>"#);
        for s in crate::data::all_slices()
            .iter()
            .filter(|s| !s.per_person && !std::ptr::eq(*s, shown))
        {
            let mut m = crate::components::raw::Markup::default();
            m.tag(r#"<section class="data-static">"#);
            panel::about(&mut m, s, &ui, Mode::Static);
            panel::table(&mut m, s, None, &ui, Mode::Static);
            m.tag("</section>");
            out.push_str(&m.0);
        }
        let mut m = crate::components::raw::Markup::default();
        panel::other_comparisons(&mut m, &props.view, &evidence);
        out.push_str(&m.0);
        out.push_str("</details>");
    }
    out.push_str("</div>");
    raw(out)
}

/// The panel below the map: the page's own nodes, kept and brought up to date (`live`). On start the first update
/// comes a task after the map (crate::components::staged); off screen it follows the view once the reader pauses.
#[cfg(target_arch = "wasm32")]
#[component]
pub fn DataPanel(props: &PartProps) -> Html {
    let dispatch = crate::components::use_dispatch();
    let live = live::use_panel(dispatch);
    let drawn = crate::components::use_drawn_later();
    let view = use_follow_when_seen(
        &NodeRef::default(),
        Some(live.el.clone()),
        &props.view,
        true,
    );
    crate::prose::use_texts_while(live.sources_open());
    {
        let (live, busy) = (live.clone(), view != props.view || !drawn);
        let evidence = crate::components::use_within().part(crate::model::Part::Evidence);
        use_effect(move || {
            if drawn {
                live.show(view, evidence);
            }
            crate::components::map::sync::set(&live.el, "aria-busy", busy.then_some("true"));
        });
    }
    Html::VRef(live.el.clone().into())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CountryId, Layer, Part, Theme};
    use crate::state::{Control, Hidden};

    /// The controls' markup cache (`crate::components::map::sync`) relies on it: what `controls_key` leaves out (the
    /// part, a republic, a card, a tour step, a theme, the embed) never changes the controls.
    #[test]
    fn the_controls_read_only_what_their_key_keeps() {
        for &layer in Layer::ALL {
            let years = layer.years().iter().map(|&y| Some(y));
            for year in std::iter::once(None).chain(years) {
                for per_person in [false, true] {
                    for hidden in [Hidden::NONE, Hidden::NONE.with(Control::Year)] {
                        let view = View {
                            part: Part::Map,
                            layer,
                            year,
                            per_person,
                            hidden,
                            country: Some(CountryId::ALL[2]),
                            theme: Some(Theme::ALL[1]),
                            step: Some(3),
                            embed: true,
                            ..View::default()
                        };
                        assert_eq!(
                            controls_inner(&view),
                            controls_inner(&controls_key(&view)),
                            "{view:?}"
                        );
                    }
                }
            }
        }
    }
}
