//! What the map marks besides countries: capitals (Astana specially), Xi'an at the frame's edge, the
//! scale bar, and the notes under the map that say the same in words with their sources.

use yew::prelude::*;

use crate::components::raw::esc;
use crate::content::content;
use crate::geo::{geo, Place};
use crate::model::{fixed, format_number, shortest, Card};

/// Where the scale bar starts (left end, bottom of the frame), in view-box units; kept clear of labels
/// by the generator's collision check.
const SCALE_AT: [f64; 2] = [24.0, 680.0];
/// Line height of the edge marker's three lines (12-unit type).
const LINE: f64 = 14.4;

/// The card that tells a place's story in the essay (Astana's 2013 speech, the 2023 Xi'an summit).
pub fn place_card(place: &Place) -> Option<&'static Card> {
    let id = match place.id {
        "astana" => "astana-speech-2013",
        "xian" => "xian-summit-2023",
        _ => return None,
    };
    content().card(id)
}

/// "ESE" from "east-southeast", "NW" from "northwest".
pub fn compass_abbrev(direction: &str) -> String {
    direction
        .replace("north", "N")
        .replace("south", "S")
        .replace("east", "E")
        .replace("west", "W")
        .replace('-', "")
}

/// "Xi'an 3,540 km ESE": the name, distance from Astana and direction, as geo.json gives them.
pub fn edge_line(place: &Place) -> String {
    let km = place
        .distance_km
        .map(|d| format_number(d, 0))
        .unwrap_or_default();
    let dir = place.direction.map(compass_abbrev).unwrap_or_default();
    format!("{km} km {dir}")
}

/// A box in view-box units: left, top, right, bottom.
type Box = [f64; 4];

fn overlaps(a: Box, b: Box) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// The republics' name-and-value labels as boxes, estimated from their text at the largest type the map
/// uses for them with its value (17-unit names, 14-unit values of about eight characters).
fn republic_label_boxes() -> Vec<Box> {
    geo()
        .countries
        .iter()
        .filter(|c| c.is_focus())
        .filter_map(|c| {
            let [x, y] = c.label?;
            let half = 0.31 * 17.0 * c.name.chars().count() as f64;
            Some([x - half.max(34.0), y - 9.0, x + half.max(34.0), y + 24.0])
        })
        .collect()
}

/// Where a capital's name goes beside its dot at (x, y): to the right, else below, else to the left,
/// whichever first keeps clear of every republic's label (so "Dushanbe" is not drawn under "Tajikistan").
/// Returns the text's x, y and anchor.
pub fn capital_name_at(x: f64, y: f64, name: &str) -> (f64, f64, &'static str) {
    let w = 0.6 * 12.0 * name.chars().count() as f64;
    let labels = republic_label_boxes();
    let candidates = [
        (
            [x + 6.0, y - 9.0, x + 6.0 + w, y + 3.0],
            (x + 6.0, y, "start"),
        ),
        (
            [x - w / 2.0, y + 5.0, x + w / 2.0, y + 17.0],
            (x, y + 15.0, "middle"),
        ),
        (
            [x - 6.0 - w, y - 9.0, x - 6.0, y + 3.0],
            (x - 6.0, y, "end"),
        ),
    ];
    candidates
        .iter()
        .find(|(b, _)| !labels.iter().any(|l| overlaps(*b, *l)))
        .map_or(candidates[0].1, |(_, at)| *at)
}

