//! The one place the app touches the browser: window, document, URL and history, storage, clipboard,
//! downloads, focus and scrolling, media queries, timing marks and the fatal-error banner. Components call
//! these small failure-tolerant functions and never `web_sys::window()` themselves. Every call returns a
//! `Result` or an `Option` (or does nothing): a sandboxed iframe or a private window must never crash us.

use wasm_bindgen::{JsCast, JsValue};

/// The page's window (for code that walks windows itself, like the LMS session's API search).
pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn describe(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}

/// Shows a readable message in the page when Rust panics, instead of a blank or frozen page. Installed
/// through Yew, because `yew::Renderer::render` replaces any panic hook not set with
/// `yew::set_custom_panic_hook` by its own console-only one.
pub fn install_panic_message() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&message));
        show_fatal(&message);
    }));
}

/// Puts the fatal-error banner (`#fatal` in index.html) on screen with a message.
pub fn show_fatal(message: &str) {
    let Some(doc) = document() else {
        return;
    };
    if let Some(el) = doc.get_element_by_id("fatal") {
        if let Some(detail) = doc.get_element_by_id("fatal-detail") {
            detail.set_text_content(Some(message));
        }
        let _ = el.remove_attribute("hidden");
    }
}

/// How long the reader has to pause before [`AfterPause`] work runs, in milliseconds: longer than the gap
/// between two quick clicks, short enough that the work is done before anyone looks for it.
pub const PAUSE_MS: u32 = 150;

/// Work that waits until the reader pauses: run once at least [`PAUSE_MS`] (at most twice that) have passed with no
/// `schedule` (of any `AfterPause`), unless another `schedule` (or `cancel`) of this one came first. A burst of
/// quick switches then costs one run, made for the last, and leaves the main thread free for the next click: every
/// `AfterPause` waits on one timer, set again when it fires too early (not a timer per switch and caller, nor a frame
/// callback; during a burst it fires once per `PAUSE_MS`, not once per switch).
#[derive(Clone, Default)]
pub struct AfterPause(std::rc::Rc<std::cell::RefCell<Option<Work>>>);

/// Work waiting for the pause.
type Work = Box<dyn FnOnce()>;

/// What waits for the pause.
#[derive(Default)]
struct Pause {
    /// When the pause ends (`Date.now()`, ms).
    ends: f64,
    /// Whether the timer is set.
    armed: bool,
    /// The `AfterPause`s with work waiting.
    waiting: Vec<AfterPause>,
}

thread_local! {
    static PAUSE: std::cell::RefCell<Pause> = std::cell::RefCell::default();
}

impl AfterPause {
    /// Runs `f` after the pause, in place of anything scheduled before.
    pub fn schedule(&self, f: impl FnOnce() + 'static) {
        self.schedule_work(Box::new(f));
    }

    /// [`Self::schedule`]'s work, once for every caller (not a copy per closure type).
    fn schedule_work(&self, f: Work) {
        let listed = self.0.borrow_mut().replace(f).is_some();
        let arm = PAUSE.with(|p| {
            let mut p = p.borrow_mut();
            p.ends = js_sys::Date::now() + f64::from(PAUSE_MS);
            if !listed {
                p.waiting.push(self.clone());
            }
            !std::mem::replace(&mut p.armed, true)
        });
        if arm {
            pause_timer();
        }
    }

    /// Drops what is scheduled.
    pub fn cancel(&self) {
        self.0.borrow_mut().take();
    }
}

/// The pause's timer: when it fires before the pause ends (a `schedule` since), it is set again.
fn pause_timer() {
    gloo::timers::callback::Timeout::new(PAUSE_MS, || {
        if PAUSE.with(|p| p.borrow().ends) > js_sys::Date::now() {
            return pause_timer();
        }
        let waiting = PAUSE.with(|p| {
            let mut p = p.borrow_mut();
            p.armed = false;
            std::mem::take(&mut p.waiting)
        });
        for w in waiting {
            let f = w.0.borrow_mut().take();
            if let Some(f) = f {
                f();
            }
        }
    })
    .forget();
}

