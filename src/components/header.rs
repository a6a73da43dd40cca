//! The page header: the essay's title, author, date and a link to the original.

use yew::prelude::*;

use crate::content::content;
use crate::model::EssayMeta;

/// Props: whether the header is the compact one of an embed.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    #[prop_or_default]
    pub compact: bool,
    /// Show the one-line tagline (on the overview and the static page).
    #[prop_or_default]
    pub tagline: bool,
    /// Opens the share / embed dialog; absent when an embed hides it.
    #[prop_or_default]
    pub on_share: Option<Callback<MouseEvent>>,
    /// In an embed: the query of the same view in the full explainer, opened in a new tab.
    #[prop_or_default]
    pub full_link: Option<String>,
}

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

/// The site header.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let static_page = crate::components::use_static_page();
    let c = content();
    let EssayMeta {
        title,
        author,
        publisher,
        date,
        url,
    } = &c.references.essay;
    html! {
        <header class={classes!("site-header", props.compact.then_some("compact"))}>
            <div class="brand">
                <p class="kicker">{ "Interactive explainer" }</p>
                <h1>{ title }</h1>
                <p class="byline">
                    { format!("{author} · {publisher} · ") }
                    <time datetime={*date}>{ long_date(date) }</time>
                    { " · " }
                    <a href={*url} target="_blank" rel="noopener noreferrer">{ "Read the original essay" }<span class="visually-hidden">{ " (opens in a new tab)" }</span></a>
                </p>
                if props.tagline && !props.compact {
                    <p class="tagline">{ c.site.tagline }</p>
                }
            </div>
            <div class="header-actions">
                if let Some(query) = &props.full_link {
                    <a class="embed-open" href={if query.is_empty() { "?".to_string() } else { query.clone() }} target="_blank" rel="noopener">
                        <span class="embed-open-long">{ "Open the " }</span>{ "full explainer" }<span class="visually-hidden">{ " (opens in a new tab)" }</span></a>
                }
                if let Some(on_share) = &props.on_share {
                    <button type="button" id="share-button" class="share-button" onclick={on_share.clone()} aria-haspopup="dialog">{ "Share / embed" }</button>
                } else if static_page {
                    // Its place, kept while the app starts so the page does not move when the button comes;
                    // never seen, and absent without JavaScript (static/css/05-early.css).
                    <button type="button" class="share-button" data-needs-js="" tabindex="-1" aria-hidden="true">{ "Share / embed" }</button>
                }
            </div>
        </header>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_read_as_words() {
        assert_eq!(super::long_date("2024-10-01"), "1 October 2024");
        assert_eq!(super::long_date("n/a"), "n/a");
    }
}