/// Capitals as dots (Astana as a star) with their names, and distant places as arrows at the edge: markup
/// written to `out` (display-only, the same for every view).
pub fn places(out: &mut String) {
    use std::fmt::Write;
    for p in geo().places.iter() {
        if let Some([x, y]) = p.xy {
            let name = esc(p.name);
            let astana = p.id == "astana";
            let (tx, ty, anchor) = capital_name_at(x, y, p.name);
            let (x, y) = (shortest(x), shortest(y));
            let _ = if astana {
                write!(
                    out,
                    r#"<g class="capital astana"><path transform="translate({x},{y})" d="M0,-7L2,-2.2L7,-2.2L3,1L4.6,6.5L0,3.2L-4.6,6.5L-3,1L-7,-2.2L-2,-2.2Z"></path>"#
                )
            } else {
                write!(
                    out,
                    r#"<g class="capital"><circle cx="{x}" cy="{y}" r="3.5"></circle>"#
                )
            };
            let _ = write!(
                out,
                r#"<text x="{}" y="{}"{}>{name}</text></g>"#,
                shortest(tx),
                shortest(ty),
                // Start is SVG's own anchor: written only where it differs.
                if anchor == "start" {
                    String::new()
                } else {
                    format!(r#" text-anchor="{anchor}""#)
                }
            );
            continue;
        }
        let Some([ex, ey]) = p.edge else { continue };
        let [_, _, w, h] = geo().view_box;
        let angle = (ey - h / 2.0).atan2(ex - w / 2.0).to_degrees();
        let right = ex > w / 2.0;
        let tx = shortest(if right { ex - 22.0 } else { ex + 22.0 });
        let year = place_card(p)
            .and_then(|c| c.when.as_ref())
            .map(|w| format!("{} summit", w.start));
        let _ = write!(
            out,
            r#"<g class="edge-marker"><path transform="translate({},{}) rotate({})" d="M-4,0L-20,-8L-17,0L-20,8Z"></path><text{}>"#,
            shortest(ex),
            shortest(ey),
            fixed(angle, 1),
            if right { r#" text-anchor="end""# } else { "" }
        );
        let lines = [Some(p.name.to_string()), Some(edge_line(p)), year]
            .into_iter()
            .flatten();
        for (i, line) in lines.enumerate() {
            let _ = write!(
                out,
                r#"<tspan x="{tx}" y="{}">{}</tspan>"#,
                fixed(ey + (i as f64 - 1.0) * LINE, 1),
                esc(&line)
            );
        }
        out.push_str("</text></g>");
    }
}

/// The scale bar: the generator's round distance at the frame centre, as markup written to `out`.
pub fn scale_bar(out: &mut String) {
    use std::fmt::Write;
    let bar = &geo().scale_bar;
    let [x, y] = SCALE_AT;
    let _ = write!(
        out,
        r#"<g class="scale-bar"><path d="M{},{}V{}H{}V{}"></path><text x="{}" y="{}">{} km</text></g>"#,
        shortest(x),
        shortest(y - 5.0),
        shortest(y),
        shortest(x + bar.px),
        shortest(y - 5.0),
        shortest(x),
        shortest(y - 9.0),
        format_number(bar.km, 0)
    );
}

/// Under the map: the marked places in words (with their cards and citations), the scale and the sources. The
/// browser build that reads its texts from the page keeps the page's (`use_kept_notes`).
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
#[component]
pub fn MapNotes() -> Html {
    use super::st;
    use crate::components::cite::Cites;
    use crate::components::rich::CardLink;
    let g = geo();
    let places = g
        .places
        .iter()
        .filter_map(|p| Some((p, place_card(p)?)))
        .map(|(p, card)| {
            let (mark, where_) = if p.inside {
                ("★", p.name.to_string())
            } else {
                (
                    "→",
                    format!(
                        "{}, {} from Astana, beyond the map's edge",
                        p.name,
                        edge_line(p)
                    ),
                )
            };
            html! {
                <li key={p.id}>
                    <span aria-hidden="true" class="mark">{ mark }</span>{ format!(" {where_}: ") }
                    <CardLink id={st(card.id)} shown={card.title} />
                    if let Some(when) = &card.when { { format!(" ({})", when.start) } }
                    <Cites paragraphs={card.paragraphs} />
                </li>
            }
        });
    html! {
        <div id="map-notes" class="map-notes">
            <ul class="map-places">{ for places }</ul>
            <p class="map-credits">
                { format!("Scale: the bar is {} km at the centre of the map (equal-area conic projection). ", format_number(g.scale_bar.km, 0)) }
                { format!("Boundaries: {} ({}). Capitals: {}.", g.meta.source, g.meta.license, g.source_places) }
            </p>
        </div>
    }
}

/// The page's notes under the map (`notes`: `#map-notes`, kept with the map's figure by `super::sync`) made the app's:
/// their card links lead to the cards in the app's view (`within`), their lines of citations are the app's toggles
/// (`crate::components::cite::use_kept_toggles`: what they open, drawn).
#[cfg(all(target_arch = "wasm32", prose_from_page))]
#[hook]
pub fn use_kept_notes(notes: Option<web_sys::Element>, within: crate::deep_link::Within) -> Html {
    use crate::browser::{all_in, find_in};
    use crate::components::{cite, rich};
    let dispatch = crate::components::use_dispatch();
    let kept = use_memo((), move |_| {
        let notes = notes?;
        let (mut links, mut holes) = (Vec::new(), Vec::new());
        for a in all_in(&notes, ".map-places a") {
            let href = a.get_attribute("href");
            let class = a.get_attribute("class");
            let Some(("card", id)) =
                crate::prose::inline_markup(class.as_deref(), href.as_deref(), None)
            else {
                continue;
            };
            links.push((a.clone(), rich::kept_card_link(&a, id, &within)));
            let line = a
                .parent_element()
                .and_then(|li| find_in(&li, ".cites-static"));
            if let (Some(line), Some(card)) = (line, content().card(id)) {
                cite::kept_cites(&line);
                holes.push((line, cite::Opens::Cites(card.paragraphs, &[])));
            }
        }
        let listener = rich::follow_kept_links(&notes, links, dispatch);
        Some((notes, std::rc::Rc::new(holes), listener))
    });
    let k = kept.as_ref().as_ref();
    cite::use_kept_toggles(
        k.map(|k| k.0.clone()),
        k.map_or_else(Default::default, |k| k.1.clone()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dushanbe_is_named_clear_of_tajikistan_and_tashkent_keeps_its_place() {
        let place = |id: &str| geo().places.iter().find(|p| p.id == id).unwrap();
        let at = |id: &str| {
            let p = place(id);
            let [x, y] = p.xy.unwrap();
            capital_name_at(x, y, p.name)
        };
        assert_ne!(
            at("dushanbe").2,
            "start",
            "not to the right, under Tajikistan's name"
        );
        assert_eq!(at("tashkent").2, "start");
    }
}
