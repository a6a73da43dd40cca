//! The explainer's components: the shell (header, navigation, notices) and one module per part.

pub mod cards;
pub mod cite;
pub mod data;
pub mod evidence;
pub mod figure;
pub mod header;
pub mod map;
pub mod nav;
pub mod notices;
pub mod overview;
pub mod raw;
pub mod rich;
pub mod share;
pub mod sources;
pub mod study;
pub mod timeline;

use yew::prelude::*;

use crate::state::{Action, View};

/// What every part receives: the view. Whether it renders the static page comes from `use_static_page()`.
#[derive(Properties, PartialEq, Clone)]
pub struct PartProps {
    pub view: View,
}

/// The reducer's dispatcher and the embed settings every link keeps, provided as one context so leaf
/// components (links in text) can act (one context type instead of two: each costs 2-3 KB of wasm, and the
/// components that read one read the other).
#[derive(Clone, PartialEq, Default)]
pub struct Dispatch(pub Callback<Action>, pub crate::deep_link::Within);

/// Whether the tree renders the pre-rendered static page (no JavaScript, print: everything expanded, no
/// interactive-only widgets), provided once as context by the app's root (from `AppProps`). This is the
/// only way a component learns it: read it with `use_static_page()`, never through a prop.
#[derive(Clone, Copy, PartialEq, Default)]
pub struct StaticPage(pub bool);

/// Whether this component renders for the static page (from context). In the browser build it is a
/// constant `false`, so the static-only branches compile away.
#[hook]
pub fn use_static_page() -> bool {
    // The browser build never renders it: no context to read (nor to provide, see `Prerendered`).
    #[cfg(target_arch = "wasm32")]
    return false;
    #[cfg(not(target_arch = "wasm32"))]
    use_context::<StaticPage>().is_some_and(|s| s.0)
}

/// What a plain function or hook given `use_static_page()` as an argument should read it as: a constant
/// `false` in the browser build too, where the argument is not known to be false unless the function is
/// inlined, so that its static-only branches are not compiled into the wasm. Measured on `card_view` alone:
/// wasm 805 B raw smaller.
#[inline(always)]
pub const fn drawn_static(static_page: bool) -> bool {
    static_page && cfg!(not(target_arch = "wasm32"))
}

/// While the app starts on the page already on screen (`app::mount`), what lies below the fold is drawn a task
/// after the rest, so that the start is not one long task: set by `app::mount` just before the app's first
/// render, cleared by the app once that render is done (a flag, not a context: no provider component to
/// mount, and clearing it re-renders nothing).
pub mod staged {
    use std::sync::atomic::{AtomicBool, Ordering::Relaxed};

    static STAGED: AtomicBool = AtomicBool::new(false);

    /// The app's first render is starting in stages.
    pub fn start() {
        STAGED.store(true, Relaxed);
    }

    /// Whether the app is in its first render, started in stages.
    pub fn now() -> bool {
        STAGED.load(Relaxed)
    }

    /// The first render is done: whether it was started in stages.
    pub fn end() -> bool {
        STAGED.swap(false, Relaxed)
    }
}

/// Whether to draw this component's content now: `false` on its first render while the app is starting in
/// stages (`staged`), then `true` from a later task on; always `true` otherwise (navigation, tests, the
/// static page). The caller draws an empty element of the same kind until then.
#[hook]
pub fn use_drawn_later() -> bool {
    let drawn = use_state(|| !staged::now());
    {
        let drawn = drawn.clone();
        use_effect_with((), move |_| {
            if !*drawn {
                gloo::timers::callback::Timeout::new(0, move || drawn.set(true)).forget();
            }
        });
    }
    *drawn
}

/// Props: whether the children render for the static page, and the children.
#[derive(Properties, PartialEq)]
pub struct PrerenderedProps {
    pub on: bool,
    #[prop_or_default]
    pub children: Html,
}

/// Tells everything below whether it renders the static page (the app's shell, through `prerendered`, and
/// render tests use it).
#[component]
pub fn Prerendered(props: &PrerenderedProps) -> Html {
    #[cfg(target_arch = "wasm32")]
    return props.children.clone();
    #[cfg(not(target_arch = "wasm32"))]
    html! { <ContextProvider<StaticPage> context={StaticPage(props.on)}>{ props.children.clone() }</ContextProvider<StaticPage>> }
}

/// What the app's shell wraps its tree in: `Prerendered` where the static page is rendered, the children
/// themselves in the browser build (no component to mount there: its code is about 1 KB of wasm).
pub fn prerendered(on: bool, children: Html) -> Html {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = on;
        children
    }
    #[cfg(not(target_arch = "wasm32"))]
    html! { <Prerendered {on}>{ children }</Prerendered> }
}

/// The embed settings every link keeps (from context; none outside the app).
#[hook]
pub fn use_within() -> crate::deep_link::Within {
    use_context::<Dispatch>().map(|d| d.1).unwrap_or_default()
}

/// The dispatcher from context (a no-op outside the app, e.g. in isolated component tests).
#[hook]
pub fn use_dispatch() -> Callback<Action> {
    use_context::<Dispatch>().map(|d| d.0).unwrap_or_default()
}

/// A part's heading and intro, with the focus target used after navigation.
#[derive(Properties, PartialEq)]
pub struct PartHeadingProps {
    pub part: crate::model::Part,
}

/// The `<h2>` that opens a part (focusable so navigation can move focus to it). The same on the pre-rendered
/// page and in the app, so on start the app keeps the pre-rendered one (`crate::adopt`).
#[component]
pub fn PartHeading(props: &PartHeadingProps) -> Html {
    let part = props.part;
    crate::adopt::use_kept(format!("heading-{}", part.key()))
        .unwrap_or_else(|| raw::raw(heading_markup(part)))
}

/// A part's heading as markup (display only), as `PartHeading` draws it.
pub fn heading_markup(part: crate::model::Part) -> raw::Markup {
    let mut m = raw::Markup::default();
    let _ = std::fmt::Write::write_fmt(
        &mut m.0,
        format_args!(
            r#"<header data-adopt="heading-{key}" class="part-heading"><h2 id="part-{key}" tabindex="-1">"#,
            key = part.key()
        ),
    );
    m.text(part.label()).tag("</h2>");
    // The intro is read from the page (`crate::prose`): a part still waiting for its texts says it is loading once,
    // below the heading (`crate::app`), not also here.
    let intro = crate::content::content().part_intro(part);
    if intro.text() != crate::prose::LOADING {
        m.tag(r#"<p class="part-intro""#).prose(&intro).tag("</p>");
    }
    m.tag("</header>");
    m
}
