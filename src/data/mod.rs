//! What a data layer puts on the map: for each republic, a fill (or "no data") and a value label. Pure.
//! (Owned by the data-layers work, issue 5; this first version shades the trade layer only.)

use crate::content::content;
use crate::model::CountryId;
use crate::scale::{needs_light_text, Sequential};
use crate::state::View;

/// How one republic is drawn under the active layer.
#[derive(Clone, Debug, PartialEq)]
pub struct Shade {
    pub country: CountryId,
    /// The palette colour; `None` means no data (drawn hatched, labelled "no data").
    pub fill: Option<&'static str>,
    /// The value as written on the map ("$43.82bn", "no data").
    pub value_label: String,
    /// Whether the label needs light text on this fill.
    pub light_text: bool,
}

/// The shading of the five republics for a view.
pub fn shades(view: &View) -> Vec<Shade> {
    let figures = &content().figures;
    let year = view.year().unwrap_or_default();
    let values: Vec<(CountryId, Option<f64>, String)> = CountryId::ALL
        .iter()
        .map(|&c| match figures.find("trade", c, year) {
            Some(f) => (c, Some(f.value), f.display()),
            None => (c, None, "no data".to_string()),
        })
        .collect();
    let scale = Sequential::over(values.iter().filter_map(|(_, v, _)| *v));
    values
        .into_iter()
        .map(|(country, value, value_label)| Shade {
            country,
            fill: value.map(|v| scale.colour(v)),
            value_label,
            light_text: value.is_some_and(|v| needs_light_text(scale.step(v))),
        })
        .collect()
}