/// Runs `f` once the next frame has been painted (requestAnimationFrame, then a zero-delay timeout): for work
/// nobody waits to see, kept out of the frame that shows a change. Without a window, after a zero-delay timeout.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    paint_then(Box::new(f));
}

/// [`after_next_paint`]'s work, once for every caller (not a copy per closure type).
fn paint_then(f: Work) {
    // Everything asked for in one frame waits on one animation frame and one timer, run in the order asked: not
    // one of each per caller in the frame that shows the change.
    thread_local! {
        static WAITING: std::cell::RefCell<Vec<Work>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let first = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        w.push(f);
        w.len() == 1
    });
    if !first {
        return;
    }
    let later = move || {
        let all = WAITING.with(|w| std::mem::take(&mut *w.borrow_mut()));
        gloo::timers::callback::Timeout::new(0, move || all.into_iter().for_each(|f| f())).forget();
    };
    match window() {
        // A live window's requestAnimationFrame does not fail; its Result carries nothing to act on.
        Some(w) => {
            let _ = w.request_animation_frame(
                wasm_bindgen::closure::Closure::once_into_js(later).unchecked_ref(),
            );
        }
        None => {
            later();
        }
    }
}

/// Keeps `on_screen` equal to whether `el` is at least partly in the viewport (an IntersectionObserver), and
/// calls `on_seen` each time it comes on screen; dropping the returned guard stops watching. `None` (and
/// `on_screen` left as it is) where the browser cannot observe.
pub fn watch_on_screen(
    el: &web_sys::Element,
    on_screen: std::rc::Rc<std::cell::Cell<bool>>,
    on_seen: impl Fn() + 'static,
) -> Option<ScreenWatch> {
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            if let Some(entry) = entries.iter().last() {
                let seen = entry
                    .unchecked_into::<web_sys::IntersectionObserverEntry>()
                    .is_intersecting();
                on_screen.set(seen);
                if seen {
                    on_seen();
                }
            }
        },
    );
    let observer = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(el);
    Some(ScreenWatch {
        observer,
        _callback: callback,
    })
}

/// An element being watched by [`watch_on_screen`]; stops when dropped.
pub struct ScreenWatch {
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for ScreenWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The page's query string, with its `?` ("" when there is none).
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's address without query or fragment (for share links).
pub fn base_url() -> String {
    window()
        .and_then(|w| {
            let l = w.location();
            Some(format!(
                "{}{}",
                l.origin().ok().filter(|o| o != "null").unwrap_or_else(|| l
                    .protocol()
                    .unwrap_or_default()
                    + "//"
                    + &l.host().unwrap_or_default()),
                l.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}

/// Records a new query in the history (so back and forward work); errors are returned, not thrown.
pub fn push_query(query: &str) -> Result<(), String> {
    write_query(query, false)
}

/// This page's address with another query, written as a new history entry or over the current one.
fn write_query(query: &str, replace: bool) -> Result<(), String> {
    let w = window().ok_or("no window")?;
    let path = w.location().pathname().map_err(describe)?;
    let url = format!("{path}{query}");
    let history = w.history().map_err(describe)?;
    if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    }
    .map_err(describe)
}

/// Why storage cannot be used, in our words (the browser's own message is technical and varies by browser).
const STORAGE_OFF: &str = "this browser does not let the page store anything here (a private window, an embedded frame or a privacy setting can do that)";

fn storage_refused(err: JsValue) -> String {
    let name = js_sys::Reflect::get(&err, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => {
            "the browser's storage for this page is full".into()
        }
        _ => STORAGE_OFF.into(),
    }
}

/// Replaces the current history entry's query (a change Back should not undo step by step).
pub fn replace_query(query: &str) -> Result<(), String> {
    write_query(query, true)
}

/// Reads a value from local storage; `Err` when storage is blocked.
pub fn storage_get(key: &str) -> Result<Option<String>, String> {
    local_storage()?.get_item(key).map_err(storage_refused)
}

/// The page's local storage; `Err` says in words why it cannot be used.
fn local_storage() -> Result<web_sys::Storage, String> {
    window()
        .ok_or("no window")?
        .local_storage()
        .map_err(storage_refused)?
        .ok_or_else(|| STORAGE_OFF.to_string())
}

/// Writes a value to local storage; `Err` when storage is blocked or full.
pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    local_storage()?
        .set_item(key, value)
        .map_err(storage_refused)
}

/// Removes a value from local storage.
pub fn storage_remove(key: &str) -> Result<(), String> {
    local_storage()?.remove_item(key).map_err(storage_refused)
}

/// Copies text with the asynchronous clipboard API; resolves to `Err` where it is blocked.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let w = window().ok_or("no window")?;
    let clipboard =
        js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("clipboard")).map_err(describe)?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return Err("this page may not use the clipboard".into());
    }
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(describe)
}

