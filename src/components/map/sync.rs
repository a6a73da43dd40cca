//! The browser build's map part: the page's own nodes (the map, its legend, the controls above it, the list of
//! republics), kept when the app starts (`crate::adopt::keep`, `crate::app::mount`) or, where the page had none
//! (another part opened first), built once from the same markup; then brought up to date by writing what
//! differs, as d3 would: a layer switch writes a few attributes and texts on the same nodes (no virtual DOM to
//! build and compare). One listener per block handles every button in it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::region_map::{fill_of, focus_shape, on_republic_key, shape_id};
use super::{accessible_name, shape};
use crate::browser::{all_in as all, find_in as one};
use crate::data::{population_year, shades, slice};
use crate::model::{fixed, CountryId, Layer};
use crate::state::{Action, AppState, View};

/// Sets an attribute to `value` (removes it for `None`) where it differs: an unchanged value is not written.
pub fn set(el: &Element, name: &str, value: Option<&str>) {
    match value {
        Some(v) if el.get_attribute(name).as_deref() != Some(v) => {
            let _ = el.set_attribute(name, v);
        }
        None if el.has_attribute(name) => {
            let _ = el.remove_attribute(name);
        }
        _ => {}
    }
}

/// Makes `el`'s text read `text`, writing its one text node's data where it has one: replacing the node (as
/// `textContent` does) inserts a node, which has the browser check the page's `:has()` rules up to the root
/// (restyling `html` and `.shell` on every layer switch: about 0.18 ms for the five values).
pub fn set_text(el: &Element, text: &str) {
    match el.first_child() {
        Some(t) if t.node_type() == web_sys::Node::TEXT_NODE && t.next_sibling().is_none() => {
            if t.node_value().as_deref() != Some(text) {
                t.set_node_value(Some(text));
            }
        }
        _ => {
            if el.text_content().as_deref() != Some(text) {
                el.set_text_content(Some(text));
            }
        }
    }
}

/// HTML markup's first element (not in the page).
pub fn parse(markup: &str) -> Option<Element> {
    let holder = crate::browser::document()?.create_element("div").ok()?;
    holder.set_inner_html(markup);
    holder.first_element_child()
}

/// Makes `old` (on the page) read as `new` (parsed, not on the page): an element of the same name is kept and
/// its attributes and children brought up to date, a text changed in place; what differs in kind is inserted
/// (taken from `new`) or removed. Focus stays on a kept element.
pub fn morph(old: &Element, new: &Element) {
    // The same already (compared by the browser, with no strings handed over): nothing to write.
    if old.is_equal_node(Some(new)) {
        return;
    }
    let names = |el: &Element| -> Vec<String> {
        el.get_attribute_names()
            .iter()
            .filter_map(|n| n.as_string())
            .collect()
    };
    for name in names(new) {
        set(old, &name, new.get_attribute(&name).as_deref());
    }
    for name in names(old) {
        if !new.has_attribute(&name) {
            let _ = old.remove_attribute(&name);
        }
    }
    let mut at = old.first_child();
    let mut next = new.first_child();
    while let Some(n) = next {
        next = n.next_sibling();
        // A keyed element (the data panel's comparisons and table rows): its own node, moved into place, else a new one.
        if let Some(k) = key(&n) {
            if at.as_ref().and_then(key).as_deref() != Some(k.as_str()) {
                let mut find = at.clone();
                while let Some(f) = find
                    .clone()
                    .filter(|f| key(f).as_deref() != Some(k.as_str()))
                {
                    find = f.next_sibling();
                }
                match find {
                    Some(f) => {
                        let _ = old.insert_before(&f, at.as_ref());
                        at = Some(f);
                    }
                    None => {
                        let _ = old.insert_before(&n, at.as_ref());
                        continue;
                    }
                }
            }
        }
        match at.clone() {
            Some(o) if o.node_name() == n.node_name() => {
                match (o.dyn_ref::<Element>(), n.dyn_ref::<Element>()) {
                    (Some(o), Some(n)) => morph(o, n),
                    _ => {
                        if o.node_value() != n.node_value() {
                            o.set_node_value(n.node_value().as_deref());
                        }
                    }
                }
                at = o.next_sibling();
            }
            // Another kind of node: the new one goes in before it (the old one is compared with the next).
            Some(o) => {
                let _ = old.insert_before(&n, Some(&o));
            }
            None => {
                let _ = old.append_child(&n);
            }
        }
    }
    while let Some(o) = at {
        at = o.next_sibling();
        let _ = old.remove_child(&o);
    }
}

