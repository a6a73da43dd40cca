//! What a data layer shows: for each republic its figure (or why there is none), the map's shading, the
//! table's rows and the spoken summary, computed once per layer, period and per-person view. Pure.

mod announce;
mod csv;
pub mod notes;

pub use announce::announce;
pub use csv::{all_csv, csv, file_name, ALL_COLUMNS, CSV_COLUMNS};
pub use notes::{notes, Comparison, DataNotes, LayerNote};

use std::sync::LazyLock;

use crate::content::content;
use crate::model::{format_number, Confidence, CountryId, Figure, Layer};
use crate::scale::{needs_light_text, Classes, Reading};
use crate::state::View;

/// How one republic is drawn under the active layer.
#[derive(Clone, Debug, PartialEq)]
pub struct Shade {
    pub country: CountryId,
    /// The palette colour; `None` means no data (drawn hatched, labelled "no data").
    pub fill: Option<&'static str>,
    /// The value as written on the map ("$43.82bn", "more than 3,000 (2018)", "no data").
    pub value_label: String,
    /// Whether the label needs light text on this fill.
    pub light_text: bool,
    /// The number the fill encodes (`None` without a figure).
    pub value: Option<f64>,
    /// How reliable the figure's source is, drawn as a pattern over the fill (`None` where there is no figure).
    pub reliability: Option<Reliability>,
}

/// How reliable a figure's source is: the second channel on the map (a pattern), never the fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reliability {
    High,
    Medium,
    Low,
}

impl Reliability {
    /// From a figure's confidence (the essay's own figures are not on the map; as stated, they rank high).
    pub fn of(confidence: Confidence) -> Self {
        match confidence {
            Confidence::High | Confidence::AsStated => Reliability::High,
            Confidence::Medium => Reliability::Medium,
            Confidence::Low => Reliability::Low,
        }
    }

    /// The word the data uses.
    pub fn word(self) -> &'static str {
        match self {
            Reliability::High => "high",
            Reliability::Medium => "medium",
            Reliability::Low => "low",
        }
    }

    /// The id of the map pattern drawn over a republic whose figure is this reliable (none for high).
    pub fn pattern(self) -> Option<&'static str> {
        match self {
            Reliability::High => None,
            Reliability::Medium => Some("map-medium"),
            Reliability::Low => Some("map-low"),
        }
    }

    /// For sorting: 2 for high, 1 for medium, 0 for low.
    pub fn rank(self) -> usize {
        match self {
            Reliability::High => 2,
            Reliability::Medium => 1,
            Reliability::Low => 0,
        }
    }

    /// Every level, most reliable first.
    pub const ALL: [Reliability; 3] = [Reliability::High, Reliability::Medium, Reliability::Low];
}

/// The fill of a republic where the sources found nothing to count ("none found"), unlike missing data.
pub const NONE_FOUND_FILL: &str = "#ffffff";

/// Why a republic has no value on a layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// The data has no figure for this republic and period: shown hatched, "no data".
    NoData,
    /// The sources found none (Turkmenistan's Confucius Institutes): not a measured zero.
    NoneFound,
}

/// One row of the data table: a figure of the visible layer for one republic, or its absence.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub country: CountryId,
    pub figure: Option<&'static Figure>,
    /// Whether this is the figure on the map (students and institutes list other years too).
    pub on_map: bool,
    /// The value shown: the figure's, or the derived per-person value.
    pub value: Option<f64>,
    /// The value as written, qualifier kept ("about $2.6bn", "more than 3,000", "no data").
    pub label: String,
    /// The population divided by, in the per-person view.
    pub population: Option<&'static Figure>,
    /// The energy part of an investment total (2005-2018).
    pub energy: Option<&'static Figure>,
    pub gap: Option<Gap>,
}

