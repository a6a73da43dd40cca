//! The visible layer as a table: sortable by column, synchronised with the map's selection, a source per value.

use yew::prelude::*;

use crate::components::raw::{esc, raw};

use super::SourceToggle;
use crate::components::use_dispatch;
use crate::data::{lead_year, notes, unit_label, Row, Slice};
use crate::model::format_number;
use crate::model::{CountryId, Layer};
use crate::state::Action;

/// The columns a reader can sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Republic,
    Value,
    Year,
    Confidence,
}

impl SortKey {
    fn label(self) -> &'static str {
        match self {
            SortKey::Republic => "Republic",
            SortKey::Value => "Value",
            SortKey::Year => "Year",
            SortKey::Confidence => "Confidence",
        }
    }
}

/// `order(rows, key, ascending)` sorts the table's rows (stable; rows without a value always last).
pub fn order(rows: &[Row], key: SortKey, ascending: bool) -> Vec<&Row> {
    let mut out: Vec<&Row> = rows.iter().collect();
    let rank = |r: &Row| -> (bool, f64) {
        let f = r.figure;
        let v = match key {
            SortKey::Republic => CountryId::ALL
                .iter()
                .position(|c| *c == r.country)
                .unwrap_or(0) as f64,
            SortKey::Value => r.value.unwrap_or(f64::NAN),
            SortKey::Year => f
                .and_then(|f| lead_year(f.year))
                .map_or(f64::NAN, f64::from),
            SortKey::Confidence => f.map_or(f64::NAN, |f| {
                crate::data::Reliability::of(f.confidence).rank() as f64
            }),
        };
        (v.is_nan(), v)
    };
    out.sort_by(|a, b| {
        let ((na, va), (nb, vb)) = (rank(a), rank(b));
        na.cmp(&nb).then_with(|| {
            let o = va.partial_cmp(&vb).unwrap_or(std::cmp::Ordering::Equal);
            if ascending || na {
                o
            } else {
                o.reverse()
            }
        })
    });
    out
}

/// Props: the data and the selected republic.
#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    pub slice: &'static Slice,
    pub selected: Option<CountryId>,
}

/// The table of the visible layer.
#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let sort = use_state(|| (SortKey::Republic, true));
    let dispatch = use_dispatch();
    let static_page = crate::components::use_static_page();
    let s = props.slice;
    let (key, ascending) = *sort;
    let energy = s.rows.iter().any(|r| r.energy.is_some());
    let columns = 5 + energy as usize;
    let unit = unit_label(s.layer, s.per_person);
    let sortable = |k: SortKey| !(static_page || k == SortKey::Value && s.layer == Layer::Students);
    let header = |k: SortKey, text: String| {
        let aria_sort =
            (k == key && sortable(k)).then_some(if ascending { "ascending" } else { "descending" });
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_: MouseEvent| {
                sort.set((k, if k == key { !ascending } else { true }))
            })
        };
        html! {
            <th scope="col" aria-sort={aria_sort}>
                if sortable(k) {
                    <button type="button" class="sort" data-sort={k.label()} {onclick}>{ text }
                        <span class="sort-mark" aria-hidden="true">{ match aria_sort { Some("ascending") => " ▲", Some(_) => " ▼", None => " ↕" } }</span></button>
                } else { { text } }
            </th>
        }
    };
    let caption = match s.year {
        Some(y) => format!("{}, {y}", notes().layer(s.layer).title),
        None => notes().layer(s.layer).title.to_string(),
    };
    let rows = order(s.rows, key, ascending)
        .into_iter()
        .map(|r| row(r, s, props, static_page, columns, &dispatch));
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={format!("Table: {caption}")}>
            <table class="data-table">
                <caption>
                    { caption }<span class="caption-unit">{ format!(" · values in {unit}") }</span>
                    if s.layer == Layer::Students { <span class="caption-warn">{ " · each value is from its own year and source: not comparable, so not sortable by value" }</span> }
                </caption>
                <thead><tr>
                    { header(SortKey::Republic, "Republic".into()) }
                    { header(SortKey::Value, format!("Value ({unit})")) }
                    if energy { <th scope="col">{ "of which energy (US$ billion)" }</th> }
                    { header(SortKey::Year, "Year".into()) }
                    { header(SortKey::Confidence, "Confidence".into()) }
                    <th scope="col">{ "Source" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

fn row(
    r: &Row,
    s: &Slice,
    props: &DataTableProps,
    static_page: bool,
    columns: usize,
    dispatch: &Callback<Action>,
) -> Html {
    let selected = props.selected == Some(r.country);
    let country = r.country;
    let select = dispatch.reform(move |_: MouseEvent| Action::SelectCountry(Some(country)));
    let toggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            dispatch.emit(Action::SelectCountry(if selected {
                None
            } else {
                Some(country)
            }));
        })
    };
    // The row on the map is keyed by republic, so a layer or year switch updates the five rows in place;
    // a republic's further rows (other years or sources, not on the map) by their figure.
    let key = match r.figure {
        Some(f) if !r.on_map => f.id,
        _ => country.key(),
    };
    let class = classes!(
        selected.then_some("selected"),
        (!r.on_map).then_some("off-map"),
        r.gap.map(|_| "gap")
    );
    // The row's republic and figure, for the app's code and its tests; the static page's tables (eight, 43 rows)
    // have no code to read them.
    let static_page = crate::components::drawn_static(static_page);
    let marks = !static_page;
    let name = if static_page {
        html! { { country.label() } }
    } else {
        html! { <button type="button" class="select-country" aria-pressed={selected.to_string()} onclick={toggle}>{ country.label() }</button> }
    };
    let Some(f) = r.figure else {
        return html! {
            <tr {key} {class} onclick={select} data-country={marks.then_some(country.key())}>
                <th scope="row">{ name }</th>
                <td colspan={(columns - 1).to_string()} class="value gap-cell"><strong>{ r.label }</strong></td>
            </tr>
        };
    };
    let of = format!("{}, {}: {}", country.label(), f.year, f.display());
    // The value and what it comes from hold no control: written as markup (`crate::components::raw`).
    let mut value = if static_page {
        esc(r.label).into_owned()
    } else {
        format!(r#"<span class="value-text">{}</span>"#, esc(r.label))
    };
    if r.population.is_some() {
        value.push_str(r#"<span class="tag derived">derived</span>"#);
    }
    if !r.on_map {
        value.push_str(r#"<span class="tag">not on the map</span>"#);
    }
    if let Some(p) = r.population {
        value += &format!(
            r#"<span class="value-from">{} ÷ population {} ({})</span>"#,
            esc(&f.display()),
            esc(p.year),
            format_number(p.value, 0)
        );
    }
    html! {
        <tr {key} {class} onclick={select} data-country={marks.then_some(country.key())} data-figure={marks.then_some(f.id)}>
            <th scope="row">{ name }</th>
            <td class="value">{ raw(value) }</td>
            if s.rows.iter().any(|r| r.energy.is_some()) {
                <td class="value">{ r.energy.map(|e| e.display()).unwrap_or_else(|| "no data".into()) }
                    if let Some(e) = r.energy { <SourceToggle figure={e} of={format!("energy part, {}", country.label())} /> }</td>
            }
            <td>{ f.year }</td>
            <td class={classes!("confidence", f.confidence.key().replace(' ', "-"))}>{ f.confidence.label() }</td>
            <td class="source">
                <SourceToggle figure={f} {of} />
                if let Some(p) = r.population { <SourceToggle figure={p} of={format!("population of {}", country.label())} text="Population source" /> }
            </td>
        </tr>
    }
}
