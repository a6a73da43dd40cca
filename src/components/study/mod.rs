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

use crate::components::raw::esc;
#[cfg(not(target_arch = "wasm32"))]
use crate::components::{cite::Cites, raw::raw, rich::rich_text, PartHeading};
use crate::components::{use_dispatch, use_static_page};
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

/// The mark of the app's view on the static page: shown with JavaScript from the first paint (and kept as the same
/// nodes when the app starts), gone without it; its reading view (`STATIC`) is the other way round
/// (static/css/40-study.css).
const APP: &str = r#" data-app="""#;
/// The mark of the static page's reading view (see `APP`).
#[cfg(not(target_arch = "wasm32"))]
const STATIC: &str = r#" data-static="""#;

/// The study part. The app's view (the tour's start and its steps as links, one question at a time, the
/// progress) is written as markup, the same on the static page and in the app, which keeps the page's nodes on
/// start and brings them up to date (`use_kept`); only the questions are Yew's. On the static page (no
/// JavaScript, print) the tour is an ordered list of its steps in full, and every question shows its options
/// with no answer revealed.
#[component]
pub fn StudyPart(props: &StudyProps) -> Html {
    let dispatch = use_dispatch();
    let snap = use_progress(props.progress.clone());
    let static_page = crate::components::drawn_static(use_static_page());
    let checks = use_self_checks(&snap);
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
    // One handler for the part's links and buttons: data-go is a tour step to start at, a part to go to, or
    // "checks"; data-q a question to show (or "all"); data-act a progress action.
    let click = {
        let view = props.view;
        let (nav, act) = (checks.nav.clone(), panel.act.clone());
        Callback::from(move |e: MouseEvent| {
            let data = |name| crate::browser::data_of(&e, name);
            if let Some(to) = data("data-go") {
                e.prevent_default();
                if let Ok(n) = to.parse() {
                    dispatch.emit(Action::StartTour(view_for_step(&view, n)));
                } else if let Some(part) = Part::from_key(&to) {
                    dispatch.emit(Action::Navigate(part));
                } else {
                    crate::browser::focus("checks-title");
                    crate::browser::glide_to("checks-title", true);
                }
            } else if let Some(q) = data("data-q") {
                nav.emit(q);
            } else if let Some(a) = data("data-act") {
                act.emit(a);
            }
        })
    };
    let tour = tour_markup(&props.view, &snap.progress, static_page);
    #[cfg(target_arch = "wasm32")]
    return use_kept(tour, checks.head, checks.body, panel.markup, click);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let s = study();
        let mark = if static_page { APP } else { "" };
        let app_body = html! {
            <div class="check-body" data-app={static_page.then_some("")}>
                <crate::components::Prerendered on=false>{ checks.body }</crate::components::Prerendered>
            </div>
        };
        html! {
            <section class="part study" aria-labelledby={Part::Study.heading_id()} onclick={click}>
                <PartHeading part={Part::Study} />
                <section class="study-tour" aria-labelledby="tour-intro-title">
                    { raw(format!(r#"<h3 id="tour-intro-title">Guided tour</h3>{tour}"#)) }
                    if static_page {
                        <details class="disclosure" data-static="">
                            <summary><span class="disclosure-label">{ format!("The {} steps of the tour", s.tour.len()) }</span></summary>
                            <ol class="tour-steps static">{ for s.tour.iter().map(static_step) }</ol>
                        </details>
                    }
                </section>
                <section class="self-checks" aria-labelledby="checks-title">
                    { raw(format!(r#"<h3 id="checks-title" tabindex="-1">Self-checks</h3>{}{}"#,
                        if static_page { format!("<p{STATIC}>Answer these with the interactive version to get feedback; the answers are not shown here.</p>") } else { String::new() },
                        checks.head.replacen("<div ", &format!("<div{mark} "), 1))) }
                    { app_body }
                    if static_page {
                        <div data-static="">{ checks::static_groups() }</div>
                    }
                </section>
                { raw(panel.markup.replacen("<section ", &format!("<section{mark} "), 1)) }
            </section>
        }
    }
}

/// A tour step in full, for the static page.
#[cfg(not(target_arch = "wasm32"))]
fn static_step(step: &'static crate::model::study::TourStep) -> Html {
    html! {
        <li key={step.id.to_string()}>
            <h4>{ step.title.to_string() }</h4>
            { for step.body.iter().map(|b| html! { <p data-p={b.key()}>{ rich_text(b) }</p> }) }
            <p class="look-for"><strong>{ "Look for: " }</strong><span data-p={step.look_for.key()}>{ step.look_for.text() }</span></p>
            <Cites paragraphs={step.paragraphs} />
        </li>
    }
}

/// The tour's start as the app shows it: its ending once every step is seen, what it is, the button that starts
/// it (or goes on where the reader left it) and its steps as links, each marked once seen.
fn tour_markup(
    view: &crate::state::View,
    progress: &progress_model::Progress,
    static_page: bool,
) -> String {
    use std::fmt::Write;
    let s = study();
    let total = s.tour.len();
    let done = total > 0 && (1..=total).all(|n| progress.steps.contains(&n));
    let resume = (1..=total)
        .find(|n| !progress.steps.contains(n))
        .filter(|n| *n > 1);
    let mut out = format!(
        r#"<div class="tour-start"{}>{}<p>{total} steps through the essay's argument. Each step opens the card, timeline event or map view it talks about; move with Next and Back.</p><button type="button" class="primary" id="start-tour" data-go="{}">{}</button><ol class="tour-steps">"#,
        if static_page { APP } else { "" },
        if done {
            tour_done(total)
        } else {
            String::new()
        },
        resume.unwrap_or(1),
        match resume {
            Some(n) => format!("Continue the tour at step {n}"),
            None => "Start the guided tour".to_string(),
        }
    );
    for (i, step) in s.tour.iter().enumerate() {
        let seen = progress.steps.contains(&(i + 1));
        let _ = write!(
            out,
            r#"<li{}><a href="{}" data-go="{}">{}</a>{}</li>"#,
            if seen { r#" class="seen""# } else { "" },
            esc(&href(&view_for_step(view, i + 1))),
            i + 1,
            esc(step.title),
            if seen {
                r#"<span class="seen-mark"><span aria-hidden="true"> ✓</span><span class="visually-hidden"> (seen)</span></span>"#
            } else {
                ""
            }
        );
    }
    out + "</ol></div>"
}

/// The part as the app keeps it: the page's own section (`crate::adopt::use_island_node`; built from the same
/// markup where the page had none), its reading view taken out, each block brought up to date from its markup
/// (`map::sync::morph`: the same nodes, changed where they differ), the questions drawn into their place, and one
/// listener for the part's clicks.
#[cfg(target_arch = "wasm32")]
#[hook]
fn use_kept(
    tour: String,
    head: String,
    body: Html,
    progress: String,
    click: Callback<MouseEvent>,
) -> Html {
    use crate::browser::{all_in, find_in};
    use crate::components::map::sync::{morph, parse};
    #[cfg(prose_from_page)]
    let page = crate::adopt::use_island_node(Part::Study);
    #[cfg(not(prose_from_page))]
    let page = None::<web_sys::Node>;
    let on_click = use_mut_ref(|| click.clone());
    *on_click.borrow_mut() = click;
    let kept = use_memo((), move |_| {
        let section = page
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            .or_else(|| {
                parse(&format!(
                    r#"<section class="part study" aria-labelledby="part-study">{}<section class="study-tour" aria-labelledby="tour-intro-title"><h3 id="tour-intro-title">Guided tour</h3><div></div></section><section class="self-checks" aria-labelledby="checks-title"><h3 id="checks-title" tabindex="-1">Self-checks</h3><div></div><div class="check-body"></div></section><section></section></section>"#,
                    crate::components::heading_markup(Part::Study).0
                ))
            })?;
        all_in(&section, "[data-static]")
            .iter()
            .for_each(web_sys::Element::remove);
        let blocks = [
            ".study-tour > div",
            ".self-checks > div",
            ".study > section:last-child",
        ]
        .map(|sel| {
            (
                find_in(&section, sel),
                std::cell::RefCell::new(String::new()),
            )
        });
        let body = find_in(&section, ".check-body")?;
        body.set_text_content(None);
        // Not passive: a link's click is followed in the app (prevent_default).
        let listener = gloo::events::EventListener::new_with_options(
            &section,
            "click",
            gloo::events::EventListenerOptions::enable_prevent_default(),
            move |e| {
                let click = on_click.borrow().clone();
                click.emit(wasm_bindgen::JsCast::unchecked_ref::<MouseEvent>(e).clone());
            },
        );
        Some((section, blocks, body, listener))
    });
    let Some((section, blocks, body_place, _)) = &*kept else {
        return Html::default();
    };
    for ((el, last), markup) in blocks.iter().zip([tour, head, progress]) {
        if let Some(el) = el.as_ref().filter(|_| *last.borrow() != markup) {
            if let Some(new) = parse(&markup) {
                morph(el, &new);
            }
            *last.borrow_mut() = markup;
        }
    }
    html! {
        <>
            { Html::VRef(section.clone().into()) }
            { create_portal(body, body_place.clone()) }
        </>
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
