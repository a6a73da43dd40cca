#![cfg(not(target_arch = "wasm32"))]
//! Server-side rendering of the map part: the SVG's republics, neighbours, labels, places and hatch,
//! the list, the profile with its sourced figures, and the static page with all five profiles.

use charm_offensive::components::map::places::edge_line;
use charm_offensive::components::map::profile::{
    latest_figure, CountryProfile, OnMap, ProfileProps,
};
use charm_offensive::components::map::{accessible_name, MapPart};
use charm_offensive::components::{PartProps, Prerendered, PrerenderedProps};
use charm_offensive::content::content;
use charm_offensive::data::all_slices;
use charm_offensive::geo::geo;
use charm_offensive::model::{CountryId, Dataset, Part, Period};
use charm_offensive::state::View;
use yew::html;

fn map_view() -> View {
    View {
        part: Part::Map,
        ..View::default()
    }
}

async fn render(view: View, static_page: bool) -> String {
    // As the app renders it: the static page is signalled by context.
    let children = html! { <MapPart ..PartProps { view } /> };
    prerendered(children, static_page).await
}

/// Renders `children` as the app does, the static page signalled by context.
async fn prerendered(children: yew::Html, on: bool) -> String {
    yew::LocalServerRenderer::<Prerendered>::with_props(PrerenderedProps { on, children })
        .render()
        .await
}

