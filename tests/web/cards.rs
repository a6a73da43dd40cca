//! Browser tests for the cards part: a card's toggle opens it in place; the sorter takes a click and answers.

use crate::support::{click, mount, mount_with};

use charm_offensive::components::{cards::CardsPart, PartProps};
use charm_offensive::model::Part;
use charm_offensive::state::View;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn clicking_a_cards_toggle_opens_its_detail() {
    let el = mount("?part=cards");
    yew::scheduler::flush().await;
    let toggle = el
        .query_selector("#card-alliance .card-toggle")
        .unwrap()
        .expect("the alliance card's toggle");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(el
        .query_selector("#card-alliance-detail")
        .unwrap()
        .is_none());
    click(&el, "#card-alliance .card-toggle");
    yew::scheduler::flush().await;
    let toggle = el
        .query_selector("#card-alliance .card-toggle")
        .unwrap()
        .unwrap();
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let detail = el
        .query_selector("#card-alliance-detail")
        .unwrap()
        .expect("the detail region");
    assert!(!detail.text_content().unwrap().is_empty());
    crate::support::address_when(|q| q.contains("card=alliance")).await;
}

#[wasm_bindgen_test]
async fn the_sorter_accepts_a_click_and_gives_feedback() {
    let view = View {
        part: Part::Cards,
        ..View::default()
    };
    let el = mount_with::<CardsPart>(PartProps { view });
    yew::scheduler::flush().await;
    assert!(el.query_selector(".sorter .feedback").unwrap().is_none());
    // The exercise is drawn once started (its fold opened).
    assert!(el.query_selector(".sorter input").unwrap().is_none());
    click(&el, ".sorter summary");
    yew::scheduler::flush().await;
    click(&el, "#sorter-military-force-soft");
    yew::scheduler::flush().await;
    let wrong = el
        .query_selector(".sorter .feedback.wrong")
        .unwrap()
        .expect("feedback for a wrong bin");
    assert!(wrong.text_content().unwrap().contains("Hard power"));
    click(&el, "#sorter-military-force-hard");
    yew::scheduler::flush().await;
    let right = el
        .query_selector(".sorter .feedback.right")
        .unwrap()
        .expect("feedback for the essay's bin");
    assert!(right.text_content().unwrap().contains("Matches the essay"));
    let score = el
        .query_selector(".sorter .score")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        score.starts_with("Placed 1 of") && score.contains("1 match"),
        "{score}"
    );
    click(&el, ".sorter .exercise-footer button");
    yew::scheduler::flush().await;
    assert!(
        el.query_selector(".sorter .feedback").unwrap().is_none(),
        "reset clears the placements"
    );
}
