//! Server-side rendering of the shell: the header, navigation, overview, notices, embed mode and the
//! static page the build pre-renders for readers without JavaScript.
#![cfg(not(target_arch = "wasm32"))]

use charm_offensive::{App, AppProps};

async fn render(query: &str, static_page: bool) -> String {
    yew::LocalServerRenderer::<App>::with_props(AppProps {
        query: query.to_string().into(),
        static_page,
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn the_header_names_the_essay_its_author_date_and_original() {
    let html = render("", false).await;
    assert!(
        html.contains("<h1>Beijing&#x27;s Charm Offensive")
            || html.contains("<h1>Beijing's Charm Offensive"),
        "{}",
        &html[..400]
    );
    assert!(html.contains("Zhanserik Temirtashev"));
    assert!(html.contains("datetime=\"2024-10-01\""));
    assert!(html.contains("1 October 2024"));
    assert!(html.contains("href=\"https://www.e-ir.info/2024/10/01/beijings-charm-offensive-chinas-soft-power-projection-in-central-asia/\""));
}

#[tokio::test]
async fn the_navigation_links_every_part_and_marks_the_current_one() {
    let html = render("?part=timeline", false).await;
    for key in ["cards", "map", "timeline", "study", "evidence", "sources"] {
        assert!(
            html.contains(&format!("href=\"?part={key}\"")),
            "link to {key}"
        );
    }
    assert!(
        html.contains("aria-current=\"page\" href=\"?part=timeline\"")
            || html.contains("href=\"?part=timeline\" aria-current=\"page\"")
    );
    assert_eq!(html.matches("aria-current=").count(), 1);
}

#[tokio::test]
async fn the_overview_states_the_thesis_with_its_citations() {
    let html = render("", false).await;
    assert!(html.contains("The thesis in brief"));
    assert!(html.contains("class=\"cites-toggle\""));
    assert!(html.contains("P1"));
}

/// The element whose start tag carries `data-adopt="KEY"`, whole, with the `data-p` marks left out.
fn adopted(html: &str, key: &str) -> Option<String> {
    let at = html.find(&format!(r#"data-adopt="{key}""#))?;
    let open = html[..at].rfind('<')?;
    let name = html[open + 1..].split([' ', '>']).next()?;
    let (start, end) = (format!("<{name}"), format!("</{name}>"));
    let (mut depth, mut i) = (0usize, open);
    loop {
        let next_open = html[i..].find(&start).map(|k| k + i);
        let next_close = html[i..].find(&end).map(|k| k + i)?;
        match next_open {
            Some(o) if o < next_close => {
                depth += 1;
                i = o + start.len();
            }
            _ => {
                depth -= 1;
                i = next_close + end.len();
                if depth == 0 {
                    let mut el = html[open..i].to_string();
                    while let Some(p) = el.find(" data-p=\"") {
                        let close = el[p + 9..].find('"').expect("closed") + p + 10;
                        el.replace_range(p..close, "");
                    }
                    return Some(el);
                }
            }
        }
    }
}

#[tokio::test]
async fn what_the_app_keeps_on_start_is_drawn_as_the_page_drew_it() {
    // On start the app keeps the pre-rendered nodes marked data-adopt (crate::adopt) instead of drawing them:
    // the app's own rendering of each must be the page's (but the page's data-p marks).
    for (query, keys) in [
        (
            "",
            // (The overview is kept whole, as an island: crate::components::overview.)
            &["heading-overview", "footer", "skip"][..],
        ),
        ("?part=map", &["heading-map", "footer", "skip"][..]),
    ] {
        let (page, app) = (render(query, true).await, render(query, false).await);
        for key in keys {
            let kept = adopted(&page, key).unwrap_or_else(|| panic!("{key} on the page"));
            assert_eq!(
                adopted(&app, key).as_deref(),
                Some(kept.as_str()),
                "{key} ({query})"
            );
        }
    }
}

#[tokio::test]
async fn ignored_link_values_are_shown_as_notices() {
    let html = render("?layer=%%%&country=XX", false).await;
    assert!(
        html.contains("Ignored part of the link: layer"),
        "layer notice"
    );
    assert!(
        html.contains("Ignored part of the link: country"),
        "country notice"
    );
    assert!(html.contains("Dismiss"));
}

#[tokio::test]
async fn an_embed_can_hide_the_navigation_and_share_button() {
    let html = render("?embed=1&hide=nav,share", false).await;
    assert!(!html.contains("Parts of the explainer"));
    assert!(!html.contains("id=\"share-button\""));
    // "Open the " may be shown only to screen readers on narrow frames: the link says it all either way.
    assert!(html.contains("Open the </span>full explainer"));
    assert!(!html.contains("site-footer"));
}

#[tokio::test]
async fn an_embed_folds_the_parts_into_a_menu_that_keeps_the_embed() {
    let html = render("?part=map&embed=1&hide=share", false).await;
    assert!(
        html.contains("<details class=\"parts-menu\""),
        "a native disclosure"
    );
    assert!(html.contains("Parts of the explainer"));
    assert!(html.contains("href=\"?part=timeline&amp;embed=1&amp;hide=share\""));
    let full = render("?part=map", false).await;
    assert!(
        !full.contains("parts-menu"),
        "the full page keeps its list of parts"
    );
}

#[tokio::test]
async fn the_static_page_renders_every_part_with_anchor_links() {
    let html = render("", true).await;
    for key in [
        "overview", "cards", "map", "timeline", "study", "evidence", "sources",
    ] {
        assert!(
            html.contains(&format!("id=\"part-{key}\"")),
            "part {key} is rendered"
        );
        assert!(
            html.contains(&format!("href=\"#part-{key}\"")),
            "anchor to {key}"
        );
    }
    assert!(
        !html.contains("aria-current=\"page\""),
        "no part is current on the static page"
    );
    assert!(
        !html.contains("id=\"share-button\""),
        "no interactive-only button"
    );
}

#[tokio::test]
async fn the_page_marks_its_header_and_navigation_for_the_app_to_keep_with_the_apps_words() {
    // On start the app keeps the page's header and navigation (data-adopt) and changes only what its view differs
    // in (links, current part, tagline, Share): the rest must be what the app draws.
    let (page, app) = (render("", true).await, render("", false).await);
    let between = |html: &str, from: &str, to: &str| {
        let a = html.find(from).unwrap_or_else(|| panic!("{from}"));
        html[a..a + html[a..].find(to).expect(to)].to_string()
    };
    assert_eq!(page.matches("data-adopt=\"header\"").count(), 1);
    assert_eq!(page.matches("data-adopt=\"nav\"").count(), 1);
    assert_eq!(
        between(
            &page,
            "<div class=\"brand\"",
            "<div class=\"header-actions\""
        ),
        between(
            &app,
            "<div class=\"brand\"",
            "<div class=\"header-actions\""
        ),
        "the title, byline and tagline"
    );
    let labels = |html: &str| {
        let nav = between(html, "<nav", "</nav>");
        nav.split("<a ")
            .skip(1)
            .map(|a| a[a.find('>').unwrap() + 1..a.find("</a>").unwrap()].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(labels(&page).len(), 7);
    assert_eq!(labels(&page), labels(&app));
    assert!(page.contains("Share / embed</button>") && app.contains("Share / embed</button>"));
}
