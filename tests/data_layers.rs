#![cfg(not(target_arch = "wasm32"))]
//! The data layers: every value on the map and in the table comes from `content/figures.json` with a
//! source, a layer never mixes sources, missing data stays missing, qualifiers stay with their numbers,
//! per-person values are value / population, the CSV round-trips, the spoken summary says the right thing.

use charm_offensive::content::content;
use charm_offensive::data::{
    all_slices, csv, lead_year, map_figure, notes, population_year, reading, shades, slice, Gap,
    CSV_COLUMNS, NONE_FOUND_FILL,
};
use charm_offensive::model::{CountryId, Dataset, Layer, Period};
use charm_offensive::scale::PALETTE;
use charm_offensive::state::View;

fn view(layer: Layer, year: Option<&str>, per_person: bool) -> View {
    View {
        layer,
        year: year.map(|y| Period::from_key(y).expect("a period")),
        per_person,
        ..View::default()
    }
}

fn every_view() -> Vec<View> {
    let mut out = Vec::new();
    for &layer in Layer::ALL {
        let years: Vec<Option<&str>> = if layer.years().is_empty() {
            vec![None]
        } else {
            layer.years().iter().map(|y| Some(y.key())).collect()
        };
        for y in years {
            out.push(view(layer, y, false));
            out.push(view(layer, y, true));
        }
    }
    out
}

/// The raw JSON, read independently of the app's loader.
fn raw() -> Vec<serde_json::Value> {
    serde_json::from_str(&std::fs::read_to_string("content/figures.json").unwrap()).unwrap()
}

#[test]
fn every_displayed_value_is_a_figure_with_a_source() {
    let raw = raw();
    for s in all_slices() {
        for r in s.rows {
            let Some(f) = r.figure else { continue };
            let json = raw
                .iter()
                .find(|j| j["id"] == f.id)
                .unwrap_or_else(|| panic!("{} not in figures.json", f.id));
            assert_eq!(json["value"].as_f64(), Some(f.value), "{}", f.id);
            assert_eq!(json["country"].as_str(), Some(r.country.key()), "{}", f.id);
            assert!(
                !f.source_publisher.is_empty() || !f.source_url.is_empty(),
                "{} has no source",
                f.id
            );
            if let Some(p) = r.population {
                assert!(
                    !p.source_publisher.is_empty() || !p.source_url.is_empty(),
                    "{} has no source",
                    p.id
                );
            }
        }
    }
}

#[test]
fn every_slice_has_a_row_for_each_republic_and_one_shade_each() {
    for s in all_slices() {
        for &c in CountryId::ALL {
            assert!(
                s.rows.iter().any(|r| r.country == c && r.on_map),
                "{:?} {:?} lacks {c:?}",
                s.layer,
                s.year
            );
        }
        let countries: Vec<_> = s.shades.iter().map(|x| x.country).collect();
        assert_eq!(countries, CountryId::ALL.to_vec());
    }
}

#[test]
fn a_layer_draws_only_from_its_own_series() {
    for s in all_slices() {
        let key = s.layer.dataset();
        for r in s.rows {
            if let Some(f) = r.figure {
                assert_eq!(f.layer, key, "{} on the {key:?} layer", f.id);
            }
            if let Some(e) = r.energy {
                assert_eq!(e.layer, Dataset::Investment);
                assert!(e.id.starts_with("investment-energy-"));
            }
            if let Some(y) = s.year {
                if let Some(f) = r.figure {
                    assert_eq!(f.year, y, "{} shown for {y}", f.id);
                }
            }
        }
    }
}

#[test]
fn national_statistics_and_partial_years_never_reach_the_map() {
    for v in every_view() {
        for &c in CountryId::ALL {
            if let Some(f) = map_figure(v.layer, v.year(), c) {
                assert!(
                    !matches!(
                        f.layer,
                        Dataset::TradeNationalStatistics | Dataset::TradePartialYear
                    ),
                    "{}",
                    f.id
                );
                assert!(
                    !f.id.contains("national")
                        && !f.id.contains("uzstat")
                        && !f.id.contains("JanNov"),
                    "{}",
                    f.id
                );
            }
        }
    }
}

