//! The timeline part: the history cards on a 1900-2024 axis grouped by era, the selected event (kept in
//! the URL as `card`) with its date, summary, card link and citations, and the events as a text list.

mod axis;
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
mod list;

#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
pub use axis::{axis, axis_svg};
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
pub use list::event_list;

use yew::prelude::*;

use super::cite::Cites;
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
use super::raw::fixed;
use super::raw::{raw, Markup};
use super::rich::{rich_text, CardLink};
use super::PartProps;
use crate::content::content;
use crate::model::{Card, Part};

/// The history cards, ordered by start year (then end year, then content order): build.rs works the order
/// out (`TIMELINE`, indices into the cards).
pub fn events() -> Vec<&'static Card> {
    crate::content::generated::TIMELINE
        .iter()
        .map(|&i| &content().cards[usize::from(i)])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Theme;

    #[test]
    fn events_are_the_dated_history_cards_by_start_then_end_then_content_order() {
        let mut expected: Vec<&'static Card> = content()
            .cards_of(Theme::History)
            .filter(|c| c.when.is_some())
            .collect();
        expected.sort_by_key(|c| c.when.as_ref().map(|w| (w.start, w.end)));
        let ids = |v: &[&Card]| v.iter().map(|c| c.id).collect::<Vec<_>>();
        assert!(expected.len() > 10);
        assert_eq!(ids(&events()), ids(&expected));
    }
}

/// The timeline part. The browser build that reads its texts from the page shows the page's own section and puts
/// the app's axis, selected event and links into it (`use_from_page`); the others draw it.
#[component]
pub fn TimelinePart(props: &PartProps) -> Html {
    let events = events();
    let selected = props
        .view
        .card
        .and_then(|id| events.iter().position(|c| c.id == id.as_str()));
    let cursor = use_state_eq(|| None::<usize>);
    let dispatch = super::use_dispatch();
    let static_page = crate::components::use_static_page();
    use_reveal_selection(selected, static_page, &cursor);
    let within = crate::deep_link::Within::of(&props.view);
    #[cfg(all(target_arch = "wasm32", prose_from_page))]
    return use_from_page(&events, selected, &cursor, &within, &dispatch);
    #[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
    html! {
        <section class="part timeline" aria-labelledby={Part::Timeline.heading_id()}>
            <super::PartHeading part={Part::Timeline} />
            if static_page {
                // The places of the axis and the selected event, never seen (the app draws into them as it starts).
                { axis::axis_place(&events, &cursor, &dispatch) }
                <div id="timeline-detail" class="timeline-detail" aria-live="polite" data-needs-js="" inert=true aria-hidden="true">{ fixed(HINT) }</div>
            } else {
                { axis(&events, selected, &cursor, &dispatch) }
                { event_detail(selected.map(|i| events[i])) }
            }
            { event_list(&events, selected, static_page, &within, &dispatch) }
        </section>
    }
}

