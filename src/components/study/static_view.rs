//! The study part on the static (no-JavaScript, print) page: the tour as an ordered list and every
//! question with its options, no answer revealed.

use yew::prelude::*;

use super::paragraph_range;
use crate::components::{cite::Cites, rich::RichText, PartHeading};
use crate::model::format_number;
use crate::model::study::{study, Question, QuestionKind};
use crate::model::Part;

/// The whole study part, expanded.
pub fn static_study() -> Html {
    let s = study();
    let steps = s.tour.iter().map(|step| html! {
        <li key={step.id.to_string()}>
            <h4>{ step.title.to_string() }</h4>
            { for step.body.iter().map(|b| html! { <p><RichText text={b.to_string()} /></p> }) }
            <p class="look-for"><strong>{ "Look for: " }</strong>{ step.look_for.to_string() }</p>
            <Cites paragraphs={step.paragraphs} open=true />
        </li>
    });
    let groups = s.parts.iter().map(|part| {
        let questions: Vec<_> = s.questions.iter().filter(|q| q.part == part.id).collect();
        html! {
            <section class="check-group" key={part.id.to_string()}>
                <h4>{ part.label.to_string() }</h4>
                <p class="group-paragraphs">{ paragraph_range(part.paragraphs) }</p>
                <details class="disclosure">
                    <summary><span class="disclosure-label">{ format!("{} questions", questions.len()) }</span></summary>
                    <ol class="questions">{ for questions.into_iter().map(question) }</ol>
                </details>
            </section>
        }
    });
    html! {
        <section class="part study" aria-labelledby={Part::Study.heading_id()}>
            <PartHeading part={Part::Study} />
            <h3>{ "Guided tour" }</h3>
            <details class="disclosure">
                <summary><span class="disclosure-label">{ format!("The {} steps of the tour", s.tour.len()) }</span></summary>
                <ol class="tour-steps static">{ for steps }</ol>
            </details>
            <h3>{ "Self-checks" }</h3>
            <p>{ "Answer these with the interactive version to get feedback; the answers are not shown here." }</p>
            { for groups }
        </section>
    }
}

fn question(q: &Question) -> Html {
    let body = match &q.kind {
        QuestionKind::Choice { options, .. } => html! {
            <ul class="options static">{ for options.iter().map(|o| html! { <li key={o.id.to_string()}><RichText text={o.text.to_string()} /></li> }) }</ul>
        },
        QuestionKind::Sort { bins, items } => {
            let names: Vec<String> = bins.iter().map(|b| format!("“{}”", b.text)).collect();
            html! { <>
                <p>{ format!("Sort each into {}:", names.join(", ")) }</p>
                <ul class="sort-items static">{ for items.iter().map(|i| html! { <li key={i.id.to_string()}><RichText text={i.text.to_string()} /></li> }) }</ul>
            </> }
        }
        QuestionKind::Predict { unit, min, max, .. } => html! {
            <p>{ format!("Your guess, between {} and {} {unit}.", format_number(*min, 1), format_number(*max, 1)) }</p>
        },
    };
    html! {
        <li key={q.id.to_string()} class="question q-static">
            <p class="prompt"><RichText text={q.prompt.to_string()} /></p>
            { body }
        </li>
    }
}
