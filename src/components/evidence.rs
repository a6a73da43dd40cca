//! The evidence part (being built).

use yew::prelude::*;

use super::{PartHeading, PartProps};
use crate::model::Part;

/// The evidence part.
#[component]
pub fn EvidencePart(_props: &PartProps) -> Html {
    html! {
        <section class="part evidence" aria-labelledby={Part::Evidence.heading_id()}>
            <PartHeading part={Part::Evidence} />
        </section>
    }
}
