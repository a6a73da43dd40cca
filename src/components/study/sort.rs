//! A sorting question: each item gets a select of bins (keyboard only, no dragging), then per-item feedback.

use yew::prelude::*;

use super::progress_context::use_progress;
use super::quiz::{check_and_record, feedback, figure_value, question, saved, QuestionProps};
use crate::model::study::{Answer, QuestionKind};
use crate::model::SortedMap;
use crate::text::plain;

/// Items, their bin selects, a Check button and feedback per item and overall.
#[component]
pub fn SortQuestion(props: &QuestionProps) -> Html {
    let progress = use_progress();
    let q = question(props.index);
    let QuestionKind::Sort { bins, items } = &q.kind else {
        return html! {};
    };
    let initial = match saved(&progress, q) {
        Some(Answer::Sort(placed)) => placed,
        _ => SortedMap::new(),
    };
    let verdict = use_state({
        let shown =
            (!initial.is_empty()).then(|| q.check(&Answer::Sort(initial.clone()), figure_value));
        move || shown
    });
    let placed = use_state(move || initial);
    let rows = items.iter().map(|item| {
        let select_id = format!("{}-{}", q.id, item.id);
        let current = placed.get(item.id).cloned().unwrap_or_default();
        let onchange = {
            let (placed, verdict, item_id) = (placed.clone(), verdict.clone(), item.id.to_string());
            Callback::from(move |e: Event| {
                let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
                let mut next = (*placed).clone();
                if value.is_empty() {
                    next.remove(&item_id);
                } else {
                    next.insert(item_id.clone(), value);
                }
                placed.set(next);
                verdict.set(None);
            })
        };
        let mark = verdict.as_ref().map(|v| {
            if v.items.get(&*item.id).copied().unwrap_or(false) {
                html! { <span class="item-mark right"><span aria-hidden="true">{ "✓ " }</span>{ "Right" }</span> }
            } else {
                let label = bins.iter().find(|b| b.id == item.answer).map(|b| b.text.to_string()).unwrap_or_default();
                html! { <span class="item-mark wrong"><span aria-hidden="true">{ "✗ " }</span>{ format!("The essay puts this under “{label}”") }</span> }
            }
        });
        let options = bins.iter().map(|b| {
            html! { <option key={b.id.to_string()} value={b.id.to_string()} selected={current == *b.id}>{ b.text.to_string() }</option> }
        });
        html! {
            <li key={item.id.to_string()} class="sort-item">
                <label for={select_id.clone()}>{ plain(item.text) }</label>
                <select id={select_id} {onchange}>
                    <option value="" selected={current.is_empty()}>{ "Choose…" }</option>
                    { for options }
                </select>
                { for mark }
            </li>
        }
    });
    let check = {
        let (placed, verdict, progress) = (placed.clone(), verdict.clone(), progress.clone());
        Callback::from(move |_: MouseEvent| {
            let answer = Answer::Sort((*placed).clone());
            check_and_record(&progress, q, answer.clone());
            verdict.set(Some(q.check(&answer, figure_value)));
        })
    };
    let unplaced = items.len() - items.iter().filter(|i| placed.contains_key(i.id)).count();
    html! {
        <fieldset class="question q-sort" id={q.id.to_string()}>
            <legend>{ plain(&q.prompt) }</legend>
            <ul class="sort-items">{ for rows }</ul>
            <button type="button" class="secondary" onclick={check}>{ "Check" }</button>
            <div class="feedback-area" aria-live="polite">
                if let Some(v) = &*verdict {
                    { feedback(props.index, v.correct, html! {
                        <p>{ format!("{} of {} placed as the essay does{}.", v.items.values().filter(|ok| **ok).count(), items.len(),
                            if unplaced > 0 { format!("; {unplaced} not placed yet") } else { String::new() }) }</p>
                    }) }
                }
            </div>
        </fieldset>
    }
}
