//! The study part: the guided tour's start and steps, the reader's progress, and the self-checks grouped
//! by the essay's six parts.

pub mod export;
pub mod predict;
pub mod progress;
pub mod progress_context;
pub mod progress_model;
pub mod quiz;
pub mod sort;
/// Only the build-time pre-rendering draws the static page, so the wasm leaves this out.
#[cfg(not(target_arch = "wasm32"))]
pub mod static_view;
pub mod tour;

use yew::prelude::*;

use crate::components::{use_dispatch, PartHeading, PartProps};
use crate::deep_link::href;
use crate::model::study::study;
use crate::model::Part;
use crate::state::{Action, View};
use progress::ProgressPanel;
use progress_context::use_progress;
use quiz::QuestionView;
use tour::view_for_step;

/// The view the study part is shown in (for "Show on the map", which keeps embed settings).
#[derive(Clone, PartialEq)]
pub struct CurrentView(pub View);

/// The study part.
#[component]
pub fn StudyPart(props: &PartProps) -> Html {
    let dispatch = use_dispatch();
    let snap = use_progress();
    #[cfg(not(target_arch = "wasm32"))]
    if crate::components::prerendering(props.static_page) {
        return static_view::static_study();
    }
    let s = study();
    let total = s.tour.len();
    let resume = (1..=total)
        .find(|n| !snap.progress.steps.contains(n))
        .filter(|n| *n > 1);
    let start = {
        let target = view_for_step(&props.view, resume.unwrap_or(1));
        dispatch.reform(move |_: MouseEvent| Action::StartTour(target))
    };
    let steps = s.tour.iter().enumerate().map(|(i, step)| {
        let target = view_for_step(&props.view, i + 1);
        let href = href(&target);
        let onclick = dispatch.reform(move |e: MouseEvent| {
            e.prevent_default();
            Action::StartTour(target)
        });
        let seen = snap.progress.steps.contains(&(i + 1));
        html! {
            <li key={step.id.to_string()} class={classes!(seen.then_some("seen"))}>
                <a {href} {onclick}>{ step.title.to_string() }</a>
                if seen { <span class="seen-mark"><span aria-hidden="true">{ " ✓" }</span><span class="visually-hidden">{ " (seen)" }</span></span> }
            </li>
        }
    });
    let groups = s.parts.iter().map(|part| {
        let questions = s.questions.iter().enumerate().filter(|(_, q)| q.part == part.id).map(|(i, q)| {
            html! { <li key={format!("{}-{}", q.id, snap.resets)}><QuestionView index={i} /></li> }
        });
        let heading = format!("checks-{}", part.id);
        html! {
            <section class="check-group" key={part.id.to_string()} aria-labelledby={heading.clone()}>
                <h4 id={heading}>{ part.label.to_string() }</h4>
                <p class="group-paragraphs">{ paragraph_range(part.paragraphs) }</p>
                <ol class="questions">{ for questions }</ol>
            </section>
        }
    });
    html! {
        <section class="part study" aria-labelledby={Part::Study.heading_id()}>
            <PartHeading part={Part::Study} />
            <ContextProvider<CurrentView> context={CurrentView(props.view)}>
                <section class="study-tour" aria-labelledby="tour-intro-title">
                    <h3 id="tour-intro-title">{ "Guided tour" }</h3>
                    <p>{ format!("{total} steps through the essay's argument. Each step opens the card, timeline event or map view it talks about; move with Next and Back.") }</p>
                    <button type="button" class="primary" id="start-tour" onclick={start}>
                        { match resume { Some(n) => format!("Continue the tour at step {n}"), None => "Start the guided tour".to_string() } }
                    </button>
                    <ol class="tour-steps">{ for steps }</ol>
                </section>
                <ProgressPanel />
                <section class="self-checks" aria-labelledby="checks-title">
                    <h3 id="checks-title">{ "Self-checks" }</h3>
                    <p>{ "Questions on each part of the essay. Every answer gets feedback that explains why and cites the paragraphs and sources." }</p>
                    { for groups }
                </section>
            </ContextProvider<CurrentView>>
        </section>
    }
}

/// "Paragraphs P4–P15" for a part's paragraph list.
pub fn paragraph_range<S: std::fmt::Display>(paragraphs: &[S]) -> String {
    match paragraphs {
        [] => String::new(),
        [one] => format!("Paragraph {one}"),
        [first, .., last] => format!("Paragraphs {first}–{last}"),
    }
}
