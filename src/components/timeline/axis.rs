//! The time axis, 1900-2024, as SVG: era bands, decade ticks and one marker per event in as many lanes
//! as needed so none overlap. Markers are a roving-tabindex toolbar: arrows and Home/End move, Enter,
//! Space or a click selects. Exact years are dots; approximate dates are dashed ranges.

use std::fmt::Write;

use crate::browser::focus;
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
use crate::components::raw::raw;
use crate::components::raw::Markup;
use yew::prelude::*;

#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
use crate::content::content;
use crate::model::Card;
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
use crate::state::Action;

const FIRST: i32 = 1900;
const LAST: i32 = 2024;
const WIDTH: f64 = 1000.0;
const MARGIN: f64 = 20.0;
const TOP: f64 = 46.0;
const LANE: f64 = 32.0;
const HIT: f64 = 26.0;

/// An SVG coordinate, rounded: whole units are precise enough on a 1000-unit axis (and cheap to print).
fn n(v: f64) -> String {
    (v.round() as i32).to_string()
}

/// x(year) is the left edge of that year on the axis.
fn x(year: i32) -> f64 {
    MARGIN + f64::from(year - FIRST) * (WIDTH - 2.0 * MARGIN) / f64::from(LAST + 1 - FIRST)
}

/// The horizontal extent of an event's marker: a dot's hit area, or a range at least that wide.
fn extent(card: &Card) -> (f64, f64) {
    let w = card.when.as_ref().expect("timeline events have dates");
    let (a, b) = if w.approximate {
        (x(w.start), x(w.end + 1))
    } else {
        let c = x(w.start) + 3.8;
        (c, c)
    };
    let grow = ((HIT - (b - a)) / 2.0).max(0.0);
    (a - grow, b + grow)
}

/// lanes(extents)[i] is the first lane in which event i overlaps no earlier event.
pub fn lanes(extents: &[(f64, f64)]) -> Vec<usize> {
    let mut ends: Vec<f64> = Vec::new();
    extents
        .iter()
        .map(|&(a, b)| {
            let lane = ends
                .iter()
                .position(|&end| end + 2.0 <= a)
                .unwrap_or(ends.len());
            if lane == ends.len() {
                ends.push(b)
            } else {
                ends[lane] = b
            }
            lane
        })
        .collect()
}

/// The time axis in its box that scrolls sideways (under 60rem), then its key, which stays outside the box so that it
/// never scrolls away.
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
pub fn axis(
    events: &[&'static Card],
    selected: Option<usize>,
    cursor: &UseStateHandle<Option<usize>>,
    dispatch: &Callback<Action>,
) -> Html {
    html! { <>
        <div class="timeline-axis">{ axis_svg(events, selected, cursor, dispatch, false) }</div>
        { crate::components::raw::fixed(LEGEND) }
    </> }
}

/// A key on marker `i` (of the markers `ids`, in axis order): arrows move to the next / previous, Home / End to the
/// first / last (the tab stop follows: `cursor`), Enter and Space select it (`select`); the page does not scroll.
/// For the axis drawn here and the page's, kept (`super::use_from_page`).
pub fn on_marker_key(
    e: &KeyboardEvent,
    i: usize,
    ids: &[&str],
    cursor: &UseStateHandle<Option<usize>>,
    select: &dyn Fn(),
) {
    let last = ids.len().saturating_sub(1);
    let to = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" => (i + 1).min(last),
        "ArrowLeft" | "ArrowUp" => i.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        "Enter" | " " => {
            e.prevent_default();
            cursor.set(Some(i));
            select();
            return;
        }
        _ => return,
    };
    e.prevent_default();
    cursor.set(Some(to));
    focus(&format!("tl-ev-{}", ids[to]));
}

