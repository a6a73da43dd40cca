#![cfg(not(target_arch = "wasm32"))]
//! Server-side rendering of a layer across its periods: the chart's lines break where a republic has no
//! figure for a period, instead of drawing a trend through the missing year.

use charm_offensive::components::data::panel::Mode;
use charm_offensive::components::data::years::across_years;
use charm_offensive::model::Layer;

#[derive(yew::Properties, PartialEq)]
struct Props {
    layer: Layer,
}

#[yew::component]
fn AcrossYears(props: &Props) -> yew::Html {
    yew::Html::from_html_unchecked(across_years(props.layer, false, Mode::App).into())
}

async fn render(layer: Layer) -> String {
    yew::LocalServerRenderer::<AcrossYears>::with_props(Props { layer })
        .render()
        .await
}

/// The `d` of the line drawn for one republic.
fn line_of<'a>(html: &'a str, country: &str) -> &'a str {
    let g = html
        .find(&format!(r#"data-country="{country}""#))
        .unwrap_or_else(|| panic!("no line for {country} in {html}"));
    let d = g + html[g..].find(r#"d=""#).expect("a path") + 3;
    &html[d..d + html[d..].find('"').unwrap()]
}

/// The periods a republic's row of the table has a value for (the chart draws the same numbers).
fn columns(html: &str) -> usize {
    html.matches(r#"class="tick""#).count()
}

#[tokio::test]
async fn a_line_is_one_stroke_only_where_no_period_is_missing() {
    for layer in [
        Layer::Trade,
        Layer::Investment,
        Layer::Students,
        Layer::Confucius,
    ] {
        let html = render(layer).await;
        if !html.contains("data-country=") {
            continue;
        }
        let periods = columns(&html);
        for country in ["KZ", "KG", "TJ", "TM", "UZ"] {
            if !html.contains(&format!(r#"data-country="{country}""#)) {
                continue;
            }
            let d = line_of(&html, country);
            let points = d.matches(['M', 'L']).count();
            let strokes = d.matches('M').count();
            assert!(points <= periods, "{layer:?} {country}: {d}");
            if points == periods {
                assert_eq!(
                    strokes, 1,
                    "{layer:?} {country}: every period has a figure, one stroke: {d}"
                );
            }
        }
    }
}

#[tokio::test]
async fn trade_breaks_uzbekistans_line_at_the_period_it_lacks() {
    let html = render(Layer::Trade).await;
    let d = line_of(&html, "UZ");
    let points = d.matches(['M', 'L']).count();
    assert!(
        points < columns(&html),
        "Uzbekistan lacks a trade period: {d}"
    );
    assert!(
        d.matches('M').count() >= 2,
        "a gap must split the line: {d}"
    );
}
