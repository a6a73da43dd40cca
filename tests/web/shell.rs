//! The app mounts into a real DOM, navigates between parts and keeps the URL in step.

use crate::support::mount;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn mounts_and_navigates_by_clicking_a_part_link() {
    let el = mount("");
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
    let el = mount("?layer=%%%&country=XX");
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
