//! The events as a text list grouped by era (for screen readers, small screens and the static page). The browser
//! build that reads its texts from the page keeps the page's list (`super::use_from_page`).

use yew::prelude::*;

use crate::components::raw::{raw, Markup};
use crate::content::content;
use crate::deep_link::Within;
use crate::model::Card;
use crate::state::Action;

/// Each era with its dates and description, then its events: date label and a link that selects it;
/// the link keeps the view's embed settings; on the static page it leads to the event's card, shown open in the cards part.
pub fn event_list(
    events: &[&'static Card],
    selected: Option<usize>,
    static_page: bool,
    within: &Within,
    dispatch: &Callback<Action>,
) -> Html {
    let static_page = crate::components::drawn_static(static_page);
    let selected_id = selected.map(|i| events[i].id);
    let eras = content().eras.iter().map(|era| {
        let items = events
            .iter()
            .filter(|c| c.when.as_ref().is_some_and(|w| w.era == era.id))
            .map(|card| {
                let w = card.when.as_ref().expect("timeline events have dates");
                let id = card.id;
                let current = selected_id == Some(id);
                // The number its marker on the time axis shows.
                let no = events.iter().position(|c| c.id == id).map_or(0, |i| i + 1);
                html! {
                    <li key={id} class={classes!(current.then_some("selected"))}>
                        { number_and_date(no, w.label) }
                        { event_link(card, current, static_page, within, dispatch) }
                    </li>
                }
            });
        let heading = format!("tl-era-{}", era.id);
        html! {
            <section key={era.id} class="era-group" aria-labelledby={heading.clone()}>
                { era_head(era, &heading) }
                <ol class="event-list">{ for items }</ol>
            </section>
        }
    });
    html! {
        <div class="timeline-list">
            <h3>{ "All events, by era" }</h3>
            { for eras }
        </div>
    }
}

/// The link that selects an event (`current`: the selected one); on the static page it leads to the event's card,
/// shown open in the cards part. (The browser build keeps the page's links: `super::use_from_page`.)
pub fn event_link(
    card: &'static Card,
    current: bool,
    static_page: bool,
    within: &Within,
    dispatch: &Callback<Action>,
) -> Html {
    let card_id = card.card_id();
    let onclick = dispatch.reform(move |e: MouseEvent| {
        e.prevent_default();
        Action::OpenCard(Some(card_id))
    });
    // On the static page every card is open in the cards part above: link to it there.
    let href = if crate::components::drawn_static(static_page) {
        format!("#card-{}", card.id)
    } else {
        within.event(card_id)
    };
    html! { <a {href} aria-current={current.then_some("true")} {onclick}>{ card.title }</a> }
}

/// An event's number (as its marker shows it) and date, then a space (display only: written as markup,
/// `crate::components::raw`).
fn number_and_date(no: usize, date: &str) -> Html {
    let mut m = Markup(format!(
        r#"<span aria-hidden="true" class="event-no">{no}</span><span class="event-when">"#
    ));
    m.text(date).tag("</span> ");
    raw(m)
}

/// An era's heading with its years, and its description (display only: written as markup).
fn era_head(era: &crate::model::Era, heading: &str) -> Html {
    let mut m = Markup::default();
    m.tag("<h4")
        .attr("id", Some(heading))
        .tag(">")
        .text(era.label)
        .tag(r#"<span class="era-years">"#)
        .text(&format!(" ({}–{})", era.start, era.end))
        .tag("</span></h4>");
    if !era.description.is_empty() {
        m.tag("<p")
            .attr("data-p", era.description.key().as_deref())
            .tag(r#" class="era-description">"#)
            .text(&era.description)
            .tag("</p>");
    }
    raw(m)
}
