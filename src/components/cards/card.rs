//! One card: title, theme badge, summary and citations; opened, its detail, quotation and related cards.

use yew::prelude::*;

use crate::components::cite::Cites;
use crate::components::raw::{raw, Markup};
use crate::components::rich::{rich_text, CardLink};
use crate::content::content;
use crate::deep_link::Within;
use crate::model::{Card, Part};
use crate::state::Action;

/// A card in the grid; its title is the button that opens and closes it. On the static page it
/// is shown open with no toggle.
pub fn card_view(
    card: &'static Card,
    is_open: bool,
    static_page: bool,
    within: &Within,
    dispatch: &Callback<Action>,
) -> Html {
    let static_page = crate::components::drawn_static(static_page);
    let id = card.id;
    let open = is_open || static_page;
    let detail_id = format!("card-{id}-detail");
    let title = if static_page {
        html! { { &card.title } }
    } else {
        toggle(card, is_open, dispatch)
    };
    let (paragraphs, refs) = (card.paragraphs, card.refs);
    html! {
        <li key={id} id={format!("card-{id}")} class={classes!("card", format!("theme-{}", card.theme.key()), is_open.then_some("open"))}>
            // On the static page the heading holds the title alone: the browser build reads it from there.
            <h3 class="card-title" data-p={card.title.key().filter(|_| static_page)}>{ title }</h3>
            { meta(card) }
            <p class="card-summary" data-p={card.summary.key()}>{ rich_text(&card.summary) }</p>
            if static_page {
                // Without JavaScript: the detail under a native disclosure, so the page stays short.
                <details class="card-more disclosure">
                    <summary>{ format!("More about “{}”", card.title) }</summary>
                    { detail(card, &detail_id, static_page, within, dispatch) }
                </details>
            } else if open {
                { detail(card, &detail_id, static_page, within, dispatch) }
            } else {
                <Cites key="closed" {paragraphs} {refs} />
            }
        </li>
    }
}

/// A card's title as the button that opens (`open`: closes) it.
pub fn toggle(card: &'static Card, open: bool, dispatch: &Callback<Action>) -> Html {
    let next = (!open).then(|| card.card_id());
    let onclick = dispatch.reform(move |_: MouseEvent| Action::OpenCard(next));
    html! {
        <button type="button" class="card-toggle" aria-expanded={open.to_string()} aria-controls={format!("card-{}-detail", card.id)} {onclick}>
            { card.title.text() }
        </button>
    }
}

/// An open card's detail: its paragraphs, quotation, related cards and citations.
pub(super) fn detail(
    card: &'static Card,
    detail_id: &str,
    static_page: bool,
    within: &Within,
    dispatch: &Callback<Action>,
) -> Html {
    let (paragraphs, refs) = (card.paragraphs, card.refs);
    html! {
        <div class="card-detail" id={detail_id.to_string()} role="region" aria-label={format!("{}: detail", card.title)}>
            { for card.detail.iter().map(|d| html! { <p data-p={d.key()}>{ rich_text(d) }</p> }) }
            if let Some(q) = &card.quote {
                { quotation(q.text, q.source) }
            }
            { related(card, static_page, within, dispatch) }
            <Cites key="open" {paragraphs} {refs} />
        </div>
    }
}

/// A card's theme and date (display only: written as markup, `crate::components::raw`).
fn meta(card: &Card) -> Html {
    let mut m = Markup::default();
    m.tag(r#"<p class="card-meta"><span class="badge">"#)
        .text(card.theme.label())
        .tag("</span>");
    if let Some(when) = &card.when {
        m.tag(r#"<span class="card-when">"#)
            .text(when.label)
            .tag("</span>");
    }
    m.tag("</p>");
    raw(m)
}

/// A card's quotation and its source (display only: written as markup, `crate::components::raw`).
fn quotation(text: crate::prose::Prose, source: crate::prose::Prose) -> Html {
    let mut m = Markup::default();
    m.tag(r#"<figure class="quotation"><p class="quotation-label">Quotation</p><blockquote><p"#)
        .prose(&text)
        .tag("</p></blockquote><figcaption>— <cite")
        .prose(&source)
        .tag("</cite></figcaption></figure>");
    raw(m)
}

/// Links to related cards, and for a history card a link to its place on the timeline.
fn related(
    card: &'static Card,
    static_page: bool,
    within: &Within,
    dispatch: &Callback<Action>,
) -> Html {
    let c = content();
    let links = card.related.iter().filter_map(|r| c.card(r)).map(|r| {
        html! { <li key={r.id}><CardLink id={r.id} shown={r.title} /></li> }
    });
    let on_timeline = (card.when.is_some() && !static_page).then(|| {
        let dispatch = dispatch.clone();
        let href = within.event(card.card_id());
        let onclick = Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() {
                return;
            }
            e.prevent_default();
            dispatch.emit(Action::Navigate(Part::Timeline));
        });
        html! { <p class="card-timeline-link"><a {href} {onclick}>{ "See it on the timeline" }</a></p> }
    });
    html! {
        <>
            if !card.related.is_empty() {
                <div class="related">
                    { crate::components::raw::fixed(r#"<p class="related-label">Related cards</p>"#) }
                    <ul>{ for links }</ul>
                </div>
            }
            { for on_timeline }
        </>
    }
}
