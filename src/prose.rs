//! Display-only prose, shipped once. The content's `Prose` fields (card summaries and details, ...) are only
//! displayed, never looked up or computed with, and the pre-rendered page carries most of them, each on an
//! element marked `data-p="N"`. The pre-renderer lists the N it reads back exactly (`prerender` writes the
//! list, scripts/build.sh hands it to build.rs as PROSE_ON_PAGE), and the browser build compiles in only the
//! number N for those, and the text of every other one. On start, [`read_page`] reads them back from the page
//! (the overview from the DOM, the other parts straight from the `<noscript class="static-rest">` text by
//! [`read_html`], without building nodes). On the served site that text is a data block,
//! `<script type="text/html" class="static-rest">`, holding the map part only until static/early-site.js has put
//! the other parts' text in (from `assets/rest.HASH.js`, before the app starts); if that file is missing, their
//! texts read as [`MISSING`]. Native builds (the pre-renderer, tests), the wasm tests and a build without the
//! list compile every text in.
//!
//! Inline markup survives the round trip: the static page draws `[shown](term:ID)` as
//! `<a class="term-link" href="#term-ID">`, `card:` as `<a class="card-link" href="#card-ID">` and `fig:` as
//! `<span data-fig="ID">shown<span> [Source: ..]</span></span>` (the source in brief is a plain `<span>`, styled
//! by `[data-fig] > span`; a figure is known by its `data-fig` and read as its first text); reading turns each
//! back into its markup ([`inline_markup`], [`source_of`]), so the live app's terms, card links and figures
//! work as before. `tests/prose_page.rs` checks the round trip for every text of the page.
//!
//! A text the page lacks (a saved or edited copy, a broken build) reads as [`MISSING`]: never a crash.
//!
//! The single file writes its marks smaller (tools/build/assemble.py): in its `<noscript>` text, a mark that follows
//! the one before as `""` or `"."` ([`mark_number`]), and a figure by its place in the content ([`figure_id`]).

use std::fmt;

use yew::html::IntoPropValue;
use yew::AttrValue;

/// What is shown in place of a text the page did not carry.
pub const MISSING: &str = "This passage could not be read from the page.";

/// What is shown in place of a text still on its way (the served site's other parts' text, requested when a view
/// needs it: [`request_for`]).
pub const LOADING: &str = "Loading…";

/// One display-only text of the content, by number (see the module doc); `Prose(0)` is the empty text.
/// Reads as `str`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Prose(pub u16);

impl Prose {
    /// The text, with its inline markup.
    pub fn text(self) -> &'static str {
        #[cfg(not(prose_from_page))]
        {
            #[cfg(not(target_arch = "wasm32"))]
            needs::note(self.0);
            crate::content::generated::PROSE
                .get(usize::from(self.0))
                .copied()
                .unwrap_or(MISSING)
        }
        #[cfg(prose_from_page)]
        {
            page::text(self.0).unwrap_or_else(page::absent)
        }
    }

    /// The value of the `data-p` attribute that marks the element showing exactly this text on the
    /// pre-rendered page. None in the browser build: the live page's elements are not marked (they draw
    /// terms and figures as controls), so a saved copy of it reads as missing texts, not as wrong ones.
    pub fn key(self) -> Option<AttrValue> {
        (!cfg!(target_arch = "wasm32")).then(|| AttrValue::from(self.0.to_string()))
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

impl From<Prose> for String {
    fn from(p: Prose) -> String {
        p.text().to_string()
    }
}

impl IntoPropValue<yew::virtual_dom::VNode> for Prose {
    fn into_prop_value(self) -> yew::virtual_dom::VNode {
        yew::virtual_dom::VText::new(AttrValue::Static(self.text())).into()
    }
}

impl IntoPropValue<AttrValue> for Prose {
    fn into_prop_value(self) -> AttrValue {
        AttrValue::Static(self.text())
    }
}

/// A checksum of every `Prose` text in order (FNV-1a, 64 bits), written at the top of the pre-renderer's list
/// so that build.rs refuses a list made from other content (the numbers would point at other texts).
pub fn checksum<'a>(texts: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for t in texts {
        for b in t.bytes().chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
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
/// `href` (`a.term-link` `#term-ID`, `a.card-link` `#card-ID`, or `read.html#...` where the served page lacks
/// the target: tools/build/assemble.py) or its `data-fig`. `None`: not markup.
pub fn inline_markup<'a>(
    class: Option<&str>,
    href: Option<&'a str>,
    data_fig: Option<&'a str>,
) -> Option<(&'static str, &'a str)> {
    if let Some(id) = data_fig {
        return Some(("fig", figure_id(id)));
    }
    let classes = class.unwrap_or_default();
    let has = |c: &str| classes.split_ascii_whitespace().any(|x| x == c);
    let href = href?;
    let href = &href[href.find('#')?..];
    if has("term-link") {
        href.strip_prefix("#term-").map(|id| ("term", id))
    } else if has("card-link") {
        href.strip_prefix("#card-").map(|id| ("card", id))
    } else {
        None
    }
}

