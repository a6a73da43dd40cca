//! Checks content/geo.json (written by tools/geo/generate.mjs) through src/geo.rs.

use charm_offensive::geo::{geo, parse_path, CountryShape};

const EPS: f64 = 0.5;

fn rings(c: &CountryShape) -> Vec<Vec<(f64, f64)>> {
    parse_path(c.path).unwrap_or_else(|e| panic!("{}: {e}", c.id))
}

fn bbox(c: &CountryShape) -> (f64, f64, f64, f64) {
    rings(c)
        .iter()
        .flatten()
        .fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |b, &(x, y)| {
            (b.0.min(x), b.1.min(y), b.2.max(x), b.3.max(y))
        })
}

/// Shoelace area of all rings: holes run opposite to their outer ring, so signed areas subtract them.
fn area(c: &CountryShape) -> f64 {
    rings(c)
        .iter()
        .map(|r| {
            r.windows(2)
                .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
                .sum::<f64>()
                / 2.0
        })
        .sum::<f64>()
        .abs()
}

fn country(id: &str) -> &'static CountryShape {
    geo()
        .countries
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no country {id}"))
}

fn in_frame((x, y): (f64, f64)) -> bool {
    let [x0, y0, w, h] = geo().view_box;
    x >= x0 - EPS && x <= x0 + w + EPS && y >= y0 - EPS && y <= y0 + h + EPS
}

#[test]
fn exactly_the_five_republics_are_focus() {
    let mut focus: Vec<(&str, &str)> = geo()
        .countries
        .iter()
        .filter(|c| c.is_focus())
        .map(|c| (c.id, c.iso_n3))
        .collect();
    focus.sort();
    assert_eq!(
        focus,
        [
            ("KG", "417"),
            ("KZ", "398"),
            ("TJ", "762"),
            ("TM", "795"),
            ("UZ", "860")
        ]
    );
    for id in ["CN", "RU", "AF", "IR"] {
        assert!(!country(id).is_focus(), "{id} is a neighbour");
    }
    let mut ids: Vec<&str> = geo().countries.iter().map(|c| c.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), geo().countries.len(), "duplicate country ids");
}

#[test]
fn every_path_parses_into_closed_rings_inside_the_frame() {
    for c in geo().countries {
        let rs = rings(c);
        assert!(!rs.is_empty(), "{} has no ring", c.id);
        for r in &rs {
            assert!(
                r.len() >= 4 && r.first() == r.last(),
                "{}: ring not closed",
                c.id
            );
            for &p in r {
                assert!(in_frame(p), "{}: point {p:?} outside the view box", c.id);
            }
        }
    }
}

#[test]
fn parse_path_rejects_malformed_paths() {
    assert_eq!(
        parse_path("M0,0L1,0L1,1Z").unwrap(),
        vec![vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]]
    );
    assert_eq!(parse_path("M0,0L1,0L1,1ZM5,5L6,5L6,6Z").unwrap().len(), 2);
    // The generator's form: relative points after the first, SVG's implicit separators, in tenths.
    assert_eq!(
        parse_path("M1.5,2l-.5.5.5-1z").unwrap(),
        vec![vec![(1.5, 2.0), (1.0, 2.5), (1.5, 1.5), (1.5, 2.0)]]
    );
    for bad in [
        "M0,0L1,0L1,1",
        "L1,1Z",
        "M0,0L1Z",
        "M0,0L1,x,1,1Z",
        "M0,0L1,0L1,1M2,2L3,2L3,3Z",
        "M0,0Z",
    ] {
        assert!(parse_path(bad).is_err(), "{bad:?} should not parse");
    }
}

#[test]
fn labels_sit_inside_the_frame_and_their_country() {
    for c in geo().countries {
        let Some([x, y]) = c.label else {
            assert!(!c.is_focus(), "{} needs a label", c.id);
            continue;
        };
        assert!(in_frame((x, y)), "{} label outside the frame", c.id);
        let (x0, y0, x1, y1) = bbox(c);
        assert!(
            x >= x0 && x <= x1 && y >= y0 && y <= y1,
            "{} label {:?} outside its bbox",
            c.id,
            (x, y)
        );
    }
}