/// Offers `contents` as a file download; `Err` where the browser refuses.
pub fn download(file_name: &str, contents: &str, mime: &str) -> Result<(), String> {
    let w = window().ok_or("no window")?;
    let doc = w.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(describe)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(describe)?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(describe)?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.set_hidden(true);
    doc.body()
        .ok_or("no body")?
        .append_child(&a)
        .map_err(describe)?;
    a.click();
    a.remove();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Moves keyboard focus to the element with this id, if it exists.
pub fn focus(id: &str) {
    if let Some(el) = element(id) {
        focus_element(&el);
    }
}

/// Moves keyboard focus to `el`. HTML or SVG: both have `focus()` (HTMLOrSVGElement), so the unchecked
/// cast to `HtmlElement` calls the right method on either.
pub fn focus_element(el: &web_sys::Element) {
    // Something folded away under a closed <details> ("show more") is unfolded first, so it can take focus.
    while let Ok(Some(fold)) = el.closest("details:not([open])") {
        if fold.set_attribute("open", "").is_err() {
            break;
        }
    }
    let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
}

/// The element that has keyboard focus, if any.
pub fn active_element() -> Option<web_sys::Element> {
    document().and_then(|d| d.active_element())
}

/// [`focus`] once the current render and its effects are done (a zero-delay timeout): for an element the
/// render that is under way creates, or after another effect has moved focus elsewhere.
pub fn focus_soon(id: &'static str) {
    gloo::timers::callback::Timeout::new(0, move || focus(id)).forget();
}

/// The page's document.
pub fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}

/// The first element matching a CSS selector, if any.
pub fn find(selector: &str) -> Option<web_sys::Element> {
    document().and_then(|d| d.query_selector(selector).ok().flatten())
}

/// The first element under `root` matching a CSS selector, if any.
pub fn find_in(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element under `root` matching a CSS selector, in the page's order.
pub fn all_in(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    root.query_selector_all(selector)
        .map(|l| elements(&l).collect())
        .unwrap_or_default()
}

/// Scrolls `el` into view: to the top of the screen (`to_start`), or as little as needed.
pub fn scroll_into_view(el: &web_sys::Element, to_start: bool) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(if to_start {
        web_sys::ScrollLogicalPosition::Start
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    });
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Scrolls the page back to its top.
pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// After the current render, scrolls the element with this id into view (see [`scroll_into_view`]) and,
/// with `focus`, focuses its first button unless focus is already inside it.
pub fn reveal(id: String, to_start: bool, focus: bool) {
    gloo::timers::callback::Timeout::new(0, move || {
        let (Some(doc), Some(el)) = (document(), element(&id)) else {
            return;
        };
        let inside = doc.active_element().is_some_and(|a| el.contains(Some(&a)));
        if focus && !inside {
            if let Some(b) = el.query_selector("button").ok().flatten() {
                focus_element(&b);
            }
        }
        scroll_into_view(&el, to_start);
    })
    .forget();
}

/// Whether a media query matches now (`false` where there is no window, as in server-side rendering).
pub fn media_matches(query: &str) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        window()
            .and_then(|w| w.match_media(query).ok().flatten())
            .is_some_and(|m| m.matches())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = query;
        false
    }
}