/// The attributes that carry a child's key for `morph` (read by `key`): `patch` never writes one in place.
const KEY_ATTRS: [&str; 3] = ["data-compare", "data-country", "data-figure"];

/// Whether an attribute carries a child's key for `morph` (`key`).
fn key_attr(name: &str) -> bool {
    KEY_ATTRS.contains(&name)
}

/// A child's key for `morph`: a comparison's id; a table row's republic (the row on the map: a switch rewrites the
/// five in place) or, for a republic's further rows, its figure.
fn key(node: &web_sys::Node) -> Option<String> {
    let [compare, country, figure] = KEY_ATTRS;
    let el = node.dyn_ref::<Element>()?;
    if let Some(id) = el.get_attribute(compare) {
        return Some(id);
    }
    if el.tag_name() != "TR" {
        return None;
    }
    match el.matches(".off-map") {
        Ok(true) => el.get_attribute(figure),
        _ => el.get_attribute(country),
    }
}

/// A block brought up to date from markup: the markup last written (nothing is parsed or compared while it
/// is the same).
pub struct Block {
    pub el: Element,
    last: RefCell<String>,
    /// The elements in the block, in the page's order, as `patch` last found them: kept while only `patch` writes
    /// (the same elements), found again after a `morph`.
    els: RefCell<Option<Vec<Element>>>,
}

impl Block {
    pub fn new(el: Element) -> Self {
        Block {
            el,
            last: RefCell::default(),
            els: RefCell::default(),
        }
    }

    /// Makes the block read as `markup` (its own element's start tag included): where it differs from the markup
    /// last written only in attribute values and in texts alone in their element (a layer switch's controls), by
    /// writing those alone, with no parse and no walk of the DOM (`patch`); else by `morph`.
    pub fn show(&self, markup: String) {
        let last = self.last.replace(String::new());
        if last != markup && patch(&self.el, &self.els, &last, &markup).is_none() {
            self.els.take();
            if let Some(new) = parse(&markup) {
                morph(&self.el, &new);
            }
        }
        *self.last.borrow_mut() = markup;
    }
}

/// Makes `el`, which reads as markup `old` (`crate::components::raw::Markup`'s: values quoted; `<`, `>` and `"`
/// escaped), read as `new` by writing only the attribute values and the texts alone in their element that differ,
/// if that is all that differs (the same elements with the same attributes, no key changed: `key`; no `&` in what
/// changed). `None`, with nothing written, otherwise.
fn patch(el: &Element, els: &RefCell<Option<Vec<Element>>>, old: &str, new: &str) -> Option<()> {
    // What to write: the element's place (`el` the first, then the others in the page's order), an attribute's
    // name ("": its text) and the value.
    let mut writes = Vec::new();
    let (mut a, mut b) = (old, new);
    let mut n = 0;
    // Each step: a tag, and the text after it.
    while let Some((_, y)) = b.split_once('<') {
        let (xt, x) = a.split_once('<')?.1.split_once('>')?;
        let (yt, y) = y.split_once('>')?;
        let (xs, x) = x.split_at(x.find('<').unwrap_or(x.len()));
        let (ys, y) = y.split_at(y.find('<').unwrap_or(y.len()));
        let start = !yt.starts_with('/');
        n += u32::from(start);
        if xt != yt {
            let (mut xv, mut yv) = (xt, yt);
            while let Some((names, rest)) = yv.split_once('"') {
                let (xn, xr) = xv.split_once('"')?;
                let ((v, xr), (w, rest)) = (xr.split_once('"')?, rest.split_once('"')?);
                let attr = names.split(' ').next_back()?.strip_suffix('=')?;
                (xn == names && !key_attr(attr) && !w.contains('&')).then_some(())?;
                if v != w {
                    writes.push((n, attr, w));
                }
                (xv, yv) = (xr, rest);
            }
            (xv == yv).then_some(())?;
        }
        if xs != ys {
            // Alone in its element: its end tag follows.
            let tag = yt.split(' ').next()?;
            let end = y.strip_prefix("</")?.strip_prefix(tag)?;
            (start && end.starts_with('>') && !ys.contains('&')).then_some(())?;
            writes.push((n, "", ys));
        }
        (a, b) = (x, y);
    }
    let mut els = els.borrow_mut();
    let els = els.get_or_insert_with(|| all(el, "*"));
    (a.is_empty() && els.len() + 1 == n as usize).then_some(())?;
    for (n, attr, value) in writes {
        let target = match n {
            1 => el,
            n => els.get(n as usize - 2)?,
        };
        if attr.is_empty() {
            set_text(target, value);
        } else {
            let _ = target.set_attribute(attr, value);
        }
    }
    Some(())
}

