//! The guided-tour panel, shown over any part while a tour step is open. (Owned by the study work, issue 7.)

use yew::prelude::*;

use crate::components::PartProps;

/// The tour panel for `view.step`.
#[component]
pub fn TourPanel(_props: &PartProps) -> Html {
    html! {}
}
