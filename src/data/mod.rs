//! What a data layer shows: for each republic its figure (or why there is none), the map's shading, the
//! table's rows and the spoken summary, computed once per layer, period and per-person view. Pure.

mod announce;
#[cfg(any(all(test, not(target_arch = "wasm32")), not(slices_frozen)))]
mod compute;
mod csv;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod freeze;
#[cfg(slices_frozen)]
#[rustfmt::skip]
mod frozen;
pub mod notes;

pub use announce::announce;
pub use csv::{all_csv, csv, file_name, ALL_COLUMNS, CSV_COLUMNS};
pub use notes::{notes, Comparison, DataNotes, LayerNote};

use crate::content::content;
use crate::model::{Confidence, CountryId, Figure, Layer};
use crate::scale::{Classes, Reading};
use crate::state::View;

/// How one republic is drawn under the active layer.
#[derive(Clone, Debug, PartialEq)]
pub struct Shade {
    pub country: CountryId,
    /// The palette colour; `None` means no data (drawn hatched, labelled "no data").
    pub fill: Option<&'static str>,
    /// The value as written on the map ("$43.82bn", "more than 3,000 (2018)", "no data").
    pub value_label: &'static str,
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
    pub label: &'static str,
    /// The population divided by, in the per-person view.
    pub population: Option<&'static Figure>,
    /// The energy part of an investment total (2005-2018).
    pub energy: Option<&'static Figure>,
    pub gap: Option<Gap>,
}

/// Everything one view of the data shows (worked out ahead of time: see `all_slices`).
#[derive(Debug)]
#[cfg_attr(not(target_arch = "wasm32"), derive(PartialEq))]
pub struct Slice {
    pub layer: Layer,
    pub year: Option<&'static str>,
    pub per_person: bool,
    pub rows: &'static [Row],
    pub shades: &'static [Shade],
    /// The value scale behind the fills: one per layer and unit, the same in every period.
    pub scale: Classes,
    /// Why the values on the map do not compare ("from different years, 2014 to 2023"), if they do not.
    pub caution: Option<&'static str>,
    /// The sentence the live region reads out.
    pub announcement: &'static str,
}

/// In the browser every `Slice` is one of [`all_slices`], each view once, so two are the same view exactly when
/// they are the same static: the address says it (the props of the data and map parts compare slices on every
/// render; the field-by-field comparison was 618 bytes of wasm). Natively the fields are compared, as the test
/// that checks the frozen views against freshly computed ones needs.
#[cfg(target_arch = "wasm32")]
impl PartialEq for Slice {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
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

/// The first year a period names ("c. 2020 (Aug 10 …)" -> 2020, "2005-2018" -> 2005): its first four
/// digits in a row, read digit by digit (no `str::parse`, whose sign and overflow handling cost more wasm).
pub fn lead_year(year: &str) -> Option<i32> {
    year.as_bytes()
        .windows(4)
        .find(|w| w.iter().all(u8::is_ascii_digit))
        .map(|w| w.iter().fold(0, |n, &d| n * 10 + i32::from(d - b'0')))
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

/// Where a row sits on the layer's scale: its value, and whether the value is a lower bound.
pub fn reading(row: &Row) -> Option<Reading> {
    let value = row.value?;
    let above = row
        .figure
        .is_some_and(|f| matches!(f.qualifier, "more than" | "over" | "at least"));
    Some(Reading { value, above })
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

/// Every view of the data, worked out when the content was frozen (`frozen.rs`, checked against the
/// computation by a test), so the app neither carries nor runs that code.
#[cfg(slices_frozen)]
static SLICES: &[Slice] = frozen::SLICES;

/// Every view of the data, worked out on first use: only where `frozen.rs` is stale (build.rs decides).
#[cfg(not(slices_frozen))]
static SLICES: std::sync::LazyLock<&'static [Slice]> =
    std::sync::LazyLock::new(|| compute::slices().leak());

/// Every view of the data (each layer, period, and per-person view where one exists).
pub fn all_slices() -> &'static [Slice] {
    #[cfg(slices_frozen)]
    return SLICES;
    #[cfg(not(slices_frozen))]
    return &SLICES;
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
pub fn shades(view: &View) -> &'static [Shade] {
    slice(view).shades
}
