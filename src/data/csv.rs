//! The visible layer as CSV, every value with its source columns; missing values stay empty. Pure.

use crate::model::{fixed, shortest, CountryId};

use super::{unit_words, Gap, Slice};

/// The CSV's columns, in order.
pub const CSV_COLUMNS: [&str; 16] = [
    "id",
    "country",
    "year",
    "value",
    "unit",
    "qualifier",
    "source_publisher",
    "source_title",
    "source_url",
    "source_date",
    "confidence",
    "note",
    "on_map",
    "derived_value",
    "derived_unit",
    "population_id",
];

/// Quotes a field when it holds a comma, quote or line break (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// `csv(slice)` lists the table's rows with every source field, one line each, CRLF-terminated.
pub fn csv(slice: &Slice) -> String {
    let mut out = CSV_COLUMNS.join(",") + "\r\n";
    let unit = unit_words(slice.layer, true);
    for row in slice.rows {
        let cells: Vec<String> = match row.figure {
            Some(f) => {
                let derived = row
                    .population
                    .and(row.value)
                    .map(|v| fixed(v, 4))
                    .unwrap_or_default();
                let derived_unit = if derived.is_empty() { "" } else { unit };
                vec![
                    f.id.into(),
                    f.country.map(CountryId::key).unwrap_or_default().into(),
                    f.year.into(),
                    shortest(f.value),
                    f.unit.into(),
                    f.qualifier.into(),
                    f.source_publisher.into(),
                    f.source_title.into(),
                    f.source_url.into(),
                    f.source_date.into(),
                    f.confidence.key().into(),
                    f.note.into(),
                    if row.on_map { "yes" } else { "no" }.into(),
                    derived,
                    derived_unit.into(),
                    row.population.map(|p| p.id).unwrap_or_default().into(),
                ]
            }
            None => {
                let what = if row.gap == Some(Gap::NoneFound) {
                    "none found"
                } else {
                    "no data"
                };
                let mut cells = vec![String::new(); CSV_COLUMNS.len()];
                cells[1] = row.country.key().into();
                cells[2] = slice.year.unwrap_or_default().into();
                cells[11] = format!(
                    "{what}: the data has no {} figure for this republic",
                    slice.layer.dataset().key()
                );
                cells[12] = "yes".into();
                cells
            }
        };
        out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// The download's file name ("china-central-asia-trade-2024.csv").
pub fn file_name(slice: &Slice) -> String {
    let mut name = format!("china-central-asia-{}", slice.layer.key());
    if let Some(y) = slice.year {
        name = format!("{name}-{y}");
    }
    if slice.per_person {
        name.push_str("-per-person");
    }
    name + ".csv"
}

/// The columns of the CSV of all data, in order.
pub const ALL_COLUMNS: [&str; 14] = [
    "id",
    "dataset",
    "country",
    "year",
    "value",
    "unit",
    "qualifier",
    "source_publisher",
    "source_title",
    "source_url",
    "source_date",
    "confidence",
    "note",
    "essay_paragraph",
];

/// `all_csv()` lists every figure in the explainer's data (the map's layers, populations, the essay's own
/// figures and the totals they are checked against) with its source, one line each, CRLF-terminated.
pub fn all_csv() -> String {
    let mut out = ALL_COLUMNS.join(",") + "\r\n";
    for f in crate::content::content().figures.all {
        let cells = [
            f.id.to_string(),
            f.layer.key().to_string(),
            f.country
                .map(CountryId::key)
                .unwrap_or_default()
                .to_string(),
            f.year.to_string(),
            shortest(f.value),
            f.unit.to_string(),
            f.qualifier.to_string(),
            f.source_publisher.to_string(),
            f.source_title.to_string(),
            f.source_url.to_string(),
            f.source_date.to_string(),
            f.confidence.key().to_string(),
            f.note.to_string(),
            f.paragraph.unwrap_or_default().to_string(),
        ];
        out.push_str(&cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}