/// Calls `f` on every back / forward; dropping the returned listener stops it.
pub fn on_history_move(f: impl FnMut() + 'static) -> Option<gloo::events::EventListener> {
    let mut f = f;
    window().map(|w| gloo::events::EventListener::new(&w, "popstate", move |_| f()))
}

/// Marks the app as mounted and interactive: a performance mark `app-interactive` and `data-ready="1"` on
/// `<html>` (read by the benchmark and the end-to-end tests).
pub fn mark_interactive() {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark("app-interactive");
    }
    set_page_attribute("data-ready", "1");
}

/// Sets an attribute on `<html>` (states the tests and the benchmark read: `data-ready`, `data-lms`).
pub fn set_page_attribute(name: &str, value: &str) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute(name, value);
    }
}

/// Calls `on_hide` whenever the page is hidden (another tab, a minimised window) and `on_leave` when it is
/// left (`pagehide`), for as long as the page lives.
pub fn on_page_hidden_and_left(on_hide: impl Fn() + 'static, on_leave: impl Fn() + 'static) {
    let Some(w) = window() else {
        return;
    };
    gloo::events::EventListener::new(&w, "pagehide", move |_| on_leave()).forget();
    if let Some(doc) = w.document() {
        let watched = doc.clone();
        gloo::events::EventListener::new(&doc, "visibilitychange", move |_| {
            if watched.hidden() {
                on_hide();
            }
        })
        .forget();
    }
}

/// Calls `f` when the page is left (`pagehide`) or hidden (`visibilitychange`), until the returned
/// listeners are dropped. `None` without a window.
pub fn on_leave_or_hide(f: impl Fn() + 'static) -> Option<[gloo::events::EventListener; 2]> {
    let w = window()?;
    let doc = w.document()?;
    let f = std::rc::Rc::new(f);
    let on_leave = f.clone();
    let watched = doc.clone();
    Some([
        gloo::events::EventListener::new(&w, "pagehide", move |_| on_leave()),
        gloo::events::EventListener::new(&doc, "visibilitychange", move |_| {
            if watched.hidden() {
                f();
            }
        }),
    ])
}

/// For one handler on a group of buttons: the value of `name` (a `data-` attribute) on the element the event
/// came from or its nearest ancestor that has it.
pub fn data_of(e: &web_sys::Event, name: &str) -> Option<String> {
    e.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(&format!("[{name}]"))
        .ok()
        .flatten()?
        .get_attribute(name)
}

/// The element with this id, if the page has one.
pub fn element(id: &str) -> Option<web_sys::Element> {
    document().and_then(|d| d.get_element_by_id(id))
}

/// Selects the whole text of an input or textarea (the copy fallback where the clipboard is blocked).
pub fn select_all(id: &str) {
    let Some(el) = element(id) else {
        return;
    };
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = t.focus();
        t.select();
    } else if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = i.focus();
        i.select();
    }
}

/// Whether the page is the served site (dist/index.html, beside the SCORM packages): not the single file,
/// not a page opened from disk.
pub fn served_site() -> bool {
    let site = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|html| html.has_attribute("data-wasm"));
    site && !base_url().starts_with("file:")
}