/// The SVG time axis for the events in axis order; `cursor` is the marker that holds the tab stop
/// (`None`: the selected one, else the first). The browser build that reads its texts from the page keeps the page's
/// (`super::use_from_page`), which leaves out (`page`) the markers' states the app writes as it starts: every one not
/// pressed, all but the first out of the tab order.
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
pub fn axis_svg(
    events: &[&'static Card],
    selected: Option<usize>,
    cursor: &UseStateHandle<Option<usize>>,
    dispatch: &Callback<Action>,
    page: bool,
) -> Html {
    let stop = cursor.or(selected).unwrap_or(0);
    let extents = extents(events);
    let lane_of = lanes(&extents);
    let axis_y = axis_y(&lane_of);
    let markers = events.iter().enumerate().map(|(i, card)| {
        let w = card.when.as_ref().expect("timeline events have dates");
        let (a, b) = extents[i];
        let cy = TOP + LANE * lane_of[i] as f64 + LANE / 2.0;
        let id = card.card_id();
        let select = dispatch.reform(move |()| Action::OpenCard(Some(id)));
        let onclick = {
            let (select, cursor) = (select.clone(), cursor.clone());
            Callback::from(move |_: MouseEvent| { cursor.set(Some(i)); select.emit(()) })
        };
        let onkeydown = {
            let (cursor, ids) = (cursor.clone(), events.iter().map(|c| c.id).collect::<Vec<_>>());
            Callback::from(move |e: KeyboardEvent| on_marker_key(&e, i, &ids, &cursor, &|| select.emit(())))
        };
        // Starts with the marker's visible number, which the list of events repeats.
        let label = format!("{}. {}: {}{}", i + 1, card.title, w.label, if w.approximate { " (approximate date)" } else { "" });
        // Each marker carries its number, which the list of events below repeats. What the marker holds is
        // display only (its title, hit area, mark and number): written as markup (`crate::components::raw`).
        let mut m = Markup::default();
        m.tag("<title>").text(&label).tag("</title>");
        let _ = write!(
            m.0,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="6" class="hit"></rect>"#,
            n(a), n(cy - HIT / 2.0), n(b - a), n(HIT)
        );
        let label_x = if w.approximate {
            let (ra, rb) = (x(w.start).min(a + 4.0), x(w.end + 1).max(b - 4.0));
            let _ = write!(m.0, r#"<rect x="{}" y="{}" width="{}" height="18" rx="9" class="mark"></rect>"#, n(ra), n(cy - 9.0), n(rb - ra));
            (ra + rb) / 2.0
        } else {
            let _ = write!(m.0, r#"<circle cx="{}" cy="{}" r="10" class="mark"></circle>"#, n((a + b) / 2.0), n(cy));
            (a + b) / 2.0
        };
        let _ = write!(m.0, r#"<text x="{}" y="{}" class="mark-no">{}</text>"#, n(label_x), n(cy + 4.0), i + 1);
        html! {
            <g key={card.id} id={format!("tl-ev-{}", card.id)} role="button" aria-label={label}
                class={classes!("event", w.approximate.then_some("approximate"), (selected == Some(i)).then_some("selected"))}
                tabindex={if i == stop { Some("0") } else { (!page).then_some("-1") }} aria-pressed={(!page).then(|| (selected == Some(i)).to_string())} {onclick} {onkeydown}>
                { raw(m) }
            </g>
        }
    });
    html! {
        <svg viewBox={view_box(axis_y)} role="toolbar" aria-orientation="horizontal"
            aria-label="Events from 1900 to 2024; use the arrow keys to move, Enter to select">
            { backdrop(axis_y) }
            { for markers }
            { for caption(events, cursor.or(selected), &extents).map(raw) }
        </svg>
    }
}

/// Where the axis line runs: under the markers' lanes.
fn axis_y(lane_of: &[usize]) -> f64 {
    TOP + LANE * (lane_of.iter().max().map_or(1, |m| m + 1) as f64) + 6.0
}

/// The axis's viewBox, with room for the ticks and the caption under the line.
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
fn view_box(axis_y: f64) -> String {
    format!("0 0 {} {}", n(WIDTH), n(axis_y + 54.0))
}

/// The key to the markers.
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
pub const LEGEND: &str = r#"<p class="axis-legend"><span aria-hidden="true" class="key-dot"></span> exact year <span aria-hidden="true" class="key-range"></span> approximate date or range (dashed)<span class="axis-scroll-hint"> · scroll the time line sideways for every year</span></p>"#;

/// The axis on the static page, as the app first draws it (no event chosen) but for the markers' states it writes as it
/// starts, and its key: never seen, never reached, gone without JavaScript. The browser build that reads its texts from the page keeps it (the same nodes) and makes
/// it the app's (`super::use_from_page`), so that nothing is drawn again or moves when it starts.
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
pub fn axis_place(
    events: &[&'static Card],
    cursor: &UseStateHandle<Option<usize>>,
    dispatch: &Callback<Action>,
) -> Html {
    html! { <>
        <div class="timeline-axis" data-needs-js="" inert=true aria-hidden="true">{ axis_svg(events, None, cursor, dispatch, true) }</div>
        { raw(LEGEND.replacen("<p ", r#"<p data-needs-js="" "#, 1)) }
    </> }
}

/// The era bands, the axis line and the decade ticks, hidden from screen readers (display only: written as
/// markup, `crate::components::raw`).
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
fn backdrop(axis_y: f64) -> Html {
    let eras = content().eras;
    let mut m = Markup::default();
    m.tag(r#"<g aria-hidden="true">"#);
    for (i, era) in eras.iter().enumerate() {
        let (a, b) = (
            x(era.start),
            x(eras.get(i + 1).map_or(era.end + 1, |n| n.start)),
        );
        // The last era's name ends at its end; the others start at their start (SVG's own anchor: not written).
        let (tx, anchor) = if i + 1 == eras.len() {
            (b - 6.0, r#" text-anchor="end""#)
        } else {
            (a + 6.0, "")
        };
        let _ = write!(
            m.0,
            r#"<g class="era era-{}"><rect x="{}" y="0" width="{}" height="{}"></rect><text x="{}" y="{}"{anchor}>"#,
            i % 2,
            n(a),
            n(b - a),
            n(axis_y),
            n(tx),
            if i % 2 == 0 { 16 } else { 34 }
        );
        m.text(era.label).tag("</text></g>");
    }
    // The decade ticks: one path for their lines, then their years (centred on them: 25-timeline.css).
    let _ = write!(
        m.0,
        r#"</g><line x1="{}" x2="{}" y1="{y}" y2="{y}" aria-hidden="true" class="axis-line"></line><g aria-hidden="true" class="ticks"><path d=""#,
        n(MARGIN),
        n(WIDTH - MARGIN),
        y = n(axis_y)
    );
    let decades = (FIRST..=LAST).step_by(10);
    for year in decades.clone() {
        let _ = write!(m.0, "M{},{}v6", n(x(year)), n(axis_y));
    }
    m.tag(r#""></path>"#);
    for year in decades {
        let _ = write!(
            m.0,
            r#"<text x="{}" y="{}">{year}</text>"#,
            n(x(year)),
            n(axis_y + 22.0)
        );
    }
    m.tag("</g>");
    raw(m)
}

/// The name and date of the marker in focus (or selected: `current`) under the axis, for sighted readers (screen
/// readers get them from the marker's label), as markup (display only, `crate::components::raw`); `None`: no marker.
pub fn caption(
    events: &[&'static Card],
    current: Option<usize>,
    extents: &[(f64, f64)],
) -> Option<Markup> {
    let (card, &(a, b)) = current.and_then(|i| Some((events.get(i)?, extents.get(i)?)))?;
    let label = card.when.as_ref().map_or("", |w| w.label);
    let cx = (a + b) / 2.0;
    let (tx, anchor) = if cx < WIDTH * 0.3 {
        (a, "start")
    } else if cx > WIDTH * 0.7 {
        (b, "end")
    } else {
        (cx, "middle")
    };
    let mut m = Markup::default();
    let _ = write!(
        m.0,
        r#"<text x="{}" y="{}" text-anchor="{anchor}" aria-hidden="true" class="axis-caption"><tspan class="caption-title">"#,
        n(tx),
        n(axis_y(&lanes(extents)) + 46.0)
    );
    m.text(&card.title)
        .tag("</tspan>")
        .text(&format!(" · {label}"))
        .tag("</text>");
    Some(m)
}

/// Each event's marker's horizontal extent, in axis order (`caption`'s).
pub fn extents(events: &[&'static Card]) -> Vec<(f64, f64)> {
    events.iter().map(|c| extent(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_ends_are_inside_the_margins() {
        assert_eq!(x(FIRST), MARGIN);
        assert_eq!(x(LAST + 1), WIDTH - MARGIN);
    }

    #[test]
    fn overlapping_events_get_different_lanes() {
        assert_eq!(
            lanes(&[(0.0, 10.0), (5.0, 15.0), (20.0, 30.0), (11.0, 12.0)]),
            vec![0, 1, 0, 2]
        );
    }
}
