//! The cards part: a theme filter, the grid of cards (one open at a time, kept in the URL) and the two
//! exercises. On the static page every card is open and the exercises show their answers.

mod card;
mod exercise;
mod filter;

pub use card::card_view;
pub use exercise::{Exercise, ExerciseKind};
pub use filter::theme_filter;

use yew::prelude::*;

use super::{PartHeading, PartProps};
use crate::content::content;
use crate::model::{CardId, Part};
use crate::state::Control;

/// The cards part.
#[component]
pub fn CardsPart(props: &PartProps) -> Html {
    let fixed = crate::components::prerendering(props.static_page);
    let view = &props.view;
    let theme = if fixed { None } else { view.theme };
    let open = view.card.map(|c| c.as_str());
    let dispatch = super::use_dispatch();
    use_reveal_card(if fixed { None } else { view.card });
    let cards: Vec<_> = content()
        .cards
        .iter()
        .filter(|c| theme.is_none_or(|t| c.theme == t))
        .collect();
    let count = cards.len();
    let within = crate::deep_link::Within::of(view);
    let grid = cards
        .into_iter()
        .map(|card| card_view(card, open == Some(card.id), fixed, &within, &dispatch));
    html! {
        <section class="part cards" aria-labelledby={Part::Cards.heading_id()}>
            <PartHeading part={Part::Cards} />
            if !fixed && view.shows(Control::Themes) {
                { theme_filter(theme, &dispatch) }
            }
            <p class="cards-count" role="status">{ format!("Showing {count} of {} cards.", content().cards.len()) }</p>
            <ul class="card-grid">{ for grid }</ul>
            <section class="try-it" aria-labelledby="try-it">
                <h3 id="try-it">{ "Try it" }</h3>
                <Exercise kind={ExerciseKind::Spectrum} {fixed} />
                <Exercise kind={ExerciseKind::Sorter} {fixed} />
            </section>
        </section>
    }
}

/// When the open card changes (a click, a link, the URL), brings it into view and, unless focus is
/// already inside it, moves focus to its toggle. Runs after the app's own scroll-to-top on navigation.
#[hook]
fn use_reveal_card(card: Option<CardId>) {
    let first = use_mut_ref(|| true);
    use_effect_with(card, move |card| {
        let first = std::mem::replace(&mut *first.borrow_mut(), false);
        if let Some(id) = card {
            crate::browser::reveal(format!("card-{id}"), first, true);
        }
    });
}
