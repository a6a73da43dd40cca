//! The map's legend: the unit, the palette's classes (or, for students, the confidence levels), the
//! "no data" and "none found" swatches, and the layer's source line.

use yew::prelude::*;

use super::SliceProps;
use crate::data::{confidence_step, decimals, notes, rounded, unit_label, Gap};
use crate::model::{Confidence, Layer};

fn swatch(class: String, text: String) -> Html {
    html! { <li key={class.clone()}><span class={classes!("swatch", class)} aria-hidden="true"></span>{ text }</li> }
}

/// The legend of the visible layer.
#[component]
pub fn Legend(props: &SliceProps) -> Html {
    let s = props.slice;
    let title = if s.layer == Layer::Students {
        "Colour: how reliable each source is (not how many students)".to_string()
    } else {
        format!("Colour: {}", unit_label(s.layer, s.per_person))
    };
    let classes: Vec<Html> = if s.layer == Layer::Students {
        [Confidence::High, Confidence::Medium, Confidence::Low]
            .iter()
            .map(|&c| {
                swatch(
                    format!("sw-{}", confidence_step(c)),
                    format!("{} confidence", c.label()),
                )
            })
            .collect()
    } else {
        let d = decimals(s.layer, s.per_person);
        let mut lower = 0.0;
        s.scale
            .breaks()
            .into_iter()
            .enumerate()
            .map(|(i, upper)| {
                let text = format!("{} to {}", rounded(lower, d), rounded(upper, d));
                lower = upper;
                swatch(format!("sw-{i}"), text)
            })
            .collect()
    };
    let none_found = s.rows.iter().any(|r| r.gap == Some(Gap::NoneFound));
    html! {
        <div class="legend">
            <p class="legend-title">{ title }</p>
            <ul class="legend-swatches">
                { for classes }
                { swatch("sw-nodata".into(), "no data".into()) }
                if none_found { { swatch("sw-none".into(), "none found (not a measured zero)".into()) } }
            </ul>
            <p class="legend-source"><strong>{ "Source: " }</strong>{ notes().layer(s.layer).source }</p>
        </div>
    }
}
