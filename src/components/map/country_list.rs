//! The five republics as a plain list of toggle buttons: the same selection as the map, for screen
//! readers and small screens, each with the active layer's value in words.

use yew::prelude::*;

use crate::data::slice;
use crate::model::CountryId;
use crate::state::{Action, View};

/// "Choose a republic": five buttons with `aria-pressed` for the view's selection and layer; pressing the
/// selected one clears it (through `dispatch`). The static page has links, no buttons. A plain function, not a
/// component: it holds no state (each component costs about 1.4 KB of wasm). `node`: the list's element;
/// `busy`: it shows an older view than the map's (`aria-busy`, while it waits off screen).
pub fn country_list(
    view: &View,
    static_page: bool,
    dispatch: &Callback<Action>,
    node: NodeRef,
    busy: bool,
) -> Html {
    let static_page = crate::components::drawn_static(static_page);
    let shades = &slice(view).shades;
    let items = CountryId::ALL.iter().map(|&c| {
        let value = shades.iter().find(|s| s.country == c).map_or("", |s| s.value_label);
        let pressed = view.country == Some(c);
        let content = html! { <><span class="name">{ c.label() }</span>{ " " }<span class="value">{ value }</span></> };
        if static_page {
            return html! { <li key={c.key()}><a class="country-button" href={format!("#profile-{}", c.key())}>{ content }</a></li> };
        }
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(Action::SelectCountry((!pressed).then_some(c))))
        };
        html! {
            <li key={c.key()}>
                <button type="button" class="country-button" aria-pressed={pressed.to_string()} {onclick}>{ content }</button>
            </li>
        }
    });
    html! {
        <div class="country-list" role="group" aria-labelledby="country-list-title" ref={node} aria-busy={busy.then_some("true")}>
            <h3 id="country-list-title">{ "The five republics" }</h3>
            <ul>{ for items }</ul>
        </div>
    }
}
