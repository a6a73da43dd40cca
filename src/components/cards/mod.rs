//! The cards part (being built: see issue 3).

use yew::prelude::*;

use super::{PartHeading, PartProps};
use crate::content::content;
use crate::model::Part;

/// The cards part.
#[component]
pub fn CardsPart(_props: &PartProps) -> Html {
    let cards = content().cards.iter().map(|c| html! { <li key={c.id.clone()}>{ c.title.clone() }</li> });
    html! {
        <section class="part cards" aria-labelledby={Part::Cards.heading_id()}>
            <PartHeading part={Part::Cards} />
            <ul>{ for cards }</ul>
        </section>
    }
}
