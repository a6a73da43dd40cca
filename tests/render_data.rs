#![cfg(not(target_arch = "wasm32"))]
//! Server-side rendering of the data layers: the controls, legend, table and comparisons, and the
//! static page with every layer's table and its sources written out.

use charm_offensive::components::data::{data_controls, DataPanel};
use charm_offensive::components::{use_static_page, PartProps, Prerendered, PrerenderedProps};
use charm_offensive::model::{CountryId, Layer, Part, Period};
use charm_offensive::state::View;
use yew::html;

async fn render<C: yew::BaseComponent<Properties = PartProps>>(
    view: View,
    static_page: bool,
) -> String {
    // As the app renders it: the static page is signalled by context.
    let children = html! { <C ..PartProps { view } /> };
    yew::LocalServerRenderer::<Prerendered>::with_props(PrerenderedProps {
        on: static_page,
        children,
    })
    .render()
    .await
}

/// The controls as the map part draws them.
#[yew::component]
fn DataControls(props: &PartProps) -> yew::Html {
    data_controls(&props.view, use_static_page())
}

fn map_view() -> View {
    View {
        part: Part::Map,
        ..View::default()
    }
}

#[tokio::test]
async fn controls_mark_the_active_layer_and_year_and_carry_the_announcement() {
    let html = render::<DataControls>(map_view(), false).await;
    assert!(
        html.contains(r#"aria-pressed="true" data-layer="trade""#),
        "{html}"
    );
    assert!(html.contains(r#"aria-pressed="false" data-layer="investment""#));
    assert!(html.contains(r#"aria-pressed="true" data-year="2024""#));
    assert!(html.contains(r#"aria-live="polite""#));
    assert!(html.contains("Kazakhstan highest at 43.82 billion US dollars"));
}

#[tokio::test]
async fn students_have_no_year_control_and_per_person_is_off_for_2013_trade() {
    let html = render::<DataControls>(
        View {
            layer: Layer::Students,
            ..map_view()
        },
        false,
    )
    .await;
    // Every layer's periods have their place (unseen where not the layer's): no period group is seen.
    assert!(
        !html.contains(r#"<div class="toggle-group" role="group" aria-label="Period""#)
            && html.contains(r#"<div class="toggle-group unused" aria-hidden="true" role="group" aria-label="Period""#),
        "students carry their own years: {html}"
    );
    let html = render::<DataControls>(
        View {
            year: Some(Period::Y2013),
            ..map_view()
        },
        false,
    )
    .await;
    assert!(html.contains("disabled"), "no population near 2013");
    assert!(html.contains("no population figure"));
}

#[tokio::test]
async fn the_panel_shows_a_sorted_table_with_units_sources_and_the_gap() {
    let html = render::<DataPanel>(
        View {
            year: Some(Period::Y2022),
            ..map_view()
        },
        false,
    )
    .await;
    assert!(html.contains("<caption>"));
    assert!(html.contains(r#"scope="col""#) && html.contains(r#"scope="row""#));
    assert!(html.contains(r#"aria-sort="ascending""#));
    assert!(html.contains("about $2.6bn"));
    assert!(html.contains("no data"), "Uzbekistan 2022 is missing");
    assert!(html.contains("Download CSV"));
    assert!(
        html.contains("$70bn") && html.contains("$70.2bn"),
        "the essay's figure beside the customs total"
    );
    assert!(html.contains("$24.1bn"), "Kazakh statistics as a contrast");
    assert!(html.matches("class=\"source-toggle\"").count() >= 4);
}

#[tokio::test]
async fn the_selected_republic_is_marked_in_the_table() {
    let html = render::<DataPanel>(
        View {
            country: Some(CountryId::Tajikistan),
            ..map_view()
        },
        false,
    )
    .await;
    let row = html
        .split("<tr")
        .find(|r| r.contains(r#"data-country="TJ""#))
        .unwrap();
    assert!(
        row.contains("selected") && row.contains(r#"aria-pressed="true""#),
        "{row}"
    );
    let other = html
        .split("<tr")
        .find(|r| r.contains(r#"data-country="KZ""#))
        .unwrap();
    assert!(!other.contains("selected"));
}

#[tokio::test]
async fn students_are_never_sortable_by_value_and_the_caption_says_why() {
    let html = render::<DataPanel>(
        View {
            layer: Layer::Students,
            ..map_view()
        },
        false,
    )
    .await;
    assert!(!html.contains(r#"data-sort="Value""#));
    assert!(html.contains("not comparable"));
    assert!(!html.contains("highest"));
}

#[tokio::test]
async fn the_static_page_has_every_layer_with_sources_and_only_the_places_of_controls() {
    let view = map_view();
    // The controls only have their place kept (static/css/05-early.css): never seen, reached or read, no live
    // region, and absent without JavaScript.
    let controls = render::<DataControls>(view, true).await;
    assert!(
        controls.contains(
            r#"<div data-needs-js="" aria-hidden="true" inert="inert" class="data-controls">"#
        ) && !controls.contains("aria-live"),
        "{controls}"
    );
    let html = render::<DataPanel>(view, true).await;
    for caption in [
        "Trade in goods with China, 2013",
        "Trade in goods with China, 2024",
        "Chinese investment and construction deals, 2005-2021",
        "Students from each republic in China",
        "Confucius Institutes",
    ] {
        assert!(html.contains(caption), "{caption}");
    }
    assert!(
        !html.contains("data-layer="),
        "no layer buttons in the panel"
    );
    // The app's buttons (sources, every comparison, CSV) only have their place kept, as the controls'; the table's
    // sort and republic buttons are the app's from the first paint (`data-app`: hidden without JavaScript, kept when
    // it starts), each followed by its words for a reader without it (`data-no-js`).
    let mut carried = 0;
    for (at, _) in html.match_indices("<button") {
        let tag = &html[at..at + html[at..].find('>').unwrap()];
        let place = tag.contains("data-needs-js") || html[..at].ends_with(r#" data-needs-js="">"#);
        let end = at + html[at..].find("</button>").unwrap() + "</button>".len();
        let app = (tag.contains(r#"class="sort""#) || tag.contains(r#"class="select-country""#))
            && tag.contains(r#"data-app="""#)
            && html[end..].starts_with(r#"<span class="button-place" data-no-js="">"#);
        carried += usize::from(app);
        assert!(place || app, "{tag}");
    }
    assert_eq!(
        carried,
        4 + 5,
        "the first table's sort and republic buttons"
    );
    assert!(html.contains("Download CSV") && html.contains("Show all"));
    assert!(
        html.contains("class=\"source-brief print-only\">The Astana Times")
            && html.matches("class=\"source-brief").count() >= 40,
        "sources are written out"
    );
    assert!(html.contains("href=\"https://"), "with their links");
    assert!(
        html.contains("Kazakh students in China, 2018"),
        "every comparison"
    );
    // A comparison whose note in Reading the evidence shows its figures in full gives them in brief (value,
    // period, source with link, confidence); one without such a note keeps each figure's full source.
    let article = |id: &str| {
        let start = html.find(&format!("data-compare=\"{id}\"")).expect(id);
        html[start..start + html[start..].find("</article>").unwrap()].to_string()
    };
    let noted = article("trade-2022");
    assert!(noted.contains("Read the note"), "{noted}");
    assert!(!noted.contains("Excerpt"), "{noted}");
    assert_eq!(
        noted.matches("class=\"figure-brief\"").count(),
        2,
        "{noted}"
    );
    assert!(
        noted.contains("$70.2bn</span><span class=\"figure-year\"> (2022)"),
        "{noted}"
    );
    assert!(noted.contains("Confidence: high"), "{noted}");
    assert!(
        noted.contains("href=\"https://www.newscentralasia.net/"),
        "{noted}"
    );
    let contrast = article("uz-2022");
    assert!(!contrast.contains("Read the note"), "{contrast}");
    assert!(!contrast.contains("figure-brief"), "{contrast}");
    assert!(contrast.contains("Excerpt"), "{contrast}");
}