/// Text as Yew's server renderer escapes it.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[tokio::test]
async fn five_focusable_republics_with_accessible_names_and_one_tab_stop() {
    let view = map_view();
    let html = render(view, false).await;
    let shapes: Vec<&str> = html
        .split(r#"<g id="map-"#)
        .skip(1)
        .map(|s| &s[..s.find('>').unwrap()])
        .collect();
    assert_eq!(shapes.len(), 5, "{html}");
    assert!(shapes
        .iter()
        .all(|t| t.contains(r#"role="button""#) && t.contains("aria-pressed=")));
    assert_eq!(
        shapes
            .iter()
            .filter(|t| t.contains(r#"tabindex="0""#))
            .count(),
        1,
        "roving tabindex: one tab stop"
    );
    assert!(
        shapes[0].contains(r#"tabindex="0""#),
        "nothing selected: the first republic is the tab stop"
    );
    for &c in CountryId::ALL {
        assert!(html.contains(&format!(r#"id="map-{}""#, c.key())));
        assert!(
            html.contains(&format!(
                r#"aria-label="{}""#,
                esc(&accessible_name(c, &view))
            )),
            "{c:?}"
        );
    }
    let kz = content()
        .figures
        .find(Dataset::Trade, CountryId::Kazakhstan, "2024")
        .expect("trade 2024 KZ");
    assert!(accessible_name(CountryId::Kazakhstan, &view)
        .starts_with(&format!("Kazakhstan: {}", kz.display())));
}

#[tokio::test]
async fn the_selected_republic_is_pressed_and_holds_the_tab_stop() {
    let html = render(
        View {
            country: Some(CountryId::Kyrgyzstan),
            ..map_view()
        },
        false,
    )
    .await;
    let kg = &html[html.find(r#"id="map-KG""#).unwrap()..];
    let tag = &kg[..kg.find('>').unwrap()];
    assert!(
        tag.contains(r#"tabindex="0""#) && tag.contains(r#"aria-pressed="true""#),
        "{tag}"
    );
    let list = &html[html.find(r#"class="country-list""#).unwrap()..];
    assert!(list.contains(r#"<a class="country-button" role="button" tabindex="0" aria-pressed="true" data-country="KG"><span class="name">Kyrgyzstan"#));
    assert_eq!(
        list[..list.find("</ul>").unwrap()]
            .matches(r#"aria-pressed="true""#)
            .count(),
        1
    );
    assert!(html.contains(r#"id="profile-KG""#));
    assert!(!html.contains(r#"id="profile-KZ""#));
}

#[tokio::test]
async fn every_neighbour_is_drawn_and_labelled_where_it_has_a_label_point() {
    let html = render(map_view(), false).await;
    let neighbours: Vec<_> = geo().countries.iter().filter(|c| !c.is_focus()).collect();
    assert!(neighbours.len() >= 8);
    for c in neighbours {
        assert!(
            html.contains(&format!(r#"d="{}""#, c.path)),
            "{} path missing",
            c.id
        );
        if c.label.is_some() {
            assert!(
                html.contains(&format!(">{}</text>", esc(c.name))),
                "{} label missing",
                c.id
            );
        }
    }
}

#[tokio::test]
async fn the_five_are_labelled_with_their_layer_values() {
    let view = map_view();
    let html = render(view, false).await;
    for shade in charm_offensive::data::shades(&view) {
        let [x, y] = charm_offensive::components::map::shape(shade.country)
            .unwrap()
            .label
            .unwrap();
        assert!(
            html.contains(&format!(
                r#"<text x="{x}" y="{y}" class="name">{}</text>"#,
                shade.country.label()
            )),
            "{:?}",
            shade.country
        );
        assert!(
            html.contains(&format!(
                r#"class="value">{}</text>"#,
                esc(shade.value_label)
            )),
            "{}",
            shade.value_label
        );
    }
}

#[tokio::test]
async fn the_hatch_is_defined_once_and_fills_republics_without_data() {
    let slice = all_slices()
        .iter()
        .find(|s| s.shades.iter().any(|sh| sh.fill.is_none()))
        .expect("a layer with a gap");
    let view = View {
        layer: slice.layer,
        year: slice.year.and_then(Period::from_key),
        per_person: slice.per_person,
        ..map_view()
    };
    let html = render(view, false).await;
    assert_eq!(html.matches(r#"<pattern id="map-hatch""#).count(), 1);
    let gaps = slice.shades.iter().filter(|s| s.fill.is_none()).count();
    assert_eq!(html.matches(r#"fill="url(#map-hatch)""#).count(), gaps);
    assert!(
        html.contains(">no data</text>"),
        "the gap is written, not only drawn"
    );
}

#[tokio::test]
async fn xian_is_an_edge_marker_with_geo_json_distance_and_the_summit() {
    let html = render(map_view(), false).await;
    let xian = geo().places.iter().find(|p| p.id == "xian").unwrap();
    let line = edge_line(xian);
    assert!(
        line.contains(&charm_offensive::model::format_number(
            xian.distance_km.unwrap(),
            0
        )),
        "{line}"
    );
    assert!(html.contains(&format!(">{line}</tspan>")), "{line}");
    assert!(html.contains(">2023 summit</tspan>"));
    assert!(html.contains("Boundaries: Natural Earth"));
    assert!(html.contains("(public domain)"));
    assert!(html.contains("GeoNames (CC BY 4.0)"));
    assert!(html.contains(&format!(">{} km</text>", geo().scale_bar.km)));
}

#[tokio::test]
async fn the_kazakhstan_profile_shows_capital_population_and_area_with_sources() {
    let props = ProfileProps {
        country: CountryId::Kazakhstan,
        on_map: None,
    };
    let html = prerendered(html! { <CountryProfile ..props /> }, true).await;
    let pop = content()
        .figures
        .get(&latest_figure(Dataset::Population, CountryId::Kazakhstan).unwrap())
        .unwrap();
    assert_eq!(pop.id, "population-2022-KZ");
    assert!(
        html.contains(&esc(&pop.display())) && html.contains(&esc(&pop.source_publisher)),
        "{html}"
    );
    let area = content().figures.get("area-KZ").unwrap();
    assert!(html.contains(&esc(&area.display())));
    assert!(html.contains(">Astana<"));
    let card = content().card("kazakhstan").unwrap();
    // The static page carries the card's text once, on the card: the profile names its paragraphs
    // (static/early.js copies them in) and links to the card for a reader without JavaScript.
    assert!(
        !html.contains("host of Xi"),
        "the actor card's summary is the card's"
    );
    assert!(
        html.contains(&format!(
            r#"<p data-from="{}" class="summary"></p>"#,
            card.summary.key().unwrap()
        )),
        "{html}"
    );
    assert!(html.contains(r##"<a href="#card-kazakhstan" class="card-link">Kazakhstan</a>"##));
    assert!(
        html.contains(&esc(&content().card("astana-speech-2013").unwrap().title)),
        "related card linked"
    );
    assert!(card.related.contains(&"astana-speech-2013"));
}

#[tokio::test]
async fn an_interactive_profile_has_a_close_button_and_sources_behind_one_click() {
    let props = ProfileProps {
        country: CountryId::Turkmenistan,
        on_map: None,
    };
    let html = yew::LocalServerRenderer::<CountryProfile>::with_props(props)
        .render()
        .await;
    assert!(html.contains(">Close<"));
    assert!(html
        .contains(r#"<button type="button" aria-expanded="false" class="source-toggle">source"#));
    assert!(
        html.contains("never discussed on its own"),
        "says plainly where the essay is silent"
    );
}

#[tokio::test]
async fn the_static_page_has_the_map_without_buttons_and_all_five_profiles() {
    let page = render(map_view(), true).await;
    // What the page shows; the other layers wait in <template>s (inert) for static/early.js.
    let mut html = page.clone();
    while let Some(at) = html.find("<template") {
        let end = html[at..].find("</template>").expect("closed") + at + "</template>".len();
        html.replace_range(at..end, "");
    }
    // The data panel below the map has its own test, with its buttons' places (tests/render_data.rs).
    if let Some(at) = html.find(r#"<div class="data-panel">"#) {
        html.truncate(at);
    }
    assert!(html.contains("<svg"));
    assert!(
        !page.contains(r#"role="button""#),
        "no widgets without JavaScript"
    );
    assert_eq!(html.matches(r#"role="img""#).count(), 5);
    for layer in ["investment", "students", "confucius"] {
        let at = page
            .find(&format!(
                r#"<template class="map-variant" data-layer="{layer}" data-r=""#
            ))
            .unwrap_or_else(|| panic!("a template for the {layer} layer"));
        let variant = &page[at..at + page[at..].find("</template>").expect("closed")];
        // Each republic's fill, reliability, value and profile line, in the map's order (static/early.js).
        let rows = &variant[variant.find(r#"data-r=""#).expect("rows") + 8..];
        let rows = &rows[..rows.find('"').expect("closed")];
        assert_eq!(rows.split('|').count(), 5, "{layer}");
        // Which of the controls' elements it shows (the per-person switch, its two wordings, two periods, two cautions).
        assert!(variant.contains(" data-c=\""), "{layer}");
        assert!(variant.contains(r#"<div class="legend">"#), "{layer}");
    }
    // And every other period and per-person view.
    assert!(page.contains(r#"<template class="map-variant" data-v="trade/2013/" data-r=""#));
    assert!(page.contains(r#"<template class="map-variant" data-v="students//1" data-r=""#));
    assert!(
        !page.contains(r#"map-variant" data-layer="trade""#)
            && !page.contains(r#"data-v="trade/2024/""#),
        "the page's own layer is shown, not a template"
    );
    for &c in CountryId::ALL {
        assert!(
            html.contains(&format!(r#"id="profile-{}""#, c.key())),
            "{c:?}"
        );
        assert!(
            html.contains(&format!(r##"href="#profile-{}""##, c.key())),
            "the list links to each profile"
        );
    }
    assert!(!html.contains(">Close<"));
    // A figure's source is shown, not behind a "source" button that would do nothing without JavaScript.
    assert!(html.contains(r#"class="figure-source""#));
    // Only the places of the app's source buttons (data-needs-js: gone without JavaScript), so that a deep link's
    // profile does not change when the app starts.
    assert_eq!(
        html.matches(r#"class="source-toggle""#).count(),
        html.matches(r#"class="source-toggle" data-needs-js="""#)
            .count(),
        "no source buttons without JavaScript"
    );
}

#[tokio::test]
async fn the_legend_is_under_the_map_in_its_figure_and_follows_the_layer() {
    use charm_offensive::model::Layer;
    for (layer, title) in [
        (Layer::Trade, "Colour: US$ billion"),
        (Layer::Students, "Colour: students"),
        (Layer::Students, "Pattern: how reliable each source is"),
    ] {
        let html = render(
            View {
                layer,
                ..map_view()
            },
            false,
        )
        .await;
        let figure = &html[html
            .find(r#"<figure class="map-figure""#)
            .expect("the map figure")..];
        let figure = &figure[..figure.find("</figure>").unwrap()];
        let legend = figure
            .find(r#"class="legend""#)
            .expect("the legend is inside the map's figure");
        assert!(figure.find("<svg").unwrap() < legend, "under the map");
        assert!(figure[legend..].contains(title), "{layer:?}: {title}");
        assert_eq!(html.matches(r#"class="legend""#).count(), 1, "one legend");
    }
}

#[tokio::test]
async fn a_selected_republics_profile_gives_the_maps_value_with_its_source_or_says_it_is_missing() {
    use charm_offensive::model::Layer;
    // Trade 2024, Kazakhstan: the customs figure, its source one click away.
    let view = View {
        country: Some(CountryId::Kazakhstan),
        ..map_view()
    };
    let html = render(view, false).await;
    let kz = content()
        .figures
        .find(Dataset::Trade, CountryId::Kazakhstan, "2024")
        .unwrap();
    let profile = &html[html.find(r#"class="profile"#).expect("a profile")..];
    assert!(profile.contains("On the map: Trade, 2024"), "{profile}");
    assert!(profile.contains(&esc(&kz.display())));
    assert!(profile.contains(r#"class="source-toggle">source"#));
    // Trade 2022, Uzbekistan: no data, said in words, no figure.
    let view = View {
        layer: Layer::Trade,
        year: Some(Period::Y2022),
        country: Some(CountryId::Uzbekistan),
        ..map_view()
    };
    let on_map = OnMap::of(&view, CountryId::Uzbekistan).expect("a row on the map");
    assert_eq!((on_map.figure, on_map.written.as_str()), (None, "no data"));
    let html = render(view, false).await;
    let profile = &html[html.find(r#"class="profile"#).unwrap()..];
    assert!(
        profile.contains("On the map: Trade, 2022")
            && profile.contains(r#"<span class="missing">no data</span>"#),
        "{profile}"
    );
    // Per person: the derived value, and the figure it comes from.
    let view = View {
        per_person: true,
        country: Some(CountryId::Kazakhstan),
        ..map_view()
    };
    let on_map = OnMap::of(&view, CountryId::Kazakhstan).unwrap();
    assert_eq!(on_map.figure.map(|f| f.id), Some(kz.id));
    assert_ne!(
        on_map.written.as_str(),
        kz.display(),
        "the per-person value is derived"
    );
    let html = render(view, false).await;
    let pop = on_map.population.expect("the population divided by");
    assert!(
        html.contains(&format!("{} = ", esc(on_map.written.as_str()))),
        "names the figures it is derived from"
    );
    assert!(
        html.contains(&esc(&pop.display())),
        "and the population, with its source"
    );
}

/// The browser build does not carry the outlines: it reads them from the pre-rendered page (src/geo.rs,
/// build.rs checks the built page the same way). The page the build pre-renders must mark each country's
/// outline once, exactly as geo.json has it, and the app's own rendering marks none.
#[tokio::test]
async fn the_static_page_gives_back_every_outline_once() {
    let page =
        yew::LocalServerRenderer::<charm_offensive::App>::with_props(charm_offensive::AppProps {
            query: "".into(),
            static_page: true,
        })
        .hydratable(false)
        .render()
        .await;
    let mut read: Vec<(&str, &str)> = Vec::new();
    charm_offensive::geo::read_paths(&page, |id, d| read.push((id, d)));
    let mut expected: Vec<(&str, &str)> = geo().countries.iter().map(|c| (c.id, c.path)).collect();
    read.sort_unstable();
    expected.sort_unstable();
    assert_eq!(read, expected);
    assert!(expected.iter().all(|(_, d)| d.len() > 20));
    let live = render(map_view(), false).await;
    assert!(
        !live.contains(charm_offensive::geo::MARK),
        "the app's own map is not marked"
    );
}
