//! The guided tour: `view_for_step` (pure) and the panel shown above the main content while a step is open.

use yew::prelude::*;

use super::progress_context::ProgressDispatcher;
use super::progress_model::ProgressAction;
use crate::components::raw::{esc, raw};
use crate::components::{cite::Cites, rich::rich_text, use_dispatch};
use crate::content::content;
use crate::model::study::{self, study};
use crate::model::{CardId, Part};
use crate::state::{Action, View};

/// `apply_view(current, v)` is the view a tour step or question asks for: its part, card, republic, layer
/// and period, with everything else at its default except embed and hidden controls; no tour step.
pub fn apply_view(current: &View, v: &study::View) -> View {
    let d = View::default();
    let layer = v.layer.unwrap_or(d.layer);
    let year = v.year.filter(|y| Some(*y) != layer.default_year());
    View {
        part: v.part,
        card: v.card.and_then(|id| content().card_id(id)),
        country: v.country,
        layer,
        year,
        embed: current.embed,
        hidden: current.hidden,
        ..d
    }
}

/// `view_for_step(current, n)` is the view of tour step `n` (1-based) with `step: Some(n)`; out of range,
/// it is `current` with the tour closed.
pub fn view_for_step(current: &View, n: usize) -> View {
    match n.checked_sub(1).and_then(|i| study().tour.get(i)) {
        Some(step) => View {
            step: Some(n),
            ..apply_view(current, &step.view)
        },
        None => View {
            step: None,
            ..*current
        },
    }
}

/// The view after the tour ends: where the reader is, without the step.
pub fn end_tour(current: &View) -> View {
    View {
        step: None,
        ..*current
    }
}

