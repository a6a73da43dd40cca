//! Reading the evidence: where the essay's figures and citations match independent sources and where they
//! differ, as notes filterable by status (the arithmetic note works percent against percentage points);
//! discussion prompts. The status badge here is the one the map's comparisons use too.

use yew::prelude::*;

#[cfg(all(target_arch = "wasm32", prose_from_page))]
use super::cite::Opens;
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
use super::raw::fixed;
use super::raw::{raw, Markup};
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
use super::rich::rich_text;
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
use super::{cite::Cites, figure::FigureValue};
use super::{use_dispatch, PartProps};
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
use crate::content::content;
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
use crate::model::study::EvidenceKind;
use crate::model::study::{study, Evidence, Status};
use crate::model::Part;
use crate::state::Action;

/// How many notes show before "Show the other notes" (the part stays short on a phone).
const FIRST_NOTES: usize = 3;

/// Every status, in the filter's order.
pub const STATUSES: [Status; 5] = [
    Status::Confirmed,
    Status::Differs,
    Status::NotFound,
    Status::NoBibliographyEntry,
    Status::YearDisagrees,
];

/// A status in words, its shape (so colour is never the only sign) and its CSS class.
pub fn status_badge(s: Status) -> (&'static str, &'static str, &'static str) {
    match s {
        Status::Confirmed => ("Confirmed", "✓", "confirmed"),
        Status::Differs => ("Differs", "≠", "differs"),
        Status::NotFound => ("Not found", "?", "not-found"),
        Status::NoBibliographyEntry => ("No bibliography entry", "∅", "no-entry"),
        Status::YearDisagrees => ("Year disagrees", "⇄", "year"),
    }
}

/// The badge of a status: its shape (so colour is never the only sign) and its word, with an optional
/// qualifier in plain text ("Differs, slightly"). The same badge on the map and in Reading the evidence.
pub fn status_badge_of(status: Status, detail: Option<&str>) -> Html {
    // Display only: written as markup (`super::raw`).
    let mut m = Markup::default();
    badge_markup(&mut m, status, detail);
    raw(m)
}

