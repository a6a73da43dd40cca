//! The theme filter: All and the four themes, a toggle group with each group's card count.

use yew::prelude::*;

use crate::components::use_dispatch;
use crate::content::content;
use crate::model::Theme;
use crate::state::Action;

/// Props: the theme on screen (`None` = all cards).
#[derive(Properties, PartialEq)]
pub struct ThemeFilterProps {
    pub theme: Option<Theme>,
}

/// A row of pressed / not-pressed buttons that filter the cards by theme.
#[component]
pub fn ThemeFilter(props: &ThemeFilterProps) -> Html {
    let dispatch = use_dispatch();
    let c = content();
    let choices = std::iter::once((None, "All", c.cards.len()))
        .chain(Theme::ALL.iter().map(|&t| (Some(t), t.label(), c.cards_of(t).count())));
    let buttons = choices.map(|(theme, label, count)| {
        let onclick = dispatch.reform(move |_: MouseEvent| Action::SetTheme(theme));
        html! {
            <button type="button" class="theme-choice" key={label} aria-pressed={(props.theme == theme).to_string()} {onclick}>
                { label }<span class="count"><span class="visually-hidden">{ ", " }</span>{ count }<span class="visually-hidden">{ " cards" }</span></span>
            </button>
        }
    });
    html! {
        <div class="theme-filter" role="group" aria-label="Show cards by theme">{ for buttons }</div>
    }
}
