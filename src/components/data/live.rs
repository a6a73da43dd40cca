//! The browser build's data panel: the page's own nodes, kept when the app starts (`crate::app::mount`) or, where
//! the page had none (another part opened first), built once; then brought up to date from the panel's markup
//! (`super::panel`) by writing what differs (`crate::components::map::sync::morph`). One listener handles every
//! button in it: sort, source, republic, every comparison, CSV.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::panel::{blocks, Mode, SortKey, Ui};
use crate::components::map::sync::{parse, Block};
use crate::model::{CountryId, Part};
use crate::state::{Action, View};

/// The panel's kept nodes and what its listener reads.
pub struct Live {
    pub el: Element,
    blocks: Vec<Block>,
    view: Cell<Option<View>>,
    evidence: RefCell<String>,
    ui: RefCell<Ui>,
    dispatch: RefCell<Callback<Action>>,
    /// Draws the component again (a source opened waits for its texts: `crate::prose::use_texts_while`).
    update: RefCell<Option<Rc<dyn Fn()>>>,
}

/// The blocks' classes, in order (`super::panel::blocks`).
const BLOCKS: [&str; 4] = [
    "data-side",
    "data-compare",
    "data-table-block",
    "across-years",
];

impl Live {
    fn take() -> Option<Rc<Live>> {
        let el = crate::adopt::take(".data-panel")
            .or_else(|| parse(r#"<div class="data-panel"></div>"#))?;
        let kids = crate::browser::all_in(&el, ":scope > *");
        let mut list = Vec::new();
        for class in BLOCKS {
            let block = kids
                .iter()
                .find(|k| k.matches(&format!(".{class}")).unwrap_or(false))
                .cloned()
                .or_else(|| parse(&format!(r#"<div class="{class}"></div>"#)))?;
            let _ = el.append_child(&block);
            list.push(Block::new(block));
        }
        // What only the page without JavaScript shows (every other layer's table, folded).
        for k in kids {
            if !list.iter().any(|b| b.el == k) {
                k.remove();
            }
        }
        Some(Rc::new(Live {
            el,
            blocks: list,
            view: Cell::new(None),
            evidence: RefCell::default(),
            ui: RefCell::default(),
            dispatch: RefCell::default(),
            update: RefCell::default(),
        }))
    }

    /// Whether a source is open (it may wait for its texts).
    pub fn sources_open(&self) -> bool {
        !self.ui.borrow().open.is_empty()
    }

    /// The panel for `view` as the reader has set it (sort, sources, comparisons, CSV).
    pub fn show(&self, view: View, evidence: String) {
        // Drawn already, and no open source waits for its texts: nothing to write (the markup is not made again).
        if self.view.get() == Some(view)
            && *self.evidence.borrow() == evidence
            && !self.sources_open()
        {
            return;
        }
        if self.view.replace(Some(view)).is_some_and(|v| v != view) {
            // A row that now shows another figure starts closed, and the CSV box goes.
            let mut ui = self.ui.borrow_mut();
            ui.csv = false;
        }
        *self.evidence.borrow_mut() = evidence;
        self.draw();
    }

    fn draw(&self) {
        let Some(view) = self.view.get() else { return };
        let markup = blocks(&view, &self.ui.borrow(), Mode::App, &self.evidence.borrow());
        for (block, markup) in self.blocks.iter().zip(markup) {
            block.show(markup);
        }
    }

    /// Changes what the reader set, and draws it (through the component, which waits for texts while a source is open).
    fn change(&self, f: impl FnOnce(&mut Ui)) {
        f(&mut self.ui.borrow_mut());
        self.draw();
        let update = self.update.borrow().clone();
        if let Some(update) = update {
            update();
        }
    }

    fn dispatch(&self, action: Action) {
        let dispatch = self.dispatch.borrow().clone();
        dispatch.emit(action);
    }

    /// A click anywhere in the panel.
    fn click(&self, e: &web_sys::Event) {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let closest = |s: &str| target.closest(s).ok().flatten();
        if let Some(b) = closest("button") {
            let has = |name: &str| b.get_attribute(name);
            if let Some(k) = has("data-sort") {
                let key = SortKey::ALL.into_iter().find(|s| s.label() == k);
                if let Some(key) = key {
                    self.change(|ui| {
                        ui.ascending = ui.sort != key || !ui.ascending;
                        ui.sort = key;
                    });
                }
            } else if let Some(k) = has("data-src") {
                self.change(|ui| match ui.open.iter().position(|o| *o == k) {
                    Some(at) => {
                        ui.open.remove(at);
                    }
                    None => ui.open.push(k),
                });
            } else if b.matches(".compare-all").unwrap_or(false) {
                self.change(|ui| ui.all = !ui.all);
            } else if b.matches(".select-country").unwrap_or(false) {
                let tr = b.closest("tr").ok().flatten();
                if let Some(c) = tr.as_ref().and_then(country_of) {
                    let selected = b.get_attribute("aria-pressed").as_deref() == Some("true");
                    self.dispatch(Action::SelectCountry((!selected).then_some(c)));
                }
            } else if has("data-csv").is_some() {
                self.csv();
            } else if has("data-all-csv").is_some() {
                let _ = crate::browser::download(
                    "china-central-asia-all-data.csv",
                    &crate::data::all_csv(),
                    "text/csv",
                );
            }
            return;
        }
        if let Some(a) = closest("a[data-note]") {
            let id = a.get_attribute("data-note").unwrap_or_default();
            let note = crate::model::study::study()
                .evidence
                .iter()
                .find(|n| n.id == id);
            if let Some(note) = note {
                e.prevent_default();
                self.dispatch(Action::NavigateTo(Part::Evidence, note.id));
            }
            return;
        }
        if closest("a, textarea").is_some() {
            return;
        }
        if let Some(c) = closest(".data-table tbody tr")
            .as_ref()
            .and_then(country_of)
        {
            self.dispatch(Action::SelectCountry(Some(c)));
        }
    }

    /// "Download CSV": the visible layer; where the browser refuses (or in a frame, where it may), the CSV to copy.
    fn csv(&self) {
        let Some(view) = self.view.get() else { return };
        let s = crate::data::slice(&view);
        match crate::browser::download(&crate::data::file_name(s), &crate::data::csv(s), "text/csv")
        {
            Ok(()) if !crate::browser::in_frame() => {}
            Ok(()) => self.change(|ui| ui.csv = true),
            Err(why) => {
                self.change(|ui| ui.csv = true);
                self.dispatch(Action::Notice(format!("The browser refused the download ({why}); the CSV is shown below the table to copy.")));
            }
        }
    }
}

/// The republic of a table row.
fn country_of(tr: &Element) -> Option<CountryId> {
    CountryId::from_key(&tr.get_attribute("data-country")?)
}

/// The panel's kept nodes and its listener, for this component's life.
#[hook]
pub fn use_panel(dispatch: Callback<Action>) -> Rc<Live> {
    let update = use_force_update();
    let live = use_memo((), move |_| {
        let live = Live::take().unwrap_or_else(|| {
            // No document (never in the browser build): an element of nowhere.
            unreachable!("the data panel could not be built")
        });
        *live.update.borrow_mut() = Some(Rc::new(move || update.force_update()));
        let listener = {
            let live = live.clone();
            EventListener::new_with_options(
                &live.el.clone(),
                "click",
                EventListenerOptions::enable_prevent_default(),
                move |e| live.click(e),
            )
        };
        (live, listener)
    });
    let live = live.0.clone();
    *live.dispatch.borrow_mut() = dispatch;
    live
}
