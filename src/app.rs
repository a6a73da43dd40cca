//! The app: owns the one reducer, lays out the shell, keeps the URL in step with the view.

use yew::prelude::*;

use crate::components::{
    cards::CardsPart,
    evidence::EvidencePart,
    header::use_header,
    map::MapPart,
    nav::Nav,
    notices::notices,
    overview::OverviewPart,
    prerendered,
    share::ShareDialog,
    sources::SourcesPart,
    staged,
    study::{
        progress_context::{use_progress_state, ProgressHandle},
        tour::TourPanel,
        StudyPart,
    },
    timeline::TimelinePart,
    Dispatch, PartProps,
};
use crate::content::content;
use crate::deep_link::{decode, encode, Decoded, Known, Within};
use crate::model::Part;
use crate::state::{Action, AppState, Control, View};

/// Props: the query string to start from, and whether to render the static (no-JavaScript) page.
#[derive(Properties, PartialEq, Default, Clone)]
pub struct AppProps {
    #[prop_or_default]
    pub query: AttrValue,
    /// Render every part, expanded, one after another (the build's pre-rendered page).
    #[prop_or_default]
    pub static_page: bool,
}

/// Decodes a query against the content (card ids, tour length).
pub fn decode_query(query: &str) -> Decoded {
    let c = content();
    let card = |id: &str| c.card_id(id);
    decode(
        query,
        &Known {
            card: &card,
            steps: crate::model::study::study().tour.len(),
        },
    )
}

fn initial_state(query: &str) -> AppState {
    let Decoded { view, ignored } = decode_query(query);
    let notices = ignored
        .into_iter()
        .map(|what| format!("Ignored part of the link: {what}."))
        .collect();
    AppState {
        view,
        notices,
        focus: None,
    }
}

fn part_view(part: Part, props: PartProps, progress: &ProgressHandle) -> Html {
    match part {
        Part::Overview => html! { <OverviewPart ..props /> },
        Part::Cards => html! { <CardsPart ..props /> },
        Part::Map => html! { <MapPart ..props /> },
        Part::Timeline => html! { <TimelinePart ..props /> },
        Part::Study => html! { <StudyPart view={props.view} progress={Some(progress.clone())} /> },
        Part::Evidence => html! { <EvidencePart ..props /> },
        Part::Sources => html! { <SourcesPart ..props /> },
    }
}

/// The explainer.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let query = props.query.to_string();
        move || initial_state(&query)
    });
    let progress = use_progress_state();
    let sharing = use_state(|| false);
    let on_action: Callback<Action> = state.dispatcher().to_callback();
    use_url_sync(&state.view, &on_action);

    let view = &state.view;
    // The one place that decides: the static page is rendered natively, never in the browser build.
    let static_page = !cfg!(target_arch = "wasm32") && props.static_page;
    // The served site brings the other parts' text when a view needs it (crate::prose): until it has come, such a
    // part shows its heading and says it is loading.
    crate::prose::use_texts_while(true);
    let texts_in = crate::prose::ready_for(view.part, view.step.is_some());
    // A focus request (a link to a note, a card...) waits for the part's texts: until then its target is not drawn.
    use_after_render(
        Moves {
            part: view.part,
            touring: view.step.is_some(),
            texts_in,
            focus: state.focus.filter(|_| texts_in),
            sharing: *sharing,
        },
        view.card.is_some(),
        &on_action,
    );
    let main = if static_page {
        // Every part, one after another. The parts after the overview wait in <noscript>: readers without
        // JavaScript get the whole page, browsers that will start the app keep them as text (fast first
        // paint). static/early.js shows a deep link's part from there before the app starts; static/boot.js
        // shows them all if the app cannot start.
        let static_part = |part: Part| {
            part_view(
                part,
                PartProps {
                    view: View { part, ..*view },
                },
                &progress,
            )
        };
        html! { <>
            { static_part(Part::Overview) }
            <noscript class="static-rest">{ for Part::ALL.iter().filter(|&&p| p != Part::Overview).map(|&p| static_part(p)) }</noscript>
        </> }
    } else if texts_in {
        part_view(view.part, PartProps { view: *view }, &progress)
    } else {
        html! {
            <section class="part part-loading" aria-labelledby={view.part.heading_id()} aria-busy="true">
                <crate::components::PartHeading part={view.part} />
                <p class="loading-note" role="status">{ "Loading this part…" }</p>
            </section>
        }
    };
    // The page's header, kept on start and changed where the view differs (crate::components::header).
    let header = use_header(view, static_page, {
        let sharing = sharing.clone();
        Callback::from(move |()| sharing.set(true))
    });
    let close_share = {
        let sharing = sharing.clone();
        Callback::from(move |_| sharing.set(false))
    };
    // The same on the pre-rendered page and in the app: on start the app keeps the page's footer (crate::adopt).
    let footer = crate::adopt::use_kept("footer".into()).unwrap_or_else(|| {
        let mut m = crate::components::raw::Markup::default();
        m.tag(r#"<footer data-adopt="footer" class="site-footer"><p"#)
            .prose(&content().site.credits)
            .tag("</p></footer>");
        crate::components::raw::raw(m)
    });
    // Links inside text keep the embed settings (readers re-render only when these change).
    let within = Within::of(view);
    // The same on the pre-rendered page and in the app: on start the app keeps the page's (crate::adopt).
    let skip = crate::adopt::use_kept("skip".into()).unwrap_or_else(|| {
        crate::components::raw::fixed(
            r##"<a data-adopt="skip" href="#main" class="skip-link">Skip to content</a>"##,
        )
    });
    html! {
        <ContextProvider<Dispatch> context={Dispatch(on_action.clone(), within)}>
        { prerendered(static_page, html! {
            // One of four fixed strings (`classes!` would hash each class on every render).
            <div class={match (view.embed, static_page) {
                (false, false) => "shell",
                (true, false) => "shell embed",
                (false, true) => "shell static",
                (true, true) => "shell embed static",
            }}>
                { skip }
                { header }
                if view.shows(Control::Nav) {
                    <Nav view={*view} on_action={on_action.clone()} menu={view.embed} />
                }
                { notices(&state.notices, &on_action) }
                if view.step.is_some() && !static_page && texts_in {
                    <TourPanel view={*view} progress={progress.dispatcher()} />
                }
                <main id="main" tabindex="-1">{ main }</main>
                if !view.embed {
                    { footer }
                }
                if *sharing {
                    <ShareDialog view={*view} on_close={close_share} />
                }
            </div>
        }) }
        </ContextProvider<Dispatch>>
    }
}

