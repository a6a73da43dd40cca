//! The overview: the essay's thesis in our words, how to use the explainer, and who it is for.

use yew::prelude::*;

use super::rich::rich_text;
use super::{cite::Cites, use_dispatch, PartHeading, PartProps};
use crate::content::content;
use crate::model::Part;
use crate::state::Action;

/// The overview part.
#[component]
pub fn OverviewPart(props: &PartProps) -> Html {
    let c = content();
    let dispatch = use_dispatch();
    let static_page = super::use_static_page();
    let thesis = c.card("thesis");
    // Text drawn the same on the pre-rendered page and in the app: on start the app keeps the page's nodes
    // (crate::adopt); tests/render_shell.rs checks that the two renderings agree.
    let lead = crate::adopt::use_kept("overview-lead".into()).unwrap_or_else(|| {
        let lead = &c.site.overview.lead;
        let mut m = super::raw::Markup::default();
        m.tag(r#"<p data-adopt="overview-lead""#)
            .attr("data-p", lead.key().as_deref())
            .tag(r#" class="lead">"#)
            .text(lead)
            .tag("</p>");
        super::raw::raw(m)
    });
    let guide = crate::adopt::use_kept("overview-guide".into()).unwrap_or_else(|| {
        let how = c
            .site
            .overview
            .how
            .iter()
            .map(|line| html! { <li data-p={line.key()}>{ rich_text(line) }</li> });
        let audiences = c.site.overview.audiences.iter().map(|a| {
            html! { <div class="audience"><dt>{ a.who }</dt><dd data-p={a.what.key()}>{ a.what.text() }</dd></div> }
        });
        html! {
            <div class="overview-guide" data-adopt="overview-guide">
                <h3>{ "How to use this explainer" }</h3>
                <ul class="how">{ for how }</ul>
                <h3>{ "Who it is for" }</h3>
                <dl class="audiences">{ for audiences }</dl>
            </div>
        }
    });
    let within = crate::deep_link::Within::of(&props.view);
    let go = |part: Part, label: &'static str| {
        let onclick = dispatch.reform(move |e: MouseEvent| {
            e.prevent_default();
            Action::Navigate(part)
        });
        html! { <a class="button" href={within.part(part)} {onclick}>{ label }</a> }
    };
    html! {
        <section class="part overview" aria-labelledby={Part::Overview.heading_id()}>
            <PartHeading part={Part::Overview} />
            { lead }
            if let Some(card) = thesis {
                <div class="thesis">
                    { super::raw::fixed("<h3>The thesis in brief</h3>") }
                    <p>{ rich_text(&card.summary) }</p>
                    { for card.detail.iter().map(|d| html! { <p>{ rich_text(d) }</p> }) }
                    <Cites paragraphs={card.paragraphs} refs={card.refs} />
                </div>
            }
            if !static_page {
                <p class="start-links">
                    { go(Part::Cards, "Explore the cards") }
                    { go(Part::Map, "Open the map") }
                    { go(Part::Study, "Take the guided tour") }
                </p>
            }
            { guide }
        </section>
    }
}
