//! The cards part: a theme filter, the grid of cards (one open at a time, kept in the URL) and the two
//! exercises. On the static page every card is open and the exercises show their answers.

mod card;
mod exercise;
mod filter;

pub use card::card_view;
pub use exercise::{Exercise, ExerciseKind};
pub use filter::theme_filter;

use yew::prelude::*;

use super::raw::{fixed, raw, Markup};
use super::{PartHeading, PartProps};
use crate::content::content;
use crate::model::{Card, CardId, Part, Theme};
use crate::state::Control;

/// The cards part. With no theme chosen: the argument first (its cards in order), the two exercises,
/// then every other card folded under a disclosure that opens itself when a card inside is asked for.
/// With a theme chosen: that theme's cards.
#[component]
pub fn CardsPart(props: &PartProps) -> Html {
    let static_page = crate::components::use_static_page();
    let view = &props.view;
    let theme = if static_page { None } else { view.theme };
    let open = view.card.map(|c| c.as_str());
    let dispatch = super::use_dispatch();
    // The filter's place and the count line of the page the app started on (the same nodes, the app's content in them).
    #[cfg(target_arch = "wasm32")]
    let places = (
        crate::adopt::use_emptied("cards-filter"),
        crate::adopt::use_emptied("cards-count"),
    );
    // Whether the reader opened "Browse all other cards" (it then stays open).
    let opened = use_state_eq(|| false);
    use_reveal_card(if static_page { None } else { view.card });
    let within = crate::deep_link::Within::of(view);
    let all = content().cards;
    // The closed cards of the page the app started on: the same nodes while they stay closed (`kept_card`).
    #[cfg(target_arch = "wasm32")]
    let kept = use_memo((), move |_| {
        let (cards, lines) = kept_cards();
        (
            std::cell::RefCell::new((theme, cards)),
            std::rc::Rc::new(lines),
        )
    });
    // The kept cards' citations: the page's lines, with the app's toggles (`crate::components::cite::kept_cites`).
    #[cfg(target_arch = "wasm32")]
    let cites = super::cite::use_kept_toggles(
        crate::browser::document().and_then(|d| d.query_selector("main").ok().flatten()),
        kept.1.clone(),
    );
    #[cfg(not(target_arch = "wasm32"))]
    let cites = Html::default();
    let show = |card: &'static Card| {
        #[cfg(target_arch = "wasm32")]
        if let Some(card) = kept_card(&kept.0, card, (theme, open), &within, &dispatch) {
            return card;
        }
        card_view(card, open == Some(card.id), static_page, &within, &dispatch)
    };
    let (body, count) = match theme {
        Some(t) => {
            let cards: Vec<_> = content().cards_of(t).collect();
            let count = cards.len();
            (
                html! { <ul class="card-grid">{ for cards.into_iter().map(show) }</ul> },
                count,
            )
        }
        None => {
            let path: Vec<_> = content().cards_of(Theme::Argument).collect();
            let rest: Vec<_> = all.iter().filter(|c| c.theme != Theme::Argument).collect();
            let wanted = open.is_some_and(|id| rest.iter().any(|c| c.id == id));
            let body = html! {
                <>
                    <section class="argument-path" aria-labelledby="argument-path">
                        { raw(Markup(format!(r#"<h3 id="argument-path">The argument in {} cards</h3><p class="path-intro">Read these in order: they follow the essay from its question to its conclusion. The concepts, events and actors they rely on are further down.</p>"#, path.len()))) }
                        <ol class="card-grid path-grid">{ for path.into_iter().map(show) }</ol>
                    </section>
                    { try_it() }
                    { more_cards(wanted, rest.len(), &opened, html! {
                        <ul class="card-grid">{ for rest.into_iter().map(show) }</ul>
                    }) }
                </>
            };
            (body, all.len())
        }
    };
    let status = if theme.is_some() {
        format!("Showing {count} of {} cards.", all.len())
    } else {
        format!("Showing all {count} cards: the argument first, the others under “Browse all other cards”.")
    };
    #[cfg(target_arch = "wasm32")]
    let (filter, count) = (
        places.0.map(|el| html! { <>{ Html::VRef(el.clone().into()) }{ create_portal(filter::theme_buttons(theme, &dispatch), el) }</> }),
        places.1.map(|el| html! { <>{ Html::VRef(el.clone().into()) }{ create_portal(html! { { status.clone() } }, el) }</> }),
    );
    #[cfg(not(target_arch = "wasm32"))]
    let (filter, count) = (None, None);
    let count = count.unwrap_or_else(|| {
        #[cfg(not(target_arch = "wasm32"))]
        if static_page {
            return html! { <p class="cards-count" role="status" data-adopt="cards-count">{ status }</p> };
        }
        html! { <p class="cards-count" role="status">{ status }</p> }
    });
    html! {
        <section class="part cards" aria-labelledby={Part::Cards.heading_id()}>
            <PartHeading part={Part::Cards} />
            if view.shows(Control::Themes) {
                { filter.unwrap_or_else(|| theme_filter(theme, &dispatch, static_page)) }
            }
            { count }
            { body }
            if theme.is_some() {
                { try_it() }
            }
            { cites }
        </section>
    }
}

/// The page's cards kept by the app, by id, with the summary the app draws into (one with links or figures) and
/// the line of citations (`p.cites`, kept, hidden while the card is open).
#[cfg(target_arch = "wasm32")]
type KeptCards = Vec<(
    &'static str,
    web_sys::Element,
    Option<web_sys::Element>,
    Option<web_sys::Element>,
)>;

/// The kept cards' lines of citations, for `crate::components::cite::use_kept_toggles`.
#[cfg(target_arch = "wasm32")]
type KeptLines = Vec<(web_sys::Element, super::cite::Opens)>;

/// The page's cards (without JavaScript: open, under a "More about" disclosure) that can be kept as the app's closed
/// cards: their detail taken out but for its line of citations, which moves after the summary; the title left for the
/// app's toggle; a summary that holds links or figures emptied for the app's (the third element). Not those whose
/// summary lost its `data-p` mark.
#[cfg(target_arch = "wasm32")]
fn kept_cards() -> (KeptCards, KeptLines) {
    let mut lines = Vec::new();
    let mut kept = |card: &'static Card| {
        let li = crate::adopt::take(&format!("card-{}", card.id))?;
        let summary = li.query_selector(".card-summary").ok()??;
        // A summary the app could not read from the page (a copy that lost its mark) is drawn anew, saying so,
        // as it would be after a change of theme.
        if !summary.has_attribute("data-p") {
            return None;
        }
        let more = li.query_selector(".card-more").ok()??;
        let line = more.query_selector(".cites-static").ok().flatten();
        more.remove();
        if let Some(line) = &line {
            let _ = li.append_child(line);
            super::cite::kept_cites(line);
            lines.push((
                line.clone(),
                super::cite::Opens::Cites(card.paragraphs, card.refs),
            ));
        }
        let _ = summary.remove_attribute("data-p");
        li.first_element_child()?.set_text_content(None);
        let rich = summary.first_element_child().is_some().then(|| {
            summary.set_text_content(None);
            summary
        });
        Some((card.id, li, rich, line))
    };
    let cards = content().cards.iter().filter_map(&mut kept).collect();
    (cards, lines)
}

/// A card kept from the page (the same nodes), with the app's toggle in its title and, after its summary, its
/// citations or, opened, its detail (portals); `None` where the page had none or the theme is not the one the app
/// started with (drawn anew).
#[cfg(target_arch = "wasm32")]
fn kept_card(
    kept: &std::cell::RefCell<(Option<Theme>, KeptCards)>,
    card: &'static Card,
    (theme, open): (Option<Theme>, Option<&str>),
    within: &crate::deep_link::Within,
    dispatch: &Callback<crate::state::Action>,
) -> Option<Html> {
    let mut kept = kept.borrow_mut();
    let (start, cards) = &mut *kept;
    if *start != theme {
        cards.clear();
    }
    let (_, li, rich, line) = cards.iter().find(|(id, ..)| *id == card.id)?.clone();
    let title = li.first_element_child()?;
    let is_open = open == Some(card.id);
    let _ = li.set_attribute(
        "class",
        &format!(
            "card theme-{}{}",
            card.theme.key(),
            if is_open { " open" } else { "" }
        ),
    );
    // Open, the detail (its own citations) instead of the line; a card whose page had no line draws its own.
    let (paragraphs, refs) = (card.paragraphs, card.refs);
    let body = if is_open {
        card::detail(
            card,
            &format!("card-{}-detail", card.id),
            false,
            within,
            dispatch,
        )
    } else if line.is_none() {
        html! { <super::cite::Cites key="closed" {paragraphs} {refs} /> }
    } else {
        Html::default()
    };
    if let Some(line) = &line {
        let _ = line.toggle_attribute_with_force("hidden", is_open);
    }
    Some(html! {
        <key={card.id}>
            { Html::VRef(li.clone().into()) }
            { create_portal(card::toggle(card, is_open, dispatch), title) }
            { for rich.map(|summary| create_portal(super::rich::rich_text(&card.summary), summary)) }
            { create_portal(body, li) }
        </>
    })
}

/// The two exercises.
fn try_it() -> Html {
    html! {
        <section class="try-it" aria-labelledby="try-it">
            { fixed(r#"<h3 id="try-it">Try it</h3>"#) }
            <Exercise kind={ExerciseKind::Spectrum} />
            <Exercise kind={ExerciseKind::Sorter} />
        </section>
    }
}

/// The rest of the cards (`grid`, `count` of them) under a `<details>` disclosure: it works with the keyboard,
/// with screen readers and without JavaScript. Opened by the reader (`opened`) it stays open; a card asked for
/// inside (`wanted`: a link, the URL) opens it. A plain function (a component's own code is about 1 KB of wasm).
fn more_cards(wanted: bool, count: usize, opened: &UseStateHandle<bool>, grid: Html) -> Html {
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            opened.set(
                e.target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            );
        })
    };
    html! {
        <details class="more-cards disclosure" id="more-cards" open={**opened || wanted} {ontoggle}>
            <summary>
                { raw(Markup(format!(r#"<span class="disclosure-label">Browse all other cards</span><span class="disclosure-count">{count} concepts, events and actors</span>"#))) }
            </summary>
            { grid }
        </details>
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