/// The map part's kept nodes and what the listeners read: the latest view and dispatcher, the republic holding
/// the tab stop, the one focused.
pub struct Live {
    pub figure: Element,
    pub caption: Option<Element>,
    /// The page's notes under the map (`#map-notes`), where the app keeps them.
    pub notes: Option<Element>,
    pub controls: Element,
    pub list: Element,
    republics: Vec<(CountryId, Element)>,
    labels: Vec<Element>,
    outlines: [Option<Element>; 2],
    legend: Option<Block>,
    controls_block: Block,
    /// The controls' markup for the views shown lately (by `controls_key` of the view and of the one its live region
    /// reads): a switch back makes none anew.
    controls_made: RefCell<Vec<((View, View), String)>>,
    list_block: Block,
    view: Cell<View>,
    /// The view the app last had shown (`show`). The republics' names and data are its; a press shows its own view
    /// on the map before, names aside (`emit`).
    shown: Cell<Option<View>>,
    dispatch: RefCell<Callback<Action>>,
    active: Cell<CountryId>,
    focused: Cell<Option<CountryId>>,
    /// Presses shown on the map and the controls but not yet handed to the app (`emit`).
    waiting: Rc<Waiting>,
    /// Hands `waiting` to the app once the reader pauses.
    hand_over: crate::browser::AfterPause,
}

/// What presses shown before the app knows of them leave to do (`Live::emit`).
#[derive(Default)]
struct Waiting {
    /// The view they lead to (they change only the layer, period and per person).
    view: Cell<Option<View>>,
    /// The legend's caption, the list and the table, where this marked them busy (they show the app's view, older
    /// than the map's).
    marked: RefCell<Vec<Element>>,
    /// The view the app last rendered the map part with.
    app_view: Cell<View>,
}

impl Waiting {
    /// Hands the app the view the presses lead to. Where that is its view already (a switch and back), it has
    /// nothing to render, and the busy marks set for the blocks below the map go (they show that view).
    fn hand_over(&self, dispatch: &Callback<Action>) {
        let Some(view) = self.view.take() else { return };
        let marked = self.marked.take();
        if view == self.app_view.get() {
            for el in &marked {
                let _ = el.remove_attribute("aria-busy");
            }
        } else {
            dispatch.emit(Action::Restore(view));
        }
    }
}

