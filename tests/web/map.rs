//! The map in a real DOM: clicking a republic selects it and opens its profile; arrow keys move focus.

use crate::support::mount;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

/// A bubbling event built by the browser's own constructor (`KeyboardEvent`, `MouseEvent`) with `fields`.
fn event(class: &str, kind: &str, fields: &[(&str, &str)]) -> web_sys::Event {
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    for (k, v) in fields {
        js_sys::Reflect::set(&init, &(*k).into(), &(*v).into()).unwrap();
    }
    let ctor: js_sys::Function = js_sys::Reflect::get(&web_sys::window().unwrap(), &class.into())
        .unwrap()
        .unchecked_into();
    js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&kind.into(), &init))
        .unwrap()
        .unchecked_into()
}

fn shape(el: &web_sys::Element, key: &str) -> web_sys::Element {
    el.query_selector(&format!("#map-{key}"))
        .unwrap()
        .expect("a republic shape")
}

#[wasm_bindgen_test]
async fn clicking_a_republic_selects_it_and_opens_its_profile() {
    let el = mount("?part=map");
    yew::scheduler::flush().await;
    assert!(
        el.query_selector(".profile").unwrap().is_none(),
        "no profile before a selection"
    );
    let path = shape(&el, "TJ").query_selector("path").unwrap().unwrap();
    path.dispatch_event(&event("MouseEvent", "click", &[]))
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        shape(&el, "TJ").get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let profile = el
        .query_selector(".profile h3")
        .unwrap()
        .expect("a profile");
    assert_eq!(profile.text_content().unwrap(), "Tajikistan");
    crate::support::address_when(|q| q.contains("country=TJ")).await;
}

#[wasm_bindgen_test]
async fn arrow_right_moves_focus_and_the_tab_stop_to_the_next_republic() {
    let el = mount("?part=map&country=KZ");
    yew::scheduler::flush().await;
    let kz: web_sys::HtmlElement = shape(&el, "KZ").unchecked_into();
    kz.focus().unwrap();
    let doc = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        doc.active_element().map(|a| a.id()).unwrap_or_default(),
        "map-KZ"
    );
    kz.dispatch_event(&event("KeyboardEvent", "keydown", &[("key", "ArrowRight")]))
        .unwrap();
    yew::scheduler::flush().await;
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(active.id(), "map-KG");
    assert_eq!(
        shape(&el, "KG").get_attribute("tabindex").as_deref(),
        Some("0")
    );
    assert_eq!(
        shape(&el, "KZ").get_attribute("tabindex").as_deref(),
        Some("-1")
    );
    assert_eq!(
        shape(&el, "KZ").get_attribute("aria-pressed").as_deref(),
        Some("true"),
        "moving focus does not select"
    );
}
