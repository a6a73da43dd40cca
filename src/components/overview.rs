//! The overview: the essay's thesis in our words, how to use the explainer, and who it is for.

use yew::prelude::*;

use super::PartProps;
use crate::model::Part;

/// The overview part. The browser build that reads its texts from the page keeps the page's own section (an
/// island, `crate::adopt::use_island_node`) with the app's links and toggles in it, and carries no code to draw it.
#[component]
pub fn OverviewPart(props: &PartProps) -> Html {
    #[cfg(all(target_arch = "wasm32", prose_from_page))]
    return use_from_page(crate::deep_link::Within::of(&props.view));
    #[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
    drawn(props, super::use_dispatch(), super::use_static_page())
}

/// The overview as the build draws it (the static page, and the app in tests).
#[cfg(not(all(target_arch = "wasm32", prose_from_page)))]
fn drawn(props: &PartProps, dispatch: Callback<crate::state::Action>, static_page: bool) -> Html {
    use super::rich::rich_text;
    use crate::content::content;
    let c = content();
    let static_page = super::drawn_static(static_page);
    let thesis = c.card("thesis");
    let lead = {
        let lead = &c.site.overview.lead;
        let mut m = super::raw::Markup::default();
        m.tag("<p")
            .attr("data-p", lead.key().as_deref())
            .tag(r#" class="lead">"#)
            .text(lead)
            .tag("</p>");
        super::raw::raw(m)
    };
    let how = c
        .site
        .overview
        .how
        .iter()
        .map(|line| html! { <li data-p={line.key()}>{ rich_text(line) }</li> });
    let audiences = c.site.overview.audiences.iter().map(|a| {
        html! { <div class="audience"><dt>{ a.who }</dt><dd data-p={a.what.key()}>{ a.what.text() }</dd></div> }
    });
    let within = crate::deep_link::Within::of(&props.view);
    // The static page carries the links for JavaScript (`data-app`: hidden without it), so that nothing moves when
    // the app starts; they lead to the parts before it has (static/early.js), and the app keeps them.
    let go = |part: Part, label: &'static str| {
        let onclick = (!static_page).then(|| {
            dispatch.reform(move |e: MouseEvent| {
                e.prevent_default();
                crate::state::Action::Navigate(part)
            })
        });
        html! { <a class="button" href={within.part(part)} {onclick}>{ label }</a> }
    };
    html! {
        <section class="part overview" aria-labelledby={Part::Overview.heading_id()}>
            <super::PartHeading part={Part::Overview} />
            { lead }
            if let Some(card) = thesis {
                <div class="thesis">
                    { super::raw::fixed("<h3>The thesis in brief</h3>") }
                    <p>{ rich_text(&card.summary) }</p>
                    { for card.detail.iter().map(|d| html! { <p>{ rich_text(d) }</p> }) }
                    <super::cite::Cites paragraphs={card.paragraphs} refs={card.refs} />
                </div>
            }
            <p class="start-links" data-app={static_page.then_some("")}>
                { go(Part::Cards, "Explore the cards") }
                { go(Part::Map, "Open the map") }
                { go(Part::Study, "Take the guided tour") }
            </p>
            <div class="overview-guide">
                <h3>{ "How to use this explainer" }</h3>
                <ul class="how">{ for how }</ul>
                <h3>{ "Who it is for" }</h3>
                <dl class="audiences">{ for audiences }</dl>
            </div>
        </section>
    }
}

/// The page's section kept, made the app's: its links lead to the app's views (keeping the embed settings) and act
/// without reloading (one listener), its glossary terms are the app's buttons, and its figures and citations get the
/// app's toggles (`crate::components::cite::use_kept_toggles`).
#[cfg(all(target_arch = "wasm32", prose_from_page))]
#[hook]
fn use_from_page(within: crate::deep_link::Within) -> Html {
    use super::cite::Opens;
    use crate::browser::all_in as all;
    use crate::content::content;
    use crate::state::Action;
    let node = crate::adopt::use_island_node(Part::Overview);
    let dispatch = super::use_dispatch();
    let kept = use_memo((), move |_| {
        let section: web_sys::Element = wasm_bindgen::JsCast::dyn_into(node?).ok()?;
        let mut holes = Vec::new();
        let mut links = Vec::new();
        for a in all(&section, "a") {
            let href = a.get_attribute("href").unwrap_or_default();
            let (to, action) =
                if let Some(part) = href.strip_prefix("?part=").and_then(Part::from_key) {
                    (within.part(part), Action::Navigate(part))
                } else {
                    match crate::prose::inline_markup(
                        a.get_attribute("class").as_deref(),
                        Some(&href),
                        None,
                    ) {
                        Some(("card", id)) => {
                            links.push((a.clone(), super::rich::kept_card_link(&a, id, &within)));
                            continue;
                        }
                        Some((_, id)) => {
                            // A glossary term: the app's button, which opens its definition in place.
                            if let Some(term) = super::rich::kept_term(&a, id) {
                                holes.push(term);
                            }
                            continue;
                        }
                        None => continue,
                    }
                };
            let _ = a.set_attribute("href", &to);
            links.push((a, action));
        }
        super::figure::keep_inline(&section, &mut holes);
        if let (Some(line), Some(card)) = (
            crate::browser::find_in(&section, ".cites-static"),
            content().card("thesis"),
        ) {
            super::cite::kept_cites(&line);
            holes.push((line, Opens::Cites(card.paragraphs, card.refs)));
        }
        let listener = super::rich::follow_kept_links(&section, links, dispatch);
        Some((section, std::rc::Rc::new(holes), listener))
    });
    let k = kept.as_ref().as_ref();
    let toggles = super::cite::use_kept_toggles(
        k.map(|k| k.0.clone()),
        k.map_or_else(Default::default, |k| k.1.clone()),
    );
    let Some((section, ..)) = k else {
        return crate::adopt::missing(Part::Overview);
    };
    html! { <>{ Html::VRef(section.clone().into()) }{ toggles }</> }
}
