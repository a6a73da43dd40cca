//! The self-checks, one at a time: a numbered row that shows which are answered (and how) and jumps to any,
//! the current question under its part of the essay, Previous / Next, and a switch to see all at once.

use yew::prelude::*;

use super::paragraph_range;
use super::progress_context::ProgressHandle;
use super::progress_model::Progress;
use super::quiz::{
    check_and_record, controls_markup, feedback_area, question, question_markup, Draft,
};
use crate::components::raw::esc;
#[cfg(not(target_arch = "wasm32"))]
use crate::components::raw::raw;
use crate::model::study::study;
use crate::model::study::{Answer, QuestionKind};

/// The first question not answered yet (the first question when all are answered or none).
pub fn first_unanswered(progress: &Progress) -> usize {
    study()
        .questions
        .iter()
        .position(|q| !progress.answers.contains_key(q.id))
        .unwrap_or(0)
}

/// A number's class, mark and words ("answered, correct" / "answered, not quite" / "not answered yet").
fn state_words(progress: &Progress, id: &str) -> (&'static str, &'static str, &'static str) {
    match progress.answers.get(id) {
        Some(g) if g.correct => ("check-number right", "✓", "answered, correct"),
        Some(_) => ("check-number wrong", "✗", "answered, not quite right"),
        None => ("check-number open", "", "not answered yet"),
    }
}

/// The self-checks as the study part shows them: the markup above the questions (what they are, how many are
/// answered, a number for each, "show all"); the questions' markup (`body`), drawn anew from it when other questions
/// are shown (`layout` changes); each shown question's index, controls' markup and feedback (Yew's, drawn into its
/// place); and what a press or a change in them does (`on`).
pub struct Checks {
    pub head: String,
    pub body: String,
    pub layout: (bool, usize, usize),
    pub shown: Vec<(usize, String, Html)>,
    pub on: Callback<Event>,
}

