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
/// nodes when the app starts), gone without it (static/css/40-study.css); its reading view (`NO_JS`) is the other way
/// round.
const APP: &str = r#" data-app="""#;
/// The mark of the static page's reading view (see `APP`; static/css/05-early.css).
#[cfg(not(target_arch = "wasm32"))]
const NO_JS: &str = r#" data-no-js="""#;

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
    // One handler for the part's presses and changes: data-go is a tour step to start at, a part to go to, or
    // "checks"; data-act a progress action; the rest is the self-checks' (a question to show, a Check, an answer).
    let on = {
        let view = props.view;
        let (checks_on, act) = (checks.on.clone(), panel.act.clone());
        Callback::from(move |e: Event| {
            let data = |name| crate::browser::data_of(&e, name);
            if e.type_() != "click" {
                checks_on.emit(e);
            } else if let Some(to) = data("data-go") {
                e.prevent_default();
                if let Ok(n) = to.parse() {
                    dispatch.emit(Action::StartTour(view_for_step(&view, n)));
                } else if let Some(part) = Part::from_key(&to) {
                    dispatch.emit(Action::Navigate(part));
                } else {
                    crate::browser::focus("checks-title");
                    crate::browser::glide_to("checks-title", true);
                }
            } else if let Some(a) = data("data-act") {
                act.emit(a);
            } else {
                checks_on.emit(e);
            }
        })
    };
    let tour = tour_markup(&props.view, &snap.progress, static_page);
    let steps = study().tour.len();
    let done = steps > 0 && (1..=steps).all(|n| snap.progress.steps.contains(&n));
    #[cfg(target_arch = "wasm32")]
    return use_kept(
        [tour, checks.head, panel.markup],
        done,
        checks.body,
        checks.layout,
        checks.shown,
        on,
    );
    #[cfg(not(target_arch = "wasm32"))]
    {
        let s = study();
        let mark = if static_page { APP } else { "" };
        let _ = (on, checks.layout, checks.shown);
        html! {
            <section class="part study" aria-labelledby={Part::Study.heading_id()}>
                <PartHeading part={Part::Study} />
                <section class="study-tour" aria-labelledby="tour-intro-title">
                    { raw(format!(r#"<h3 id="tour-intro-title">Guided tour</h3>{}{tour}"#, tour_done(steps, done))) }
                    if static_page {
                        <details class="disclosure" data-no-js="">
                            <summary><span class="disclosure-label">{ format!("The {} steps of the tour", s.tour.len()) }</span></summary>
                            <ol class="tour-steps static">{ for s.tour.iter().map(static_step) }</ol>
                        </details>
                    }
                </section>
                <section class="self-checks" aria-labelledby="checks-title">
                    { raw(format!(r#"<h3 id="checks-title" tabindex="-1">Self-checks</h3>{}{}<div class="check-body"{mark}>{}</div>"#,
                        if static_page { format!("<p{NO_JS}>Answer these with the interactive version to get feedback; the answers are not shown here.</p>") } else { String::new() },
                        checks.head.replacen("<div ", &format!("<div{mark} "), 1), checks.body)) }
                    if static_page {
                        <div data-no-js="">{ checks::static_groups() }</div>
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
    let resume = (1..=total)
        .find(|n| !progress.steps.contains(n))
        .filter(|n| *n > 1);
    let mut out = format!(
        r#"<div class="tour-start"{}><p>{total} steps through the essay's argument. Each step opens the card, timeline event or map view it talks about; move with Next and Back.</p><button type="button" class="primary" id="start-tour" data-go="{}">{}</button><ol class="tour-steps">"#,
        if static_page { APP } else { "" },
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
            // A step seen is marked by its class alone (its mark, " ✓" heard as "(seen)", is the class's: 40-study.css).
            r#"<li{}><a href="{}" data-go="{}">{}</a></li>"#,
            if seen { r#" class="seen""# } else { "" },
            esc(&href(&view_for_step(view, i + 1))),
            i + 1,
            esc(step.title),
        );
    }
    out + "</ol></div>"
}

/// The part as the app keeps it: the page's own section (`crate::adopt::use_island_node`; built from the same
/// markup where the page had none), its reading view taken out, each block brought up to date from its markup
/// (`map::sync::morph`: the same nodes, changed where they differ), the questions' place drawn anew from its markup
/// only when other questions are shown (else their controls brought up to date), their feedback drawn into it, and
/// one listener for each kind of event in the part.
#[cfg(target_arch = "wasm32")]
#[hook]
fn use_kept(
    markups: [String; 3],
    done: bool,
    body: String,
    layout: (bool, usize, usize),
    shown: Vec<(usize, String, Html)>,
    on: Callback<Event>,
) -> Html {
    use crate::browser::{all_in, find_in};
    use crate::components::map::sync::{morph, parse, Block};
    use std::cell::RefCell;
    #[cfg(prose_from_page)]
    let page = crate::adopt::use_island_node(Part::Study);
    #[cfg(not(prose_from_page))]
    let page = None::<web_sys::Node>;
    let handler = use_mut_ref(|| on.clone());
    *handler.borrow_mut() = on;
    let kept = use_memo((), move |_| {
        let section = page
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            .or_else(|| {
                // Where the page lacked the part (its file did not load): its blocks' places, and the tour's ending in
                // brief (its heading and the way on to the self-checks), shown as the page's would be.
                parse(&format!(
                    r#"<section class="part study" aria-labelledby="part-study">{}<section class="study-tour" aria-labelledby="tour-intro-title"><h3 id="tour-intro-title">Guided tour</h3><div class="tour-done" id="tour-done" hidden>{}<p><button type="button" class="link-button" data-go="checks">{CHECKS}</button></p></div><div class="tour-start"></div></section><section class="self-checks" aria-labelledby="checks-title"><h3 id="checks-title" tabindex="-1">Self-checks</h3><div></div><div class="check-body"></div></section><section></section></section>"#,
                    crate::components::heading_markup(Part::Study).0,
                    done_title(study().tour.len())
                ))
            })?;
        all_in(&section, "[data-no-js]")
            .iter()
            .for_each(web_sys::Element::remove);
        let blocks = [
            ".tour-start",
            ".self-checks > div",
            ".study > section:last-child",
        ]
        .map(|sel| find_in(&section, sel).map(Block::new));
        let body = find_in(&section, ".check-body")?;
        // Not passive: a link's click is followed in the app (prevent_default).
        let listeners = ["click", "change", "input"].map(|kind| {
            let handler = handler.clone();
            gloo::events::EventListener::new_with_options(
                &section,
                kind,
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |e| {
                    let on = handler.borrow().clone();
                    on.emit(e.clone());
                },
            )
        });
        // What the questions' place shows, its questions' controls and feedback places, and how often it has
        // been drawn.
        let places = RefCell::new((None, Vec::<(Block, web_sys::Element)>::new(), 0usize));
        Some((section, blocks, body, places, listeners))
    });
    let Some((section, blocks, body_place, places, _)) = &*kept else {
        return Html::default();
    };
    for (block, markup) in blocks.iter().zip(markups) {
        if let Some(block) = block {
            block.show(markup);
        }
    }
    // The tour's ending, which the page carries (`tour_done`), shown once every step has been seen.
    if let Some(ending) = find_in(section, "#tour-done") {
        let _ = ending.toggle_attribute_with_force("hidden", !done);
    }
    let mut places = places.borrow_mut();
    if places.0 != Some(layout) {
        if places.2 == 0 {
            // On start, the page's questions (the first, one at a time) become the ones to show: the same nodes,
            // each control set as its markup says (one the reader changed before the app started too).
            if let Some(new) = parse(&format!(r#"<div class="check-body">{body}</div>"#)) {
                morph(body_place, &new);
            }
            for el in all_in(body_place, "input, select") {
                use wasm_bindgen::JsCast;
                let value = el.get_attribute("value").unwrap_or_default();
                if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                    if input.type_() == "radio" {
                        input.set_checked(el.has_attribute("checked"));
                    } else {
                        input.set_value(&value);
                    }
                } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
                    let chosen = find_in(&el, "option[selected]");
                    select.set_value(
                        &chosen
                            .and_then(|o| o.get_attribute("value"))
                            .unwrap_or_default(),
                    );
                }
            }
        } else {
            // Other questions: their place drawn anew (a radio the reader chose keeps its state: not reused).
            body_place.set_inner_html(&body);
        }
        places.0 = Some(layout);
        places.2 += 1;
        places.1 = all_in(body_place, "fieldset")
            .into_iter()
            .filter_map(|f| {
                let controls = f.first_element_child()?.next_element_sibling()?;
                let area = find_in(&f, ".feedback-area")?;
                Some((Block::new(controls), area))
            })
            .collect();
    }
    let drawn = places.2;
    let feedback =
        shown
            .into_iter()
            .zip(places.1.iter())
            .map(|((i, controls, feedback), (block, area))| {
                block.show(controls);
                Html::VList(std::rc::Rc::new(yew::virtual_dom::VList::with_children(
                    vec![create_portal(feedback, area.clone())],
                    Some(format!("{drawn}-{i}").into()),
                )))
            });
    html! {
        <>
            { Html::VRef(section.clone().into()) }
            // A list of its own, every child keyed: a question drawn anew gets a new place (a portal of its own).
            { Html::VList(std::rc::Rc::new(yew::virtual_dom::VList::with_children(feedback.collect(), None))) }
        </>
    }
}

/// The tour's ending: what the reader has done, and where to go next, as markup (its links and button are
/// handled by the tour section's click handler, and it does not change while shown), before the tour's start; `hidden`
/// until every step has been seen. Written by the build only: the app shows or hides the page's (`use_kept`), and
/// static/early.js already does where saved progress says so, so that nothing moves when the app starts.
#[cfg(not(target_arch = "wasm32"))]
fn tour_done(total: usize, done: bool) -> String {
    let go = |part: Part, label: &str| {
        format!(
            r#"<a href="?part={0}" data-go="{0}">{label}</a>"#,
            part.key()
        )
    };
    format!(
        r#"<div class="tour-done" id="tour-done"{}>{}<p>What to do next:</p><ul><li><button type="button" class="link-button" data-go="checks">{CHECKS}</button><span class="done-why">One question at a time, with feedback.</span></li><li>{}<span class="done-why">Which of the essay's numbers and citations hold up.</span></li><li>{}<span class="done-why">The concepts, events and actors behind the argument.</span></li></ul></div>"#,
        if done { "" } else { " hidden" },
        done_title(total),
        go(Part::Evidence, "Read the evidence"),
        go(Part::Cards, "Browse all the cards")
    )
}

/// The tour's ending's heading (focused as the last step ends).
fn done_title(total: usize) -> String {
    format!(
        r#"<h4 id="tour-done-title" tabindex="-1"><span aria-hidden="true">✓ </span>Tour finished: you have seen all {total} steps</h4>"#
    )
}

/// The tour's ending's button to the self-checks.
const CHECKS: &str = "Test yourself with the self-checks";

/// "Paragraphs P4–P15" for a part's paragraph list.
pub fn paragraph_range<S: std::fmt::Display>(paragraphs: &[S]) -> String {
    match paragraphs {
        [] => String::new(),
        [one] => format!("Paragraph {one}"),
        [first, .., last] => format!("Paragraphs {first}–{last}"),
    }
}