#[test]
fn capitals_are_inside_and_astana_is_in_kazakhstan() {
    let places = &geo().places;
    for id in ["astana", "bishkek", "dushanbe", "ashgabat", "tashkent"] {
        let p = places
            .iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no place {id}"));
        let xy = p.xy.unwrap_or_else(|| panic!("{id} has no xy"));
        assert!(
            p.inside && in_frame((xy[0], xy[1])),
            "{id} should be inside the frame"
        );
        let (x0, y0, x1, y1) = bbox(country(p.country));
        assert!(
            xy[0] >= x0 && xy[0] <= x1 && xy[1] >= y0 && xy[1] <= y1,
            "{id} outside {}'s bbox",
            p.country
        );
    }
    let astana = places.iter().find(|p| p.id == "astana").unwrap();
    assert_eq!(astana.country, "KZ");
}

#[test]
fn xian_is_placed_on_or_inside_the_frame() {
    let xian = geo()
        .places
        .iter()
        .find(|p| p.id == "xian")
        .expect("no place xian");
    if xian.inside {
        let xy = xian.xy.expect("inside place needs xy");
        assert!(in_frame((xy[0], xy[1])));
    } else {
        let [x, y] = xian.edge.expect("outside place needs an edge point");
        let [x0, y0, w, h] = geo().view_box;
        assert!(in_frame((x, y)), "edge point outside the frame");
        let on_edge = [
            (x - x0).abs(),
            (x - x0 - w).abs(),
            (y - y0).abs(),
            (y - y0 - h).abs(),
        ]
        .iter()
        .any(|d| *d <= EPS);
        assert!(
            on_edge,
            "edge point {:?} is not on the frame boundary",
            (x, y)
        );
        let km = xian.distance_km.expect("distance_km");
        assert!((2000.0..=4000.0).contains(&km), "Astana-Xi'an {km} km");
        let b = xian.bearing_deg.expect("bearing_deg");
        assert!((0.0..360.0).contains(&b));
        assert!(xian.direction.is_some_and(|d| !d.is_empty()));
    }
}

#[test]
fn projected_areas_follow_real_areas() {
    let a = |id| area(country(id));
    let (kz, tm, uz, kg, tj) = (a("KZ"), a("TM"), a("UZ"), a("KG"), a("TJ"));
    assert!(
        kz > tm && tm > uz && uz > kg && kg > tj,
        "areas out of order: {kz} {tm} {uz} {kg} {tj}"
    );
    // Equal-area projection: the projected ratio matches the real one (2,724,900 / 143,100 km2).
    let ratio = kz / tj;
    let real = 2_724_900.0 / 143_100.0;
    assert!(
        (ratio / real - 1.0).abs() < 0.15,
        "KZ/TJ projected {ratio:.2}, real {real:.2}"
    );
}

#[test]
fn scale_bar_is_plausible() {
    let s = &geo().scale_bar;
    assert_eq!(s.km, 500.0);
    assert!(s.px > 0.0 && s.px < geo().view_box[2] / 2.0);
    assert!(geo().meta.projection == "conicEqualArea" && !geo().meta.path_grammar.is_empty());
}

#[test]
fn the_map_and_the_data_name_the_same_five_republics() {
    use charm_offensive::content::content;
    use std::collections::BTreeSet;
    let on_map: BTreeSet<&str> = geo()
        .countries
        .iter()
        .filter(|c| c.focus)
        .map(|c| c.id)
        .collect();
    let in_data: BTreeSet<&str> = content()
        .figures
        .all
        .iter()
        .filter_map(|f| f.country)
        .map(|c| c.key())
        .collect();
    assert_eq!(on_map, in_data);
}
