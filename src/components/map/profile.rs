//! A republic's profile: capital, population and area with their sources, what the essay says about it
//! (its actor card, cited), and links to related cards; says so where something is missing.

use yew::prelude::*;

use super::st;
use crate::components::cite::Cites;
use crate::components::figure::FigureValue;
use crate::components::rich::{CardLink, RichText};
use crate::components::use_dispatch;
use crate::content::content;
use crate::geo::geo;
use crate::model::CountryId;
use crate::state::Action;

/// Props: the republic, and whether this is the static page (sources open, no close button).
#[derive(Properties, PartialEq)]
pub struct ProfileProps {
    pub country: CountryId,
    #[prop_or_default]
    pub static_page: bool,
}

/// The id of a figure of this layer for this republic (the latest year), if the data has one.
pub fn latest_figure(layer: &str, c: CountryId) -> Option<AttrValue> {
    content().figures.of(layer, c).max_by(|a, b| a.year.cmp(b.year)).map(|f| st(f.id))
}

/// One republic's profile.
#[component]
pub fn CountryProfile(props: &ProfileProps) -> Html {
    let dispatch = use_dispatch();
    let (c, open) = (props.country, crate::components::prerendering(props.static_page));
    let title_id = format!("profile-{}-title", c.key());
    let capital = geo().places.iter().find(|p| p.country == c.key() && p.inside);
    let figure = |layer: &str| match latest_figure(layer, c) {
        Some(id) => html! { <FigureValue {id} {open} /> },
        None => html! { <span class="missing">{ "Not in the project's data." }</span> },
    };
    let card = content().cards.iter().find(|k| k.country == Some(c));
    let close = Callback::from(move |_: MouseEvent| dispatch.emit(Action::SelectCountry(None)));
    html! {
        <section id={format!("profile-{}", c.key())} class="profile" aria-labelledby={title_id.clone()}>
            <div class="profile-head">
                <h3 id={title_id}>{ c.label() }</h3>
                if !crate::components::prerendering(props.static_page) {
                    <button type="button" class="secondary close" onclick={close}>{ "Close" }<span class="visually-hidden">{ format!(" the profile of {}", c.label()) }</span></button>
                }
            </div>
            <dl class="facts">
                <dt>{ "Capital" }</dt>
                <dd>{ match capital {
                    Some(p) => html! { <>{ st(p.name) }<span class="credit">{ format!(" (location: {})", geo().source_places) }</span></> },
                    None => html! { <span class="missing">{ "Not in the project's data." }</span> },
                } }</dd>
                <dt>{ "Population" }</dt><dd>{ figure("population") }</dd>
                <dt>{ "Area" }</dt><dd>{ figure("area") }</dd>
            </dl>
            <h4>{ "What the essay says" }</h4>
            { match card {
                Some(card) => html! { <>
                    <p class="summary"><RichText text={st(card.summary)} /></p>
                    { for card.detail.iter().map(|d| html! { <p><RichText text={st(d)} /></p> }) }
                    <Cites paragraphs={card.paragraphs} refs={card.refs} {open} />
                    if !card.related.is_empty() {
                        <h4>{ "Related cards" }</h4>
                        <ul class="related">{ for card.related.iter().filter_map(|id| content().card(id)).map(|r| html! {
                            <li key={r.id}><CardLink id={st(r.id)} shown={st(r.title)} /></li>
                        }) }</ul>
                    }
                </> },
                None => html! { <p class="missing">{ "The explainer has no card on this republic yet." }</p> },
            } }
        </section>
    }
}
