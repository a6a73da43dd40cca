//! Server-side rendering of the cards and timeline parts: every card, the theme filter, an open card
//! with its quotation, the static page with everything open, one focusable marker per history card.
#![cfg(not(target_arch = "wasm32"))]

use charm_offensive::components::{
    cards::CardsPart, timeline::TimelinePart, PartProps, Prerendered, PrerenderedProps,
};
use charm_offensive::content::content;
use charm_offensive::model::{Part, Theme};
use charm_offensive::state::View;
use yew::prelude::*;

async fn cards(theme: Option<Theme>, card: Option<&str>, static_page: bool) -> String {
    let view = View {
        part: Part::Cards,
        theme,
        card: card.and_then(|id| content().card_id(id)),
        ..View::default()
    };
    // As the app renders it: the static page is signalled by context.
    let children = html! { <CardsPart {view} /> };
    yew::LocalServerRenderer::<Prerendered>::with_props(PrerenderedProps {
        on: static_page,
        children,
    })
    .render()
    .await
}

async fn timeline(card: Option<&str>) -> String {
    let view = View {
        part: Part::Timeline,
        card: card.and_then(|id| content().card_id(id)),
        ..View::default()
    };
    yew::LocalServerRenderer::<TimelinePart>::with_props(PartProps { view })
        .render()
        .await
}

/// Text as the server renderer escapes it.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn the_cards_part_renders_every_card_title() {
    let html = cards(None, None, false).await;
    let all = content().cards;
    assert_eq!(all.len(), 53);
    for c in all {
        assert!(
            html.contains(&format!("id=\"card-{}\"", c.id)),
            "card {} is missing",
            c.id
        );
        assert!(
            html.contains(&esc(&c.title)),
            "title of {} is missing",
            c.id
        );
    }
    assert_eq!(count(&html, "class=\"card-toggle\""), 53);
    assert_eq!(
        count(&html, "aria-expanded=\"true\""),
        0,
        "no card starts open"
    );
}

#[tokio::test]
async fn a_theme_filter_shows_only_that_theme() {
    let html = cards(Some(Theme::History), None, false).await;
    for c in content().cards {
        let shown = html.contains(&format!("id=\"card-{}\"", c.id));
        assert_eq!(shown, c.theme == Theme::History, "card {}", c.id);
    }
    assert!(html.contains("Showing 17 of 53 cards."));
    assert!(html.contains("aria-pressed=\"true\""));
}

#[tokio::test]
async fn an_open_card_shows_its_detail_and_marked_quotation() {
    let html = cards(None, Some("soft-power"), false).await;
    let card = content().card("soft-power").unwrap();
    let quote = card.quote.as_ref().expect("soft power has a quotation");
    assert!(html.contains("id=\"card-soft-power-detail\""));
    assert_eq!(
        count(&html, "class=\"card-detail\""),
        1,
        "only the open card shows its detail"
    );
    assert!(html.contains("<blockquote>"));
    assert!(html.contains(&esc(&quote.text)));
    assert!(html.contains(&format!(
        "<cite data-p=\"{}\">{}</cite>",
        quote.source.0,
        esc(&quote.source)
    )));
    assert!(html.contains("Quotation"));
    assert!(html.contains("Related cards"));
    let detail = html.split("id=\"card-soft-power-detail\"").nth(1).unwrap();
    assert!(
        detail.contains("class=\"cites-toggle\""),
        "the open card offers its citations"
    );
}

