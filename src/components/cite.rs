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

/// "Cited: P21, P22 · Melnikovová (2020)": a disclosure that opens the citations in place.
#[component]
pub fn Cites(props: &CitesProps) -> Html {
    let c = content();
    let open = use_state(|| false);
    // The references' texts may be on their way (the served site's other parts: crate::prose).
    crate::prose::use_texts_while(*open);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
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
            <button type="button" class="cites-toggle" aria-expanded={open.to_string()} onclick={toggle}>
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
fn cites_body(paragraphs: &[&str], refs: &[&str]) -> Html {
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