#[test]
fn missing_data_stays_missing_never_zero() {
    for (layer, year, country) in [
        (Layer::Trade, "2022", CountryId::Uzbekistan),
        (Layer::Trade, "2013", CountryId::Kyrgyzstan),
    ] {
        for per_person in [false, true] {
            let v = view(layer, Some(year), per_person);
            assert_eq!(map_figure(layer, Some(year), country), None);
            let shade = shades(&v).iter().find(|s| s.country == country).unwrap();
            assert_eq!(shade.fill, None);
            assert_eq!(shade.value_label, "no data");
            let row = slice(&v)
                .rows
                .iter()
                .find(|r| r.country == country)
                .unwrap();
            assert_eq!((row.value, row.gap), (None, Some(Gap::NoData)));
            assert!(
                notes()
                    .missing(&format!("trade-{year}-{}", country.key()))
                    .is_some(),
                "a note says why"
            );
        }
    }
    for s in all_slices() {
        for r in s.rows {
            assert!(
                r.value.is_none_or(|v| v > 0.0),
                "a shown zero in {:?}",
                s.layer
            );
        }
    }
}

#[test]
fn coverage_is_what_the_data_readme_says() {
    let has = |layer, year: Option<&str>| -> Vec<&str> {
        CountryId::ALL
            .iter()
            .filter(|&&c| map_figure(layer, year, c).is_some())
            .map(|c| c.key())
            .collect()
    };
    assert_eq!(has(Layer::Trade, Some("2013")), ["KZ", "TJ", "TM", "UZ"]);
    assert_eq!(has(Layer::Trade, Some("2022")), ["KZ", "KG", "TJ", "TM"]);
    assert_eq!(has(Layer::Trade, Some("2023")).len(), 5);
    assert_eq!(has(Layer::Trade, Some("2024")).len(), 5);
    assert_eq!(has(Layer::Investment, Some("2005-2018")).len(), 5);
    assert_eq!(has(Layer::Investment, Some("2005-2021")).len(), 5);
    assert_eq!(has(Layer::Students, None).len(), 5);
    assert_eq!(has(Layer::Confucius, None), ["KZ", "KG", "TJ", "UZ"]);
}

#[test]
fn turkmenistan_institutes_are_none_found_not_zero_and_not_no_data() {
    let v = view(Layer::Confucius, None, false);
    let tm = shades(&v)
        .iter()
        .find(|s| s.country == CountryId::Turkmenistan)
        .unwrap();
    assert_eq!(
        (tm.fill, tm.value_label),
        (Some(NONE_FOUND_FILL), "none found")
    );
    let row = slice(&v)
        .rows
        .iter()
        .find(|r| r.country == CountryId::Turkmenistan)
        .unwrap();
    assert_eq!((row.value, row.gap), (None, Some(Gap::NoneFound)));
    assert!(notes().none_found("confucius-TM").is_some());
    assert!(content()
        .figures
        .get(notes().context("confucius-TM").unwrap())
        .is_some());
}

#[test]
fn the_map_picks_students_nearest_2018_and_the_latest_institute_count() {
    let pick = |layer, c| map_figure(layer, None, c).unwrap().id;
    assert_eq!(
        pick(Layer::Students, CountryId::Kazakhstan),
        "students-2018-KZ"
    );
    assert_eq!(
        pick(Layer::Students, CountryId::Uzbekistan),
        "students-2019-UZ"
    );
    assert_eq!(
        pick(Layer::Students, CountryId::Tajikistan),
        "students-2018-TJ"
    );
    assert_eq!(
        pick(Layer::Students, CountryId::Kyrgyzstan),
        "students-2015-KG"
    );
    assert_eq!(
        pick(Layer::Students, CountryId::Turkmenistan),
        "students-2025-TM"
    );
    assert_eq!(pick(Layer::Confucius, CountryId::Kazakhstan), "ci-KZ-5");
    assert_eq!(pick(Layer::Confucius, CountryId::Kyrgyzstan), "ci-KG-2023");
    // The other figures of these layers are still listed in the table, marked as not on the map.
    let s = slice(&view(Layer::Students, None, false));
    assert_eq!(
        s.rows.len(),
        content()
            .figures
            .all
            .iter()
            .filter(|f| f.layer == Dataset::Students && f.country.is_some())
            .count()
    );
    assert!(s
        .rows
        .iter()
        .any(|r| r.figure.map(|f| f.id) == Some("students-2014-KZ") && !r.on_map));
    let ci = slice(&view(Layer::Confucius, None, false));
    assert!(ci
        .rows
        .iter()
        .any(|r| r.figure.map(|f| f.id) == Some("ci-KZ-4") && !r.on_map));
}

