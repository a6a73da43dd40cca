//! A layer across all its periods: a year-by-republic table, a small line chart of the same numbers (its
//! text alternative is the table), and the download of every figure in the data with its source.

use yew::prelude::*;

use crate::data::{all_csv, all_slices, lead_year, unit_label, Row};
use crate::model::{fixed, shortest, CountryId, Layer};

/// One cell: the period's column, the value (for the chart) and the value as written.
type Cell = (i32, Option<f64>, &'static str);

/// For each republic, its figures of a layer across every period (per person where the view is).
fn cells(layer: Layer, per_person: bool) -> Vec<(CountryId, Vec<Cell>)> {
    let rows: Vec<&Row> = all_slices()
        .iter()
        .filter(|s| s.layer == layer && s.per_person == per_person)
        .flat_map(|s| s.rows.iter().filter(move |r| r.on_map || s.year.is_none()))
        .collect();
    CountryId::ALL
        .iter()
        .map(|&c| {
            let mut list: Vec<Cell> = rows
                .iter()
                .filter(|r| r.country == c)
                .filter_map(|r| {
                    let f = r.figure?;
                    Some((lead_year(f.year)?, r.value, r.label))
                })
                .collect();
            list.sort_by_key(|cell| cell.0);
            list.dedup_by_key(|cell| cell.0);
            (c, list)
        })
        .collect()
}

/// Props: the layer and whether the view is per person.
#[derive(Properties, PartialEq)]
pub struct AcrossYearsProps {
    pub layer: Layer,
    pub per_person: bool,
}

/// The table and chart of a layer across its periods, and "Download all data".
#[component]
pub fn AcrossYears(props: &AcrossYearsProps) -> Html {
    let data = cells(props.layer, props.per_person);
    let years = years_of(&data);
    let unit = unit_label(props.layer, props.per_person);
    let title = format!("{} across the years ({unit})", props.layer.label());
    let onclick = Callback::from(|_: MouseEvent| {
        let _ = crate::browser::download("china-central-asia-all-data.csv", &all_csv(), "text/csv");
    });
    html! {
        <section class="across-years" aria-labelledby="across-title">
            <h3 id="across-title">{ title.clone() }</h3>
            { chart(&data.iter().map(|(c, l)| (*c, l.iter().filter_map(|x| Some((x.0, x.1?))).collect())).collect::<Vec<_>>(), &years) }
            <div class="table-scroll" tabindex="0" role="region" aria-label={format!("Table: {title}")}>
                <table class="across-table">
                    <caption>{ format!("{title}: each republic by the year of its figure") }</caption>
                    <thead><tr><th scope="col">{ "Republic" }</th>
                        { for years.iter().map(|y| html! { <th scope="col">{ y.to_string() }</th> }) }</tr></thead>
                    <tbody>{ for data.iter().map(|(c, list)| html! {
                        <tr key={c.key()}><th scope="row">{ c.label() }</th>
                            { for years.iter().map(|y| html! {
                                <td>{ list.iter().find(|cell| cell.0 == *y).map_or("–", |cell| cell.2) }</td>
                            }) }</tr>
                    }) }</tbody>
                </table>
            </div>
            <div class="data-download">
                <button type="button" class="button" {onclick}>{ "Download all data (CSV)" }</button>
                <span class="download-note">{ "Every figure in the explainer, each with its source, date and confidence." }</span>
            </div>
        </section>
    }
}

/// Every period that any republic has a figure for, in order.
fn years_of(data: &[(CountryId, Vec<Cell>)]) -> Vec<i32> {
    let mut years: Vec<i32> = data
        .iter()
        .flat_map(|(_, l)| l.iter().map(|c| c.0))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// Lines, one per republic, each labelled with its name at its last point (no colour-only key).
/// A plain function, not a component: it holds no state.
fn chart(data: &[(CountryId, Vec<(i32, f64)>)], years: &[i32]) -> Html {
    let (w, h, left, right, top, bottom) = (520.0, 200.0, 20.0, 110.0, 12.0, 24.0);
    let (Some(&y0), Some(&y1)) = (years.first(), years.last()) else {
        return html! {};
    };
    let max = data
        .iter()
        .flat_map(|(_, l)| l.iter().map(|p| p.1))
        .fold(0.0_f64, f64::max);
    if max <= 0.0 {
        return html! {};
    }
    let x = |y: i32| {
        left + (w - left - right)
            * if y1 > y0 {
                f64::from(y - y0) / f64::from(y1 - y0)
            } else {
                0.5
            }
    };
    let yv = |v: f64| top + (h - top - bottom) * (1.0 - v / max);
    // The period before `y` on the axis: a line joins two points only when no period lies between them,
    // so a republic without a figure for a period shows a gap, not a made-up trend.
    let before = |y: i32| years.iter().rev().find(|&&v| v < y).copied();
    let lines = data.iter().filter(|(_, l)| !l.is_empty()).map(|(c, l)| {
        let d: String = l
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let joined = i > 0 && before(p.0) == Some(l[i - 1].0);
                format!("{}{},{}", if joined { "L" } else { "M" }, fixed(x(p.0), 1), fixed(yv(p.1), 1))
            })
            .collect();
        let last = l[l.len() - 1];
        html! {
            <g key={c.key()} data-country={c.key()}>
                <path d={d} class="line" />
                { for l.iter().map(|p| html! { <circle cx={fixed(x(p.0), 1)} cy={fixed(yv(p.1), 1)} r="3" /> }) }
                <text x={fixed(x(last.0) + 6.0, 1)} y={fixed(yv(last.1) + 4.0, 1)}>{ c.label() }</text>
            </g>
        }
    });
    html! {
        <svg class="across-chart" viewBox={format!("0 0 {} {}", shortest(w), shortest(h))} role="img"
            aria-label="Line chart of the same figures as the table below">
            <line x1={shortest(left)} x2={shortest(w - right)} y1={shortest(h - bottom)} y2={shortest(h - bottom)} class="axis" />
            { for years.iter().map(|&y| html! { <text class="tick" x={fixed(x(y), 1)} y={shortest(h - 6.0)}>{ y.to_string() }</text> }) }
            { for lines }
        </svg>
    }
}