/// `status_badge_of`'s markup.
pub fn badge_markup(m: &mut Markup, status: Status, detail: Option<&str>) {
    let (label, shape, class) = status_badge(status);
    m.tag(r#"<p class="status-badge "#)
        .tag(class)
        .tag(r#""><span aria-hidden="true" class="shape">"#)
        .tag(shape)
        .tag(r#"</span><span><span class="visually-hidden">Status: </span>"#)
        .tag(label);
    if let Some(d) = detail {
        m.tag(r#"<span class="status-detail">"#)
            .text(&format!(", {d}"))
            .tag("</span>");
    }
    m.tag("</span></p>");
}

/// The note that discusses a figure: the first whose figures include it (the map's comparisons link there).
pub fn note_for(figure: &str) -> Option<&'static Evidence> {
    study()
        .evidence
        .iter()
        .find(|e| e.figures.contains(&figure))
}

/// The DOM id of a note's heading (the target of links to it).
pub fn note_id(e: &Evidence) -> String {
    format!("note-{}", e.id)
}

/// The evidence part. The browser build that reads its texts from the page shows the page's own section and
/// puts the app's controls into it (`use_from_page`); the others draw it.
#[component]
pub fn EvidencePart(_props: &PartProps) -> Html {
    use_part()
}

#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
use use_drawn as use_part;
#[cfg(all(target_arch = "wasm32", prose_from_page))]
use use_from_page as use_part;

/// The status filter and the count of notes shown (in a `.evidence-bar`: on the static page, their place, never seen
/// and gone without JavaScript, where the app puts its own as it starts, so that nothing moves).
fn filter_bar(filter: &UseStateHandle<Option<Status>>) -> Html {
    let notes = &study().evidence;
    let count = notes
        .iter()
        .filter(|e| filter.is_none_or(|s| e.status == s))
        .count();
    let button = |status: Option<Status>, label: String| {
        let filter = filter.clone();
        let pressed = *filter == status;
        let onclick = Callback::from(move |_: MouseEvent| filter.set(status));
        html! { <button type="button" class="filter-button" aria-pressed={pressed.to_string()} {onclick}>{ label }</button> }
    };
    let buttons = STATUSES.iter().filter_map(|&s| {
        let n = notes.iter().filter(|e| e.status == s).count();
        (n > 0).then(|| button(Some(s), format!("{} ({n})", status_badge(s).0)))
    });
    html! {
        <>
            <div class="status-filter" role="group" aria-label="Show notes by status">
                { button(None, format!("All ({})", notes.len())) }
                { for buttons }
            </div>
            <p class="filter-count" role="status">{ format!("Showing {count} of {} notes.", notes.len()) }</p>
        </>
    }
}

/// The evidence part as the build draws it.
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
#[hook]
fn use_drawn() -> Html {
    let filter = use_state(|| None::<Status>);
    let static_page = super::use_static_page();
    let notes = &study().evidence;
    let shown = notes
        .iter()
        .filter(|e| filter.is_none_or(|s| e.status == s));
    let count = shown.clone().count();
    // One note in the list (a plain function, not a component: a component's own code is about 1 KB of wasm).
    let dispatch = use_dispatch();
    let to_sources = super::use_within().part(Part::Sources);
    let item =
        |e: &'static Evidence| html! { <li key={e.id}>{ note(e, &dispatch, &to_sources) }</li> };
    html! {
        <section class="part evidence" aria-labelledby={Part::Evidence.heading_id()}>
            <super::PartHeading part={Part::Evidence} />
            if static_page {
                <div class="evidence-bar" data-needs-js="" inert=true aria-hidden="true">{ filter_bar(&filter) }</div>
            } else {
                <div class="evidence-bar">{ filter_bar(&filter) }</div>
            }
            // All notes of a chosen status; unfiltered, the first few, the rest one click away.
            <ul class="evidence-notes">
                { for shown.clone().take(if filter.is_some() { count } else { FIRST_NOTES }).map(item) }
            </ul>
            if filter.is_none() && count > FIRST_NOTES {
                <details class="disclosure more-notes">
                    <summary><span class="disclosure-label">{ format!("Show the other {} notes", count - FIRST_NOTES) }</span></summary>
                    <ul class="evidence-notes">
                        { for shown.skip(FIRST_NOTES).map(item) }
                    </ul>
                </details>
            }
            <section class="prompts" aria-labelledby="prompts-title">
                { fixed(r#"<h3 id="prompts-title">For instructors: discussion prompts</h3>"#) }
                <details class="disclosure">
                <summary><span class="disclosure-label">{ format!("The {} prompts", study().prompts.len()) }</span></summary>
                <ol>
                    { for study().prompts.iter().map(|p| html! {
                        <li key={p.id.to_string()}><p data-p={p.text.key()}>{ p.text.text() }</p><Cites paragraphs={p.paragraphs} /></li>
                    }) }
                </ol>
                </details>
            </section>
        </section>
    }
}

/// The page's section kept: its notes (list items in the page's order) and lists, the elements of its toggles (made
/// from their static versions: `crate::components::cite::use_kept_toggles`) and the places of its links to Sources.
#[cfg(all(target_arch = "wasm32", prose_from_page))]
struct Kept {
    section: web_sys::Element,
    /// The filter's and the count's place (`filter_bar`), emptied for the app's.
    bar: Option<web_sys::Element>,
    items: Vec<(web_sys::Element, Status)>,
    lists: [Option<web_sys::Element>; 3],
    holes: std::rc::Rc<Vec<(web_sys::Element, Opens)>>,
    to_sources: Vec<web_sys::Element>,
    moved: std::cell::Cell<bool>,
}

#[cfg(all(target_arch = "wasm32", prose_from_page))]
impl Kept {
    fn of(section: web_sys::Element) -> Self {
        use crate::browser::{all_in as all, find_in as one};
        use crate::components::{cite::kept_cites, figure::source_button};
        let mut holes = Vec::new();
        let cites = |holes: &mut Vec<_>, at: &web_sys::Element, paragraphs, refs| {
            if let Some(line) = one(at, ":scope > .cites-static") {
                kept_cites(&line);
                holes.push((line, Opens::Cites(paragraphs, refs)));
            }
        };
        let mut items = Vec::new();
        let mut to_sources = Vec::new();
        for e in study().evidence {
            let Some(note) = one(&section, &format!("#{}", e.id)) else {
                continue;
            };
            cites(&mut holes, &note, e.paragraphs, e.refs);
            for li in all(&note, ".figure-compare li") {
                // The button goes with the value's last words (its period, or the value), the page's source after them.
                let last =
                    one(&li, ":scope > .figure-source").and_then(|s| s.previous_element_sibling());
                let label = one(&li, ".figure-value").and_then(|v| v.text_content());
                if let (Some(last), Some(b)) = (last, source_button(&label.unwrap_or_default())) {
                    let _ = last.append_child(&b);
                    holes.push((last, Opens::Page));
                }
            }
            if let Some(p) = one(&note, ".to-sources") {
                p.set_text_content(None);
                to_sources.push(p);
            }
            items.extend(note.parent_element().map(|li| (li, e.status)));
        }
        for (li, p) in all(&section, ".prompts li")
            .into_iter()
            .zip(study().prompts)
        {
            cites(&mut holes, &li, p.paragraphs, &[]);
        }
        super::figure::keep_inline(&section, &mut holes);
        let more = one(&section, ".more-notes");
        let bar = one(&section, ".evidence-bar");
        if let Some(bar) = &bar {
            crate::adopt::open_place(bar, true);
        }
        Self {
            bar,
            lists: [
                one(&section, ".evidence-notes"),
                more.as_ref().and_then(|d| one(d, "ul")),
                more,
            ],
            section,
            items,
            holes: holes.into(),
            to_sources,
            moved: Default::default(),
        }
    }

    /// Shows the notes of `filter` (all: the first few, then the others under the disclosure), moving the page's
    /// list items; nothing moves on the first call (the page's order).
    fn show(&self, filter: Option<Status>) {
        if filter.is_none() && !self.moved.replace(true) {
            return;
        }
        let [Some(first), Some(rest), Some(more)] = &self.lists else {
            return;
        };
        for (i, (li, status)) in self.items.iter().enumerate() {
            if filter.is_none_or(|s| s == *status) {
                let _ = if filter.is_none() && i >= FIRST_NOTES {
                    rest
                } else {
                    first
                }
                .append_child(li);
            } else {
                li.remove();
            }
        }
        more.toggle_attribute_with_force("hidden", filter.is_some())
            .ok();
    }
}

/// Reading the evidence from the page's own section, with the app's filter, toggles and links in it.
#[cfg(all(target_arch = "wasm32", prose_from_page))]
#[hook]
fn use_from_page() -> Html {
    let filter = use_state_eq(|| None::<Status>);
    let dispatch = use_dispatch();
    let href = super::use_within().part(Part::Sources);
    let node = crate::adopt::use_island_node(Part::Evidence);
    let kept = use_memo((), move |_| {
        let section: web_sys::Element = wasm_bindgen::JsCast::dyn_into(node?).ok()?;
        Some(Kept::of(section))
    });
    {
        let kept = kept.clone();
        use_effect_with(*filter, move |f| {
            if let Some(k) = &*kept {
                k.show(*f);
            }
        });
    }
    let k = kept.as_ref().as_ref();
    let toggles = super::cite::use_kept_toggles(
        k.map(|k| k.section.clone()),
        k.map_or_else(Default::default, |k| k.holes.clone()),
    );
    let Some(k) = k else {
        return crate::adopt::missing(Part::Evidence);
    };
    html! {
        <>
            { Html::VRef(k.section.clone().into()) }
            { for k.bar.clone().map(|bar| create_portal(filter_bar(&filter), bar)) }
            { toggles }
            { for k.to_sources.iter().map(|p| create_portal(to_sources(&dispatch, &href), p.clone())) }
        </>
    }
}

/// The link to the Sources part, followed in the app.
fn to_sources(dispatch: &Callback<Action>, href: &str) -> Html {
    let onclick = dispatch.reform(|ev: MouseEvent| {
        ev.prevent_default();
        Action::Navigate(Part::Sources)
    });
    html! { <a href={href.to_string()} {onclick}>{ "See these citations in the Sources part" }</a> }
}

#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
/// One note: title, status, the essay's claim, what the sources show, why it matters, figures, citations;
/// `href` leads to the Sources part.
fn note(e: &'static Evidence, dispatch: &Callback<Action>, href: &str) -> Html {
    let class = status_badge(e.status).2;
    let title_id = note_id(e);
    let figure = |id: &&&'static str| {
        let label = if id.starts_with("essay-") {
            String::new()
        } else {
            super::study::quiz::figure_label(id)
        };
        html! { <li key={**id}>{ label }<FigureValue id={**id} /></li> }
    };
    let is_essay = |id: &&&'static str| id.starts_with("essay-");
    let essay_figs: Vec<_> = e.figures.iter().filter(is_essay).collect();
    let source_figs: Vec<_> = e.figures.iter().filter(|id| !is_essay(id)).collect();
    let to_sources = matches!(
        e.status,
        Status::NoBibliographyEntry | Status::YearDisagrees
    )
    .then(|| html! { <p class="to-sources">{ to_sources(dispatch, href) }</p> });
    html! {
        <article id={e.id} class={classes!("evidence-note", class)} aria-labelledby={title_id.clone()} tabindex="-1">
            { note_head(e, &title_id) }
            <dl class="note-body">
                { fixed("<dt>The essay says</dt>") }
                <dd><p data-p={e.claim.key()}>{ rich_text(&e.claim) }</p>
                    if let Some(q) = &e.quote { { quote(q.text, q.source) } }</dd>
                { fixed("<dt>What the sources show</dt>") }<dd data-p={e.finding.key()}>{ rich_text(&e.finding) }</dd>
                { fixed("<dt>Why it matters</dt>") }<dd data-p={e.why_it_matters.key()}>{ rich_text(&e.why_it_matters) }</dd>
            </dl>
            if !e.figures.is_empty() {
                <div class="figure-compare">
                    if !essay_figs.is_empty() {
                        <div>{ fixed(r#"<p class="compare-label">In the essay</p>"#) }<ul>{ for essay_figs.iter().map(figure) }</ul></div>
                    }
                    if !source_figs.is_empty() {
                        <div>{ fixed(r#"<p class="compare-label">In other sources</p>"#) }<ul>{ for source_figs.iter().map(figure) }</ul></div>
                    }
                </div>
            }
            { for to_sources }
            <Cites paragraphs={e.paragraphs} refs={e.refs} />
        </article>
    }
}

#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
/// A note's title, status and, for the arithmetic note, the worked example (display only: written as markup,
/// `super::raw`).
fn note_head(e: &Evidence, title_id: &str) -> Html {
    let mut m = Markup::default();
    m.tag("<h3")
        .attr("id", Some(title_id))
        .tag(">")
        .text(e.title)
        .tag("</h3>");
    badge_markup(&mut m, e.status, None);
    if e.kind == EvidenceKind::Arithmetic {
        if let Some(w) = worked_example(e) {
            m.tag(r#"<p class="worked">"#).text(&w).tag("</p>");
        }
    }
    raw(m)
}

#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
/// A note's quotation and its source (display only: written as markup, `super::raw`).
fn quote(text: crate::prose::Prose, source: crate::prose::Prose) -> Html {
    let mut m = Markup::default();
    m.tag("<blockquote><p>“<span")
        .prose(&text)
        .tag("</span>”</p><footer")
        .prose(&source)
        .tag("</footer></blockquote>");
    raw(m)
}

#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
/// Percent against percentage points, worked from the arithmetic note's two percentages.
fn worked_example(note: &Evidence) -> Option<String> {
    let figs = &content().figures;
    let pair: Vec<_> = note
        .figures
        .iter()
        .filter_map(|id| figs.get(id))
        .filter(|f| f.unit == "percent")
        .take(2)
        .collect();
    match pair.as_slice() {
        [a, b] if a.value != 0.0 => Some(format!(
            "Worked out: from {} ({}) to {} ({}) is a rise of {} percentage points, which is {}% of the starting value.",
            a.display(), a.year, b.display(), b.year, crate::model::format_number(b.value - a.value, 3), crate::model::fixed((b.value - a.value) / a.value * 100.0, 1))),
        _ => None,
    }
}
