//! Take-over of the pre-rendered page: an element that the app draws exactly as the build pre-rendered it
//! carries `data-adopt="KEY"`. On start the app keeps those nodes (the same nodes, not drawn or painted
//! again) and puts them where it renders that key, instead of building them anew.

use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// Pre-rendered elements waiting for their component, by key.
    static KEPT: std::cell::RefCell<Vec<(String, web_sys::Element)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps the adoptable elements of the pre-rendered page in `root` before the app's first render replaces it.
#[cfg(target_arch = "wasm32")]
pub fn keep_from(root: &web_sys::Element, rest: Option<&str>) {
    // The display-only texts, read once from the page before it is replaced (crate::prose).
    crate::prose::read_page(root, rest);
    #[cfg(prose_from_page)]
    keep_islands(Some(root), rest);
    let Ok(list) = root.query_selector_all("[data-adopt]") else {
        return;
    };
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        for el in crate::browser::elements(&list) {
            if let Some(key) = el.get_attribute("data-adopt") {
                kept.push((key, el));
            }
        }
    });
    // The cards of the page without JavaScript, by their ids (`card-ID`): kept as the app's closed cards (cards::kept_cards).
    if let Ok(list) = root.query_selector_all(".card-grid > .card") {
        crate::browser::elements(&list).for_each(|el| keep(&el.id(), el));
    }
}

/// Keeps one more element of the pre-rendered page under `key`: one the app draws differently, which it takes
/// (`take`) and brings up to date (the map part's figure, controls and list: `crate::components::map::sync`).
#[cfg(target_arch = "wasm32")]
pub fn keep(key: &str, el: web_sys::Element) {
    KEPT.with(|kept| kept.borrow_mut().push((key.to_string(), el)));
}

/// The element kept under `key`, once.
#[cfg(target_arch = "wasm32")]
pub fn take(key: &str) -> Option<web_sys::Element> {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        let at = kept.iter().position(|(k, _)| k == key)?;
        Some(kept.swap_remove(at).1)
    })
}

