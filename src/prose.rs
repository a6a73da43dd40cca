//! Display-only prose, shipped once. The content's `Prose` fields (card summaries and details, ...) are only
//! displayed, never looked up or computed with, and the pre-rendered page already carries every one of them,
//! each on an element marked `data-p="N"`. So the browser build (wasm32, release) compiles in only the number
//! N: on start, [`read_page`] reads the texts back from the page (the overview in the DOM, the other parts
//! from the `<noscript class="static-rest">` text, parsed once into an inert `<template>`). Native builds
//! (the pre-renderer, tests) and the wasm tests compile the texts in.
//!
//! Inline markup survives the round trip: the static page draws `[shown](term:ID)` as
//! `<a class="term-link" href="#term-ID">`, `card:` as `<a class="card-link" href="#card-ID">` and `fig:` as
//! `<span class="figure inline" data-fig="ID">shown<span class="source-brief">..</span></span>`; reading
//! turns each back into its markup ([`inline_markup`], [`source_of`]), so the live app's terms, card links
//! and figures work as before. `tests/prose_page.rs` checks the round trip for every text of the page.
//!
//! A text the page lacks (a saved or edited copy, a broken build) reads as [`MISSING`]: never a crash.

use std::fmt;

use yew::html::IntoPropValue;
use yew::AttrValue;

/// What is shown in place of a text the page did not carry.
pub const MISSING: &str = "This passage could not be read from the page.";

/// One display-only text of the content, by number (see the module doc). Reads as `str`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Prose(pub u16);

impl Prose {
    /// The text, with its inline markup.
    pub fn text(self) -> &'static str {
        #[cfg(not(prose_from_page))]
        {
            crate::content::generated::PROSE
                .get(usize::from(self.0))
                .copied()
                .unwrap_or(MISSING)
        }
        #[cfg(prose_from_page)]
        {
            page::text(self.0).unwrap_or(MISSING)
        }
    }

    /// The value of the `data-p` attribute that marks the element showing exactly this text.
    pub fn key(self) -> AttrValue {
        AttrValue::from(self.0.to_string())
    }
}

impl std::ops::Deref for Prose {
    type Target = str;
    fn deref(&self) -> &str {
        self.text()
    }
}

impl AsRef<str> for Prose {
    fn as_ref(&self) -> &str {
        self.text()
    }
}

impl fmt::Debug for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.text(), f)
    }
}

impl fmt::Display for Prose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

impl IntoPropValue<AttrValue> for Prose {
    fn into_prop_value(self) -> AttrValue {
        AttrValue::Static(self.text())
    }
}

/// How many `Prose` texts the content has.
pub const COUNT: usize = crate::content::generated::PROSE_COUNT;

/// One piece of a rendered text, as read back: plain text, or an inline element drawn from markup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// `[shown](kind:id)`.
    Inline {
        kind: &'static str,
        id: &'a str,
        shown: &'a str,
    },
}

/// The markup an inline element of the static page was drawn from, as `(kind, id)`: from its class and
/// `href` (`a.term-link` `#term-ID`, `a.card-link` `#card-ID`) or its `data-fig`. `None`: not markup.
pub fn inline_markup<'a>(
    class: Option<&str>,
    href: Option<&'a str>,
    data_fig: Option<&'a str>,
) -> Option<(&'static str, &'a str)> {
    if let Some(id) = data_fig {
        return Some(("fig", id));
    }
    let classes = class.unwrap_or_default();
    let has = |c: &str| classes.split_ascii_whitespace().any(|x| x == c);
    let href = href?;
    if has("term-link") {
        href.strip_prefix("#term-").map(|id| ("term", id))
    } else if has("card-link") {
        href.strip_prefix("#card-").map(|id| ("card", id))
    } else {
        None
    }
}

/// The source text (with markup) of a rendered text's pieces. Pure.
pub fn source_of<'a>(pieces: impl IntoIterator<Item = Piece<'a>>) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Inline { kind, id, shown } => {
                out.push('[');
                out.push_str(shown);
                out.push_str("](");
                out.push_str(kind);
                out.push(':');
                out.push_str(id);
                out.push(')');
            }
        }
    }
    out
}