#[test]
fn qualifiers_stay_with_their_numbers() {
    let label = |v: &View, c: CountryId| {
        shades(v)
            .iter()
            .find(|s| s.country == c)
            .unwrap()
            .value_label
    };
    assert_eq!(
        label(
            &view(Layer::Trade, Some("2022"), false),
            CountryId::Tajikistan
        ),
        "about $2.6bn"
    );
    assert_eq!(
        label(
            &view(Layer::Trade, Some("2013"), false),
            CountryId::Uzbekistan
        ),
        "more than $4bn"
    );
    assert_eq!(
        label(&view(Layer::Students, None, false), CountryId::Tajikistan),
        "more than 3,000 (2018)"
    );
    assert_eq!(
        label(&view(Layer::Students, None, true), CountryId::Tajikistan),
        "more than 32.2 (2018)"
    );
    assert_eq!(
        label(
            &view(Layer::Trade, Some("2022"), true),
            CountryId::Tajikistan
        ),
        "about $255"
    );
    for s in all_slices() {
        for r in s.rows {
            if let Some(f) = r
                .figure
                .filter(|f| !f.qualifier.is_empty() && r.value.is_some())
            {
                assert!(
                    r.label.starts_with(f.qualifier),
                    "{} lost its qualifier: {}",
                    f.id,
                    r.label
                );
            }
        }
    }
}

#[test]
fn per_person_values_are_value_over_the_stated_population() {
    for s in all_slices().iter().filter(|s| s.per_person) {
        let year = population_year(s.layer, s.year).unwrap();
        for r in s.rows.iter().filter(|r| r.figure.is_some()) {
            let f = r.figure.unwrap();
            // Students: each figure over the population of its own year, or no per-person value at all.
            let year = match s.layer {
                Layer::Students => lead_year(f.year).unwrap().to_string(),
                _ => year.to_string(),
            };
            let Some(p) = r.population else {
                assert_eq!(s.layer, Layer::Students, "{}", f.id);
                assert!(
                    r.value.is_none() && r.label == "no per-person value",
                    "{}",
                    f.id
                );
                assert!(
                    !matches!(year.as_str(), "2018" | "2022"),
                    "{} has a population for its year",
                    f.id
                );
                continue;
            };
            assert_eq!(p.id, format!("population-{year}-{}", r.country.key()));
            let per = if s.layer == Layer::Students { 1e5 } else { 1e9 };
            let expected = f.value * per / p.value;
            assert!(
                (r.value.unwrap() - expected).abs() < 1e-9 * expected.max(1.0),
                "{}",
                f.id
            );
        }
    }
    let kz = slice(&view(Layer::Trade, Some("2024"), true))
        .rows
        .iter()
        .find(|r| r.country == CountryId::Kazakhstan)
        .unwrap();
    assert_eq!(kz.label, "$2,187");
    // No population near 2013: the per-person view is not offered, totals stay.
    assert_eq!(population_year(Layer::Trade, Some("2013")), None);
    assert!(!slice(&view(Layer::Trade, Some("2013"), true)).per_person);
    assert!(!slice(&view(Layer::Confucius, None, true)).per_person);
}

/// A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