/// The id of the figure a page's `data-fig` names: as written, or in the single file the figure's place in
/// `content/figures.json` (tools/build/assemble.py's short_figure_ids; no id is a number).
pub fn figure_id(key: &str) -> &str {
    let all = crate::content::content().figures.all;
    key.parse::<usize>()
        .ok()
        .and_then(|n| all.get(n))
        .map_or(key, |f| f.id)
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

/// `&amp;`, `&lt;`, `&#x27;`... in HTML text decoded; an unknown or unfinished entity stays as written.
fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let entity = rest[1..].find(';').map(|end| &rest[1..end + 1]);
        let ch = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => match e.strip_prefix("#x").or_else(|| e.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => e.strip_prefix('#').and_then(|d| d.parse().ok()),
            }
            .and_then(char::from_u32),
        });
        match (ch, entity) {
            (Some(ch), Some(e)) => {
                out.push(ch);
                rest = &rest[e.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// One start tag's attribute, decoded (`None` when absent).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<std::borrow::Cow<'a, str>> {
    let mut rest = tag;
    loop {
        let at = rest.find(name)?;
        let before = rest[..at].chars().next_back();
        let after = &rest[at + name.len()..];
        if before.is_some_and(char::is_whitespace) {
            if let Some(v) = after.strip_prefix("=\"") {
                return v.find('"').map(|end| decode(&v[..end]));
            }
        }
        rest = after;
    }
}

/// HTML elements that have no end tag.
const VOID: [&str; 9] = [
    "br", "img", "input", "meta", "link", "hr", "wbr", "source", "area",
];

/// A mark's number: `N` as written, or, in the single file's `<noscript>` text (tools/build/assemble.py's
/// `short_prose_marks`), after the mark numbered `last`, `""` for the next even number and `"."` for the next odd
/// one. Most marks follow the one before (a card's title, summary, paragraphs), and an empty value costs gzip a
/// fraction of a number; the parity still finds the right number after one lost mark (an edited copy), as a
/// number would.
pub fn mark_number(value: &str, last: Option<usize>) -> Option<usize> {
    let odd = match value {
        "" => 0,
        "." => 1,
        _ => return value.parse().ok(),
    };
    let next = last? + 1;
    Some(next + ((next % 2) ^ odd))
}

/// Reads every element marked `data-p="N"` in server-rendered HTML (the page's `<noscript>` text) as the
/// source text it was drawn from, calling `found(N, text)`; pure, and on bad markup it stops or skips,
/// never panics. `tests/prose_page.rs` runs it over the whole static page against the content.
pub fn read_html(html: &str, mut found: impl FnMut(usize, String)) {
    const MARK: &str = " data-p=\"";
    let mut from = 0;
    let mut last = None;
    while let Some(found_at) = html[from..].find(MARK) {
        let mark = from + found_at;
        from = mark + MARK.len();
        // Inside a start tag (not text that happens to hold the words).
        let Some(open) = html[..mark].rfind('<') else {
            continue;
        };
        if html[open..mark].contains('>') {
            continue;
        }
        let Some(at) = html[from..]
            .find('"')
            .and_then(|end| mark_number(&html[from..from + end], last))
        else {
            continue;
        };
        last = Some(at);
        let Some((text, end)) = read_html_element(html, open) else {
            continue;
        };
        // An empty element carries no text (texts are never empty: `Prose(0)` is not marked).
        if !text.is_empty() {
            found(at, text);
        }
        from = end.max(from);
    }
}

/// The source text of the element whose start tag begins at `html[open]`, and the index past its end tag.
fn read_html_element(html: &str, open: usize) -> Option<(String, usize)> {
    let mut out = String::new();
    // The direct child being read: the markup it stands for, its text so far, its first direct text.
    type Child = (Option<(&'static str, String)>, String, Option<String>);
    let mut child: Option<Child> = None;
    let mut depth = 0usize;
    let mut i = open;
    loop {
        let rest = &html[i..];
        if let Some(tag_body) = rest.strip_prefix('<') {
            let end = tag_body.find('>')?;
            let tag = &tag_body[..end];
            i += end + 2;
            if tag.starts_with('!') {
                continue;
            }
            if tag.starts_with('/') {
                depth = depth.checked_sub(1)?;
                match depth {
                    0 => return Some((out, i)),
                    1 => {
                        if let Some((markup, all, first)) = child.take() {
                            match markup {
                                Some((kind, id)) => {
                                    let shown = if kind == "fig" {
                                        first.unwrap_or_default()
                                    } else {
                                        all
                                    };
                                    out.push_str(&source_of([Piece::Inline {
                                        kind,
                                        id: &id,
                                        shown: &shown,
                                    }]));
                                }
                                None => out.push_str(&all),
                            }
                        }
                    }
                    _ => {}
                }
                continue;
            }
            let name = tag.split(|c: char| c.is_whitespace() || c == '/').next();
            let void = tag.ends_with('/') || name.is_some_and(|n| VOID.contains(&n));
            if depth == 1 && !void {
                let (class, href, fig) = (
                    attribute(tag, "class"),
                    attribute(tag, "href"),
                    attribute(tag, "data-fig"),
                );
                let markup = inline_markup(class.as_deref(), href.as_deref(), fig.as_deref())
                    .map(|(kind, id)| (kind, id.to_string()));
                child = Some((markup, String::new(), None));
            }
            if !void {
                depth += 1;
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = decode(&rest[..end]);
            i += end;
            match (&mut child, depth) {
                (_, 0) => return None,
                (_, 1) => out.push_str(&text),
                (Some((_, all, first)), d) => {
                    if d == 2 && first.is_none() {
                        *first = Some(text.to_string());
                    }
                    all.push_str(&text);
                }
                (None, _) => out.push_str(&text),
            }
            if end == 0 {
                return None;
            }
        }
    }
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
/// `<noscript class="static-rest">`, or the served site's data block of that class) into the store
/// `Prose::text` reads. Call before the first render replaces the page. Does nothing where the texts are
/// compiled in.
#[cfg(target_arch = "wasm32")]
pub fn read_page(root: &web_sys::Element, rest: Option<&str>) {
    #[cfg(prose_from_page)]
    page::read(root, rest);
    #[cfg(not(prose_from_page))]
    let _ = (root, rest);
}

/// Whether the texts a view needs are in: on the served site the overview's are on the page (with the few it
/// shares with other parts), a map view's come with the map part's file (static/early-site.js), and every other
/// part (and the tour's panel) needs the other parts' text. Also true once they cannot come (their texts then
/// read as [`MISSING`]), and always where the texts are compiled in or the page carried them all.
pub fn ready_for(part: crate::model::Part, touring: bool) -> bool {
    #[cfg(prose_from_page)]
    return page::need(part, touring).is_none_or(page::have);
    #[cfg(not(prose_from_page))]
    {
        let _ = (part, touring);
        true
    }
}

/// Requests the texts a view needs (once; [`ready_for`]). Components that use [`use_texts_while`] are drawn again
/// when they come.
pub fn request_for(part: crate::model::Part, touring: bool) {
    #[cfg(prose_from_page)]
    if let Some(what) = page::need(part, touring) {
        page::request(what);
    }
    #[cfg(not(prose_from_page))]
    let _ = (part, touring);
}

/// While `on` (a term's definition, a figure's source, citations: opened; the app, always), draws the component
/// again when texts still on their way come (a text it showed as [`LOADING`], a part waiting for its texts).
#[cfg(prose_from_page)]
#[yew::hook]
pub fn use_texts_while(on: bool) {
    let update = yew::functional::use_force_update();
    yew::functional::use_effect_with(on, move |&on| {
        let id = (on && !page::have(page::ALL))
            .then(|| page::watch(std::rc::Rc::new(move || update.force_update())));
        move || id.into_iter().for_each(page::unwatch)
    });
}

/// While `on`, draws the component again when texts still on their way come (nothing to wait for here).
#[cfg(not(prose_from_page))]
#[yew::hook]
pub fn use_texts_while(on: bool) {
    let _ = on;
}

#[cfg(prose_from_page)]
mod page {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use wasm_bindgen::{closure::Closure, JsCast, JsValue};

    use crate::model::Part;

    /// The map part's texts are in.
    pub const MAP: u8 = 1;
    /// Every part's texts are in, or all that will come.
    pub const ALL: u8 = 2;
    const ASKED_MAP: u8 = 4;
    const ASKED_ALL: u8 = 8;

    /// A component to draw again when texts come, by id.
    type Watcher = (u32, Rc<dyn Fn()>);

    thread_local! {
        /// The texts read from the page, by number.
        static STORE: RefCell<Vec<Option<&'static str>>> = const { RefCell::new(Vec::new()) };
        /// What is in and what has been asked for (MAP, ALL, ASKED_*).
        static HAVE: Cell<u8> = const { Cell::new(0) };
        /// Who to draw again when texts come.
        static WATCHERS: RefCell<Vec<Watcher>> = const { RefCell::new(Vec::new()) };
    }

    pub fn text(at: u16) -> Option<&'static str> {
        STORE.with(|s| s.borrow().get(usize::from(at)).copied().flatten())
    }

    pub fn have(what: u8) -> bool {
        HAVE.with(|h| h.get() & what != 0)
    }

    fn add(what: u8) {
        HAVE.with(|h| h.set(h.get() | what));
    }

    /// A text the store lacks: missing once every part's text is in (or cannot come); until then on its way,
    /// and asked for.
    pub fn absent() -> &'static str {
        if have(ALL) {
            super::MISSING
        } else {
            request(ALL);
            super::LOADING
        }
    }

    pub fn need(part: Part, touring: bool) -> Option<u8> {
        match part {
            _ if touring => Some(ALL),
            Part::Overview => None,
            Part::Map => Some(MAP),
            _ => Some(ALL),
        }
    }

    /// What a page text holds: every part's (ALL | MAP: the last part, which only the rest file and the single file's
    /// block carry), the map part's (MAP: its outlines, which only that part carries whole), or neither.
    fn parts_in(text: &str) -> u8 {
        if text.contains("aria-labelledby=\"part-sources\"") {
            ALL | MAP
        } else if text.contains(" data-geo=\"") {
            MAP
        } else {
            0
        }
    }

    fn read_marked(list: &web_sys::NodeList, store: &mut [Option<&'static str>]) {
        let mut last = None;
        for el in crate::browser::elements(list) {
            let Some(at) = el
                .get_attribute("data-p")
                .and_then(|k| super::mark_number(&k, last))
            else {
                continue;
            };
            last = Some(at);
            if let Some(slot @ None) = store.get_mut(at) {
                *slot = Some(Box::leak(super::read_element(&el).into_boxed_str()));
            }
        }
    }

    fn read_text(text: &str, store: &mut [Option<&'static str>]) {
        super::read_html(text, |at, t| {
            if let Some(slot @ None) = store.get_mut(at) {
                *slot = Some(Box::leak(t.into_boxed_str()));
            }
        });
    }

    pub fn read(root: &web_sys::Element, rest: Option<&str>) {
        let mut store = vec![None; super::COUNT];
        // The texts the page does not give back are compiled in (build.rs), one after another in one string.
        use crate::content::generated::{PROSE_KEPT_AT, PROSE_KEPT_END, PROSE_KEPT_TEXT};
        let mut from = 0;
        for (&at, &end) in PROSE_KEPT_AT.iter().zip(PROSE_KEPT_END) {
            let end = usize::from(end);
            if let Some(slot) = store.get_mut(usize::from(at)) {
                *slot = PROSE_KEPT_TEXT.get(from..end);
            }
            from = end;
        }
        // The parts after the overview, kept as text in <noscript> while JavaScript runs: read from that text
        // as it is, without building their nodes (`crate::app::mount` copies it into the wasm once, for this
        // and the map's outlines). On the served site that text holds what has come so far (the map part's
        // heading and the texts the first view shares with other parts; a deep link's part; every part), and
        // the rest is read when it comes (`request`).
        // From the DOM, only the overview, the header and the footer (a deep-linked part that static/early.js
        // showed is in the text too, and walking its nodes costs more); all of it if the page has no <noscript>
        // text.
        let in_dom = if rest.is_some() {
            ":is(.overview, .site-header, .site-footer) [data-p]"
        } else {
            "[data-p]"
        };
        match rest {
            Some(rest) => {
                read_text(rest, &mut store);
                add(parts_in(rest));
            }
            None => add(ALL | MAP),
        }
        if let Ok(list) = root.query_selector_all(in_dom) {
            read_marked(&list, &mut store);
        }
        STORE.with(|s| *s.borrow_mut() = store);
    }

    /// Asks static/early-site.js for the map part's file (MAP) or every part's (ALL), once; reads their texts
    /// and outlines when they have come, and draws the watchers again.
    pub fn request(what: u8) {
        let asked = if what == MAP { ASKED_MAP } else { ASKED_ALL };
        if have(what) || have(asked) {
            return;
        }
        add(asked);
        let (name, arg) = if what == MAP {
            ("__charmPart", JsValue::from_str("map"))
        } else {
            ("__charmRest", JsValue::UNDEFINED)
        };
        let promise = web_sys::window().and_then(|w| {
            let f = js_sys::Reflect::get(&w, &JsValue::from_str(name)).ok()?;
            let f = f.dyn_ref::<js_sys::Function>()?;
            f.call1(&w, &arg).ok()?.dyn_into::<js_sys::Promise>().ok()
        });
        let done = Closure::once(move |_: JsValue| arrived(what));
        match promise {
            Some(p) => {
                let _ = p.then(&done);
            }
            // Nothing can come (a saved copy of the page): in a task of its own, not inside a render.
            None => {
                let _ = js_sys::Promise::resolve(&JsValue::UNDEFINED).then(&done);
            }
        }
        done.forget();
    }

    fn arrived(what: u8) {
        let text = crate::browser::document()
            .and_then(|d| d.query_selector(".static-rest").ok().flatten())
            .and_then(|n| n.text_content());
        if let Some(text) = &text {
            STORE.with(|s| read_text(text, &mut s.borrow_mut()));
            add(parts_in(text));
            crate::geo::read_more(text);
            crate::adopt::keep_islands_from(text);
        }
        if what == ALL {
            // All that will come: what is still lacking reads as missing.
            add(ALL | MAP);
        } else if !have(MAP) {
            // No map part's file: every part's text has the map part too.
            request(ALL);
        }
        let watchers: Vec<Rc<dyn Fn()>> =
            WATCHERS.with(|w| w.borrow().iter().map(|(_, f)| f.clone()).collect());
        for f in watchers {
            f();
        }
    }

    pub fn watch(f: Rc<dyn Fn()>) -> u32 {
        thread_local! {
            static NEXT: Cell<u32> = const { Cell::new(0) };
        }
        let id = NEXT.with(|n| {
            n.set(n.get() + 1);
            n.get()
        });
        WATCHERS.with(|w| w.borrow_mut().push((id, f)));
        id
    }

    pub fn unwatch(id: u32) {
        WATCHERS.with(|w| w.borrow_mut().retain(|(k, _)| *k != id));
    }
}

/// The display-only texts a render reads, noted between [`needs::start`] and [`needs::take`]: the pre-renderer lists those of the
/// served site's first views, whose markup tools/build/assemble.py then puts where those views find them.
#[cfg(not(target_arch = "wasm32"))]
pub mod needs {
    use std::cell::RefCell;
    use std::collections::BTreeSet;

    thread_local! {
        static NOTED: RefCell<Option<BTreeSet<u16>>> = const { RefCell::new(None) };
    }

    pub(super) fn note(at: u16) {
        NOTED.with(|n| {
            if let Some(set) = n.borrow_mut().as_mut() {
                set.insert(at);
            }
        });
    }

    /// Starts noting (clearing what was noted).
    pub fn start() {
        NOTED.with(|n| *n.borrow_mut() = Some(BTreeSet::new()));
    }

    /// Stops noting; what was noted since [`start`], in order.
    pub fn take() -> Vec<u16> {
        NOTED.with(|n| {
            n.borrow_mut()
                .take()
                .unwrap_or_default()
                .into_iter()
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_mark_is_the_next_number_of_its_parity() {
        assert_eq!(mark_number("41", None), Some(41));
        assert_eq!(mark_number("41", Some(7)), Some(41));
        assert_eq!(mark_number("", None), None);
        assert_eq!(mark_number(".", Some(40)), Some(41));
        assert_eq!(mark_number("", Some(41)), Some(42));
        // One mark before it lost: the parity skips its number.
        assert_eq!(mark_number(".", Some(39)), Some(41));
        assert_eq!(mark_number("", Some(40)), Some(42));
        assert_eq!(mark_number("x", Some(40)), None);
        let mut read = Vec::new();
        read_html(
            r#"<p data-p="7">a</p><p data-p="">b</p><p data-p=".">c</p><p data-gone="">d</p><p data-p=".">e</p>"#,
            |at, text| read.push((at, text)),
        );
        let want = [(7, "a"), (8, "b"), (9, "c"), (11, "e")];
        assert_eq!(read, want.map(|(at, t)| (at, t.to_string())));
    }

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
        // The single file names a figure by its place in the content.
        let first = crate::content::content().figures.all[0].id;
        assert_eq!(inline_markup(None, None, Some("0")), Some(("fig", first)));
        assert_eq!(inline_markup(Some("other"), Some("#term-x"), None), None);
        assert_eq!(
            inline_markup(Some("term-link"), Some("#card-x"), None),
            None
        );
        assert_eq!(
            inline_markup(Some("term-link"), Some("read.html#term-sco"), None),
            Some(("term", "sco"))
        );
        assert_eq!(
            inline_markup(Some("card-link"), Some("read.html#card-bri"), None),
            Some(("card", "bri"))
        );
        assert_eq!(inline_markup(Some("term-link"), Some("term-x"), None), None);
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