/// The source text of the rendered text inside `el` (the element marked `data-p`).
#[cfg(target_arch = "wasm32")]
pub fn read_element(el: &web_sys::Element) -> String {
    use wasm_bindgen::JsCast;
    let children = el.child_nodes();
    let mut owned: Vec<(Option<(&'static str, String)>, String)> = Vec::new();
    for i in 0..children.length() {
        let Some(node) = children.item(i) else {
            continue;
        };
        let Some(child) = node.dyn_ref::<web_sys::Element>() else {
            // Text (comments carry none: Yew's static page has no comments inside a text).
            if node.node_type() == web_sys::Node::TEXT_NODE {
                owned.push((None, node.text_content().unwrap_or_default()));
            }
            continue;
        };
        let (class, href, fig) = (
            child.get_attribute("class"),
            child.get_attribute("href"),
            child.get_attribute("data-fig"),
        );
        match inline_markup(class.as_deref(), href.as_deref(), fig.as_deref()) {
            Some((kind, id)) => {
                // A figure shows its words first, then its source in brief.
                let shown = if kind == "fig" {
                    child.first_child().and_then(|n| n.text_content())
                } else {
                    child.text_content()
                };
                owned.push((Some((kind, id.to_string())), shown.unwrap_or_default()));
            }
            None => owned.push((None, child.text_content().unwrap_or_default())),
        }
    }
    source_of(owned.iter().map(|(markup, text)| match markup {
        Some((kind, id)) => Piece::Inline {
            kind,
            id,
            shown: text,
        },
        None => Piece::Text(text),
    }))
}

/// Reads every marked text of the pre-rendered page in `root` (and in the parts waiting in
/// `<noscript class="static-rest">`) into the store `Prose::text` reads. Call before the first render
/// replaces the page. Does nothing where the texts are compiled in.
#[cfg(target_arch = "wasm32")]
pub fn read_page(root: &web_sys::Element) {
    #[cfg(prose_from_page)]
    page::read(root);
    #[cfg(not(prose_from_page))]
    let _ = root;
}

#[cfg(prose_from_page)]
mod page {
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;

    thread_local! {
        /// The texts read from the page, by number.
        static STORE: RefCell<Vec<Option<&'static str>>> = const { RefCell::new(Vec::new()) };
    }

    pub fn text(at: u16) -> Option<&'static str> {
        STORE.with(|s| s.borrow().get(usize::from(at)).copied().flatten())
    }

    fn read_marked(list: &web_sys::NodeList, store: &mut [Option<&'static str>]) {
        for i in 0..list.length() {
            let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let Some(at) = el
                .get_attribute("data-p")
                .and_then(|k| k.parse::<usize>().ok())
            else {
                continue;
            };
            if let Some(slot @ None) = store.get_mut(at) {
                *slot = Some(Box::leak(super::read_element(&el).into_boxed_str()));
            }
        }
    }

    pub fn read(root: &web_sys::Element) {
        let mut store = vec![None; super::COUNT];
        if let Ok(list) = root.query_selector_all("[data-p]") {
            read_marked(&list, &mut store);
        }
        // The other parts, kept as text in <noscript> while JavaScript runs: parsed inert, once.
        let rest = crate::browser::document()
            .and_then(|d| d.query_selector("noscript.static-rest").ok().flatten());
        if let Some(rest) = rest {
            let holder = crate::browser::document()
                .and_then(|d| d.create_element("template").ok())
                .and_then(|t| t.dyn_into::<web_sys::HtmlTemplateElement>().ok());
            if let Some(holder) = holder {
                holder.set_inner_html(&rest.text_content().unwrap_or_default());
                if let Ok(list) = holder.content().query_selector_all("[data-p]") {
                    read_marked(&list, &mut store);
                }
            }
        }
        STORE.with(|s| *s.borrow_mut() = store);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_elements_give_back_their_markup() {
        assert_eq!(
            inline_markup(Some("term-link"), Some("#term-soft-power"), None),
            Some(("term", "soft-power"))
        );
        assert_eq!(
            inline_markup(Some("card-link"), Some("#card-sco"), None),
            Some(("card", "sco"))
        );
        assert_eq!(
            inline_markup(Some("figure inline"), None, Some("xian-pledge-2023")),
            Some(("fig", "xian-pledge-2023"))
        );
        assert_eq!(inline_markup(Some("other"), Some("#term-x"), None), None);
        assert_eq!(
            inline_markup(Some("term-link"), Some("#card-x"), None),
            None
        );
        assert_eq!(inline_markup(None, None, None), None);
    }

    #[test]
    fn pieces_join_into_the_source() {
        let pieces = [
            Piece::Text("China uses "),
            Piece::Inline {
                kind: "term",
                id: "soft-power",
                shown: "soft power",
            },
            Piece::Text(" [sic] via "),
            Piece::Inline {
                kind: "fig",
                id: "f1",
                shown: "$3.7 billion",
            },
        ];
        assert_eq!(
            source_of(pieces),
            "China uses [soft power](term:soft-power) [sic] via [$3.7 billion](fig:f1)"
        );
    }
}