#[tokio::test]
async fn the_static_page_opens_every_card_and_shows_the_exercises_answers() {
    let html = cards(Some(Theme::Concepts), None, true).await;
    assert_eq!(
        count(&html, "class=\"card-detail\""),
        53,
        "every card expanded, filter ignored"
    );
    assert_eq!(
        count(&html, "card-toggle"),
        0,
        "no toggles without JavaScript"
    );
    assert_eq!(
        count(&html, "type=\"radio\""),
        0,
        "no exercise widgets without JavaScript"
    );
    // The filter only as its place, never seen and gone without JavaScript (the app puts its buttons there).
    assert_eq!(count(&html, "theme-filter"), 1);
    assert_eq!(count(&html, " inert="), 1);
    assert!(html.contains(r#"data-adopt="cards-filter""#) && html.contains("data-needs-js"));
    let i = &content().interactives;
    assert!(html.contains(&esc(&i.sorter.items[0].explanation)));
    assert!(html.contains(&esc(&i.spectrum.items[0].explanation)));
    assert_eq!(
        count(&html, "cites-static"),
        53 + i.sorter.items.len() + i.spectrum.items.len(),
        "citations shown as text"
    );
}

#[tokio::test]
async fn the_exercises_are_folded_and_drawn_once_started() {
    // The radios (one per item and slot: tests/e2e/takeover-parts.spec.mjs) are drawn when the reader first opens
    // the fold: the app's first render has only its label.
    let html = cards(None, None, false).await;
    let i = &content().interactives;
    assert_eq!(count(&html, "type=\"radio\""), 0);
    assert_eq!(count(&html, "exercise-fold"), 2);
    assert!(html.contains(&format!(
        "Place the {} relationships",
        i.spectrum.items.len()
    )));
}

#[tokio::test]
async fn the_timeline_has_one_focusable_marker_per_history_card() {
    let html = timeline(None).await;
    let history = content().cards_of(Theme::History).count();
    assert_eq!(count(&html, "role=\"button\""), history);
    assert_eq!(
        count(&html, "tabindex=\"0\""),
        1,
        "one tab stop (roving tabindex)"
    );
    // The part's heading is the one other tabindex="-1" element.
    assert_eq!(count(&html, "tabindex=\"-1\""), history);
    for era in content().eras {
        assert!(html.contains(&esc(era.label)), "era {}", era.id);
    }
}

#[tokio::test]
async fn a_selected_event_shows_its_date_exactly_as_in_the_content() {
    let html = timeline(Some("xian-summit-2023")).await;
    let card = content().card("xian-summit-2023").unwrap();
    assert!(html.contains(&esc(card.when.as_ref().unwrap().label)));
    assert!(html.contains("Open the full card"));
    assert_eq!(count(&html, "aria-pressed=\"true\""), 1);
    let marker = html
        .split("id=\"tl-ev-xian-summit-2023\"")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .expect("the marker");
    assert!(
        marker.contains("aria-pressed=\"true\"") && marker.contains("tabindex=\"0\""),
        "{marker}"
    );
}

#[tokio::test]
async fn the_static_timeline_holds_the_axis_and_the_place_of_the_selected_event_as_the_app_draws_them(
) {
    let view = View {
        part: Part::Timeline,
        ..View::default()
    };
    let children = html! { <TimelinePart {view} /> };
    let html = yew::LocalServerRenderer::<Prerendered>::with_props(PrerenderedProps {
        on: true,
        children,
    })
    .render()
    .await;
    let app = timeline(None).await;
    // The axis as the app draws it with no event chosen (its markers included), in its box, the key and the selected
    // event's place: never seen, gone without JavaScript (the browser build keeps the same nodes and makes them its own,
    // so that nothing is drawn again or moves).
    let svg = |h: &str| {
        let at = h.find("<svg viewBox=\"").expect("an svg");
        h[at..at + h[at..].find("</svg>").unwrap() + 6].to_string()
    };
    // But for the markers' states the app writes as it starts (none pressed, all but the first out of the tab order).
    let states = |h: String| {
        h.replace(r#" tabindex="-1""#, "")
            .replace(r#" aria-pressed="false""#, "")
    };
    assert_eq!(svg(&html), states(svg(&app)));
    assert!(count(&html, "role=\"button\"") > 10, "the markers");
    assert_eq!(count(&html, "data-needs-js"), 3);
    assert!(html.contains(
        r#"<div data-needs-js="" aria-hidden="true" inert="inert" class="timeline-axis"><svg"#
    ));
    assert!(html.contains(r#"<p data-needs-js="" class="axis-legend">"#));
    assert_eq!(count(&html, "id=\"timeline-detail\""), 1);
}
