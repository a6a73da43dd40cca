//! Citations shown in place: essay paragraphs (with their section and gist) and bibliography entries,
//! flagged where the essay cites a work its bibliography lacks or gives another year.

use yew::prelude::*;

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
    let paragraphs = props.paragraphs.iter().map(|p| match c.paragraph(p) {
        Some(par) => html! {
            <li key={*p}><strong>{ format!("{} ", par.id) }</strong><span class="section">{ format!("({}) ", par.section) }</span>{ par.gist }</li>
        },
        None => html! { <li key={*p} class="missing">{ format!("{p}: no such paragraph") }</li> },
    });
    let refs = props
        .refs
        .iter()
        .map(|r| html! { <li key={*r}>{ reference(r) }</li> });
    let essay = &c.references.essay;
    if super::use_static_page() {
        // The static (no-JavaScript) page: one line per card; the bibliography is listed once in Sources.
        return html! { <p class="cites cites-static"><span class="cites-label-inline">{ "Cited: " }</span>{ summary }</p> };
    }
    html! {
        <div class="cites">
            <button type="button" class="cites-toggle" aria-expanded={open.to_string()} onclick={toggle}>
                <span class="visually-hidden">{ "Citations: " }</span>{ summary }
            </button>
            if *open {
                <div class="cites-body">
                    <p class="cites-label">{ "From the essay" }</p>
                    <ul class="cite-paragraphs">{ for paragraphs }</ul>
                    if !props.refs.is_empty() {
                        <p class="cites-label">{ "The essay's sources" }</p>
                        <ul class="cite-refs">{ for refs }</ul>
                    }
                    <p class="cite-original"><a href={essay.url} target="_blank" rel="noopener noreferrer">{ "Read these paragraphs in the original essay" }<span class="visually-hidden">{ " (opens in a new tab)" }</span></a></p>
                </div>
            }
        </div>
    }
}

/// One bibliography entry (with its link), or the note that it has none.
pub fn reference(id: &str) -> Html {
    let c = content();
    match c.citation(id) {
        Some(Citation::Listed(r)) => html! {
            <span class="reference">
                { r.citation.text() }
                if let Some(url) = &r.url {
                    { " " }<a href={*url} target="_blank" rel="noopener noreferrer">{ link_label(url) }</a>
                }
                if let Some(m) = c.mismatch(r.id) {
                    <span class="flag year-flag">{ format!(" Cited as {} in {}; the bibliography lists {}.", m.cited_as, m.cited_in.join(", "), m.listed) }</span>
                }
            </span>
        },
        Some(Citation::Unlisted(u)) => html! {
            <span class="reference unlisted">
                { u.short }<span class="flag">{ " No bibliography entry: " }</span>{ u.note.text() }
            </span>
        },
        None => {
            html! { <span class="reference missing">{ format!("Unknown source “{id}”") }</span> }
        }
    }
}

/// "doi.org/10.2307/1148580" from a URL: short enough to read, still the real address.
pub fn link_label(url: &str) -> String {
    url.trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .to_string()
}