/// Whether the page runs inside a frame (an embed).
pub fn in_frame() -> bool {
    window()
        .map(|w| w.top().ok().flatten().map(|t| t != w).unwrap_or(true))
        .unwrap_or(false)
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Whether keyboard focus has been lost: it is on the page body or nowhere, or on an element that is gone
/// or disabled (what a removed or self-disabling button leaves behind).
pub fn focus_lost() -> bool {
    let Some(doc) = document() else {
        return false;
    };
    match doc.active_element() {
        None => true,
        Some(el) => {
            el.tag_name().eq_ignore_ascii_case("body")
                || !el.is_connected()
                || el.matches(":disabled").unwrap_or(false)
        }
    }
}

/// Once the current render is done (a zero-delay timeout, as [`focus_soon`]), moves focus to the first of
/// `ids` that exists, but only if focus was lost (see [`focus_lost`]): for a control that removes or
/// disables itself.
pub fn refocus_if_lost(ids: Vec<String>) {
    gloo::timers::callback::Timeout::new(0, move || {
        if focus_lost() {
            if let Some(id) = ids.iter().find(|id| element(id).is_some()) {
                focus(id);
            }
        }
    })
    .forget();
}

/// Whether the reader asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// After the current render, scrolls the element with this id into view: its top to the top of the
/// screen (`to_start`) or as little as needed. Smooth, unless the reader prefers reduced motion.
pub fn glide_to(id: &str, to_start: bool) {
    let id = id.to_string();
    gloo::timers::callback::Timeout::new(0, move || {
        let Some(el) = window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
        else {
            return;
        };
        scroll_to(&el, to_start);
    })
    .forget();
}

/// After the current render, [`glide_to`]s the first element that matches one of these CSS selectors,
/// its top to the top of the screen.
pub fn reveal_first(selectors: Vec<String>) {
    gloo::timers::callback::Timeout::new(0, move || {
        let Some(doc) = window().and_then(|w| w.document()) else {
            return;
        };
        let found = selectors
            .iter()
            .find_map(|s| doc.query_selector(s).ok().flatten());
        if let Some(el) = found {
            scroll_to(&el, true);
        }
    })
    .forget();
}

/// Scrolls `el` into view (see [`glide_to`]): smooth, unless the reader prefers reduced motion.
fn scroll_to(el: &web_sys::Element, to_start: bool) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(if to_start {
        web_sys::ScrollLogicalPosition::Start
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    });
    options.set_behavior(if prefers_reduced_motion() {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Sets (or with `None` removes) a CSS custom property on the root element, e.g. the tour bar's height
/// that the page's bottom padding makes room for.
pub fn set_root_property(name: &str, value: Option<&str>) {
    let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let style = root.unchecked_into::<web_sys::HtmlElement>().style();
    let _ = match value {
        Some(v) => style.set_property(name, v),
        None => style.remove_property(name).map(|_| ()),
    };
}

/// The elements of a `NodeList` (from `query_selector_all`), skipping any node that is not an element.
pub fn elements(list: &web_sys::NodeList) -> impl Iterator<Item = web_sys::Element> + '_ {
    (0..list.length()).filter_map(move |i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
}

/// While the page prints, opens every folded `<details>` (but the exercises') and folds them again
/// afterwards, so paper shows what the screen keeps behind "show more". Dropping the result stops it.
pub fn expand_details_when_printing() -> Option<[gloo::events::EventListener; 2]> {
    let w = window()?;
    let opened: std::rc::Rc<std::cell::RefCell<Vec<web_sys::Element>>> = Default::default();
    let before = {
        let opened = opened.clone();
        gloo::events::EventListener::new(&w, "beforeprint", move |_| {
            let Some(list) = window().and_then(|w| w.document()).and_then(|d| {
                d.query_selector_all("details:not([open]):not(.exercise-fold)")
                    .ok()
            }) else {
                return;
            };
            let mut opened = opened.borrow_mut();
            for el in elements(&list) {
                let _ = el.set_attribute("open", "");
                opened.push(el);
            }
        })
    };
    let after = gloo::events::EventListener::new(&w, "afterprint", move |_| {
        for el in opened.borrow_mut().drain(..) {
            let _ = el.remove_attribute("open");
        }
    });
    Some([before, after])
}
