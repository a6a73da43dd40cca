//! Browser tests for the study work: a choice question gives feedback; the tour panel's Next advances.

use crate::support::{click, mount};

use charm_offensive::model::study::{study, QuestionKind};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn answering_a_choice_question_shows_feedback() {
    let _ = charm_offensive::browser::storage_remove("charm-offensive.progress.v1");
    let el = mount("?part=study");
    yew::scheduler::flush().await;
    let q = study()
        .questions
        .iter()
        .find(|q| matches!(q.kind, QuestionKind::Choice { .. }))
        .unwrap();
    let QuestionKind::Choice { options, answer } = &q.kind else {
        unreachable!()
    };
    let wrong = options.iter().find(|o| o.id != *answer).unwrap();
    let field = format!("fieldset[id='{}']", q.id);
    click(&el, &format!("{field} input[value='{}']", wrong.id));
    yew::scheduler::flush().await;
    click(&el, &format!("{field} button"));
    yew::scheduler::flush().await;
    let feedback = el
        .query_selector(&format!("{field} .qa-feedback"))
        .unwrap()
        .expect("feedback after Check");
    let text = feedback.text_content().unwrap();
    assert!(
        text.contains("Not quite.")
            && text.contains(q.feedback.incorrect.split('[').next().unwrap()),
        "{text}"
    );
    click(&el, &format!("{field} input[value='{answer}']"));
    yew::scheduler::flush().await;
    assert!(
        el.query_selector(&format!("{field} .qa-feedback"))
            .unwrap()
            .is_none(),
        "a new choice clears the old verdict"
    );
    click(&el, &format!("{field} button"));
    yew::scheduler::flush().await;
    let text = el
        .query_selector(&format!("{field} .qa-feedback.correct"))
        .unwrap()
        .expect("correct")
        .text_content()
        .unwrap();
    assert!(text.starts_with("✓Correct."), "{text}");
    let summary = el
        .query_selector(".progress-summary")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        summary.contains(&format!(
            "1 of {} questions answered",
            study().questions.len()
        )) && summary.contains("1 correct"),
        "{summary}"
    );
    let stored = charm_offensive::browser::storage_get("charm-offensive.progress.v1")
        .unwrap()
        .unwrap_or_default();
    assert!(
        stored.contains(&format!("{}:y:c:{answer}", q.id)),
        "{stored}"
    );
}

#[wasm_bindgen_test]
async fn the_tour_panels_next_button_advances_the_step() {
    let el = mount("?step=1");
    yew::scheduler::flush().await;
    let count = |el: &web_sys::Element| {
        el.query_selector(".tour-count")
            .unwrap()
            .expect("the tour panel")
            .text_content()
            .unwrap()
    };
    let total = study().tour.len();
    assert!(count(&el).contains(&format!("Step 1 of {total}")));
    assert!(el
        .query_selector("#tour-back")
        .unwrap()
        .unwrap()
        .has_attribute("disabled"));
    click(&el, "#tour-next");
    yew::scheduler::flush().await;
    assert!(
        count(&el).contains(&format!("Step 2 of {total}")),
        "{}",
        count(&el)
    );
    assert_eq!(
        el.query_selector("#tour-title")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        study().tour[1].title
    );
    crate::support::address_when(|q| q.contains("step=2")).await;
    click(&el, "#tour-back");
    yew::scheduler::flush().await;
    assert!(count(&el).contains(&format!("Step 1 of {total}")));
    click(&el, ".end-tour");
    yew::scheduler::flush().await;
    assert!(
        el.query_selector(".tour-panel").unwrap().is_none(),
        "End tour closes the panel"
    );
}
