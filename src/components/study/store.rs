//! The page's one progress store: read from local storage once, kept in memory, saved after each change,
//! and shared by the tour panel and the study part (which re-render when it changes).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
use super::progress_model::STORAGE_KEY;
use super::progress_model::{Progress, Restored};

/// What the reader sees of the store: the progress, and why it cannot be saved or was reset, if so.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub progress: Rc<Progress>,
    pub blocked: Option<String>,
    pub corrupted: Option<String>,
    /// How many times progress was reset (question views are keyed by it, so they start afresh).
    pub resets: usize,
}

struct Store {
    snapshot: Snapshot,
    listeners: Vec<(usize, Callback<()>)>,
    next_listener: usize,
}

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
}

#[cfg(target_arch = "wasm32")]
fn read() -> Result<Option<String>, String> {
    crate::browser::storage_get(STORAGE_KEY)
}

/// Server-side rendering has no storage: progress starts empty and is not saved.
#[cfg(not(target_arch = "wasm32"))]
fn read() -> Result<Option<String>, String> {
    Ok(None)
}

#[cfg(target_arch = "wasm32")]
fn write(progress: &Progress) -> Result<(), String> {
    if progress == &Progress::default() {
        crate::browser::storage_remove(STORAGE_KEY)
    } else {
        crate::browser::storage_set(STORAGE_KEY, &progress.encode())
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn write(_: &Progress) -> Result<(), String> {
    Ok(())
}

fn load() -> Store {
    let Restored {
        progress,
        blocked,
        corrupted,
    } = Progress::restore(read());
    if corrupted.is_some() {
        let _ = write(&Progress::default());
    }
    Store {
        snapshot: Snapshot {
            progress: Rc::new(progress),
            blocked,
            corrupted,
            resets: 0,
        },
        listeners: Vec::new(),
        next_listener: 0,
    }
}

fn with<R>(f: impl FnOnce(&mut Store) -> R) -> R {
    STORE.with(|cell| f(cell.borrow_mut().get_or_insert_with(load)))
}

/// The current progress and storage state.
pub fn snapshot() -> Snapshot {
    with(|s| s.snapshot.clone())
}

/// Changes the progress with `change` (which returns whether anything changed), saves it and re-renders
/// every component that shows it. Where saving fails, progress stays in memory and the reason is shown.
pub fn update(change: impl FnOnce(&mut Progress) -> bool) {
    let listeners = with(|s| {
        let progress = Rc::make_mut(&mut s.snapshot.progress);
        if !change(progress) {
            return Vec::new();
        }
        if s.snapshot.blocked.is_none() {
            if let Err(why) = write(progress) {
                s.snapshot.blocked = Some(why);
            }
        }
        s.listeners.iter().map(|(_, l)| l.clone()).collect()
    });
    for l in listeners {
        l.emit(());
    }
}

/// Forgets every step and answer (in memory and in storage).
pub fn reset() {
    update(|p| {
        *p = Progress::default();
        true
    });
    notify(|s| {
        s.snapshot.resets += 1;
        s.snapshot.corrupted = None;
    });
}

/// Forgets the notice about a discarded stored value.
pub fn clear_corrupted() {
    notify(|s| s.snapshot.corrupted = None);
}

fn notify(change: impl FnOnce(&mut Store)) {
    let listeners: Vec<Callback<()>> = with(|s| {
        change(s);
        s.listeners.iter().map(|(_, l)| l.clone()).collect()
    });
    for l in listeners {
        l.emit(());
    }
}

/// The store's snapshot, re-read whenever the progress changes anywhere on the page.
#[hook]
pub fn use_progress() -> Snapshot {
    let force = use_force_update();
    use_effect_with((), move |_| {
        let id = with(|s| {
            s.next_listener += 1;
            s.listeners.push((
                s.next_listener,
                Callback::from(move |_| force.force_update()),
            ));
            s.next_listener
        });
        move || with(|s| s.listeners.retain(|(i, _)| *i != id))
    });
    snapshot()
}