/// Keeps the address in step with the view, and restores views on back / forward. A new part, card or tour
/// step gets a history entry of its own; other changes (layer, period, per person, republic, theme) replace
/// the current entry, so Back goes to the previous place rather than undoing one toggle at a time.
#[hook]
fn use_url_sync(view: &View, on_action: &Callback<Action>) {
    // What the address keeps in step with, in one hook state (each hook costs its own code).
    let sync = use_mut_ref(UrlSync::default);
    {
        // The address is written after the frame that shows the new view is painted (a pushState costs the
        // main thread one to several milliseconds, and makes Chromium reload the favicon), in order.
        let (on_action, sync) = (on_action.clone(), sync.clone());
        use_effect_with(*view, move |view| {
            let query = encode(view);
            let mut now = sync.borrow_mut();
            let seen = now.restores;
            let new_entry = now
                .written
                .replace(*view)
                .is_some_and(|previous| view.is_new_place(&previous));
            let write = move |query: String, new_entry: bool| {
                let current = crate::browser::query();
                if query != current && !(query.is_empty() && current == "?") {
                    let written = if new_entry {
                        crate::browser::push_query(&query)
                    } else {
                        crate::browser::replace_query(&query)
                    };
                    if written.is_err() {
                        on_action.emit(Action::Notice("This page cannot update its address here (the page it is embedded in may not allow it); use Share / embed to get a link to this view.".into()));
                    }
                }
            };
            let pause = now.pause.clone();
            let later = sync.clone();
            if new_entry {
                // The replacing write still waiting belongs to the entry being left: it goes first.
                let previous = now.waiting.take();
                pause.cancel();
                crate::browser::after_next_paint(move || {
                    if later.borrow().restores == seen {
                        if let Some(previous) = previous {
                            write(previous, false);
                        }
                        write(query, true);
                    }
                });
            } else {
                now.waiting = Some(query);
                pause.schedule(move || {
                    let waiting = later.borrow_mut().waiting.take();
                    if let Some(query) = waiting.filter(|_| later.borrow().restores == seen) {
                        write(query, false);
                    }
                });
            }
        });
    }
    let on_action = on_action.clone();
    use_effect_with((), move |_| {
        // A write still waiting for the pause is made at once when the page is put away or closed (another
        // tab or app: `visibilitychange` to hidden; `pagehide`), so the address kept is the view on screen. A
        // reload within the pause still reloads the previous address: the browser takes it before `pagehide`.
        let flush = {
            let sync = sync.clone();
            move || {
                let waiting = sync.borrow_mut().waiting.take();
                if let Some(query) = waiting {
                    if query != crate::browser::query() {
                        let _ = crate::browser::replace_query(&query);
                    }
                }
            }
        };
        let leaving = crate::browser::on_leave_or_hide(flush);
        let listener = crate::browser::on_history_move(move || {
            {
                let mut now = sync.borrow_mut();
                now.restores += 1;
                now.waiting = None;
            }
            on_action.emit(Action::Restore(decode_query(&crate::browser::query()).view));
        });
        // The app's other listeners for its life (one effect: each costs its own code), and the mark that
        // it is mounted.
        let printing = crate::browser::expand_details_when_printing();
        mark_interactive();
        move || drop((listener, leaving, printing))
    });
}

/// What `use_url_sync` keeps between renders.
#[derive(Default)]
struct UrlSync {
    /// Back / forward since the app started: a write still waiting when the reader goes back is dropped, so
    /// it cannot put the address ahead of the restored view.
    restores: u64,
    /// The view last written (`None` before the first): decides between a new entry and replacing this one.
    written: Option<View>,
    /// A replacing write (a layer, period, republic...) waits for the reader to pause, so a burst of
    /// switches makes one write; a new entry writes the waiting one first, so each entry keeps its view.
    waiting: Option<String>,
    pause: crate::browser::AfterPause,
}