/// The pre-rendered element for `key` while one is waiting (taken once, then the same node for this
/// component's life); `None` otherwise, and the caller draws it exactly as the build did, `data-adopt` included
/// (`use_kept(key).unwrap_or_else(|| html! { ... })`). One hook for every caller: not generic over the drawing.
#[hook]
pub fn use_kept(key: String) -> Option<Html> {
    #[cfg(target_arch = "wasm32")]
    {
        let kept = use_memo((), move |_| take(&key));
        kept.as_ref().clone().map(|el| Html::VRef(el.into()))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// The pre-rendered element kept under `key` for this component's life, which the caller changes where its view
/// differs (by effects, not by drawing it). `None` where the page had none (the app always starts on the page the
/// build pre-rendered; a test that mounts the app keeps the static page's markup first).
#[cfg(target_arch = "wasm32")]
#[hook]
pub fn use_node(key: &'static str) -> Option<web_sys::Element> {
    use_memo((), move |_| take(key)).as_ref().clone()
}

/// The pre-rendered element kept under `key` for this component's life, emptied and no longer marked as the static
/// page's place for it (`data-adopt`, `data-needs-js`, `inert`, `aria-hidden`): the caller draws its own content into
/// it (a portal).
#[cfg(target_arch = "wasm32")]
#[hook]
pub fn use_emptied(key: &'static str) -> Option<web_sys::Element> {
    use_memo((), move |_| {
        let el = take(key)?;
        open_place(&el, true);
        Some(el)
    })
    .as_ref()
    .clone()
}

/// Makes a place the static page holds for the app (never seen nor reached, gone without JavaScript: `data-adopt`,
/// `data-needs-js`, `inert`, `aria-hidden`) the app's: unmarked, and emptied (`empty`) for what the app draws into it.
#[cfg(target_arch = "wasm32")]
pub fn open_place(el: &web_sys::Element, empty: bool) {
    for name in ["data-adopt", "data-needs-js", "inert", "aria-hidden"] {
        let _ = el.remove_attribute(name);
    }
    if empty {
        el.set_text_content(None);
    }
}

/// Parts drawn only as the build pre-rendered them (islands): the browser build that reads its texts from the
/// page (`prose_from_page`) carries no code to draw them, and shows the page's own section instead (the overview,
/// Reading the evidence, the timeline and the study part with the app's controls in them: `components::overview`,
/// `components::evidence`, `components::timeline`, `components::study`).
#[cfg(all(target_arch = "wasm32", prose_from_page))]
pub const ISLANDS: [crate::model::Part; 5] = [
    crate::model::Part::Overview,
    crate::model::Part::Sources,
    crate::model::Part::Evidence,
    crate::model::Part::Timeline,
    crate::model::Part::Study,
];

#[cfg(all(target_arch = "wasm32", prose_from_page))]
thread_local! {
    /// Each island's section as the page drew it, and whether it has been shown yet.
    static KEPT_ISLANDS: std::cell::RefCell<Vec<(crate::model::Part, web_sys::Node, bool)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The part's `<section ... aria-labelledby="part-KEY">` to its matching `</section>` in pre-rendered HTML (parts
/// nest sections of their own), as static/early.js cuts it. Pure.
pub fn part_html<'a>(html: &'a str, key: &str) -> Option<&'a str> {
    element_html(html, &format!("aria-labelledby=\"part-{key}\""), "section")
}

/// The first `<NAME ...>` element whose start tag holds `mark`, to its matching end tag (nested ones counted), in
/// pre-rendered HTML. Pure.
pub fn element_html<'a>(html: &'a str, mark: &str, name: &str) -> Option<&'a str> {
    let (open, close) = (format!("<{name}"), format!("</{name}"));
    let mut search = 0;
    let start = loop {
        let at = search + html[search..].find(mark)?;
        match html[..at].rfind(&open) {
            Some(start) if !html[start..at].contains('>') => break start,
            _ => search = at + mark.len(),
        }
    };
    let mut depth = 0usize;
    let mut from = start;
    while let Some(found) = html[from..]
        .find(&open)
        .into_iter()
        .chain(html[from..].find(&close))
        .min()
    {
        let tag = from + found;
        if html[tag..].starts_with("</") {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(&html[start..tag + html[tag..].find('>')? + 1]);
            }
        } else {
            depth += 1;
        }
        from = tag + 2;
    }
    None
}

/// Keeps each island's section: the one on screen (a deep link's part, shown by static/early.js: the same
/// nodes), or one built from the `.static-rest` text.
#[cfg(all(target_arch = "wasm32", prose_from_page))]
fn keep_islands(root: Option<&web_sys::Element>, rest: Option<&str>) {
    let Some(doc) = crate::browser::document() else {
        return;
    };
    for part in ISLANDS {
        if KEPT_ISLANDS.with(|k| k.borrow().iter().any(|(p, ..)| *p == part)) {
            continue;
        }
        let on_screen = root.and_then(|root| {
            root.query_selector(&format!("section[aria-labelledby=\"part-{}\"]", part.key()))
                .ok()
                .flatten()
        });
        let el = on_screen.or_else(|| {
            let html = part_html(rest?, part.key())?;
            let holder = doc.create_element("div").ok()?;
            holder.set_inner_html(html);
            holder.first_element_child()
        });
        if let Some(el) = el {
            KEPT_ISLANDS.with(|k| k.borrow_mut().push((part, el.into(), false)));
        }
    }
    // The map part's figure, as text (parsed when the map part is drawn: `map_figure`).
    if let Some(figure) = rest.and_then(|t| element_html(t, "map-figure", "figure")) {
        MAP_FIGURE.with(|f| {
            f.borrow_mut().get_or_insert_with(|| figure.to_string());
        });
    }
}