impl Live {
    /// The page's nodes kept at start (`crate::app::mount`), else built.
    fn take(view: &View, dispatch: Callback<Action>) -> Option<Rc<Live>> {
        let kept = |key: &str, markup: &dyn Fn() -> String| {
            crate::adopt::take(key).or_else(|| parse(&markup()))
        };
        let figure = kept(".map-figure", &super::region_map::figure_markup)?;
        let controls = kept(".data-controls", &|| {
            r#"<div class="data-controls"></div>"#.into()
        })?;
        let list = kept(".country-list", &|| {
            r#"<div class="country-list"></div>"#.into()
        })?;
        // The notes under the map: the page's, made the app's (`super::places::use_kept_notes`); the build with its texts
        // compiled in draws its own (`super::places::MapNotes`, a portal).
        let notes = one(&figure, "#map-notes");
        #[cfg(not(prose_from_page))]
        let notes: Option<Element> = {
            if let Some(notes) = notes {
                notes.remove();
            }
            None
        };
        let republics = CountryId::ALL
            .iter()
            .filter(|&&c| shape(c).is_some())
            .copied()
            .zip(all(&figure, ".republics > .republic"))
            .collect::<Vec<_>>();
        // From images to buttons: the roving tab stop and the names follow (`sync_map`).
        for (c, g) in &republics {
            set(g, "id", Some(&shape_id(*c)));
            set(g, "role", Some("button"));
        }
        let caption = one(&figure, "figcaption");
        Some(Rc::new(Live {
            republics,
            labels: all(&figure, ".labels > .republic-label"),
            outlines: [
                one(&figure, ".outline.selected"),
                one(&figure, ".outline.focused"),
            ],
            legend: one(&figure, ".legend").map(Block::new),
            controls_block: Block::new(controls.clone()),
            controls_made: RefCell::default(),
            list_block: Block::new(list.clone()),
            figure,
            caption,
            notes,
            controls,
            list,
            view: Cell::new(*view),
            shown: Cell::new(None),
            dispatch: RefCell::new(dispatch),
            active: Cell::new(view.country.unwrap_or(CountryId::ALL[0])),
            focused: Cell::new(None),
            waiting: Rc::new(Waiting {
                app_view: Cell::new(*view),
                ..Waiting::default()
            }),
            hand_over: crate::browser::AfterPause::default(),
        }))
    }

    /// Acts on a press: the map shows the new view at once, as d3 would (the app's reducer says what it is), and the
    /// app's render, in a microtask before the frame, finds it up to date and writes the rest (`show`), the
    /// republics' names and data among it (`sync_map`).
    ///
    /// A layer, period or per-person press while nothing else in sight shows the view (the legend and the list start
    /// below the fold, `below_fold`, and the table after them; no republic's profile, no tour) is shown on the map
    /// and the controls here, and handed to the app only once the reader pauses (`hand_over`): a burst of switches
    /// then costs one render of the app, after the last, and none in the frames that show them; the legend, the list
    /// and the table are marked busy meanwhile, and so do the republics' names and data, which no one sees, and the
    /// live region's words, which only a screen reader reads, once the burst is over (with the main thread 4x slower:
    /// click to changed DOM 4.7 -> 3.7 ms, median of 320 switches; the switch's main-thread work 23.4 -> 21.3 ms, its
    /// frame's layout 2.6 -> 1.8 ms without the hidden words' new line). Any other press, and a click, key, focus or
    /// pointer outside the controls, a scroll or Back, first hands over what waits (`listen`), so the app never acts
    /// on an older view than the reader sees.
    fn emit(&self, action: Action) {
        let now = self.view.get();
        let next = Rc::new(AppState {
            view: now,
            ..AppState::default()
        })
        .reduce(action.clone())
        .view;
        let control = matches!(
            action,
            Action::SetLayer(_) | Action::SetYear(_) | Action::SetPerPerson(_)
        );
        let below = self.caption.as_ref().filter(|caption| {
            next != now
                && control
                && (now.country, now.step) == (None, None)
                && below_fold(caption, &self.list)
        });
        if next != now {
            self.view.set(next);
            self.sync_map(&next, false);
        }
        if let Some(caption) = below {
            // The live region keeps reading the app's view: the switch's frame does not lay out its new text, and a
            // burst is read once, when the app takes the last view.
            self.show_controls(&next, &self.shown.get().unwrap_or(next));
            // They show an older view until the app has it and they catch up (`use_follow`, the panel's own).
            let panel = caption
                .closest(".part")
                .ok()
                .flatten()
                .and_then(|part| one(&part, ".data-panel"));
            for el in [Some(caption), Some(&self.list), panel.as_ref()]
                .into_iter()
                .flatten()
            {
                if !el.has_attribute("aria-busy") {
                    let _ = el.set_attribute("aria-busy", "true");
                    self.waiting.marked.borrow_mut().push(el.clone());
                }
            }
            self.waiting.view.set(Some(next));
            let (waiting, dispatch) = (self.waiting.clone(), self.dispatch.borrow().clone());
            self.hand_over
                .schedule(move || waiting.hand_over(&dispatch));
        } else {
            self.flush();
            // Not borrowed while the app renders.
            let dispatch = self.dispatch.borrow().clone();
            dispatch.emit(action);
        }
    }

