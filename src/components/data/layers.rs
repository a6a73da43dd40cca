//! The layer, period and per-person toggles: buttons with `aria-pressed`, each a single click or key press.

use yew::prelude::*;

use crate::data::{all_slices, notes, population_year, slice};
use crate::model::Layer;
use crate::state::{Action, Control, View};

/// The three toggle groups above the map for `view` (each hidden where an embed asks for it); a press goes
/// to `dispatch`. A plain function, not a component: it holds no state.
pub fn layer_controls(view: &View, dispatch: &Callback<Action>) -> Html {
    let year = view.year();
    let layers = Layer::ALL.iter().map(|&layer| {
        let onclick = dispatch.reform(move |_: MouseEvent| Action::SetLayer(layer));
        html! {
            <button type="button" key={layer.key()} class="toggle" aria-pressed={(view.layer == layer).to_string()}
                data-layer={layer.key()} {onclick}>{ layer.label() }</button>
        }
    });
    let years = view.layer.years().iter().map(|&y| {
        let onclick = dispatch.reform(move |_: MouseEvent| Action::SetYear(y));
        html! {
            <button type="button" key={y.key()} class="toggle" aria-pressed={(view.period() == Some(y)).to_string()} data-year={y.key()} {onclick}>{ y.label() }</button>
        }
    });
    let possible = population_year(view.layer, year).is_some();
    let per_person = view.per_person && possible;
    let on_per_person = dispatch.reform(move |_: MouseEvent| Action::SetPerPerson(!per_person));
    let per_label = if view.layer == Layer::Students {
        "Per 100,000 people"
    } else {
        "Per person"
    };
    // Every layer keeps the same boxes, so that a switch moves nothing below (the map above all): the switch
    // per person keeps its place (unseen) where a layer has none, and the periods share one place with the
    // caution (a layer has one or the other), which keeps its size when there is none.
    html! {
        <div class="data-toggles">
            if view.shows(Control::Layers) {
                <div class="toggle-group" role="group" aria-label="Data layer">
                    <span class="toggle-label" aria-hidden="true">{ "Layer" }</span>{ for layers }
                </div>
            }
            if view.shows(Control::PerPerson) {
                if view.layer.has_per_person() {
                    <div class="toggle-group per-person">
                        <button type="button" class="toggle" aria-pressed={per_person.to_string()} disabled={!possible}
                            aria-describedby={(!possible).then_some("per-person-why")} onclick={on_per_person}>{ per_label }</button>
                        if !possible {
                            <span id="per-person-why" class="toggle-note">{ notes().per_person(view.layer, false) }</span>
                        }
                    </div>
                } else {
                    <div class="toggle-group per-person unused"></div>
                }
            }
            <div class="toggle-slot">
                if view.shows(Control::Year) && !view.layer.years().is_empty() {
                    <div class="toggle-group" role="group" aria-label="Period">
                        <span class="toggle-label" aria-hidden="true">{ "Period" }</span>{ for years }
                    </div>
                }
                { caution(view) }
            </div>
        </div>
    }
}

/// Said above the map when the values do not compare (different years or sources). Without a caution, its
/// place stays, unseen and unheard: the longest caution of any view, hidden (`.unused`, `aria-hidden`).
fn caution(view: &View) -> Html {
    let text = slice(view).caution;
    let shown = text.or_else(|| {
        all_slices()
            .iter()
            .filter_map(|s| s.caution)
            .max_by_key(|c| c.len())
    });
    html! {
        <p class={classes!("map-caution", text.is_none().then_some("unused"))} aria-hidden={text.is_none().then_some("true")}>
            <span aria-hidden="true">{ "⚠ " }</span>{ shown.unwrap_or_default() }</p>
    }
}
