//! The theme filter: All and the four themes, a toggle group with each group's card count.

use yew::prelude::*;

use crate::content::content;
use crate::model::Theme;
use crate::state::Action;

/// A row of pressed / not-pressed buttons that filter the cards by theme (`None` = all cards). On the static page,
/// its place (never seen, gone without JavaScript), which the app keeps and puts its buttons in (`super::CardsPart`).
pub fn theme_filter(
    current: Option<Theme>,
    dispatch: &Callback<Action>,
    static_page: bool,
) -> Html {
    let buttons = theme_buttons(current, dispatch);
    // (Only the native build draws the static page: the browser build carries no code for its marks.)
    #[cfg(not(target_arch = "wasm32"))]
    if static_page {
        return html! {
            <div class="theme-filter" role="group" aria-label="Show cards by theme" data-adopt="cards-filter" data-needs-js="" inert=true aria-hidden="true">{ buttons }</div>
        };
    }
    let _ = static_page;
    html! { <div class="theme-filter" role="group" aria-label="Show cards by theme">{ buttons }</div> }
}

/// The filter's buttons.
pub fn theme_buttons(current: Option<Theme>, dispatch: &Callback<Action>) -> Html {
    let c = content();
    let choices = std::iter::once((None, "All", c.cards.len())).chain(
        Theme::ALL
            .iter()
            .map(|&t| (Some(t), t.label(), c.cards_of(t).count())),
    );
    let buttons = choices.map(|(theme, label, count)| {
        let onclick = dispatch.reform(move |_: MouseEvent| Action::SetTheme(theme));
        html! {
            <button type="button" class="theme-choice" key={label} aria-pressed={(current == theme).to_string()} {onclick}>
                { label }<span class="count"><span class="visually-hidden">{ ", " }</span>{ count }<span class="visually-hidden">{ " cards" }</span></span>
            </button>
        }
    });
    buttons.collect()
}
