//! The data layers around the map: layer and year controls, legend, table, comparison, CSV, live region.
//! (Owned by the data-layers work, issue 5.)

use yew::prelude::*;

use crate::components::PartProps;

/// The toggle group (layer, year, per person) shown above the map.
#[component]
pub fn DataControls(_props: &PartProps) -> Html {
    html! {}
}

/// Legend, data table, the essay's figures beside the sources', and the CSV download, below the map.
#[component]
pub fn DataPanel(_props: &PartProps) -> Html {
    html! {}
}
