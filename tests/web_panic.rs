//! A real Rust panic after the app is mounted shows the page's fatal-error banner in words (Yew's renderer
//! replaces any panic hook not installed through `yew::set_custom_panic_hook`). Its own test binary: a
//! panic aborts the wasm call it happens in, and leaves the panic machinery marked as panicking.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_panic_after_mounting_shows_the_fatal_banner() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let body = doc.body().unwrap();
    let banner = doc.create_element("div").unwrap();
    banner.set_id("fatal");
    banner.set_attribute("hidden", "").unwrap();
    let detail = doc.create_element("span").unwrap();
    detail.set_id("fatal-detail");
    banner.append_child(&detail).unwrap();
    body.append_child(&banner).unwrap();
    let app = doc.create_element("div").unwrap();
    app.set_id("app");
    // The pre-rendered page's header and navigation, which the app keeps (`charm_offensive::adopt`).
    use charm_offensive::components::{header::static_header, nav::static_nav};
    app.set_inner_html(&format!("{}{}", static_header().0, static_nav().0));
    body.append_child(&app).unwrap();

    // As the page starts: install the hook and mount (Yew's renderer runs its panic-hook set-up here).
    charm_offensive::app::mount();
    // The app starts in stages (app::mount: reading the page, then the first render, each its own task):
    // wait for its first render, up to five seconds.
    for _ in 0..500 {
        yew::scheduler::flush().await;
        if app.query_selector("h1").unwrap().is_some() {
            break;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    }
    assert!(
        app.query_selector("h1").unwrap().is_some(),
        "the app mounted"
    );
    assert!(banner.has_attribute("hidden"), "no banner before a panic");

    // A panic in Rust code called from JavaScript (as an event handler is): the wasm call traps, the
    // JavaScript caller sees the error, and the hook has run first.
    let boom = Closure::<dyn Fn()>::new(|| panic!("a test panic: index 7 of 5"));
    let function: &js_sys::Function = boom.as_ref().unchecked_ref();
    assert!(
        function.call0(&wasm_bindgen::JsValue::NULL).is_err(),
        "the call failed"
    );

    assert!(!banner.has_attribute("hidden"), "the banner is shown");
    let text = detail.text_content().unwrap();
    assert!(text.contains("a test panic: index 7 of 5"), "{text}");
    boom.forget();
}