#[test]
fn the_csv_round_trips_to_the_data() {
    let raw = raw();
    for s in all_slices() {
        let rows = parse_csv(&csv(s));
        assert_eq!(rows[0], CSV_COLUMNS.to_vec());
        assert_eq!(rows.len() - 1, s.rows.len());
        for line in &rows[1..] {
            assert_eq!(line.len(), CSV_COLUMNS.len());
            if line[0].is_empty() {
                assert_eq!(line[3], "", "a missing value is empty, not 0");
                assert!(line[11].starts_with("no data") || line[11].starts_with("none found"));
                continue;
            }
            let j = raw.iter().find(|j| j["id"] == line[0].as_str()).unwrap();
            for (i, col) in CSV_COLUMNS.iter().enumerate().take(12) {
                let expected = match &j[*col] {
                    serde_json::Value::Number(n) => n.as_f64().unwrap().to_string(),
                    serde_json::Value::String(t) => t.clone(),
                    _ => String::new(),
                };
                if *col == "value" {
                    assert_eq!(
                        line[i].parse::<f64>().unwrap(),
                        expected.parse::<f64>().unwrap(),
                        "{}",
                        line[0]
                    );
                } else {
                    assert_eq!(line[i], expected, "{} column {col}", line[0]);
                }
            }
            assert_eq!(
                line[13].is_empty(),
                !s.per_person || line[15].is_empty(),
                "{}",
                line[0]
            );
        }
    }
}

#[test]
fn the_announcement_names_extremes_with_units_and_gaps() {
    assert_eq!(
        slice(&view(Layer::Trade, None, false)).announcement,
        "Trade, 2024, Chinese official figures: Kazakhstan highest at 43.82 billion US dollars, Tajikistan lowest at 3.86 billion US dollars."
    );
    assert_eq!(
        slice(&view(Layer::Trade, Some("2022"), false)).announcement,
        "Trade, 2022, Chinese official figures: Kazakhstan highest at 31.17 billion US dollars, Tajikistan lowest at about 2.6 billion US dollars. No data for Uzbekistan."
    );
    let ci = &slice(&view(Layer::Confucius, None, false)).announcement;
    assert!(ci.contains("Kazakhstan most, with 5 institutes"), "{ci}");
    assert!(
        ci.contains("Tajikistan and Uzbekistan fewest, with 2 institutes"),
        "{ci}"
    );
    assert!(ci.ends_with("None found for Turkmenistan."), "{ci}");
    let pp = &slice(&view(Layer::Trade, None, true)).announcement;
    assert!(pp.starts_with("Trade per person, 2024, Chinese official figures, derived with population 2022: Kyrgyzstan highest at 3,256 US dollars per person"), "{pp}");
}

#[test]
fn the_students_announcement_never_ranks() {
    for per_person in [false, true] {
        let a = &slice(&view(Layer::Students, None, per_person)).announcement;
        for word in [
            "highest", "lowest", "most", "fewest", "largest", "smallest", "top",
        ] {
            assert!(!a.contains(word), "ranking word {word:?} in {a}");
        }
        assert!(a.contains("not comparable"), "{a}");
        assert!(
            a.contains("Kazakhstan 11,784 in 2018, high confidence") || per_person,
            "{a}"
        );
        assert!(
            a.contains("Kyrgyzstan more than") || a.contains("No per-person value for Kyrgyzstan"),
            "{a}"
        );
    }
}

/// The fill of a republic in a view.
fn fill_of(v: &View, c: CountryId) -> Option<&'static str> {
    shades(v)
        .iter()
        .find(|s| s.country == c)
        .and_then(|s| s.fill)
}

#[test]
fn a_larger_value_is_never_lighter_in_any_period_of_a_layer() {
    for &layer in Layer::ALL {
        for pp in [false, true] {
            let views: Vec<_> = all_slices()
                .iter()
                .filter(|s| s.layer == layer && s.per_person == pp)
                .collect();
            let Some(first) = views.first() else { continue };
            // One scale for every period of a layer and unit.
            assert!(
                views.iter().all(|s| s.scale == first.scale),
                "{layer:?} {pp}"
            );
            let mut pairs: Vec<(f64, usize)> = views
                .iter()
                .flat_map(|s| s.rows.iter().filter_map(reading))
                .map(|r| (r.value, first.scale.step_of(r)))
                .collect();
            pairs.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap());
            assert!(
                pairs.windows(2).all(|w| w[0].1 <= w[1].1),
                "{layer:?} {pp}: {pairs:?}"
            );
            assert_eq!(
                pairs.last().unwrap().1,
                PALETTE.len() - 1,
                "{layer:?}: the largest is darkest"
            );
            assert!(
                pairs[0].1 < pairs[pairs.len() - 1].1,
                "{layer:?}: the ends differ"
            );
        }
    }
}

