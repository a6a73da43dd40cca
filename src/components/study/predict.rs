//! Predict-then-reveal controls: a slider and a number box bound together, then the real value derived
//! from `figures.json`, how far off the guess was, and a way to see it on the map. The shell (Reveal, the
//! sources and citations) is `quiz::question_markup`.

use yew::prelude::*;

use super::tour::apply_view;
use crate::components::raw::{esc, raw};
use crate::deep_link::Within;
use crate::model::study::{Question, QuestionKind, Verdict};
use crate::model::{format_number, shortest};
use crate::state::Action;

/// The unit of a difference: two percentages differ by percentage points, not percent.
pub fn difference_unit(unit: &str) -> &str {
    if unit == "percent" {
        "percentage points"
    } else {
        unit
    }
}

/// The slider and the number box, both at `guess` (the question's input handler reads either).
pub fn controls(q: &Question, guess: f64) -> String {
    let QuestionKind::Predict {
        unit,
        min,
        max,
        step,
        ..
    } = &q.kind
    else {
        return String::new();
    };
    let unit = esc(unit);
    let [min, max, step, value] = [*min, *max, *step, guess].map(shortest);
    let bounds = format!(r#"min="{min}" max="{max}" step="{step}" value="{value}""#);
    format!(
        r#"<div class="guess"><label for="{0}-slider">Your guess ({unit})</label><input type="range" id="{0}-slider" {bounds} aria-valuetext="{1} {unit}"><span class="guess-number"><label for="{0}-number" class="visually-hidden">Your guess as a number ({unit})</label><input type="number" id="{0}-number" {bounds}><span class="unit">{unit}</span></span></div>"#,
        q.id,
        format_number(guess, 1)
    )
}

/// The real value and how far off `guess` is (or that the data is missing), and "Show on the map" where the
/// question has a view.
pub fn reveal(
    q: &Question,
    guess: f64,
    verdict: &Verdict,
    dispatch: &Callback<Action>,
    within: Within,
) -> Html {
    let QuestionKind::Predict { unit, .. } = &q.kind else {
        return Html::default();
    };
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
    let guessed = format_number(guess, 1);
    let value = match verdict.expected {
        Some(e) => {
            let far = if (guess - e).abs() < 1e-9 {
                "exactly right".to_string()
            } else {
                format!(
                    "{} {} {}",
                    format_number((guess - e).abs(), 1),
                    difference_unit(unit),
                    if guess > e { "too high" } else { "too low" }
                )
            };
            let unit = esc(unit);
            raw(format!(
                "<p class=\"reveal\"><strong>The real value: {} {unit}. </strong>Your guess, {guessed} {unit}, is {}.</p>",
                format_number(e, 1),
                esc(&far)
            ))
        }
        None => raw(r#"<p class="missing">The data needed for this value is missing.</p>"#),
    };
    html! { <>{ value }{ for on_map }</> }
}
