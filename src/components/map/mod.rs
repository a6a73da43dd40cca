//! The map part: the five republics and their neighbours, selectable, with the data layers around it.
//! (Owned by the map work, issue 4.)

use yew::prelude::*;

use crate::components::data::{DataControls, DataPanel};
use crate::components::{PartHeading, PartProps};
use crate::model::Part;

/// The map part.
#[component]
pub fn MapPart(props: &PartProps) -> Html {
    html! {
        <section class="part map" aria-labelledby={Part::Map.heading_id()}>
            <PartHeading part={Part::Map} />
            <DataControls ..props.clone() />
            <DataPanel ..props.clone() />
        </section>
    }
}