/// The self-checks, one question at a time or all at once. A hook the study part calls, not a component of its
/// own (a component's own code is about 1 KB of wasm): its state lives in the study part.
#[hook]
pub fn use_self_checks(handle: &ProgressHandle) -> Checks {
    use std::fmt::Write;
    let s = study();
    let snap = &**handle;
    let total = s.questions.len();
    let current = use_state_eq({
        let progress = snap.progress.clone();
        move || first_unanswered(&progress)
    });
    let show_all = use_state_eq(|| false);
    let drafts = use_state_eq(|| Draft::all(snap));
    let crate::components::Dispatch(dispatch, within) = use_context().unwrap_or_default();
    {
        // After a reset, start again at the first question with nothing answered; moving to another question
        // brings it into view and gives its heading focus (neither on the first render).
        let (current, drafts, handle) = (current.clone(), drafts.clone(), handle.clone());
        let seen = use_mut_ref(|| None::<(usize, usize)>);
        use_effect_with((snap.resets, *current), move |&(resets, at)| {
            if let Some((was_resets, was_at)) = seen.replace(Some((resets, at))) {
                if resets != was_resets {
                    current.set(0);
                    drafts.set(Draft::all(&handle));
                }
                if at != was_at {
                    crate::browser::glide_to("check-current", true);
                    crate::browser::focus("check-current-title");
                }
            }
        });
    }
    let at = (*current).min(total.saturating_sub(1));
    // A number's data-q is a question's index ("all" switches to every question at once and back), a Check's
    // data-check its question's; a change in a question's controls updates its draft.
    let on = {
        let (current, show_all, drafts, handle) = (
            current.clone(),
            show_all.clone(),
            drafts.clone(),
            handle.clone(),
        );
        Callback::from(move |e: Event| {
            let data = |name| crate::browser::data_of(&e, name);
            if e.type_() == "click" {
                if let Some(to) = data("data-q") {
                    match to.parse() {
                        Ok(to) => {
                            show_all.set(false);
                            current.set(to);
                        }
                        Err(_) => show_all.set(!*show_all),
                    }
                } else if let Some(i) = data("data-check").and_then(|i| i.parse::<usize>().ok()) {
                    let mut all = (*drafts).clone();
                    let Some(next) = all.get_mut(i) else { return };
                    if next.answer == Answer::Choice(String::new()) {
                        next.hint = true;
                    } else {
                        check_and_record(&handle, question(i), next.answer.clone());
                        (next.hint, next.shown) = (false, true);
                    }
                    drafts.set(all);
                }
                return;
            }
            // A guess follows its slider and number box as they move; radios and selects report each change.
            let Some(target) = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            else {
                return;
            };
            let Some(i) = target
                .closest("fieldset")
                .ok()
                .flatten()
                .and_then(|f| study().questions.iter().position(|q| q.id == f.id()))
            else {
                return;
            };
            let q = question(i);
            if (e.type_() == "input") != matches!(q.kind, QuestionKind::Predict { .. }) {
                return;
            }
            if let Some(next) = drafts[i].edited(q, &target) {
                let mut all = (*drafts).clone();
                all[i] = next;
                drafts.set(all);
            }
        })
    };
    let answered = snap.progress.answers.len().min(total);
    let mut head = format!(
        "<div class=\"check-head\"><p>{total} questions on the essay's six parts, one at a time. Every answer gets feedback that explains why and cites the paragraphs and sources.</p>\
        <p class=\"check-progress\" id=\"check-progress\">{answered} of {total} answered</p>\
        <progress class=\"check-bar\" max=\"{total}\" value=\"{answered}\" aria-labelledby=\"check-progress\">{answered} of {total}</progress><ol class=\"check-numbers\" aria-label=\"Questions\">"
    );
    for (i, q) in s.questions.iter().enumerate() {
        let (class, mark, words) = state_words(&snap.progress, q.id);
        let n = i + 1;
        let _ = write!(
            head,
            r#"<li><button type="button" class="{class}"{} data-q="{i}"><span aria-hidden="true">{n}{mark}</span><span class="visually-hidden">Question {n}: {words}</span></button></li>"#,
            if i == at && !*show_all {
                r#" aria-current="step""#
            } else {
                ""
            }
        );
    }
    let _ = write!(
        head,
        r#"</ol><button type="button" class="link-button show-all" aria-pressed="{}" data-q="all">Show all {total} questions at once</button></div>"#,
        *show_all
    );
    let shown: Vec<usize> = if *show_all {
        (0..total).collect()
    } else {
        vec![at]
    };
    let mut body = String::new();
    if *show_all {
        for part in s.parts.iter() {
            let _ = write!(
                body,
                r#"<section class="check-group" aria-labelledby="checks-{}">{}<ol class="questions">"#,
                part.id,
                group_heading(part)
            );
            for (i, q) in s.questions.iter().enumerate() {
                if q.part == part.id {
                    body += &format!("<li>{}</li>", question_markup(i, &drafts[i]));
                }
            }
            body += "</ol></section>";
        }
    } else {
        let q = &s.questions[at];
        let part_no = s.parts.iter().position(|p| p.id == q.part);
        // The heading takes focus after a move (the effect above).
        let _ = write!(
            body,
            r#"<div class="check-current" id="check-current"><h4 id="check-current-title" tabindex="-1">Question {} of {total}"#,
            at + 1
        );
        if let Some(n) = part_no {
            let part = &s.parts[n];
            let _ = write!(
                body,
                r#"<span class="check-part"> · Part {} of {}: {}</span></h4><p class="group-paragraphs">{}</p>"#,
                n + 1,
                s.parts.len(),
                esc(part.label),
                esc(&paragraph_range(part.paragraphs))
            );
        } else {
            body += "</h4>";
        }
        body += &question_markup(at, &drafts[at]);
        // Previous / Next move focus to the new question's heading (the effect above).
        let _ = write!(
            body,
            r#"<div class="check-nav"><button type="button" class="secondary"{} data-q="{}"><span aria-hidden="true">← </span>Previous</button>"#,
            if at == 0 {
                r#" disabled="disabled""#
            } else {
                ""
            },
            at.saturating_sub(1)
        );
        if at + 1 < total {
            let _ = write!(
                body,
                r#"<button type="button" class="primary" data-q="{}">Next question<span aria-hidden="true"> →</span></button>"#,
                at + 1
            );
        }
        body += "</div></div>";
    }
    Checks {
        head,
        body,
        layout: (*show_all, at, snap.resets),
        shown: shown
            .into_iter()
            .map(|i| {
                let q = question(i);
                (
                    i,
                    controls_markup(q, &drafts[i]),
                    feedback_area(i, &drafts[i], &dispatch, within),
                )
            })
            .collect(),
        on,
    }
}

/// A part of the essay's heading over its questions.
fn group_heading(part: &crate::model::study::StudyPart) -> String {
    format!(
        r#"<h4 id="checks-{}">{}</h4><p class="group-paragraphs">{}</p>"#,
        part.id,
        esc(part.label),
        esc(&paragraph_range(part.paragraphs))
    )
}

/// Every question under its part, folded, with no answer revealed (the static page).
#[cfg(not(target_arch = "wasm32"))]
pub fn static_groups() -> Html {
    let s = study();
    let groups = s.parts.iter().map(|part| {
        let questions = s.questions.iter().filter(|q| q.part == part.id).map(|q| {
            html! { <li key={q.id}>{ super::quiz::static_question(q) }</li> }
        });
        let count = s.questions.iter().filter(|q| q.part == part.id).count();
        html! {
            <section class="check-group" key={part.id} aria-labelledby={format!("checks-{}", part.id)}>
                { raw(group_heading(part)) }
                <details class="disclosure">
                    <summary><span class="disclosure-label">{ format!("{count} questions") }</span></summary>
                    <ol class="questions">{ for questions }</ol>
                </details>
            </section>
        }
    });
    html! { <>{ for groups }</> }
}
