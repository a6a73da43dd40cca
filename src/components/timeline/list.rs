//! The events as a text list grouped by era (for screen readers, small screens and the static page).

use yew::prelude::*;

use crate::components::cite::Cites;
use crate::components::rich::RichText;
use crate::components::use_dispatch;
use crate::content::content;
use crate::model::Card;
use crate::state::Action;

/// Props: the events in order, the selected one, and whether this is the static page (all shown open).
#[derive(Properties, PartialEq)]
pub struct EventListProps {
    pub events: Vec<&'static Card>,
    pub selected: Option<usize>,
    #[prop_or_default]
    pub fixed: bool,
}

/// Each era with its dates and description, then its events: date label and a link that selects it.
#[component]
pub fn EventList(props: &EventListProps) -> Html {
    let dispatch = use_dispatch();
    let selected_id = props.selected.map(|i| props.events[i].id);
    let eras = content().eras.iter().map(|era| {
        let items = props.events.iter().filter(|c| c.when.as_ref().is_some_and(|w| w.era == era.id)).map(|card| {
            let w = card.when.as_ref().expect("timeline events have dates");
            let id = card.id;
            let onclick = dispatch.reform(move |e: MouseEvent| {
                e.prevent_default();
                Action::OpenCard(Some(id.to_string()))
            });
            let current = selected_id == Some(id);
            html! {
                <li key={id} class={classes!(current.then_some("selected"))}>
                    <span class="event-when">{ w.label }</span>{ " " }
                    <a href={format!("?part=timeline&card={id}")} aria-current={current.then_some("true")} {onclick}>{ card.title }</a>
                    if props.fixed {
                        <p><RichText text={card.summary} /></p>
                        <Cites paragraphs={card.paragraphs} refs={card.refs} open={true} />
                    }
                </li>
            }
        });
        let heading = format!("tl-era-{}", era.id);
        html! {
            <section key={era.id} class="era-group" aria-labelledby={heading.clone()}>
                <h4 id={heading}>{ era.label }<span class="era-years">{ format!(" ({}–{})", era.start, era.end) }</span></h4>
                if !era.description.is_empty() { <p class="era-description">{ era.description }</p> }
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
