//! Browser tests (wasm32, headless Chromium via wasm-bindgen-test-runner) for components that need the DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What every browser test needs: a fresh root element, the app mounted on it, a click by selector.
pub mod support {
    use wasm_bindgen::JsCast;

    /// A new empty element in the page's body.
    pub fn root() -> web_sys::Element {
        let doc = web_sys::window().unwrap().document().unwrap();
        let el = doc.create_element("div").unwrap();
        doc.body().unwrap().append_child(&el).unwrap();
        el
    }

    /// A component mounted on a fresh element for one test. Dropping it (at the end of the test) unmounts
    /// the component and removes the element, so no later test meets its history listener, its progress
    /// or its element ids.
    pub struct Mounted<C: yew::BaseComponent> {
        el: web_sys::Element,
        app: Option<yew::AppHandle<C>>,
    }

    impl<C: yew::BaseComponent> std::ops::Deref for Mounted<C> {
        type Target = web_sys::Element;
        fn deref(&self) -> &web_sys::Element {
            &self.el
        }
    }

    impl<C: yew::BaseComponent> Drop for Mounted<C> {
        fn drop(&mut self) {
            if let Some(app) = self.app.take() {
                app.destroy();
            }
            self.el.remove();
        }
    }

    /// `C` rendered with `props` on a fresh root.
    pub fn mount_with<C: yew::BaseComponent>(props: C::Properties) -> Mounted<C> {
        let el = root();
        let app = yew::Renderer::<C>::with_root_and_props(el.clone(), props).render();
        Mounted { el, app: Some(app) }
    }

    /// The app started from a query string, on a fresh root, with the pre-rendered page's header and navigation
    /// to keep (the app keeps the page's own: `charm_offensive::adopt`).
    pub fn mount(query: &str) -> Mounted<charm_offensive::App> {
        use charm_offensive::components::{header::static_header, nav::static_nav};
        let doc = web_sys::window().unwrap().document().unwrap();
        for (key, markup) in [("header", static_header()), ("nav", static_nav())] {
            let holder = doc.create_element("div").unwrap();
            holder.set_inner_html(&markup.0);
            charm_offensive::adopt::keep(key, holder.first_element_child().unwrap());
        }
        mount_with(charm_offensive::AppProps {
            query: query.to_string().into(),
            static_page: false,
        })
    }

    /// Waits `ms` milliseconds (a timer, so frames and the app's after-paint work can run); private, so a
    /// test waits for a condition (`wait_until`, `address_when`), never for a fixed time.
    async fn sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }

    /// The page's query string once it satisfies `ok` (the app writes the address after the next paint);
    /// panics with the last one seen after two seconds.
    pub async fn address_when(ok: impl Fn(&str) -> bool) -> String {
        let mut search = String::new();
        for _ in 0..200 {
            search = web_sys::window().unwrap().location().search().unwrap();
            if ok(&search) {
                return search;
            }
            sleep(10).await;
        }
        panic!("the address never became what was expected; it is {search:?}");
    }

    /// Waits (up to two seconds) until `ok()` holds; panics naming `what` if it never does.
    pub async fn wait_until(what: &str, ok: impl Fn() -> bool) {
        for _ in 0..200 {
            if ok() {
                return;
            }
            sleep(10).await;
        }
        panic!("waited two seconds for {what}");
    }

    /// Clicks the first element matching `selector` inside `el`.
    pub fn click(el: &web_sys::Element, selector: &str) {
        let target: web_sys::HtmlElement = el
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .unchecked_into();
        target.click();
    }
}

mod web {
    pub mod cards;
    pub mod data;
    pub mod map;
    pub mod prose;
    pub mod shell;
    pub mod study;
}
