//! The study part (being built).

pub mod tour;

use yew::prelude::*;

use crate::components::{PartHeading, PartProps};
use crate::model::Part;

/// The study part.
#[component]
pub fn StudyPart(_props: &PartProps) -> Html {
    html! {
        <section class="part study" aria-labelledby={Part::Study.heading_id()}>
            <PartHeading part={Part::Study} />
        </section>
    }
}
