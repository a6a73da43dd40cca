//! The progress panel: what is seen and answered (overall and per part), why progress cannot be saved
//! if so, reset with an inline confirmation, and the summary as a file, as text or as a printable page.

use yew::prelude::*;

use super::export::{printable_summary, summary_text, today};
use super::progress_context::use_progress;
use super::progress_model::ProgressAction;

/// The progress panel.
#[component]
pub fn ProgressPanel() -> Html {
    let handle = use_progress();
    let confirming = use_state(|| false);
    let printable = use_state(|| false);
    let fallback = use_state(|| None::<(String, String)>);
    {
        // Keep keyboard focus on the reset controls as they swap.
        let first = use_mut_ref(|| true);
        use_effect_with(*confirming, move |on| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                crate::browser::focus(if *on { "reset-yes" } else { "reset-progress" });
            }
        });
    }
    let snap = &*handle;
    let t = snap.progress.tally();
    let export = {
        let (fallback, progress) = (fallback.clone(), snap.progress.clone());
        Callback::from(move |_: MouseEvent| {
            let text = summary_text(&progress, &today());
            match crate::browser::download("study-summary.txt", &text, "text/plain;charset=utf-8") {
                Ok(()) => fallback.set(None),
                Err(why) => fallback.set(Some((why, text))),
            }
        })
    };
    let toggle_print = {
        let printable = printable.clone();
        Callback::from(move |_: MouseEvent| printable.set(!*printable))
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let reset = {
        let (confirming, handle) = (confirming.clone(), handle.clone());
        Callback::from(move |_: MouseEvent| {
            handle.dispatch(ProgressAction::Reset);
            confirming.set(false);
        })
    };
    let rows = t.parts.iter().map(|(label, answered, correct, total)| html! {
        <tr><th scope="row">{ label.clone() }</th><td class="num">{ format!("{answered} of {total}") }</td><td class="num">{ correct }</td></tr>
    });
    html! {
        <section class="study-progress" aria-labelledby="progress-title">
            <h3 id="progress-title">{ "Your progress" }</h3>
            <div role="status" class="storage-status">
                if let Some(why) = &snap.blocked {
                    <p class="storage-note"><span aria-hidden="true">{ "⚠ " }</span>
                        { format!("Progress can't be saved in this window: {why}; your answers stay until you close the page.") }</p>
                }
                if let Some(why) = &snap.corrupted {
                    <p class="storage-note"><span aria-hidden="true">{ "⚠ " }</span>
                        { format!("Saved progress could not be read ({why}), so it was reset.") }
                        <button type="button" class="link-button" onclick={handle.dispatcher().to_callback().reform(|_: MouseEvent| ProgressAction::DismissCorrupted)}>{ "Dismiss" }</button></p>
                }
            </div>
            <p class="progress-summary">
                <strong>{ format!("{} of {} steps seen", t.steps_seen, t.steps) }</strong>{ " · " }
                <strong>{ format!("{} of {} questions answered", t.answered, t.questions) }</strong>{ " · " }
                <strong>{ format!("{} correct", t.correct) }</strong>
            </p>
            <div class="table-wrap">
                <table class="progress-table">
                    <caption class="visually-hidden">{ "Self-checks answered and correct, per part of the essay" }</caption>
                    <thead><tr><th scope="col">{ "Part of the essay" }</th><th scope="col" class="num">{ "Answered" }</th><th scope="col" class="num">{ "Correct" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <div class="progress-actions">
                <button type="button" class="secondary" onclick={export}>{ "Export summary" }</button>
                <button type="button" class="secondary" aria-expanded={printable.to_string()} onclick={toggle_print}>{ "Printable summary" }</button>
                if *confirming {
                    <span class="confirm" role="group" aria-label="Confirm reset">
                        <span>{ "Forget all steps and answers?" }</span>
                        <button type="button" id="reset-yes" class="danger" onclick={reset}>{ "Yes, reset" }</button>
                        <button type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
                    </span>
                } else {
                    <button type="button" id="reset-progress" class="secondary" onclick={ask}>{ "Reset progress" }</button>
                }
            </div>
            if let Some((why, text)) = &*fallback {
                <div class="summary-fallback">
                    <label for="summary-text">{ format!("The download was refused ({why}). Copy the summary from here:") }</label>
                    <textarea id="summary-text" readonly=true rows="12" value={text.clone()} />
                </div>
            }
            if *printable {
                <div class="printable-wrap">
                    <button type="button" class="secondary" onclick={Callback::from(|_: MouseEvent| crate::browser::print())}>{ "Print" }</button>
                    { printable_summary(&snap.progress) }
                </div>
            }
        </section>
    }
}