    /// Hands the app the view that waits (`emit`), if one does.
    fn flush(&self) {
        if self.waiting.view.get().is_some() {
            self.hand_over.cancel();
            let dispatch = self.dispatch.borrow().clone();
            self.waiting.hand_over(&dispatch);
        }
    }

    /// The map with its names (once per view of the app's) and the controls for `view`.
    fn show(&self, view: &View) {
        if self.shown.replace(Some(*view)) != Some(*view) {
            self.view.set(*view);
            self.sync_map(view, true);
        }
        self.show_controls(view, view);
    }

    /// The controls for `view`, their live region reading what `said` shows.
    fn show_controls(&self, view: &View, said: &View) {
        use crate::components::data::{controls_key, controls_saying};
        let key = (controls_key(view), controls_key(said));
        let mut made = self.controls_made.borrow_mut();
        if made.len() > 24 {
            made.clear();
        }
        let markup = match made.iter().find(|(v, _)| *v == key) {
            Some((_, m)) => m.clone(),
            None => {
                let m = format!(
                    r#"<div class="data-controls">{}</div>"#,
                    controls_saying(view, said)
                );
                made.push((key, m.clone()));
                m
            }
        };
        drop(made);
        self.controls_block.show(markup);
    }

    /// The map for `view`: each republic's fill and marks, the labels, the tab stop and the outlines; with `names`
    /// also what a reader does not see: each republic's name, data and state (`aria-label`, `data-value`...).
    fn sync_map(&self, view: &View, names: bool) {
        let shades = shades(view);
        let doc = crate::browser::document();
        for (c, g) in &self.republics {
            let c = *c;
            let shade = shades.iter().find(|s| s.country == c);
            let (fill, over) = fill_of(shade);
            if let Some(path) = g.first_element_child() {
                set(&path, "fill", Some(&fill));
                let second = path.next_element_sibling();
                match (over, second) {
                    (Some(id), second) => {
                        let marks = second.or_else(|| {
                            let p = doc
                                .as_ref()?
                                .create_element_ns(Some("http://www.w3.org/2000/svg"), "path")
                                .ok()?;
                            set(&p, "class", Some("reliability"));
                            set(&p, "d", path.get_attribute("d").as_deref());
                            g.append_child(&p).ok()?;
                            Some(p)
                        });
                        if let Some(marks) = marks {
                            set(&marks, "fill", Some(&format!("url(#{id})")));
                        }
                    }
                    (None, Some(second)) => second.remove(),
                    (None, None) => {}
                }
            }
            if names {
                set(
                    g,
                    "data-reliability",
                    shade.and_then(|s| s.reliability).map(|r| r.word()),
                );
                set(
                    g,
                    "data-value",
                    shade.and_then(|s| s.value).map(|v| fixed(v, 4)).as_deref(),
                );
                set(g, "aria-label", Some(&accessible_name(c, view)));
                set(
                    g,
                    "aria-pressed",
                    Some(if view.country == Some(c) {
                        "true"
                    } else {
                        "false"
                    }),
                );
            }
        }
        for ((c, _), label) in self.republics.iter().zip(&self.labels) {
            let shade = shades.iter().find(|s| s.country == *c);
            let light = shade.is_some_and(|sh| sh.light_text && sh.fill.is_some());
            set(
                label,
                "class",
                Some(if light {
                    "republic-label light"
                } else {
                    "republic-label"
                }),
            );
            if let Some(value) = label.last_element_child() {
                set_text(&value, shade.map_or("", |sh| sh.value_label));
            }
        }
        self.sync_focus();
    }

