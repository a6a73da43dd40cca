//! The study part: the guided tour's start and steps, the reader's progress, and the self-checks grouped
//! by the essay's six parts.

pub mod checks;
pub mod export;
pub mod predict;
pub mod progress;
pub mod progress_context;
pub mod progress_model;
pub mod quiz;
pub mod sort;
pub mod tour;

use yew::prelude::*;

use crate::components::raw::{esc, raw};
use crate::components::{cite::Cites, rich::rich_text, use_dispatch, use_static_page, PartHeading};
use crate::deep_link::href;
use crate::model::study::study;
use crate::model::Part;
use crate::state::Action;
use checks::use_self_checks;
use progress::use_progress_panel;
use progress_context::{use_progress, ProgressHandle};
use tour::view_for_step;

/// Props of the study part: the view, and the page's study progress (the app's `use_progress_state`; native
/// tests may leave it out).
#[derive(Properties, PartialEq, Clone)]
pub struct StudyProps {
    pub view: crate::state::View,
    #[prop_or_default]
    pub progress: Option<ProgressHandle>,
}

/// The study part. On the static page (no JavaScript, print) the tour is an ordered list of its steps in
/// full, and every question shows its options with no answer revealed.
#[component]
pub fn StudyPart(props: &StudyProps) -> Html {
    let dispatch = use_dispatch();
    let snap = use_progress(props.progress.clone());
    let static_page = use_static_page();
    let checks = use_self_checks(&snap, static_page);
    let panel = use_progress_panel(&snap);
    use_effect_with((), |_| {
        // Just after the tour's last step: show its ending and give it focus (after the app's own focus move).
        if tour::take_finished() {
            gloo::timers::callback::Timeout::new(0, || {
                crate::browser::focus("tour-done-title");
                crate::browser::glide_to("tour-done", false);
            })
            .forget();
        }
    });
    let s = study();
    let total = s.tour.len();
    let done = total > 0 && (1..=total).all(|n| snap.progress.steps.contains(&n));
    let resume = (1..=total)
        .find(|n| !snap.progress.steps.contains(n))
        .filter(|n| *n > 1);
    // One handler for the tour's links and buttons: data-go is a step to start the tour at, a part to go
    // to, or "checks".
    let go = {
        let view = props.view;
        Callback::from(move |e: MouseEvent| {
            let Some(to) = crate::browser::data_of(&e, "data-go") else {
                return;
            };
            e.prevent_default();
            if let Ok(n) = to.parse() {
                dispatch.emit(Action::StartTour(view_for_step(&view, n)));
            } else if let Some(part) = Part::from_key(&to) {
                dispatch.emit(Action::Navigate(part));
            } else {
                crate::browser::focus("checks-title");
                crate::browser::glide_to("checks-title", true);
            }
        })
    };
    let steps = s.tour.iter().enumerate().map(|(i, step)| {
        if static_page {
            return html! {
                <li key={step.id.to_string()}>
                    <h4>{ step.title.to_string() }</h4>
                    { for step.body.iter().map(|b| html! { <p data-p={b.key()}>{ rich_text(b) }</p> }) }
                    <p class="look-for"><strong>{ "Look for: " }</strong><span data-p={step.look_for.key()}>{ step.look_for.text() }</span></p>
                    <Cites paragraphs={step.paragraphs} />
                </li>
            };
        }
        let href = href(&view_for_step(&props.view, i + 1));
        let seen = snap.progress.steps.contains(&(i + 1));
        html! {
            <li key={step.id.to_string()} class={seen.then_some("seen")}>
                { raw(format!(r#"<a href="{}" data-go="{}">{}</a>"#, esc(&href), i + 1, esc(step.title))) }
                if seen { { raw(r#"<span class="seen-mark"><span aria-hidden="true"> ✓</span><span class="visually-hidden"> (seen)</span></span>"#) } }
            </li>
        }
    });
    html! {
        <section class="part study" aria-labelledby={Part::Study.heading_id()}>
            <PartHeading part={Part::Study} />
            <section class="study-tour" aria-labelledby="tour-intro-title" onclick={go}>
                { raw(r#"<h3 id="tour-intro-title">Guided tour</h3>"#) }
                if static_page {
                    <details class="disclosure">
                        <summary><span class="disclosure-label">{ format!("The {total} steps of the tour") }</span></summary>
                        <ol class="tour-steps static">{ for steps }</ol>
                    </details>
                } else {
                    { raw(format!("{}<p>{total} steps through the essay's argument. Each step opens the card, timeline event or map \
                        view it talks about; move with Next and Back.</p>", if done { tour_done(total) } else { String::new() })) }
                    <button type="button" class="primary" id="start-tour" data-go={resume.unwrap_or(1).to_string()}>
                        { match resume { Some(n) => format!("Continue the tour at step {n}"), None => "Start the guided tour".to_string() } }
                    </button>
                    <ol class="tour-steps">{ for steps }</ol>
                }
            </section>
            { checks }
            if !static_page {
                { panel }
            }
        </section>
    }
}

/// The tour's ending: what the reader has done, and where to go next, as markup (its links and button are
/// handled by the tour section's click handler, and it does not change while shown).
fn tour_done(total: usize) -> String {
    let go = |part: Part, label: &str| {
        format!(
            r#"<a href="?part={0}" data-go="{0}">{label}</a>"#,
            part.key()
        )
    };
    format!(
        r#"<div class="tour-done" id="tour-done"><h4 id="tour-done-title" tabindex="-1"><span aria-hidden="true">✓ </span>Tour finished: you have seen all {total} steps</h4><p>What to do next:</p><ul><li><button type="button" class="link-button" data-go="checks">Test yourself with the self-checks</button><span class="done-why">One question at a time, with feedback.</span></li><li>{}<span class="done-why">Which of the essay's numbers and citations hold up.</span></li><li>{}<span class="done-why">The concepts, events and actors behind the argument.</span></li></ul></div>"#,
        go(Part::Evidence, "Read the evidence"),
        go(Part::Cards, "Browse all the cards")
    )
}

/// "Paragraphs P4–P15" for a part's paragraph list.
pub fn paragraph_range<S: std::fmt::Display>(paragraphs: &[S]) -> String {
    match paragraphs {
        [] => String::new(),
        [one] => format!("Paragraph {one}"),
        [first, .., last] => format!("Paragraphs {first}–{last}"),
    }
}
