//! A republic's profile: capital, population and area with their sources, what the essay says about it
//! (its actor card, cited), and links to related cards; says so where something is missing.

use yew::prelude::*;

use super::st;
use crate::components::cite::Cites;
use crate::components::figure::FigureValue;
use crate::components::raw::{esc, raw};
use crate::components::rich::{rich_text, CardLink};
use crate::components::use_dispatch;
use crate::content::content;
use crate::geo::geo;
use crate::model::{CountryId, Dataset};
use crate::state::Action;

/// Props: the republic, the view's data row for it, and whether this is the static page (sources open,
/// no close button).
#[derive(Properties, PartialEq)]
pub struct ProfileProps {
    pub country: CountryId,
    /// What the map shows for this republic: the layer and period, and the figure behind the value (`None`
    /// where the map says "no data" or "none found", whose words come with it).
    #[prop_or_default]
    pub on_map: Option<OnMap>,
}

/// The map's value for one republic, as its profile shows it.
#[derive(Clone, PartialEq)]
pub struct OnMap {
    /// "Trade, 2024".
    pub what: AttrValue,
    pub figure: Option<&'static crate::model::Figure>,
    /// The population divided by, in the per-person view.
    pub population: Option<&'static crate::model::Figure>,
    /// The value as the map writes it ("$43.82bn", "no data").
    pub written: AttrValue,
}

impl OnMap {
    /// What the map shows for `c` in `view`; `None` if the view's data has no row on the map for it.
    pub fn of(view: &crate::state::View, c: CountryId) -> Option<OnMap> {
        let s = crate::data::slice(view);
        let row = s.rows.iter().find(|r| r.country == c && r.on_map)?;
        let period = s.year.map(|y| format!(", {y}")).unwrap_or_default();
        let per = if s.per_person { " per person" } else { "" };
        Some(OnMap {
            what: format!("{}{per}{period}", s.layer.label()).into(),
            figure: row.figure,
            population: row.population,
            written: row.label.into(),
        })
    }
}

/// The id of a figure of this layer for this republic (the latest year), if the data has one.
pub fn latest_figure(layer: Dataset, c: CountryId) -> Option<AttrValue> {
    content()
        .figures
        .of(layer, c)
        .max_by(|a, b| a.year.cmp(b.year))
        .map(|f| st(f.id))
}