/// The page's section (`crate::adopt::use_island_node`) with the app's axis, selected event and event links drawn
/// into the places it holds for them; the selected event's list item marked.
#[cfg(all(target_arch = "wasm32", prose_from_page))]
#[hook]
fn use_from_page(
    events: &[&'static Card],
    selected: Option<usize>,
    cursor: &UseStateHandle<Option<usize>>,
    within: &crate::deep_link::Within,
    dispatch: &Callback<crate::state::Action>,
) -> Html {
    let node = crate::adopt::use_island_node(Part::Timeline);
    let now = **cursor;
    let ids: Vec<_> = events.iter().map(|c| c.id).collect();
    let (within, select, cards, cursor) =
        (*within, dispatch.clone(), events.to_vec(), cursor.clone());
    let kept = use_memo((), move |_| {
        let section: web_sys::Element = wasm_bindgen::JsCast::dyn_into(node?).ok()?;
        let place = |sel: &str, empty: bool| {
            let el = crate::browser::find_in(&section, sel)?;
            crate::adopt::open_place(&el, empty);
            Some(el)
        };
        let (axis, _, detail) = (
            place(".timeline-axis", false)?,
            place(".axis-legend", false),
            place("#timeline-detail", false)?,
        );
        let markers = kept_axis(&axis, &ids, cursor.clone(), &select, &cards)?;
        // Each event's list item and link (the page's, kept), which leads to the event here: one listener selects.
        let links = section.query_selector_all(".event-list a").ok()?;
        let items = crate::browser::elements(&links)
            .filter_map(|a| {
                let id = a.get_attribute("href")?;
                let i = ids
                    .iter()
                    .position(|c| id.strip_prefix("#card-") == Some(*c))?;
                let _ = a.set_attribute("href", &within.event(cards[i].card_id()));
                Some((a.parent_element()?, a, i))
            })
            .collect::<Vec<_>>();
        let links: Vec<_> = items.iter().map(|(_, a, i)| (a.clone(), *i)).collect();
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener =
            gloo::events::EventListener::new_with_options(&section, "click", options, move |e| {
                let target = e
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
                let Some(&(_, i)) = links.iter().find(|(a, _)| target.as_ref() == Some(a)) else {
                    return;
                };
                e.prevent_default();
                select.emit(crate::state::Action::OpenCard(Some(cards[i].card_id())));
            });
        Some((section, markers, detail, items, listener))
    });
    {
        let kept = kept.clone();
        use_effect_with(selected, move |selected| {
            for (li, a, i) in kept.iter().flat_map(|k| &k.3) {
                let on = *selected == Some(*i);
                li.set_class_name(if on { "selected" } else { "" });
                let _ = if on {
                    a.set_attribute("aria-current", "true")
                } else {
                    a.remove_attribute("aria-current")
                };
            }
        });
    }
    let Some((section, markers, detail, ..)) = &*kept else {
        return crate::adopt::missing(Part::Timeline);
    };
    // The markers' state, written on the page's nodes as the view is drawn (before the effects that read it:
    // `use_reveal_selection` brings the selected one into sight).
    markers.show(events, selected, now);
    // The page's hint while no event is chosen; the event drawn after it (hidden) once one is.
    if let Some(hint) = detail.first_element_child() {
        let _ = hint.toggle_attribute_with_force("hidden", selected.is_some());
    }
    html! {
        <>
            { Html::VRef(section.clone().into()) }
            { for selected.map(|i| create_portal(detail_body(events[i]), detail.clone())) }
        </>
    }
}

/// The page's axis, kept: its markers (in axis order), its drawing (where the caption goes) and the listener for
/// its markers' clicks and keys.
#[cfg(all(target_arch = "wasm32", prose_from_page))]
struct KeptAxis {
    svg: web_sys::Element,
    markers: Vec<web_sys::Element>,
    /// The marker the caption names, once written.
    caption: std::cell::Cell<Option<Option<usize>>>,
    _listeners: [gloo::events::EventListener; 2],
}

/// The page's axis in `axis` made the app's (the same nodes): a click on a marker or Enter / Space selects its event,
/// the arrows, Home and End move along the markers (`axis::on_marker_key`). `None` where it has not a marker for each
/// event (`ids`).
#[cfg(all(target_arch = "wasm32", prose_from_page))]
fn kept_axis(
    axis: &web_sys::Element,
    ids: &[&'static str],
    cursor: UseStateHandle<Option<usize>>,
    dispatch: &Callback<crate::state::Action>,
    cards: &[&'static Card],
) -> Option<KeptAxis> {
    use wasm_bindgen::JsCast;
    let svg = axis.first_element_child()?;
    let markers = crate::browser::all_in(&svg, ".event");
    if markers.len() != ids.len() {
        return None;
    }
    let marker_of = {
        let markers = markers.clone();
        move |e: &web_sys::Event| {
            let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
            let marker = target.closest(".event").ok()??;
            markers.iter().position(|m| *m == marker)
        }
    };
    let select = {
        let (dispatch, ids) = (
            dispatch.clone(),
            cards.iter().map(|c| c.card_id()).collect::<Vec<_>>(),
        );
        move |i: usize| dispatch.emit(crate::state::Action::OpenCard(Some(ids[i])))
    };
    let click = {
        let (cursor, marker_of, select) = (cursor.clone(), marker_of.clone(), select.clone());
        gloo::events::EventListener::new(&svg, "click", move |e| {
            if let Some(i) = marker_of(e) {
                cursor.set(Some(i));
                select(i);
            }
        })
    };
    let ids = ids.to_vec();
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    let key = gloo::events::EventListener::new_with_options(&svg, "keydown", options, move |e| {
        if let (Some(i), Some(k)) = (marker_of(e), e.dyn_ref::<KeyboardEvent>()) {
            axis::on_marker_key(k, i, &ids, &cursor, &|| select(i));
        }
    });
    Some(KeptAxis {
        svg,
        markers,
        caption: Default::default(),
        _listeners: [click, key],
    })
}

#[cfg(all(target_arch = "wasm32", prose_from_page))]
impl KeptAxis {
    /// Each marker's state for the `selected` event and the marker in focus (`cursor`), as `axis::axis_svg` draws it:
    /// selected and pressed, the tab stop (the cursor's, else the selected one's, else the first); the caption under
    /// the axis. Only what differs is written.
    fn show(&self, events: &[&'static Card], selected: Option<usize>, cursor: Option<usize>) {
        use crate::components::map::sync::set;
        let stop = cursor.or(selected).unwrap_or(0);
        for (i, m) in self.markers.iter().enumerate() {
            let on = selected == Some(i);
            let class = m.get_attribute("class").unwrap_or_default();
            let class = class.replace(" selected", "");
            set(
                m,
                "class",
                Some(&if on { class + " selected" } else { class }),
            );
            set(m, "aria-pressed", Some(if on { "true" } else { "false" }));
            set(m, "tabindex", Some(if i == stop { "0" } else { "-1" }));
        }
        let current = cursor.or(selected);
        if self.caption.replace(Some(current)) == Some(current) {
            return;
        }
        if let Some(old) = crate::browser::find_in(&self.svg, ".axis-caption") {
            old.remove();
        }
        if let Some(caption) = axis::caption(events, current, &axis::extents(events)) {
            let _ = self.svg.insert_adjacent_html("beforeend", &caption.0);
        }
    }
}

/// What the selected event's place shows while none is chosen (the browser build that reads its texts from the page
/// keeps the page's).
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
const HINT: &str = r#"<p class="timeline-hint">Choose an event on the time line or in the list below to read about it here.</p>"#;

/// The selected event: title, date exactly as the sources give it, summary, card link, citations.
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
pub fn event_detail(selected: Option<&'static Card>) -> Html {
    html! { <div id="timeline-detail" class="timeline-detail" aria-live="polite">{ selected.map_or_else(|| fixed(HINT), detail_body) }</div> }
}

/// The selected event, as its place shows it.
fn detail_body(card: &'static Card) -> Html {
    // Title, date and era: display only, written as markup (`super::raw`).
    let mut m = Markup::default();
    m.tag("<h3>").text(&card.title).tag("</h3>");
    if let Some(w) = &card.when {
        m.tag(r#"<p class="event-date"><span class="visually-hidden">Date: </span>"#)
            .text(w.label)
            .tag(if w.approximate {
                r#"<span class="approx-tag">approximate</span></p>"#
            } else {
                "</p>"
            });
        if let Some(era) = content().eras.iter().find(|e| e.id == w.era) {
            m.tag(r#"<p class="event-era">Era: "#)
                .text(era.label)
                .tag("</p>");
        }
    }
    html! {
        <>
            { raw(m) }
            <p>{ rich_text(&card.summary) }</p>
            <p><CardLink id={card.id} shown={format!("Open the full card: {}", card.title)} /></p>
            <Cites key={card.id} paragraphs={card.paragraphs} refs={card.refs} />
        </>
    }
}

/// A new selection (from the list, a link, back / forward) takes the tab stop; when it changes after the first
/// render, scrolls the detail panel into view if needed (on small screens the list that changed it sits below
/// the panel). One effect for both (each effect costs its own code).
#[hook]
fn use_reveal_selection(
    selected: Option<usize>,
    static_page: bool,
    cursor: &UseStateHandle<Option<usize>>,
) {
    let static_page = crate::components::drawn_static(static_page);
    let first = use_mut_ref(|| true);
    let cursor = cursor.clone();
    use_effect_with(selected, move |selected| {
        cursor.set(None);
        #[cfg(target_arch = "wasm32")]
        show_selected_mark();
        let first = std::mem::replace(&mut *first.borrow_mut(), false);
        if selected.is_some() && !first && !static_page {
            crate::browser::reveal("timeline-detail".to_string(), false, false);
        }
    });
}

/// Where the axis is wider than its box (a frame or tablet under 60rem: it scrolls sideways), brings the
/// selected event's mark into the box: without it a 2013 or 2023 event sat out of sight to the right.
#[cfg(target_arch = "wasm32")]
fn show_selected_mark() {
    let Some(axis) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".timeline-axis").ok().flatten())
    else {
        return;
    };
    let Some(mark) = axis.query_selector(".event.selected").ok().flatten() else {
        return;
    };
    let (a, m) = (
        axis.get_bounding_client_rect(),
        mark.get_bounding_client_rect(),
    );
    if m.left() < a.left() || m.right() > a.right() {
        let centre = m.left() + m.width() / 2.0 - a.left() - a.width() / 2.0;
        axis.set_scroll_left(axis.scroll_left() + centre as i32);
    }
}