/// Everything one view of the data shows.
#[derive(Debug, PartialEq)]
pub struct Slice {
    pub layer: Layer,
    pub year: Option<&'static str>,
    pub per_person: bool,
    pub rows: Vec<Row>,
    pub shades: Vec<Shade>,
    /// The value scale behind the fills: one per layer and unit, the same in every period.
    pub scale: Classes,
    /// Why the values on the map do not compare ("from different years, 2014 to 2023"), if they do not.
    pub caution: Option<String>,
    /// The sentence the live region reads out.
    pub announcement: String,
}

/// The population year a per-person view divides by; `None` where the data has no defensible one.
pub fn population_year(layer: Layer, year: Option<&str>) -> Option<&'static str> {
    match (layer, year) {
        (Layer::Trade, Some("2022" | "2023" | "2024")) => Some("2022"),
        (Layer::Investment, Some("2005-2018")) | (Layer::Students, _) => Some("2018"),
        (Layer::Investment, Some("2005-2021")) => Some("2022"),
        _ => None,
    }
}

/// The unit of the values shown, for headers and the legend.
pub fn unit_label(layer: Layer, per_person: bool) -> &'static str {
    match (layer, per_person) {
        (Layer::Trade | Layer::Investment, false) => "US$ billion",
        (Layer::Trade | Layer::Investment, true) => "US$ per person, derived",
        (Layer::Students, false) => "students",
        (Layer::Students, true) => "students per 100,000 people, derived",
        (Layer::Confucius, _) => "institutes",
    }
}

/// The unit in words, for the spoken summary and the CSV.
pub fn unit_words(layer: Layer, per_person: bool) -> &'static str {
    match (layer, per_person) {
        (Layer::Trade | Layer::Investment, false) => "billion US dollars",
        (Layer::Trade | Layer::Investment, true) => "US dollars per person",
        (Layer::Students, false) => "students",
        (Layer::Students, true) => "students per 100,000 people",
        (Layer::Confucius, _) => "institutes",
    }
}

/// Decimal places for a layer's values as shown.
pub fn decimals(layer: Layer, per_person: bool) -> usize {
    match (layer, per_person) {
        (Layer::Trade | Layer::Investment, false) => 2,
        (Layer::Students, true) => 1,
        _ => 0,
    }
}

/// The first year a period names ("c. 2020 (Aug 10 …)" -> 2020, "2005-2018" -> 2005).
pub fn lead_year(year: &str) -> Option<i32> {
    let b = year.as_bytes();
    (0..b.len().saturating_sub(3))
        .find(|&i| b[i..i + 4].iter().all(u8::is_ascii_digit))
        .and_then(|i| year[i..i + 4].parse().ok())
}

/// A period short enough for the map: "2019 (end-July)" -> "2019", "unknown (c. 2016-2019)" -> "c. 2016-2019".
pub fn short_year(year: &str) -> String {
    let words = period_words(year).unwrap_or_default();
    let words = ["date unknown, ", "undated, "]
        .iter()
        .find_map(|p| words.strip_prefix(p))
        .unwrap_or(&words);
    words.split(", ").next().unwrap_or_default().to_string()
}

/// The figure a layer puts on the map for one republic and period, if the data has one.
pub fn map_figure(layer: Layer, year: Option<&str>, country: CountryId) -> Option<&'static Figure> {
    let figures = &content().figures;
    let key = layer.dataset();
    match (layer, year) {
        (Layer::Trade | Layer::Investment, Some(y)) => figures
            .get(&format!("{}-{y}-{}", key.key(), country.key()))
            .filter(|f| f.layer == key && f.year == y),
        (Layer::Students, _) => figures
            .of(key, country)
            .min_by_key(|f| lead_year(f.year).map_or(i32::MAX, |y| (y - 2018).abs())),
        (Layer::Confucius, _) => figures
            .of(key, country)
            .max_by_key(|f| lead_year(f.year).unwrap_or(0)),
        _ => None,
    }
}

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

