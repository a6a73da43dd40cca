//! The page header: the essay's title, author, date and a link to the original.

use yew::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
use super::raw::raw;
use super::raw::Markup;
use crate::content::content;
use crate::deep_link::href;
use crate::model::{EssayMeta, Part};
use crate::state::{Control, Hidden, View};

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

/// The static page's header (the tagline, and the Share button's place, kept while the app starts so the page does
/// not move when the button comes: never seen, absent without JavaScript, static/css/05-early.css). On start the
/// app keeps these nodes (`crate::adopt`, `use_header`) and sets what its view changes.
pub fn static_header() -> Markup {
    let mut m = Markup::default();
    m.tag(r#"<header class="site-header" data-adopt="header">"#);
    brand(&mut m, true);
    m.tag(r#"<div class="header-actions"><button type="button" class="share-button" data-needs-js="" tabindex="-1" aria-hidden="true">Share / embed</button></div></header>"#);
    m
}

/// The site header of the view: compact in an embed; with the one-line tagline on the overview and the static
/// page; the Share / embed button unless an embed hides it (`open_share` opens the dialog); in an embed, the link
/// to the same view in the full explainer, opened in a new tab. The browser build keeps the page's header
/// (`static_header`) and changes only what differs (`sync`); the native build draws it (render tests).
#[hook]
pub fn use_header(view: &View, static_page: bool, open_share: Callback<()>) -> Html {
    let full_link = view.embed.then(|| {
        href(&View {
            embed: false,
            hidden: Hidden::NONE,
            ..*view
        })
    });
    let now = Shown {
        embed: view.embed,
        tagline: view.part == Part::Overview && !view.embed,
        share: view.shows(Control::Share),
        full_link,
    };
    #[cfg(target_arch = "wasm32")]
    {
        let _ = static_page;
        let el = crate::adopt::use_node("header");
        // The Share button's listener, for the header's life; it calls the latest `open_share`.
        let live = use_mut_ref(|| (open_share.clone(), None::<gloo::events::EventListener>));
        live.borrow_mut().0 = open_share;
        {
            let el = el.clone();
            use_effect_with(now, move |now| {
                if let Some(header) = &el {
                    sync(header, now, &live);
                }
            });
        }
        el.map(|el| Html::VRef(el.into())).unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        if static_page {
            return raw(static_header());
        }
        let mut brand_markup = Markup::default();
        brand(&mut brand_markup, now.tagline);
        html! {
            <header class={classes!("site-header", now.embed.then_some("compact"))}>
                { raw(brand_markup) }
                <div class="header-actions">
                    if let Some(query) = now.full_link {
                        <a class="embed-open" href={query} target="_blank" rel="noopener">
                            <span class="embed-open-long">{ "Open the " }</span>{ "full explainer" }<span class="visually-hidden">{ " (opens in a new tab)" }</span></a>
                    }
                    if now.share {
                        <button type="button" id="share-button" class="share-button" onclick={move |_| open_share.emit(())} aria-haspopup="dialog">{ "Share / embed" }</button>
                    }
                </div>
            </header>
        }
    }
}

/// What the header shows for a view.
#[derive(Clone, PartialEq)]
struct Shown {
    embed: bool,
    tagline: bool,
    share: bool,
    /// The same view in the full explainer (an embed's link).
    full_link: Option<String>,
}

/// Makes the kept header show `now`: each change written once (the effect runs when `now` changes).
#[cfg(target_arch = "wasm32")]
fn sync(header: &web_sys::Element, now: &Shown, live: &ShareListener) {
    header.set_class_name(if now.embed {
        "site-header compact"
    } else {
        "site-header"
    });
    if let Ok(Some(tagline)) = header.query_selector(".tagline") {
        let _ = tagline.toggle_attribute_with_force("hidden", !now.tagline);
    }
    let Ok(Some(actions)) = header.query_selector(".header-actions") else {
        return;
    };
    // The embed's link to the full explainer (static/early.js adds it before the first paint, reading the address
    // as the app does): kept up to date, or taken away.
    if let Ok(Some(open)) = actions.query_selector(".embed-open") {
        match &now.full_link {
            Some(query) => drop(open.set_attribute("href", query)),
            None => open.remove(),
        }
    }
    // The Share button: the page's hidden stand-in (`static_header`, unreachable until now) becomes the app's
    // button the first time, hidden where an embed hides it.
    if let Ok(Some(button)) = actions.query_selector(".share-button") {
        let _ = button.toggle_attribute_with_force("hidden", !now.share);
        if live.borrow().1.is_none() {
            for name in ["data-needs-js", "tabindex", "aria-hidden"] {
                let _ = button.remove_attribute(name);
            }
            let _ = button.set_attribute("id", "share-button");
            let _ = button.set_attribute("aria-haspopup", "dialog");
            let on = live.clone();
            let listener = gloo::events::EventListener::new(&button, "click", move |_| {
                // Not borrowed while the app renders (opening the dialog renders at once).
                let open = on.borrow().0.clone();
                open.emit(());
            });
            live.borrow_mut().1 = Some(listener);
        }
    }
}

/// The latest callback that opens the share dialog, and the Share button's click listener (once it is made).
#[cfg(target_arch = "wasm32")]
type ShareListener =
    std::rc::Rc<std::cell::RefCell<(Callback<()>, Option<gloo::events::EventListener>)>>;

/// The essay's title, author, publisher, date and address, and the tagline (display only: written as markup,
/// `super::raw`).
fn brand(m: &mut Markup, tagline: bool) {
    let c = content();
    let EssayMeta {
        title,
        author,
        publisher,
        date,
        url,
    } = &c.references.essay;
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
        m.tag(r#"<p class="tagline""#)
            .prose(&c.site.tagline)
            .tag("</p>");
    }
    m.tag("</div>");
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_read_as_words() {
        assert_eq!(super::long_date("2024-10-01"), "1 October 2024");
        assert_eq!(super::long_date("n/a"), "n/a");
    }
}
