//! Browser tests (wasm32, headless Chromium via wasm-bindgen-test-runner) for components that need the DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod web {
    pub mod cards;
    pub mod data;
    pub mod map;
    pub mod shell;
    pub mod study;
}
