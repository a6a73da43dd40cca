//! Content prose rendered with its inline markup: glossary terms defined on demand, links to cards, and
//! figures whose source opens in place.

use yew::prelude::*;

use super::{use_dispatch, use_within};
use crate::content::content;
use crate::state::Action;
use crate::text::{spans, Span};

/// Inline prose (with `[shown](term:id)`, `[shown](card:id)` and `[shown](fig:id)` markup); use inside a
/// `<p>` or similar. A plain function: it holds no state (its terms, links and figures are components).
pub fn rich_text(text: &str) -> Html {
    let parts = spans(text).into_iter().map(|span| match span {
        Span::Text(t) => html! { { t.to_string() } },
        Span::Term { shown, id } => {
            html! { <Term id={id.to_string()} shown={shown.to_string()} /> }
        }
        Span::Card { shown, id } => {
            html! { <CardLink id={id.to_string()} shown={shown.to_string()} /> }
        }
        Span::Figure { shown, id } => {
            html! { <super::figure::InlineFigure id={id.to_string()} shown={shown.to_string()} /> }
        }
    });
    html! { <>{ for parts }</> }
}

/// Props of a term or card link.
#[derive(Properties, PartialEq)]
pub struct InlineProps {
    pub id: AttrValue,
    pub shown: AttrValue,
}

thread_local! {
    static TERM_INSTANCES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn next_term_instance() -> usize {
    TERM_INSTANCES.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}

/// A glossary term: a button that shows its definition in place (keyboard and touch, not hover-only).
#[component]
pub fn Term(props: &InlineProps) -> Html {
    let open = use_state(|| false);
    // One id per instance: the same term can be open in two cards at once.
    let instance = use_state(next_term_instance);
    // Its definition may be on its way (the served site's other parts: crate::prose).
    crate::prose::use_texts_while(*open);
    if super::use_static_page() {
        // No JavaScript: link to the glossary listed in the Sources part.
        return html! { <a class="term-link" href={format!("#term-{}", props.id)}>{ props.shown.clone() }</a> };
    }
    let Some(term) = content().term(&props.id) else {
        // An unknown term id is a content error (tests catch it); show the words, never crash.
        return html! { { props.shown.clone() } };
    };
    let (toggle, onkeydown) = super::cite::toggle_callbacks(&open);
    let def_id = format!("def-{}-{}", props.id, *instance);
    html! {
        <span class="term">
            <button type="button" class="term-button" aria-expanded={open.to_string()}
                aria-controls={def_id.clone()} onclick={toggle} {onkeydown}>
                { props.shown.clone() }
            </button>
            if *open {
                { definition(&def_id, term.term, &term.definition) }
            }
        </span>
    }
}

/// A glossary term's link on the page (`a.term-link`) made the app's `Term`: a button (`span.term > button`,
/// kept text) whose definition `crate::components::cite::use_kept_toggles` draws in place. `None`: no such term.
#[cfg(all(target_arch = "wasm32", prose_from_page))]
pub fn kept_term(
    link: &web_sys::Element,
    id: &str,
) -> Option<(web_sys::Element, super::cite::Opens)> {
    let term = content().term(id)?;
    let def_id = format!("def-{id}-{}", next_term_instance());
    let span = crate::browser::document()?.create_element("span").ok()?;
    span.set_class_name("term");
    let button = super::cite::toggle_button("term-button")?;
    let _ = button.set_attribute("aria-controls", &def_id);
    while let Some(child) = link.first_child() {
        let _ = button.append_child(&child);
    }
    let _ = span.append_child(&button);
    let _ = link.replace_with_with_node_1(&span);
    Some((span, super::cite::Opens::Term(term, def_id)))
}

/// A card link kept on the page (`a.card-link` to `#card-ID`) made the app's, as `CardLink` draws it: it leads to the
/// card in the app's view (`within`: its embed settings kept). Returns what a click on it does (`follow_kept_links`).
#[cfg(all(target_arch = "wasm32", prose_from_page))]
pub fn kept_card_link(a: &web_sys::Element, id: &str, within: &crate::deep_link::Within) -> Action {
    use crate::model::Part;
    let (to, action) = match content().card_id(id) {
        Some(card) => (within.card(card), Action::ShowCard(card)),
        None => (within.part(Part::Cards), Action::Navigate(Part::Cards)),
    };
    let _ = a.set_attribute("href", &to);
    action
}

/// One listener on `root` for the page's links kept in it (`links`, with what each does in the app): a click follows
/// it in the app, without loading a page; with a modifier key (a new tab or window) it is the browser's.
#[cfg(all(target_arch = "wasm32", prose_from_page))]
pub fn follow_kept_links(
    root: &web_sys::Element,
    links: Vec<(web_sys::Element, Action)>,
    dispatch: Callback<Action>,
) -> gloo::events::EventListener {
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    gloo::events::EventListener::new_with_options(root, "click", options, move |e| {
        let Some(e) = wasm_bindgen::JsCast::dyn_ref::<MouseEvent>(e) else {
            return;
        };
        let target = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|t| t.closest("a").ok().flatten());
        let Some((_, action)) = links.iter().find(|(a, _)| target.as_ref() == Some(a)) else {
            return;
        };
        if e.ctrl_key() || e.meta_key() || e.shift_key() {
            return;
        }
        e.prevent_default();
        dispatch.emit(action.clone());
    })
}

/// A term's definition, shown in place (display only: written as markup, `super::raw`).
pub(crate) fn definition(id: &str, term: &str, definition: &str) -> Html {
    let mut m = super::raw::Markup::default();
    m.tag("<span")
        .attr("id", Some(id))
        .tag(r#" role="note" class="term-definition"><strong>"#)
        .text(term)
        .tag(": </strong>")
        .text(definition)
        .tag("</span>");
    super::raw::raw(m)
}

/// A link to another card: opens it in the cards part (the link keeps the view's embed settings).
#[component]
pub fn CardLink(props: &InlineProps) -> Html {
    let dispatch = use_dispatch();
    let within = use_within();
    if super::use_static_page() {
        return html! { <a class="card-link" href={format!("#card-{}", props.id)}>{ props.shown.clone() }</a> };
    }
    let card = crate::content::content().card_id(&props.id);
    // A card id the content lacks (a content error, caught by tests) still leads to the cards.
    let href = match card {
        Some(card) => within.card(card),
        None => within.part(crate::model::Part::Cards),
    };
    let onclick = Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() {
            return;
        }
        e.prevent_default();
        if let Some(card) = card {
            dispatch.emit(Action::ShowCard(card));
        }
    });
    html! { <a class="card-link" {href} {onclick}>{ props.shown.clone() }</a> }
}