/// What the app does after a render depends on: the part, whether the tour is open, whether the part's texts are
/// in, the element asked to take focus, whether the share dialog is open.
#[derive(Clone, Copy, PartialEq)]
struct Moves {
    part: Part,
    touring: bool,
    texts_in: bool,
    focus: Option<&'static str>,
    sharing: bool,
}

/// After a render that changes `Moves`, in this order (one effect: each costs its own code):
/// - after the reader moves to another part (not on first load), focus its heading and, unless the part opens
///   on a card (which scrolls to that card itself), scroll to the top; not during the tour (its panel keeps
///   focus on Next / Back) unless the control pressed went with the old part (a link in it while the tour is
///   open);
/// - while the part's texts are not in (`crate::prose::ready_for`), ask for them; when they come, give focus
///   back to the part's heading if the loading one had it;
/// - focus the element the state asks for, then clear the request;
/// - the share dialog is removed rather than closed: once it is gone, give focus back to its button.
#[hook]
fn use_after_render(now: Moves, has_card: bool, on_action: &Callback<Action>) {
    // What the effect last ran with (`None` before the first), and whether the part waited for its texts.
    let last = use_mut_ref(|| (None::<Moves>, false));
    let on_action = on_action.clone();
    use_effect_with(now, move |&now| {
        let mut last = last.borrow_mut();
        let before = last.0.replace(now);
        let part = now.part;
        if before.is_some_and(|b| b.part != part) && (!now.touring || crate::browser::focus_lost())
        {
            crate::browser::focus(&part.heading_id());
            if !has_card {
                crate::browser::scroll_to_top();
            }
        }
        if before
            .is_none_or(|b| (b.part, b.touring, b.texts_in) != (part, now.touring, now.texts_in))
        {
            if !now.texts_in {
                last.1 = true;
                crate::prose::request_for(part, now.touring);
            } else if std::mem::take(&mut last.1) && crate::browser::focus_lost() {
                crate::browser::focus(&part.heading_id());
            }
        }
        drop(last);
        if let Some(id) = now
            .focus
            .filter(|_| before.is_none_or(|b| b.focus != now.focus))
        {
            crate::browser::focus_soon(id);
            on_action.emit(Action::Focused);
        }
        if before.is_some_and(|b| b.sharing) && !now.sharing {
            crate::browser::focus("share-button");
        }
    });
}

/// Marks the moment the app is mounted and interactive (read by the benchmark and the end-to-end tests); when
/// it starts in stages, once what it draws a task later is drawn too (that task's timer was set first), and
/// from then on components draw at once. Called once, after the app's first render.
fn mark_interactive() {
    if staged::end() {
        gloo::timers::callback::Timeout::new(0, crate::browser::mark_interactive).forget();
    } else {
        crate::browser::mark_interactive();
    }
}

/// Mounts the app on `#app`, replacing the pre-rendered static page; a panic from then on shows the
/// page's fatal-error banner.
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    crate::browser::install_panic_message();
    let Some(doc) = crate::browser::document() else {
        return;
    };
    let Some(root) = doc.get_element_by_id("app") else {
        crate::browser::show_fatal("The page has no #app element to start in.");
        return;
    };
    // The other parts' text waiting in `.static-rest` (about 480 KB), copied into the wasm once: the texts
    // (crate::prose) and the map's outlines (crate::geo) are read from it.
    let rest = doc
        .query_selector(".static-rest")
        .ok()
        .flatten()
        .and_then(|n| n.text_content());
    // The nodes the app draws exactly as pre-rendered are kept (crate::adopt); the rest is drawn anew, two
    // tasks later, so that reading the page (texts, then outlines) and drawing it are not one long task. The
    // page stays as it is until the last task draws it.
    crate::adopt::keep_from(&root, rest.as_deref());
    // A deep link's part (static/early.js): the map part keeps these nodes (components::map::sync).
    for key in [
        ".map-figure",
        ".data-controls",
        ".country-list",
        ".data-panel",
    ] {
        if let Ok(Some(el)) = root.query_selector(&format!("[data-early] {key}")) {
            crate::adopt::keep(key, el);
        }
    }
    gloo::timers::callback::Timeout::new(0, move || {
        // The map's outlines, which the browser build reads from the page (crate::geo).
        crate::geo::read_page(&root, rest.as_deref());
        drop(rest);
        gloo::timers::callback::Timeout::new(0, move || render(root)).forget();
    })
    .forget();
}

/// Draws the app in `root` in place of the pre-rendered page (`mount`).
#[cfg(target_arch = "wasm32")]
fn render(root: web_sys::Element) {
    root.set_inner_html("");
    let _ = root.remove_attribute("aria-busy");
    let query = crate::browser::query();
    staged::start();
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            query: query.into(),
            static_page: false,
        },
    )
    .render();
}