#[test]
fn students_are_coloured_by_number_and_reliability_is_a_pattern() {
    use CountryId::*;
    let raw = view(Layer::Students, None, false);
    // Uzbekistan (6,500) is lighter than Kazakhstan (11,784); Turkmenistan (more than 6,500) is not lighter
    // than Uzbekistan.
    assert_ne!(fill_of(&raw, Uzbekistan), fill_of(&raw, Kazakhstan));
    assert_eq!(fill_of(&raw, Turkmenistan), fill_of(&raw, Uzbekistan));
    // Per 100,000 people (only figures with a population of their own year), Kazakhstan is darkest.
    let pp = view(Layer::Students, None, true);
    assert_eq!(fill_of(&pp, Kazakhstan), Some(PALETTE[PALETTE.len() - 1]));
    assert_ne!(fill_of(&pp, Tajikistan), fill_of(&pp, Kazakhstan));
    assert_ne!(
        fill_of(&pp, Uzbekistan),
        fill_of(&raw, Uzbekistan),
        "per person recolours"
    );
    for sh in shades(&raw) {
        let f = map_figure(Layer::Students, None, sh.country).unwrap();
        assert_eq!(
            sh.reliability.map(|r| r.word()),
            Some(f.confidence.key()),
            "{}",
            f.id
        );
    }
    assert!(slice(&raw).caution.unwrap_or("").contains("Not comparable"));
    assert_eq!(
        slice(&view(Layer::Trade, Some("2024"), false)).caution,
        None
    );
}

#[test]
fn per_person_changes_the_colours_and_equal_values_share_a_colour_across_periods() {
    let raw = view(Layer::Trade, Some("2024"), false);
    let pp = view(Layer::Trade, Some("2024"), true);
    let fills = |v: &View| shades(v).iter().map(|s| s.fill).collect::<Vec<_>>();
    assert_ne!(fills(&raw), fills(&pp));
    // Kyrgyzstan's investment is 4.73bn in both periods: the same colour in both.
    let a = view(Layer::Investment, Some("2005-2018"), false);
    let b = view(Layer::Investment, Some("2005-2021"), false);
    assert_eq!(
        fill_of(&a, CountryId::Kyrgyzstan),
        fill_of(&b, CountryId::Kyrgyzstan)
    );
}

#[test]
fn class_edges_are_round_and_counts_are_whole() {
    for s in all_slices() {
        for i in 0..s.scale.count {
            let (lo, hi) = s.scale.bounds(i);
            let step = s.scale.step;
            let m = step / 10f64.powi(step.log10().floor() as i32);
            assert!(
                [1.0, 2.0, 2.5, 5.0].contains(&m),
                "{:?}: step {step}",
                s.layer
            );
            if s.scale.whole {
                assert!(lo.fract() == 0.0 && hi.fract() == 0.0);
            }
        }
    }
    let ci = slice(&view(Layer::Confucius, None, false));
    assert_eq!(ci.scale.step, 1.0, "one class per count of institutes");
}

#[test]
fn the_legend_palette_matches_the_stylesheet() {
    let css = std::fs::read_to_string("static/css/35-data.css")
        .unwrap()
        .to_lowercase();
    for (i, colour) in PALETTE.iter().enumerate() {
        assert!(
            css.contains(&format!(".sw-{i} {{ background: {colour}")),
            "swatch {i} is {colour}"
        );
    }
    assert!(css.contains(&format!(".sw-none {{ background: {NONE_FOUND_FILL}")));
}

#[test]
fn every_comparison_names_real_figures_and_the_essay_ones_are_essay_figures() {
    for c in notes().comparisons {
        let f = content()
            .figures
            .get(c.essay.unwrap_or(c.sources[0]))
            .unwrap_or_else(|| panic!("{}", c.id));
        if c.kind == "essay" {
            assert_eq!(f.layer, Dataset::Essay, "{}", c.id);
        }
        for id in c.sources.iter() {
            assert!(content().figures.get(id).is_some(), "{} names {id}", c.id);
        }
        assert!(!c.explanation.is_empty());
    }
}