/// One republic's profile.
#[component]
pub fn CountryProfile(props: &ProfileProps) -> Html {
    let dispatch = use_dispatch();
    // The static page shows every profile open, sources shown, no sheet and no Close.
    let (c, open) = (props.country, crate::components::use_static_page());
    let title_id = format!("profile-{}-title", c.key());
    let capital = geo()
        .places
        .iter()
        .find(|p| p.country == c.key() && p.inside);
    // The static page draws a figure as the app does, with its button's place and, for a reader without JavaScript,
    // its source written out: a deep link's profile does not change when the app starts.
    let drawn_static = crate::components::drawn_static(open);
    let value = move |id: AttrValue| {
        if drawn_static {
            raw(crate::components::data::panel::figure_markup(&id, true))
        } else {
            html! { <FigureValue {id} /> }
        }
    };
    // The static page carries the card's text once, on the card: a profile there names each paragraph (`data-from`),
    // static/early.js copies them in for a deep link's profile (as the app draws it), and a reader without JavaScript
    // follows the link to the card. Measured: single file -1,015 B gzip (the five profiles' text, 7.2 KB raw, came
    // more than 32 KB after the cards', out of gzip's reach).
    let paragraph = move |class: Option<&'static str>, text: crate::prose::Prose| {
        if drawn_static {
            html! { <p {class} data-from={text.key()}></p> }
        } else {
            html! { <p {class}>{ rich_text(&text) }</p> }
        }
    };
    let figure = |layer: Dataset| match latest_figure(layer, c) {
        Some(id) => value(id),
        None => raw(MISSING),
    };
    // A sheet over the page (on a phone) when the reader chose the republic; with the page (a deep link), in its
    // place under the list of republics, so that the first view shows the map with the republic on it.
    let sheet = *use_state(|| {
        #[cfg(target_arch = "wasm32")]
        return chosen(crate::browser::active_element().as_ref());
        #[cfg(not(target_arch = "wasm32"))]
        false
    });
    let expanded = use_state(|| false);
    let more = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let card = content().cards.iter().find(|k| k.country == Some(c));
    let came_from = use_focus_into_sheet(c, &title_id, open);
    let close = {
        let (dispatch, came_from) = (dispatch.clone(), came_from.clone());
        Callback::from(move |_: MouseEvent| {
            close_sheet(&dispatch, &came_from);
            // Where the profile was not opened from a control that is still there: the republic on the map.
            crate::browser::refocus_if_lost(vec![
                super::region_map::shape_id(c),
                "country-list-title".into(),
            ]);
        })
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.stop_propagation();
            close_sheet(&dispatch, &came_from);
        }
    });
    html! {
        <section id={format!("profile-{}", c.key())} class={classes!("profile", sheet.then_some("sheet"), expanded.then_some("expanded"))}
            aria-labelledby={title_id.clone()} onkeydown={(!open).then_some(onkeydown)}>
            <div class="profile-head">
                <h3 id={title_id} tabindex="-1">{ c.label() }</h3>
                if sheet {
                    // On a phone the sheet starts low, the map above it in sight: this shows the whole profile.
                    <button type="button" class="secondary more" aria-expanded={expanded.to_string()} onclick={more}>{ if *expanded { "Less" } else { "More" } }<span class="visually-hidden">{ " of the profile" }</span></button>
                }
                if !open {
                    <button type="button" class="secondary close" onclick={close}>{ "Close" }<span class="visually-hidden">{ format!(" the profile of {}", c.label()) }</span></button>
                }
            </div>
            <dl class="facts">
                // What the map shows first: on a phone it is in sight in the sheet's first lines.
                if let Some(m) = &props.on_map {
                    <dt class="on-map">{ format!("On the map: {}", m.what) }</dt>
                    <dd class="on-map">{ match m.figure {
                        // The figure behind the map's value, with its source one click away.
                        Some(f) if m.population.is_none() => value(st(f.id)),
                        Some(f) => html! { <>{ m.written.clone() }{ " = " }<FigureValue id={st(f.id)} />
                            if let Some(p) = m.population { { " ÷ " }<FigureValue id={st(p.id)} /> }</> },
                        None => html! { <span class="missing">{ m.written.clone() }</span> },
                    } }</dd>
                }
                <dt>{ "Capital" }</dt>
                <dd>{ raw(match capital {
                    Some(p) => format!(r#"{}<span class="credit"> · location: {}</span>"#, esc(p.name), esc(geo().source_places)),
                    None => MISSING.to_string(),
                }) }</dd>
                <dt>{ "Population" }</dt><dd>{ figure(Dataset::Population) }</dd>
                <dt>{ "Area" }</dt><dd>{ figure(Dataset::Area) }</dd>
            </dl>
            <h4>{ "What the essay says" }</h4>
            { match card {
                Some(card) => html! { <>
                    { paragraph(Some("summary"), card.summary) }
                    { for card.detail.iter().map(|&d| paragraph(None, d)) }
                    if drawn_static {
                        <p data-no-js="">{ "On its card: " }<CardLink id={st(card.id)} shown={card.title} /></p>
                    }
                    <Cites paragraphs={card.paragraphs} refs={card.refs} />
                    if !card.related.is_empty() {
                        <h4>{ "Related cards" }</h4>
                        <ul class="related">{ for card.related.iter().filter_map(|id| content().card(id)).map(|r| html! {
                            <li key={r.id}><CardLink id={st(r.id)} shown={r.title} /></li>
                        }) }</ul>
                    }
                </> },
                None => html! { <p class="missing">{ "The explainer has no card on this republic yet." }</p> },
            } }
        </section>
    }
}

/// Said where the project has no figure of a kind for a republic.
const MISSING: &str = r#"<span class="missing">Not in the project's data.</span>"#;

/// Where focus was before the profile took it (restored when the profile closes).
type CameFrom = std::rc::Rc<std::cell::RefCell<Option<web_sys::Element>>>;

/// On a narrow screen the live profile is a sheet over the page: when a reader's choice opens it (focus
/// is on a control, not on the page as at load), focus moves to its heading so the sheet is what is read.
#[hook]
fn use_focus_into_sheet(c: CountryId, title_id: &str, static_page: bool) -> CameFrom {
    let static_page = crate::components::drawn_static(static_page);
    let came_from: CameFrom = (*use_memo((), |_| CameFrom::default())).clone();
    {
        let (came_from, title_id) = (came_from.clone(), title_id.to_string());
        use_effect_with(c, move |_| {
            let narrow = crate::browser::media_matches(SHEET_MEDIA);
            let active = crate::browser::active_element();
            if !static_page && narrow && chosen(active.as_ref()) {
                if active.is_some() {
                    *came_from.borrow_mut() = active;
                }
                // The map above the sheet: its top in view, so the reader sees both.
                if let Some(map) = crate::browser::find(".region-map") {
                    crate::browser::scroll_into_view(&map, true);
                }
                crate::browser::focus(&title_id);
            }
        });
    }
    came_from
}

/// Whether the profile opens on a reader's choice (focus on a control: the republic on the map or in the list), not
/// with the page (a deep link, Back) or a step of the tour.
fn chosen(active: Option<&web_sys::Element>) -> bool {
    active.is_some_and(|a| a.tag_name() != "BODY" && !a.id().ends_with("-title"))
}

/// The widths at which the live profile is a sheet (as in 30-map.css).
const SHEET_MEDIA: &str = "(max-width: 63.99em)";

/// Closes the profile and gives focus back to what opened it (the republic on the map or in the list).
fn close_sheet(dispatch: &Callback<Action>, came_from: &CameFrom) {
    let back = came_from.borrow_mut().take();
    dispatch.emit(Action::SelectCountry(None));
    if let Some(el) = back.filter(|el| el.is_connected()) {
        crate::browser::focus_element(&el);
    }
}