    /// The tab stop, and the outlines of the selected and the focused republic (drawn over every shape).
    fn sync_focus(&self) {
        let active = self.active.get();
        for (c, g) in &self.republics {
            set(g, "tabindex", Some(if *c == active { "0" } else { "-1" }));
        }
        let view = self.view.get();
        for (outline, (c, class)) in self.outlines.iter().zip([
            (view.country, "outline selected"),
            (self.focused.get(), "outline focused"),
        ]) {
            if let Some(outline) = outline {
                let d = c.and_then(shape).map_or("M0,0Z", |s| s.path());
                set(outline, "d", Some(d));
                let unused = format!("{class} unused");
                set(
                    outline,
                    "class",
                    Some(if c.is_some() { class } else { &unused }),
                );
            }
        }
    }

    /// The listeners: the map's republics (click, keys, focus), the controls' buttons, the list's buttons.
    fn listen(live: &Rc<Live>) -> Vec<EventListener> {
        let on = |el: &Element, name: &'static str, f: fn(&Live, &web_sys::Event)| {
            let live = live.clone();
            EventListener::new(el, name, move |e| f(&live, e))
        };
        let svg = one(&live.figure, ".region-map").unwrap_or_else(|| live.figure.clone());
        // What waits to be handed to the app (`emit`) goes first when the reader does anything else: a click, a key, a
        // focus or a pointer outside the controls, a scroll, Back or Forward. In the capture phase: the app renders in
        // the microtask after this listener, before the target's own listener acts (a navigation link written on
        // hover or focus then carries the new view).
        let hand_over = |target: &web_sys::EventTarget, name: &'static str, outside_only: bool| {
            let live = live.clone();
            let options = gloo::events::EventListenerOptions {
                phase: gloo::events::EventListenerPhase::Capture,
                passive: true,
            };
            EventListener::new_with_options(target, name, options, move |e| {
                if live.waiting.view.get().is_none() {
                    return;
                }
                // A click's, key's, focus's or pointer's target is a node (a scroll's may be the document, Back's the
                // window: not asked).
                let inside = || {
                    e.target()
                        .is_some_and(|t| live.controls.contains(Some(t.unchecked_ref())))
                };
                if !(outside_only && inside()) {
                    live.flush();
                }
            })
        };
        let mut listeners = vec![
            on(&svg, "click", |live, e| {
                if let Some(c) = live.republic_of(e) {
                    live.emit(Action::SelectCountry(Some(c)));
                }
            }),
            {
                // Arrows and Space do not scroll the page (not a passive listener).
                let live = live.clone();
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&svg, "keydown", options, move |e| live.key(e))
            },
            on(&svg, "focusin", |live, e| {
                if let Some(c) = live.republic_of(e) {
                    live.focused.set(Some(c));
                    live.active.set(c);
                    live.sync_focus();
                }
            }),
            on(&svg, "focusout", |live, _| {
                live.focused.set(None);
                live.sync_focus();
            }),
            on(&live.controls, "click", |live, e| live.control(e)),
            on(&live.list, "click", |live, e| live.press_country(e)),
            {
                // Enter and Space press a republic's button (a link made a button: `country_list`).
                let live = live.clone();
                let options = gloo::events::EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&live.list.clone(), "keydown", options, move |e| {
                    let key = e.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key());
                    if matches!(key.as_deref(), Some("Enter" | " ")) {
                        e.prevent_default();
                        live.press_country(e);
                    }
                })
            },
        ];
        if let Some(w) = crate::browser::window() {
            for (name, outside_only) in [
                ("click", true),
                ("keydown", true),
                ("focusin", true),
                ("pointerover", true),
                ("scroll", false),
                ("popstate", false),
            ] {
                listeners.push(hand_over(&w, name, outside_only));
            }
        }
        listeners
    }

    /// A press on a republic in the list: selects it, or clears it if it was selected.
    fn press_country(&self, e: &web_sys::Event) {
        let view = self.view.get();
        if let Some(c) =
            crate::browser::data_of(e, "data-country").and_then(|k| CountryId::from_key(&k))
        {
            self.emit(Action::SelectCountry(
                (view.country != Some(c)).then_some(c),
            ));
        }
    }

    /// The republic an event came from.
    fn republic_of(&self, e: &web_sys::Event) -> Option<CountryId> {
        let target = e.target()?.dyn_into::<Element>().ok()?;
        let g = target.closest(".republic").ok()??;
        self.republics
            .iter()
            .find(|(_, el)| *el == g)
            .map(|(c, _)| *c)
    }

    /// Arrows move between the republics, Home / End to the first / last, Enter / Space select, Escape clears.
    fn key(&self, e: &web_sys::Event) {
        let (Some(c), Some(e)) = (self.republic_of(e), e.dyn_ref::<web_sys::KeyboardEvent>())
        else {
            return;
        };
        if let Some(next) = on_republic_key(e, c, |action| self.emit(action)) {
            self.active.set(next);
            self.sync_focus();
            focus_shape(next);
        }
    }

    /// A press in the controls: a layer, a period, or per person.
    fn control(&self, e: &web_sys::Event) {
        let view = self.view.get();
        let Some(button) = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten())
        else {
            return;
        };
        if button.has_attribute("disabled") {
            return;
        }
        let action = if let Some(layer) = button.get_attribute("data-layer") {
            Layer::from_key(&layer).map(Action::SetLayer)
        } else if let Some(year) = button.get_attribute("data-year") {
            view.layer
                .years()
                .iter()
                .find(|y| y.key() == year)
                .map(|&y| Action::SetYear(y))
        } else {
            let possible = population_year(view.layer, view.year()).is_some();
            Some(Action::SetPerPerson(!(view.per_person && possible)))
        };
        if let Some(action) = action {
            self.emit(action);
        }
    }
}

