//! How each view of the data is worked out from the figures and notes: the rows, the map's shading, the
//! scale, the caution and the spoken summary. The app ships the result (`frozen.rs`, written by the test
//! in `freeze.rs`); this code runs in the tests, and in a build whose frozen views are stale.

use crate::content::content;
use crate::model::{format_number, CountryId, Figure, Layer};
use crate::scale::{needs_light_text, Classes};

use super::{
    announce, decimals, lead_year, map_figure, population_year, reading, short_year, Gap,
    Reliability, Row, Shade, Slice, NONE_FOUND_FILL,
};

/// A figure's value in the view: as given, or divided by the population.
fn shown(layer: Layer, f: &Figure, population: Option<&Figure>) -> f64 {
    match (population, layer) {
        (Some(p), Layer::Students) => f.value * 1e5 / p.value,
        (Some(p), _) => f.value * 1e9 / p.value,
        (None, _) => f.value,
    }
}

/// The value as the table writes it: qualifier, number and (for money) the dollar sign.
fn label(layer: Layer, per_person: bool, f: &Figure, value: f64) -> String {
    let number = format_number(value, decimals(layer, per_person));
    let text = match (layer, per_person) {
        (Layer::Trade | Layer::Investment, false) => return f.display(),
        (Layer::Trade | Layer::Investment, true) => format!("${number}"),
        _ => number,
    };
    if f.qualifier.is_empty() {
        text
    } else {
        format!("{} {text}", f.qualifier)
    }
}

pub(super) fn rows_for(layer: Layer, year: Option<&'static str>, per_person: bool) -> Vec<Row> {
    let figures = &content().figures;
    let mut rows = Vec::new();
    for &country in CountryId::ALL {
        let population = per_person
            .then(|| population_year(layer, year))
            .flatten()
            .and_then(|y| figures.get(&format!("population-{y}-{}", country.key())));
        let on_map = map_figure(layer, year, country);
        let others = matches!(layer, Layer::Students | Layer::Confucius).then(|| {
            figures
                .of(layer.dataset(), country)
                .filter(move |f| Some(f.id) != on_map.map(|m| m.id))
        });
        let mut listed: Vec<&'static Figure> = on_map
            .into_iter()
            .chain(others.into_iter().flatten())
            .collect();
        listed[on_map.is_some() as usize..].sort_by_key(|f| std::cmp::Reverse(lead_year(f.year)));
        if on_map.is_none() {
            let gap = if layer == Layer::Confucius {
                Gap::NoneFound
            } else {
                Gap::NoData
            };
            let text = if gap == Gap::NoData {
                "no data"
            } else {
                "none found"
            };
            rows.push(Row {
                country,
                figure: None,
                on_map: true,
                value: None,
                label: text,
                population: None,
                energy: None,
                gap: Some(gap),
            });
        }
        for (i, f) in listed.into_iter().enumerate() {
            // Students per person: each figure over the population of its own year, or no value at all.
            let population = match layer {
                Layer::Students => population.and_then(|_| {
                    let y = lead_year(f.year)?;
                    figures.get(&format!("population-{y}-{}", country.key()))
                }),
                _ => population,
            };
            let value = shown(layer, f, population);
            let energy = (layer == Layer::Investment && year == Some("2005-2018"))
                .then(|| figures.get(&format!("investment-energy-2005-2018-{}", country.key())))
                .flatten();
            let on_map = i == 0 && on_map.is_some();
            let own_year = !(per_person && population.is_none());
            rows.push(Row {
                country,
                figure: Some(f),
                on_map,
                value: own_year.then_some(value),
                label: if own_year {
                    label(layer, per_person, f, value).leak()
                } else {
                    "no per-person value"
                },
                population,
                energy,
                gap: None,
            });
        }
    }
    rows
}

fn shade_of(layer: Layer, row: &Row, scale: &Classes) -> Shade {
    let (fill, step) = match (row.gap, reading(row)) {
        (Some(Gap::NoneFound), _) => (Some(NONE_FOUND_FILL), 0),
        (None, Some(r)) => (Some(scale.colour(r)), scale.step_of(r)),
        _ => (None, 0),
    };
    let value_label = match row.figure {
        Some(f) if matches!(layer, Layer::Students | Layer::Confucius) => {
            format!("{} ({})", row.label, short_year(f.year)).leak()
        }
        _ => row.label,
    };
    Shade {
        country: row.country,
        fill,
        value_label,
        light_text: fill.is_some() && row.gap.is_none() && needs_light_text(step),
        value: row.value,
        reliability: row.figure.map(|f| Reliability::of(f.confidence)),
    }
}

/// "the values come from different years (2014 to 2023)": why a view's values do not compare, if they do not.
fn caution(rows: &[Row]) -> Option<&'static str> {
    let years: Vec<i32> = rows
        .iter()
        .filter(|r| r.on_map)
        .filter_map(|r| r.figure.and_then(|f| lead_year(f.year)))
        .collect();
    let (lo, hi) = (years.iter().min()?, years.iter().max()?);
    (lo != hi).then(|| {
        &*format!("Not comparable: each republic's figure is from its own year ({lo} to {hi}) and source.")
            .leak()
    })
}

/// Every view of the data: each layer and period, and its per-person view where one exists.
pub fn slices() -> Vec<Slice> {
    let mut views = Vec::new();
    for &layer in Layer::ALL {
        let years: Vec<Option<&'static str>> = if layer.years().is_empty() {
            vec![None]
        } else {
            layer.years().iter().map(|y| Some(y.key())).collect()
        };
        for year in years {
            views.push((layer, year, false));
            if layer.has_per_person() && population_year(layer, year).is_some() {
                views.push((layer, year, true));
            }
        }
    }
    let rows: Vec<Vec<Row>> = views
        .iter()
        .map(|&(layer, year, pp)| rows_for(layer, year, pp))
        .collect();
    // One scale per layer and unit, over every period, so a colour means the same range in each.
    let scale_of = |layer: Layer, pp: bool| {
        let readings = views
            .iter()
            .zip(&rows)
            .filter(|((l, _, p), _)| *l == layer && *p == pp)
            .flat_map(|(_, rows)| rows.iter().filter_map(reading));
        Classes::over(
            readings,
            !pp && matches!(layer, Layer::Students | Layer::Confucius),
        )
    };
    let scales: Vec<Classes> = views
        .iter()
        .map(|&(layer, _, pp)| scale_of(layer, pp))
        .collect();
    views
        .iter()
        .zip(rows)
        .zip(scales)
        .map(|((&(layer, year, per_person), rows), scale)| {
            let shades: Vec<Shade> = rows
                .iter()
                .filter(|r| r.on_map)
                .map(|r| shade_of(layer, r, &scale))
                .collect();
            let mut slice = Slice {
                layer,
                year,
                per_person,
                caution: caution(&rows),
                rows: rows.leak(),
                shades: shades.leak(),
                scale,
                announcement: "",
            };
            slice.announcement = announce(&slice).leak();
            slice
        })
        .collect()
}
