//! The sources part: the essay's bibliography with links, citations without an entry, years that
//! disagree, and the data sources of the explainer itself.

use yew::prelude::*;

#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
use super::cite::link_label;
use super::PartProps;
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
use crate::content::content;
use crate::model::Part;

/// The sources part. Only displayed: the browser build that reads its texts from the page shows the page's own
/// section (`crate::adopt::use_island`) and carries no code to draw it.
#[component]
pub fn SourcesPart(_props: &PartProps) -> Html {
    #[cfg(all(target_arch = "wasm32", prose_from_page))]
    return crate::adopt::use_island(Part::Sources)
        .unwrap_or_else(|| crate::adopt::missing(Part::Sources));
    #[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
    drawn()
}

/// The sources part as the build draws it.
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
fn drawn() -> Html {
    let c = content();
    let r = &c.references;
    let entries = r.entries.iter().map(|e| {
        let flag = c.mismatch(e.id).map(|m| {
            html! { <p class="flag year-flag">{ format!("Cited as {} in {}; listed here as {}. ", m.cited_as, m.cited_in.join(", "), m.listed) }<span data-p={m.note.key()}>{ m.note.text() }</span></p> }
        });
        html! {
            <li id={format!("ref-{}", e.id)} key={e.id}>
                <span class="citation" data-p={e.citation.key()}>{ e.citation.text() }</span>
                if let Some(url) = &e.url {
                    { " " }<a href={*url} target="_blank">{ link_label(url) }</a>
                }
                if !e.cited_in.is_empty() {
                    { format!(" Cited in {}.", e.cited_in.join(", ")) }
                }
                if let Some(note) = &e.note { <p class="note" data-p={note.key()}>{ note.text() }</p> }
                { for flag }
            </li>
        }
    });
    let unlisted = r.unlisted.iter().map(|u| {
        html! { <li key={u.id}><strong>{ u.short }</strong>{ format!(", cited in {}. ", u.cited_in.join(", ")) }<span data-p={u.note.key()}>{ u.note.text() }</span></li> }
    });
    let mismatches = r.year_mismatches.iter().map(|m| {
        let listed = if m.listed == "not listed" {
            "no bibliography entry for either year".to_string()
        } else {
            format!("the bibliography lists {}", m.listed)
        };
        html! { <li key={format!("{}-{}", m.reference, m.cited_as)}><strong>{ m.cited_as }</strong>{ format!(" ({}): {listed}. ", m.cited_in.join(", ")) }<span data-p={m.note.key()}>{ m.note.text() }</span></li> }
    });
    html! {
        <section class="part sources" aria-labelledby={Part::Sources.heading_id()}>
            <super::PartHeading part={Part::Sources} />
            <h3>{ "The essay" }</h3>
            <p>{ format!("{}, “{}”, {}, {}. ", r.essay.author, r.essay.title, r.essay.publisher, super::header::long_date(r.essay.date)) }
                <a href={r.essay.url} target="_blank">{ link_label(r.essay.url) }</a></p>
            <h3>{ format!("Bibliography ({} entries)", r.entries.len()) }</h3>
            <ol class="bibliography">{ for entries }</ol>
            <h3>{ format!("Cited in the text but missing from the bibliography ({})", r.unlisted.len()) }</h3>
            <details class="disclosure">
                <summary>{ format!("Show the {} citations", r.unlisted.len()) }</summary>
                <ul class="unlisted">{ for unlisted }</ul>
            </details>
            <h3>{ format!("Years that disagree ({})", r.year_mismatches.len()) }</h3>
            <details class="disclosure">
                <summary>{ format!("Show the {} disagreements", r.year_mismatches.len()) }</summary>
                <ul class="mismatches">{ for mismatches }</ul>
            </details>
            <h3>{ format!("Glossary ({} terms)", c.glossary.len()) }</h3>
            <details class="disclosure">
                <summary>{ "Show the glossary" }</summary>
                <dl class="glossary">{ for c.glossary.iter().map(|t| html! {
                    <div key={t.id} id={format!("term-{}", t.id)}><dt>{ t.term }</dt><dd><span data-p={t.definition.key()}>{ t.definition.text() }</span>
                        if !t.paragraphs.is_empty() { { format!(" ({})", t.paragraphs.join(", ")) } }</dd></div>
                }) }</dl>
            </details>
            <h3>{ "Data and map sources" }</h3>
            <p data-p={c.site.credits.key()}>{ c.site.credits.text() }</p>
        </section>
    }
}
