//! Navigation between the explainer's parts: real links (work without JavaScript, open in new tabs)
//! that the app intercepts for in-page navigation.

use yew::prelude::*;

use super::raw::Markup;
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

/// The static page's navigation: the parts are sections of one page, so the links lead to their headings. On start
/// the app keeps these nodes (`crate::adopt`) and sets what its view changes (`Live`).
pub fn static_nav() -> Markup {
    let mut m = Markup::default();
    m.tag(r#"<nav class="parts-nav" aria-label="Parts of the explainer" data-adopt="nav"><ul>"#);
    for part in Part::ALL {
        m.tag("<li><a")
            .attr("href", Some(&format!("#{}", part.heading_id())))
            .tag(">")
            .text(part.label())
            .tag("</a></li>");
    }
    m.tag("</ul></nav>");
    m
}

/// The link to `part` from `view` (the view's layer, period, embed settings... kept; no card, no tour step).
fn link(view: &View, part: Part) -> String {
    crate::deep_link::href(&View {
        part,
        card: None,
        step: None,
        ..*view
    })
}

/// The list of parts. The browser build keeps the page's navigation and changes only what differs: the current
/// part at once, the links (which carry the view: a layer switch changes all seven) once the reader pauses or
/// comes to the navigation (pointer or focus), so that a switch writes none. The native build draws it (the
/// static page and render tests).
#[component]
pub fn Nav(props: &NavProps) -> Html {
    #[cfg(target_arch = "wasm32")]
    let nav = use_kept_nav(props);
    #[cfg(not(target_arch = "wasm32"))]
    let nav = use_drawn_nav(props);
    nav
}

#[cfg(not(target_arch = "wasm32"))]
#[hook]
fn use_drawn_nav(props: &NavProps) -> Html {
    if crate::components::use_static_page() {
        return super::raw::raw(static_nav());
    }
    let items = Part::ALL.iter().map(|&part| {
        let current = props.view.part == part;
        html! {
            <li key={part.key()}>
                <a href={link(&props.view, part)} aria-current={current.then_some("page")}>{ part.label() }</a>
            </li>
        }
    });
    if props.menu {
        return html! {
            <nav class="parts-nav menu" aria-label="Parts of the explainer">
                <details class="parts-menu">
                    <summary><span class="menu-icon" aria-hidden="true">{ "☰" }</span>{ "Parts" }
                        <span class="menu-current">{ format!(": {}", props.view.part.label()) }</span></summary>
                    <ul>{ for items }</ul>
                </details>
            </nav>
        };
    }
    html! {
        <nav class="parts-nav" aria-label="Parts of the explainer">
            <ul>{ for items }</ul>
        </nav>
    }
}

#[cfg(target_arch = "wasm32")]
#[hook]
fn use_kept_nav(props: &NavProps) -> Html {
    let el = crate::adopt::use_node("nav");
    let live = use_mut_ref(Live::default);
    live.borrow_mut().on_action = props.on_action.clone();
    {
        let (el, view, menu) = (el.clone(), props.view, props.menu);
        // After every render (one effect: each costs its own code); it writes only what changed.
        use_effect(move || {
            if let Some(nav) = &el {
                Live::sync(&live, nav, view, menu);
            }
        });
    }
    el.map(|el| Html::VRef(el.into())).unwrap_or_default()
}

/// What the kept navigation shows, and its listeners, for its life.
#[cfg(target_arch = "wasm32")]
#[derive(Default)]
struct Live {
    on_action: Callback<Action>,
    /// The links, in `Part::ALL`'s order (found at the first render).
    links: Vec<web_sys::Element>,
    /// The part marked current (`None` before the first render).
    part: Option<Part>,
    /// The view the links lead from (its part, card and step aside), and whether they still lead from an older one.
    from: Option<View>,
    stale: bool,
    /// Each link's address as last written.
    written: [Option<String>; 7],
    pause: crate::browser::AfterPause,
    /// Whether the list has more parts out of sight before and after (a fade and an arrow), as last written.
    more: (bool, bool),
    listeners: Vec<gloo::events::EventListener>,
}

#[cfg(target_arch = "wasm32")]
type Shared = std::rc::Rc<std::cell::RefCell<Live>>;

#[cfg(target_arch = "wasm32")]
impl Live {
    /// Makes the navigation show `view`.
    fn sync(live: &Shared, nav: &web_sys::Element, view: View, menu: bool) {
        let first = live.borrow().part.is_none();
        if first {
            Self::start(live, nav, menu);
        }
        let mut l = live.borrow_mut();
        let was = l.part.replace(view.part);
        if was != Some(view.part) {
            let index = |part: Part| Part::ALL.iter().position(|&p| p == part);
            if let Some(a) = was.and_then(index).and_then(|i| l.links.get(i)) {
                let _ = a.remove_attribute("aria-current");
            }
            if let Some(a) = index(view.part).and_then(|i| l.links.get(i)) {
                let _ = a.set_attribute("aria-current", "page");
                // On narrow screens the list scrolls sideways: keep the current part in view. On start (past the
                // overview) as static/early.js showed it: the list, put back in the page, starts scrolled to its
                // beginning; sideways only, the page keeps its scroll.
                if !menu && !first {
                    crate::browser::scroll_into_view(a, false);
                } else if !menu && view.part != Part::Overview {
                    if let Ok(Some(list)) = a.closest("ul") {
                        let by = a.get_bounding_client_rect().right()
                            - list.get_bounding_client_rect().right();
                        list.set_scroll_left(by as i32 + 40);
                    }
                }
            }
            if menu {
                if let Ok(Some(current)) = nav.query_selector(".menu-current") {
                    current.set_text_content(Some(&format!(": {}", view.part.label())));
                }
            }
        }
        let from = View {
            part: Part::Overview,
            card: None,
            step: None,
            ..view
        };
        if l.from != Some(from) {
            l.from = Some(from);
            l.stale = true;
            if first {
                drop(l);
                Self::write_links(live);
            } else {
                let weak = std::rc::Rc::downgrade(live);
                l.pause.schedule(move || {
                    if let Some(live) = weak.upgrade() {
                        Self::write_links(&live);
                    }
                });
            }
        }
    }

    /// Writes the links' addresses if they lead from an older view: only those that differ.
    fn write_links(live: &Shared) {
        let mut l = live.borrow_mut();
        let Some(from) = l.from.filter(|_| l.stale) else {
            return;
        };
        l.stale = false;
        l.pause.cancel();
        let l = &mut *l;
        for ((a, written), &part) in l.links.iter().zip(&mut l.written).zip(Part::ALL.iter()) {
            let href = link(&from, part);
            if written.as_deref() != Some(href.as_str()) {
                let _ = a.set_attribute("href", &href);
                *written = Some(href);
            }
        }
    }

    /// At the first render: finds the links (in an embed already folded into a menu by static/early.js) and listens.
    fn start(live: &Shared, nav: &web_sys::Element, menu: bool) {
        let weak = std::rc::Rc::downgrade(live);
        let mut listeners = Vec::new();
        if let Ok(links) = nav.query_selector_all("a") {
            // static/early.js marked the link of the address's part current: the app marks its own.
            let links: Vec<_> = crate::browser::elements(&links).collect();
            links
                .iter()
                .for_each(|a| drop(a.remove_attribute("aria-current")));
            live.borrow_mut().links = links;
        }
        // One listener's code for every event on the navigation: a link followed in the page (a plain click; a new
        // tab or window is the browser's), Escape in an embed's menu, and the links brought up to date before
        // anyone can follow, copy or hover one (a pointer or focus comes to them).
        let handle = {
            let nav = nav.clone();
            std::rc::Rc::new(move |live: &Shared, e: &web_sys::Event| {
                use wasm_bindgen::JsCast;
                if let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() {
                    if e.key() == "Escape" {
                        close_menu(&nav, true);
                    }
                    return;
                }
                let Some(e) = e
                    .dyn_ref::<web_sys::MouseEvent>()
                    .filter(|e| e.type_() == "click")
                else {
                    return Self::write_links(live);
                };
                if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                    return;
                }
                let a = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.closest("a").ok().flatten());
                let Some(part) = a
                    .and_then(|a| live.borrow().links.iter().position(|l| *l == a))
                    .and_then(|i| Part::ALL.get(i).copied())
                else {
                    return;
                };
                e.prevent_default();
                close_menu(&nav, false);
                let on_action = live.borrow().on_action.clone();
                on_action.emit(Action::Navigate(part));
            })
        };
        for name in ["click", "keydown", "pointerover", "focusin"] {
            let (weak, handle) = (weak.clone(), handle.clone());
            // Not passive: a click on a link is kept from leaving the page.
            listeners.push(gloo::events::EventListener::new_with_options(
                nav,
                name,
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |e| {
                    if let Some(live) = weak.upgrade() {
                        handle(&live, e);
                    }
                },
            ));
        }
        // static/early.js hid it if the address hides it (the app draws it only where it is shown).
        let _ = nav.remove_attribute("hidden");
        // In an embed static/early.js folded the list into a menu (a <details>) before the page was painted; else
        if let Some(list) = nav.first_element_child().filter(|_| !menu) {
            // Which ends of the list have more parts out of sight: measured now, and again when it scrolls or the
            // window resizes.
            let nav_el = nav.clone();
            let measure = move |live: &Shared| {
                let (left, width, client) =
                    (list.scroll_left(), list.scroll_width(), list.client_width());
                let more = (left > 1, left + client < width - 1);
                let mut l = live.borrow_mut();
                if l.more != more {
                    l.more = more;
                    nav_el.set_class_name(match more {
                        (false, false) => "parts-nav",
                        (true, false) => "parts-nav more-before",
                        (false, true) => "parts-nav more-after",
                        (true, true) => "parts-nav more-before more-after",
                    });
                }
            };
            let measure = std::rc::Rc::new(measure);
            measure(live);
            let m = measure.clone();
            if let Some(list) = nav.first_element_child() {
                let weak = weak.clone();
                listeners.push(gloo::events::EventListener::new(
                    &list,
                    "scroll",
                    move |_| {
                        if let Some(live) = weak.upgrade() {
                            m(&live);
                        }
                    },
                ));
            }
            if let Some(w) = web_sys::window() {
                let weak = weak.clone();
                listeners.push(gloo::events::EventListener::new(&w, "resize", move |_| {
                    if let Some(live) = weak.upgrade() {
                        measure(&live);
                    }
                }));
            }
        }
        live.borrow_mut().listeners = listeners;
    }
}

/// Folds the menu away (after a choice, or Escape, which also gives focus back to its toggle).
#[cfg(target_arch = "wasm32")]
fn close_menu(nav: &web_sys::Element, refocus: bool) {
    if let Ok(Some(details)) = nav.query_selector("details") {
        let _ = details.remove_attribute("open");
        if refocus {
            // Not browser::focus_element, which would unfold the menu again to reach its toggle.
            if let Some(summary) = details.first_element_child() {
                use wasm_bindgen::JsCast;
                let _ = summary.unchecked_ref::<web_sys::HtmlElement>().focus();
            }
        }
    }
}
