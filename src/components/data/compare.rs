//! "The essay's figure and the sources": each of the essay's figures beside what independent sources say,
//! and China's customs beside a republic's own statistics, with a short neutral explanation.

use yew::prelude::*;

use super::SourceToggle;
use crate::components::evidence::{note_for, status_badge_of};
use crate::components::figure::FigureValue;
use crate::components::use_dispatch;
use crate::data::{notes, Comparison};
use crate::model::study::{Evidence, Status};
use crate::model::Part;
use crate::state::{Action, View};

/// How an essay comparison agrees with the sources, in Reading the evidence's words: the status of the note
/// that discusses its essay figure (else the comparison's own word), a qualifier kept where it fits
/// ("differs (slightly)" -> Differs, "slightly"), and that note. `None` for contrasts of two series.
pub fn agreement(
    c: &Comparison,
) -> Option<(Status, Option<&'static str>, Option<&'static Evidence>)> {
    if c.kind != "essay" {
        return None;
    }
    let (word, rest) = c.status.split_once(' ').unwrap_or((c.status, ""));
    let own = match word {
        "confirmed" => Status::Confirmed,
        "differs" => Status::Differs,
        _ => Status::NotFound,
    };
    let note = c.essay.and_then(note_for);
    let status = note.map_or(own, |n| n.status);
    let detail = rest.trim_matches(|ch| ch == '(' || ch == ')' || ch == ' ');
    let detail = (status == own && !detail.is_empty()).then_some(detail);
    Some((status, detail, note))
}

/// Props: the view (which comparisons are relevant). The static page shows them all, open.
#[derive(Properties, PartialEq)]
pub struct ComparisonsProps {
    pub view: View,
}

/// The comparisons that belong to the visible layer and period, with a way to see all of them. All of them
/// are always in the DOM and the others are `hidden`, so a layer switch flips attributes instead of
/// building and removing articles.
#[component]
pub fn Comparisons(props: &ComparisonsProps) -> Html {
    let all = use_state(|| false);
    let (layer, year) = (props.view.layer, props.view.period());
    let static_page = crate::components::use_static_page();
    let every = static_page || *all;
    let list = &notes().comparisons;
    let shows = |c: &Comparison| every || c.fits(layer, year);
    let toggle = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(!*all))
    };
    html! {
        <section class="data-compare" aria-labelledby="compare-heading">
            <h3 id="compare-heading">{ "The essay's figures and the sources" }</h3>
            <p class="compare-none" hidden={list.iter().any(shows)}>{ "No comparison belongs to this layer and period." }</p>
            { for list.iter().map(|c| html! { <CompareArticle key={c.id} comparison={c} hidden={!shows(c)} /> }) }
            if !static_page {
                <button type="button" class="secondary compare-all" aria-expanded={all.to_string()} onclick={toggle}>
                    { if *all { "Show only this layer's comparisons".to_string() } else { format!("Show all {} comparisons", list.len()) } }
                </button>
            }
        </section>
    }
}

/// Props: one comparison, and whether it is hidden.
#[derive(Properties)]
struct CompareArticleProps {
    comparison: &'static Comparison,
    hidden: bool,
}

impl PartialEq for CompareArticleProps {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.comparison, other.comparison) && self.hidden == other.hidden
    }
}

/// One comparison: its own component, so a layer switch re-renders only the articles it shows or hides.
#[component]
fn CompareArticle(props: &CompareArticleProps) -> Html {
    let (c, hidden) = (props.comparison, props.hidden);
    let static_page = crate::components::use_static_page();
    let (left, right) = match (c.kind, c.essay) {
        ("national", Some(_)) => (
            "China's customs (on the map)",
            "The republic's own statistics",
        ),
        ("national", None) => ("", "Figures that exist, kept off the map"),
        _ => ("The essay", "The sources"),
    };
    let dispatch = use_dispatch();
    let within = crate::components::use_within();
    let agreement = agreement(c);
    // On the static page, figures whose note in Reading the evidence shows them in full are given in brief.
    let brief = static_page && agreement.is_some_and(|(_, _, note)| note.is_some());
    // The note in Reading the evidence that discusses this figure, one click away.
    let to_note = agreement.and_then(|(_, _, note)| note).map(|note| {
        let to = note.id;
        let onclick = dispatch.reform(move |e: MouseEvent| {
            e.prevent_default();
            Action::NavigateTo(Part::Evidence, to)
        });
        let href = format!("{}#{}", within.part(Part::Evidence), note.id);
        html! { <p class="to-note"><a {href} onclick={(!static_page).then_some(onclick)}>{ format!("Read the note: {}", note.title) }</a></p> }
    });
    html! {
        <article class="compare" data-compare={c.id} {hidden}>
            <h4>{ c.title }</h4>
            { match agreement {
                Some((status, detail, _)) => status_badge_of(status, detail),
                None => html! { <p class="compare-kind">{ c.status }</p> },
            } }
            <dl class="compare-pair">
                if let Some(id) = c.essay {
                    <div><dt>{ left }</dt><dd>{ figure(id, brief) }</dd></div>
                }
                <div><dt>{ right }</dt>
                    { for c.sources.iter().map(|id| html! { <dd key={*id}>{ figure(id, brief) }</dd> }) }</div>
            </dl>
            <p class="compare-why" data-p={c.explanation.key()}>{ c.explanation.text() }</p>
            { for to_note }
        </article>
    }
}

/// A figure of a comparison; `brief` (static page, figure shown in full by the comparison's note in Reading the
/// evidence, one link away): value, period, source (publisher, date, link) and confidence, as in the data
/// table, without the excerpt and notes (written out twice, they were 3.4 KB of the page's gzip).
fn figure(id: &'static str, brief: bool) -> Html {
    let found = crate::content::content().figures.get(id);
    let Some(f) = found.filter(|_| brief) else {
        return html! { <FigureValue id={id} /> };
    };
    let period = crate::data::period_words(f.year).filter(|_| f.unit != "day");
    let paragraph = f
        .paragraph
        .as_ref()
        .map(|p| format!(", essay paragraph {p}"));
    html! {
        <span class="figure">
            <span class="figure-value">{ f.display() }</span>
            if let Some(period) = period { <span class="figure-year">{ format!(" ({period})") }</span> }
            <span class="figure-brief">{ " · Source: " }<SourceToggle figure={f} of={f.display()} />
                { format!(" · Confidence: {}{}", f.confidence.label(), paragraph.unwrap_or_default()) }</span>
        </span>
    }
}
