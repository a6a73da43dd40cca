//! Predict-then-reveal: a slider and a number box bound together, then the real value derived from
//! `figures.json`, how far off the guess was, the sources, and a way to see it on the map.

use yew::prelude::*;

use super::progress_context::use_progress;
use super::quiz::{check_and_record, feedback, figure_value, question, saved, QuestionProps};
use super::tour::apply_view;
use crate::components::use_dispatch;
use crate::model::study::{Answer, QuestionKind};
use crate::model::{format_number, shortest};
use crate::state::Action;
use crate::text::plain;

/// The unit of a difference: two percentages differ by percentage points, not percent.
pub fn difference_unit(unit: &str) -> &str {
    if unit == "percent" {
        "percentage points"
    } else {
        unit
    }
}

/// The predict question view.
#[component]
pub fn PredictQuestion(props: &QuestionProps) -> Html {
    let progress = use_progress();
    let q = question(props.index);
    let dispatch = use_dispatch();
    // "Show on the map" keeps the embed settings of the view it is shown in.
    let within = crate::components::use_within();
    let QuestionKind::Predict {
        unit,
        min,
        max,
        step,
        ..
    } = &q.kind
    else {
        return html! {};
    };
    let (min, max, step) = (*min, *max, *step);
    let initial = match saved(&progress, q) {
        Some(Answer::Predict(g)) => Some(g),
        _ => None,
    };
    let guess = use_state(move || initial.unwrap_or(((min + max) / 2.0 / step).round() * step));
    let revealed = use_state(move || initial.is_some());
    let on_input = {
        let (guess, revealed) = (guess.clone(), revealed.clone());
        Callback::from(move |e: InputEvent| {
            // value_as_number: the browser parses, so the wasm needs no float parser.
            let v = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value_as_number();
            if v.is_finite() {
                guess.set(v.clamp(min, max));
                revealed.set(false);
            }
        })
    };
    let reveal = {
        let (guess, revealed, progress) = (guess.clone(), revealed.clone(), progress.clone());
        Callback::from(move |_: MouseEvent| {
            check_and_record(&progress, q, Answer::Predict(*guess));
            revealed.set(true);
        })
    };
    let verdict = q.check(&Answer::Predict(*guess), figure_value);
    let unit_text = unit.to_string();
    let slider_id = format!("{}-slider", q.id);
    let number_id = format!("{}-number", q.id);
    let on_map = q.view.as_ref().map(|v| {
        let current = crate::state::View {
            embed: within.embed,
            hidden: within.hidden,
            ..Default::default()
        };
        let next = apply_view(&current, v);
        let onclick = dispatch.reform(move |_: MouseEvent| Action::Restore(next));
        html! { <button type="button" class="secondary" {onclick}>{ "Show on the map" }</button> }
    });
    let far = match verdict.expected {
        Some(e) if (*guess - e).abs() < 1e-9 => "exactly right".to_string(),
        Some(e) => format!(
            "{} {} {}",
            format_number((*guess - e).abs(), 1),
            difference_unit(&unit_text),
            if *guess > e { "too high" } else { "too low" }
        ),
        None => String::new(),
    };
    html! {
        <fieldset class="question q-predict" id={q.id.to_string()}>
            <legend>{ plain(&q.prompt) }</legend>
            <div class="guess">
                <label for={slider_id.clone()}>{ format!("Your guess ({unit_text})") }</label>
                <input type="range" id={slider_id} min={shortest(min)} max={shortest(max)} step={shortest(step)}
                    value={shortest(*guess)} oninput={on_input.clone()} aria-valuetext={format!("{} {unit_text}", format_number(*guess, 1))} />
                <span class="guess-number">
                    <label for={number_id.clone()} class="visually-hidden">{ format!("Your guess as a number ({unit_text})") }</label>
                    <input type="number" id={number_id} min={shortest(min)} max={shortest(max)} step={shortest(step)}
                        value={shortest(*guess)} oninput={on_input} />
                    <span class="unit">{ unit_text.clone() }</span>
                </span>
            </div>
            <button type="button" class="secondary" onclick={reveal}>{ "Reveal" }</button>
            <div class="feedback-area" aria-live="polite">
                if *revealed {
                    { feedback(props.index, verdict.correct, html! { <>
                        if let Some(e) = verdict.expected {
                            <p class="reveal"><strong>{ format!("The real value: {} {unit_text}. ", format_number(e, 1)) }</strong>
                                { format!("Your guess, {} {unit_text}, is {far}.", format_number(*guess, 1)) }</p>
                        } else {
                            <p class="missing">{ "The data needed for this value is missing." }</p>
                        }
                        { for on_map }
                    </> }) }
                }
            </div>
        </fieldset>
    }
}
