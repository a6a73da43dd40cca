//! Navigation between the explainer's parts: real links (work without JavaScript, open in new tabs)
//! that the app intercepts for in-page navigation.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::deep_link::href;
use crate::model::Part;
use crate::state::{Action, View};

/// Props: the current view (for `aria-current` and link targets) and the dispatcher.
#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub view: View,
    pub on_action: Callback<Action>,
    /// Folded into a menu (a native disclosure: keyboard and no-JavaScript work as they are), as in an embed.
    #[prop_or_default]
    pub menu: bool,
}

/// The list of parts.
#[component]
pub fn Nav(props: &NavProps) -> Html {
    let menu_ref = use_node_ref();
    // On the static page, parts are sections of one page: link to anchors.
    let static_page = crate::components::use_static_page();
    // Which ends of the list have more parts out of sight (marked with a fade and an arrow).
    let list = use_node_ref();
    let more = use_state_eq(|| (false, false));
    // The part shown at the last render (`None` before the first) and the list's scroll and resize listeners,
    // which live as long as the navigation.
    let seen = use_mut_ref(|| (None::<Part>, None::<ListListeners>));
    {
        let (list, more, part, menu) = (list.clone(), more.clone(), props.view.part, props.menu);
        // One effect after every render (each effect costs its own code).
        use_effect(move || {
            let mut seen = seen.borrow_mut();
            match seen.0.replace(part) {
                // The first render: measure the list, and again when it scrolls or the window resizes.
                None => {
                    let measure = {
                        let (list, more) = (list.clone(), more.clone());
                        move || {
                            if let Some(ul) = list.cast::<web_sys::Element>() {
                                let (left, width, client) =
                                    (ul.scroll_left(), ul.scroll_width(), ul.client_width());
                                more.set((left > 1, left + client < width - 1));
                            }
                        }
                    };
                    measure();
                    let on_scroll = list.cast::<web_sys::Element>().map(|ul| {
                        let measure = measure.clone();
                        gloo::events::EventListener::new(&ul, "scroll", move |_| measure())
                    });
                    let on_resize = web_sys::window().map(|w| {
                        gloo::events::EventListener::new(&w, "resize", move |_| measure())
                    });
                    seen.1 = Some((on_scroll, on_resize));
                }
                // On narrow screens the list scrolls sideways: keep the current part in view (not after the
                // first render, which needs no forced layout: the page starts scrolled to its beginning).
                Some(was) if was != part && !menu => {
                    if let Some(link) = crate::browser::find(".parts-nav a[aria-current=page]") {
                        crate::browser::scroll_into_view(&link, false);
                    }
                }
                Some(_) => {}
            }
        });
    }
    let items: Vec<Html> = Part::ALL
        .iter()
        .map(|&part| {
        let target = View { part, card: None, step: None, ..props.view };
        let href = if static_page {
            format!("#{}", part.heading_id())
        } else {
            href(&target)
        };
        let current = !static_page && props.view.part == part;
        let onclick = {
            let on_action = props.on_action.clone();
            let menu_ref = menu_ref.clone();
            Callback::from(move |e: MouseEvent| {
                if static_page || e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                    return;
                }
                e.prevent_default();
                close_menu(&menu_ref, false);
                on_action.emit(Action::Navigate(part));
            })
        };
        html! {
            <li key={part.key()}>
                <a href={href} aria-current={current.then_some("page")} onclick={onclick}>{ part.label() }</a>
            </li>
        }
    })
    .collect();
    if props.menu {
        let onkeydown = {
            let menu_ref = menu_ref.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    close_menu(&menu_ref, true);
                }
            })
        };
        let current = if static_page {
            ""
        } else {
            props.view.part.label()
        };
        return html! {
            <nav class="parts-nav menu" aria-label="Parts of the explainer">
                <details class="parts-menu" ref={menu_ref} {onkeydown}>
                    <summary><span class="menu-icon" aria-hidden="true">{ "☰" }</span>{ "Parts" }
                        if !current.is_empty() { <span class="menu-current">{ format!(": {current}") }</span> }</summary>
                    <ul>{ for items }</ul>
                </details>
            </nav>
        };
    }
    html! {
        <nav class={classes!("parts-nav", more.0.then_some("more-before"), more.1.then_some("more-after"))} aria-label="Parts of the explainer">
            <ul ref={list}>{ for items }</ul>
        </nav>
    }
}

/// The list's scroll and window resize listeners (dropped with the navigation).
type ListListeners = (
    Option<gloo::events::EventListener>,
    Option<gloo::events::EventListener>,
);

/// Folds the menu away (after a choice, or Escape, which also gives focus back to its toggle).
fn close_menu(menu: &NodeRef, refocus: bool) {
    if let Some(details) = menu.cast::<web_sys::Element>() {
        let _ = details.remove_attribute("open");
        if refocus {
            if let Some(summary) = details
                .first_element_child()
                .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = summary.focus();
            }
        }
    }
}