fn rows_for(layer: Layer, year: Option<&'static str>, per_person: bool) -> Vec<Row> {
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
                label: text.into(),
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
                    label(layer, per_person, f, value)
                } else {
                    "no per-person value".to_string()
                },
                population,
                energy,
                gap: None,
            });
        }
    }
    rows
}

/// Where a row sits on the layer's scale: its value, and whether the value is a lower bound.
pub fn reading(row: &Row) -> Option<Reading> {
    let value = row.value?;
    let above = row
        .figure
        .is_some_and(|f| matches!(f.qualifier, "more than" | "over" | "at least"));
    Some(Reading { value, above })
}

fn shade_of(layer: Layer, row: &Row, scale: &Classes) -> Shade {
    let (fill, step) = match (row.gap, reading(row)) {
        (Some(Gap::NoneFound), _) => (Some(NONE_FOUND_FILL), 0),
        (None, Some(r)) => (Some(scale.colour(r)), scale.step_of(r)),
        _ => (None, 0),
    };
    let value_label = match row.figure {
        Some(f) if matches!(layer, Layer::Students | Layer::Confucius) => {
            format!("{} ({})", row.label, short_year(f.year))
        }
        _ => row.label.clone(),
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

/// A figure's period in words a reader can follow, without nested brackets: "unknown (c. 2016-2019)" ->
/// "date unknown, c. 2016-2019", "2019 (end-July)" -> "2019, end-July", "(essay)" -> "undated";
/// `None` where the figure has no period ("n/a").
pub fn period_words(year: &str) -> Option<String> {
    let year = year.trim();
    if year.is_empty() || year == "n/a" {
        return None;
    }
    if let Some(inner) = year.strip_prefix('(').and_then(|y| y.strip_suffix(')')) {
        return Some(if inner == "essay" {
            "undated".into()
        } else {
            inner.into()
        });
    }
    let flat = year.replace(" (", ", ").replace(['(', ')'], "");
    Some(match flat.strip_prefix("unknown, ") {
        Some(rest) => format!("date unknown, {rest}"),
        None => flat,
    })
}

/// "the values come from different years (2014 to 2023)": why a view's values do not compare, if they do not.
fn caution(rows: &[Row]) -> Option<String> {
    let years: Vec<i32> = rows
        .iter()
        .filter(|r| r.on_map)
        .filter_map(|r| r.figure.and_then(|f| lead_year(f.year)))
        .collect();
    let (lo, hi) = (years.iter().min()?, years.iter().max()?);
    (lo != hi).then(|| {
        format!("Not comparable: each republic's figure is from its own year ({lo} to {hi}) and source.")
    })
}

/// Every view of the data, computed once on first use (switching layers then only re-renders).
static SLICES: LazyLock<Vec<Slice>> = LazyLock::new(|| {
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
            let shades = rows
                .iter()
                .filter(|r| r.on_map)
                .map(|r| shade_of(layer, r, &scale))
                .collect();
            let mut slice = Slice {
                layer,
                year,
                per_person,
                caution: caution(&rows),
                rows,
                shades,
                scale,
                announcement: String::new(),
            };
            slice.announcement = announce(&slice);
            slice
        })
        .collect()
});

/// Every view of the data (each layer, period, and per-person view where one exists).
pub fn all_slices() -> &'static [Slice] {
    &SLICES
}

/// Whether the per-person view is in effect and possible for this view.
pub fn per_person_shown(view: &View) -> bool {
    view.per_person_active() && population_year(view.layer, view.year()).is_some()
}

/// What the view shows.
pub fn slice(view: &View) -> &'static Slice {
    let (year, per_person) = (view.year(), per_person_shown(view));
    let all = all_slices();
    all.iter()
        .find(|s| s.layer == view.layer && s.year == year && s.per_person == per_person)
        .or_else(|| all.iter().find(|s| s.layer == view.layer))
        .unwrap_or(&all[0])
}

/// The shading of the five republics for a view.
pub fn shades(view: &View) -> Vec<Shade> {
    slice(view).shades.clone()
}
