//! The page header: the essay's title, author, date and a link to the original.

use yew::prelude::*;

use super::raw::{raw, Markup};
use crate::content::content;
use crate::model::EssayMeta;

/// "1 October 2024" from "2024-10-01".
pub fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut it = iso.split('-').map(|p| p.parse::<usize>().ok());
    match (
        it.next().flatten(),
        it.next().flatten(),
        it.next().flatten(),
    ) {
        (Some(y), Some(m @ 1..=12), Some(d)) => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => iso.to_string(),
    }
}

/// The site header: compact in an embed; with the one-line tagline on the overview and the static page; the
/// Share / embed button where `on_share` is given (absent when an embed hides it; on the static page its place,
/// kept while the app starts); in an embed, `full_link`: the query of the same view in the full explainer,
/// opened in a new tab. A plain function drawn by the app (a component's own code is about 1 KB of wasm).
pub fn header(
    compact: bool,
    tagline: bool,
    on_share: Option<Callback<MouseEvent>>,
    full_link: Option<String>,
    static_page: bool,
) -> Html {
    let static_page = super::drawn_static(static_page);
    html! {
        <header class={classes!("site-header", compact.then_some("compact"))}>
            { brand(tagline && !compact) }
            <div class="header-actions">
                if let Some(query) = full_link {
                    <a class="embed-open" href={if query.is_empty() { "?".to_string() } else { query }} target="_blank" rel="noopener">
                        <span class="embed-open-long">{ "Open the " }</span>{ "full explainer" }<span class="visually-hidden">{ " (opens in a new tab)" }</span></a>
                }
                if let Some(onclick) = on_share {
                    <button type="button" id="share-button" class="share-button" {onclick} aria-haspopup="dialog">{ "Share / embed" }</button>
                } else if static_page {
                    // Its place, kept while the app starts so the page does not move when the button comes;
                    // never seen, and absent without JavaScript (static/css/05-early.css).
                    <button type="button" class="share-button" data-needs-js="" tabindex="-1" aria-hidden="true">{ "Share / embed" }</button>
                }
            </div>
        </header>
    }
}

/// The essay's title, author, publisher, date and address, and the tagline (display only: written as markup,
/// `super::raw`).
fn brand(tagline: bool) -> Html {
    let c = content();
    let EssayMeta {
        title,
        author,
        publisher,
        date,
        url,
    } = &c.references.essay;
    let mut m = Markup::default();
    m.tag(r#"<div class="brand"><p class="kicker">Interactive explainer</p><h1>"#)
        .text(title)
        .tag(r#"</h1><p class="byline">"#)
        .text(&format!("{author} · {publisher} · "))
        .tag("<time")
        .attr("datetime", Some(date))
        .tag(">")
        .text(&long_date(date))
        .tag("</time> · <a")
        .attr("href", Some(url))
        .tag(r#" target="_blank">Read the original essay<span class="visually-hidden"> (opens in a new tab)</span></a></p>"#);
    if tagline {
        m.tag(r#"<p class="tagline">"#)
            .text(c.site.tagline)
            .tag("</p>");
    }
    m.tag("</div>");
    raw(m)
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_read_as_words() {
        assert_eq!(super::long_date("2024-10-01"), "1 October 2024");
        assert_eq!(super::long_date("n/a"), "n/a");
    }
}
