//! The sentence a polite live region reads after each change of layer, period or per-person view. Pure.

use crate::model::Layer;

use super::{notes, population_year, unit_words, Gap, Slice};

/// Names joined for speech: "Kyrgyzstan", "Tajikistan and Uzbekistan".
fn names(list: &[&str]) -> String {
    match list {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// `announce(slice)` says what the map now shows: the extremes for layers whose values compare, each value
/// with its year and confidence for students (never ranked), and which republics have no value.
pub fn announce(slice: &Slice) -> String {
    let note = notes().layer(slice.layer);
    let mut head = slice.layer.label().to_string();
    if slice.per_person {
        head.push_str(if slice.layer == Layer::Students {
            " per 100,000 people"
        } else {
            " per person"
        });
    }
    if let Some(y) = slice.year {
        head = format!("{head}, {y}");
    }
    head = format!("{head}, {}", note.short);
    if let Some(p) = population_year(slice.layer, slice.year).filter(|_| slice.per_person) {
        head = match slice.layer {
            Layer::Students => {
                format!("{head}, derived with the population of each figure's own year")
            }
            _ => format!("{head}, derived with population {p}"),
        };
    }
    let unit = unit_words(slice.layer, slice.per_person);
    let shown: Vec<_> = slice
        .rows
        .iter()
        .filter(|r| r.on_map && r.value.is_some())
        .collect();
    let mut body = if slice.layer == Layer::Students {
        let each: Vec<String> = shown
            .iter()
            .filter_map(|r| {
                r.figure.map(|f| {
                    format!(
                        "{} {} in {}, {} confidence",
                        r.country.label(),
                        r.label,
                        f.year,
                        f.confidence.label()
                    )
                })
            })
            .collect();
        let without: Vec<&str> = slice
            .rows
            .iter()
            .filter(|r| r.on_map && r.figure.is_some() && r.value.is_none())
            .map(|r| r.country.label())
            .collect();
        match without.is_empty() {
            true => format!("{}.", each.join("; ")),
            false => format!(
                "{}. No per-person value for {}: the data has no population for the year of its figure.",
                each.join("; "),
                names(&without)
            ),
        }
    } else {
        let value = |r: &&super::Row| r.value.unwrap_or(0.0);
        let (Some(max), Some(min)) = (
            shown.iter().map(value).reduce(f64::max),
            shown.iter().map(value).reduce(f64::min),
        ) else {
            return format!("{head}: no data.");
        };
        let (most, least) = if slice.layer == Layer::Confucius {
            ("most, with", "fewest, with")
        } else {
            ("highest at", "lowest at")
        };
        let at = |v: f64| {
            let rows: Vec<_> = shown.iter().filter(|r| r.value == Some(v)).collect();
            let who: Vec<&str> = rows.iter().map(|r| r.country.label()).collect();
            let text = if slice.per_person || slice.layer == Layer::Confucius {
                rows[0].label.trim_start_matches('$').replace(" $", " ")
            } else {
                spoken_money(rows[0].label)
            };
            (names(&who), format!("{text} {unit}"))
        };
        let (top, top_value) = at(max);
        let (bottom, bottom_value) = at(min);
        format!("{top} {most} {top_value}, {bottom} {least} {bottom_value}.")
    };
    for (gap, words) in [
        (Gap::NoData, "No data for"),
        (Gap::NoneFound, "None found for"),
    ] {
        let who: Vec<&str> = slice
            .rows
            .iter()
            .filter(|r| r.gap == Some(gap))
            .map(|r| r.country.label())
            .collect();
        if !who.is_empty() {
            body = format!("{body} {words} {}.", names(&who));
        }
    }
    format!("{head}: {body}")
}

/// "about $2.6bn" -> "about 2.6" (the unit is spoken separately).
fn spoken_money(label: &str) -> String {
    label.replace('$', "").trim_end_matches("bn").to_string()
}