/// Whether the legend (in `caption`) and the list both start below the viewport, so that neither, nor the table
/// after them, has to follow a switch in the frame that shows it (`Live::emit`). Read before the switch writes
/// anything: the page's layout is still clean then, and asking for it costs no layout.
fn below_fold(caption: &Element, list: &Element) -> bool {
    crate::browser::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .is_some_and(|height| {
            [caption, list]
                .iter()
                .all(|el| el.get_bounding_client_rect().top() >= height)
        })
}

/// The map part's kept nodes for this component's life, brought up to date by effects: the map and the controls
/// with `view`, the legend with `legend_view` and the list with `list_view` (each lags while it waits off
/// screen, `crate::components::data::use_follow_when_seen`). `None` where nothing could be built.
#[hook]
pub fn use_live(view: &View, dispatch: Callback<Action>) -> Option<Rc<Live>> {
    let live = use_memo((), {
        let view = *view;
        let dispatch = dispatch.clone();
        move |_| {
            let live = Live::take(&view, dispatch)?;
            let listeners = Live::listen(&live);
            Some((live, listeners))
        }
    });
    let live = live.as_ref().as_ref().map(|(l, _)| l.clone());
    if let Some(live) = &live {
        *live.dispatch.borrow_mut() = dispatch;
        live.waiting.app_view.set(*view);
    }
    use_effect_with(*view, {
        let live = live.clone();
        move |view| {
            if let Some(live) = live {
                live.show(view);
            }
        }
    });
    live
}

/// Brings the legend up to date with `legend_view` and the list with `list_view` (`view`: the map's).
#[hook]
pub fn use_follow(live: Option<Rc<Live>>, view: &View, legend_view: &View, list_view: &View) {
    let busy = (legend_view != view, list_view != view);
    use_effect_with((*legend_view, busy.0), {
        let live = live.clone();
        move |(legend_view, busy)| {
            let Some(live) = live else { return };
            if let Some(legend) = &live.legend {
                legend.show(crate::components::data::legend_markup(slice(legend_view)));
            }
            if let Some(caption) = &live.caption {
                set(caption, "aria-busy", busy.then_some("true"));
            }
        }
    });
    use_effect_with((*list_view, busy.1), move |(list_view, busy)| {
        if let Some(live) = live {
            live.list_block
                .show(super::country_list::list_markup(list_view, false));
            set(&live.list, "aria-busy", busy.then_some("true"));
        }
    });
}
