//! The map part (being built).

use yew::prelude::*;

use crate::components::{PartHeading, PartProps};
use crate::model::Part;

/// The map part.
#[component]
pub fn MapPart(_props: &PartProps) -> Html {
    html! {
        <section class="part map" aria-labelledby={Part::Map.heading_id()}>
            <PartHeading part={Part::Map} />
        </section>
    }
}
