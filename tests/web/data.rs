//! The data layers in a real DOM: clicking a layer toggle re-renders the table and the spoken summary.

use crate::support::mount;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn figures_in_table(el: &web_sys::Element) -> Vec<String> {
    let rows = el
        .query_selector_all(".data-table tbody tr[data-figure]")
        .unwrap();
    (0..rows.length())
        .filter_map(|i| {
            rows.item(i)?
                .unchecked_into::<web_sys::Element>()
                .get_attribute("data-figure")
        })
        .collect()
}

#[wasm_bindgen_test]
async fn clicking_investment_changes_the_table_and_the_announcement() {
    let el = mount("?part=map");
    yew::scheduler::flush().await;
    assert!(
        figures_in_table(&el)
            .iter()
            .all(|id| id.starts_with("trade-2024-")),
        "{:?}",
        figures_in_table(&el)
    );
    let button: web_sys::HtmlElement = el
        .query_selector("button[data-layer='investment']")
        .unwrap()
        .expect("an Investment toggle")
        .unchecked_into();
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    // Off screen, the panel below the map follows a frame later and says so with aria-busy.
    let panel = el
        .query_selector(".data-panel")
        .unwrap()
        .expect("the data panel");
    crate::support::wait_until("the data panel to catch up", || {
        !panel.has_attribute("aria-busy")
    })
    .await;
    let ids = figures_in_table(&el);
    assert_eq!(ids.len(), 5);
    assert!(
        ids.iter().all(|id| id.starts_with("investment-2005-2018-")),
        "{ids:?}"
    );
    let live = el
        .query_selector(".data-announce")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(live.starts_with("Investment, 2005-2018"), "{live}");
    assert!(el.query_selector(".data-table th").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn the_address_follows_after_the_paint_in_order_and_a_layer_switch_replaces_the_entry() {
    let el = mount("?part=map");
    yew::scheduler::flush().await;
    crate::support::address_when(|q| q == "?part=map").await;
    let history = web_sys::window().unwrap().history().unwrap();
    let before = history.length().unwrap();
    // Two switches before any frame: not written yet, then written in order, in the same history entry
    // (Back leaves the map rather than undoing a layer).
    crate::support::click(&el, "button[data-layer='investment']");
    yew::scheduler::flush().await;
    crate::support::click(&el, "button[data-layer='students']");
    yew::scheduler::flush().await;
    assert_eq!(
        web_sys::window().unwrap().location().search().unwrap(),
        "?part=map",
        "not written before the paint"
    );
    crate::support::address_when(|q| q == "?part=map&layer=students").await;
    // The writes are in order, so once the last view's address is there, every write has been made.
    assert_eq!(
        history.length().unwrap(),
        before,
        "a layer switch replaces the entry"
    );
    // Another part is a new place: an entry of its own.
    crate::support::click(&el, "a[href^='?part=timeline']");
    yew::scheduler::flush().await;
    crate::support::address_when(|q| q == "?part=timeline&layer=students").await;
    assert_eq!(
        history.length().unwrap(),
        before + 1,
        "a new part pushes an entry"
    );
}
