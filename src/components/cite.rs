//! Citations shown in place: essay paragraphs (with their section and gist) and bibliography entries,
//! flagged where the essay cites a work its bibliography lacks or gives another year.

use yew::prelude::*;

use super::raw::{raw, Markup};
use crate::content::{content, Citation};

/// Props: paragraph ids ("P21") and reference ids.
#[derive(Properties, PartialEq)]
pub struct CitesProps {
    pub paragraphs: &'static [&'static str],
    #[prop_or_default]
    pub refs: &'static [&'static str],
}

/// A toggle's callbacks, for the app's toggles that open something in place (citations, a figure's source, a
/// glossary term): a click opens or closes it; Escape closes it when it is open, and only it (not a republic's
/// profile around it, which Escape closes too).
pub fn toggle_callbacks(
    open: &UseStateHandle<bool>,
) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    let flip = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let open = open.clone();
    let escape = Callback::from(move |e: KeyboardEvent| {
        if *open && e.key() == "Escape" {
            e.stop_propagation();
            open.set(false);
        }
    });
    (flip, escape)
}

/// "Cited: P21, P22 · Melnikovová (2020)": a disclosure that opens the citations in place.
#[component]
pub fn Cites(props: &CitesProps) -> Html {
    let c = content();
    let open = use_state(|| false);
    // The references' texts may be on their way (the served site's other parts: crate::prose).
    crate::prose::use_texts_while(*open);
    let (toggle, onkeydown) = toggle_callbacks(&open);
    let shorts: Vec<String> = props
        .refs
        .iter()
        .filter_map(|r| c.citation(r))
        .map(|r| r.short().to_string())
        .collect();
    let mut summary = props.paragraphs.join(", ");
    if !shorts.is_empty() {
        summary = format!("{summary} · {}", shorts.join("; "));
    }
    if super::use_static_page() {
        // The static (no-JavaScript) page: one line per card; the bibliography is listed once in Sources.
        return html! { <p class="cites cites-static"><b>{ "Cited: " }</b>{ summary }</p> };
    }
    html! {
        <div class="cites">
            <button type="button" class="cites-toggle" aria-expanded={open.to_string()} onclick={toggle} {onkeydown}>
                <span class="visually-hidden">{ "Citations: " }</span>{ summary }
            </button>
            if *open {
                { cites_body(props.paragraphs, props.refs) }
            }
        </div>
    }
}

