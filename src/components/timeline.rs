//! The timeline part (being built).

use yew::prelude::*;

use super::{PartHeading, PartProps};
use crate::model::Part;

/// The timeline part.
#[component]
pub fn TimelinePart(_props: &PartProps) -> Html {
    html! {
        <section class="part timeline" aria-labelledby={Part::Timeline.heading_id()}>
            <PartHeading part={Part::Timeline} />
        </section>
    }
}
