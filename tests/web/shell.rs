//! The app mounts into a real DOM, navigates between parts and keeps the URL in step.

use crate::support::root;

use charm_offensive::{App, AppProps};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn mounts_and_navigates_by_clicking_a_part_link() {
    let el = root();
    yew::Renderer::<App>::with_root_and_props(
        el.clone(),
        AppProps {
            query: "".into(),
            static_page: false,
        },
    )
    .render();
    yew::scheduler::flush().await;
    let h1 = el.query_selector("h1").unwrap().expect("a title");
    assert!(h1
        .text_content()
        .unwrap()
        .contains("Beijing's Charm Offensive"));
    let link: web_sys::HtmlElement = el
        .query_selector("nav a[href='?part=sources']")
        .unwrap()
        .expect("a link to the sources part")
        .unchecked_into();
    link.click();
    yew::scheduler::flush().await;
    let h2 = el.query_selector("main h2").unwrap().unwrap();
    assert_eq!(h2.text_content().unwrap(), "Sources");
    crate::support::address_when(|q| q == "?part=sources").await;
}

#[wasm_bindgen_test]
async fn a_bad_link_value_becomes_a_notice_not_a_crash() {
    let el = root();
    yew::Renderer::<App>::with_root_and_props(
        el.clone(),
        AppProps {
            query: "?layer=%%%&country=XX".into(),
            static_page: false,
        },
    )
    .render();
    yew::scheduler::flush().await;
    let notices = el
        .query_selector(".notices")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(notices.contains("layer"), "{notices}");
    assert!(notices.contains("country"), "{notices}");
}

use wasm_bindgen::JsCast;

#[wasm_bindgen_test]
fn a_fatal_error_is_shown_in_the_page_in_words() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let banner = doc.create_element("div").unwrap();
    banner.set_id("fatal");
    banner.set_attribute("hidden", "").unwrap();
    let detail = doc.create_element("span").unwrap();
    detail.set_id("fatal-detail");
    banner.append_child(&detail).unwrap();
    doc.body().unwrap().append_child(&banner).unwrap();
    charm_offensive::browser::show_fatal("index out of bounds");
    assert!(!banner.has_attribute("hidden"), "the banner is shown");
    assert_eq!(detail.text_content().unwrap(), "index out of bounds");
    banner.remove();
}