/// The open citations: each paragraph with its section and gist, each reference, and the essay's address
/// (display only: written as markup, `super::raw`).
pub(crate) fn cites_body(paragraphs: &[&str], refs: &[&str]) -> Html {
    let c = content();
    let mut m = Markup::default();
    m.tag(r#"<div class="cites-body"><p class="cites-label">From the essay</p><ul class="cite-paragraphs">"#);
    for p in paragraphs {
        match c.paragraph(p) {
            Some(par) => m
                .tag("<li><strong>")
                .text(par.id)
                .tag(r#" </strong><span class="section">("#)
                .text(par.section)
                .tag(") </span>")
                .text(par.gist),
            None => m
                .tag(r#"<li class="missing">"#)
                .text(p)
                .tag(": no such paragraph"),
        }
        .tag("</li>");
    }
    m.tag("</ul>");
    if !refs.is_empty() {
        m.tag(r#"<p class="cites-label">The essay's sources</p><ul class="cite-refs">"#);
        for r in refs {
            m.tag("<li>");
            reference(&mut m, r);
            m.tag("</li>");
        }
        m.tag("</ul>");
    }
    m.tag(r#"<p class="cite-original"><a"#)
        .attr("href", Some(c.references.essay.url))
        .tag(r#" target="_blank">Read these paragraphs in the original essay<span class="visually-hidden"> (opens in a new tab)</span></a></p></div>"#);
    raw(m)
}

/// One bibliography entry (with its link), or the note that it has none.
fn reference(m: &mut Markup, id: &str) {
    let c = content();
    match c.citation(id) {
        Some(Citation::Listed(r)) => {
            m.tag(r#"<span class="reference">"#).text(&r.citation);
            if let Some(url) = r.url {
                m.tag(" <a")
                    .attr("href", Some(url))
                    .tag(r#" target="_blank">"#)
                    .text(&link_label(url))
                    .tag("</a>");
            }
            if let Some(mm) = c.mismatch(r.id) {
                m.tag(r#"<span class="flag year-flag">"#)
                    .text(&format!(
                        " Cited as {} in {}; the bibliography lists {}.",
                        mm.cited_as,
                        mm.cited_in.join(", "),
                        mm.listed
                    ))
                    .tag("</span>");
            }
        }
        Some(Citation::Unlisted(u)) => {
            m.tag(r#"<span class="reference unlisted">"#)
                .text(u.short)
                .tag(r#"<span class="flag"> No bibliography entry: </span>"#)
                .text(&u.note);
        }
        None => {
            m.tag(r#"<span class="reference missing">"#)
                .text(&format!("Unknown source “{id}”"));
        }
    }
    m.tag("</span>");
}

/// "doi.org/10.2307/1148580" from a URL: short enough to read, still the real address.
pub fn link_label(url: &str) -> String {
    url.trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .to_string()
}

/// What a toggle kept on the page (made from its static version: `kept_cites`, `figure::source_button`) opens in
/// its element: citations or a figure's source, drawn; or the page's own source beside it, shown by the toggle's
/// state alone (static/css/40-study.css).
#[cfg(target_arch = "wasm32")]
pub enum Opens {
    Cites(&'static [&'static str], &'static [&'static str]),
    Source(String),
    Page,
    /// A glossary term's definition, with its element's id.
    Term(&'static crate::model::Term, String),
}

/// The static line "Cited: P21 · X" (`p.cites-static`) made the app's citations (`p.cites`): its words moved into the
/// toggle (its "Cited: " heard, not seen, as the drawn toggle's "Citations: "), which opens what `Opens::Cites` draws
/// after it. The line, kept.
#[cfg(target_arch = "wasm32")]
pub fn kept_cites(line: &web_sys::Element) -> Option<()> {
    let button = toggle_button("cites-toggle")?;
    while let Some(child) = line.first_child() {
        let _ = button.append_child(&child);
    }
    if let Some(b) = button.first_element_child() {
        b.set_class_name("visually-hidden");
        b.set_text_content(Some("Citations: "));
    }
    line.set_class_name("cites");
    line.append_child(&button).ok().map(drop)
}

/// A closed toggle of `class`.
#[cfg(target_arch = "wasm32")]
pub fn toggle_button(class: &str) -> Option<web_sys::Element> {
    let b = crate::browser::document()?.create_element("button").ok()?;
    for (name, value) in [
        ("type", "button"),
        ("class", class),
        ("aria-expanded", "false"),
    ] {
        let _ = b.set_attribute(name, value);
    }
    Some(b)
}

/// The toggles kept on the page under `root` (each the child of its element in `holes`): one listener opens and
/// closes them; what each opens is drawn into its element (portals, returned).
#[cfg(target_arch = "wasm32")]
#[hook]
pub fn use_kept_toggles(
    root: Option<web_sys::Element>,
    holes: std::rc::Rc<Vec<(web_sys::Element, Opens)>>,
) -> Html {
    // The holes whose toggle is open.
    let opened = use_mut_ref(Vec::<usize>::new);
    let update = use_force_update();
    {
        let (holes, opened) = (holes.clone(), opened.clone());
        use_memo((), move |_| {
            let root: web_sys::EventTarget = root?.into();
            // A click opens or closes a toggle; Escape closes an open one (as the app's glossary terms do).
            let on = std::rc::Rc::new(move |e: &web_sys::Event| {
                let Some(button) = e
                    .target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                    .and_then(|t| t.closest("button").ok().flatten())
                else {
                    return;
                };
                let host = button.parent_element();
                let Some(at) = holes.iter().position(|(h, _)| Some(h) == host.as_ref()) else {
                    return;
                };
                let mut opened = opened.borrow_mut();
                let was = opened.iter().position(|&i| i == at);
                if let Some(k) = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(e) {
                    if k.key() != "Escape" || was.is_none() {
                        return;
                    }
                    // This Escape closes the toggle, not what holds it too (a republic's profile).
                    k.stop_propagation();
                }
                let open = match was {
                    Some(i) => {
                        opened.swap_remove(i);
                        "false"
                    }
                    None => {
                        opened.push(at);
                        "true"
                    }
                };
                let _ = button.set_attribute("aria-expanded", open);
                update.force_update();
            });
            let listen = |event| {
                let on = on.clone();
                gloo::events::EventListener::new(&root, event, move |e| on(e))
            };
            Some([listen("click"), listen("keydown")])
        });
    }
    // Their texts may be on their way (the served site's other parts: crate::prose).
    crate::prose::use_texts_while(!opened.borrow().is_empty());
    let opened = opened.borrow();
    // One place per hole (unkeyed: the same place for the same hole).
    let draw = |(at, (host, opens)): (usize, &(web_sys::Element, Opens))| {
        let body = match opens {
            _ if !opened.contains(&at) => return Html::default(),
            Opens::Cites(paragraphs, refs) => cites_body(paragraphs, refs),
            Opens::Source(id) => match content().figures.get(id) {
                Some(f) => super::figure::figure_source(f),
                None => return Html::default(),
            },
            Opens::Page => return Html::default(),
            Opens::Term(term, id) => super::rich::definition(id, term.term, &term.definition),
        };
        create_portal(body, host.clone())
    };
    holes.iter().enumerate().map(draw).collect()
}