#[cfg(all(target_arch = "wasm32", prose_from_page))]
thread_local! {
    /// The map part's figure as the page's text has it (the static page's: the default view).
    static MAP_FIGURE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The map part's figure as the page's text has it, for the map part where the page does not show one (another part
/// opened first; `crate::components::map::sync` brings it up to date): the browser build that reads its texts from
/// the page carries no code to draw it. `None` where the page lacked it (its file did not load).
#[cfg(all(target_arch = "wasm32", prose_from_page))]
pub fn map_figure() -> Option<String> {
    MAP_FIGURE.with(|f| f.borrow().clone())
}

/// Keeps the islands' sections not kept yet from page text that came after start (the served site's other parts,
/// which the app asks for when a part needs them: crate::prose).
#[cfg(all(target_arch = "wasm32", prose_from_page))]
pub fn keep_islands_from(text: &str) {
    keep_islands(None, Some(text));
}

/// An island's part where the page lacked its section (its file did not load): its heading, and that its text could
/// not be read.
#[cfg(all(target_arch = "wasm32", prose_from_page))]
pub fn missing(part: crate::model::Part) -> Html {
    html! {
        <section class={format!("part {}", part.key())} aria-labelledby={part.heading_id()}>
            <crate::components::PartHeading {part} />
            <p>{ crate::prose::MISSING }</p>
        </section>
    }
}

/// An island's section for this component's life: the page's own the first time, a copy of it afterwards;
/// `None` where the page lacked it (its file did not load).
#[cfg(all(target_arch = "wasm32", prose_from_page))]
#[hook]
pub fn use_island(part: crate::model::Part) -> Option<Html> {
    use_island_node(part).map(Html::VRef)
}

/// `use_island`'s node, for a part that puts the app's controls into it.
#[cfg(all(target_arch = "wasm32", prose_from_page))]
#[hook]
pub fn use_island_node(part: crate::model::Part) -> Option<web_sys::Node> {
    let el = use_memo((), move |_| {
        KEPT_ISLANDS.with(|k| {
            let mut k = k.borrow_mut();
            let (_, el, shown) = k.iter_mut().find(|(p, ..)| *p == part)?;
            if !*shown {
                // Shown by static/early.js (a deep link's part) until now: unmarked only as the app draws it in its
                // shell, so that no frame shows it with the static page's line and space above it (a shift of 33 px).
                if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::Element>(el) {
                    let _ = el.remove_attribute("data-early");
                }
            }
            let copy = el.clone_node_with_deep(true).ok()?;
            if std::mem::replace(shown, true) {
                Some(copy)
            } else {
                // The first time the page's own nodes, kept as they were before the reader changes them (a
                // folded section opened): later ones start from the page's state too.
                Some(std::mem::replace(el, copy))
            }
        })
    });
    el.as_ref().clone()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_part_is_cut_to_its_own_section_with_the_sections_it_nests() {
        let html = r#"<section aria-labelledby="part-a"><p>a</p></section><section class="part" aria-labelledby="part-b"><section><h3>x</h3></section><p>b</p></section><section aria-labelledby="part-c"></section>"#;
        assert_eq!(
            super::part_html(html, "b"),
            Some(
                r#"<section class="part" aria-labelledby="part-b"><section><h3>x</h3></section><p>b</p></section>"#
            )
        );
        assert_eq!(super::part_html(html, "z"), None);
        assert_eq!(super::part_html(&html[..120], "b"), None, "unfinished");
    }

    #[test]
    fn an_element_is_cut_from_the_first_start_tag_that_holds_the_mark() {
        let html = r#"<p class="map-figure-note">x</p><figure class="quote"></figure><figure class="map-figure"><svg></svg><figure><p>in</p></figure><figcaption>c</figcaption></figure><figure class="map-figure">2</figure>"#;
        assert_eq!(
            super::element_html(html, "map-figure", "figure"),
            Some(
                r#"<figure class="map-figure"><svg></svg><figure><p>in</p></figure><figcaption>c</figcaption></figure>"#
            )
        );
        assert_eq!(super::element_html(html, "map-figure", "table"), None);
    }
}
