//! The LMS session in the browser: the API found up the frame and opener chain as the SCORM run-time
//! specifications describe, and the calls that keep it informed. A refused or failing call is dropped
//! quietly: the explainer works as it does without an LMS.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::report::{self, Call, Standard};
use crate::components::study::progress_model::Progress;

/// How many windows up a chain we look (the bound of ADL's own search in SCORM 2004).
const MAX_HOPS: usize = 500;

/// The LMS's API object and the standard it speaks.
struct Lms {
    api: JsValue,
    standard: Standard,
}

impl Lms {
    /// The call's result as a string; `None` where the method is missing or throws.
    fn call(&self, call: Call, args: &[&str]) -> Option<String> {
        let method = Reflect::get(&self.api, &self.standard.method(call).into()).ok()?;
        let method = method.dyn_into::<Function>().ok()?;
        let args: Array = args.iter().map(|a| JsValue::from_str(a)).collect();
        let out = method.apply(&self.api, &args).ok()?;
        out.as_string()
            .or_else(|| out.as_bool().map(|b| b.to_string()))
    }

    fn ok(&self, call: Call, args: &[&str]) -> bool {
        self.call(call, args).as_deref() == Some("true")
    }

    fn get(&self, element: &str) -> String {
        self.call(Call::GetValue, &[element]).unwrap_or_default()
    }
}

/// The API on this window, if any (a window of another origin throws on access: no API there).
fn probe(w: &JsValue) -> Option<Lms> {
    Standard::ALL.iter().find_map(|&standard| {
        let api = Reflect::get(w, &standard.api_name().into()).ok()?;
        api.is_object().then_some(Lms { api, standard })
    })
}

/// This window, then its parents up to the top (bounded).
fn search(start: web_sys::Window) -> Option<Lms> {
    let mut w = start;
    for _ in 0..MAX_HOPS {
        if let Some(found) = probe(&w) {
            return Some(found);
        }
        let parent = w.parent().ok().flatten()?;
        if Object::is(&parent, &w) {
            return None;
        }
        w = parent;
    }
    None
}

/// The frame chain first, then the window that opened this one and its chain.
fn find() -> Option<Lms> {
    let w = crate::browser::window()?;
    search(w.clone()).or_else(|| {
        let opener = w.opener().ok()?;
        if opener.is_null() || opener.is_undefined() {
            return None;
        }
        // A window of another realm is not `instanceof Window` here, so no checked cast.
        search(opener.unchecked_into())
    })
}

struct Session {
    lms: Lms,
    started_ms: f64,
    /// The LMS's record from earlier sessions says complete.
    was_complete: bool,
    /// The progress read from the LMS, until the progress provider takes it.
    restored: Option<Progress>,
    /// Values the LMS accepted, so unchanged ones are not sent again.
    sent: crate::model::SortedMap<&'static str, String>,
    answered: usize,
    complete: bool,
    ended: bool,
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

fn mark(value: &str) {
    crate::browser::set_page_attribute("data-lms", value);
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// Whether a session is running (started and not yet terminated).
pub fn active() -> bool {
    SESSION.with(|s| s.borrow().as_ref().is_some_and(|s| !s.ended))
}

/// The progress read from the LMS at the start (once).
pub fn take_restored() -> Option<Progress> {
    SESSION.with(|s| s.borrow_mut().as_mut().and_then(|s| s.restored.take()))
}

/// Connects and reads the student's progress; see the module docs.
pub fn start() {
    let Some(lms) = find() else {
        return;
    };
    if !lms.ok(Call::Initialize, &[""]) {
        mark("refused");
        return;
    }
    let was_complete = report::is_complete_status(&lms.get(lms.standard.status_element()));
    // Progress we cannot read starts afresh: the LMS's record is the student's, not this browser's.
    let progress = report::restore(&lms.get("cmi.suspend_data")).unwrap_or_default();
    mark(match lms.standard {
        Standard::Scorm12 => "scorm12",
        Standard::Scorm2004 => "scorm2004",
    });
    SESSION.with(|s| {
        *s.borrow_mut() = Some(Session {
            lms,
            started_ms: now(),
            was_complete,
            restored: Some(progress),
            sent: crate::model::SortedMap::new(),
            answered: usize::MAX,
            complete: false,
            ended: false,
        })
    });
    crate::browser::on_page_hidden_and_left(commit, finish);
}

/// Sends what changed; commits when an answer was given or completion changed (and at the start).
pub fn sync(progress: &Progress) {
    SESSION.with(|cell| {
        let mut guard = cell.borrow_mut();
        let Some(s) = guard.as_mut().filter(|s| !s.ended) else {
            return;
        };
        let tally = progress.tally();
        let mut values = report::report(s.lms.standard, &tally, s.was_complete);
        values.push(("cmi.suspend_data", report::suspend_data(progress)));
        for (element, value) in values {
            if s.sent.get(element) != Some(&value) && s.lms.ok(Call::SetValue, &[element, &value]) {
                s.sent.insert(element, value);
            }
        }
        let complete = report::completed(&tally);
        if tally.answered != s.answered || complete != s.complete {
            s.lms.ok(Call::Commit, &[""]);
        }
        s.answered = tally.answered;
        s.complete = complete;
    });
}

fn commit() {
    SESSION.with(|cell| {
        if let Some(s) = cell.borrow().as_ref().filter(|s| !s.ended) {
            s.lms.ok(Call::Commit, &[""]);
        }
    });
}

/// Exit as suspended with the session time, commit and terminate (once).
fn finish() {
    SESSION.with(|cell| {
        let mut guard = cell.borrow_mut();
        let Some(s) = guard.as_mut().filter(|s| !s.ended) else {
            return;
        };
        let session_ms = (now() - s.started_ms).max(0.0) as u64;
        for (element, value) in s.lms.standard.leaving(session_ms) {
            s.lms.ok(Call::SetValue, &[element, &value]);
        }
        s.lms.ok(Call::Commit, &[""]);
        s.lms.ok(Call::Terminate, &[""]);
        s.ended = true;
    });
}