thread_local! {
    static FINISHED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the reader has just finished the tour (then the study part shows and focuses its ending);
/// reading it clears it.
pub fn take_finished() -> bool {
    FINISHED.with(|f| f.replace(false))
}

/// CSS selectors for what a step talks about, most specific first: the card, the selected event (the axis
/// above it where the axis is shown), the republic's profile or the map; else the part's heading.
pub fn subject_selectors(view: &View) -> Vec<String> {
    let mut out = Vec::new();
    match (view.part, view.card.map(CardId::as_str)) {
        (Part::Cards, Some(card)) => out.push(format!("#card-{card}")),
        (Part::Timeline, Some(_)) => {
            // The steps ask the reader to find the event on the axis: where the axis is shown (not on phones),
            // its top comes first, the event's text under it.
            if crate::browser::media_matches("(min-width: 40rem)") {
                out.push(".timeline-axis".to_string());
            }
            out.push("#timeline-detail".to_string())
        }
        (Part::Map, _) => {
            if let Some(c) = view.country {
                out.push(format!("#profile-{}", c.key()));
            }
            out.push(".map-figure".to_string());
        }
        _ => {}
    }
    out.push(format!("#{}", view.part.heading_id()));
    out
}

/// Whether the screen is narrow (phones): the panel then starts with the step's text folded away.
fn narrow_screen() -> bool {
    crate::browser::media_matches("(max-width: 40rem), (max-height: 40rem)")
}

/// Props of the tour panel: the view, and the study progress's dispatcher (from the app).
#[derive(Properties, PartialEq, Clone)]
pub struct TourProps {
    pub view: View,
    pub progress: ProgressDispatcher,
}

/// The tour panel for `view.step`: step count, progress bar, title, text, what to look for, citations,
/// Back / Next / End tour. Buttons keep focus when pressed, so a keyboard reader can walk the whole tour.
#[component]
pub fn TourPanel(props: &TourProps) -> Html {
    let dispatch = use_dispatch();
    let total = study().tour.len();
    let n = props.view.step.unwrap_or(1).clamp(1, total.max(1));
    // The button to give focus back to after the next step is shown, and the step shown last (0: none yet).
    let refocus = use_mut_ref(|| (None::<&'static str>, 0usize));
    let expanded = use_state(|| !narrow_screen());
    let panel = use_node_ref();
    {
        // One effect after every render (each effect costs its own code). On a new step: record it as seen.
        // Moving between parts focuses the new part's heading (app.rs); put focus back on the button pressed,
        // then bring what the step talks about into view above the bar. Always: the page keeps room under its
        // content for the bar (CSS reads --tour-bar-h), measured after each render and given back when the
        // panel goes.
        let progress = props.progress.clone();
        let refocus = refocus.clone();
        let subject = subject_selectors(&props.view);
        let panel = panel.clone();
        use_effect(move || {
            let new_step = {
                let mut last = refocus.borrow_mut();
                (std::mem::replace(&mut last.1, n) != n).then(|| last.0.take())
            };
            if let Some(back) = new_step {
                progress.dispatch(ProgressAction::SeeStep(n));
                if let Some(id) = back {
                    crate::browser::focus_soon(id);
                }
                // After the new view's first frame, when its layout (a fold opening, a sheet) has settled.
                crate::browser::after_next_paint(move || crate::browser::reveal_first(subject));
            }
            let height = panel
                .cast::<web_sys::HtmlElement>()
                .map(|el| format!("{}px", el.offset_height()));
            crate::browser::set_root_property("--tour-bar-h", height.as_deref());
            || crate::browser::set_root_property("--tour-bar-h", None)
        });
    }
    let Some(step) = study().tour.get(n - 1) else {
        return html! {};
    };
    let last = n == total;
    // One handler for the panel's buttons, by their data-act.
    let act = {
        let (expanded, view) = (expanded.clone(), props.view);
        Callback::from(move |e: MouseEvent| {
            let Some(act) = crate::browser::data_of(&e, "data-act") else {
                return;
            };
            let (target, id) = match act.as_str() {
                "toggle" => return expanded.set(!*expanded),
                "back" => (view_for_step(&view, n - 1), "tour-back"),
                "next" if !last => (view_for_step(&view, n + 1), "tour-next"),
                "next" => {
                    FINISHED.with(|f| f.set(true));
                    let done = View {
                        part: Part::Study,
                        ..end_tour(&view)
                    };
                    (done, "part-study")
                }
                "end" => {
                    let view = end_tour(&view);
                    dispatch.emit(Action::Restore(view));
                    // The panel is gone: focus the heading of the part the reader is in.
                    return crate::browser::refocus_if_lost(vec![
                        view.part.heading_id(),
                        "main".into(),
                    ]);
                }
                _ => return,
            };
            refocus.borrow_mut().0 = Some(id);
            dispatch.emit(Action::Restore(target));
        })
    };
    html! {
        <aside ref={panel} class={if *expanded { "tour-panel expanded" } else { "tour-panel" }} aria-labelledby="tour-title" onclick={act}>
            <div class="tour-head">
                { raw(format!("<p class=\"tour-count\" id=\"tour-count\"><span class=\"tour-count-lead\">Guided tour · </span>Step {n} of {total}</p>\
                    <progress max=\"{total}\" value=\"{n}\" aria-labelledby=\"tour-count\">{n} of {total}</progress>")) }
                { raw(r#"<button type="button" class="link-button end-tour" data-act="end">End tour</button>"#) }
            </div>
            { raw(format!("<h2 id=\"tour-title\" class=\"tour-title\">{}</h2>", esc(step.title))) }
            <div class="tour-body" id="tour-body" hidden={!*expanded}>
                { for step.body.iter().map(|b| html! { <p>{ rich_text(b) }</p> }) }
                <Cites paragraphs={step.paragraphs} />
            </div>
            { raw(format!("<p class=\"look-for\"><strong>Look for: </strong><span{}>{}</span></p>{}",
                step.look_for.key().map(|k| format!(" data-p=\"{k}\"")).unwrap_or_default(), esc(step.look_for.text()),
                if last { "<p class=\"tour-last\">This is the last step. Finish to see what to do next.</p>" } else { "" })) }
            <div class="tour-nav">
                <button type="button" class="link-button tour-toggle" aria-expanded={if *expanded { "true" } else { "false" }} aria-controls="tour-body" data-act="toggle">
                    { if *expanded { "Hide text" } else { "Show text" } }
                </button>
                // Back and Next get focus back by id after each step (the effect above).
                { raw(format!(
                    r#"<button type="button" id="tour-back" class="secondary"{} data-act="back"><span aria-hidden="true">← </span>Back</button><button type="button" id="tour-next" class="primary" data-act="next">{}<span aria-hidden="true"> →</span></button>"#,
                    if n == 1 { r#" disabled="disabled""# } else { "" },
                    if last { "Finish" } else { "Next" }
                )) }
            </div>
        </aside>
    }
}
