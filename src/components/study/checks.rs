//! The self-checks, one at a time: a numbered row that shows which are answered (and how) and jumps to any,
//! the current question under its part of the essay, Previous / Next, and a switch to see all at once.

use yew::prelude::*;

use super::paragraph_range;
use super::progress_context::ProgressHandle;
use super::progress_model::Progress;
use super::quiz::QuestionView;
use crate::components::raw::{esc, raw};
use crate::model::study::study;

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
/// answered, a number for each, "show all"), the questions (Yew's), and what a press on a `data-q` button does.
pub struct Checks {
    pub head: String,
    pub body: Html,
    pub nav: Callback<String>,
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
    {
        // After a reset, start again at the first question; moving to another question brings it into view
        // and gives its heading focus (neither on the first render).
        let current = current.clone();
        let seen = use_mut_ref(|| None::<(usize, usize)>);
        use_effect_with((snap.resets, *current), move |&(resets, at)| {
            if let Some((was_resets, was_at)) = seen.replace(Some((resets, at))) {
                if resets != was_resets {
                    current.set(0);
                }
                if at != was_at {
                    crate::browser::glide_to("check-current", true);
                    crate::browser::focus("check-current-title");
                }
            }
        });
    }
    let at = (*current).min(total.saturating_sub(1));
    // A number's data-q is a question's index; "all" switches to every question at once and back.
    let nav = {
        let (current, show_all) = (current.clone(), show_all.clone());
        Callback::from(move |to: String| match to.parse() {
            Ok(to) => {
                show_all.set(false);
                current.set(to);
            }
            Err(_) => show_all.set(!*show_all),
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
    let body = if *show_all {
        let groups = s.parts.iter().map(|part| {
            let questions = s.questions.iter().enumerate().filter(|(_, q)| q.part == part.id).map(|(i, q)| {
                html! { <li key={format!("{}-{}", q.id, snap.resets)}><QuestionView index={i} progress={Some(handle.clone())} /></li> }
            });
            html! {
                <section class="check-group" key={part.id} aria-labelledby={format!("checks-{}", part.id)}>
                    { group_heading(part) }
                    <ol class="questions">{ for questions }</ol>
                </section>
            }
        });
        html! { <>{ for groups }</> }
    } else {
        let q = &s.questions[at];
        let part = s.parts.iter().find(|p| p.id == q.part);
        let part_no = s
            .parts
            .iter()
            .position(|p| p.id == q.part)
            .map_or(0, |i| i + 1);
        // Previous / Next move focus to the new question's heading (the effect above).
        let mut nav = format!(
            r#"<div class="check-nav"><button type="button" class="secondary"{} data-q="{}"><span aria-hidden="true">← </span>Previous</button>"#,
            if at == 0 {
                r#" disabled="disabled""#
            } else {
                ""
            },
            at.saturating_sub(1)
        );
        if at + 1 < total {
            nav += &format!(
                r#"<button type="button" class="primary" data-q="{}">Next question<span aria-hidden="true"> →</span></button>"#,
                at + 1
            );
        }
        nav += "</div>";
        // The heading takes focus after a move: it is drawn anew only when the question changes.
        let mut heading = format!(
            r#"<h4 id="check-current-title" tabindex="-1">Question {} of {total}"#,
            at + 1
        );
        if let Some(part) = part {
            heading += &format!(
                r#"<span class="check-part"> · Part {part_no} of {}: {}</span></h4><p class="group-paragraphs">{}</p>"#,
                s.parts.len(),
                esc(part.label),
                esc(&paragraph_range(part.paragraphs))
            );
        } else {
            heading += "</h4>";
        }
        html! {
            <div class="check-current" id="check-current">
                { raw(heading) }
                <QuestionView key={format!("{}-{}", q.id, snap.resets)} index={at} progress={Some(handle.clone())} />
                { raw(nav) }
            </div>
        }
    };
    Checks { head, body, nav }
}

/// A part of the essay's heading over its questions.
fn group_heading(part: &crate::model::study::StudyPart) -> Html {
    raw(format!(
        r#"<h4 id="checks-{}">{}</h4><p class="group-paragraphs">{}</p>"#,
        part.id,
        esc(part.label),
        esc(&paragraph_range(part.paragraphs))
    ))
}

/// Every question under its part, folded, with no answer revealed (the static page).
#[cfg(not(target_arch = "wasm32"))]
pub fn static_groups() -> Html {
    let s = study();
    let groups = s.parts.iter().map(|part| {
        let questions = s.questions.iter().enumerate().filter(|(_, q)| q.part == part.id).map(|(i, q)| {
            html! { <li key={q.id}><QuestionView index={i} /></li> }
        });
        let count = s.questions.iter().filter(|q| q.part == part.id).count();
        html! {
            <section class="check-group" key={part.id} aria-labelledby={format!("checks-{}", part.id)}>
                { group_heading(part) }
                <details class="disclosure">
                    <summary><span class="disclosure-label">{ format!("{count} questions") }</span></summary>
                    <ol class="questions">{ for questions }</ol>
                </details>
            </section>
        }
    });
    html! { <>{ for groups }</> }
}