#[test]
fn lead_years_read_dated_snapshots() {
    assert_eq!(
        lead_year("c. 2020 (Aug 10, Nur-Sultan dateline)"),
        Some(2020)
    );
    assert_eq!(lead_year("2019 (end-July)"), Some(2019));
    assert_eq!(lead_year("unknown (c. 2016-2019)"), Some(2016));
    assert_eq!(lead_year("n/a"), None);
}

#[test]
fn the_compiled_notes_agree_with_the_json_file() {
    let j: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("content/data-notes.json").unwrap()).unwrap();
    let n = notes();
    for layer in Layer::ALL {
        let l = &j["layers"][layer.key()];
        let note = n.layer(*layer);
        assert_eq!(
            (
                note.title,
                note.source,
                note.short,
                note.about.text(),
                note.caveat.text()
            ),
            (
                l["title"].as_str().unwrap(),
                l["source"].as_str().unwrap(),
                l["short"].as_str().unwrap(),
                l["about"].as_str().unwrap(),
                l["caveat"].as_str().unwrap()
            )
        );
    }
    assert_eq!(n.missing.len(), j["missing"].as_object().unwrap().len());
    for (k, v) in j["missing"].as_object().unwrap() {
        assert_eq!(n.missing(k), v.as_str());
    }
    assert_eq!(
        n.per_person.students,
        j["per_person"]["students"].as_str().unwrap()
    );
    let list = j["comparisons"].as_array().unwrap();
    assert_eq!(n.comparisons.len(), list.len());
    for (c, raw) in n.comparisons.iter().zip(list) {
        assert_eq!(c.id, raw["id"].as_str().unwrap());
        assert_eq!(c.year.map(Period::key), raw["year"].as_str());
        assert_eq!(c.essay, raw["essay"].as_str());
        assert_eq!(c.explanation.text(), raw["explanation"].as_str().unwrap());
        let sources: Vec<&str> = raw["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        assert_eq!(c.sources, sources);
    }
}

/// The table keys the row on the map by its republic and every other row by its figure, so in every view
/// each republic has exactly one row on the map and the other rows' figures are all different.
#[test]
fn every_view_has_one_map_row_per_republic_and_distinct_other_figures() {
    for s in all_slices() {
        for c in CountryId::ALL {
            let on_map = s
                .rows
                .iter()
                .filter(|r| r.country == *c && r.on_map)
                .count();
            assert_eq!(
                on_map, 1,
                "{:?} {:?}: {} rows on the map for {c:?}",
                s.layer, s.year, on_map
            );
        }
        let mut others: Vec<&str> = s
            .rows
            .iter()
            .filter(|r| !r.on_map)
            .map(|r| r.figure.expect("an off-map row has a figure").id)
            .collect();
        let n = others.len();
        others.sort();
        others.dedup();
        assert_eq!(
            others.len(),
            n,
            "{:?} {:?}: an off-map figure twice",
            s.layer,
            s.year
        );
    }
}

#[test]
fn map_comparisons_speak_the_evidence_notes_vocabulary_and_link_to_them() {
    use charm_offensive::components::data::agreement;
    let mut linked = 0;
    for c in notes().comparisons {
        let Some((status, detail, note)) = agreement(c) else {
            assert_ne!(
                c.kind, "essay",
                "{}: an essay comparison has a status",
                c.id
            );
            continue;
        };
        if let Some(note) = note {
            linked += 1;
            assert_eq!(status, note.status, "{}: the same status as its note", c.id);
            assert!(note.figures.contains(&c.essay.unwrap()), "{}", c.id);
        }
        assert!(!detail.unwrap_or("").contains(['(', ')']), "{}", c.id);
    }
    assert!(
        linked >= 4,
        "the essay comparisons link to their notes ({linked})"
    );
}

#[test]
fn the_all_data_csv_holds_every_figure_with_its_source() {
    let text = charm_offensive::data::all_csv();
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(lines[0], charm_offensive::data::ALL_COLUMNS.join(","));
    assert_eq!(lines.len() - 1, content().figures.all.len());
    for f in content().figures.all {
        let line = lines
            .iter()
            .find(|l| l.starts_with(&format!("{},", f.id)))
            .unwrap_or_else(|| panic!("{} is in the CSV", f.id));
        assert!(
            line.contains(f.source_url.split(',').next().unwrap()),
            "{}",
            f.id
        );
    }
}
