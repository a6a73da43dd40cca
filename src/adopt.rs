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
}

/// Keeps one more element of the pre-rendered page under `key`: one the app draws differently, which stands in
/// until the app has drawn its own (`crate::components::use_stand_in`).
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
